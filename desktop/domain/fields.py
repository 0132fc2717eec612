"""The form specification: one declaration of every field of a form.

A :class:`FormSpec` lists sections; a section holds fields, item tables and a photo list.  The same
declaration drives the Qt form (widget per type, objectName = key, accessibleName = label), the
storage (one column per field, one child table per item table: see ``storage.schema``), validation
(``domain.validation``), the JSON format (``domain.records``) and the PDF (``documents.form_pdf``).

Values inside the program are Python objects (``str``, ``datetime.date``, ``Decimal``, ``int``,
``bool``); text from a widget or a JSON file is turned into them by :func:`parse_value`, which is
where "2026-02-30" or "-3" is refused with a message in Chinese.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .dates import format_date
from .i18n import FIELDS, MESSAGES, QT_TRANSLATE_NOOP


class FieldType(enum.Enum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # several paragraphs, wraps in the PDF and may run onto further pages
    DATE = "date"
    CHOICE = "choice"  # one of ``choices``
    PHONE = "phone"  # mainland China mobile, landline (with area code) or 400/800 number
    DECIMAL = "decimal"  # quantities and amounts
    INTEGER = "integer"
    BOOL = "bool"
    TIME = "time"  # a time of day, "09:30"
    SCORE = "score"  # a satisfaction score 1–5 (quick-to-click buttons, ticked boxes on paper)


SCORE_LABELS = ("很不满意", "不满意", "一般", "满意", "很满意")  # 1 … 5


@dataclass(frozen=True)
class Field:
    """One value on a form."""

    key: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    positive: bool = False  # a quantity: strictly greater than zero
    decimals: int = 2  # places kept for DECIMAL
    placeholder: str = ""
    help: str = ""
    # Layout hints shared by the Qt form and the PDF grid: how many of the section's columns the
    # field spans (the grid has 4 label/value pairs per row at most, see ``Section.columns``).
    span: int = 1
    # Fields that the program fills (number, status) are shown but not edited.
    read_only: bool = False
    # Stored like any field but worked out by the form's ``Workflow.derive`` at every save (a
    # batch's expiry date, a ticket's deadline, an attendee's result): shown, not typed.
    computed: bool = False
    # An index on the column: registers and the home screen query by it (due dates, expiry).
    indexed: bool = False

    @functools.cached_property  # asked for every value of every record a sync checks
    def default_max_length(self) -> int:
        if self.max_length is not None:
            return self.max_length
        return {FieldType.LONGTEXT: 20000, FieldType.PHONE: 40}.get(self.type, 200)


@dataclass(frozen=True)
class ItemTable:
    """Repeating lines, such as the product lines of a complaint."""

    key: str
    label: str
    columns: tuple[Field, ...]
    min_rows: int = 0
    max_rows: int = 200

    def column(self, key: str) -> Field:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


@dataclass(frozen=True)
class PhotoList:
    """Pictures attached from disk (stored by content hash in the data folder)."""

    key: str
    label: str
    max_photos: int = 50


Element = Field | ItemTable | PhotoList


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    elements: tuple[Element, ...]
    columns: int = 2  # label/value pairs per row in the Qt form and the PDF grid
    # Printed only when one of its fields is filled (a complaint's 重新打开与作废: most are never
    # reopened or voided, and their sheets do not carry the empty band).
    printed_when_filled: bool = False


@dataclass(frozen=True)
class SignatureBlock:
    """A place on the printed form for a signature and a date.

    ``name_field``/``date_field`` name the fields that hold the signer's printed name and date,
    when the record knows them (an approver recorded in the system); the block still leaves a blank
    line for the pen.
    """

    key: str
    label: str
    name_field: str | None = None
    date_field: str | None = None
    # The status in which the form is complete for this signer (a customer signs the finished
    # service report): signing before it would leave the signature behind on an earlier revision
    # when the form is completed, so the window offers to complete it first.  "" for any time.
    signs_at: str = ""
    # Where it stands on paper: the key of the section it closes (the complainant signs the
    # registration, the investigator the investigation), printed right after that section and kept
    # on its page; "" for the signature grid at the end of the form.
    after: str = ""
    # A unit's seal beside the signature ("投诉单位（盖章）"): room is left for the stamp; "" for none.
    seal: str = ""


@dataclass(frozen=True)
class Summary:
    """How a record's item table is summed up in its register: first product and every batch."""

    table: str
    product: str
    batch: str | None = None


PRODUCT_COLUMN = "@product"  # register pseudo-columns filled from ``FormSpec.summary``
BATCH_COLUMN = "@batch"


