"""A record's form, built entirely from its :class:`FormSpec`, for every kind of record.

Sections become group boxes in a scroll area (``form_sections``); every field gets the widget of its
type (``field_widgets.make_editor``), item tables and photo lists their editors, a section of scores
the layout of the paper survey.  No field has code of its own here: a field added to the
specification appears in the form by itself.

Under the title, the record this one was made from and those made from it (clickable); at the
bottom the 关联记录 panel; "由此新建" asks the window for a follow-on record (``domain.links``).

The form talks to :class:`RecordService` only: ``validate`` when a field is left, ``create`` /
``update`` on save, ``next_steps`` / ``check_step`` / ``transition`` for the lifecycle buttons.
Issues come back with the path of the value they belong to and are shown in red beside it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.forms import WORKFLOWS, spec_for
from ..domain.links import Link, follow_on_kinds
from ..domain.records import Record
from ..domain.validation import Issue, ValidationFailed
from ..domain.workflow import Transition, TransitionRefused
from ..services.errors import StorageError
from . import dialogs
from .elided_label import ElidedLabel
from .field_widgets import FieldEditor, set_invalid
from .form_sections import FieldCell, FormSections, prefill_value
from .item_table_editor import ItemTableEditor
from .links_panel import LinksLine, LinksPanel, kind_title
from .photo_list import PhotoListEditor
from .revisions_table import RevisionsTable
from .score_section import ScoreAverage, is_score_section
from .signatures_panel import SignaturesPanel
from .status_colours import status_tone
from .status_history import StatusHistoryTable
from .texts import error_text, is_required, issue_text, tr_field

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..services.records import RecordService

log = logging.getLogger(__name__)

Editor = FieldEditor | ItemTableEditor | PhotoListEditor


RECHECK_MS = 250  # after the last key, the red messages are checked again (issue 14)

class FormView(FormSections, QWidget):
    """One record being looked at or edited (a tab of the main window)."""

    dirtyChanged = Signal(bool)
    saved = Signal(object)  # the Record as stored
    titleChanged = Signal()
    openLinkRequested = Signal(str, str)  # kind, id of a linked record
    followOnRequested = Signal(str, str, str)  # kind, id of this record, kind of the record to make
    openRevisionRequested = Signal(str, str, int)  # kind, id, revision: an earlier revision, read-only
    loaded = Signal()  # a record (or a new record's defaults) was shown: extras refresh themselves
    # A kind-specific addition (``form_extras``) asks the window to open a new record of a kind
    # with values (a complaint from a ticket, a service report from a follow-up).
    newRecordRequested = Signal(str, object, object)  # kind, raw values, Link | None

    export_folder: str = ""

    def __init__(
        self,
        service: RecordService,
        kind: str,
        record: Record | None = None,
        defaults: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        source: Link | None = None,
        archived: bool = False,
    ) -> None:
        """``defaults`` prefill a new record (Python values, or text as typed: a follow-on's values
        from ``RecordService.follow_on``); ``source`` is the record a new one is made from.
        ``archived``: ``record`` is an earlier revision (``RecordService.get_revision``), shown
        read-only, to look at and to print again."""
        super().__init__(parent)
        self.archived = archived
        self.service = service
        self.kind = kind
        self.spec = spec_for(kind)
        self.workflow = WORKFLOWS[kind]
        self.record: Record | None = None
        self.source: Link | None = source
        self.setObjectName(f"form_{kind}")
        self.editors: dict[str, FieldEditor] = {}
        self.tables: dict[str, ItemTableEditor] = {}
        self.photo_lists: dict[str, PhotoListEditor] = {}
        self.cells: dict[str, FieldCell] = {}
        self.step_buttons: dict[str, QPushButton] = {}
        self.score_average: ScoreAverage | None = None
        self._shown: dict[str, list[Issue]] = {}
        # Issue 14: shown issues are checked again as the clerk types (and cleared once right).
        self._issue_banner: list[Issue] | None = None  # the loose issues of a "有 N 处需要修改" banner
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_MS)
        self._recheck_timer.timeout.connect(self._recheck)
        self._order = [e.key for s in self.spec.sections for e in s.elements]
        self._dirty = False
        self._loading = False
        self._read_only = False
        # "Complete, then sign": the signature block to sign once the step to this status is taken.
        self._sign_after: tuple[str, str] | None = None

        self._build()
        if record is not None:
            self.load(record)
        else:
            self.load_new(defaults or {})

    # ================================================================== building

    def _build(self) -> None:
        self.title_label = ElidedLabel(tr_field(self.spec.title), self)
        self.title_label.setObjectName("form_title")
        self.number_label = QLabel(self)
        self.number_label.setObjectName("form_number")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("status_badge")
        self.revision_label = QLabel(self)
        self.revision_label.setObjectName("form_revision")

        self.steps_box = QWidget(self)
        self.steps_layout = QHBoxLayout(self.steps_box)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(self.tr("导出 PDF…"), self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("print")
        self.print_button.setToolTip(self.tr("预览并打印已签名的 PDF"))
        self.print_button.clicked.connect(self.print_pdf)
        self.follow_on_button = self._make_follow_on_button()
        self.links_line = LinksLine(self)
        self.links_line.openRequested.connect(self.openLinkRequested)

        header = QFrame(self)
        header.setObjectName("form_header")
        rows = QVBoxLayout(header)
        rows.setContentsMargins(12, 8, 12, 8)
        rows.setSpacing(4)
        top = QHBoxLayout()
        rows.addLayout(top)
        rows.addWidget(self.links_line)
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.number_label)
        top.addSpacing(8)
        top.addWidget(self.revision_label)
        top.addSpacing(8)
        top.addWidget(self.status_badge)
        top.addStretch(1)
        top.addWidget(self.steps_box)
        top.addSpacing(12)
        self.header_extras = QHBoxLayout()  # buttons of form_extras (打印签到表, …)
        self.header_extras.setContentsMargins(0, 0, 0, 0)
        top.addLayout(self.header_extras)
        top.addWidget(self.save_button)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)
        if self.follow_on_button is not None:
            top.addWidget(self.follow_on_button)

        self.message_bar = QLabel(self)
        self.message_bar.setObjectName("message_bar")
        self.message_bar.setWordWrap(True)
        self.message_bar.setTextFormat(Qt.TextFormat.PlainText)
        self.message_bar.hide()

        content = QWidget()
        content.setObjectName("form_content")
        body = QVBoxLayout(content)
        body.setContentsMargins(12, 8, 12, 12)
        body.setSpacing(10)
        self._label_width = self._measure_label_width()
        # Line the first line of a label up with the text inside a line edit beside it.
        self._label_pad = max((QLineEdit().sizeHint().height() - self.fontMetrics().height()) // 2, 0)
        for section in self.spec.sections:
            body.addWidget(self._build_score_section(section) if is_score_section(section)
                           else self._build_section(section))
        from .form_extras import extras_for

        self.extras = [w for make in extras_for(self.kind) if (w := make(self, content)) is not None]
        for extra in self.extras:
            body.addWidget(extra)
        self.links_panel = LinksPanel(follow_on_kinds(self.kind), content)
        self.links_panel.openRequested.connect(self.openLinkRequested)
        self.links_panel.followOnRequested.connect(self.request_follow_on)
        self.signatures_panel = SignaturesPanel(self.spec.signatures, self.service.photo_bytes, content)
        self.signatures_panel.signRequested.connect(self.sign)
        self.signatures_panel.setVisible(bool(self.spec.signatures))  # registers are not signed
        body.addWidget(self.signatures_panel)
        from .scans_ui import ScansPanel

        self.scans_panel = ScansPanel(self.service.photo_bytes, content)
        self.scans_panel.setVisible(False)
        body.addWidget(self.scans_panel)
        body.addWidget(self.links_panel)
        history_box = QGroupBox(self.tr("状态记录"), content)
        history_box.setObjectName("section_history")
        hl = QVBoxLayout(history_box)
        self.history = StatusHistoryTable(history_box)
        hl.addWidget(self.history)
        body.addWidget(history_box)
        self.revisions_box = QGroupBox(self.tr("修订记录"), content)
        self.revisions_box.setObjectName("section_revisions")
        rl = QVBoxLayout(self.revisions_box)
        self.revisions = RevisionsTable(self.revisions_box)
        self.revisions.openRequested.connect(self._open_revision)
        rl.addWidget(self.revisions)
        body.addWidget(self.revisions_box)
        self.revisions_box.setVisible(not self.archived)
        body.addStretch(1)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("form_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(header)
        lay.addWidget(self.scroll, 1)
        # Below the fields (issue 14): a message appearing or going shortens the view from the
        # bottom and moves no field under the clerk's pointer.
        lay.addWidget(self.message_bar)

    def _make_follow_on_button(self) -> QPushButton | None:
        """由此新建 ▸ 退换货申请 / 服务报告: the records that may be made from this one."""
        kinds = follow_on_kinds(self.kind)
        if not kinds:
            return None
        button = QPushButton(self.tr("由此新建"), self)
        button.setObjectName("follow_on")
        button.setToolTip(self.tr("新建一份后续记录，客户、联系人、产品和批号从本记录带入"))
        menu = QMenu(button)
        menu.setObjectName("follow_on_menu")
        for kind in kinds:
            act = menu.addAction(kind_title(kind))
            act.setObjectName(f"follow_on_{kind}")
            act.triggered.connect(lambda _checked=False, k=kind: self.request_follow_on(k))
        button.setMenu(menu)
        return button

    held = ""  # why the record is shown read-only though it may be changed elsewhere (head office)

    def hold_read_only(self, reason: str) -> None:
        """Show the record read-only with ``reason`` (head office: a laptop's record belongs to the
        laptop); no steps, no signing, nothing made from it here."""
        self.held = reason
        if self.follow_on_button is not None:
            self.follow_on_button.hide()
        self._show_signatures()
        self._refresh_state()

    # ================================================================== values

    def raw(self) -> dict[str, Any]:
        """The form's values as typed: what the services parse and check."""
        raw: dict[str, Any] = {}
        for key, ed in self.editors.items():
            if not ed.field.read_only:
                raw[key] = ed.raw()
        for key, table in self.tables.items():
            raw[key] = table.raw()
        for key, photos in self.photo_lists.items():
            raw[key] = photos.raw()
        return raw

    def load(self, record: Record) -> None:
        """Show a stored record (clean: nothing to save)."""
        self.record = record
        self._loading = True
        try:
            for key, ed in self.editors.items():
                ed.set_value(record.get(key))
            for key, table in self.tables.items():
                rows = record.values.tables.get(key, [])
                table.set_rows(rows)
            for key, photos in self.photo_lists.items():
                photos.set_photos(record.values.photos.get(key, []))
            self.history.set_events(record.events)
            self.scans_panel.set_scans(record.scans)
            self.scans_panel.setVisible(not self.archived)
        finally:
            self._loading = False
        self._show_signatures()
        self.source = Link(record.source_kind, record.source_id, record.source_number or "") \
            if record.source_kind and record.source_id else None
        self._update_average()
        self._clear_errors()
        self._refresh_state()
        self.refresh_links()
        self._set_dirty(False)
        self.loaded.emit()

    def load_new(self, defaults: dict[str, Any]) -> None:
        """An empty form for a new record, with the caller's defaults (today, the clerk's name)."""
        self.record = None
        self._loading = True
        try:
            for key, ed in self.editors.items():
                ed.set_value(prefill_value(ed.field, defaults.get(key)))
            if "number" in self.editors:
                self.editors["number"].setText(self.tr("保存后自动生成"))
            if "status" in self.editors:
                self.editors["status"].setText(self.tr("新建，未保存"))
            for key, table in self.tables.items():
                rows = [{col.key: prefill_value(col, row.get(col.key)) for col in table.spec.columns}
                        for row in defaults.get(key) or []]
                table.set_rows(rows or [{}] * max(table.spec.min_rows, 1))
            for key, photos in self.photo_lists.items():
                photos.set_photos(defaults.get(key) or [])
            self.history.set_events([])
        finally:
            self._loading = False
        self._show_signatures()
        self._update_average()
        self._clear_errors()
        self._refresh_state()
        self.refresh_links()
        self._set_dirty(False)
        self.loaded.emit()

    def apply_draft(self, raw: dict[str, Any]) -> None:
        """Put back what was typed before the program ended without saving (a draft, issue 14):
        the form then has changes to save, as it had."""
        self._loading = True
        try:
            for key, ed in self.editors.items():
                if key in raw and not ed.field.read_only:
                    ed.set_value(prefill_value(ed.field, raw[key]))
            for key, table in self.tables.items():
                if isinstance(raw.get(key), list):
                    table.set_rows([{col.key: prefill_value(col, (row or {}).get(col.key)) for col in table.spec.columns}
                                    for row in raw[key]] or [{}])
        finally:
            self._loading = False
        self._update_average()
        self._set_dirty(True)

    def note_filled(self, text: str, keys: list[str]) -> None:
        """A kind's addition filled ``keys`` in for the clerk (``complaint_defaults``): the form has
        changes, their messages are checked again, and ``text`` says what was filled."""
        if self._loading:
            return
        self._set_dirty(True)
        for key in keys:
            if key in self._shown:
                self._recheck_timer.start()
        if text:
            self._message(text, "info")

    def focus_first_empty(self) -> None:
        for key in self._order:
            ed = self.editors.get(key)
            if ed is not None and not ed.field.read_only and ed.raw() in ("", None):
                self.scroll.ensureWidgetVisible(ed)
                ed.setFocus()
                return

    # ================================================================== state

    @property
    def status(self) -> str | None:
        return self.record.status if self.record else None

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def read_only(self) -> bool:
        return self._read_only

    def display_name(self) -> str:
        """The record's number, or 新投诉 / 新服务报告 / … before the first save."""
        if self.archived and self.record is not None:
            return self.tr("{number} 第 {n} 版").format(number=self.record.number, n=self.record.revision)
        return self.record.number if self.record else self.tr("新{title}").format(
            title=tr_field(self.spec.short_title))

    def customer(self) -> str:
        """The customer unit as shown in the form (the tab's tool tip)."""
        key = self.spec.customer_field
        return str(self.editors[key].raw() or "") if key in self.editors else ""

    def _on_edited(self) -> None:
        if self._loading:
            return
        if self.message_bar.property("kind") == "info":
            self.message_bar.hide()
        if self._shown or self.message_bar.property("kind") == "error":
            self._recheck_timer.start()
        self._set_dirty(True)

    def _recheck(self) -> None:
        """The fields marked red, checked again: a message goes as soon as its field is right, the
        banner's count follows, and the banner goes with the last message."""
        if self._loading or self._read_only or not self.message_bar.isVisible() and not self._shown:
            return
        try:
            _values, issues = self.service.validate(self.kind, self.raw())
        except StorageError:
            return
        for key in list(self._shown):
            self._show_key(key, [i for i in issues if i.key == key])
        if not self._shown:
            if self.message_bar.property("kind") == "error":
                self.message_bar.hide()
            self._issue_banner = None
        elif self._issue_banner is not None:
            n = sum(len(v) for v in self._shown.values()) + len(self._issue_banner)
            text = self.tr("未保存：有 {n} 处需要修改，已在字段旁用红字标出。").format(n=n)
            if self._issue_banner:
                text += " " + self.tr("；").join(issue_text(i) for i in self._issue_banner)
            self.message_bar.setText(text)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
        self.titleChanged.emit()

    def _refresh_state(self) -> None:
        status = self.status
        self.number_label.setText(self.record.number if self.record else self.tr("（未保存）"))
        self.status_badge.setText(tr_field(status) if status else self.tr("新建"))
        self.status_badge.setProperty("status", status or "")
        self.status_badge.setProperty("tone", status_tone(self.kind, status))
        self.status_badge.style().unpolish(self.status_badge)
        self.status_badge.style().polish(self.status_badge)
        self._read_only = self.archived or bool(self.held) or bool(status and self.workflow.is_final(status))
        rec = self.record
        self.revision_label.setText(self.tr("第 {n} 版").format(n=rec.revision) if rec else "")
        self.revision_label.setToolTip(self.tr("本版已签字") if rec and rec.signatures else "")
        if self.archived and rec is not None:
            self.title_label.setText((self.tr("{title} 第 {n} 版（已签字，只读）") if rec.signatures
                                      else self.tr("{title} 第 {n} 版（存档，只读）")).format(
                title=tr_field(self.spec.title), n=rec.revision))
        for ed in self.editors.values():
            ed.set_read_only(self._read_only or ed.field.computed)  # computed: worked out at save
        for table in self.tables.values():
            table.set_read_only(self._read_only)
        for photos in self.photo_lists.values():
            photos.set_read_only(self._read_only)
        self.save_button.setVisible(not self._read_only)
        # Nothing is made from a voided duplicate (issue 14).
        can_follow = self.record is not None and not self.archived and not self.held \
            and status not in self.workflow.voided
        if self.follow_on_button is not None:
            self.follow_on_button.setEnabled(can_follow)
            self.follow_on_button.setVisible(not self.archived and not self.held)
        self.links_panel.set_follow_on_enabled(can_follow)
        self._rebuild_steps()
        if self.held:
            self._message(self.held, "info", sticky=True)
        elif self.archived and rec is not None:
            self._message((self.tr("这是第 {n} 版的存档：签字后内容已冻结，只能查看和导出 PDF。") if rec.signatures
                           else self.tr("这是第 {n} 版的存档，只能查看和导出 PDF。")).format(n=rec.revision),
                          "info", sticky=True)
        elif self._read_only:
            last = rec.events[-1] if rec is not None and rec.events else None
            if last is not None and last.note and last.to_status == status:  # the reason given (作废)
                self._message(self.tr("此记录状态为“{status}”（{reason}），只能查看和导出 PDF。").format(
                    status=tr_field(status or ""), reason=last.note), "info", sticky=True)
            elif self.step_buttons:  # an ended record that may be taken up again (重新打开)
                action = next(iter(self.step_buttons.values())).text()
                self._message(self.tr("此记录状态为“{status}”，只能查看和导出 PDF；需要继续处理时点“{action}”。").format(
                    status=tr_field(status or ""), action=action), "info", sticky=True)
            else:
                self._message(self.tr("此记录状态为“{status}”，只能查看和导出 PDF。").format(
                    status=tr_field(status or "")), "info", sticky=True)

    def _rebuild_steps(self) -> None:
        for button in self.step_buttons.values():
            self.steps_layout.removeWidget(button)
            button.hide()
            button.setParent(None)  # gone at once, not only when the event loop deletes it
            button.deleteLater()
        self.step_buttons = {}
        if self.record is None or self.archived or self.held:
            return  # an ended record still offers its steps back (重新打开 a closed complaint)
        for t in self.service.next_steps(self.kind, self.record.status):
            button = QPushButton(tr_field(t.action), self.steps_box)
            button.setObjectName(f"step_{t.target}")
            statuses = self.spec.statuses
            forward = not t.reason and (t.target not in statuses or statuses.index(t.target) > statuses.index(t.source))
            button.setProperty("step", forward)  # a step back (退回重新调查) is not the obvious choice
            button.setToolTip(self.tr("转为“{status}”").format(status=tr_field(t.target)))
            button.clicked.connect(lambda _checked=False, tr=t: self.step(tr))
            self.steps_layout.addWidget(button)
            self.step_buttons[t.target] = button

    # ================================================================== signatures and revisions

    def _show_signatures(self) -> None:
        rec = self.record
        self.signatures_panel.set_record(rec, can_sign=rec is not None and not self.archived and not self.held)
        if rec is None or self.archived:
            self.revisions.set_revisions([])
            return
        from ..services.records import NotFound

        try:
            self.revisions.set_revisions(self.service.revisions(self.kind, rec.id))
        except (NotFound, StorageError):  # deleted meanwhile, or the disk: the form still works
            log.exception("revisions of %s not read", rec.id)

    def sign(self, block_key: str) -> bool:
        """签字…: save first when there are changes (the signer signs what is stored), then sign."""
        from .sign_dialog import SignDialog

        if self.archived:
            return False
        if (self.record is None or self._dirty) and not self.save():
            return False
        assert self.record is not None
        block = next(b for b in self.spec.signatures if b.key == block_key)
        if not self._complete_before_signing(block):
            return False
        dialog = SignDialog(self.service, self.record, block, self)
        if dialog.exec() != SignDialog.DialogCode.Accepted or dialog.signed is None:
            return False
        self.load(dialog.signed)
        self._message(self.tr("{label}已签字：{name}。").format(label=tr_field(block.label),
                                                            name=dialog.signed.signature(block_key).name), "info")
        self.saved.emit(dialog.signed)
        return True

    def _complete_before_signing(self, block: Any) -> bool:
        from .form_dialogs import complete_before_signing

        return complete_before_signing(self, block)

    def _open_revision(self, revision: int) -> None:
        if self.record is not None:
            self.openRevisionRequested.emit(self.kind, self.record.id, revision)

    # ================================================================== links

    def refresh_links(self) -> None:
        """The source line under the title and the 关联记录 panel (after a save anywhere)."""
        from ..services.records import NotFound

        links = []
        if self.record is not None:
            try:
                links = self.service.linked(self.kind, self.record.id)
            except (NotFound, StorageError):  # deleted meanwhile, or the disk: the form still works
                log.exception("links of %s not read", self.record.id)
        followers = [lk for lk in links if lk.relation == "follow-on"]
        source = next(((lk.kind, lk.id, lk.number) for lk in links if lk.relation == "source"), None)
        if source is None and self.source is not None:
            source = (self.source.kind, self.source.id, self.source.number)
        self.links_line.set_links(source, followers)
        self.links_panel.set_links(links)

    def request_follow_on(self, target_kind: str) -> None:
        """由此新建: save first if need be, then ask the window to open the new record's form."""
        if self.record is None or self._dirty:
            if not self.save():
                return
        assert self.record is not None
        self.followOnRequested.emit(self.kind, self.record.id, target_kind)

    # ================================================================== messages

    def _message(self, text: str, kind: str = "error", sticky: bool = False) -> None:
        self.message_bar.setText(text)
        self.message_bar.setProperty("kind", "sticky" if sticky else kind)
        self.message_bar.style().unpolish(self.message_bar)
        self.message_bar.style().polish(self.message_bar)
        self.message_bar.show()

    def _clear_errors(self) -> None:
        for key in list(self._shown):
            self._show_key(key, [])
        self._shown = {}
        self._issue_banner = None
        self.message_bar.hide()

    def _show_key(self, key: str, issues: list[Issue]) -> None:
        cell = self.cells.get(key)
        if cell is None:
            return
        messages: list[str] = []
        if key in self.tables:
            table = self.tables[key]
            marked: dict[tuple[int, str], str] = {}
            whole = False
            for i in issues:
                text = issue_text(i)
                if i.row is None:
                    messages.append(text)
                    whole = True
                    continue
                row = table.visible_row(i.row)
                column = i.column
                label = tr_field(table.spec.column(column).label) if column else ""
                messages.append(self.tr("第 {row} 行 {label}：{message}").format(row=row + 1, label=label,
                                                                            message=text))
                marked[(row, column or table.spec.columns[0].key)] = text
            table.mark_cells(marked)
            set_invalid(table.table, whole)
        else:
            messages = [issue_text(i) for i in issues]
            target = self.photo_lists[key].list if key in self.photo_lists else self.editor(key)
            set_invalid(target, bool(issues))
        cell.set_messages(messages)
        if issues:
            self._shown[key] = issues
        else:
            self._shown.pop(key, None)

    def show_issues(self, issues: list[Issue], focus: bool = True) -> list[Issue]:
        """Show every issue beside its field; return the ones that belong to no field."""
        self._clear_errors()
        by_key: dict[str, list[Issue]] = {}
        loose: list[Issue] = []
        for i in issues:
            if i.key in self.cells:
                by_key.setdefault(i.key, []).append(i)
            else:
                loose.append(i)
        for key, lst in by_key.items():
            self._show_key(key, lst)
        if focus and by_key:
            first = min(by_key, key=self._order.index)
            QTimer.singleShot(0, lambda k=first, lst=by_key[first]: self._focus_issue(k, lst[0]))
        return loose

    def _focus_issue(self, key: str, issue: Issue) -> None:
        cell = self.cells[key]
        self.scroll.ensureWidgetVisible(cell, 50, 80)
        if key in self.tables and issue.row is not None:
            table = self.tables[key]
            table.focus_cell(table.visible_row(issue.row), issue.column)
        else:
            self.editor(key).setFocus()

    def _validate_key(self, key: str) -> None:
        """Check one value as soon as the user leaves it (an empty required one only after a save)."""
        if self._loading or self._read_only:
            return
        _values, issues = self.service.validate(self.kind, self.raw())
        mine = [i for i in issues if i.key == key]
        if key not in self._shown:
            mine = [i for i in mine if not is_required(i)]
        self._show_key(key, mine)

    def _labels(self, issues: list[Issue]) -> list[str]:
        seen: list[str] = []
        for i in issues:
            try:
                label = tr_field(self.spec.label_of(i.key))
            except KeyError:
                label = issue_text(i)
            if label not in seen:
                seen.append(label)
        return seen

    # ================================================================== actions

    def _staff(self) -> str:
        try:
            return self.service.settings().staff_name
        except StorageError:
            return ""

    def save(self) -> bool:
        """Save the form; on any issue show it beside its field and write nothing.

        A record changed elsewhere since it was opened (another window, an import, a policy) is not
        saved over: the clerk is told who changed it and may reload it, seeing the differences.  A
        change that would leave signatures behind on a frozen revision is asked about first."""
        from ..services.errors import StaleRecord

        if self._read_only:
            return False
        raw = self.raw()
        if self.record is not None and not self._confirm_new_revision(raw):
            return False
        try:
            if self.record is None:
                record = self.service.create(self.kind, raw, by=self._staff(), source=self.source).record
            else:
                record = self.service.update(self.kind, self.record.id, raw, by=self._staff(),
                                             expected_version=self.record.version).record
        except ValidationFailed as e:
            loose = self.show_issues(e.issues)
            text = self.tr("未保存：有 {n} 处需要修改，已在字段旁用红字标出。").format(n=len(e.issues))
            if loose:
                text += " " + self.tr("；").join(issue_text(i) for i in loose)
            self._message(text)
            self._issue_banner = loose
            return False
        except StaleRecord as e:
            self._stale(e)
            return False
        except (TransitionRefused, StorageError) as e:
            dialogs.error(self, self.tr("未保存"), error_text(e))
            return False
        was_new = self.record is None
        old_revision = self.record.revision if self.record else record.revision
        self.load(record)
        if was_new:
            self._message(self.tr("已保存为 {number}。").format(number=record.number), "info")
        elif record.revision != old_revision:
            self._message(self.tr("已保存为第 {n} 版；已签字的第 {old} 版保留不变，可在“修订记录”中查看。").format(
                n=record.revision, old=old_revision), "info")
        else:
            self._message(self.tr("已保存。"), "info")
        self.saved.emit(record)
        return True

    def _signatures_text(self, signatures: list[Any]) -> str:
        from .form_dialogs import signatures_text

        return signatures_text(signatures)

    def _confirm_new_revision(self, raw: dict[str, Any], target: str | None = None) -> bool:
        from .form_dialogs import confirm_new_revision

        return confirm_new_revision(self, raw, target)

    def _stale(self, e: Any) -> None:
        from .form_dialogs import stale

        stale(self, e)

    def fill_date_defaults(self, t: Transition) -> None:
        today = self.service.clock.today()
        for key in t.date_defaults:
            ed = self.editors.get(key)
            if ed is not None and not str(ed.raw()).strip():
                ed.set_value(today)
                self._set_dirty(True)

    def step(self, t: Transition) -> bool:
        """Move the record on (开始调查, 完成质量界定, …), saving the form's values with it."""
        if self.record is None or self.archived:
            return False
        self.fill_date_defaults(t)
        raw = self.raw()
        target = tr_field(t.target)
        reason = None
        if t.reason:  # 重新打开, 作废: the reason asked (and the step confirmed) in one dialog
            from .step_reason import ask_reason

            reason = ask_reason(self, self.record.number, self.record.status, t)
            if reason is None:
                return False
            raw[t.reason] = reason
        issues = self.service.check_step(self.kind, raw, self.record.status, t.target)
        if issues:
            self._refuse_step(target, issues)
            return False
        from ..services.errors import StaleRecord

        try:
            lost = self.service.signatures_left_behind(self.kind, self.record.id, raw, t.target)
        except Exception:  # noqa: BLE001 - the step itself will say what is wrong
            lost = []
        detail = [self.tr("表单中的修改会一并保存。")] if self._dirty else []
        if lost:
            detail.append(self.tr("第 {n} 版已有签字：{who}；转换后生成第 {new} 版，第 {n} 版连同签字原样保留，新版本上还没有这些签字。")
                          .format(n=self.record.revision, new=self.record.revision + 1, who=self._signatures_text(lost)))
        if reason is None and not dialogs.confirm(
            self,
            tr_field(t.action),
            self.tr("将 {number} 从“{a}”转为“{b}”？").format(number=self.record.number,
                                                         a=tr_field(self.record.status), b=target),
            tr_field(t.action),
            "\n".join(detail),
        ):
            return False
        old_revision = self.record.revision
        try:
            record = self.service.transition(self.kind, self.record.id, t.target, raw, by=self._staff(),
                                             note=reason or "", expected_version=self.record.version).record
        except ValidationFailed as e:
            self._refuse_step(target, e.issues)
            return False
        except StaleRecord as e:
            self._stale(e)
            return False
        except (TransitionRefused, StorageError) as e:
            dialogs.error(self, self.tr("无法转换状态"), error_text(e))
            return False
        self.load(record)
        if record.revision != old_revision:
            self._message(self.tr("已转为“{status}”，现为第 {n} 版；第 {old} 版原样保留，可在“修订记录”中查看。").format(
                status=target, n=record.revision, old=old_revision), "info")
        else:
            self._message(self.tr("已转为“{status}”。").format(status=target), "info")
        self.saved.emit(record)
        pending, self._sign_after = self._sign_after, None
        if pending is not None and record.status == pending[1]:
            QTimer.singleShot(0, lambda: self.sign(pending[0]))  # "complete, then sign": now sign
        return True

    def _refuse_step(self, target: str, issues: list[Issue]) -> None:
        loose = self.show_issues(issues)
        missing = [i for i in issues if is_required(i) and i not in loose]
        other = [i for i in issues if not is_required(i) and i not in loose]
        sep = self.tr("；")  # separators are translated too: English uses "; " and ", "
        parts = []
        if missing:
            parts.append(self.tr("请填写：{labels}").format(labels=self.tr("、").join(self._labels(missing))))
        if other:
            parts.append(self.tr("请修改：{items}").format(items=sep.join(
                self.tr("{label}（{message}）").format(label=self._labels([i])[0], message=issue_text(i))
                for i in other)))
        if loose:
            parts.append(sep.join(issue_text(i) for i in loose))
        self._message(self.tr("进入“{status}”前，").format(status=target) + sep.join(parts))

    def export_pdf(self) -> bool:
        """Save if needed, ask where, render the PDF and open it."""
        if (self.record is None or self._dirty) and not self.save():
            return False
        assert self.record is not None
        folder = self.export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出 PDF"), str(Path(folder) / f"{self.record.number}.pdf"), self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        FormView.export_folder = str(Path(path).parent)
        from ..services.export import export_record  # ReportLab only when a PDF is wanted

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_record(self.service, self.record, Path(path))
        except Exception as e:  # any failure: the clerk must learn that no PDF was made
            log.exception("PDF export failed")
            QApplication.restoreOverrideCursor()
            dialogs.error(self, self.tr("导出失败"), self.tr("没有生成 PDF。"), str(e))
            return False
        QApplication.restoreOverrideCursor()
        self._message(self.tr("已导出：{path}").format(path=path), "info")
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return True

    def refresh_scans(self) -> None:
        """Show the scans as stored (after one was attached from the main window)."""
        if self.record is None or self.archived:
            return
        self.record.scans = self.service.scans(self.kind, self.record.id)
        self.scans_panel.set_scans(self.record.scans)

    def print_pdf(self) -> bool:
        """Save if needed, make the signed PDF (as an export would) and show it in the print preview."""
        if (self.record is None or self._dirty) and not self.save():
            return False
        assert self.record is not None
        from ..services.export import export_record  # ReportLab only when a PDF is wanted
        from .print_preview import preview_and_print  # QtPdf only when a preview is wanted

        record = self.record
        return preview_and_print(self, self.display_name(),
                                 lambda target: export_record(self.service, record, target), record.number)

    def maybe_close(self) -> bool:
        """Ask 保存 / 不保存 / 取消 when there are changes; True when the form may close."""
        if not self._dirty:
            return True
        answer = dialogs.ask_unsaved(self, self.display_name())
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD
