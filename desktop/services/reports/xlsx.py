"""A report's tables as an .xlsx workbook: one sheet per table, under the report's title and period.

Counts stay numbers (Excel sums them), dates stay dates; a table's note follows its rows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ...domain.reports import Report
from ..excel.layout import DATE_FORMAT, HEADER_BORDER, HEADER_FILL, HEADER_FONT, save_workbook, text_width

_INVALID_TITLE = str.maketrans({c: "－" for c in "[]:*?/\\"})


def _sheet_name(title: str, used: set[str]) -> str:
    base = title.translate(_INVALID_TITLE)[:28]
    name, n = base, 2
    while name in used:
        name, n = f"{base[:26]}{n}", n + 1
    used.add(name)
    return name


def _value(v: Any) -> Any:
    if v is None or isinstance(v, bool | int | float | dt.date):
        return v
    if isinstance(v, Decimal):
        return float(v)
    return ILLEGAL_CHARACTERS_RE.sub("", str(v))


def report_workbook(report: Report) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for table in report.tables:
        ws = wb.create_sheet(_sheet_name(table.title, used))
        ws.append([f"{report.title}　{report.period}"])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([table.title])
        ws.append(list(table.columns))
        widths = [text_width(c) + 2 for c in table.columns]
        for cell in ws[3]:
            cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        for n, row in enumerate(table.rows, 4):  # row 4 on: under the titles and the header
            values = [_value(v) for v in row.cells]
            ws.append(values)
            for i, v in enumerate(values):
                if isinstance(v, dt.date):
                    ws.cell(n, i + 1).number_format = DATE_FORMAT if not isinstance(v, dt.datetime) \
                        else "yyyy-mm-dd hh:mm"
                widths[i] = max(widths[i], min(60, text_width(str(v if v is not None else "")) + 2))
        if table.note:
            ws.append([table.note])
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "A4"
    return wb


def export_report_xlsx(report: Report, path: Path) -> Path:
    return save_workbook(report_workbook(report), Path(path))