@dataclass(frozen=True)
class FormSpec:
    kind: str  # the JSON "kind" and the command line's KIND
    table: str  # storage table name
    title: str  # the printed title
    number_prefix: str  # readable number: PREFIX-YEAR-LAPTOP-SEQ
    number_label: str
    date_field: str  # the field whose year goes into the number
    sections: tuple[Section, ...]
    signatures: tuple[SignatureBlock, ...] = ()
    statuses: tuple[str, ...] = ()
    # The register (the sortable list of records): its columns after number and before status —
    # field keys, or PRODUCT_COLUMN / BATCH_COLUMN from ``summary`` — and what its search box
    # looks in besides the number and the summary.
    register: tuple[str, ...] = ()
    search_fields: tuple[str, ...] = ()
    summary: Summary | None = None
    register_title: str = ""  # 投诉登记簿, 服务报告登记簿, …
    short_title: str = ""  # 投诉, 服务报告, … (buttons: 新建投诉)
    # What its fields are (``roles.declare(unit="complainant_unit", …)``): the customer unit,
    # contact, address, staff member, product lines (see ``domain/roles.py``).
    roles: tuple[tuple[str, str], ...] = ()
    # Whether picking a customer fills in its primary contact (not where the contact is whoever
    # rang: the hotline ticket's caller).
    customer_fills_contact: bool = True
    # Indexes over several columns (record columns or field keys), for queries that filter on one
    # and range over another: the home screen's planned follow-ups by due date (``services.desk``).
    indexes: tuple[tuple[str, ...], ...] = ()

    def role(self, role: str) -> str:
        """The field (or ``table.column``) that plays ``role`` on this form, "" if none."""
        return next((path for r, path in self.roles if r == role), "")

    def role_column(self, role: str) -> str:
        """The item-table column that plays a product line ``role``, "" if none (or a field)."""
        return self.role(role).partition(".")[2]

    def item_table(self) -> str:
        """The item table holding this form's product lines, "" if it holds one product in fields."""
        return next((path.partition(".")[0] for _r, path in self.roles if "." in path), "")

    @property
    def staff_field(self) -> str:
        """The field a new record fills with this laptop's clerk (受理人, 服务人员, …)."""
        return self.role("staff")

    @property
    def customer_field(self) -> str:
        """The field naming the customer unit (tab tool tips, completion, the blank survey's list)."""
        return self.role("unit")

    def fields(self) -> list[Field]:
        """Every scalar field, in form order."""
        return list(self._elements_of[Field])

    def tables(self) -> list[ItemTable]:
        return list(self._elements_of[ItemTable])

    def photo_lists(self) -> list[PhotoList]:
        return list(self._elements_of[PhotoList])

    @functools.cached_property
    def _elements_of(self) -> dict[type, tuple[Any, ...]]:
        """The form's elements by type, worked out once (the spec is frozen): every record read,
        written, hashed or checked asks for them, tens of thousands of times in a sync."""
        elements = [e for s in self.sections for e in s.elements]
        return {t: tuple(e for e in elements if isinstance(e, t)) for t in (Field, ItemTable, PhotoList)}

    @functools.cached_property
    def json_plan(self) -> tuple[tuple[tuple[str, Any], ...], tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]]:
        """:func:`to_json_value` of every field that is not read-only and of each table's columns,
        worked out once: (key, converter) in form order, the converter None where a value is its
        own JSON value (text, numbers, yes/no), else one that takes a value that is not None."""
        def plan(elements: Any) -> tuple[tuple[str, Any], ...]:
            return tuple((f.key, _JSON_OF.get(f.type)) for f in elements)

        return (plan(f for f in self.fields() if not f.read_only),
                tuple((t.key, plan(t.columns)) for t in self.tables()))

    @functools.cached_property
    def stored_keys(self) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
        """The keys of :attr:`json_plan`: the stored fields', and each table's with its columns'."""
        fields, tables = self.json_plan
        return tuple(k for k, _c in fields), tuple((t, tuple(k for k, _c in cols)) for t, cols in tables)

    def field(self, key: str) -> Field:
        for f in self.fields():
            if f.key == key:
                return f
        raise KeyError(key)

    def element(self, key: str) -> Element:
        for s in self.sections:
            for e in s.elements:
                if e.key == key:
                    return e
        raise KeyError(key)

    def label_of(self, key: str) -> str:
        """The Chinese label of a field, table or table column (``items.batch_no``)."""
        if key == "number":
            return self.number_label
        if key == "status":
            return "状态"
        if key == PRODUCT_COLUMN:
            return "产品"
        if key == BATCH_COLUMN:
            return "生产批号"
        if "." in key:
            table, col = key.split(".", 1)
            t = self.element(table)
            assert isinstance(t, ItemTable)
            return t.column(col).label
        return self.element(key).label


