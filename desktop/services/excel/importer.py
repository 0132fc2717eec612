"""The all-or-nothing import of products, customers (with contacts) and deliveries
(:func:`import_workbook`); see the package's docstring for what happens to existing records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.fields import Field, FormSpec, ItemTable, RecordValues, parse_value
from ...domain.forms import WORKFLOWS, spec_for
from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...domain.records import Record
from ...domain.validation import (
    REQUIRED,
    Issue,
    ValidationFailed,
    parse_record,
    strip_blank_rows,
)
from ...domain.workflow import TransitionRefused
from ...storage.schema import MODELS
from ..records import RecordService
from .layout import (
    DELIVERY_BATCH,
    DELIVERY_KEY,
    DELIVERY_PRODUCT,
    DELIVERY_UNIT,
    IGNORED_HEADERS,
    NAME_KEY,
    PARENT,
    WRITE_ORDER,
    SheetLayout,
    T,
    clean_header,
    import_tables,
    sheet_title,
    table_sheet_title,
    template_layout,
)

AT_CELL = QT_TRANSLATE_NOOP(MESSAGES, "工作表“{sheet}” 第 {row} 行 {column} 列（{label}）：{message}")
AT_ROW_LABEL = QT_TRANSLATE_NOOP(MESSAGES, "工作表“{sheet}” 第 {row} 行（{label}）：{message}")
AT_ROW = QT_TRANSLATE_NOOP(MESSAGES, "工作表“{sheet}” 第 {row} 行：{message}")
AT_SHEET = QT_TRANSLATE_NOOP(MESSAGES, "工作表“{sheet}”：{message}")

Translate = Callable[..., str]  # (template, **args) -> text; ``ui.texts.tr_message`` in the window


def _plain(template: str, **args: Any) -> str:
    return template.format(**args)


@dataclass(frozen=True)
class ExcelProblem:
    """One problem of an import: where (sheet, row, column letter and label) and what."""

    sheet: str | None
    row: int | None
    column: str | None
    label: str | None
    template: str
    args: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.args)

    def line(self, tr: Translate = _plain) -> str:
        message = tr(self.template, **dict(self.args))
        if self.sheet is None:
            return message
        if self.row is None:
            return tr(AT_SHEET, sheet=self.sheet, message=message)
        if self.column and self.label:
            return tr(AT_CELL, sheet=self.sheet, row=self.row, column=self.column, label=self.label, message=message)
        if self.label:
            return tr(AT_ROW_LABEL, sheet=self.sheet, row=self.row, label=self.label, message=message)
        return tr(AT_ROW, sheet=self.sheet, row=self.row, message=message)


@dataclass
class ImportResult:
    """What an import did: nothing (``problems``), or the records created, updated and skipped."""

    problems: list[ExcelProblem] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    skipped: list[ExcelProblem] = field(default_factory=list)  # why each skipped row was skipped
    records: list[Record] = field(default_factory=list)  # created and updated, in writing order
    changed: tuple[Any, ...] = ()  # every record the import changed (``records.RecordRef``), policies' too

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def kinds(self) -> set[str]:
        """The kinds written (the registers to reload)."""
        return {r.kind for r in self.records}

    def error_lines(self, tr: Translate = _plain) -> list[str]:
        return [p.line(tr) for p in self.problems]

    def summary_lines(self) -> list[str]:
        lines = []
        for kind in WRITE_ORDER:
            title = sheet_title(kind)
            parts = []
            if self.created.get(kind):
                parts.append(f"新增 {self.created[kind]} 条")
            if self.updated.get(kind):
                parts.append(f"更新 {self.updated[kind]} 条")
            if self.unchanged.get(kind):
                parts.append(f"{self.unchanged[kind]} 条无变化")
            skipped = sum(1 for p in self.skipped if p.sheet == title)
            if skipped:
                parts.append(f"跳过 {skipped} 条已有记录")
            if parts:
                lines.append(f"{title}：{'，'.join(parts)}")
        return lines


@dataclass
class _Row:
    """A data row of a sheet: where it is, and its raw values by field key."""

    sheet: str
    row: int
    letters: Mapping[str, str]  # field key -> column letter
    labels: Mapping[str, str]  # field key -> label
    raw: dict[str, Any]


@dataclass
class _Sheet:
    title: str
    letters: dict[str, str]
    labels: dict[str, str]
    rows: list[_Row]


@dataclass
class _Pending:
    """One record to write: new (``record_id`` None) or an update of a record of the same name."""

    kind: str
    values: RecordValues
    record_id: str | None = None
    base: Record | None = None


class _Problems(list):
    def add(self, sheet: str | None, row: int | None, column: str | None, label: str | None, template: str,
            /, **args: Any) -> None:
        self.append(ExcelProblem(sheet, row, column, label, template, args))

    def at(self, r: _Row, key: str | None, template: str, /, **args: Any) -> None:
        if key is None:
            self.add(r.sheet, r.row, None, None, template, **args)
        else:
            self.add(r.sheet, r.row, r.letters.get(key), r.labels.get(key), template, **args)


def _integral(v: float) -> bool:
    return v == int(v)


def _number_text(v: float) -> str:
    """A number read from a cell as the text it shows: 13812345678.0 → 13812345678."""
    if isinstance(v, float):
        if _integral(v):
            return str(int(v))
        return format(v, ".15g")
    return str(v)


def _phone_from_number(f: Field, digits: str) -> str:
    """A phone number typed into a number cell: Excel drops a landline's leading 0 (010-66123456
    becomes 1066123456); put it back when only that makes it a phone number."""
    try:
        parse_value(f, digits)
    except ValueError:
        try:
            parse_value(f, "0" + digits)
        except ValueError:
            return digits
        return "0" + digits
    return digits


def cell_value(f: Field, v: Any) -> Any:
    """A cell's value as ``parse_value`` reads it: Excel gives dates as datetime, numbers as int or
    float (a phone number or batch number typed into a number cell), and text with spaces."""
    if v is None:
        return None
    if isinstance(v, str):
        v = v.strip() if f.type is not T.LONGTEXT else v.strip("\n ")
        return v or None
    t = f.type
    if t is T.DATE:
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            if 19000101 <= v <= 99991231 and _integral(v):
                return str(int(v))  # 20260315
            if 1 <= v < 2958466:  # a date serial in a cell not formatted as a date
                return from_excel(v).date()
        return v
    if t is T.TIME:
        if isinstance(v, dt.datetime):
            return v.time()
        if isinstance(v, dt.timedelta):
            return (dt.datetime.min + v).time()
        if isinstance(v, float) and 0 <= v < 1:
            return from_excel(v).time()
        return v
    if isinstance(v, bool):
        return v if t is T.BOOL else ("是" if v else "否")
    if isinstance(v, (int, float)) and t is T.PHONE:
        return _phone_from_number(f, _number_text(v))
    if isinstance(v, (int, float)):
        if t in (T.DECIMAL, T.INTEGER, T.SCORE):
            if isinstance(v, float):  # 12.35 as typed, not 12.3499999…; 3.0 as 3
                return int(v) if _integral(v) else _number_text(v)
            return v
        return _number_text(v)
    if isinstance(v, dt.datetime) and t in (T.TEXT, T.LONGTEXT):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(" ", "minutes")
    if isinstance(v, dt.date) and t in (T.TEXT, T.LONGTEXT):
        return v.isoformat()
    return v


# Bounds on a workbook from outside (issue 11): an 800 MB zip bomb or a sheet that declares
# XFD1048576 must be refused in moments, not read for minutes.
MAX_UNPACKED = 200 << 20  # bytes of all parts unpacked
MAX_RATIO = 200  # unpacked / packed for one part (ordinary sheets: 5–20)
MAX_PARTS = 2_000
MAX_ROWS = 100_000
MAX_COLUMNS = 200
_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')


def _zip_refusal(path: Path) -> tuple[str, dict[str, Any]] | None:
    """Why the file's zip container is refused before openpyxl unpacks anything, else ``None``."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # load_workbook says "not a workbook"
    if len(infos) > MAX_PARTS:
        return QT_TRANSLATE_NOOP(MESSAGES, "无法读取文件：工作簿的组成部分过多（{n} 个）"), {"n": len(infos)}
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        return QT_TRANSLATE_NOOP(MESSAGES, "无法读取文件：工作簿解压后过大（{size} MB，最多 {max} MB）"), {
            "size": total >> 20, "max": MAX_UNPACKED >> 20}
    for i in infos:
        if i.file_size > 1 << 20 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            return QT_TRANSLATE_NOOP(MESSAGES, "无法读取文件：工作簿中的 {part} 压缩比异常，疑似压缩炸弹"), {
                "part": i.filename[:80]}
    return None


