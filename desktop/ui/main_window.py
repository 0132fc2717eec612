"""The main window: the home screen, a register per kind and the commitment letter as fixed tabs,
each opened record in a tab of its own.

Tabs suit a clerk on a laptop: one window to keep track of, every page one click (or Ctrl+1 …
Ctrl+9) away, several records open side by side while on the phone.  The first tab is 首页 (what is
due today); then the registers in ``domain.forms.SPECS`` order — the signed forms (投诉, 服务报告,
满意度调查, 退换货申请, 培训), the service desk (热线保障单, 回访计划) and the registers behind them
(客户, 产品, 发货批次, 使用记录) — and the 承诺书 page; they cannot be closed.  接听热线 (F2) adds the
hotline's guided screen as a tab.  Opening a record that is already open brings its tab forward
instead of opening a second copy.  "新建" (Ctrl+N) makes a record of the kind in view; the menu
文件 ▸ 新建 offers every kind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import survey
from ..domain.forms import SPECS
from ..domain.links import Link
from ..services.errors import StorageError
from . import dialogs
from .commitment_page import CommitmentPage
from .form_view import FormView
from .home_page import HomePage
from .register_page import RegisterPage
from .settings_dialog import SettingsDialog
from .texts import error_text, tr_field

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..domain.records import Record
    from ..services.records import RecordService


class MainWindow(QMainWindow):
    recordsChanged = Signal(object)  # the RecordRefs an operation changed (queued to the event loop)

    """The application window.

    It can be drawn before the database is open (``service=None``): start-up shows the window at
    once and calls :meth:`attach` when the services are ready, since loading SQLAlchemy and the
    register takes longer than drawing.
    """

    scan_folder: str = ""  # where 导入扫描件文件夹 and 校验 PDF looked last (for the session)
    verify_folder: str = ""

    def __init__(self, data_dir: Path, service: RecordService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: RecordService | None = None
        self.data_dir = data_dir
        self.setObjectName("main_window")
        self.setAcceptDrops(True)  # scans of signed paper: the record is found by the page's QR code
        self._app_title = self.tr("消杀药品售后服务台")
        self._closing_confirmed = False
        self._kind = next(iter(SPECS))  # the kind in view: of the register or record shown last

        self.recordsChanged.connect(self._records_changed)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab_at)

        # 首页 first: what is due today, one click to each record (ui.home_page).
        self.home = HomePage(self.tabs)
        self.home.openRequested.connect(self.open_record)
        self.home.registerRequested.connect(lambda kind: self.tabs.setCurrentWidget(self.registers[kind]))
        self.home.groupRequested.connect(self.show_group)
        self.tabs.addTab(self.home, self.tr("首页"))
        self.registers: dict[str, RegisterPage] = {}
        for kind, spec in SPECS.items():
            page = RegisterPage(kind, self.tabs)
            page.openRequested.connect(lambda record_id, k=kind: self.open_record(k, record_id))
            page.newRequested.connect(lambda k=kind: self.new_record(k))
            page.countChanged.connect(lambda _shown, _total, k=kind: self._show_count(k))
            # The tab says the kind in a word or two (thirteen tabs fit a laptop's width); the
            # register's full title is its tool tip and heads the status bar's count.
            index = self.tabs.addTab(page, tr_field(spec.short_title))
            self.tabs.setTabToolTip(index, tr_field(spec.register_title))
            self.registers[kind] = page
        # 报表 (issue 15): the four reports; a figure opens its records in their tabs.
        from .reports_page import ReportsPage

        self.reports = ReportsPage(self.tabs)
        self.reports.openRequested.connect(self.open_record)
        self.tabs.addTab(self.reports, self.tr("报表"))
        self.letter = CommitmentPage(self.tabs)
        self.letter.settingsRequested.connect(self.open_settings)
        self.tabs.addTab(self.letter, self.tr("承诺书"))
        self.fixed_tabs = self.tabs.count()
        bar = self.tabs.tabBar()
        for index in range(self.fixed_tabs):
            for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
                bar.setTabButton(index, side, None)  # the registers and the letter are always there

        self.notice = QLabel(self)
        self.notice.setObjectName("register_notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.notice)
        lay.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._make_actions()
        # Every page one click away with many records open (issue 14): the strip's two corners.
        from .open_records import OpenRecordsButton, PagesButton

        self.pages_button = PagesButton(self, self.tabs)
        self.tabs.setCornerWidget(self.pages_button, Qt.Corner.TopLeftCorner)
        self.open_records = OpenRecordsButton(self, self.tabs)
        self.tabs.setCornerWidget(self.open_records, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(lambda _i: self.open_records.refresh())
        self.tabs.currentChanged.connect(self._current_changed)
        self.folder_label = QLabel(self.tr("数据文件夹：{path}").format(path=data_dir), self)
        self.folder_label.setObjectName("data_folder")
        self.count_label = QLabel(self.tr("正在打开数据…"), self)
        self.count_label.setObjectName("record_count")
        self.statusBar().addWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._initial_size()
        self._current_changed(0)
        if service is not None:
            self.attach(service)

    @property
    def register(self) -> RegisterPage:
        """The register of the kind in view (of the record in view, on a record's tab)."""
        return self.registers[self._kind]

    def _initial_size(self) -> None:
        """1280×800, or a little less than the screen on a small laptop (1366×768)."""
        screen = self.screen()
        width, height = 1280, 800
        if screen is not None:
            avail = screen.availableGeometry()
            width, height = min(width, int(avail.width() * 0.96)), min(height, int(avail.height() * 0.92))
        self.resize(width, height)

    def attach(self, service: RecordService) -> None:
        """Start working on an opened data folder: fill the register in view, enable the actions."""
        self.service = service
        # Every operation's changes, whoever made it in this window (a form, the hotline desk, an
        # Excel import, a conflict resolved), refresh what shows them once the operation returned.
        service.on_change(self.recordsChanged.emit)
        for page in self.registers.values():
            page.attach(service)
        self.home.attach(service)
        self.letter.attach(service)
        self.reports.attach(service)
        self._first_run_notice()
        self._current_changed(self.tabs.currentIndex())
        # Issue 14: the window as it was left, and what was typed before a crash.
        from .drafts import DraftKeeper, WindowSession

        self.session = WindowSession(self.data_dir)
        self.session.restore_geometry(self)
        self.session.restore_tabs(self)
        self.drafts = DraftKeeper(self, self.data_dir)
        self.drafts.offer()
        self.drafts.start()

    def _ready(self) -> RecordService:
        assert self.service is not None, "the window is used before the data folder is open"
        return self.service

    # ------------------------------------------------------------------ actions

    def _action(self, text: str, name: str, slot, shortcut: QKeySequence | str | None = None,
                icon: QStyle.StandardPixmap | None = None) -> QAction:  # type: ignore[no-untyped-def]
        act = QAction(text, self)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        act.triggered.connect(slot)
        self._tip(act)
        self.addAction(act)
        return act

    def _tip(self, act: QAction) -> None:
        if not act.shortcut().isEmpty():
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(self.tr("{action}（{shortcut}）").format(action=act.text().replace("&", ""),
                                                                  shortcut=keys))

    def _make_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.act_new = self._action(self.tr("新建"), "act_new", lambda: self.new_record(self._kind),
                                    QKeySequence.StandardKey.New, sp.SP_FileIcon)
        self.new_actions: dict[str, QAction] = {}
        for n, (kind, spec) in enumerate(SPECS.items(), start=1):
            self.new_actions[kind] = self._action(f"&{n} {tr_field(spec.short_title)}", f"act_new_{kind}",
                                                  lambda _checked=False, k=kind: self.new_record(k))
        self.act_ticket_desk = self._action(self.tr("接听热线"), "act_ticket_desk", self.open_ticket_desk, "F2",
                                            sp.SP_MediaVolume)
        self.act_open = self._action(self.tr("打开"), "act_open", self.open_selected, QKeySequence.StandardKey.Open,
                                     sp.SP_DialogOpenButton)
        self.act_save = self._action(self.tr("保存"), "act_save", self.save_current, QKeySequence.StandardKey.Save,
                                     sp.SP_DialogSaveButton)
        self.act_export = self._action(self.tr("导出 PDF…"), "act_export", self.export_current, "Ctrl+E",
                                       sp.SP_FileDialogDetailedView)
        self.act_blank_survey = self._action(self.tr("打印空白调查表…"), "act_blank_survey", self.print_blank_survey)
        self.act_close_tab = self._action(self.tr("关闭当前页"), "act_close_tab", self.close_current_tab,
                                          QKeySequence.StandardKey.Close)
        self.act_settings = self._action(self.tr("设置…"), "act_settings", self.open_settings, None,
                                         sp.SP_FileDialogInfoView)
        self.act_quit = self._action(self.tr("退出"), "act_quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_import_scans = self._action(self.tr("导入扫描件文件夹…"), "act_import_scans", self.import_scan_folder)
        self.act_verify = self._action(self.tr("校验 PDF…"), "act_verify", self.verify_pdf_file)
        self.act_backup = self._action(self.tr("备份与恢复…"), "act_backup", self.open_backups)
        self.act_conflicts = self._action(self.tr("冲突记录…"), "act_conflicts", self.open_conflicts)
        self.act_sync = self._action(self.tr("与总部同步…"), "act_sync", self.open_sync)
        from . import excel_ui

        self.act_excel_export = self._action(self.tr("导出台账（Excel）…"), "act_excel_export",
                                             lambda: excel_ui.export_registers(self))
        self.act_excel_import = self._action(self.tr("从 Excel 导入…"), "act_excel_import",
                                             lambda: excel_ui.import_from_excel(self))
        self.act_excel_template = self._action(self.tr("生成 Excel 导入模板…"), "act_excel_template",
                                               lambda: excel_ui.save_template(self))
        self.act_find = self._action(self.tr("在登记簿中查找"), "act_find", self.focus_search,
                                     QKeySequence.StandardKey.Find)
        self.page_actions = [
            self._action(self.tabs.tabText(i), f"act_page_{i}",
                         lambda _checked=False, i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}" if i < 9 else None)
            for i in range(self.fixed_tabs)  # Ctrl+1 首页 … Ctrl+9; the later pages from the menu
        ]

        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.act_new)
        self.new_menu = QMenu(self.tr("新建(&N)"), self)
        self.new_menu.setObjectName("new_menu")
        for act in self.new_actions.values():
            self.new_menu.addAction(act)
        file_menu.addMenu(self.new_menu)
        file_menu.addAction(self.act_ticket_desk)
        for act in (self.act_open, self.act_save, self.act_export):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.act_blank_survey)
        from .handouts_dialog import handouts_action

        self.act_handouts = handouts_action(self)
        file_menu.addAction(self.act_handouts)
        file_menu.addSeparator()
        file_menu.addAction(self.act_close_tab)
        file_menu.addAction(self.act_quit)
        view = self.menuBar().addMenu(self.tr("查看(&V)"))
        for act in self.page_actions:
            view.addAction(act)
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        tools.addAction(self.act_find)
        tools.addSeparator()
        tools.addAction(self.act_import_scans)
        tools.addAction(self.act_verify)
        tools.addAction(self.act_sync)
        tools.addAction(self.act_conflicts)
        tools.addSeparator()
        tools.addAction(self.act_excel_export)
        tools.addAction(self.act_excel_import)
        tools.addAction(self.act_excel_template)
        tools.addSeparator()
        tools.addAction(self.act_backup)
        tools.addAction(self.act_settings)
        from .about_dialog import add_help_menu

        self.act_about = add_help_menu(self)  # 帮助 ▸ 关于…

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # 新建投诉 (the kind in view) with the other kinds under its arrow.
        self.new_button = QToolButton(toolbar)
        self.new_button.setObjectName("toolbar_new")
        self.new_button.setDefaultAction(self.act_new)
        self.new_button.setMenu(self.new_menu)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addWidget(self.new_button)
        toolbar.addAction(self.act_ticket_desk)
        for act in (self.act_open, self.act_save, self.act_export):
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addAction(self.act_settings)
        self.addToolBar(toolbar)

        blank = QPushButton(self.act_blank_survey.text(), self.registers[survey.SPEC.kind])
        blank.setObjectName("register_blank_survey")
        blank.setToolTip(self.tr("为客户登记一份调查表（已发放）并导出空白 PDF 打印"))
        blank.clicked.connect(self.act_blank_survey.trigger)
        self.registers[survey.SPEC.kind].add_bar_widget(blank)

    # ------------------------------------------------------------------ forms

    def forms(self) -> list[FormView]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), FormView)]

    def current_form(self) -> FormView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, FormView) else None

    def current_register(self) -> RegisterPage | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, RegisterPage) else None

    def form_for(self, record_id: str) -> FormView | None:
        for form in self.forms():
            if form.record is not None and form.record.id == record_id and not form.archived:
                return form
        return None

    def _add_form(self, form: FormView) -> FormView:
        form.titleChanged.connect(lambda f=form: self._update_tab(f))
        form.saved.connect(self._record_saved)
        form.openLinkRequested.connect(self.open_record)
        form.followOnRequested.connect(self.new_follow_on)
        form.openRevisionRequested.connect(self.open_revision)
        form.newRecordRequested.connect(lambda kind, values, source: self.new_record(kind, values, source))
        self.prepare_form(form)
        index = self.tabs.addTab(form, "")
        self._update_tab(form)
        self.tabs.setCurrentIndex(index)
        return form

    def prepare_form(self, form: FormView) -> None:
        """A hook for a window of another mode (head office: ``ui.head_office``) before a form is shown."""

    def show_group(self, kind: str, key: str) -> None:
        """A 首页 figure clicked: its register, showing exactly those records."""
        page = self.registers[kind]
        self.tabs.setCurrentWidget(page)
        page.ensure_loaded()
        page.show_group(key)

    def new_record(self, kind: str, values: dict[str, Any] | None = None,
                   source: Link | None = None) -> FormView | None:
        """A new record's form: today's date and this laptop's clerk filled in, then ``values``."""
        service = self._ready()
        spec = SPECS[kind]
        try:
            defaults: dict[str, Any] = {spec.date_field: service.clock.today()}
            staff = service.settings().staff_name
            if spec.staff_field:
                defaults[spec.staff_field] = staff
            from ..services.habits import habit_defaults

            defaults.update(habit_defaults(service, kind, staff))  # issue 14: the rules and the clerk's habits
        except StorageError as e:
            dialogs.error(self, self.tr("无法新建"), error_text(e))
            return None
        # What the record is made with comes first, but an empty value does not clear a default.
        defaults.update({k: v for k, v in (values or {}).items() if v not in (None, "") or k not in defaults})
        try:
            from ..services.habits import register_fills

            defaults.update(register_fills(service, kind, defaults))  # the unit's address, from the register
        except StorageError:
            pass  # a help only: the form opens without it
        form = self._add_form(FormView(service, kind, defaults=defaults, source=source))
        form.focus_first_empty()
        return form

    def new_follow_on(self, kind: str, record_id: str, target_kind: str) -> FormView | None:
        """由此新建: a ``target_kind`` record prefilled from a saved one, linked to it when saved."""
        from ..domain.workflow import TransitionRefused
        from ..services.records import NotFound

        service = self._ready()
        try:
            values, link = service.follow_on(kind, record_id, target_kind)
        except (NotFound, StorageError, TransitionRefused) as e:  # refused: a voided duplicate
            dialogs.error(self, self.tr("无法新建"), error_text(e))
            return None
        return self.new_record(target_kind, values, source=link)

    def open_record(self, kind: str, record_id: str) -> FormView | None:
        """Open a record in its own tab, or bring its tab forward when it is already open."""
        from ..services.records import NotFound

        existing = self.form_for(record_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        service = self._ready()
        try:
            record = service.get(kind, record_id)
        except NotFound:
            dialogs.error(self, self.tr("无法打开"), self.tr("这条记录已不存在。"))
            self.registers[kind].invalidate()
            return None
        except StorageError as e:
            dialogs.error(self, self.tr("无法打开"), error_text(e))
            return None
        return self._add_form(FormView(service, kind, record))

    def open_revision(self, kind: str, record_id: str, revision: int) -> FormView | None:
        """An earlier, signed revision of a record, read-only in its own tab (to print it again)."""
        from ..services.records import NotFound

        for form in self.forms():
            if form.archived and form.record is not None and form.record.id == record_id \
                    and form.record.revision == revision:
                self.tabs.setCurrentWidget(form)
                return form
        service = self._ready()
        try:
            record = service.get_revision(kind, record_id, revision)
        except (NotFound, StorageError) as e:
            dialogs.error(self, self.tr("无法打开"), error_text(e))
            return None
        return self._add_form(FormView(service, kind, record, archived=True))

    def open_selected(self) -> None:
        """打开: the record selected in the register, else go to the search box."""
        page = self.current_register()
        if page is not None and page.open_selected():
            return
        self.focus_search()

    def focus_search(self) -> None:
        page = self.register
        self.tabs.setCurrentWidget(page)
        page.search.setFocus()
        page.search.selectAll()

    def save_current(self) -> None:
        form = self.current_form()
        if form is not None:
            form.save()

    def export_current(self) -> None:
        if self.tabs.currentWidget() is self.letter:
            self.letter.export_pdf()
            return
        form = self.current_form()
        page = self.current_register()
        if form is None and page is not None:
            record_id = page.selected_id()
            form = self.open_record(page.kind, record_id) if record_id else None
        if form is not None:
            form.export_pdf()
        else:
            self.statusBar().showMessage(self.tr("请先在登记簿中选择一条记录。"), 5000)

    def _record_saved(self, record: Record) -> None:
        """A form or the hotline desk saved ``record``: its tab shows the new number and state (the
        registers follow the operation's changes, ``_records_changed``)."""
        form = self.form_for(record.id)
        if form is not None:
            self._update_tab(form)

    def _records_changed(self, changed: tuple[Any, ...]) -> None:
        """An operation changed these records (``RecordService.on_change``; its Outcome): refresh
        exactly the registers of their kinds, the home page, and the open forms that show them
        (reloaded when the clerk has not changed them; otherwise their save will say what
        happened, ``FormView._stale``); the 关联记录 of every open form may now list one more."""
        if not changed:
            return
        ids = {ref.id for ref in changed}
        for kind in {ref.kind for ref in changed}:
            if kind in self.registers:
                self.registers[kind].invalidate()
        self.home.mark_stale()
        for form in self.forms():
            if form.record is None or form.archived:
                continue
            if form.record.id in ids and not form.is_dirty:
                self._reload(form)
            form.refresh_links()

    def _reload(self, form: FormView) -> None:
        from ..services.records import NotFound

        assert form.record is not None
        try:
            stored = self._ready().get(form.kind, form.record.id)
        except (NotFound, StorageError):
            return
        if stored.version != form.record.version or stored.status != form.record.status:
            form.load(stored)
            self._update_tab(form)

    # ------------------------------------------------------------------ the hotline desk

    ticket_desk = None  # the 接听热线 tab (ui.ticket_desk.TicketDesk), made at the first F2

    def open_ticket_desk(self) -> Any:
        """接听热线 (F2): the guided screen of a hotline call, in a tab of its own."""
        from .ticket_desk import TicketDesk

        service = self._ready()
        desk = self.ticket_desk
        if desk is None:
            desk = TicketDesk(service)
            desk.openRequested.connect(self.open_record)
            desk.recordSaved.connect(self._record_saved)
            desk.dirtyChanged.connect(lambda dirty, d=desk: self._desk_dirty(d, dirty))
            self.ticket_desk = desk
            index = self.tabs.addTab(desk, desk.display_name())
            self.tabs.setTabToolTip(index, self.tr("接听热线：查找单位、核对来电人、记录问题、承诺回电并派工（F2）"))
        self.tabs.setCurrentWidget(desk)
        desk.start_call()
        return desk

    def _desk_dirty(self, desk: Any, dirty: bool) -> None:
        index = self.tabs.indexOf(desk)
        if index >= 0:
            self.tabs.setTabText(index, desk.display_name() + (" *" if dirty else ""))

    def close_ticket_desk(self) -> bool:
        desk = self.ticket_desk
        if desk is None:
            return True
        self.tabs.setCurrentWidget(desk)
        if not desk.maybe_close():
            return False
        self.tabs.removeTab(self.tabs.indexOf(desk))
        self.ticket_desk = None
        desk.deleteLater()
        return True

    def _update_tab(self, form: FormView) -> None:
        index = self.tabs.indexOf(form)
        if index < 0:
            return
        self.tabs.setTabText(index, form.display_name() + (" *" if form.is_dirty else ""))
        self.tabs.setTabToolTip(index, " ".join(filter(None, (tr_field(form.spec.short_title), form.customer()))))
        if self.tabs.currentWidget() is form:
            self._current_changed(index)

    def _current_changed(self, _index: int) -> None:
        widget = self.tabs.currentWidget()
        form = self.current_form()
        if isinstance(widget, (RegisterPage, FormView)):
            self._kind = widget.kind
        else:  # 首页, 承诺书: 新建 makes the main form, not the last register visited's (issue 14)
            self._kind = next(iter(SPECS))
            if widget is self.letter and self.service is not None:
                self.letter.set_units(self.customer_units())
        if form is None:
            self.setWindowTitle(f"{self._app_title}[*]")
            self.setWindowModified(False)
        else:
            self.setWindowTitle(f"{form.display_name()}[*] — {self._app_title}")
            self.setWindowModified(form.is_dirty)
        ready = self.service is not None
        editable = form is not None and not form.read_only
        self.act_new.setText(self.tr("新建{title}").format(title=tr_field(SPECS[self._kind].short_title)))
        self._tip(self.act_new)
        self.act_save.setEnabled(editable)
        self.act_close_tab.setEnabled(form is not None)
        for act in (self.act_new, self.act_open, self.act_export, self.act_settings, self.act_find,
                    self.act_blank_survey, self.act_ticket_desk, *self.new_actions.values()):
            act.setEnabled(ready)
        self._show_count(self._kind)

    def close_form(self, form: FormView) -> bool:
        """Close one record's tab, asking about unsaved changes first."""
        self.tabs.setCurrentWidget(form)
        if not form.maybe_close():
            return False
        self.tabs.removeTab(self.tabs.indexOf(form))
        form.deleteLater()
        self.open_records.refresh()
        return True

    def _close_tab_at(self, index: int) -> None:
        form = self.tabs.widget(index)
        if isinstance(form, FormView):
            self.close_form(form)
        elif form is not None and form is self.ticket_desk:
            self.close_ticket_desk()

    def close_current_tab(self) -> None:
        form = self.current_form()
        if form is not None:
            self.close_form(form)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_confirmed:
            desk = self.ticket_desk
            if desk is not None and desk.is_dirty:
                self.tabs.setCurrentWidget(desk)
                if not desk.maybe_close():
                    event.ignore()
                    return
            for form in self.forms():
                if not form.maybe_close():
                    event.ignore()
                    return
            self._closing_confirmed = True
        if getattr(self, "drafts", None) is not None:
            self.session.save(self)
            self.drafts.timer.stop()
            self.drafts.discard_all()  # every form was saved or its changes given up just now
        event.accept()

    # ------------------------------------------------------------------ survey blanks, status, settings

    def customer_units(self) -> list[str]:
        """Every customer unit on record in any register, most recent first (for pick lists)."""
        dated = []
        for kind, page in self.registers.items():
            spec = SPECS[kind]
            if spec.customer_field in spec.register:
                for row in page.rows():
                    date = row[spec.date_field] if spec.date_field in spec.register else None
                    dated.append((date.isoformat() if date else "", row[spec.customer_field] or ""))
        dated.sort(reverse=True)
        return list(dict.fromkeys(unit for _date, unit in dated if unit))

    def print_blank_survey(self) -> Record | None:
        """打印空白调查表: register a survey (已发放) for a customer and export its blank PDF."""
        from .blank_survey import issue_blank_survey

        service = self._ready()
        record, path = issue_blank_survey(self, service, self.customer_units(), FormView.export_folder)
        if record is None:
            return None
        if path:
            FormView.export_folder = str(Path(path).parent)
        page = self.registers[record.kind]
        page.invalidate()
        self.tabs.setCurrentWidget(page)
        page.search.clear()
        page.apply_filter()
        page.select_id(record.id)
        self.statusBar().showMessage(
            self.tr("已登记 {number}（已发放），空白调查表已导出：{path}").format(number=record.number, path=path)
            if path else self.tr("已登记 {number}（已发放），未导出 PDF。").format(number=record.number), 8000)
        return record

    def _show_count(self, kind: str) -> None:
        if kind != self._kind or self.service is None:
            return
        if not isinstance(self.tabs.currentWidget(), (RegisterPage, FormView)):
            self.count_label.setText("")  # 首页, 接听热线, 承诺书: no register in view
            return
        page = self.registers[kind]
        title = tr_field(SPECS[kind].register_title)
        if not page.loaded:
            self.count_label.setText(title)
        elif page.more and page.group_filter.currentData():  # head office: a 首页 figure's first records
            self.count_label.setText(self.tr("{register}：显示“{figure}”中的前 {shown} 条（共 {n} 条，搜索或筛选以找到其余的）").format(
                register=title, figure=page.group_filter.currentText(), shown=page.shown, n=page.total))
        elif page.more:  # head office: only the newest that match are shown
            self.count_label.setText(self.tr("{register}：显示最新的 {shown} 条（共 {n} 条，搜索或筛选以找到其余的）").format(
                register=title, shown=page.shown, n=page.total))
        elif page.shown == page.total:
            self.count_label.setText(self.tr("{register}：共 {n} 条").format(register=title, n=page.total))
        else:
            self.count_label.setText(self.tr("{register}：显示 {shown} 条，共 {n} 条").format(
                register=title, shown=page.shown, n=page.total))

    def _first_run_notice(self) -> None:
        try:
            settings = self._ready().settings()
        except StorageError:
            return
        if settings.company_name.startswith("（") or not settings.staff_name:
            self.show_notice(self.tr("首次使用：请在“工具 → 设置…”中填写公司名称、本机代码和本机使用人。"))
        else:
            self.show_notice("")

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # ------------------------------------------------------------------ scans of signed paper, 校验

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.service is not None and self._dropped_images(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        if self.service is not None and self._dropped_images(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = self._dropped_images(event.mimeData())
        if self.service is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.attach_scans(paths)

    @staticmethod
    def _dropped_images(mime: QMimeData) -> list[Path]:
        from ..services.scans import IMAGE_SUFFIXES

        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls()
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES]

    def attach_scans(self, paths: list[Path], folder: str = "") -> Any:
        """Find each picture's record by its QR code, attach it as a scan, say what happened and
        open the record (the last one matched)."""
        from ..services.scans import import_scans

        service = self._ready()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = import_scans(service, paths)
        finally:
            QApplication.restoreOverrideCursor()
        lines = []
        for path, match in report.attached:
            title = tr_field(SPECS[match.kind].title)
            line = self.tr("{file} → {title} {number} 第 {revision} 版").format(
                file=path.name, title=title, number=match.number, revision=match.revision)
            if not match.hash_matches:
                line += self.tr("（注意：页面的校验码与这一版的内容不符）")
            lines.append(line)
        for path in report.unmatched:
            lines.append(self.tr("{file}：没有找到本机记录的二维码").format(file=path.name))
        for path, reason in report.failed:
            lines.append(self.tr("{file}：无法读取（{reason}）").format(file=path.name, reason=reason))
        for _path, match in report.attached:
            form = self.form_for(match.record_id)
            if form is not None:
                form.refresh_scans()
        if report.attached:
            text = self.tr("已附加 {n} 份纸质签字件。").format(n=len(report.attached))
            if report.unmatched or report.failed:
                text += self.tr("另有 {n} 个文件未能匹配。").format(n=len(report.unmatched) + len(report.failed))
            title = self.tr("导入扫描件")
            dialogs.info(self, title, text, "\n".join(lines))
            last = report.attached[-1][1]
            self.open_record(last.kind, last.record_id)
        elif paths:
            dialogs.error(self, self.tr("导入扫描件"),
                          self.tr("没有找到可以匹配的记录：图片上须能看清表单页脚的二维码。"), "\n".join(lines))
        else:
            dialogs.info(self, self.tr("导入扫描件"), self.tr("文件夹中没有图片：{folder}").format(folder=folder))
        return report

    def import_scan_folder(self) -> Any:
        from ..services.scans import is_image_file

        self._ready()
        folder = QFileDialog.getExistingDirectory(self, self.tr("导入扫描件文件夹"), MainWindow.scan_folder)
        if not folder:
            return None
        MainWindow.scan_folder = folder
        paths = sorted(p for p in Path(folder).iterdir() if is_image_file(p))
        return self.attach_scans(paths, folder)

    def verify_pdf_file(self) -> Any:
        """校验 PDF: is the file intact, and which record and revision is it?"""
        from ..services.signing import verify_pdf
        from .scans_ui import VerifyDialog

        path, _filter = QFileDialog.getOpenFileName(self, self.tr("校验 PDF"), MainWindow.verify_folder,
                                                    self.tr("PDF 文件 (*.pdf);;所有文件 (*)"))
        if not path:
            return None
        MainWindow.verify_folder = str(Path(path).parent)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = verify_pdf(path, self.data_dir, self.service)
        finally:
            QApplication.restoreOverrideCursor()
        dlg = VerifyDialog(path, result, self)
        dlg.exec()
        dlg.deleteLater()
        return result

    def open_backups(self) -> bool:
        """工具 ▸ 备份与恢复 (``backup_dialog``); after a restore the program closes to start afresh."""
        from .backup_dialog import BackupDialog

        dialog = BackupDialog(self._ready(), self.data_dir, self)
        dialog.exec()
        if dialog.restored_aside is not None:
            self.close()
            return True
        return False

    def open_sync(self) -> Any:
        """工具 ▸ 与总部同步… (``sync_dialog``): one sync with its progress; returns the dialog
        (tests drive it)."""
        from .sync_dialog import SyncDialog

        dialog = SyncDialog(self._ready(), self)
        dialog.setModal(True)
        # Head office's decisions on this laptop's customers and products change no record when one
        # is rejected: their registers' marks are looked at again when the sync is over.
        dialog.finished.connect(lambda _result: [self.registers[k].invalidate() for k in ("customer", "product")
                                                 if k in self.registers])
        dialog.show()
        return dialog

    def open_conflicts(self) -> Any:
        """工具 ▸ 冲突记录…: copies of records changed both here and elsewhere, to keep one side.
        Returns the dialog (tests drive it); the records it changes reach the views through the
        service's change listeners."""
        from .conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.service, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def open_settings(self) -> bool:
        dialog = SettingsDialog(self._ready(), self)
        accepted = bool(dialog.exec())
        if accepted:
            self._first_run_notice()
            self.letter.refresh()
            self.statusBar().showMessage(self.tr("设置已保存。"), 5000)
        return accepted