def once_per_form(cache: dict[str, tuple[FormSpec, Any]], spec: FormSpec, make: Callable[[FormSpec], Any]) -> Any:
    """``make(spec)``, worked out once for each form and kept in ``cache`` by its kind (another spec
    object of that kind, as a test may build, is worked out anew): what a sync asks of a form for
    each of thousands of records."""
    found = cache.get(spec.kind)
    if found is None or found[0] is not spec:
        found = cache[spec.kind] = (spec, make(spec))
    return found[1]


# --------------------------------------------------------------------------------------------
# Values: text in, Python out, with a message in Chinese when the text is not a value.


class ValueError_(ValueError):
    """Raised by :func:`parse_value`; ``template`` is the untranslated message."""

    def __init__(self, template: str, **args: Any) -> None:
        self.template = template
        self.args_ = args
        super().__init__(template.format(**args))


_TIME_RE = re.compile(r"^\s*(\d{1,2})\s*[:：.时]\s*(\d{2})\s*分?\s*$")
_TIME_COMPACT_RE = re.compile(r"^\s*(\d{2})(\d{2})\s*$")
_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_DATE_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")

# Mainland numbers: mobile 1[3-9]xxxxxxxxx; landline 0 + 2–3 digit area code + 7–8 digits,
# optional extension; 400/800 service numbers.  Spaces, dashes and brackets are allowed between.
_MOBILE_RE = re.compile(r"^(\+?86)?1[3-9]\d{9}$")
_LANDLINE_RE = re.compile(r"^(\+?86)?0\d{2,3}\d{7,8}(转\d{1,6}|#\d{1,6}|ext\d{1,6})?$")
_SERVICE_RE = re.compile(r"^[48]00\d{7}$")


def parse_date(text: str) -> dt.date:
    m = _DATE_RE.match(text) or _DATE_COMPACT_RE.match(text)
    if not m:
        raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "日期格式应为 年-月-日，例如 2026-03-15"))
    y, mo, d = (int(g) for g in m.groups())
    if not 1 <= mo <= 12:
        raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "日期无效：没有 {month} 月"), month=mo)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise ValueError_(
            QT_TRANSLATE_NOOP(MESSAGES, "日期无效：{year} 年 {month} 月没有 {day} 日"), year=y, month=mo, day=d
        ) from None


def parse_time(text: str) -> dt.time:
    m = _TIME_RE.match(text) or _TIME_COMPACT_RE.match(text)
    if not m:
        raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "时间格式应为 时:分，例如 09:30"))
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 23 or mi > 59:
        raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "时间无效：{text}"), text=text.strip())
    return dt.time(h, mi)


