"""首页: today at a glance (issue 6, "The home screen").

A row of figures (follow-ups due today and overdue, tickets past or near their handling deadline,
open complaints, batches expiring soon and lately expired), then four lists: follow-ups, hotline
tickets, open complaints by status, batch expiry.  What is late is red, what is due soon orange.
Double-click or Enter on a row opens its record (``openRequested(kind, id)``); a click on a figure
or a list's heading shows that register (``registerRequested(kind)``).  The figures come from
``services.desk.DeskService`` in one read; the page holds no SQL.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.ticket_rules import parse_deadline
from .status_colours import TONES, status_tone
from .texts import error_text, tr_field
from .ui_dates import iso_date

if TYPE_CHECKING:
    from ..services.desk import DeskGroup, DeskRow, DeskService, DeskSummary
    from ..services.records import RecordService

TICK_MS = 60_000  # refreshed every minute while shown
SHOW_REFRESH_S = 5  # shown again after this long: read again

KIND_ROLE = int(Qt.ItemDataRole.UserRole)
ID_ROLE = KIND_ROLE + 1

RED = "#c62828"
RED_BG = "#fdecea"
ORANGE = "#e65100"
ORANGE_BG = "#fff3e0"
BLUE = "#1565c0"
GREY = "#6b7280"

STYLE = f"""
QWidget#home_page {{ background: #f4f6f8; }}
QLabel#home_title {{ font-size: 17pt; font-weight: bold; color: #263238; }}
QLabel#home_date {{ font-size: 12pt; color: #455a64; }}
QLabel#home_updated {{ color: {GREY}; }}
QFrame[homeTile="true"] {{ background: #ffffff; border: 1px solid #dde3ea; border-radius: 8px; }}
QFrame[homeTile="true"]:hover, QFrame[homeTile="true"]:focus {{ border-color: {BLUE}; }}
QFrame[homeTile="true"][tone="red"] {{ background: {RED_BG}; border-color: #f5b7b1; }}
QFrame[homeTile="true"][tone="orange"] {{ background: {ORANGE_BG}; border-color: #ffcc80; }}
QLabel#tile_count {{ font-size: 24pt; font-weight: bold; color: #37474f; }}
QFrame[tone="red"] QLabel#tile_count {{ color: {RED}; }}
QFrame[tone="orange"] QLabel#tile_count {{ color: {ORANGE}; }}
QFrame[tone="blue"] QLabel#tile_count {{ color: {BLUE}; }}
QLabel#tile_label {{ color: #37474f; font-size: 10pt; }}
QLabel#tile_note {{ color: {GREY}; font-size: 9pt; }}
QFrame[homePanel="true"] {{ background: #ffffff; border: 1px solid #dde3ea; border-radius: 8px; }}
QPushButton[homeHeading="true"] {{
    border: none; background: transparent; font-size: 12pt; font-weight: bold; color: #263238;
    text-align: left; padding: 2px 0; }}
QPushButton[homeHeading="true"]:hover {{ color: {BLUE}; text-decoration: underline; }}
QLabel#panel_caption {{ color: {GREY}; }}
QLabel#panel_more {{ color: {GREY}; font-size: 9pt; }}
QLabel#panel_empty {{ color: #2e7d32; padding: 18px 4px; }}
QTreeWidget {{ border: none; }}
QTreeWidget::item {{ padding: 3px 2px; }}
QHeaderView::section {{ background: #f1f4f7; border: none; border-bottom: 1px solid #dde3ea; padding: 4px; color: #455a64; }}
QProgressBar {{ border: none; background: #eceff1; border-radius: 4px; max-height: 8px; }}
"""


class DeskList(QTreeWidget):
    """A home-screen list: double-click or Enter on a row asks for its record."""

    rowActivated = Signal(str, str)  # kind, id

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.itemDoubleClicked.connect(lambda item, _col: self._activate(item))

    COLUMN_CAP = 240  # a column wider than this by its content is cut (elided) rather than widened

    def fit_columns(self) -> None:
        """Columns as wide as their contents (up to ``COLUMN_CAP``); when the list is narrower than
        that, the wide ones give way — never below their heading's whole text, so no heading is cut
        ("Staf", "Quan", issue 14) and the contents are elided instead."""
        n = self.columnCount()
        fm = self.header().fontMetrics()
        heads = [fm.horizontalAdvance(self.headerItem().text(col)) + 28 for col in range(n)]
        wants = []
        for col in range(n):
            self.resizeColumnToContents(col)
            wants.append(max(min(self.columnWidth(col) + 12, self.COLUMN_CAP), heads[col]))
        # Room for the vertical scroll bar too: it may appear once the rows are laid out.
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width() - 2
        excess = sum(wants) - room
        if excess > 0:
            # The first column (due state, deadline: "72 天逾期") keeps its whole text.
            give = [0 if i == 0 else w - h for i, (w, h) in enumerate(zip(wants, heads, strict=True))]
            total = sum(give)
            if total > 0:
                wants = [w - min(g, round(excess * g / total) + 1) for w, g in zip(wants, give, strict=True)]
        for col in range(n - 1):  # the last column takes what is left
            self.setColumnWidth(col, wants[col])

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _activate(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and item.data(0, ID_ROLE):
            self.rowActivated.emit(item.data(0, KIND_ROLE), item.data(0, ID_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._activate(self.currentItem())
            return
        super().keyPressEvent(event)

    def row_ids(self) -> list[str]:
        """The ids of the record rows, in order (heading lines left out)."""
        return [i for i in (self.topLevelItem(n).data(0, ID_ROLE) for n in range(self.topLevelItemCount())) if i]

    def row_texts(self, column: int = 0) -> list[str]:
        """The text of ``column`` of every record row (heading lines left out)."""
        return [item.text(column) for item in (self.topLevelItem(n) for n in range(self.topLevelItemCount()))
                if item.data(0, ID_ROLE)]


class Tile(QFrame):
    """A figure of the day; a click (or Enter/Space when focused) shows its register."""

    clicked = Signal()

    def __init__(self, name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{name}")
        self.setProperty("homeTile", True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.count_label = QLabel("0", self)
        self.count_label.setObjectName("tile_count")
        self.label = QLabel(label, self)
        self.label.setObjectName("tile_label")
        self.note = QLabel("", self)
        self.note.setObjectName("tile_note")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 10)
        lay.setSpacing(0)
        lay.addWidget(self.count_label)
        lay.addWidget(self.label)
        lay.addWidget(self.note)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_value(self, count: int, tone: str, note: str = "") -> None:
        self.count_label.setText(str(count))
        self.note.setText(note)
        self.setAccessibleName(f"{self.label.text()} {count}")
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            self.style().unpolish(self)
            self.style().polish(self)
            for child in self.findChildren(QLabel):
                self.style().unpolish(child)
                self.style().polish(child)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class Panel(QFrame):
    """A titled list: the heading shows the register, the body the first rows."""

    def __init__(self, name: str, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"panel_{name}")
        self.setProperty("homePanel", True)
        self.heading = QPushButton(heading, self)
        self.heading.setObjectName(f"heading_{name}")
        self.heading.setProperty("homeHeading", True)
        self.heading.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel("", self)
        self.caption.setObjectName("panel_caption")
        self.more = QLabel("", self)
        self.more.setObjectName("panel_more")
        self.empty = QLabel("", self)
        self.empty.setObjectName("panel_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.caption)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 8, 12, 8)
        self.body.setSpacing(4)
        self.body.addLayout(top)

    def finish(self, content: QWidget) -> None:
        self.body.addWidget(content, 1)
        self.body.addWidget(self.empty, 1)
        self.body.addWidget(self.more)


class HomePage(QWidget):
    """首页: what needs doing today, with one click to each record."""

    openRequested = Signal(str, str)  # kind, id
    registerRequested = Signal(str)  # kind
    groupRequested = Signal(str, str)  # kind, figure key: the register filtered to exactly its rows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home_page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.service: RecordService | None = None
        self.desk: DeskService | None = None
        self.summary: DeskSummary | None = None
        self._refreshed_at = float("-inf")
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

        self.title = QLabel(self.tr("今日概览"), self)
        self.title.setObjectName("home_title")
        self.date_label = QLabel("", self)
        self.date_label.setObjectName("home_date")
        self.updated = QLabel("", self)
        self.updated.setObjectName("home_updated")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setObjectName("home_refresh")
        self.refresh_button.setToolTip(self.tr("重新读取今天的回访、保障单、投诉和批次（F5）"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_button.setEnabled(False)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addSpacing(12)
        head.addWidget(self.date_label)
        head.addStretch(1)
        head.addWidget(self.updated)
        head.addWidget(self.refresh_button)

        self.tiles: dict[str, Tile] = {}
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for key, kind, label in (
            ("followups_due", "followup", self.tr("今日待回访")),
            ("followups_overdue", "followup", self.tr("逾期未回访")),
            ("tickets_overdue", "ticket", self.tr("保障单已超时")),
            ("tickets_near", "ticket", self.tr("保障单即将到时")),
            ("complaints_open", "complaint", self.tr("未结投诉")),
            ("batches_expiring", "delivery", self.tr("批次即将到期")),
            ("batches_expired", "delivery", self.tr("批次已过期")),
        ):
            tile = Tile(key, label, self)
            tile.clicked.connect(lambda k=kind, g=key: self.groupRequested.emit(k, g))
            self.tiles[key] = tile
            tiles.addWidget(tile)

        # Follow-ups
        self.followups = Panel("followup", self.tr("回访计划 ›"), self)
        self.followup_list = DeskList([self.tr("期限"), self.tr("客户单位"), self.tr("回访类型"),
                                       self.tr("产品 · 批号 · 人员")], self.followups)
        self.followup_list.setObjectName("list_followup")
        self.followups.finish(self.followup_list)
        # Tickets
        self.tickets = Panel("ticket", self.tr("热线保障单 ›"), self)
        self.ticket_list = DeskList([self.tr("时限"), self.tr("客户单位"), self.tr("问题类型"),
                                     self.tr("派工 · 来电人")], self.tickets)
        self.ticket_list.setObjectName("list_ticket")
        self.tickets.finish(self.ticket_list)
        # Complaints by status
        self.complaints = Panel("complaint", self.tr("未结投诉 ›"), self)
        grid_host = QWidget(self.complaints)
        self.complaint_grid = QGridLayout(grid_host)
        self.complaint_grid.setContentsMargins(0, 6, 0, 0)
        self.complaint_grid.setVerticalSpacing(8)
        self.complaint_grid.setColumnStretch(2, 1)
        self.status_rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        from ..domain.complaint_rules import open_statuses  # not the services: no SQLAlchemy to draw

        wf_statuses = open_statuses()  # what needs work: not 已回访, 已关闭 or 已作废
        for i, st in enumerate(wf_statuses):
            badge = QLabel(tr_field(st), grid_host)
            badge.setObjectName("status_badge")
            badge.setProperty("tone", status_tone("complaint", st))
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            count = QLabel("0", grid_host)
            count.setObjectName(f"complaints_{st}")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setMinimumWidth(36)
            bar = QProgressBar(grid_host)
            bar.setTextVisible(False)
            fg = TONES.get(status_tone("complaint", st) or "grey", TONES["grey"])[0]
            bar.setStyleSheet(f"QProgressBar::chunk {{ background: {fg}; border-radius: 4px; }}")
            self.complaint_grid.addWidget(badge, i, 0)
            self.complaint_grid.addWidget(count, i, 1)
            self.complaint_grid.addWidget(bar, i, 2)
            self.status_rows[st] = (badge, count, bar)
        self.complaint_grid.setRowStretch(len(wf_statuses), 1)
        self.complaints.finish(grid_host)
        # Batches
        self.batches = Panel("delivery", self.tr("批次有效期 ›"), self)
        self.batch_list = DeskList([self.tr("有效期"), self.tr("客户单位"), self.tr("产品"),
                                    self.tr("批号 · 数量")], self.batches)
        self.batch_list.setObjectName("list_delivery")
        self.batches.finish(self.batch_list)

        for panel, kind in ((self.followups, "followup"), (self.tickets, "ticket"),
                            (self.complaints, "complaint"), (self.batches, "delivery")):
            panel.heading.clicked.connect(lambda _checked=False, k=kind: self.registerRequested.emit(k))
        for lst in (self.followup_list, self.ticket_list, self.batch_list):
            lst.rowActivated.connect(self.openRequested)

        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.followups, 0, 0)
        grid.addWidget(self.tickets, 0, 1)
        grid.addWidget(self.complaints, 1, 0)
        grid.addWidget(self.batches, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.setSpacing(12)
        lay.addLayout(head)
        lay.addLayout(tiles)
        lay.addLayout(grid, 1)

    # ------------------------------------------------------------------ data

    def attach(self, service: RecordService) -> None:
        """Read from ``service`` from now on, and show today's figures."""
        from ..services.desk import DeskService

        self.service = service
        self.desk = DeskService(service)
        self.refresh_button.setEnabled(True)
        self.refresh()
        self.timer.start()

    def mark_stale(self) -> None:
        """Something was saved: read again now if the page is in view, else when it is next shown."""
        self._refreshed_at = float("-inf")
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Back on the page after work elsewhere: the figures may have changed.
        if self.desk is not None and time.monotonic() - self._refreshed_at > SHOW_REFRESH_S:
            self.refresh()

    def _tick(self) -> None:
        """Every minute while shown: deadlines come closer ("剩 30 分钟"), midnight makes today's
        follow-ups overdue."""
        if self.desk is not None and self.isVisible():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.summary is not None:
            self.show_summary(self.summary)

    def refresh(self) -> None:
        """Read the summary again (a few tens of milliseconds) and show it."""
        if self.desk is None or self.service is None:
            return
        from ..services.errors import StorageError

        try:
            summary = self.desk.summary(self.service.clock.now())
        except StorageError as e:
            self.updated.setText(self.tr("读取失败：{error}").format(error=error_text(e)))
            return
        self._refreshed_at = time.monotonic()
        self.show_summary(summary)

    def show_summary(self, s: DeskSummary) -> None:
        self.summary = s
        weekdays = [self.tr("星期一"), self.tr("星期二"), self.tr("星期三"), self.tr("星期四"),
                    self.tr("星期五"), self.tr("星期六"), self.tr("星期日")]
        # One style in both languages (issue 14): the ISO date, then the day of the week.
        self.date_label.setText(self.tr("{date} {weekday}").format(date=iso_date(s.today),
                                                                   weekday=weekdays[s.today.weekday()]))
        self.updated.setText(self.tr("更新于 {time}").format(time=s.now.strftime("%H:%M")))

        def tile(key: str, count: int, hot: str, note: str = "") -> None:
            self.tiles[key].set_value(count, hot if count else "", note)

        tile("followups_overdue", s.followups_overdue.count, "red")
        tile("followups_due", s.followups_due.count, "orange")
        tile("tickets_overdue", s.tickets_overdue.count, "red")
        tile("tickets_near", s.tickets_near.count, "orange",
             self.tr("{h} 小时内").format(h=s.ticket_warning_hours))
        tile("complaints_open", s.complaints_open, "blue")
        tile("batches_expiring", s.batches_expiring.count, "orange",
             self.tr("{n} 天内").format(n=s.expiry_warning_days))
        tile("batches_expired", s.batches_expired.count, "red",
             self.tr("近 {n} 天").format(n=s.expired_window_days))

        self._fill(self.followups, self.followup_list, (
            (s.followups_due, self.tr("今天应回访")),
            (s.followups_overdue, self.tr("已逾期，最早的在前")),
        ), s, self.tr("今天 {a} · 逾期 {b}").format(a=s.followups_due.count, b=s.followups_overdue.count),
            self.tr("今天没有要回访的客户，也没有逾期的回访。"))
        self._fill(self.tickets, self.ticket_list, (
            (s.tickets_overdue, self.tr("已超过电话响应或处理时限")),
            (s.tickets_near, self.tr("{h} 小时内到时").format(h=s.ticket_warning_hours)),
        ), s, self.tr("超时 {a} · {h} 小时内到时 {b}").format(a=s.tickets_overdue.count,
                                                           h=s.ticket_warning_hours, b=s.tickets_near.count),
            self.tr("没有超时或即将到时的保障单。"))
        self._fill(self.batches, self.batch_list, (
            (s.batches_expiring, self.tr("{n} 天内到期").format(n=s.expiry_warning_days)),
            (s.batches_expired, self.tr("近 {n} 天已过期，最近的在前").format(n=s.expired_window_days)),
        ), s, self.tr("{n} 天内到期 {a} · 近 {m} 天已过期 {b}").format(
            n=s.expiry_warning_days, a=s.batches_expiring.count, m=s.expired_window_days,
            b=s.batches_expired.count),
            self.tr("近期没有到期或过期的批次。"))

        total = s.complaints_open
        self.complaints.caption.setText(self.tr("共 {n} 件未结").format(n=total))
        most = max(s.complaints_by_status.values(), default=0)
        for st, (_badge, count, bar) in self.status_rows.items():
            n = s.complaints_by_status.get(st, 0)
            count.setText(str(n))
            bar.setMaximum(max(most, 1))
            bar.setValue(n)
        self.complaints.empty.setText(self.tr("没有未结的投诉。"))
        self.complaints.empty.setVisible(total == 0)

    def _fill(self, panel: Panel, lst: DeskList, groups: tuple[tuple[DeskGroup, str], ...], s: DeskSummary,
              caption: str, empty: str) -> None:
        """The list's rows, group by group, each under a heading line (not a record: it opens nothing)."""
        lst.clear()
        items = []
        shown = total = 0
        for group, title in groups:
            if not group.count:
                continue
            heading = QTreeWidgetItem([self.tr("{title}（{n}）").format(title=title, n=group.count)])
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setForeground(0, QBrush(QColor("#455a64")))
            heading.setData(0, KIND_ROLE, "")
            items.append(heading)
            items += [self._item(row, s) for row in group.rows]
            shown += len(group.rows)
            total += group.count
        lst.addTopLevelItems(items)
        for item in items:
            if not item.data(0, ID_ROLE):
                item.setFirstColumnSpanned(True)
        lst.fit_columns()
        first = next((i for i, item in enumerate(items) if item.data(0, ID_ROLE)), None)
        if first is not None:
            lst.setCurrentItem(items[first])
            lst.clearSelection()
        panel.caption.setText(caption)
        lst.setVisible(shown > 0)
        panel.empty.setText(empty)
        panel.empty.setVisible(shown == 0)
        panel.more.setText(self.tr("另有 {n} 条未列出，点击标题查看全部").format(n=total - shown) if total > shown else "")
        panel.more.setVisible(total > shown)

    # ------------------------------------------------------------------ rows

    def _when_text(self, row: DeskRow, s: DeskSummary) -> str:
        from ..services import desk

        if row.kind == "ticket":
            deadline = parse_deadline(row.when)
            now = s.now.replace(tzinfo=None, second=0, microsecond=0)
            if deadline is None:
                return str(row.when or "")
            minutes = int((deadline - now).total_seconds() // 60)
            if row.state == desk.OVERDUE:
                late = -minutes
                if late >= 24 * 60:
                    return self.tr("超时 {d} 天").format(d=late // (24 * 60))
                if late >= 60:
                    return self.tr("超时 {h} 小时").format(h=late // 60)
                return self.tr("超时 {m} 分钟").format(m=max(late, 1))
            if minutes >= 60 and minutes % 60 == 0:
                return self.tr("剩 {h} 小时").format(h=minutes // 60)
            if minutes >= 60:
                return self.tr("剩 {h} 小时 {m} 分").format(h=minutes // 60, m=minutes % 60)
            if minutes <= 0:
                return self.tr("此刻到时")
            return self.tr("剩 {m} 分钟").format(m=minutes)
        day: dt.date = row.when
        days = (day - s.today).days
        if row.kind == "followup":
            if days == 0:
                return self.tr("今天")
            return self.tr("逾期 {n} 天").format(n=-days)
        if days == 0:
            return self.tr("今天到期")
        if days > 0:
            return self.tr("还剩 {n} 天").format(n=days)
        return self.tr("已过期 {n} 天").format(n=-days)

    def _item(self, row: DeskRow, s: DeskSummary) -> QTreeWidgetItem:
        from ..services import desk

        subject = tr_field(row.subject) if row.kind in ("followup", "ticket") else row.subject
        item = QTreeWidgetItem([self._when_text(row, s), row.customer, subject, row.detail])
        item.setData(0, KIND_ROLE, row.kind)
        item.setData(0, ID_ROLE, row.id)
        when = row.when.isoformat() if isinstance(row.when, dt.date) else str(row.when)
        tip = self.tr("{number}（{status}）· {when}\n双击或按回车打开").format(
            number=row.number, status=tr_field(row.status), when=when)
        for col in range(4):
            item.setToolTip(col, tip)
        colour = {desk.OVERDUE: RED, desk.EXPIRED: RED, desk.DUE: ORANGE, desk.NEAR: ORANGE,
                  desk.EXPIRING: ORANGE}.get(row.state)
        if colour:
            item.setForeground(0, QBrush(QColor(colour)))
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        if row.state in (desk.OVERDUE, desk.EXPIRED):
            for col in range(4):
                item.setBackground(col, QBrush(QColor(RED_BG)))
        return item


def make_home_page(service: RecordService, parent: QWidget | None = None) -> HomePage:
    """A home page attached to ``service`` (what the main window's 首页 tab holds)."""
    page = HomePage(parent)
    page.attach(service)
    return page