def _merged_cells(ws: Any) -> list[str]:
    """Merged ranges of a read-only sheet (openpyxl does not read them in read-only mode)."""
    try:
        with ws.parent._archive.open(ws._worksheet_path) as fh:
            data = fh.read(MAX_UNPACKED)
    except (AttributeError, KeyError, OSError):
        return []
    return [m.decode("ascii") for m in _MERGE_RE.findall(data)]


def _read_sheet(ws: Any, layout: SheetLayout, spec: FormSpec, problems: _Problems) -> _Sheet:
    by_label = {f.label: key for key, f in layout.columns}
    ignorable = {f.label for f in spec.fields() if f.read_only or f.computed} | {spec.number_label, "状态"}
    ignorable |= IGNORED_HEADERS
    fields = dict(layout.columns)
    letters: dict[str, str] = {}
    labels = {key: f.label for key, f in layout.columns}
    index: dict[int, str] = {}  # column index (0-based) -> key
    headerless: list[int] = []
    merged = _merged_cells(ws)
    if merged:
        problems.add(layout.title, None, None, None, QT_TRANSLATE_NOOP(
            MESSAGES, "工作表有合并的单元格（{cells}）：表头和数据都不能合并，请取消合并后再导入"),
            cells="、".join(merged[:5]))
        return _Sheet(layout.title, letters, labels, [])
    # The size a sheet declares is not believed (XFD1048576 would pad every row to 16,384 cells).
    ws.reset_dimensions()
    rows_iter = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    header = next(rows_iter, None) or ()
    for j, value in enumerate(header):
        name = clean_header(value)
        letter = get_column_letter(j + 1)
        if not name:
            headerless.append(j)
            continue
        key = by_label.get(name)
        if key is None:
            if name not in ignorable:
                problems.add(layout.title, 1, letter, name, QT_TRANSLATE_NOOP(
                    MESSAGES, "未知的列“{name}”：列名须与导入模板一致"), name=name)
            continue
        if key in letters:
            problems.add(layout.title, 1, letter, name, QT_TRANSLATE_NOOP(
                MESSAGES, "列“{name}”重复（另见 {other} 列）"), name=name, other=letters[key])
            continue
        letters[key] = letter
        index[j] = key
    sheet = _Sheet(layout.title, letters, labels, [])
    data_rows = []
    for n, values in enumerate(rows_iter, start=2):
        if n > MAX_ROWS + 1:
            problems.add(layout.title, n, None, None, QT_TRANSLATE_NOOP(
                MESSAGES, "工作表的行数过多（最多 {max} 行），请分成几个文件导入"), max=MAX_ROWS)
            return sheet
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        data_rows.append((n, values))
    if not data_rows:
        return sheet
    for key, f in layout.columns:
        if (f.required or key == PARENT) and key not in letters:
            problems.add(layout.title, None, None, None, QT_TRANSLATE_NOOP(
                MESSAGES, "缺少必填列“{name}”"), name=f.label)
    for n, values in data_rows:
        raw: dict[str, Any] = {}
        for j, v in enumerate(values):
            key = index.get(j)
            if key is not None:
                raw[key] = cell_value(fields[key], v)
            elif j in headerless and v is not None and not (isinstance(v, str) and not v.strip()):
                problems.add(layout.title, n, get_column_letter(j + 1), None, QT_TRANSLATE_NOOP(
                    MESSAGES, "{column} 列有内容，但这一列没有列名"), column=get_column_letter(j + 1))
        sheet.rows.append(_Row(layout.title, n, letters, labels, raw))
    return sheet