def normalise_phone(text: str) -> str:
    """The digits of a phone number (keeping an extension), for checking."""
    t = text.strip().replace("（", "(").replace("）", ")")
    t = re.sub(r"[\s\-()]", "", t)
    return t


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def parse_value(f: Field, raw: Any) -> Any:
    """Turn text (or a JSON value) into the field's Python value; ``None`` when empty."""
    if raw is None:
        return None
    t = f.type
    if isinstance(raw, str):
        if _SURROGATE_RE.search(raw):  # half of a character (a broken file)
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "含有无法识别的字符（不完整的 Unicode 代理项）"))
        if t is not FieldType.LONGTEXT:
            raw = raw.strip()
        if raw == "":
            return None
    elif raw == []:
        return None
    if t is FieldType.TEXT or t is FieldType.LONGTEXT:
        if not isinstance(raw, str):
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "应为文字"))
        text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
        if len(text) > f.default_max_length:
            raise ValueError_(
                QT_TRANSLATE_NOOP(MESSAGES, "太长：最多 {limit} 个字，现有 {count} 个字"),
                limit=f.default_max_length,
                count=len(text),
            )
        return text if t is FieldType.LONGTEXT else text.strip()
    if t is FieldType.DATE:
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if not isinstance(raw, str):
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "日期格式应为 年-月-日，例如 2026-03-15"))
        return parse_date(raw)
    if t is FieldType.CHOICE:
        if raw not in f.choices:
            raise ValueError_(
                QT_TRANSLATE_NOOP(MESSAGES, "“{value}”不是可选项；可选：{choices}"),
                value=raw,
                choices="、".join(f.choices),
            )
        return raw
    if t is FieldType.PHONE:
        if not isinstance(raw, str):
            raw = str(raw)
        digits = normalise_phone(raw)
        if not (_MOBILE_RE.match(digits) or _LANDLINE_RE.match(digits) or _SERVICE_RE.match(digits)):
            raise ValueError_(
                QT_TRANSLATE_NOOP(
                    MESSAGES, "不是有效的电话号码：手机号为 11 位（1 开头），座机请带区号，如 010-12345678"
                )
            )
        return raw.strip()
    if t in (FieldType.DECIMAL, FieldType.INTEGER):
        if isinstance(raw, bool):
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "应为数字"))
        try:
            num = Decimal(str(raw).replace(",", "").replace("，", ""))
        except InvalidOperation:
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "应为数字")) from None
        if not num.is_finite():
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "应为数字"))
        if t is FieldType.INTEGER and num != num.to_integral_value():
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "应为整数"))
        if f.positive and num <= 0:
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "应大于 0"))
        if f.min_value is not None and num < f.min_value:
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "不能小于 {min}"), min=f.min_value)
        if f.max_value is not None and num > f.max_value:
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "不能大于 {max}"), max=f.max_value)
        if abs(num) >= Decimal(10) ** 12:  # before quantize, which fails on 1e308
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "数值过大"))
        if t is FieldType.INTEGER:
            return int(num)
        quant = Decimal(1).scaleb(-f.decimals)
        if num != num.quantize(quant):
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "最多保留 {places} 位小数"), places=f.decimals)
        return num.normalize() if num == num.to_integral_value() else num
    if t is FieldType.TIME:
        if isinstance(raw, dt.time):
            return raw.replace(second=0, microsecond=0)
        if not isinstance(raw, str):
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "时间格式应为 时:分，例如 09:30"))
        return parse_time(raw)
    if t is FieldType.SCORE:
        if isinstance(raw, bool) or str(raw).strip() not in ("1", "2", "3", "4", "5"):
            raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "评分应为 1 到 5 分"))
        return int(str(raw).strip())
    if t is FieldType.BOOL:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw in ("是", "true", "True", "1"):
            return True
        if isinstance(raw, str) and raw in ("否", "false", "False", "0"):
            return False
        raise ValueError_(QT_TRANSLATE_NOOP(MESSAGES, "应为 是 或 否"))
    raise AssertionError(t)


def format_value(f: Field, value: Any) -> str:
    """The value as a person reads it (widgets, PDF, Excel)."""
    if value is None:
        return ""
    if f.type is FieldType.DATE:
        return format_date(value)  # the one date style (domain.dates)
    if f.type is FieldType.TIME:
        return value.strftime("%H:%M")
    if f.type is FieldType.BOOL:
        return "是" if value else "否"
    if f.type is FieldType.DECIMAL:
        d = Decimal(value)
        return format(d.normalize() if d == d.to_integral_value() else d, "f")
    return str(value)


def to_json_value(f: Field, value: Any) -> Any:
    """The value in the JSON format (docs/json-format.md)."""
    if value is None:
        return None
    conv = _JSON_OF.get(f.type)
    return value if conv is None else conv(value)


def _decimal_json(value: Any) -> int | float:
    d = Decimal(value)
    if d == d.to_integral_value():
        return int(d)
    # A float is exact enough here: at most ``decimals`` places and well under 2**53.
    return float(d)


_JSON_OF: dict[FieldType, Any] = {  # the types whose values are not their own JSON value
    FieldType.DATE: lambda value: value.isoformat(),
    FieldType.TIME: lambda value: value.strftime("%H:%M"),
    FieldType.DECIMAL: _decimal_json,
}


@dataclass
class Photo:
    """A picture attached to a record: stored once under its SHA-256 in the data folder."""

    sha256: str
    filename: str
    caption: str = ""
    media_type: str = "image/jpeg"
    id: str | None = None


@dataclass
class RecordValues:
    """The values of one record as the domain sees it (no ORM, no widgets)."""

    fields: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    photos: dict[str, list[Photo]] = field(default_factory=dict)


__all__ = [
    "FIELDS",
    "Element",
    "Field",
    "FieldType",
    "FormSpec",
    "ItemTable",
    "Photo",
    "PhotoList",
    "PRODUCT_COLUMN",
    "BATCH_COLUMN",
    "SCORE_LABELS",
    "RecordValues",
    "Section",
    "Summary",
    "SignatureBlock",
    "ValueError_",
    "format_value",
    "parse_date",
    "parse_value",
    "to_json_value",
]
