"""The 报表 tab (issue 15): choose a report and period, see tables and a chart, open the records behind
a figure, print the PDF and export the .xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.conftest import STAFF
from tests.support import raw_complaint

pytestmark = pytest.mark.gui


def test_the_reports_tab_shows_a_month_and_opens_the_records_behind_a_figure(
        window: Any, ctx: Any, qtbot: Any, dialogs: Any, tmp_path: Path) -> None:
    svc = ctx.records
    a = svc.create("complaint", raw_complaint(received_date="2026-03-02", category="验收不合格"), by=STAFF).record
    b = svc.create("complaint", raw_complaint(received_date="2026-03-03", category="验收不合格"), by=STAFF).record
    svc.create("complaint", raw_complaint(received_date="2026-02-27", category="验收不合格"), by=STAFF)
    page = window.reports
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "报表"
    assert not page.pdf_button.isEnabled()
    page.kind.setCurrentIndex(page.kind.findData("monthly"))
    assert page.month.isVisible() and not page.date_from.isVisible()
    page.year.setValue(2026)
    page.month.setValue(3)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert page.report is not None and page.report.period == "2026年3月"
    assert "2026年3月" in page.heading.text()

    # The category table: 验收不合格 counts the two March complaints, not February's.
    titles = [page.sections.item(i).text() for i in range(page.sections.count())]
    page.sections.setCurrentRow(titles.index("按投诉类别"))
    table = page.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == ["投诉类别", "件数"]
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "验收不合格")
    assert table.item(row, 1).text() == "2"
    assert page.chart_view is not None and page.chart_view.chart is not None
    assert page.chart_view.chart.key == "category"
    window.resize(1280, 800)
    qtbot.wait(50)
    page.grab().save(str(tmp_path / "reports_tab.png"))

    # Double-click the count: its two records are listed; double-click one to open it in its tab.
    refs = page.show_refs_at(row, 1)
    assert {r.number for r in refs} == {a.number, b.number}
    assert page.refs.count() == 2 and "共 2 条记录" in page.refs_label.text()
    page._open_ref(page.refs.item(0))
    form = window.current_form()
    assert form is not None and form.record.id == refs[0].id

    # A figure of one record opens it at once.
    window.tabs.setCurrentWidget(page)
    page.sections.setCurrentRow(titles.index("未结事项明细（按已过天数）"))
    page.show_refs_at(0, 1)
    assert window.current_form() is not None and window.current_form().record.number == page.report.table(
        "open").rows[0].cells[1]

    # Print and export.
    window.tabs.setCurrentWidget(page)
    dialogs.save_file = str(tmp_path / "m.pdf")
    assert page.export_pdf() == str(tmp_path / "m.pdf")
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    dialogs.save_file = str(tmp_path / "m.xlsx")
    assert page.export_xlsx() == str(tmp_path / "m.xlsx") and (tmp_path / "m.xlsx").stat().st_size > 0


def test_the_response_report_takes_a_date_range(window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QDate

    page = window.reports
    window.tabs.setCurrentWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("response"))
    assert page.date_from.isVisible() and not page.month.isVisible()
    page.date_from.setDate(QDate(2026, 3, 1))
    page.date_to.setDate(QDate(2026, 3, 20))
    report = page.run()
    assert report is not None and report.period == "2026-03-01 至 2026-03-20"
    assert page.sections.count() == len(report.tables) and page.table.rowCount() == len(report.tables[0].rows)
