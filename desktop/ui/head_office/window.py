"""The main window in head-office mode: the same registers and forms on head office's database,
as the logged-in user.

What differs from a laptop's window:
- the title names 总部 and the user with their role; the status bar names the database;
- every register has the columns 笔记本 (the laptop that made the record) and 登记人 → 最后修改人
  (the staff member who made it, and who changed it last when someone else did), and a filter by laptop;
- a laptop's record opens read-only (it belongs to the laptop); a complaint or return request has
  the head-office steps below its header (``decisions_panel``), each enabled for its role;
- the 总部 menu: the customers and products laptops proposed (``proposals_dialog``), the conflicts
  held (``ui.conflicts_dialog``), the drafts laptops deleted and what head office did
  (``deletions_dialog``);
- no sync with head office, no backup of a SQLite file, no attaching paper scans to laptops'
  records (those actions are hidden); no daily backup (the database server's own backup is the
  backup at head office).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction

from ...domain.forms import SPECS
from ...services.sync.decisions import STEPS
from ...services.sync.head_office import HEAD_OFFICE_CODE, ORIGIN, STAFF
from ..main_window import MainWindow
from . import role_text

if TYPE_CHECKING:
    from ...services.sync.head_office import HeadOfficeRecords, HeadOfficeUser
    from ..form_view import FormView


class HeadOfficeWindow(MainWindow):
    def __init__(self, data_dir: Path, service: HeadOfficeRecords, user: HeadOfficeUser, where: str = "") -> None:
        service.user = user
        self.user = user
        super().__init__(data_dir, service)
        self.setObjectName("head_office_window")
        self._app_title = self.tr("消杀药品售后服务台 · 总部 — {user}（{role}）").format(
            user=user.name, role=role_text(user.role))
        self.folder_label.setText(self.tr("总部数据库：{url}").format(url=where) if where else self.tr("总部数据库"))
        self.setAcceptDrops(False)  # paper scans are attached on the laptop that owns the record
        for act in (self.act_sync, self.act_backup, self.act_import_scans):
            act.setVisible(False)
            act.setEnabled(False)
        columns = [(ORIGIN, self.tr("笔记本")), (STAFF, self.tr("登记人 → 最后修改人"))]
        laptops = service.laptops()
        for page in self.registers.values():
            page.show_origin(columns, ORIGIN, laptops)
        self._head_office_menu()
        self._current_changed(self.tabs.currentIndex())

    def _head_office_menu(self) -> None:
        self.act_proposals = QAction(self.tr("笔记本提议的客户和产品…"), self)
        self.act_proposals.setObjectName("act_proposals")
        self.act_proposals.triggered.connect(self.open_proposals)
        self.addAction(self.act_proposals)
        self.act_deletions = QAction(self.tr("笔记本删除的草稿…"), self)
        self.act_deletions.setObjectName("act_deletions")
        self.act_deletions.triggered.connect(self.open_deletions)
        self.act_user = QAction(self.tr("已登录：{user}（{role}）").format(user=self.user.name,
                                                                     role=role_text(self.user.role)), self)
        self.act_user.setObjectName("act_user")
        self.act_user.setEnabled(False)
        menu = self.menuBar().addMenu(self.tr("总部(&H)"))
        menu.setObjectName("head_office_menu")
        menu.addAction(self.act_proposals)
        menu.addAction(self.act_conflicts)
        menu.addAction(self.act_deletions)
        menu.addSeparator()
        menu.addAction(self.act_user)
        # Before 帮助, the last menu.
        bar = self.menuBar()
        actions = bar.actions()
        if len(actions) >= 2:
            bar.removeAction(menu.menuAction())
            bar.insertAction(actions[-2], menu.menuAction())
        self.head_office_menu = menu

    def _first_run_notice(self) -> None:
        self.show_notice("")  # head office has no laptop code or clerk to fill in

    def prepare_form(self, form: FormView) -> None:
        """A laptop's record is read-only here; a complaint or return request gets the head-office
        steps (``decisions_panel``)."""
        rec = form.record
        if rec is None or form.archived:
            return
        decides = form.kind in STEPS
        if rec.origin and rec.origin != HEAD_OFFICE_CODE:
            form.hold_read_only(
                self.tr("这条记录由笔记本 {code} 建立，属于该笔记本：在总部只能查看；审批和质量界定在“总部审批与界定”中填写。")
                .format(code=rec.origin) if decides else
                self.tr("这条记录由笔记本 {code} 建立，属于该笔记本：在总部只能查看和导出 PDF。").format(code=rec.origin))
        if decides:
            from .decisions_panel import DecisionsPanel

            content = form.scroll.widget()
            panel = DecisionsPanel(form, self.user, content)
            content.layout().insertWidget(0, panel)
            form.decisions = panel  # type: ignore[attr-defined]

    def open_proposals(self) -> Any:
        """总部 ▸ 笔记本提议的客户和产品…; returns the dialog (tests drive it)."""
        from .proposals_dialog import ProposalsDialog

        dialog = ProposalsDialog(self._ready(), self.user, self)
        dialog.decided.connect(lambda: [self.registers[k].invalidate() for k in ("customer", "product") if k in SPECS])
        dialog.setModal(True)
        dialog.show()
        return dialog

    def open_deletions(self) -> Any:
        """总部 ▸ 笔记本删除的草稿… (``deletions_dialog``); returns the dialog (tests drive it)."""
        from .deletions_dialog import DeletionsDialog

        dialog = DeletionsDialog(self._ready(), self._ready().laptops(), self)
        dialog.openRequested.connect(lambda kind, rid: (dialog.accept(), self.open_record(kind, rid)))
        dialog.setModal(True)
        dialog.show()
        return dialog

