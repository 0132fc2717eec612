"""Finding any record by anything a caller says (issue 14).

A record's search text is worked out at every save (``search_text`` column, one per record):
its number, every one-line text and phone of the form and of its item tables (so a complaint is
found by the complainant's name or phone, its products and batches, its investigator), each phone
also as bare digits (``138-0013-8000`` answers to ``13800138000``), and — after a ``SEP`` — the
pinyin syllables of every Chinese name in it (``|bei|jing|shi|di|yi|...``).

A query's words must each be found: as a substring of the plain part, or, for a word of ASCII
letters, as loose pinyin of one of the names (:func:`lookup.loose_pinyin`: initials in order with
gaps ``bjyy``, full pinyin, or mixed).  Ranked best first: the number typed exactly, then a
number or unit that starts with the text, then substrings, then pinyin.

Head office also keeps ``search_keys`` (:func:`search_keys_of`): the pairs of initials of the names'
pinyin, which its GIN index narrows a loose pinyin word by before the exact test (issue 12).

Records saved before this scheme are given the new search text (and keys) once, when the data folder is
opened (:func:`reindex_if_needed`, a marker in the ``setting`` table): search text is derived,
like an index, so it is rewritten without a new version of the record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.fields import FieldType, FormSpec, RecordValues, once_per_form
from .lookup import digits, loose_pinyin, pinyin_keys_of, pinyin_segments

if TYPE_CHECKING:
    from .records import RecordService, RegisterRow

SEP = "\x1e"  # between the plain text and the pinyin of a record's search text
SCHEME = "4"  # the search text's make-up (4: pinyin keys of three letters too); an older one is reindexed once
SCHEME_KEY = "search_scheme"
_TEXTUAL = (FieldType.TEXT, FieldType.PHONE, FieldType.CHOICE)
_PINYIN_MAX = 40  # longer texts are descriptions, not names: no pinyin for them
_HAN = re.compile(r"[\u3400-\u9fff]")


def search_text_of(spec: FormSpec, number: str, values: RecordValues) -> str:
    """What a record is found by (see the module's doc)."""
    plain: list[str] = [number]
    names: list[str] = []

    def add(value: Any, ftype: FieldType) -> None:
        text = str(value or "").strip()
        if not text:
            return
        plain.append(text)
        if ftype is FieldType.PHONE:
            d = digits(text)
            if d and d != text:
                plain.append(d)
        elif ftype is FieldType.TEXT and len(text) <= _PINYIN_MAX and _HAN.search(text):
            names.append(text)

    searched, textual, columns = _looked_in(spec)
    fields = values.fields
    for key, ftype in searched + textual:
        if value := fields.get(key):  # an empty one adds nothing: not asked
            add(value, ftype)
    for table, cols in columns:
        for row in values.tables.get(table, []):
            for key, ftype in cols:
                if value := row.get(key):
                    add(value, ftype)
    plain_text = " ".join(dict.fromkeys(plain)).lower()
    pinyin = " ".join(dict.fromkeys(s for s in (pinyin_segments(n) for n in dict.fromkeys(names)) if s))
    return f"{plain_text}{SEP}{pinyin}" if pinyin else plain_text


_LOOKED_IN: dict[str, tuple[FormSpec, Any]] = {}


def _looked_in(spec: FormSpec) -> tuple[Any, Any, Any]:
    """What :func:`search_text_of` reads of a form, in its order (worked out once per form): the
    search fields with their types, the other textual fields, and each table's textual columns."""
    return once_per_form(_LOOKED_IN, spec, _reads_of)


def _reads_of(spec: FormSpec) -> tuple[Any, Any, Any]:
    types = {f.key: f.type for f in spec.fields()}
    return (tuple((key, types.get(key, FieldType.LONGTEXT)) for key in spec.search_fields),
            tuple((f.key, f.type) for f in spec.fields() if f.type in _TEXTUAL and f.key not in spec.search_fields),
            tuple((t.key, tuple((c.key, c.type) for c in t.columns if c.type in _TEXTUAL)) for t in spec.tables()))


def search_keys_of(search_text: str) -> str:
    """A record's ``search_keys`` column, from its search text: the pairs of initials of each
    name's pinyin (:func:`lookup.pinyin_keys_of`), by which head office's index narrows a loose
    pinyin word (:func:`lookup.loose_keys`) before the exact test.  Kept with the search text."""
    _plain, _sep, pinyin = search_text.partition(SEP)
    return pinyin_keys_of(pinyin) if pinyin else ""


class Query:
    """A typed query, ready to test many search texts quickly (patterns compiled once, the
    answer for each distinct pinyin part remembered)."""

    def __init__(self, text: str) -> None:
        self.words = [w for w in (text or "").lower().split() if w]
        self.digits = [digits(w) if len(digits(w)) >= 3 and not re.search(r"[^\d\s\-()（）+]", w) else ""
                       for w in self.words]
        self.patterns = [loose_pinyin(w) for w in self.words]
        self._pinyin_hits: dict[tuple[int, str], bool] = {}

    def __bool__(self) -> bool:
        return bool(self.words)

    def _pinyin_in(self, i: int, pinyin: str) -> bool:
        """Word ``i`` as loose pinyin of one of the names (each distinct name tested once: units,
        people and products recur on many records)."""
        pattern = self.patterns[i]
        if pattern is None or not pinyin:
            return False
        hits = self._pinyin_hits
        for part in pinyin.split(" "):
            key = (i, part)
            hit = hits.get(key)
            if hit is None:
                hit = hits[key] = pattern.search(part) is not None
            if hit:
                return True
        return False

    def _word_in(self, i: int, plain: str, pinyin: str) -> int:
        """0 no, 1 in the plain text, 2 only as pinyin."""
        w = self.words[i]
        if w in plain or (self.digits[i] and self.digits[i] in plain):
            return 1
        return 2 if self._pinyin_in(i, pinyin) else 0

    def rank(self, number: str, search_text: str, unit: str = "") -> int | None:
        """``None`` when the record does not match; else lower is better."""
        if not self.words:
            return 9
        plain, _sep, pinyin = search_text.partition(SEP)
        how = []
        for i in range(len(self.words)):
            found = self._word_in(i, plain, pinyin)
            if not found:
                return None
            how.append(found)
        whole = " ".join(self.words)
        number = number.lower()
        unit = unit.lower()
        if whole == number:
            return 0
        if number.startswith(whole) or number.endswith(whole):
            return 1
        if unit and (unit == whole or unit.startswith(whole)):
            return 2
        if all(h == 1 for h in how):
            return 3 if whole in plain else 4
        if unit and all(h == 1 or (p is not None and p.search(pinyin_segments(unit)))
                        for h, p in zip(how, self.patterns, strict=True)):
            return 5  # the unit itself answers to the pinyin
        return 6

    def matches(self, search_text: str) -> bool:
        return self.rank("", search_text) is not None


def filter_rows(rows: Iterable[RegisterRow], text: str, query: Query | None = None) -> list[RegisterRow]:
    """The rows matching every word of ``text``, in their order.  Word by word over the rows
    still in: substring tests first (in C), loose pinyin only for the rows they left out.  ``query``:
    ``Query(text)`` kept over several calls (its answers for names already tested are reused)."""
    q = query or Query(text)
    rows = list(rows)
    if not q:
        return rows
    parts = [r.search_text.partition(SEP) for r in rows]
    keep = list(range(len(rows)))
    for i, w in enumerate(q.words):
        d = q.digits[i]
        hit = [n for n in keep if w in parts[n][0] or (d and d in parts[n][0])]
        if q.patterns[i] is not None:
            found = set(hit)
            seen: dict[str, bool] = {}  # a whole pinyin part recurs too (the same unit and person)
            for n in keep:
                if n in found:
                    continue
                py = parts[n][2]
                ok = seen.get(py)
                if ok is None:
                    ok = seen[py] = q._pinyin_in(i, py)
                if ok:
                    found.add(n)
            hit = [n for n in keep if n in found]
        keep = hit
        if not keep:
            break
    return [rows[n] for n in keep]


@dataclass(frozen=True)
class Match:
    kind: str
    id: str
    number: str
    unit: str
    status: str
    rank: int
    date: Any = None


def find(service: RecordService, text: str, kinds: Sequence[str] | None = None, limit: int = 200) -> list[Match]:
    """Every record of ``kinds`` (all by default) matching ``text``, best first (rank, then the
    newest)."""
    from sqlalchemy import literal, select

    from ..storage.schema import MODELS

    q = Query(text)
    out: list[tuple[tuple[Any, ...], Match]] = []
    with service.db.session() as s:
        conn = s.connection()
        for kind in kinds or list(MODELS):
            m = MODELS[kind]
            rec, spec = m.record, m.spec
            unit_col = getattr(rec, spec.customer_field) if spec.customer_field else literal("")
            date_col = getattr(rec, spec.date_field)
            for rid, number, status, search_text, unit, date in conn.execute(
                    select(rec.id, rec.number, rec.status, rec.search_text, unit_col, date_col)):
                rank = q.rank(number, search_text or "", unit or "")
                if rank is not None:
                    out.append(((rank, -_ordinal(date), number),
                                Match(kind, rid, number, unit or "", status, rank, date)))
    out.sort(key=lambda pair: pair[0])
    return [m for _k, m in out[:limit]]


def _ordinal(value: Any) -> int:
    try:
        return value.toordinal()
    except AttributeError:
        return 0


KEYS_ONLY = frozenset({"3"})  # schemes whose search text is today's: only the keys are worked out again


def _rekey(service: RecordService) -> int:
    """:func:`reindex_if_needed` from a scheme in :data:`KEYS_ONLY`: every record's ``search_keys``
    from the search text it has (no record is read whole: 11,428 records in a second, not six)."""
    from sqlalchemy import bindparam, select, update

    from ..storage.schema import MODELS, Setting

    n = 0
    with service.db.write() as s:
        for m in MODELS.values():
            rec = m.record.__table__
            rows = [{"rid": rid, "keys": search_keys_of(text or "")}
                    for rid, text in s.execute(select(rec.c.id, rec.c.search_text))]
            if rows:
                s.execute(update(rec).where(rec.c.id == bindparam("rid")).values(search_keys=bindparam("keys")), rows)
                n += len(rows)
        s.get(Setting, SCHEME_KEY).value = SCHEME
    return n


def reindex_if_needed(service: RecordService) -> int:
    """Give every record the current scheme's search text, once per data folder.  Returns how
    many records were rewritten (0 when the folder is already on this scheme)."""
    from sqlalchemy import update

    from ..storage.schema import MODELS, Setting

    with service.db.session() as s:
        row = s.get(Setting, SCHEME_KEY)
        if row is not None and row.value == SCHEME:
            return 0
        if row is not None and row.value in KEYS_ONLY:
            return _rekey(service)
    n = 0
    new: dict[str, list[tuple[str, str]]] = {}
    for kind, m in MODELS.items():
        if service.count(kind):  # a new, empty folder reads no record
            new[kind] = [(r.id, search_text_of(m.spec, r.number, r.values)) for r in service.all_records(kind)]
    # Search text is derived (an index, not content): no new version, no lineage change.
    with service.db.write() as s:
        for kind, pairs in new.items():
            rec = MODELS[kind].record
            for rid, text in pairs:
                s.execute(update(rec).where(rec.id == rid).values(search_text=text, search_keys=search_keys_of(text))
                          .execution_options(synchronize_session=False))
                n += 1
        row = s.get(Setting, SCHEME_KEY)
        if row is None:
            s.add(Setting(key=SCHEME_KEY, value=SCHEME))
        else:
            row.value = SCHEME
    return n


def due_first(kind: str, rows: list[RegisterRow]) -> list[RegisterRow]:
    """A register's rows with what is due first (issue 14): planned follow-ups by due date, the
    nearest (or most overdue) first, and open tickets by their first running deadline; the rest
    after them in the order given (newest first)."""
    from ..domain import followup as fu
    from ..domain import ticket_rules as rules

    if kind == fu.SPEC.kind:
        def key(r: RegisterRow) -> tuple[int, Any]:
            due = r.cells.get("due_date")
            return (0, _ordinal(due)) if r.status == fu.PLANNED and due is not None else (1, 0)
    elif kind == "ticket":
        def key(r: RegisterRow) -> tuple[int, Any]:
            if r.status not in rules.HANDLING_OPEN:
                return (1, "")
            times = [str(r.cells.get("handling_deadline") or "9999")]
            if r.status in rules.RESPONSE_OPEN and r.cells.get("response_deadline"):
                times.append(str(r.cells["response_deadline"]))
            return (0, min(times))
    else:
        return rows
    return sorted(rows, key=key)
