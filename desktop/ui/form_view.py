"""A record's form, built entirely from its :class:`FormSpec`.

Sections become group boxes in a scroll area; every field gets the widget of its type
(``field_widgets.make_editor``), item tables and photo lists their editors.  No field has code of
its own here: a field added to the specification appears in the form by itself.

The form talks to :class:`RecordService` only: ``validate`` when a field is left, ``create`` /
``update`` on save, ``next_steps`` / ``check_step`` / ``transition`` for the lifecycle buttons.
Issues come back with the path of the value they belong to and are shown in red beside it.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import Field, FieldType, ItemTable, PhotoList, Section
from ..domain.forms import WORKFLOWS, spec_for
from ..domain.records import Record
from ..domain.validation import Issue, ValidationFailed
from ..domain.workflow import Transition, TransitionRefused
from ..storage.errors import StorageError
from . import dialogs
from .field_widgets import FieldEditor, make_editor, set_invalid
from .item_table_editor import ItemTableEditor
from .photo_list import PhotoListEditor
from .status_history import StatusHistoryTable
from .texts import is_required, issue_text, tr_field, tr_message

if TYPE_CHECKING:  # the services load SQLAlchemy: not needed to draw the window
    from ..services.records import RecordService

log = logging.getLogger(__name__)

Editor = FieldEditor | ItemTableEditor | PhotoListEditor


class FieldCell(QWidget):
    """An editor with the line for its messages just below it."""

    def __init__(self, key: str, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel(self)
        self.error.setObjectName(f"{key}_error")
        self.error.setProperty("fieldError", True)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(editor)
        lay.addWidget(self.error)

    def set_messages(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))


class FormView(QWidget):
    """One record being looked at or edited (a tab of the main window)."""

    dirtyChanged = Signal(bool)
    saved = Signal(object)  # the Record as stored
    titleChanged = Signal()

    export_folder: str = ""

    def __init__(
        self,
        service: RecordService,
        kind: str,
        record: Record | None = None,
        defaults: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.kind = kind
        self.spec = spec_for(kind)
        self.workflow = WORKFLOWS[kind]
        self.record: Record | None = None
        self.setObjectName(f"form_{kind}")
        self.editors: dict[str, FieldEditor] = {}
        self.tables: dict[str, ItemTableEditor] = {}
        self.photo_lists: dict[str, PhotoListEditor] = {}
        self.cells: dict[str, FieldCell] = {}
        self.step_buttons: dict[str, QPushButton] = {}
        self._shown: dict[str, list[Issue]] = {}
        self._order = [e.key for s in self.spec.sections for e in s.elements]
        self._dirty = False
        self._loading = False
        self._read_only = False

        self._build()
        if record is not None:
            self.load(record)
        else:
            self.load_new(defaults or {})

    # ================================================================== building

    def _build(self) -> None:
        self.title_label = QLabel(tr_field(self.spec.title), self)
        self.title_label.setObjectName("form_title")
        self.number_label = QLabel(self)
        self.number_label.setObjectName("form_number")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("status_badge")

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

        header = QFrame(self)
        header.setObjectName("form_header")
        top = QHBoxLayout(header)
        top.setContentsMargins(12, 8, 12, 8)
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.number_label)
        top.addSpacing(8)
        top.addWidget(self.status_badge)
        top.addStretch(1)
        top.addWidget(self.steps_box)
        top.addSpacing(12)
        top.addWidget(self.save_button)
        top.addWidget(self.export_button)

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
            body.addWidget(self._build_section(section))
        history_box = QGroupBox(self.tr("状态记录"), content)
        history_box.setObjectName("section_history")
        hl = QVBoxLayout(history_box)
        self.history = StatusHistoryTable(history_box)
        hl.addWidget(self.history)
        body.addWidget(history_box)
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
        lay.addWidget(self.message_bar)
        lay.addWidget(self.scroll, 1)

    def _measure_label_width(self) -> int:
        # Wide enough for the usual labels (管理者代表审批日期); longer ones wrap onto a second line.
        fm = self.fontMetrics()
        return fm.horizontalAdvance(self.tr("管理者代表审批日期") + " *") + 8

    def _label(self, text: str, required: bool, key: str, parent: QWidget) -> QLabel:
        shown = html.escape(tr_field(text))
        if required:
            shown += '<span style="color:#d32f2f;">&nbsp;*</span>'
        label = QLabel(shown, parent)
        label.setObjectName(f"{key}_label")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setMaximumWidth(self._label_width)
        label.setContentsMargins(0, self._label_pad, 0, 0)
        return label

    def _build_section(self, section: Section) -> QGroupBox:
        box = QGroupBox(tr_field(section.title))
        box.setObjectName(f"section_{section.key}")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        columns = max(section.columns, 1)
        row = pos = 0
        for element in section.elements:
            if isinstance(element, ItemTable):
                editor: QWidget = self._make_table(element)
                span, label = columns, None
            elif isinstance(element, PhotoList):
                editor = self._make_photo_list(element)
                span, label = columns, self._label(element.label, False, element.key, box)
            else:
                editor = self._make_field(element)
                span = min(max(element.span, 1), columns)
                required = element.required and not element.read_only
                # A check box carries its own label (these labels are whole statements).
                label = None if element.type is FieldType.BOOL else self._label(
                    element.label, required, element.key, box)
            if pos + span > columns:
                row, pos = row + 1, 0
            cell = FieldCell(element.key, editor, box)
            self.cells[element.key] = cell
            if isinstance(element, ItemTable):
                grid.addWidget(cell, row, 0, 1, 2 * columns)
            else:
                if label is not None:
                    label.setBuddy(editor)
                    grid.addWidget(label, row, 2 * pos)
                grid.addWidget(cell, row, 2 * pos + 1, 1, 2 * span - 1)
            pos += span
            if pos >= columns:
                row, pos = row + 1, 0
        for c in range(columns):
            grid.setColumnMinimumWidth(2 * c, self._label_width)
            grid.setColumnStretch(2 * c + 1, 1)
        return box

    def _make_field(self, f: Field) -> QWidget:
        editor = make_editor(f)
        self.editors[f.key] = editor
        editor.edited.connect(self._on_edited)
        editor.committed.connect(lambda key=f.key: self._validate_key(key))
        if f.type in (FieldType.DATE, FieldType.PHONE, FieldType.DECIMAL, FieldType.INTEGER, FieldType.CHOICE):
            # Short values: a full-width box would suggest a paragraph is expected.
            editor.setMaximumWidth(max(self.fontMetrics().horizontalAdvance("0" * 28), 260))
            editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return editor

    def _make_table(self, t: ItemTable) -> ItemTableEditor:
        editor = ItemTableEditor(t)
        self.tables[t.key] = editor
        editor.edited.connect(self._on_edited)
        editor.committed.connect(lambda key=t.key: self._validate_key(key))
        return editor

    def _make_photo_list(self, p: PhotoList) -> PhotoListEditor:
        editor = PhotoListEditor(p, self.service.photo_bytes, self.service.add_photo_files)
        self.photo_lists[p.key] = editor
        editor.edited.connect(self._on_edited)
        editor.committed.connect(lambda key=p.key: self._validate_key(key))
        return editor

    def editor(self, key: str) -> QWidget:
        """The input widget of a field, table or photo list."""
        if key in self.editors:
            return self.editors[key]
        if key in self.tables:
            return self.tables[key]
        return self.photo_lists[key]

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
        finally:
            self._loading = False
        self._clear_errors()
        self._refresh_state()
        self._set_dirty(False)

    def load_new(self, defaults: dict[str, Any]) -> None:
        """An empty form for a new record, with the caller's defaults (today, the clerk's name)."""
        self.record = None
        self._loading = True
        try:
            for key, ed in self.editors.items():
                ed.set_value(defaults.get(key))
            if "number" in self.editors:
                self.editors["number"].setText(self.tr("保存后自动生成"))
            if "status" in self.editors:
                self.editors["status"].setText(self.tr("新建，未保存"))
            for key, table in self.tables.items():
                table.set_rows(defaults.get(key) or [{}] * max(table.spec.min_rows, 1))
            for key, photos in self.photo_lists.items():
                photos.set_photos(defaults.get(key) or [])
            self.history.set_events([])
        finally:
            self._loading = False
        self._clear_errors()
        self._refresh_state()
        self._set_dirty(False)

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
        return self.record.number if self.record else self.tr("新投诉")

    def _on_edited(self) -> None:
        if self._loading:
            return
        if self.message_bar.property("kind") == "info":
            self.message_bar.hide()
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
        self.titleChanged.emit()

    def _refresh_state(self) -> None:
        status = self.status
        self.number_label.setText(self.record.number if self.record else self.tr("新投诉（未保存）"))
        self.status_badge.setText(tr_field(status) if status else self.tr("新建"))
        self.status_badge.setProperty("status", status or "")
        self.status_badge.style().unpolish(self.status_badge)
        self.status_badge.style().polish(self.status_badge)
        self._read_only = bool(status and self.workflow.is_final(status))
        for ed in self.editors.values():
            ed.set_read_only(self._read_only)
        for table in self.tables.values():
            table.set_read_only(self._read_only)
        for photos in self.photo_lists.values():
            photos.set_read_only(self._read_only)
        self.save_button.setVisible(not self._read_only)
        self._rebuild_steps()
        if self._read_only:
            self._message(self.tr("此记录已关闭，只能查看和导出 PDF。"), "info", sticky=True)

    def _rebuild_steps(self) -> None:
        for button in self.step_buttons.values():
            self.steps_layout.removeWidget(button)
            button.hide()
            button.setParent(None)  # gone at once, not only when the event loop deletes it
            button.deleteLater()
        self.step_buttons = {}
        if self.record is None or self._read_only:
            return
        for t in self.service.next_steps(self.kind, self.record.status):
            button = QPushButton(tr_field(t.action), self.steps_box)
            button.setObjectName(f"step_{t.target}")
            statuses = self.spec.statuses
            forward = t.target not in statuses or statuses.index(t.target) > statuses.index(t.source)
            button.setProperty("step", forward)  # a step back (退回重新调查) is not the obvious choice
            button.setToolTip(self.tr("转为“{status}”").format(status=tr_field(t.target)))
            button.clicked.connect(lambda _checked=False, tr=t: self.step(tr))
            self.steps_layout.addWidget(button)
            self.step_buttons[t.target] = button

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
        """Save the form; on any issue show it beside its field and write nothing."""
        if self._read_only:
            return False
        raw = self.raw()
        try:
            if self.record is None:
                record = self.service.create(self.kind, raw, by=self._staff())
            else:
                record = self.service.update(self.kind, self.record.id, raw, by=self._staff())
        except ValidationFailed as e:
            loose = self.show_issues(e.issues)
            text = self.tr("未保存：有 {n} 处需要修改，已在字段旁用红字标出。").format(n=len(e.issues))
            if loose:
                text += " " + self.tr("；").join(issue_text(i) for i in loose)
            self._message(text)
            return False
        except (TransitionRefused, StorageError) as e:
            dialogs.error(self, self.tr("未保存"), tr_message(str(e)))
            return False
        was_new = self.record is None
        self.load(record)
        self._message(self.tr("已保存为 {number}。").format(number=record.number) if was_new else self.tr("已保存。"),
                      "info")
        self.saved.emit(record)
        return True

    def fill_date_defaults(self, t: Transition) -> None:
        today = self.service.clock.today()
        for key in t.date_defaults:
            ed = self.editors.get(key)
            if ed is not None and not str(ed.raw()).strip():
                ed.set_value(today)
                self._set_dirty(True)

    def step(self, t: Transition) -> bool:
        """Move the record on (开始调查, 完成质量界定, …), saving the form's values with it."""
        if self.record is None or self._read_only:
            return False
        self.fill_date_defaults(t)
        raw = self.raw()
        target = tr_field(t.target)
        issues = self.service.check_step(self.kind, raw, self.record.status, t.target)
        if issues:
            self._refuse_step(target, issues)
            return False
        if not dialogs.confirm(
            self,
            tr_field(t.action),
            self.tr("将 {number} 从“{a}”转为“{b}”？").format(number=self.record.number,
                                                         a=tr_field(self.record.status), b=target),
            tr_field(t.action),
            self.tr("表单中的修改会一并保存。") if self._dirty else "",
        ):
            return False
        try:
            record = self.service.transition(self.kind, self.record.id, t.target, raw, by=self._staff())
        except ValidationFailed as e:
            self._refuse_step(target, e.issues)
            return False
        except (TransitionRefused, StorageError) as e:
            dialogs.error(self, self.tr("无法转换状态"), tr_message(str(e)))
            return False
        self.load(record)
        self._message(self.tr("已转为“{status}”。").format(status=target), "info")
        self.saved.emit(record)
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

    def maybe_close(self) -> bool:
        """Ask 保存 / 不保存 / 取消 when there are changes; True when the form may close."""
        if not self._dirty:
            return True
        answer = dialogs.ask_unsaved(self, self.display_name())
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD
