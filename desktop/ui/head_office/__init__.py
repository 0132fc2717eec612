"""The head-office window (issue 12): the same main window on head office's database, entered by a
login; decisions by role on laptops' records, and the proposals and conflicts to resolve.

- ``login_dialog``: user name and password, checked against ``server_user`` (Argon2id);
- ``window``: :class:`HeadOfficeWindow`, the main window in head-office mode;
- ``decisions_panel``: the quality determination and approval steps on a complaint or return
  request, each enabled only for the role the source names;
- ``proposals_dialog``: the customers and products laptops proposed, to accept, merge or reject.
"""

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
