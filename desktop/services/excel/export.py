"""The 台账 export (:func:`export_workbook`): a sheet per kind and per item table, in openpyxl's
write-only mode."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.fields import Field
from ...domain.forms import SPECS, spec_for
from ...storage.schema import MODELS
from ..records import RecordService
from .layout import (
    DATE_FORMAT,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    TIME_FORMAT,
    T,
    export_table_title,
    save_workbook,
    sheet_title,
    text_width,
)


@dataclass
class ExportResult:
    path: Path
    counts: dict[str, int]  # records per kind
    sheets: list[str]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


_INVALID_TITLE = str.maketrans({c: "－" for c in "[]:*?/\\"})


def _sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters."""
    base = name.translate(_INVALID_TITLE).strip("'")[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in used:
        suffix = f"({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def _export_value(f: Field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters Excel refuses
    if f.type is T.BOOL:
        return "是" if value else "否"
    if f.type is T.DECIMAL:
        d = Decimal(value)
        return int(d) if d == d.to_integral_value() else d
    return value


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "2026-03-15"
    if isinstance(value, dt.time):
        return "09:30"
    return str(value)


_NOT_TEXT = frozenset({T.DATE, T.TIME, T.DECIMAL, T.INTEGER, T.SCORE})
MAX_WIDTH = 60


class _SheetWriter:
    """One sheet of the export: rows collected, then written with widths fitted to the content."""

    def __init__(self, title: str, headers: Sequence[str], fields: Sequence[Field | None]) -> None:
        self.title = title
        self.headers = list(headers)
        self.fields = list(fields)  # None: a text column (number, status)
        self.rows: list[list[Any]] = []

    def write(self, wb: Workbook, progress: Callable[[int], None] | None = None) -> None:
        """Write the sheet; ``progress(rows)`` is called every 500 rows written."""
        ws = wb.create_sheet(self.title)
        ncols = len(self.headers)
        widths = [text_width(h) + 4 for h in self.headers]
        for j in range(ncols):
            widest = widths[j]
            for row in self.rows:
                v = row[j]
                if v is not None:
                    w = text_width(v.split("\n", 1)[0]) if isinstance(v, str) else len(_shown(v))
                    if w > widest:
                        widest = w
                        if widest >= MAX_WIDTH:
                            break
            widths[j] = widest
        for j, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = min(max(w + 2, 8), MAX_WIDTH)
        ws.freeze_panes = "A2"
        last = get_column_letter(max(ncols, 1))
        ws.auto_filter.ref = f"A1:{last}{len(self.rows) + 1}"
        header = []
        for h in self.headers:
            c = WriteOnlyCell(ws, value=h)
            c.font = HEADER_FONT
            c.fill = HEADER_FILL
            c.border = HEADER_BORDER
            header.append(c)
        ws.append(header)
        formats = []
        for f in self.fields:
            fmt = None
            if f is not None and f.type is T.DATE:
                fmt = DATE_FORMAT
            elif f is not None and f.type is T.TIME:
                fmt = TIME_FORMAT
            formats.append(fmt)
        # One styled cell per date column, given each row's value: a row is written as it is
        # appended, so the cell is free again for the next row (a new cell per value costs 10 %).
        styled: dict[int, WriteOnlyCell] = {}
        for j, fmt in enumerate(formats):
            if fmt:
                styled[j] = WriteOnlyCell(ws)
                styled[j].number_format = fmt
        texts = [j for j, f in enumerate(self.fields) if f is None or f.type not in _NOT_TEXT]
        for n, row in enumerate(self.rows, start=1):
            if progress is not None and n % 500 == 0:
                progress(500)
            out = list(row)
            for j, cell in styled.items():
                if out[j] is not None:
                    cell.value = out[j]
                    out[j] = cell
            for j in texts:
                v = out[j]
                if isinstance(v, str) and v.startswith("="):  # text, never a formula
                    c = WriteOnlyCell(ws, value=v)
                    c.data_type = "s"
                    out[j] = c
            ws.append(out)


def export_workbook(service: RecordService, path: str | Path, kinds: Iterable[str] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Write the 台账: one sheet per kind (every field), one per item table; returns what was written.

    ``progress(done, total)`` (rows) is called as the sheets are written: the window shows it, so
    that 10,000 records (some ten seconds) never look like a hang."""
    kinds = list(kinds) if kinds else list(SPECS)
    for kind in kinds:
        spec_for(kind)  # an unknown kind is refused before anything is written
    wb = Workbook(write_only=True)
    used: set[str] = set()
    counts: dict[str, int] = {}
    titles: list[str] = []
    with service.db.session() as s:
        writers = [w for kind in kinds for w in _kind_sheets(s, kind, used, counts)]
    total = sum(len(w.rows) for w in writers)
    done = 0

    def step(rows: int) -> None:
        nonlocal done
        done += rows
        if progress is not None:
            progress(min(done, total), total)

    for writer in writers:
        before = done
        writer.write(wb, step)
        step(len(writer.rows) - (done - before))  # the rest of the sheet
        titles.append(writer.title)
    saved = save_workbook(wb, Path(path))
    return ExportResult(saved, counts, titles)


def _kind_sheets(s: Session, kind: str, used: set[str], counts: dict[str, int]) -> list[_SheetWriter]:
    spec = spec_for(kind)
    m = MODELS[kind]
    rec = m.record
    fields = [f for f in spec.fields() if not f.read_only]
    main = _SheetWriter(_sheet_name(sheet_title(kind), used), [spec.number_label, "状态"] + [f.label for f in fields],
                        [None, None] + fields)
    q = select(rec.number, rec.status, *(getattr(rec, f.key) for f in fields)).order_by(rec.number)
    for row in s.execute(q):
        main.rows.append([row[0], row[1]] + [_export_value(f, v) for f, v in zip(fields, row[2:], strict=True)])
    counts[kind] = len(main.rows)
    out = [main]
    for t in spec.tables():
        row_cls = m.rows[t.key]
        cols = list(t.columns)
        sheet = _SheetWriter(_sheet_name(export_table_title(kind, t), used),
                             [spec.number_label, "序号"] + [c.label for c in cols], [None, None] + cols)
        q = (select(rec.number, row_cls.position, *(getattr(row_cls, c.key) for c in cols))
             .join(rec, rec.id == row_cls.record_id).order_by(rec.number, row_cls.position))
        for row in s.execute(q):
            sheet.rows.append([row[0], row[1] + 1] + [_export_value(c, v) for c, v in zip(cols, row[2:], strict=True)])
        out.append(sheet)
    return out
