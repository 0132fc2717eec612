"""报表 tab (issue 15): choose a report and its period, see its tables and charts, print it as PDF or
export its tables to Excel; double-click any figure to see the records behind it and open them.

The figures come from ``services.reports`` (no SQL here); charts are matplotlib's Qt canvas drawn by
``documents.report_charts``, the same drawing as the PDF's, in the bundled font.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.forms import SPECS
from ..domain.reports import KINDS, MONTHLY, REPORTS, RESPONSE, TITLES, Chart, Ref, Report, Table, cell_text
from . import dialogs
from .blank_survey import choose_pdf_path
from .texts import error_text, tr_field

if TYPE_CHECKING:
    from ..services.records import RecordService

REF_ROLE = Qt.ItemDataRole.UserRole + 1


def tr_report(text: str) -> str:
    """A report heading (context ``reports``), else a spec label or choice value (``fields``)."""
    if not text:
        return text
    got = QCoreApplication.translate(REPORTS, text)
    return got if got != text else tr_field(text)


def _translated(chart: Chart) -> Chart:
    return dataclasses.replace(chart, title=tr_report(chart.title), value_label=tr_report(chart.value_label),
                               categories=[tr_report(c) for c in chart.categories],
                               series=[(tr_report(n), v) for n, v in chart.series])


class ChartView(QWidget):
    """One chart on matplotlib's Qt canvas (matplotlib is imported when the first chart is shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(6, 3.2))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(220)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.canvas)
        self.chart: Chart | None = None

    def show_chart(self, chart: Chart) -> None:
        from ..documents.report_charts import draw_chart

        self.chart = chart
        draw_chart(self.figure, _translated(chart))
        self.canvas.draw()


