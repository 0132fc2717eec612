"""The figures of a report (issue 15) as plain data: tables, charts, and the records behind each figure.

A :class:`Report` is what ``services.reports`` works out and what the screen, the PDF
(``documents.report_pdf``), the Excel file and ``aftersales-desk report … --json`` show.  Every row
carries the refs of the records it counts (:class:`Ref`: kind, id, number), and a cell may carry its
own (the breaches of one row, say), so any figure opens the records behind it.

Titles and column names are Chinese, as printed, marked for translation in the ``reports`` context
(the window translates them; the PDF and the JSON keep them as they are).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .i18n import QT_TRANSLATE_NOOP

REPORTS = "reports"  # translation context of report titles and headings

MONTHLY = "monthly"
RESPONSE = "response"
SURVEY = "survey"
STAFF = "staff"
KINDS = (MONTHLY, RESPONSE, SURVEY, STAFF)
TITLES = {
    MONTHLY: QT_TRANSLATE_NOOP("reports", "月度风险事故及投诉分析"),
    RESPONSE: QT_TRANSLATE_NOOP("reports", "售后服务响应时间执行情况"),
    SURVEY: QT_TRANSLATE_NOOP("reports", "年度顾客满意度调查分析"),
    STAFF: QT_TRANSLATE_NOOP("reports", "售后服务人员考核"),
}


@dataclass(frozen=True)
class Ref:
    """A record behind a figure."""

    kind: str
    id: str
    number: str


@dataclass(frozen=True)
class RefQuery:
    """Where to find the records behind a figure too large to carry them (a twelve months' trend on
    100,000 complaints): the records of ``kind`` with ``start <= between[0] < end``, these statuses,
    and columns equal to these values (of the item table ``item_table`` when it is named).  The
    screen asks the services for them when the figure is opened (``services.reports.find_refs``)."""

    kind: str
    between: tuple[str, Any, Any] | None = None
    equals: tuple[tuple[str, Any], ...] = ()
    item_table: str = ""
    statuses: tuple[str, ...] | None = None


@dataclass
class Row:
    cells: tuple[Any, ...]
    refs: tuple[Ref, ...] = ()  # the records the row counts
    cell_refs: dict[int, tuple[Ref, ...]] = field(default_factory=dict)  # of single cells, by column
    # Instead of refs, for large figures: queries that find them (the row's, and single cells').
    queries: tuple[RefQuery, ...] = ()
    cell_queries: dict[int, tuple[RefQuery, ...]] = field(default_factory=dict)

    def refs_at(self, column: int) -> tuple[Ref, ...]:
        """The records behind one cell: its own when it has them, else the row's."""
        return self.cell_refs.get(column, self.refs)

    def queries_at(self, column: int) -> tuple[RefQuery, ...]:
        """The queries of the records behind one cell, when it has no refs of its own."""
        if column in self.cell_refs:
            return ()
        return self.cell_queries.get(column, () if self.refs and column not in self.cell_queries else self.queries)


@dataclass
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[Row]
    # Keyed: the first column names the row (a category, a month, a person) and the JSON is an object
    # by that name; otherwise the JSON is a list of objects (a list of records).
    keyed: bool = True
    note: str = ""


@dataclass
class Chart:
    key: str
    title: str
    kind: str  # "bar" (grouped), "barh", "line"
    categories: list[str]
    series: list[tuple[str, list[float]]]
    value_label: str = ""
    table: str = ""  # the key of the table the chart draws (its rows open the same records)
    max_value: float | None = None  # a fixed top of the value axis (scores: 5)


@dataclass
class Report:
    kind: str
    title: str
    period: str  # as printed: 2026年11月, 2026-01-01 至 2026-03-31, 2026年
    start: dt.date
    end: dt.date  # exclusive
    generated_at: dt.datetime
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def chart(self, key: str) -> Chart:
        for c in self.charts:
            if c.key == key:
                return c
        raise KeyError(key)


class ReportInputError(ValueError):
    """A period or an option a report cannot be made for; the message is Chinese, for the user."""


# ------------------------------------------------------------------ periods


def parse_month(text: str) -> tuple[dt.date, dt.date]:
    """"2026-11" → (2026-11-01, 2026-12-01); :class:`ReportInputError` otherwise."""
    try:
        year, month = (int(p) for p in str(text).strip().split("-"))
        start = dt.date(year, month, 1)
    except ValueError:
        raise ReportInputError(
            QT_TRANSLATE_NOOP("reports", "月份“{text}”无效，应写成 年-月，例如 2026-11").format(text=text)) from None
    return start, add_months(start, 1)


def parse_year(text: str | int) -> tuple[dt.date, dt.date]:
    try:
        year = int(str(text).strip())
        if not 1900 <= year <= 9999:
            raise ValueError
    except ValueError:
        raise ReportInputError(
            QT_TRANSLATE_NOOP("reports", "年份“{text}”无效，应写成四位数字，例如 2026").format(text=text)) from None
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


def parse_range(start: str, end: str) -> tuple[dt.date, dt.date]:
    """Two dates, both included → (start, the day after end)."""
    days = []
    for text in (start, end):
        try:
            days.append(dt.date.fromisoformat(str(text).strip()))
        except ValueError:
            raise ReportInputError(
                QT_TRANSLATE_NOOP("reports", "日期“{text}”无效，应写成 年-月-日，例如 2026-11-01").format(text=text)
            ) from None
    if days[0] > days[1]:
        raise ReportInputError(QT_TRANSLATE_NOOP("reports", "起始日期 {a} 晚于截止日期 {b}").format(
            a=days[0].isoformat(), b=days[1].isoformat()))
    return days[0], days[1] + dt.timedelta(days=1)


def add_months(day: dt.date, n: int) -> dt.date:
    """The first of the month ``n`` months from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


# ------------------------------------------------------------------ JSON


def _json_value(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def table_json(table: Table) -> Any:
    if table.keyed:
        out: dict[str, Any] = {}
        for row in table.rows:
            name = str(row.cells[0])
            rest = {col: _json_value(v) for col, v in zip(table.columns[1:], row.cells[1:], strict=True)}
            out[name] = next(iter(rest.values())) if len(rest) == 1 else rest
        return out
    return [{col: _json_value(v) for col, v in zip(table.columns, row.cells, strict=True)} for row in table.rows]


def report_json(report: Report) -> dict[str, Any]:
    """Every figure of the report, keyed by the Chinese names printed on the page."""
    return {
        "报表": report.title,
        "期间": report.period,
        "生成时间": report.generated_at.strftime("%Y-%m-%d %H:%M"),
        **{t.title: table_json(t) for t in report.tables},
    }


def cell_text(value: Any) -> str:
    """A cell as printed: numbers without trailing zeros, rates as percentages are made by the caller."""
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
