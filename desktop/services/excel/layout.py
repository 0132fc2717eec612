"""The sheets' layout, from the form specifications: which kinds and fields are columns, their
headers, widths, formats and type hints (shared by the template, the import and the export)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Border, Font, PatternFill, Side

from ...domain import roles
from ...domain.fields import Field, FieldType, FormSpec, ItemTable
from ...domain.forms import spec_for

T = FieldType

# ------------------------------------------------------------------------------------------ layout

IMPORT_KINDS = ("customer", "product", "delivery")  # the template's sheets, in this order
WRITE_ORDER = ("product", "customer", "delivery")  # products first: deliveries take their shelf life
NAME_KEY = {"customer": "name", "product": "name"}  # the register's natural key (updated by name)
PARENT = "@parent"  # the link column of an item-table sheet (客户联系人 → 单位名称)
# A delivery is the same delivery when its customer, product, batch (by role) and date are the
# same (then it is skipped).
_DELIVERY = spec_for("delivery")
DELIVERY_UNIT, DELIVERY_PRODUCT, DELIVERY_BATCH = (_DELIVERY.role(r) for r in (roles.UNIT, roles.PRODUCT, roles.BATCH))
DELIVERY_KEY = (DELIVERY_UNIT, DELIVERY_PRODUCT, DELIVERY_BATCH, _DELIVERY.date_field)
INSTRUCTIONS_SHEET = "填写说明"
CHOICES_SHEET = "可选项"
TEMPLATE_ROWS = 2000  # rows prepared (drop-downs, formats) in the template
IGNORED_HEADERS = frozenset({"序号"})  # a column offices add by habit: read, never imported

REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")  # light orange
OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")  # light blue
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_FONT = Font(bold=True)
THIN = Side(style="thin", color="A6A6A6")
HEADER_BORDER = Border(bottom=THIN)
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"
TEXT_FORMAT = "@"


def sheet_title(kind: str) -> str:
    """A kind's sheet: its short title (客户, 产品, 发货批次, 投诉, …)."""
    return spec_for(kind).short_title


def table_sheet_title(kind: str, table: ItemTable) -> str:
    """The import template's sheet of an item table: 客户联系人."""
    return f"{spec_for(kind).short_title}{table.label}"


def export_table_title(kind: str, table: ItemTable) -> str:
    """The export's sheet of an item table: 投诉-被投诉产品, 客户-联系人."""
    return f"{spec_for(kind).short_title}-{table.label}"


def importable_fields(spec: FormSpec) -> list[Field]:
    """The fields a person fills in: not the number and status, not what the program works out."""
    return [f for f in spec.fields() if not f.read_only and not f.computed]


def import_tables(kind: str) -> list[ItemTable]:
    """The item tables imported from their own sheet (a customer's contacts)."""
    return spec_for(kind).tables() if kind == "customer" else []


def header_text(f: Field) -> str:
    return f"*{f.label}" if f.required else f.label


def clean_header(value: Any) -> str:
    text = "" if value is None else str(value)
    return "".join(text.split()).strip("*＊")


def text_width(text: str) -> int:
    """Display width in Excel's units: a CJK character (three bytes in UTF-8) is about two Latin
    ones.  Counted from the encoded length: the export measures every cell of 10,000 records."""
    if text.isascii():
        return len(text)
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def type_hint(f: Field) -> str:
    """What a column holds, for the instructions and the header's comment (Chinese)."""
    t = f.type
    if t is T.DATE:
        return "日期，如 2026-03-15（也可写 2026/3/15 或 20260315）"
    if t is T.TIME:
        return "时间，如 09:30"
    if t is T.PHONE:
        return "电话：手机 11 位；座机带区号，如 010-12345678；也可为 400/800 号码"
    if t is T.CHOICE:
        return "从下拉列表中选择"
    if t is T.BOOL:
        return "是 或 否"
    if t is T.INTEGER:
        limits = []
        if f.min_value is not None:
            limits.append(f"不小于 {f.min_value}")
        if f.max_value is not None:
            limits.append(f"不大于 {f.max_value}")
        return "整数" + (f"（{'，'.join(limits)}）" if limits else "")
    if t is T.DECIMAL:
        return f"数字，最多 {f.decimals} 位小数" + ("，须大于 0" if f.positive else "")
    if t is T.SCORE:
        return "评分 1–5"
    if t is T.LONGTEXT:
        return "文字，可多行"
    return f"文字，最多 {f.default_max_length} 个字"


def default_width(f: Field) -> float:
    base = {T.DATE: 12, T.TIME: 8, T.PHONE: 16, T.BOOL: 8, T.INTEGER: 10, T.DECIMAL: 10, T.SCORE: 8,
            T.LONGTEXT: 40}.get(f.type)
    if base is None:
        if f.type is T.CHOICE:
            base = max((text_width(c) for c in f.choices), default=8) + 4
        else:
            base = min(max(f.default_max_length // 3, 10), 36)
    return max(base, text_width(header_text(f)) + 4)




@dataclass(frozen=True)
class SheetLayout:
    """One sheet of the import template: its title, and its columns as (key, field)."""

    kind: str
    title: str
    columns: tuple[tuple[str, Field], ...]
    table: ItemTable | None = None


def parent_field(kind: str) -> Field:
    """The link column of an item-table sheet: the parent's name field (单位名称), required."""
    return spec_for(kind).field(NAME_KEY[kind])


def template_layout() -> list[SheetLayout]:
    """The sheets of the import template, from the specs: 客户, 客户联系人, 产品, 发货批次."""
    out = []
    for kind in IMPORT_KINDS:
        spec = spec_for(kind)
        out.append(SheetLayout(kind, sheet_title(kind), tuple((f.key, f) for f in importable_fields(spec))))
        for t in import_tables(kind):
            cols = ((PARENT, parent_field(kind)),) + tuple((c.key, c) for c in t.columns if not c.computed)
            out.append(SheetLayout(kind, table_sheet_title(kind, t), cols, t))
    return out


def save_workbook(wb: Workbook, path: Path) -> Path:
    """Write next to the target and move into place: a failed export leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".xlsx")
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