def _name_of(raw: Mapping[str, Any], f: Field) -> str | None:
    try:
        value = parse_value(f, raw.get(f.key))
    except ValueError:
        return None
    return value if isinstance(value, str) and value else None


def _same_key(kind: str) -> Callable[[str], str]:
    """How names are compared: a customer's unit name as ``lookup.normalise_name`` does (spaces,
    case and bracket width aside: the customer register refuses a second such name); a product's
    exactly, as a delivery finds its shelf life by the exact name."""
    if kind == "customer":
        from ..lookup import normalise_name

        return normalise_name
    return str


def _existing(s: Session, kind: str, key: str, names: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """(id, name) of the records of ``kind`` whose ``key`` is one of ``names``, by compared name."""
    rec = MODELS[kind].record
    col = getattr(rec, key)
    same = _same_key(kind)
    wanted = {same(n) for n in names}
    out: dict[str, list[tuple[str, str]]] = {}
    if same is not str:  # names compared loosely: read them all (10,000 customers: some 20 ms)
        for rid, name in s.execute(select(rec.id, col).order_by(rec.number)):
            if same(name) in wanted:
                out.setdefault(same(name), []).append((rid, name))
        return out
    ordered = sorted(wanted)
    for i in range(0, len(ordered), 500):
        for rid, name in s.execute(select(rec.id, col).where(col.in_(ordered[i:i + 500])).order_by(rec.number)):
            out.setdefault(name, []).append((rid, name))
    return out


def _load(service: RecordService, s: Session, kind: str, ids: Sequence[str]) -> dict[str, Record]:
    """The records of ``ids``, read in batches (``RecordService.get`` one at a time takes 10 ms
    each: a file of 1,000 known customers would wait 10 s for them)."""
    m = MODELS[kind]
    out: dict[str, Record] = {}
    for i in range(0, len(ids), 500):
        for row in s.scalars(select(m.record).where(m.record.id.in_(ids[i:i + 500]))):
            out[row.id] = service._to_record(m, row)
    return out


def _record_raw(record: Record) -> dict[str, Any]:
    """A stored record's values as raw values (``parse_value`` takes typed values as they are)."""
    raw: dict[str, Any] = dict(record.values.fields)
    for key, rows in record.values.tables.items():
        raw[key] = [dict(r) for r in rows]
    for key, photos in record.values.photos.items():
        raw[key] = list(photos)
    return raw


def _overlay(base: dict[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with the filled cells of ``new`` (an empty cell keeps what is on file)."""
    out = dict(base)
    out.update({k: v for k, v in new.items() if v is not None and k != PARENT})
    return out


def _check(spec: FormSpec, raw: Mapping[str, Any], today: dt.date) -> tuple[RecordValues, list[Issue]]:
    """``RecordService.validate`` without working out computed fields (done when writing)."""
    values, issues = parse_record(spec, raw)
    strip_blank_rows(spec, values)
    unreadable = {i.path for i in issues}
    issues += [i for i in WORKFLOWS[spec.kind].check(values, today) if i.path not in unreadable]
    return values, issues


def _same(record: Record, values: RecordValues) -> bool:
    spec = spec_for(record.kind)
    keys = [f.key for f in spec.fields() if not f.read_only and not f.computed]
    if any(record.values.fields.get(k) != values.fields.get(k) for k in keys):
        return False
    return all(record.values.tables.get(t.key, []) == values.tables.get(t.key, []) for t in spec.tables())


def _truthy_primary(f: Field, raw: Any) -> bool:
    try:
        return parse_value(f, raw) is True
    except ValueError:
        return False


def import_workbook(service: RecordService, path: str | Path) -> ImportResult:
    """Import customers (with contacts), products and deliveries from ``path``: all or nothing.

    Returns the result; when ``result.problems`` is not empty nothing has been written."""
    result = ImportResult()
    problems = _Problems()
    try:
        refusal = _zip_refusal(Path(path))
        if refusal is not None:
            problems.add(None, None, None, None, refusal[0], **refusal[1])
            result.problems = list(problems)
            return result
        wb = load_workbook(Path(path), read_only=True, data_only=True)
    except FileNotFoundError:
        problems.add(None, None, None, None, QT_TRANSLATE_NOOP(MESSAGES, "找不到文件：{path}"), path=str(path))
    except Exception as e:  # noqa: BLE001 - zipfile, XML and openpyxl errors alike: not a workbook
        problems.add(None, None, None, None, QT_TRANSLATE_NOOP(
            MESSAGES, "无法读取文件：不是有效的 Excel 工作簿（.xlsx）（{reason}）"), reason=type(e).__name__)
    if problems:
        result.problems = list(problems)
        return result
    try:
        sheets: dict[str, _Sheet] = {}
        names = {str(n).strip(): n for n in wb.sheetnames}
        for layout in template_layout():
            if layout.title in names:
                sheets[layout.title] = _read_sheet(wb[names[layout.title]], layout, spec_for(layout.kind), problems)
    finally:
        wb.close()
    if not sheets:
        problems.add(None, None, None, None, QT_TRANSLATE_NOOP(
            MESSAGES, "文件中没有可导入的工作表：应有“{sheets}”（请使用本程序生成的导入模板）"),
            sheets="”“".join(lay.title for lay in template_layout()))
    pending = _plan(service, sheets, problems, result) if not problems else {}
    if problems:
        result.problems = list(problems)
        return result
    try:
        _write(service, pending, result)
    except (ValidationFailed, TransitionRefused) as e:  # refused while writing: rolled back, nothing kept
        result.records.clear()
        result.created.clear()
        result.updated.clear()
        issues = e.issues if isinstance(e, ValidationFailed) else []
        result.problems = [ExcelProblem(None, None, None, None, i.template, dict(i.args)) for i in issues] or [
            ExcelProblem(None, None, None, None, str(e))]
    return result


def _plan(service: RecordService, sheets: Mapping[str, _Sheet], problems: _Problems,
          result: ImportResult) -> dict[str, list[_Pending]]:
    """Check every row and work out what to write; problems go to ``problems``."""
    today = service.clock.today()
    empty = _Sheet("", {}, {}, [])
    pending: dict[str, list[_Pending]] = {k: [] for k in WRITE_ORDER}
    with service.db.session() as s:
        known: dict[str, dict[str, str]] = {}
        for kind in ("product", "customer"):
            spec = spec_for(kind)
            name_field = spec.field(NAME_KEY[kind])
            same = _same_key(kind)
            rows = sheets.get(sheet_title(kind), empty).rows
            seen: dict[str, _Row] = {}
            shown: dict[str, str] = {}  # compared name -> the name as written
            file_names = [same(n) for n in (_name_of(r.raw, name_field) for r in rows) if n]
            tables = import_tables(kind)
            children: dict[str, list[tuple[ItemTable, _Row]]] = {}
            for t in tables:
                child_sheet = sheets.get(table_sheet_title(kind, t), empty)
                for r in child_sheet.rows:
                    if all(v is None for k, v in r.raw.items() if k != PARENT):
                        continue  # only the unit's name: nothing to add
                    parent = _name_of({name_field.key: r.raw.get(PARENT)}, name_field)
                    if parent is None:
                        problems.at(r, PARENT, REQUIRED if r.raw.get(PARENT) is None else QT_TRANSLATE_NOOP(
                            MESSAGES, "应为文字"))
                        continue
                    shown.setdefault(same(parent), parent)
                    children.setdefault(same(parent), []).append((t, r))
            existing = _existing(s, kind, name_field.key, set(file_names) | set(children))
            on_file = _load(service, s, kind, [ids[0][0] for ids in existing.values() if len(ids) == 1])
            parents: list[tuple[str | None, _Row | None]] = []
            for r in rows:
                name = _name_of(r.raw, name_field)
                parents.append((same(name) if name else None, r))
                if name:
                    shown.setdefault(same(name), name)
            in_file = set(file_names)
            # The name each compared name stands for: as on file when on file, else as written.
            known[kind] = {k: shown[k] for k in file_names} | {k: ids[0][1] for k, ids in existing.items()}
            parents += [(name, None) for name in children if name not in in_file]
            for name, r in parents:
                if r is not None and name is not None:
                    if name in seen:
                        problems.at(r, name_field.key, QT_TRANSLATE_NOOP(
                            MESSAGES, "与第 {row} 行重复：同名的只能填写一行"), row=seen[name].row)
                        continue
                    seen[name] = r
                kids = children.get(name, []) if name else []
                if r is None and name not in existing:
                    for _t, child in kids:
                        problems.at(child, PARENT, QT_TRANSLATE_NOOP(
                            MESSAGES, "没有名为“{name}”的{kind}：请在“{sheet}”工作表中填写，或先在程序中建档"),
                            name=shown[name], kind=spec.short_title, sheet=sheet_title(kind))
                    continue
                ids = [rid for rid, _name in existing.get(name, [])] if name else []
                if len(ids) > 1:
                    where = r if r is not None else kids[0][1]
                    problems.at(where, name_field.key if r is not None else PARENT, QT_TRANSLATE_NOOP(
                        MESSAGES, "{register}中有 {n} 条名为“{name}”的记录，无法确定更新哪一条"),
                        register=spec.register_title, n=len(ids), name=shown[name])
                    continue
                base = on_file[ids[0]] if ids else None
                raw = _record_raw(base) if base is not None else {}
                if r is not None:
                    # Updated by name: the name stays as on file (forms and deliveries use it).
                    raw = _overlay(raw, r.raw | {name_field.key: None}) if base is not None else dict(r.raw)
                # The table rows: what is on file, merged by name with the file's rows.
                sources: dict[str, list[_Row | None]] = {}
                for t in tables:
                    current = [dict(x) for x in raw.get(t.key) or []]
                    src: list[_Row | None] = [None] * len(current)
                    mine = [child for tt, child in kids if tt.key == t.key]
                    key_col = t.columns[0]
                    primary = next((c for c in t.columns if c.type is T.BOOL), None)
                    for child in mine:
                        values = {k: v for k, v in child.raw.items() if k != PARENT}
                        cname = _name_of(values, key_col)
                        at = next((i for i, x in enumerate(current) if cname and src[i] is None
                                   and x.get(key_col.key) == cname), None)
                        if at is None:
                            current.append(values)
                            src.append(child)
                        else:
                            current[at] = _overlay(current[at], values)
                            src[at] = child
                    if primary is not None:  # a main contact marked in the file takes the mark
                        marked = {i for i, child in enumerate(src)
                                  if child is not None and _truthy_primary(primary, child.raw.get(primary.key))}
                        if marked:
                            for i, x in enumerate(current):
                                if i not in marked and _truthy_primary(primary, x.get(primary.key)):
                                    x[primary.key] = False
                    raw[t.key] = current
                    sources[t.key] = src
                values, issues = _check(spec, raw, today)
                for issue in issues:
                    _report(problems, issue, r, sources, kids)
                if issues:
                    continue
                if base is not None and _same(base, values):
                    result.unchanged[kind] = result.unchanged.get(kind, 0) + 1
                    continue
                pending[kind].append(_Pending(kind, values, base.id if base else None, base))
        _plan_deliveries(s, sheets.get(sheet_title("delivery"), empty), known, problems, result, pending, today)
    return pending


def _report(problems: _Problems, issue: Issue, r: _Row | None, sources: Mapping[str, list[_Row | None]],
            kids: Sequence[tuple[ItemTable, _Row]]) -> None:
    """Put a record's issue on the cell it belongs to (an item row's issue on its own sheet's row)."""
    row_index, column = issue.row, issue.column
    if row_index is not None and issue.key in sources:
        src = sources[issue.key]
        child = src[row_index] if row_index < len(src) else None
        if child is not None:
            problems.at(child, column, issue.template, **dict(issue.args))
            return
    where = r if r is not None else kids[0][1]
    key = issue.key if r is not None else None
    if r is not None and key not in r.letters and key not in r.labels:
        key = None
    if key is not None and key not in r.letters:  # a field whose column the sheet does not have
        problems.add(where.sheet, where.row, None, r.labels[key], issue.template, **dict(issue.args))
        return
    problems.at(where, key, issue.template, **dict(issue.args))


def _plan_deliveries(s: Session, sheet: _Sheet, known: Mapping[str, dict[str, str]], problems: _Problems,
                     result: ImportResult, pending: dict[str, list[_Pending]], today: dt.date) -> None:
    spec = spec_for("delivery")
    checked: list[tuple[_Row, RecordValues, bool]] = []
    for r in sheet.rows:
        values, issues = _check(spec, r.raw, today)
        for issue in issues:
            _report(problems, issue, r, {}, ())
        checked.append((r, values, bool(issues)))
    if not checked:
        return

    def named(key: str) -> set[str]:
        return {v.fields[key] for _r, v, _bad in checked if v.fields.get(key)}

    customers = {k: ids[0][1] for k, ids in _existing(s, "customer", "name", named(DELIVERY_UNIT)).items()}
    customers |= known.get("customer", {})
    products = set(known.get("product", {})) | set(_existing(s, "product", "name", named(DELIVERY_PRODUCT)))
    rec = MODELS["delivery"].record
    on_file: set[tuple[Any, ...]] = set()
    batches = sorted(named(DELIVERY_BATCH))
    for i in range(0, len(batches), 500):
        q = select(*(getattr(rec, k) for k in DELIVERY_KEY)).where(getattr(rec, DELIVERY_BATCH).in_(batches[i:i + 500]))
        on_file |= {tuple(row) for row in s.execute(q)}
    seen: dict[tuple[Any, ...], _Row] = {}
    for r, values, bad in checked:
        unit, product = values.fields.get(DELIVERY_UNIT), values.fields.get(DELIVERY_PRODUCT)
        if unit is not None and _same_key("customer")(unit) in customers:
            unit = values.fields[DELIVERY_UNIT] = customers[_same_key("customer")(unit)]  # as registered
        elif unit is not None:
            problems.at(r, DELIVERY_UNIT, QT_TRANSLATE_NOOP(
                MESSAGES, "没有名为“{name}”的客户：请在“{sheet}”工作表中填写该单位，或先在客户档案中建档"),
                name=unit, sheet=sheet_title("customer"))
            bad = True
        if product is not None and product not in products and values.fields.get("shelf_life_months") is None:
            problems.at(r, DELIVERY_PRODUCT, QT_TRANSLATE_NOOP(
                MESSAGES, "没有名为“{name}”的产品：请在“{sheet}”工作表中填写该产品，或填写本行的保质期（月）"),
                name=product, sheet=sheet_title("product"))
            bad = True
        key = tuple(values.fields.get(k) for k in DELIVERY_KEY)
        if None in key:
            continue  # a missing key field is reported already
        if key in seen:
            problems.at(r, DELIVERY_BATCH, QT_TRANSLATE_NOOP(
                MESSAGES, "与第 {row} 行重复：同一客户、产品、生产批号和发货日期只能填写一行"), row=seen[key].row)
            bad = True
        seen.setdefault(key, r)
        if bad:
            continue
        if key in on_file:
            result.skipped.append(ExcelProblem(r.sheet, r.row, None, None, QT_TRANSLATE_NOOP(
                MESSAGES, "已有同一客户、产品、生产批号和发货日期的发货记录，跳过")))
            continue
        pending["delivery"].append(_Pending("delivery", values))


def _write(service: RecordService, pending: Mapping[str, list[_Pending]], result: ImportResult) -> None:
    """Everything in one transaction: products, customers, deliveries (save hooks included)."""
    from ..records import VIA_EXCEL

    by = service.settings().staff_name
    with service.write(by, VIA_EXCEL) as s:
        for kind in WRITE_ORDER:
            for p in pending.get(kind, []):
                service.derive(kind, p.values, s)  # after the products: their shelf life counts
                if p.record_id is None:
                    record = service.insert(s, kind, p.values, by=by)
                    result.created[kind] = result.created.get(kind, 0) + 1
                else:
                    record = service.update_in(s, kind, p.record_id, p.values, by=by)
                    result.updated[kind] = result.updated.get(kind, 0) + 1
                result.records.append(record)
    result.changed = tuple(service._unit(s).finished)
