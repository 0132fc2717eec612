"""总部审批与界定: on a complaint or return request opened at head office, the steps head office owns
(``services.sync.decisions.STEPS``) — the quality determination by 品质部, the approvals by
管理者代表 / 总经理 (and a return request's by 售后部经理, 管理者代表 or 总经理).

Each step is a row: its choice, a comment where the step has one, and the button that records it
through ``decisions.decide`` as the logged-in user (who and when go with the record's new version
and reach the laptop at its next sync).  A step the user's role may not take is shown disabled,
with the reason beside it; the rest of a laptop's record stays read-only at head office.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain.fields import Field
from ...services.sync.decisions import STEPS
from ..texts import tr_field
from . import refusal_text, role_text

if TYPE_CHECKING:
    from ...services.sync.head_office import HeadOfficeUser
    from ..form_view import FormView

COMMENT = "approval_comment"


def step_title(step: str) -> str:
    texts = {"quality": QT_TRANSLATE_NOOP("DecisionsPanel", "质量界定"),
             "mgmt_rep": QT_TRANSLATE_NOOP("DecisionsPanel", "管理者代表审批"),
             "gm": QT_TRANSLATE_NOOP("DecisionsPanel", "总经理审批"),
             "approval": QT_TRANSLATE_NOOP("DecisionsPanel", "退换货审批")}
    return QCoreApplication.translate("DecisionsPanel", texts.get(step, step))


class DecisionsPanel(QGroupBox):
    """The head-office steps of one form (see the module text)."""

    def __init__(self, form: FormView, user: HeadOfficeUser, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("总部审批与界定"), parent)
        self.form = form
        self.user = user
        self.setObjectName("decisions_panel")
        self.steps = STEPS.get(form.kind, {})
        self.choices: dict[str, QComboBox] = {}
        self.comments: dict[str, QLineEdit] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.notes: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        intro = QLabel(self.tr("由来源规定的角色在总部填写，记录填写人和时间，笔记本下次同步时收到。您是 {user}（{role}）。").format(
            user=user.name, role=role_text(user.role)), self)
        intro.setWordWrap(True)
        intro.setObjectName("decisions_intro")
        grid.addWidget(intro, 0, 0, 1, 5)
        for row, (step, (roles, keys, _name, _date, _role)) in enumerate(self.steps.items(), start=1):
            allowed = user.role in roles
            title = QLabel(self.tr("{step}（{roles}）").format(
                step=step_title(step), roles=self.tr("、").join(role_text(r) for r in roles)), self)
            grid.addWidget(title, row * 2 - 1, 0)
            field = form.spec.element(keys[0])
            assert isinstance(field, Field)
            combo = QComboBox(self)
            combo.setObjectName(f"decision_{step}")
            combo.setAccessibleName(step_title(step))
            combo.addItem(self.tr("（请选择）"), "")
            for c in field.choices:
                combo.addItem(tr_field(c), c)
            grid.addWidget(combo, row * 2 - 1, 1)
            self.choices[step] = combo
            if COMMENT in keys:
                comment = QLineEdit(self)
                comment.setObjectName(f"decision_{step}_comment")
                comment.setPlaceholderText(tr_field(form.spec.label_of(COMMENT)))
                comment.setAccessibleName(tr_field(form.spec.label_of(COMMENT)))
                grid.addWidget(comment, row * 2 - 1, 2)
                self.comments[step] = comment
            button = QPushButton(self.tr("记录{step}").format(step=step_title(step)), self)
            button.setObjectName(f"decide_{step}")
            button.setProperty("step", True)
            button.clicked.connect(lambda _checked=False, s=step: self.decide(s))
            grid.addWidget(button, row * 2 - 1, 3)
            self.buttons[step] = button
            note = QLabel(self)
            note.setObjectName(f"decision_{step}_note")
            note.setWordWrap(True)
            note.setStyleSheet("color: #6b7280;")
            grid.addWidget(note, row * 2, 1, 1, 3)
            self.notes[step] = note
            if not allowed:
                reason = self.tr("需要{roles}；您是{role}，不能填写这一步。").format(
                    roles=self.tr("、").join(role_text(r) for r in roles), role=role_text(user.role))
                for w in (combo, button, self.comments.get(step)):
                    if w is not None:
                        w.setEnabled(False)
                        w.setToolTip(reason)
                self.buttons[step].setProperty("reason", reason)
        form.loaded.connect(self.refresh)
        self.refresh()

    def _reload(self) -> None:
        from ...services.errors import NotFound, StorageError

        rec = self.form.record
        if rec is None:
            return
        try:
            self.form.load(self.form.service.get(self.form.kind, rec.id))
        except (NotFound, StorageError):
            return
        self.form.saved.emit(self.form.record)

    def reason(self, step: str) -> str:
        """Why a step is disabled for this user ("" when it is not)."""
        return str(self.buttons[step].property("reason") or "")

    def refresh(self) -> None:
        """Show the decisions as the record has them now."""
        rec = self.form.record
        fields: dict[str, Any] = rec.values.fields if rec is not None else {}
        for step, (_roles, keys, name_key, date_key, _role) in self.steps.items():
            combo = self.choices[step]
            i = combo.findData(fields.get(keys[0]) or "")
            combo.setCurrentIndex(max(i, 0))
            if step in self.comments:
                self.comments[step].setText(str(fields.get(COMMENT) or ""))
            done = fields.get(keys[0])
            parts = []
            if done:
                who = fields.get(name_key) if name_key else ""
                when = fields.get(date_key) if date_key else None
                parts.append(self.tr("现为：{value}").format(value=tr_field(str(done))) +
                             (self.tr("（{who}，{when}）").format(who=who or "—", when=when or "—") if name_key else ""))
            reason = self.reason(step)
            if reason:
                parts.append(reason)
            self.notes[step].setText(self.tr("；").join(parts))
            self.notes[step].setVisible(bool(parts))
            if rec is None:
                self.buttons[step].setEnabled(False)

    def decide(self, step: str) -> bool:
        """Record the step's decision as the logged-in user (``decisions.decide``)."""
        from ...domain.validation import ValidationFailed
        from ...domain.workflow import TransitionRefused
        from ...services.errors import StaleRecord, StorageError
        from ...services.sync.decisions import DecisionRefused, decide
        from .. import dialogs
        from ..texts import error_text, issue_text

        rec = self.form.record
        if rec is None:
            return False
        if self.form.is_dirty:  # head office's own record, being edited: its changes first
            self.form._message(self.tr("请先保存或放弃表单中的修改，再填写{step}。").format(step=step_title(step)))
            return False
        keys = self.steps[step][1]
        choice = self.choices[step].currentData()
        if not choice:
            self.form._message(self.tr("请先选择{field}。").format(field=tr_field(self.form.spec.label_of(keys[0]))))
            self.choices[step].setFocus()
            return False
        values: dict[str, Any] = {keys[0]: choice}
        if step in self.comments:
            values[COMMENT] = self.comments[step].text().strip()
        title = step_title(step)
        try:
            out = decide(self.form.service, self.user.name, self.form.kind, rec.id, step, values,
                         expected_version=rec.version)
        except DecisionRefused as e:
            dialogs.error(self, title, refusal_text(e))
            return False
        except ValidationFailed as e:
            dialogs.error(self, title, self.tr("未记录：记录中还有需要修改之处。"),
                          "\n".join(issue_text(i) for i in e.issues))
            return False
        except StaleRecord:
            dialogs.error(self, title, self.tr("这条记录刚被修改过（可能是笔记本同步），已显示最新的内容；请核对后再填写。"))
            self._reload()
            return False
        except (TransitionRefused, StorageError) as e:  # a closed or voided record: refused, said why
            dialogs.error(self, title, error_text(e))
            return False
        self.form.load(out.record)
        self.form._message(self.tr("已记录{step}：{value}（{user}），笔记本下次同步时收到。").format(
            step=title, value=tr_field(str(choice)), user=self.user.label), "info")
        self.form.saved.emit(out.record)
        return True