class ReportsPage(QWidget):
    openRequested = Signal(str, str)  # kind, record id
    export_folder: str = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_page")
        self.service: RecordService | None = None
        self.report: Report | None = None

        self.kind = QComboBox(self)
        self.kind.setObjectName("report_kind")
        for kind in KINDS:
            self.kind.addItem(tr_report(TITLES[kind]), kind)
        today = dt.date.today()
        self.year = QSpinBox(self)
        self.year.setObjectName("report_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month = QSpinBox(self)
        self.month.setObjectName("report_month")
        self.month.setRange(1, 12)
        self.month.setValue(today.month)
        self.date_from = QDateEdit(QDate(today.year, 1, 1), self)
        self.date_from.setObjectName("report_from")
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_to.setObjectName("report_to")
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("yyyy-MM-dd")
            d.setCalendarPopup(True)
        self.from_label = QLabel(self.tr("来电日期自"), self)
        self.to_label = QLabel(self.tr("至"), self)
        self.run_button = QPushButton(self.tr("生成报表"), self)
        self.run_button.setObjectName("report_run")
        self.pdf_button = QPushButton(self.tr("打印 PDF…"), self)
        self.pdf_button.setObjectName("report_pdf")
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"), self)
        self.xlsx_button.setObjectName("report_xlsx")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("报表："), self))
        bar.addWidget(self.kind)
        for w in (self.year, self.month, self.from_label, self.date_from, self.to_label, self.date_to):
            bar.addWidget(w)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.xlsx_button)

        self.heading = QLabel(self)
        self.heading.setObjectName("report_heading")
        self.sections = QListWidget(self)
        self.sections.setObjectName("report_sections")
        self.sections.setMaximumWidth(260)
        self.table = QTableWidget(self)
        self.table.setObjectName("report_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("双击一个数字，查看它所统计的记录"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.chart_view: ChartView | None = None
        self.chart_box = QWidget(self)
        self.chart_lay = QVBoxLayout(self.chart_box)
        self.chart_lay.setContentsMargins(0, 0, 0, 0)
        self.refs_label = QLabel(self.tr("双击表中的数字，这里列出它所统计的记录；双击记录打开。"), self)
        self.refs_label.setWordWrap(True)
        self.refs = QListWidget(self)
        self.refs.setObjectName("report_refs")

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.table, 3)
        rl.addWidget(self.note)
        rl.addWidget(self.chart_box, 3)
        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(QLabel(self.tr("内容"), self))
        sl.addWidget(self.sections, 2)
        sl.addWidget(self.refs_label)
        sl.addWidget(self.refs, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(side)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.heading)
        lay.addWidget(split, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.run_button.clicked.connect(self.run)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.sections.currentRowChanged.connect(self._show_section)
        self.table.cellDoubleClicked.connect(self.show_refs_at)
        self.refs.itemDoubleClicked.connect(self._open_ref)
        self._kind_changed()
        self._set_ready()

    # ------------------------------------------------------------------ state

    def attach(self, service: RecordService) -> None:
        self.service = service
        today = service.clock.today()
        self.year.setValue(today.year)
        self.month.setValue(today.month)
        self.date_from.setDate(QDate(today.year, 1, 1))
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        self._set_ready()

    def _set_ready(self) -> None:
        self.run_button.setEnabled(self.service is not None)
        for b in (self.pdf_button, self.xlsx_button):
            b.setEnabled(self.report is not None)

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.month.setVisible(kind == MONTHLY)
        self.year.setVisible(kind != RESPONSE)
        for w in (self.from_label, self.date_from, self.to_label, self.date_to):
            w.setVisible(kind == RESPONSE)

    def period(self) -> tuple[dt.date, dt.date]:
        from ..domain.reports import parse_month, parse_range, parse_year

        kind = self.current_kind()
        if kind == MONTHLY:
            return parse_month(f"{self.year.value()}-{self.month.value():02d}")
        if kind == RESPONSE:
            return parse_range(self.date_from.date().toString("yyyy-MM-dd"), self.date_to.date().toString("yyyy-MM-dd"))
        return parse_year(str(self.year.value()))

    # ------------------------------------------------------------------ run and show

    def run(self) -> Report | None:
        from ..domain.reports import ReportInputError
        from ..services.reports import make_report

        if self.service is None:
            return None
        try:
            start, end = self.period()
        except ReportInputError as e:
            dialogs.error(self, self.tr("无法生成报表"), str(e))
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = make_report(self.service, self.current_kind(), start, end)
        except Exception as e:  # noqa: BLE001 - a storage error is told, the window stays
            QApplication.restoreOverrideCursor()
            dialogs.error(self, self.tr("无法生成报表"), error_text(e))
            return None
        QApplication.restoreOverrideCursor()
        self.show_report(report)
        return report

    def show_report(self, report: Report) -> None:
        self.report = report
        self.heading.setText(self.tr("{title}　{period}　（生成于 {when}）").format(
            title=tr_report(report.title), period=report.period, when=report.generated_at.strftime("%Y-%m-%d %H:%M")))
        self.sections.blockSignals(True)
        self.sections.clear()
        for t in report.tables:
            QListWidgetItem(tr_report(t.title), self.sections)
        self.sections.blockSignals(False)
        self.refs.clear()
        self._set_ready()
        if report.tables:
            self.sections.setCurrentRow(0)

    def _show_section(self, index: int) -> None:
        if self.report is None or not 0 <= index < len(self.report.tables):
            return
        t = self.report.tables[index]
        self.show_table(t)
        charts = [c for c in self.report.charts if c.table == t.key] or self.report.charts[:1]
        if charts:
            if self.chart_view is None:
                self.chart_view = ChartView(self.chart_box)
                self.chart_view.setObjectName("report_chart")
                self.chart_lay.addWidget(self.chart_view)
            self.chart_view.show_chart(charts[0])

    def current_table(self) -> Table | None:
        if self.report is None:
            return None
        i = self.sections.currentRow()
        return self.report.tables[i] if 0 <= i < len(self.report.tables) else None

    def show_table(self, t: Table) -> None:
        self.table.clear()
        self.table.setColumnCount(len(t.columns))
        self.table.setRowCount(len(t.rows))
        self.table.setHorizontalHeaderLabels([tr_report(c) for c in t.columns])
        for r, row in enumerate(t.rows):
            for c, value in enumerate(row.cells):
                text = cell_text(value)
                if c == 0 and isinstance(value, str):
                    text = tr_report(text)
                item = QTableWidgetItem(text)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                refs = row.refs_at(c)
                if refs:
                    item.setToolTip(self.tr("{n} 条记录：双击查看").format(n=len(refs)))
                elif row.queries_at(c):
                    item.setToolTip(self.tr("双击查看所统计的记录"))
                self.table.setItem(r, c, item)
        self.note.setText(t.note)
        self.note.setVisible(bool(t.note))

    # ------------------------------------------------------------------ the records behind a figure

    def refs_at(self, row: int, column: int) -> tuple[Ref, ...]:
        """The records behind a cell: carried by the report, or found now for a large figure."""
        t = self.current_table()
        if t is None or not 0 <= row < len(t.rows):
            return ()
        refs = t.rows[row].refs_at(column)
        queries = t.rows[row].queries_at(column)
        if not refs and queries and self.service is not None:
            from ..services.reports import find_refs

            refs = find_refs(self.service, queries)
        return refs

    def show_refs_at(self, row: int, column: int) -> tuple[Ref, ...]:
        """List the records behind the cell; one record opens at once."""
        refs = self.refs_at(row, column)
        self.refs.clear()
        for ref in refs:
            spec = SPECS.get(ref.kind)
            item = QListWidgetItem(f"{tr_field(spec.short_title) if spec else ref.kind}　{ref.number}", self.refs)
            item.setData(REF_ROLE, (ref.kind, ref.id))
        self.refs_label.setText(self.tr("共 {n} 条记录（双击打开）").format(n=len(refs)) if refs
                                else self.tr("这个数字没有对应的记录。"))
        if len(refs) == 1:
            self.openRequested.emit(refs[0].kind, refs[0].id)
        return refs

    def _open_ref(self, item: QListWidgetItem) -> None:
        kind, record_id = item.data(REF_ROLE)
        self.openRequested.emit(kind, record_id)

    # ------------------------------------------------------------------ export

    def _file_name(self, suffix: str) -> str:
        assert self.report is not None
        return f"{tr_report(self.report.title)}-{self.report.period}{suffix}".replace("/", "-").replace(" ", "")

    def export_pdf(self) -> str:
        if self.report is None or self.service is None:
            return ""
        path = choose_pdf_path(self, self.tr("打印报表（PDF）"), self._file_name(".pdf"), ReportsPage.export_folder)
        if not path:
            return ""
        from ..documents.report_pdf import render_report

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            render_report(self.report, self.service.settings(), path)
        except OSError as e:
            QApplication.restoreOverrideCursor()
            dialogs.error(self, self.tr("无法导出"), self.tr("无法写入 {path}：{reason}").format(
                path=path, reason=e.strerror or e))
            return ""
        QApplication.restoreOverrideCursor()
        ReportsPage.export_folder = str(Path(path).parent)
        self.heading.setText(self.heading.text() + self.tr("　已导出 {path}").format(path=path))
        return path

    def export_xlsx(self) -> str:
        if self.report is None:
            return ""
        folder = ReportsPage.export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _f = QFileDialog.getSaveFileName(self, self.tr("导出报表（Excel）"), str(Path(folder) / self._file_name(".xlsx")),
                                               self.tr("Excel 文件 (*.xlsx)"))
        if not path:
            return ""
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from ..services.reports.xlsx import export_report_xlsx

        try:
            export_report_xlsx(self.report, Path(path))
        except OSError as e:
            dialogs.error(self, self.tr("无法导出"), self.tr("无法写入 {path}：{reason}").format(
                path=path, reason=e.strerror or e))
            return ""
        ReportsPage.export_folder = str(Path(path).parent)
        self.heading.setText(self.heading.text() + self.tr("　已导出 {path}").format(path=path))
        return path
