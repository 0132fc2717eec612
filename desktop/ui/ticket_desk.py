"""接听热线: the source's hotline steps as one guided screen, for a clerk with the phone at the ear.

The steps are laid out in the order of the call, all on one screen (nothing to page through
while the customer talks):

1. **来电单位** — ask the unit; type part of its name, a phone number or the pinyin initials
   (``bjdyyy``) and pick it from the live results (``services.lookup``), or register it inline
   (新建客户: name, phone, address → a customer record).
2. **来电人** — pick the caller among the unit's contacts on file (是否档案联系人 = 是), or type a new
   one, who is added to the customer record when the ticket is saved.
3. **问题** — issue type, product, batch, description.
4. **承诺与派工** — the phone-response and handling deadlines, worked out live from the settings'
   response-time table as the issue type changes; the promised call-back time (by default the
   response deadline), the staff assigned, sales told (by default the unit's sales rep).
5. **保存** — a ticket (已受理, or 已派工 when staff was assigned), then it opens as a normal form.

Why a tab and not a dialog: the clerk keeps the desk open all day, may look something up in a
register in the middle of a call, and a modal dialog would block that (a non-modal window gets
lost behind the main one on a laptop).  F2 brings the tab forward from anywhere.

Keyboard: the search box has the focus; ↓/↑ move through the results, Enter picks one and goes
on to the caller; in the contacts, Enter picks and goes on to the issue type; Tab follows the
steps; Ctrl+S (or Ctrl+Enter) saves.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain import customer as cu
from ..domain import roles
from ..domain import ticket as tk
from ..domain import ticket_rules as rules
from ..domain.fields import Field, RecordValues
from ..domain.settings import Settings
from ..domain.validation import Issue, ValidationFailed
from ..domain.workflow import TransitionRefused
from ..services.errors import StorageError
from . import dialogs
from .field_widgets import FieldEditor, make_editor, set_invalid
from .form_sections import FieldCell
from .texts import error_text, issue_text, tr_field

if TYPE_CHECKING:
    from ..domain.records import Record
    from ..services.lookup import ContactInfo, CustomerHit
    from ..services.records import RecordService

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 60  # an input method's burst of edits becomes one look-up
RESULTS = 8
HIT_ROLE = Qt.ItemDataRole.UserRole
NEW_CONTACT = "new"

# The ticket's customer unit and caller, and a new customer's name, phone and address (by role).
UNIT = tk.SPEC.role(roles.UNIT)
CALLER, CALLER_PHONE = tk.SPEC.role(roles.CONTACT), tk.SPEC.role(roles.CONTACT_PHONE)
CUSTOMER_KEYS = tuple(cu.SPEC.role(r) for r in (roles.UNIT, roles.UNIT_PHONE, roles.ADDRESS))
# The ticket's fields that the desk edits with the spec's own editors.
TICKET_KEYS = ("call_date", "call_time", "receiver", CALLER, CALLER_PHONE, "issue_type", "product_name",
               "batch_no", "issue", "callback_date", "callback_time", "assigned_staff", "sales_informed",
               "sales_person")
POST = cu.SPEC.tables()[0].column("post")
NO_UNIT = Issue(UNIT, "")  # no customer picked: the desk's own message (see show_issues)


class TicketDesk(QWidget):
    """The guided screen (a tab of the main window; see the module docstring)."""

    openRequested = Signal(str, str)  # kind, id: show the saved ticket as a normal form
    recordSaved = Signal(object)  # a Record written here (ticket, customer): registers refresh
    dirtyChanged = Signal(bool)

    def __init__(self, service: RecordService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..services.lookup import lookup_for
        from .completion import warm_in_background

        self.service = service
        lookups = lookup_for(service)
        self.lookup = lookups.customers
        warm_in_background(lookups)  # the first look-up of a call must not wait for the index
        self.setObjectName("ticket_desk")
        self.editors: dict[str, FieldEditor] = {}
        self.cells: dict[str, FieldCell] = {}
        self.customer: CustomerHit | None = None
        self._settings: Settings | None = None
        self._dirty = False
        self._loading = False
        self._callback_touched = False
        self._sales_touched = False
        self._picked_contact: ContactInfo | None = None
        self._shown: set[str] = set()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_now)
        self._build()
        self.reset()

    # ================================================================== building

    def _editor(self, key: str, f: Field, parent: QWidget) -> FieldCell:
        editor = make_editor(f, parent)
        editor.setObjectName(key)
        self.editors[key] = editor
        editor.edited.connect(self._edited)
        cell = FieldCell(key, editor, parent)
        self.cells[key] = cell
        return cell

    def _label(self, f: Field | str, buddy: QWidget | None = None, required: bool | None = None) -> QLabel:
        text = tr_field(f.label) if isinstance(f, Field) else f
        star = f.required if isinstance(f, Field) and required is None else bool(required)
        shown = html.escape(text) + ('<span style="color:#d32f2f;">&nbsp;*</span>' if star else "")
        label = QLabel(shown)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 5, 0, 0)
        if buddy is not None:
            label.setBuddy(buddy)
        return label

    def _row(self, grid: QGridLayout, row: int, key: str, col: int = 0, span: int = 1,
             label: str | None = None, required: bool | None = None) -> None:
        cell = self.cells[key]
        f = self.editors[key].field
        if f.type.name == "BOOL":
            grid.addWidget(cell, row, col + 1, 1, span)
            return
        grid.addWidget(self._label(label or f, self.editors[key], required), row, col)
        grid.addWidget(cell, row, col + 1, 1, span)

    def _build(self) -> None:
        spec = tk.SPEC
        # ---- header: what this is, when the call came in, who took it, save
        header = QFrame(self)
        header.setObjectName("form_header")
        top = QHBoxLayout(header)
        top.setContentsMargins(12, 8, 12, 8)
        title = QLabel(self.tr("接听热线"), header)
        title.setObjectName("form_title")
        top.addWidget(title)
        top.addSpacing(16)
        for key in ("call_date", "call_time", "receiver"):
            cell = self._editor(key, spec.field(key), header)
            top.addWidget(self._label(spec.field(key), self.editors[key]))
            top.addWidget(cell)
        self.editors["call_date"].setMaximumWidth(150)
        self.editors["call_time"].setMaximumWidth(80)
        self.editors["receiver"].setMaximumWidth(120)
        top.addStretch(1)
        self.clear_button = QPushButton(self.tr("清空，接下一个电话"), header)
        self.clear_button.setObjectName("desk_clear")
        self.clear_button.clicked.connect(self.clear)
        self.save_button = QPushButton(self.tr("保存保障单"), header)
        self.save_button.setObjectName("desk_save")
        self.save_button.setProperty("step", True)
        self.save_button.setToolTip(self.tr("保存保障单并打开（Ctrl+S 或 Ctrl+Enter）"))
        self.save_button.clicked.connect(self.save)
        top.addWidget(self.clear_button)
        top.addWidget(self.save_button)

        self.message_bar = QLabel(self)
        self.message_bar.setObjectName("message_bar")
        self.message_bar.setWordWrap(True)
        self.message_bar.setTextFormat(Qt.TextFormat.PlainText)
        self.message_bar.hide()

        content = QWidget()
        content.setObjectName("desk_content")
        columns = QHBoxLayout(content)
        columns.setContentsMargins(12, 8, 12, 12)
        columns.setSpacing(12)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        left.addWidget(self._build_unit(content))
        left.addWidget(self._build_caller(content))
        left.addStretch(1)
        right.addWidget(self._build_issue(content))
        right.addWidget(self._build_promise(content))
        right.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setObjectName("desk_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(header)
        lay.addWidget(self.message_bar)
        lay.addWidget(scroll, 1)

        for keys in (QKeySequence.StandardKey.Save, "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.setTabOrder(self.search, self.results)
        self.setTabOrder(self.results, self.contacts)
        self.setTabOrder(self.contacts, self.editors[CALLER])
        self.setTabOrder(self.editors[CALLER], self.editors[CALLER_PHONE])
        self.setTabOrder(self.editors[CALLER_PHONE], self.caller_post)
        self.setTabOrder(self.caller_post, self.add_to_file)
        chain = ["issue_type", "product_name", "batch_no", "issue", "callback_date", "callback_time",
                 "assigned_staff", "sales_informed", "sales_person"]
        self.setTabOrder(self.add_to_file, self.editors[chain[0]])
        for a, b in itertools.pairwise(chain):
            self.setTabOrder(self.editors[a], self.editors[b])
        self.setTabOrder(self.editors[chain[-1]], self.save_button)

    def _list_height(self, rows: int) -> int:
        return (self.fontMetrics().height() + 6) * rows + 6

    def _build_unit(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("① 来电单位：请问您是哪个单位？"), parent)
        box.setObjectName("desk_unit")
        lay = QVBoxLayout(box)
        self.search = QLineEdit(box)
        self.search.setObjectName("desk_search")
        self.search.setAccessibleName(self.tr("查找客户"))
        self.search.setPlaceholderText(self.tr("单位名称、电话或拼音首字母，如 bjdyyy；↓↑ 选择，Enter 确定"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _t: self.timer.start())
        self.search.installEventFilter(self)
        self.search_cell = FieldCell(UNIT, self.search, box)
        self.cells[UNIT] = self.search_cell
        lay.addWidget(self.search_cell)

        self.results = QListWidget(box)
        self.results.setObjectName("desk_results")
        self.results.setAccessibleName(self.tr("查找结果"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setUniformItemSizes(True)
        self.results.itemActivated.connect(lambda item: self.pick_customer(item.data(HIT_ROLE)))
        self.results.installEventFilter(self)
        self.results.setFixedHeight(self._list_height(6))
        lay.addWidget(self.results)
        self.results_hint = QLabel(box)
        self.results_hint.setObjectName("desk_results_hint")
        self.results_hint.setProperty("hint", True)
        lay.addWidget(self.results_hint)

        self.chosen = QLabel(box)
        self.chosen.setObjectName("desk_customer")
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.RichText)
        self.chosen.setStyleSheet("QLabel#desk_customer { background: #e8f5e9; border: 1px solid #a5d6a7;"
                                  " border-radius: 4px; padding: 6px 8px; }")
        # Two lines of name, number, phone, address: a wrapped label's height is not known to
        # the layout in advance, so it is reserved.
        self.chosen.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 16)
        lay.addWidget(self.chosen)

        self.new_customer_button = QPushButton(self.tr("找不到？新建客户(&N)…"), box)
        self.new_customer_button.setObjectName("desk_new_customer")
        self.new_customer_button.clicked.connect(self.show_new_customer)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_customer_button)
        lay.addLayout(row)

        # 新建客户, inline: name, phone, address.
        self.new_customer = QFrame(box)
        self.new_customer.setObjectName("desk_new_customer_form")
        self.new_customer.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.new_customer)
        grid.setContentsMargins(8, 8, 8, 8)
        self.customer_editors: dict[str, FieldEditor] = {}
        self.customer_cells: dict[str, FieldCell] = {}
        for r, key in enumerate(CUSTOMER_KEYS):
            f = cu.SPEC.field(key)
            editor = make_editor(f, self.new_customer)
            editor.setObjectName(f"new_customer_{key}")
            self.customer_editors[key] = editor
            cell = FieldCell(f"new_customer_{key}", editor, self.new_customer)
            self.customer_cells[key] = cell
            grid.addWidget(self._label(f, editor), r, 0)
            grid.addWidget(cell, r, 1, 1, 2)
        self.save_customer_button = QPushButton(self.tr("保存客户并选用"), self.new_customer)
        self.save_customer_button.setObjectName("desk_save_customer")
        self.save_customer_button.clicked.connect(self.save_new_customer)
        cancel = QPushButton(self.tr("取消"), self.new_customer)
        cancel.setObjectName("desk_cancel_customer")
        cancel.clicked.connect(self.hide_new_customer)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_customer_button)
        grid.addLayout(buttons, len(CUSTOMER_KEYS), 0, 1, 3)
        grid.setColumnStretch(1, 1)
        lay.addWidget(self.new_customer)
        return box

    def _build_caller(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("② 来电人：请问您怎么称呼？"), parent)
        box.setObjectName("desk_caller")
        lay = QVBoxLayout(box)
        self.contacts = QListWidget(box)
        self.contacts.setObjectName("desk_contacts")
        self.contacts.setAccessibleName(self.tr("档案联系人"))
        self.contacts.setUniformItemSizes(True)
        self.contacts.itemActivated.connect(self.pick_contact)
        self.contacts.installEventFilter(self)
        self.contacts.setFixedHeight(self._list_height(4))
        lay.addWidget(self.contacts)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        spec = tk.SPEC
        for key in (CALLER, CALLER_PHONE):
            self._editor(key, spec.field(key), box)
            self.editors[key].edited.connect(self._caller_typed)
        self.caller_post = make_editor(POST, box)
        self.caller_post.setObjectName("caller_post")
        self.caller_post.edited.connect(self._edited)
        self.cells["caller_post"] = FieldCell("caller_post", self.caller_post, box)
        self._row(grid, 0, CALLER)
        self._row(grid, 0, CALLER_PHONE, col=2)
        grid.addWidget(self._label(POST, self.caller_post), 1, 0)
        grid.addWidget(self.cells["caller_post"], 1, 1)
        self.add_to_file = QCheckBox(self.tr("保存时把来电人加入客户档案的联系人"), box)
        self.add_to_file.setObjectName("desk_add_contact")
        # Never ticked by itself (issue 14): a known caller's mistyped phone is no new contact;
        # the clerk says when the caller is one.
        self.add_to_file.setChecked(False)
        grid.addWidget(self.add_to_file, 1, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        lay.addLayout(grid)
        self.on_file = QLabel(box)
        self.on_file.setObjectName("desk_on_file")
        self.on_file.setWordWrap(True)
        lay.addWidget(self.on_file)
        return box

    def _build_issue(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("③ 问题：请问遇到了什么问题？"), parent)
        box.setObjectName("desk_issue")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(8)
        spec = tk.SPEC
        for key in ("issue_type", "product_name", "batch_no", "issue"):
            self._editor(key, spec.field(key), box)
        self.editors["issue_type"].edited.connect(self.update_deadlines)
        self._row(grid, 0, "issue_type", span=3)
        self._row(grid, 1, "product_name")
        self._row(grid, 1, "batch_no", col=2)
        # Products from the register as the name is typed (issue 14): the complaint made from the
        # ticket then finds the product's packaging and unit.
        from ..services.lookup import lookup_for
        from .completion import Suggestions, product_suggestions

        line = self.editors["product_name"]
        if isinstance(line, QLineEdit):
            self.product_suggestions = Suggestions(
                line, lambda text: product_suggestions(lookup_for(self.service), text), "desk_product_name")
        self._row(grid, 2, "issue", span=3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        return box

    def _build_promise(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("④ 承诺与派工：告诉客户何时回电、由谁处理"), parent)
        box.setObjectName("desk_promise")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(8)
        spec = tk.SPEC
        self.deadline_labels: dict[str, QLabel] = {}
        for r, key in enumerate(("response_deadline", "handling_deadline")):
            label = QLabel(box)
            label.setObjectName(f"desk_{key}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setToolTip(tr_field(spec.field(key).help) if spec.field(key).help else "")
            self.deadline_labels[key] = label
            grid.addWidget(self._label(spec.field(key)), r, 0)  # translated (issue 14)
            grid.addWidget(label, r, 1, 1, 3)
        for key in ("callback_date", "callback_time", "assigned_staff", "sales_informed", "sales_person"):
            self._editor(key, spec.field(key), box)
        for key in ("callback_date", "callback_time"):
            self.editors[key].edited.connect(self._callback_edited)
        self.editors["sales_person"].edited.connect(self._sales_edited)
        self.editors["sales_informed"].edited.connect(self._sales_informed)
        self._row(grid, 2, "callback_date")
        self._row(grid, 2, "callback_time", col=2)
        self.editors["callback_date"].setMaximumWidth(220)
        self.editors["callback_time"].setMaximumWidth(110)
        self._row(grid, 3, "assigned_staff", span=3)
        self._row(grid, 4, "sales_informed", col=0, span=1)
        grid.addWidget(self._label(spec.field("sales_person"), self.editors["sales_person"]), 4, 2)
        grid.addWidget(self.cells["sales_person"], 4, 3)
        self.editors["assigned_staff"].setToolTip(
            self.tr("填写后保存即为“已派工”；留空则为“已受理”，稍后在保障单中派工"))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        hint = QLabel(self.tr("⑤ 复述承诺的回电时间，确认无误后保存（Ctrl+S）。"), box)
        hint.setObjectName("desk_save_hint")
        hint.setProperty("hint", True)
        grid.addWidget(hint, 5, 0, 1, 4)
        return box

    # ================================================================== state

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def display_name(self) -> str:
        return self.tr("接听热线")

    def _edited(self) -> None:
        if self._loading:
            return
        if self.message_bar.property("kind") == "info":
            self.message_bar.hide()
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = self.service.settings()
            except StorageError:
                self._settings = Settings()
        return self._settings

    def reset(self) -> None:
        """A blank desk for the next call: the call's date and time now, this laptop's clerk."""
        self._settings = None
        now = rules.wall_clock(self.service.clock.now())
        self._loading = True
        try:
            for editor in self.editors.values():
                editor.set_value(None)
            self.editors["call_date"].set_value(now.date())
            self.editors["call_time"].set_value(now.time())
            self.editors["receiver"].set_value(self.settings().staff_name or None)
            self.caller_post.set_value(None)
            for editor in self.customer_editors.values():
                editor.set_value(None)
            self.search.clear()
            self.results.clear()
            self.add_to_file.setChecked(False)
        finally:
            self._loading = False
        self.customer = None
        self._picked_contact = None
        self._callback_touched = self._sales_touched = False
        self.new_customer.hide()
        self._clear_issues()
        self._show_customer()
        self._show_results([])
        self.update_deadlines()
        self._set_dirty(False)

    def clear(self) -> None:
        """清空: start again (asking first when something was typed)."""
        if self._dirty and not dialogs.confirm(self, self.tr("清空"), self.tr("清空本次来电已填写的内容？"),
                                               self.tr("清空")):
            return
        self.reset()
        self.message_bar.hide()
        self.search.setFocus()

    def start_call(self) -> None:
        """F2: a fresh desk when nothing was typed (the call's time is now), the search focused."""
        if not self._dirty:
            self.reset()
        self.search.setFocus()
        self.search.selectAll()

    def maybe_close(self) -> bool:
        if not self._dirty:
            return True
        answer = dialogs.ask_unsaved(self, self.display_name())
        if answer == dialogs.SAVE:
            return self.save() is not None
        return answer == dialogs.DISCARD

    # ================================================================== ① the unit

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier)
        if obj is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                row = self.results.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
                return True
            if enter:
                if self.timer.isActive():
                    self.timer.stop()
                    self.search_now()
                item = self.results.currentItem()
                if item is not None:
                    self.pick_customer(item.data(HIT_ROLE))
                elif self.search.text().strip():
                    self.show_new_customer()
                return True
        elif obj is self.results and enter:
            item = self.results.currentItem()
            if item is not None:
                self.pick_customer(item.data(HIT_ROLE))
            return True
        elif obj is self.contacts and enter:
            item = self.contacts.currentItem()
            if item is not None:
                self.pick_contact(item)
            return True
        return False

    def search_now(self) -> None:
        text = self.search.text().strip()
        try:
            hits = self.lookup.find(text, RESULTS) if text else []
        except StorageError as e:
            self._message(str(e))
            return
        self._show_results(hits)

    def _show_results(self, hits: list[CustomerHit]) -> None:
        self.results.clear()
        for hit in hits:
            details = "　".join(p for p in (hit.phone, hit.region or hit.address) if p)
            text = hit.name + (f"　{details}" if details else "")
            if hit.sales_rep:
                text += self.tr("　销售：{name}").format(name=hit.sales_rep)
            item = QListWidgetItem(text, self.results)
            item.setData(HIT_ROLE, hit)
            item.setToolTip("\n".join(p for p in (hit.number, hit.address, hit.phone) if p))
            if hit.status and hit.status != cu.ACTIVE:
                item.setForeground(Qt.GlobalColor.gray)
        if hits:
            self.results.setCurrentRow(0)
        text = self.search.text().strip()
        if not text:
            self.results_hint.setText(self.tr("输入单位名称的一部分、电话号码或拼音首字母查找客户档案。"))
        elif not hits:
            self.results_hint.setText(self.tr("没有找到“{text}”。可换个说法再查，或新建客户。").format(text=text))
        else:
            self.results_hint.setText(self.tr("找到 {n} 个单位：↓↑ 选择，Enter 或双击选用。").format(n=len(hits)))

    def pick_customer(self, hit: CustomerHit | None) -> None:
        """Use ``hit`` as the calling unit; the caller step follows."""
        if hit is None:
            return
        self.customer = hit
        self.search.setText(hit.name)  # what was picked, not the initials typed (no new look-up)
        self.new_customer.hide()
        self._show_key(UNIT, [])
        if not self._sales_touched:
            self._loading = True
            try:
                self.editors["sales_person"].set_value(hit.sales_rep or None)
            finally:
                self._loading = False
        self._show_customer()
        self._set_dirty(True)
        if self.contacts.count() > 1:
            self.contacts.setFocus()
            self.contacts.setCurrentRow(0)
        else:
            self.editors[CALLER].setFocus()

    def _show_customer(self) -> None:
        hit = self.customer
        self.contacts.clear()
        if hit is None:
            self.chosen.setText(self.tr("尚未选择来电单位。"))
            self.chosen.setEnabled(False)
            self.contacts.setEnabled(False)
            self._update_on_file()
            return
        self.chosen.setEnabled(True)
        parts = [self.tr("<b>{name}</b>（{number}）").format(name=html.escape(hit.name), number=html.escape(hit.number))]
        if hit.phone:
            parts.append(self.tr("电话 {phone}").format(phone=html.escape(hit.phone)))
        if hit.address:
            parts.append(self.tr("地址 {address}").format(address=html.escape(hit.address)))
        if hit.sales_rep:
            parts.append(self.tr("负责销售 {name}").format(name=html.escape(hit.sales_rep)))
        self.chosen.setText(self.tr("已选：") + "　".join(parts))
        self.contacts.setEnabled(True)
        for c in hit.contacts:
            text = "　".join(p for p in (c.name, c.position, c.phone) if p)
            if c.primary:
                text += self.tr("（主要联系人）")
            item = QListWidgetItem(text, self.contacts)
            item.setData(HIT_ROLE, c)
        new = QListWidgetItem(self.tr("＋ 不在档案中：新联系人（在下方填写）"), self.contacts)
        new.setData(HIT_ROLE, NEW_CONTACT)
        self._update_on_file()

    def show_new_customer(self) -> None:
        """新建客户: the inline form, with what was typed in the search box put where it belongs."""
        text = self.search.text().strip()
        self._loading = True
        try:
            if text and any(ch.isdigit() for ch in text) and not any("\u4e00" <= ch <= "\u9fff" for ch in text):
                if not self.customer_editors["phone"].raw():
                    self.customer_editors["phone"].set_value(text)
            elif text and not text.isascii() and not self.customer_editors["name"].raw():
                self.customer_editors["name"].set_value(text)
        finally:
            self._loading = False
        self.new_customer.show()
        first = next((e for e in self.customer_editors.values() if not str(e.raw()).strip()),
                     self.customer_editors["name"])
        first.setFocus()

    def hide_new_customer(self) -> None:
        self.new_customer.hide()
        for key in CUSTOMER_KEYS:
            self._show_customer_issues(key, [])
        self.search.setFocus()

    def save_new_customer(self) -> Record | None:
        """保存客户并选用: a customer record of the name, phone and address, picked at once."""
        from ..services.tickets import create_customer

        raw = {k: str(e.raw() or "") for k, e in self.customer_editors.items()}
        existing = self.lookup.by_name(raw[CUSTOMER_KEYS[0]]) if raw[CUSTOMER_KEYS[0]].strip() else None
        if existing is not None:
            self._show_customer_issues("name", [self.tr("档案中已有此单位（{number}），已为您选用").format(
                number=existing.number)])
            self.pick_customer(existing)
            return None
        try:
            record = create_customer(self.service, raw[CUSTOMER_KEYS[0]], raw[CUSTOMER_KEYS[1]], raw[CUSTOMER_KEYS[2]], self._staff())
        except ValidationFailed as e:
            for key in CUSTOMER_KEYS:
                self._show_customer_issues(key, [issue_text(i) for i in e.issues if i.key == key])
            first = next((k for k in CUSTOMER_KEYS if any(i.key == k for i in e.issues)), None)
            if first is not None:
                self.customer_editors[first].setFocus()
            return None
        except (StorageError, TransitionRefused) as e:
            dialogs.error(self, self.tr("未保存"), error_text(e))
            return None
        for key in CUSTOMER_KEYS:
            self._show_customer_issues(key, [])
        self.lookup.invalidate()
        self.recordSaved.emit(record)
        hit = self.lookup.by_name(record.values.fields["name"])
        self.search.setText(record.values.fields["name"])
        self.search_now()
        self._message(self.tr("已新建客户 {number}：{name}").format(number=record.number,
                                                                 name=record.values.fields["name"]), "info")
        self.pick_customer(hit)
        return record

    def _show_customer_issues(self, key: str, messages: list[str]) -> None:
        self.customer_cells[key].set_messages(messages)
        set_invalid(self.customer_editors[key], bool(messages))

    # ================================================================== ② the caller

    def pick_contact(self, item: QListWidgetItem) -> None:
        contact = item.data(HIT_ROLE)
        self.contacts.setCurrentItem(item)
        if contact == NEW_CONTACT:
            self._picked_contact = None
            self._loading = True
            try:
                for key in (CALLER, CALLER_PHONE):
                    self.editors[key].set_value(None)
                self.caller_post.set_value(None)
            finally:
                self._loading = False
            self._update_on_file()
            self.editors[CALLER].setFocus()
            return
        self._picked_contact = contact
        self._loading = True
        try:
            self.editors[CALLER].set_value(contact.name)
            self.editors[CALLER_PHONE].set_value(contact.phone)
            self.caller_post.set_value(contact.position or None)
        finally:
            self._loading = False
        self._set_dirty(True)
        self._update_on_file()
        self.editors["issue_type"].setFocus()

    def _caller_typed(self) -> None:
        self._update_on_file()

    def contact_on_file(self) -> ContactInfo | None:
        """The contact of the chosen unit that the caller's name and phone are (None: a new one)."""
        from ..services.tickets import contact_key

        if self.customer is None:
            return None
        typed = contact_key(str(self.editors[CALLER].raw()), str(self.editors[CALLER_PHONE].raw()))
        if not typed[0]:
            return None
        return next((c for c in self.customer.contacts if contact_key(c.name, c.phone) == typed), None)

    def _same_name_on_file(self, name: str) -> ContactInfo | None:
        """The unit's contact of this name (whatever the phone), if any."""
        from ..services.tickets import contact_key

        if self.customer is None:
            return None
        key = contact_key(name, "")[0]
        return next((c for c in self.customer.contacts if contact_key(c.name, "")[0] == key), None)

    def _update_on_file(self) -> None:
        on_file = self.contact_on_file()
        name = str(self.editors[CALLER].raw()).strip()
        if self.customer is None:
            self.on_file.setText(self.tr("先选择来电单位，再核对来电人是否为档案联系人。"))
            self.on_file.setStyleSheet("color: #6b7280;")
            self.add_to_file.setVisible(False)
        elif on_file is not None:
            self.on_file.setText(self.tr("✓ 来电人是档案联系人"))
            self.on_file.setStyleSheet("color: #2e7d32;")
            self.add_to_file.setVisible(False)
        elif name and (same := self._same_name_on_file(name)) is not None:
            # The name is on file with another phone: a mistyped number, or a new number of the
            # same person; the clerk checks, nothing is added unless the box is ticked.
            self.on_file.setText(self.tr("档案中的{name}电话为 {phone}：请核对来电号码；是新号码才勾选加入档案").format(
                name=same.name, phone=same.phone or self.tr("（未登记）")))
            self.on_file.setStyleSheet("color: #b45309;")
            self.add_to_file.setVisible(True)
        elif name:
            self.on_file.setText(self.tr("来电人不在档案中：新联系人"))
            self.on_file.setStyleSheet("color: #b45309;")
            self.add_to_file.setVisible(True)
        else:
            self.on_file.setText(self.tr("请选择档案联系人，或填写新来电人的姓名和电话。"))
            self.on_file.setStyleSheet("color: #6b7280;")
            self.add_to_file.setVisible(False)

    # ================================================================== ④ deadlines and promise

    def _callback_edited(self) -> None:
        if not self._loading:
            self._callback_touched = True

    def _sales_edited(self) -> None:
        if not self._loading:
            self._sales_touched = True

    def _sales_informed(self) -> None:
        person = self.editors["sales_person"]
        if self.editors["sales_informed"].raw() and not str(person.raw()).strip() and self.customer is not None:
            person.set_value(self.customer.sales_rep or None)

    def deadlines(self) -> tuple[dt.datetime, dt.datetime] | None:
        eds = self.editors
        values = RecordValues({"call_date": eds["call_date"].date(), "call_time": eds["call_time"].time(),
                               "issue_type": eds["issue_type"].raw() or None})
        return rules.deadlines(values, self.settings())

    def update_deadlines(self) -> None:
        got = self.deadlines()
        issue_type = self.editors["issue_type"].raw()
        if got is None:
            for label in self.deadline_labels.values():
                label.setText(self.tr('<span style="color:#6b7280;">选择问题类型后按设置中的响应时间表计算</span>'))
            return
        phone, handling = rules.response_hours(issue_type, self.settings())
        for (key, at), hours in zip((("response_deadline", got[0]), ("handling_deadline", got[1])),
                                    (phone, handling), strict=True):
            self.deadline_labels[key].setText(self.tr("<b>{at}</b>　（来电后 {hours} 小时内）").format(
                at=at.strftime(rules.DEADLINE_FORMAT), hours=hours))
        if not self._callback_touched:
            self._loading = True
            try:
                self.editors["callback_date"].set_value(got[0].date())
                self.editors["callback_time"].set_value(got[0].time())
            finally:
                self._loading = False

    # ================================================================== ⑤ save

    def _staff(self) -> str:
        return str(self.editors["receiver"].raw() or "").strip() or self.settings().staff_name

    def raw(self) -> dict[str, Any]:
        """The ticket's values as typed."""
        raw = {key: editor.raw() for key, editor in self.editors.items()}
        hit = self.customer
        raw[UNIT] = hit.name if hit else ""
        raw["customer_number"] = hit.number if hit else ""
        raw["customer_address"] = hit.address if hit else ""
        raw["caller_on_file"] = self.contact_on_file() is not None
        return raw

    def save(self) -> Record | None:
        """Save the call as a ticket (and the new caller into the customer record), open it,
        and clear the desk for the next call."""
        from ..services.tickets import NewContact, save_call

        if self.timer.isActive():
            self.timer.stop()
            self.search_now()
        raw = self.raw()
        contact = None
        if self.customer is not None and not raw["caller_on_file"] and self.add_to_file.isChecked():
            contact = NewContact(str(raw[CALLER]), str(raw[CALLER_PHONE]), str(self.caller_post.raw()))
        try:
            if self.customer is None:
                _values, issues = self.service.validate("ticket", raw)
                raise ValidationFailed([i for i in issues if i.key != UNIT] + [NO_UNIT])
            record = save_call(self.service, raw, by=self._staff(),
                               customer_id=self.customer.id if self.customer else None, contact=contact).record
        except ValidationFailed as e:
            self.show_issues(e.issues)
            self._message(self.tr("未保存：有 {n} 处需要补充或修改，已在字段旁用红字标出。").format(n=len(e.issues)))
            return None
        except (StorageError, TransitionRefused) as e:
            dialogs.error(self, self.tr("未保存"), error_text(e))
            return None
        if contact is not None and self.customer is not None:
            self.lookup.invalidate()
            try:
                self.recordSaved.emit(self.service.get("customer", self.customer.id))
            except Exception:  # the ticket is saved; a register refresh can wait
                log.exception("customer %s not re-read", self.customer.id)
        self.recordSaved.emit(record)
        self.reset()
        self._message(self.tr("已保存保障单 {number}（{status}）。可以接下一个电话了。").format(
            number=record.number, status=tr_field(record.status)), "info")
        self.openRequested.emit(record.kind, record.id)
        return record

    # ================================================================== issues

    def _clear_issues(self) -> None:
        for key in list(self._shown):
            self._show_key(key, [])
        self._shown = set()
        for key in CUSTOMER_KEYS:
            self._show_customer_issues(key, [])

    def _show_key(self, key: str, messages: list[str]) -> None:
        cell = self.cells.get(key)
        if cell is None:
            return
        cell.set_messages(messages)
        set_invalid(cell.editor, bool(messages))
        if messages:
            self._shown.add(key)
        else:
            self._shown.discard(key)

    def show_issues(self, issues: list[Issue]) -> None:
        """Every issue in Chinese beside its field; the first such field gets the focus."""
        self._clear_issues()
        by_key: dict[str, list[str]] = {}
        for i in issues:
            key = i.key if i.key in self.cells else UNIT
            text = self.tr("请在客户档案中选择来电单位，或新建客户") if i is NO_UNIT else issue_text(i)
            by_key.setdefault(key, []).append(text)
        for key, messages in by_key.items():
            self._show_key(key, messages)
        order = [UNIT, CALLER, CALLER_PHONE, "caller_post", *TICKET_KEYS]
        first = next((k for k in order if k in by_key), None)
        if first is not None:
            self.cells[first].editor.setFocus()

    def _message(self, text: str, kind: str = "error") -> None:
        self.message_bar.setText(text)
        self.message_bar.setProperty("kind", kind)
        self.message_bar.style().unpolish(self.message_bar)
        self.message_bar.style().polish(self.message_bar)
        self.message_bar.show()


