"""Validation of a record against its form specification.

Two steps, both pure: :func:`parse_record` turns raw values (text from widgets, values from JSON)
into typed values and collects every problem with the path of the field it belongs to;
:func:`check_record` adds what needs the whole record (required fields, dates in order, rules of
one form).  Nothing is written unless both return no issue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .fields import FormSpec, ItemTable, Photo, PhotoList, RecordValues, ValueError_, parse_value
from .i18n import MESSAGES, QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Issue:
    """A problem with one value.  ``path`` is the JSON path: ``phone``, ``items[1].quantity``."""

    path: str
    template: str
    args: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.args)

    @property
    def key(self) -> str:
        """The top-level key (field, table or photo list) the issue is attached to."""
        return self.path.split("[", 1)[0].split(".", 1)[0]

    @property
    def row(self) -> int | None:
        if "[" in self.path:
            return int(self.path.split("[", 1)[1].split("]", 1)[0])
        return None

    @property
    def column(self) -> str | None:
        if "]." in self.path:
            return self.path.split("].", 1)[1]
        return None


class ValidationFailed(Exception):
    """Raised by services when a record is refused; nothing has been written."""

    def __init__(self, issues: list[Issue], index: int | None = None) -> None:
        self.issues = issues
        self.index = index
        super().__init__("; ".join(f"{i.path}: {i.message}" for i in issues))


REQUIRED = QT_TRANSLATE_NOOP(MESSAGES, "必填")


def parse_record(spec: FormSpec, raw: Mapping[str, Any]) -> tuple[RecordValues, list[Issue]]:
    """Typed values from raw ones; unknown keys are the caller's business (see ``records``)."""
    issues: list[Issue] = []
    values = RecordValues()
    fields = values.fields
    for f in spec.fields():  # every value of thousands of records a sync brings: no call more than needed
        if f.read_only:
            continue
        value = raw.get(f.key)
        if value is not None:
            try:
                value = parse_value(f, value)
            except ValueError_ as e:
                issues.append(Issue(f.key, e.template, e.args_))
                value = None
        fields[f.key] = value
    for t in spec.tables():
        rows_raw = raw.get(t.key) or []
        if not isinstance(rows_raw, list):
            issues.append(Issue(t.key, QT_TRANSLATE_NOOP(MESSAGES, "应为多行列表")))
            rows_raw = []
        rows: list[dict[str, Any]] = []
        for i, row_raw in enumerate(rows_raw):
            if not isinstance(row_raw, Mapping):
                issues.append(Issue(f"{t.key}[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "应为一行的字段")))
                continue
            row: dict[str, Any] = {}
            for c in t.columns:
                value = row_raw.get(c.key)
                if value is not None:
                    try:
                        value = parse_value(c, value)
                    except ValueError_ as e:
                        issues.append(Issue(f"{t.key}[{i}].{c.key}", e.template, e.args_))
                        value = None
                row[c.key] = value
            rows.append(row)
        values.tables[t.key] = rows
    for p in spec.photo_lists():
        photos: list[Photo] = []
        for i, ph in enumerate(raw.get(p.key) or []):
            if isinstance(ph, Photo):
                photos.append(ph)
            elif isinstance(ph, Mapping) and isinstance(ph.get("sha256"), str):
                photos.append(
                    Photo(
                        sha256=ph["sha256"],
                        filename=str(ph.get("filename") or "photo"),
                        caption=str(ph.get("caption") or ""),
                        media_type=str(ph.get("media_type") or "image/jpeg"),
                    )
                )
            else:
                issues.append(Issue(f"{p.key}[{i}]", QT_TRANSLATE_NOOP(MESSAGES, "应为图片对象")))
        values.photos[p.key] = photos
    return values, issues


def _blank_row(row: Mapping[str, Any]) -> bool:
    return all(v is None for v in row.values())


def check_required(spec: FormSpec, values: RecordValues) -> list[Issue]:
    issues: list[Issue] = []
    for f in spec.fields():
        if f.required and not f.read_only and values.fields.get(f.key) is None:
            issues.append(Issue(f.key, REQUIRED))
    for t in spec.tables():
        rows = [r for r in values.tables.get(t.key, []) if not _blank_row(r)]
        if len(rows) < t.min_rows:
            issues.append(Issue(t.key, QT_TRANSLATE_NOOP(MESSAGES, "至少填写 {n} 行"), {"n": t.min_rows}))
        if len(rows) > t.max_rows:
            issues.append(Issue(t.key, QT_TRANSLATE_NOOP(MESSAGES, "最多 {n} 行"), {"n": t.max_rows}))
        for i, row in enumerate(values.tables.get(t.key, [])):
            if _blank_row(row):
                continue
            for c in t.columns:
                if c.required and row.get(c.key) is None:
                    issues.append(Issue(f"{t.key}[{i}].{c.key}", REQUIRED))
    for p in spec.photo_lists():
        if len(values.photos.get(p.key, [])) > p.max_photos:
            issues.append(Issue(p.key, QT_TRANSLATE_NOOP(MESSAGES, "最多 {n} 张"), {"n": p.max_photos}))
    return issues


RecordRule = Callable[[RecordValues, dt.date], list[Issue]]


def check_record(spec: FormSpec, values: RecordValues, today: dt.date,
                 rules: tuple[RecordRule, ...] = ()) -> list[Issue]:
    """Required fields and the form's own whole-record ``rules`` (dates in order, amounts that go
    together), which each form's ``Workflow.rules`` declares; ``today`` comes from the injectable
    clock.  Use ``Workflow.check``, which passes the form's rules: no rule is found by import order."""
    issues = check_required(spec, values)
    for fn in rules:
        issues.extend(fn(values, today))
    return issues


UNPRINTABLE = QT_TRANSLATE_NOOP(
    MESSAGES, "无法打印的字符：{chars}（随附字体中没有这个字，打印出来会缺字；请删除，或改用文字说明）"
)


def check_printable(spec: FormSpec, values: RecordValues, missing: Callable[[str], set[str]]) -> list[Issue]:
    """Every text value with a character no bundled font can draw (an emoji, a character beyond
    the rare-character fonts): an issue beside its field or cell, so a name on a signed form never
    loses a character in silence (issue 13).  ``missing`` is ``documents.fonts.unprintable_chars``,
    passed in by the services: the domain knows no fonts."""
    issues: list[Issue] = []

    def check(path: str, value: Any) -> None:
        if isinstance(value, str) and value and not value.isascii():
            chars = missing(value)
            if chars:
                issues.append(Issue(path, UNPRINTABLE, {"chars": " ".join(sorted(chars))}))

    for f in spec.fields():
        check(f.key, values.fields.get(f.key))
    for t in spec.tables():
        for i, row in enumerate(values.tables.get(t.key, [])):
            for c in t.columns:
                check(f"{t.key}[{i}].{c.key}", row.get(c.key))
    return issues


def strip_blank_rows(spec: FormSpec, values: RecordValues) -> None:
    """Drop table lines the user left entirely empty (the form always offers one more)."""
    for t in spec.tables():
        values.tables[t.key] = [r for r in values.tables.get(t.key, []) if not _blank_row(r)]


def not_after(values: RecordValues, key: str, limit: dt.date | None, template: str, **args: Any) -> list[Issue]:
    v = values.fields.get(key)
    if v is not None and limit is not None and v > limit:
        return [Issue(key, template, args)]
    return []


def not_before(values: RecordValues, key: str, earliest_key: str, earliest_label: str) -> list[Issue]:
    v = values.fields.get(key)
    e = values.fields.get(earliest_key)
    if v is not None and e is not None and v < e:
        return [
            Issue(
                key,
                QT_TRANSLATE_NOOP(MESSAGES, "不能早于{label}（{date}）"),
                {"label": earliest_label, "date": e.isoformat()},
            )
        ]
    return []


__all__ = [
    "Issue",
    "ItemTable",
    "PhotoList",
    "ValidationFailed",
    "check_record",
    "check_required",
    "not_after",
    "not_before",
    "parse_record",
    "strip_blank_rows",
]
