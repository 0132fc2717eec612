"""The main window: the complaint register as the first tab, each opened record in a tab of its own.

Tabs suit a clerk on a laptop: one window to keep track of, the register a click away, several
complaints open side by side while on the phone.  Opening a record that is already open brings
its tab forward instead of opening a second copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ..storage.errors import StorageError
from . import dialogs
from .form_view import FormView
from .register_page import RegisterPage
from .settings_dialog import SettingsDialog

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..services.records import RecordService

KIND = "complaint"


class MainWindow(QMainWindow):
    """The application window.

    It can be drawn before the database is open (``service=None``): start-up shows the window at
    once and calls :meth:`attach` when the services are ready, since loading SQLAlchemy and the
    register takes longer than drawing.
    """

    def __init__(self, data_dir: Path, service: RecordService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: RecordService | None = None
        self.data_dir = data_dir
        self.setObjectName("main_window")
        self._app_title = self.tr("消杀药品售后服务台")
        self._closing_confirmed = False

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab_at)
        self.setCentralWidget(self.tabs)

        self.register = RegisterPage(KIND, self.tabs)
        self.register.openRequested.connect(self.open_record)
        self.register.newRequested.connect(self.new_complaint)
        self.register.countChanged.connect(self._show_count)
        self.tabs.addTab(self.register, self.tr("投诉登记簿"))
        bar = self.tabs.tabBar()
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            bar.setTabButton(0, side, None)  # the register is always there

        self._make_actions()
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

    def _initial_size(self) -> None:
        """1280×800, or a little less than the screen on a small laptop (1366×768)."""
        screen = self.screen()
        width, height = 1280, 800
        if screen is not None:
            avail = screen.availableGeometry()
            width, height = min(width, int(avail.width() * 0.96)), min(height, int(avail.height() * 0.92))
        self.resize(width, height)

    def attach(self, service: RecordService) -> None:
        """Start working on an opened data folder: fill the register, enable the actions."""
        self.service = service
        self.register.attach(service)
        self._first_run_notice()
        self._current_changed(self.tabs.currentIndex())

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
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(self.tr("{action}（{shortcut}）").format(action=text, shortcut=keys))
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _make_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.act_new = self._action(self.tr("新建投诉"), "act_new", self.new_complaint, QKeySequence.StandardKey.New,
                                    sp.SP_FileIcon)
        self.act_open = self._action(self.tr("打开"), "act_open", self.open_selected, QKeySequence.StandardKey.Open,
                                     sp.SP_DialogOpenButton)
        self.act_save = self._action(self.tr("保存"), "act_save", self.save_current, QKeySequence.StandardKey.Save,
                                     sp.SP_DialogSaveButton)
        self.act_export = self._action(self.tr("导出 PDF…"), "act_export", self.export_current, "Ctrl+E",
                                       sp.SP_FileDialogDetailedView)
        self.act_close_tab = self._action(self.tr("关闭当前页"), "act_close_tab", self.close_current_tab,
                                          QKeySequence.StandardKey.Close)
        self.act_settings = self._action(self.tr("设置…"), "act_settings", self.open_settings, None,
                                         sp.SP_FileDialogInfoView)
        self.act_quit = self._action(self.tr("退出"), "act_quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_find = self._action(self.tr("查找投诉"), "act_find", self.focus_search, QKeySequence.StandardKey.Find)

        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        for act in (self.act_new, self.act_open, self.act_save, self.act_export):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.act_close_tab)
        menu.addAction(self.act_quit)
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        tools.addAction(self.act_find)
        tools.addAction(self.act_settings)

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.act_new, self.act_open, self.act_save, self.act_export):
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addAction(self.act_settings)
        self.addToolBar(toolbar)

    # ------------------------------------------------------------------ forms

    def forms(self) -> list[FormView]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), FormView)]

    def current_form(self) -> FormView | None:
        w = self.tabs.currentWidget()
        return w if isinstance(w, FormView) else None

    def form_for(self, record_id: str) -> FormView | None:
        for form in self.forms():
            if form.record is not None and form.record.id == record_id:
                return form
        return None

    def _add_form(self, form: FormView) -> FormView:
        form.titleChanged.connect(lambda f=form: self._update_tab(f))
        form.saved.connect(self._record_saved)
        index = self.tabs.addTab(form, "")
        self._update_tab(form)
        self.tabs.setCurrentIndex(index)
        return form

    def new_complaint(self) -> FormView | None:
        service = self._ready()
        try:
            today = service.clock.today()
            staff = service.settings().staff_name
        except StorageError as e:
            dialogs.error(self, self.tr("无法新建"), str(e))
            return None
        form = self._add_form(FormView(service, KIND, defaults={"received_date": today, "receiver": staff}))
        form.focus_first_empty()
        return form

    def open_record(self, record_id: str) -> FormView | None:
        """Open a record in its own tab, or bring its tab forward when it is already open."""
        from ..services.records import NotFound

        existing = self.form_for(record_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        service = self._ready()
        try:
            record = service.get(KIND, record_id)
        except NotFound:
            dialogs.error(self, self.tr("无法打开"), self.tr("这条记录已不存在。"))
            self.register.refresh()
            return None
        except StorageError as e:
            dialogs.error(self, self.tr("无法打开"), str(e))
            return None
        return self._add_form(FormView(service, KIND, record))

    def open_selected(self) -> None:
        """打开: the record selected in the register, else go to the search box."""
        if self.tabs.currentWidget() is self.register and self.register.open_selected():
            return
        self.focus_search()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.register)
        self.register.search.setFocus()
        self.register.search.selectAll()

    def save_current(self) -> None:
        form = self.current_form()
        if form is not None:
            form.save()

    def export_current(self) -> None:
        form = self.current_form()
        if form is None and self.tabs.currentWidget() is self.register:
            record_id = self.register.selected_id()
            form = self.open_record(record_id) if record_id else None
        if form is not None:
            form.export_pdf()
        else:
            self.statusBar().showMessage(self.tr("请先在登记簿中选择一条投诉。"), 5000)

    def _record_saved(self, record: object) -> None:
        self.register.refresh()

    def _update_tab(self, form: FormView) -> None:
        index = self.tabs.indexOf(form)
        if index < 0:
            return
        self.tabs.setTabText(index, form.display_name() + (" *" if form.is_dirty else ""))
        if form.record is not None:
            self.tabs.setTabToolTip(index, form.record.values.fields.get("complainant_unit") or "")
        if self.tabs.currentWidget() is form:
            self._current_changed(index)

    def _current_changed(self, _index: int) -> None:
        form = self.current_form()
        if form is None:
            self.setWindowTitle(f"{self._app_title}[*]")
            self.setWindowModified(False)
        else:
            self.setWindowTitle(f"{form.display_name()}[*] — {self._app_title}")
            self.setWindowModified(form.is_dirty)
        ready = self.service is not None
        editable = form is not None and not form.read_only
        self.act_save.setEnabled(editable)
        self.act_close_tab.setEnabled(form is not None)
        for act in (self.act_new, self.act_open, self.act_export, self.act_settings, self.act_find):
            act.setEnabled(ready)

    def close_form(self, form: FormView) -> bool:
        """Close one record's tab, asking about unsaved changes first."""
        self.tabs.setCurrentWidget(form)
        if not form.maybe_close():
            return False
        self.tabs.removeTab(self.tabs.indexOf(form))
        form.deleteLater()
        return True

    def _close_tab_at(self, index: int) -> None:
        form = self.tabs.widget(index)
        if isinstance(form, FormView):
            self.close_form(form)

    def close_current_tab(self) -> None:
        form = self.current_form()
        if form is not None:
            self.close_form(form)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_confirmed:
            for form in self.forms():
                if not form.maybe_close():
                    event.ignore()
                    return
            self._closing_confirmed = True
        event.accept()

    # ------------------------------------------------------------------ status and settings

    def _show_count(self, shown: int, total: int) -> None:
        if shown == total:
            self.count_label.setText(self.tr("共 {n} 条投诉").format(n=total))
        else:
            self.count_label.setText(self.tr("显示 {shown} 条，共 {n} 条投诉").format(shown=shown, n=total))

    def _first_run_notice(self) -> None:
        try:
            settings = self._ready().settings()
        except StorageError:
            return
        if settings.company_name.startswith("（") or not settings.staff_name:
            self.register.show_notice(self.tr("首次使用：请在“工具 → 设置…”中填写公司名称、本机代码和本机使用人。"))
        else:
            self.register.show_notice("")

    def open_settings(self) -> bool:
        dialog = SettingsDialog(self._ready(), self)
        accepted = bool(dialog.exec())
        if accepted:
            self._first_run_notice()
            self.statusBar().showMessage(self.tr("设置已保存。"), 5000)
        return accepted
