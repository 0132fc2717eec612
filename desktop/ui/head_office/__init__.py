"""The head-office window (issue 12): the same main window on head office's database, entered by a
login; decisions by role on laptops' records, and the proposals and conflicts to resolve.

- ``login_dialog``: user name and password, checked against ``server_user`` (Argon2id);
- ``window``: :class:`HeadOfficeWindow`, the main window in head-office mode;
- ``decisions_panel``: the quality determination and approval steps on a complaint or return
  request, each enabled only for the role the source names;
- ``proposals_dialog``: the customers and products laptops proposed, to accept, merge or reject;
- ``deletions_dialog``: the drafts laptops deleted, and what head office did.
"""

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def role_text(role: str) -> str:
    """A head-office role as the user reads it (售后服务人员, 品质部, …, administrator → 系统管理员)."""
    texts = {"售后服务人员": QT_TRANSLATE_NOOP("HeadOffice", "售后服务人员"),
             "售后部经理": QT_TRANSLATE_NOOP("HeadOffice", "售后部经理"),
             "品质部": QT_TRANSLATE_NOOP("HeadOffice", "品质部"),
             "管理者代表": QT_TRANSLATE_NOOP("HeadOffice", "管理者代表"),
             "总经理": QT_TRANSLATE_NOOP("HeadOffice", "总经理"),
             "administrator": QT_TRANSLATE_NOOP("HeadOffice", "系统管理员")}
    return QCoreApplication.translate("HeadOffice", texts[role]) if role in texts else role


def refusal_text(e: BaseException) -> str:
    """A refusal of head office's services (a decision or a proposal this user may not make), in the
    window's language: its message translated, the roles it names too."""
    from ..texts import tr_message

    template = getattr(e, "template", None)
    if not isinstance(template, str):
        return str(e)
    args = dict(getattr(e, "args_", {}) or {})
    joiner = QCoreApplication.translate("HeadOffice", "、")  # between the names of several roles
    for key in ("role", "roles"):
        if isinstance(args.get(key), str):
            args[key] = joiner.join(_role_or_message(r) for r in args[key].split("、"))
    return tr_message(template, **args)


def _role_or_message(text: str) -> str:
    translated = role_text(text)
    return translated if translated != text else QCoreApplication.translate("messages", text)


def list_table(parent: Any, name: str, headers: list[str]) -> Any:
    """A read-only list of rows (the proposals, the deletions): one row chosen at a time, no row
    numbers; ``headers`` already translated by the caller."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    return table

