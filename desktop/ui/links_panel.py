"""关联记录: the record a form's record came from and the records made from it.

A complaint leads to return requests and service reports, a service report to a satisfaction
survey (``domain.links``).  Two widgets show the links of one record:

- :class:`LinksLine`, one line under the form's title: "来源：投诉 TS-2026-A3-0007　后续：…", each a
  link to click (or reach with Tab and Enter);
- :class:`LinksPanel`, the group box at the bottom of the form: a table (来源 / 后续, form, number,
  status, date; double-click or Enter opens) and the "由此新建" buttons of the kinds that may follow.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.forms import SPECS
from .status_colours import status_colour
from .texts import tr_field

if TYPE_CHECKING:
    from ..services.records import LinkedRecord

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_title(kind: str) -> str:
    """投诉, 服务报告, … (translated)."""
    spec = SPECS.get(kind)
    return tr_field(spec.short_title) if spec is not None else kind


def _href(kind: str, record_id: str) -> str:
    return f"record:{kind}/{record_id}"


def parse_href(href: str) -> tuple[str, str] | None:
    if not href.startswith("record:") or "/" not in href:
        return None
    kind, record_id = href[len("record:"):].split("/", 1)
    return kind, record_id


class LinksLine(QLabel):
    """来源：投诉 TS-2026-A3-0007　后续：退换货申请 TH-2026-A3-0002 (links to click)."""

    openRequested = Signal(str, str)  # kind, id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("form_source")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._activated)
        self.hide()

    def _activated(self, href: str) -> None:
        target = parse_href(href)
        if target is not None:
            self.openRequested.emit(*target)

    def _anchor(self, kind: str, record_id: str | None, number: str) -> str:
        text = html.escape(f"{kind_title(kind)} {number}")
        return f'<a href="{_href(kind, record_id)}">{text}</a>' if record_id else text

    def set_links(self, source: tuple[str, str | None, str] | None, followers: Sequence[LinkedRecord]) -> None:
        """``source``: (kind, id, number) of the record this one came from."""
        parts = []
        if source is not None:
            parts.append(self.tr("来源：{record}").format(record=self._anchor(*source)))
        if followers:
            records = self.tr("、").join(self._anchor(r.kind, r.id, r.number) for r in followers)
            parts.append(self.tr("后续：{records}").format(records=records))
        self.setText("&emsp;".join(parts))
        self.setVisible(bool(parts))


class LinksPanel(QGroupBox):
    openRequested = Signal(str, str)  # kind, id
    followOnRequested = Signal(str)  # the kind of the record to make from this one

    COLUMNS = 5

    def __init__(self, follow_on_kinds: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("关联记录"), parent)
        self.setObjectName("section_links")
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("links")
        self.table.setTabKeyNavigation(False)  # Tab moves on through the form (issue 14)
        self.table.setAccessibleName(self.tr("关联记录"))
        self.table.setHorizontalHeaderLabels([self.tr("关系"), self.tr("表单"), self.tr("编号"), self.tr("状态"),
                                              self.tr("日期")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setToolTip(self.tr("双击或按 Enter 打开"))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        fm = self.fontMetrics()
        widths = (fm.horizontalAdvance("一二三四") + 24,
                  max(fm.horizontalAdvance(kind_title(k)) for k in SPECS) + 24,
                  fm.horizontalAdvance("TS-2026-AB12-0000") + 24,
                  fm.horizontalAdvance("一二三四五") + 24)
        for col, width in enumerate(widths):
            header.resizeSection(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.installEventFilter(self)

        self.empty = QLabel(self.tr("暂无关联记录。"), self)
        self.empty.setObjectName("links_empty")
        self.empty.setProperty("hint", True)

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        if follow_on_kinds:
            self.follow_label = QLabel(self.tr("由此新建："), self)
            bar.addWidget(self.follow_label)
        for kind in follow_on_kinds:
            button = QPushButton(kind_title(kind), self)
            button.setObjectName(f"follow_on_{kind}")
            button.setToolTip(self.tr("新建一份{title}，客户、联系人、产品和批号从本记录带入").format(
                title=kind_title(kind)))
            button.clicked.connect(lambda _checked=False, k=kind: self.followOnRequested.emit(k))
            bar.addWidget(button)
            self.buttons[kind] = button
        bar.addStretch(1)

        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.table)
        lay.addLayout(bar)
        self.set_links([])

    def set_follow_on_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def set_links(self, links: Sequence[LinkedRecord]) -> None:
        self.table.setRowCount(len(links))
        for r, link in enumerate(links):
            relation = self.tr("来源") if link.relation == "source" else self.tr("后续")
            values = [relation, kind_title(link.kind), link.number, tr_field(link.status),
                      link.date.isoformat() if link.date else ""]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(KIND_ROLE, link.kind)
                item.setData(ID_ROLE, link.id)
                if c == 3 and (colour := status_colour(link.kind, link.status)):
                    item.setForeground(QColor(colour))
                self.table.setItem(r, c, item)
        rows = max(len(links), 1)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(height + rows * self.table.verticalHeader().defaultSectionSize())
        self.table.setVisible(bool(links))
        self.empty.setVisible(not links)

    def links(self) -> list[tuple[str, str, str]]:
        """(relation text, kind, number) of each line, as shown."""
        out: list[tuple[str, str, str]] = []
        for r in range(self.table.rowCount()):
            out.append((self.table.item(r, 0).text(), self.table.item(r, 0).data(KIND_ROLE),
                        self.table.item(r, 2).text()))
        return out

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.openRequested.emit(item.data(KIND_ROLE), item.data(ID_ROLE))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentRow() >= 0:
                self._open_row(self.table.currentRow())
                return True
        return False
