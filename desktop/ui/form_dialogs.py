"""The questions a record's form asks around saving, stepping and signing (moved out of
``form_view``): a change that leaves signatures behind on a frozen revision (生成新版本), a record
changed elsewhere since it was opened (记录已在别处修改), and "complete, then sign" (先完成，再签字).

They speak in the translation context of the form (``FormView``), as they did when they were its
methods: PySide's ``tr()`` takes the runtime class name, so the context is pinned here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer

from ..services.errors import StorageError
from . import dialogs
from .texts import tr_field

if TYPE_CHECKING:
    from .form_view import FormView

translate = QCoreApplication.translate  # with the context "FormView" spelled out (lupdate reads it)


def complete_before_signing(form: FormView, block: Any) -> bool:
    """"Complete, then sign": a form not yet complete for this signer (``SignatureBlock.signs_at``)
    would leave the signature behind on an earlier revision when it is completed.  Offer to
    complete it first (the signing follows the step by itself); True to sign now."""
    assert form.record is not None
    try:
        pending = form.service.unfinished(form.kind, form.raw(), form.record.status, block.key)
    except StorageError:
        return True
    if pending is None:
        return True
    step, missing = pending
    labels = translate("FormView", "、").join(form._labels(missing))
    action = tr_field(step.action)
    answer = dialogs.choose(
        form, translate("FormView", "先完成，再签字"),
        translate("FormView", "此表尚未{action}。现在签字，之后{action}时会生成新版本，{label}的签字只留在旧版本上。"
                  ).format(action=action, label=tr_field(block.label)),
        [("complete", translate("FormView", "先完成再签字")), ("sign", translate("FormView", "仍然现在签字")),
         ("cancel", translate("FormView", "取消"))],
        translate("FormView", "还需填写：{labels}。填好后点“{action}”，随后即可签字。").format(labels=labels, action=action)
        if missing else translate("FormView", "点“{action}”后即可签字。").format(action=action),
        default="complete", escape="cancel")
    if answer == "sign":
        return True
    if answer == "complete":
        form._sign_after = (block.key, step.target)
        if missing:
            form.show_issues(missing)
            form._message(translate("FormView", "请填写：{labels}，然后点“{action}”；完成后将请{label}签字。").format(
                labels=labels, action=action, label=tr_field(block.label)), sticky=True)
        else:
            QTimer.singleShot(0, lambda: form.step(step))
    return False


def signatures_text(signatures: list[Any]) -> str:
    return translate("FormView", "、").join(
        translate("FormView", "{role}（{name}）").format(role=tr_field(s.role), name=s.name) for s in signatures)


def confirm_new_revision(form: FormView, raw: dict[str, Any], target: str | None = None) -> bool:
    """Before a save or step that changes a signed revision: say which signatures the new
    revision will lack, and ask."""
    assert form.record is not None
    try:
        lost = form.service.signatures_left_behind(form.kind, form.record.id, raw, target)
    except StorageError:
        return True  # the save itself will say what is wrong with the disk
    except Exception:  # noqa: BLE001 - NotFound: the save will say so
        return True
    if not lost:
        return True
    rec = form.record
    return dialogs.confirm(
        form, translate("FormView", "生成新版本"),
        translate("FormView", "第 {n} 版已有签字：{who}。").format(n=rec.revision,
                                                                who=signatures_text(lost)),
        translate("FormView", "保存为第 {n} 版").format(n=rec.revision + 1),
        translate("FormView", "保存后内容改变，将生成第 {new} 版；第 {n} 版连同签字原样保留，可随时查看和打印。"
                              "新的第 {new} 版上还没有这些签字，需要时请重新签字。").format(n=rec.revision, new=rec.revision + 1))


def stale(form: FormView, e: Any) -> None:
    """The record was changed elsewhere since this form opened it: nothing was saved."""
    from ..services.conflicts import differences
    from ..services.records import VIA_EXCEL, VIA_HOTLINE, VIA_IMPORT, VIA_POLICY, VIA_SYNC

    via = {
        VIA_IMPORT: translate("FormView", "导入文件"), VIA_EXCEL: translate("FormView", "Excel 导入"),
        VIA_HOTLINE: translate("FormView", "热线服务台"), VIA_SYNC: translate("FormView", "与总部同步"),
    }.get(e.via) or (translate("FormView", "由其他记录自动更新") if e.via.startswith(VIA_POLICY)
                     else translate("FormView", "另一个窗口"))
    when = e.at.astimezone().strftime("%Y-%m-%d %H:%M") if e.at else "—"
    try:
        stored = form.service.get(form.kind, form.record.id) if form.record else None
    except Exception:  # noqa: BLE001 - deleted meanwhile: the message still stands
        stored = None
    lines = []
    if stored is not None and form.record is not None:
        for d in differences(form.kind, form.record, stored):
            label = tr_field(d.label) if "[" not in d.key else d.label
            empty = translate("FormView", "（空）")
            lines.append(translate("FormView", "{label}：{old} → {new}").format(
                label=label, old=d.local or empty, new=d.incoming or empty))
    answer = dialogs.choose(
        form, translate("FormView", "记录已在别处修改"),
        translate("FormView", "{number} 在打开后已被修改（{who}，{via}，{when}），现为第 {n} 版。你的修改没有保存。"
                  ).format(number=e.number, who=e.by or translate("FormView", "未署名"), via=via, when=when, n=e.current),
        [("reload", translate("FormView", "重新载入（放弃我的修改）")),
         ("keep", translate("FormView", "保留我的修改在表单中"))],
        translate("FormView", "别处改动了：{items}").format(items=translate("FormView", "；").join(lines[:6]))
        if lines else "",
        default="keep", escape="keep", details="\n".join(lines))
    if answer == "reload" and stored is not None:
        form.load(stored)
        form._message(translate("FormView", "已重新载入第 {n} 版。").format(n=stored.version), "info")
    else:
        form._message(translate("FormView", "未保存：{number} 已在别处修改。请重新载入后再改（或把你的修改记下来）。"
                                ).format(number=e.number), sticky=True)
