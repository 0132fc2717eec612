"""Looking customers, products and batches up while the phone rings (issue 6).

The clerk types part of a unit's name, a phone number (the unit's or a contact's), the customer
number, the full pinyin of the name or its initials (``bjdyyy`` finds 北京第一医院), and the unit is
among the first results at once.  The customers are read once into memory (Core rows, not ORM
objects) with their pinyin worked out, and read again only when the customer table changed: a
cheap signature query (count, last change, total text length) before each look-up, or
:meth:`CustomerLookup.invalidate` after a save (:func:`lookup_for` registers a save hook doing
that).  A look-up is then a pass over 10,000 short strings: a few milliseconds.

Polyphonic characters: the full pinyin takes the reading of the phrase (重庆 chongqing, 长沙
changsha, 银行 yinhang) and, where it differs, that of each character on its own; the initials
also accept each single other reading of a character, so a clerk who thinks 重庆 is "zq" still
finds it, as does one who types "cq".

Products are looked up the same way (name, pinyin, registration number); batches come from the
deliveries, filtered by customer and/or product.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import func, select

from ..domain import roles
from ..storage.schema import MODELS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .records import RecordService

SEP = "\x1f"  # between the keys of one entry: no query can match across two keys
_NON_DIGIT = re.compile(r"\D+")
_SPACES = re.compile(r"\s+")
# A query that is a phone number (digits, spaces, dashes, brackets, a leading +).
_PHONE_QUERY = re.compile(r"^\+?[\d\s\-()（）]{3,}$")
MIN_PHONE_DIGITS = 3  # fewer digits than this are not looked for in phone numbers
MAX_INITIAL_VARIANTS = 12
CHECK_SECONDS = 2.0  # how often a look-up looks whether the table changed


# ------------------------------------------------------------------------- the pinyin of a name


def _ascii_key(text: str) -> str:
    """Lower case, no spaces or punctuation: what pinyin keys are compared with."""
    return "".join(ch for ch in text.lower() if ch.isalnum() and ch.isascii())


@dataclass(frozen=True)
class PinyinKeys:
    """The spellings a name may be typed as: full pinyin (one or two readings) and initials
    (the usual reading first, then each single other reading of a polyphonic character)."""

    full: tuple[str, ...]
    initials: tuple[str, ...]


_cache: dict[str, PinyinKeys] = {}
_cache_lock = threading.Lock()


def pinyin_keys(name: str) -> PinyinKeys:
    """The pinyin spellings of ``name`` (cached: a rebuild after one customer changed costs only
    that customer's pinyin)."""
    keys = _cache.get(name)
    if keys is None:
        keys = _pinyin_keys(name)
        with _cache_lock:
            if len(_cache) > 200_000:
                _cache.clear()
            _cache[name] = keys
    return keys


def _typed_tokens(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """One entry per character that can be typed: Chinese characters with their readings, letters
    and digits as they are; spaces and punctuation skipped."""
    tokens: list[tuple[str, tuple[str, ...]]] = []
    for ch in name:
        if _is_han(ch):
            tokens.append((ch, _char_readings(ch)))
        else:
            key = _ascii_key(ch)
            if key:
                tokens.append((ch, (key,)))
    return tokens


def _pinyin_keys(name: str) -> PinyinKeys:
    # One entry per character that can be typed: Chinese characters by their readings, letters
    # and digits as they are (ABC酒店 → abcjd); spaces and punctuation are skipped.
    tokens = _typed_tokens(name)
    single = [readings[0] for _ch, readings in tokens]
    base = list(single)
    if any(len(readings) > 1 for _ch, readings in tokens):
        # A polyphonic character: read it in its phrase (重庆 → chong qing, 银行 → yin hang).
        base = _phrase_readings(tokens)
    full = tuple(dict.fromkeys(k for k in ("".join(base), "".join(single)) if k))
    base_initials = [r[0] if r else "" for r in base]
    variants = ["".join(base_initials)]
    for i, (_ch, readings) in enumerate(tokens):
        for alt in dict.fromkeys(r[0] for r in readings):
            if alt != base_initials[i] and len(variants) < MAX_INITIAL_VARIANTS:
                variants.append("".join(base_initials[:i]) + alt + "".join(base_initials[i + 1:]))
    return PinyinKeys(full, tuple(dict.fromkeys(v for v in variants if v)))


_char_cache: dict[str, tuple[str, ...]] = {}


def load_pinyin() -> None:
    """Load pypinyin's dictionaries now (about 0.7 s), not during the first request that needs a
    name's pinyin: head office's service does it as it starts."""
    from pypinyin.constants import PHRASES_DICT  # noqa: F401  (loading it is the point)
    from pypinyin.seg.mmseg import seg  # noqa: F401

    _char_readings("中")


def _char_readings(ch: str) -> tuple[str, ...]:
    """The toneless readings of one character, the most usual first (重 → zhong, chong, tong)."""
    found = _char_cache.get(ch)
    if found is None:
        from pypinyin import Style, pinyin

        options = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
        found = tuple(dict.fromkeys(_ascii_key(o) for o in options if _ascii_key(o))) or (ch,)
        _char_cache[ch] = found
    return found


def _phrase_readings(tokens: list[tuple[str, tuple[str, ...]]]) -> list[str]:
    """Each token's reading in its phrase: runs of Chinese characters are cut into words by
    pypinyin's segmenter and a word in its phrase dictionary is read as the dictionary says
    (what ``lazy_pinyin`` does, without its per-call overhead: 10,000 names in about a second)."""
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg.mmseg import seg

    out = [readings[0] for _ch, readings in tokens]
    i = 0
    while i < len(tokens):
        if not _is_han(tokens[i][0]):
            i += 1
            continue
        j = i
        while j < len(tokens) and _is_han(tokens[j][0]):
            j += 1
        k = i
        for word in seg.cut("".join(ch for ch, _r in tokens[i:j])):
            phrase = PHRASES_DICT.get(word) if len(word) > 1 else None
            if phrase and len(phrase) == len(word):
                out[k:k + len(word)] = [_toneless(p[0]) or out[k + n] for n, p in enumerate(phrase)]
            k += len(word)
        i = j
    return out


_syllables: dict[str, str] = {}


def _toneless(syllable: str) -> str:
    """chóng → chong, lǜ → lv (as pypinyin's NORMAL style writes it)."""
    found = _syllables.get(syllable)
    if found is None:
        decomposed = unicodedata.normalize("NFD", syllable).replace("u\u0308", "v")
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        found = _syllables[syllable] = _ascii_key(plain)
    return found


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0002ffff"


def digits(text: str | None) -> str:
    return _NON_DIGIT.sub("", text or "")


# A unit name as compared for sameness (the domain's, so that laptops agree).
normalise_name = roles.unit_key


# ------------------------------------------------------------------------- a generic in-memory index


@dataclass(frozen=True)
class _Entry:
    exact: frozenset[str]  # typed exactly: number, phone digits, name
    starts: str  # SEP + each of name, short name, pinyin, initials, phones: a prefix match ranks high
    blob: str  # ``starts`` and the other keys: a substring match anywhere
    phones: str  # SEP + each phone's digits
    order: tuple[Any, ...]  # (no longer active?, …): inactive last, then within a rank shorter names first
    pinyin: str = ""  # the names' syllables (``pinyin_segments``), for loose pinyin (bjyy)


H = TypeVar("H")


class _Index(Generic[H]):
    """Entries and their hits, ranked by how the text matched.

    Matching is plain substring tests on one string per entry (``in`` runs in C): a pass over
    10,000 entries takes a few milliseconds; only the entries that match are ranked.
    """

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.hits: list[H] = []
        self._blobs: list[str] = []
        self._phones: list[str] = []
        self._pinyin: list[str] = []

    def add(self, entry: _Entry, hit: H) -> None:
        self.entries.append(entry)
        self.hits.append(hit)
        self._blobs.append(entry.blob)
        self._phones.append(entry.phones)
        self._pinyin.append(entry.pinyin)

    def __len__(self) -> int:
        return len(self.hits)

    def find(self, text: str, limit: int) -> list[H]:
        words = text.strip().lower().split()
        if not words:
            return []
        whole = "".join(words)
        dq = digits(text) if _PHONE_QUERY.match(text.strip()) else ""
        if len(dq) < MIN_PHONE_DIGITS:
            dq = ""
        plain = _ascii_key(whole) if whole.isascii() else ""
        plain = plain if plain and plain != whole else ""
        blobs = self._blobs
        found = {i for i, b in enumerate(blobs) if whole in b}
        if dq:
            found.update(i for i, p in enumerate(self._phones) if dq in p)
        if plain:
            found.update(i for i, b in enumerate(blobs) if plain in b)
        several = len(words) > 1
        if several:  # every word somewhere, not necessarily together (北京 医院)
            found.update(i for i, b in enumerate(blobs) if all(w in b for w in words))
        # Loose pinyin: initials in order with gaps, full syllables, or both (bjyy, beijingyy).
        loose = loose_pinyin(whole) if whole.isascii() and not dq else None
        loosely: set[int] = set()
        if loose is not None:
            loosely = {i for i, py in enumerate(self._pinyin) if py and i not in found and loose.search(py)}
            found |= loosely
        starts = [SEP + k for k in (whole, dq, plain) if k]
        ranked: list[tuple[int, tuple[Any, ...], int]] = []
        for i in found:
            e = self.entries[i]
            if whole in e.exact or (dq and dq in e.exact) or (plain and plain in e.exact):
                rank = 0
            elif any(k in e.starts for k in starts):
                rank = 1
            elif whole in e.blob or (dq and dq in e.phones) or (plain and plain in e.blob):
                rank = 2
            elif i in loosely:
                rank = 4
            else:
                rank = 3
            # Units no longer in business (order[0]) after all others, unless typed exactly.
            ranked.append((rank > 0 and bool(e.order[0]), rank, e.order, i))
        ranked.sort()
        return [self.hits[r[3]] for r in ranked[:limit]]


def _entry(*, exact: Iterable[str], names: Sequence[str], other: Iterable[str], phones: Iterable[str],
           order: tuple[Any, ...]) -> _Entry:
    name_keys: list[str] = []
    for i, n in enumerate(names):
        if not n:
            continue
        if i and n in names[0]:  # a short name cut from the name: its pinyin is in the name's
            name_keys.append(_SPACES.sub("", n.lower()))
            continue
        py = pinyin_keys(n)
        name_keys += [_SPACES.sub("", n.lower()), *py.full, *py.initials]
    phone_keys = [p for p in dict.fromkeys(phones) if p]
    starts = "".join(SEP + k for k in dict.fromkeys((*name_keys, *phone_keys)) if k)
    others = "".join(SEP + _SPACES.sub("", o.lower()) for o in other if o)
    pinyin = " ".join(p for p in (pinyin_segments(n) for n in names if n) if p)
    return _Entry(frozenset(k for k in exact if k), starts, starts + others,
                  "".join(SEP + p for p in phone_keys), order, pinyin)


class _Cached(Generic[H]):
    """An index read again only when its table's signature changed (or after ``invalidate``)."""

    def __init__(self, service: RecordService) -> None:
        self.service = service
        self._index: _Index[H] | None = None
        self._signature: tuple[Any, ...] | None = None
        self._lock = threading.RLock()
        self.build_seconds = 0.0
        self._checked = 0.0

    def invalidate(self) -> None:
        with self._lock:
            self._index = None
            self._signature = None

    def _table_signature(self, s: Session) -> tuple[Any, ...]:
        raise NotImplementedError

    def _build(self, s: Session) -> _Index[H]:
        raise NotImplementedError

    def index(self) -> _Index[H]:
        """The index, read again if the table changed since it was built.  The table is looked at
        at most every ``CHECK_SECONDS`` (the typing clerk's key presses do not each cost a query);
        a save through the services invalidates at once (:func:`lookup_for`)."""
        with self._lock:
            if self._index is not None and time.monotonic() - self._checked < CHECK_SECONDS:
                return self._index
            with self.service.db.session() as s:
                signature = self._table_signature(s)
                if self._index is None or signature != self._signature:
                    started = time.perf_counter()
                    self._index = self._build(s)
                    self._signature = signature
                    self.build_seconds = time.perf_counter() - started
            self._checked = time.monotonic()
            return self._index

    def warm(self) -> None:
        """Build the index now (e.g. in a background thread when a form opens)."""
        self.index()


def _total(expr: Any) -> Any:
    """The sum of ``expr`` over the rows, 0 for none (SQLite's ``total()``, which PostgreSQL lacks)."""
    return func.coalesce(func.sum(expr), 0)


def _record_signature(s: Session, rec: Any, *extra: Any) -> tuple[Any, ...]:
    row = s.execute(select(func.count(), func.max(rec.updated_at), _total(func.length(rec.search_text)),
                           *extra)).one()
    return tuple(row)


# ------------------------------------------------------------------------- customers


@dataclass(frozen=True)
class ContactInfo:
    name: str
    phone: str
    position: str
    primary: bool


@dataclass(frozen=True)
class CustomerHit:
    id: str
    number: str
    name: str
    phone: str
    address: str
    region: str
    sales_rep: str
    contacts: tuple[ContactInfo, ...]
    short_name: str = ""
    status: str = ""

    def primary_contact(self) -> ContactInfo | None:
        """The primary contact, else the first one."""
        return next((c for c in self.contacts if c.primary), self.contacts[0] if self.contacts else None)

    def contact(self, name: str) -> ContactInfo | None:
        key = normalise_name(name)
        return next((c for c in self.contacts if normalise_name(c.name) == key), None)


class CustomerLookup(_Cached[tuple]):
    """Customers by part of the name, phone digits (unit or contact), pinyin (full or initials)
    or number: exact number/phone/name first, then prefixes of the name or its pinyin, then
    substrings; within each, units still in business first and shorter names first.

    The index keeps each customer's row as read (a tuple) and its match keys; a rebuild reuses the
    keys of every row that did not change, and :class:`CustomerHit` objects are made only for the
    results."""

    def __init__(self, service: RecordService) -> None:
        super().__init__(service)
        self._by_name: dict[str, tuple] = {}
        self._entries: dict[str, tuple[tuple, _Entry]] = {}

    def _table_signature(self, s: Session) -> tuple[Any, ...]:
        m = MODELS["customer"]
        rec, row_cls = m.record, m.rows["contacts"]
        # Count and last change catch a save; the text lengths catch an import that rewrote a
        # customer with an older change time (from another laptop).  ~10-20 ms on 10,000.
        contacts = select(func.count(row_cls.id), _total(func.length(row_cls.name) + func.length(row_cls.phone)))
        return (*s.execute(select(func.count(rec.id), func.max(rec.updated_at),
                                  _total(func.length(rec.search_text)))).one(),
                *s.execute(contacts).one())

    def _build(self, s: Session) -> _Index[tuple]:
        from ..domain.customer import ACTIVE

        m = MODELS["customer"]
        rec, row_cls = m.record, m.rows["contacts"]
        contacts: dict[str, list[tuple]] = {}
        conn = s.connection()
        # ``post`` is the contact's job (职务/部门); ``position`` the row's place in the table.
        for rid, pos, name, phone, post, primary in conn.execute(
                select(row_cls.record_id, row_cls.position, row_cls.name, row_cls.phone, row_cls.post,
                       row_cls.primary).order_by(row_cls.record_id, row_cls.position)):
            contacts.setdefault(rid, []).append((name or "", phone or "", post or "", bool(primary)))
        index: _Index[tuple] = _Index()
        by_name: dict[str, tuple] = {}
        old, entries = self._entries, {}
        q = select(rec.id, rec.number, rec.status, rec.name, rec.short_name, rec.phone, rec.address, rec.region,
                   rec.sales_rep).order_by(rec.number)
        for row in conn.execute(q):
            raw = (*(v or "" for v in row), tuple(contacts.get(row[0], ())))
            rid, number, status, name, short, phone, address, region, rep, people = raw
            cached = old.get(rid)
            if cached is not None and cached[0] == raw:
                entry = cached[1]
            else:
                phone_digits = [digits(phone), *(digits(c[1]) for c in people)]
                entry = _entry(
                    exact=[number.lower(), normalise_name(name), normalise_name(short), *phone_digits],
                    names=[name, short],
                    other=[number, region, address, rep, *(c[0] for c in people)],
                    phones=phone_digits,
                    order=(status != ACTIVE, len(name), name),
                )
            entries[rid] = (raw, entry)
            index.add(entry, raw)
            key = normalise_name(name)
            if key and (key not in by_name or (by_name[key][2] != ACTIVE and status == ACTIVE)):
                by_name[key] = raw
        self._entries, self._by_name = entries, by_name
        return index

    @staticmethod
    def _hit(raw: tuple) -> CustomerHit:
        rid, number, status, name, short, phone, address, region, rep, people = raw
        return CustomerHit(rid, number, name, phone, address, region, rep,
                           tuple(ContactInfo(*c) for c in people), short, status)

    def find(self, text: str, limit: int = 20) -> list[CustomerHit]:
        return [self._hit(raw) for raw in self.index().find(text, limit)]

    def by_name(self, name: str) -> CustomerHit | None:
        """The customer whose unit name is ``name`` (spaces and bracket widths aside)."""
        self.index()
        raw = self._by_name.get(normalise_name(name))
        return None if raw is None else self._hit(raw)

    def __len__(self) -> int:
        return len(self.index())


# ------------------------------------------------------------------------- products


@dataclass(frozen=True)
class ProductHit:
    id: str
    number: str
    name: str
    category: str
    active_ingredient: str
    content: str
    registration_no: str
    packaging: str
    pack_size: str
    unit: str
    shelf_life_months: int | None
    status: str = ""


class ProductLookup(_Cached[ProductHit]):
    """Products by part of the name, pinyin, number, active ingredient or registration number;
    products on sale first."""

    def __init__(self, service: RecordService) -> None:
        super().__init__(service)
        self._by_name: dict[str, ProductHit] = {}

    def _table_signature(self, s: Session) -> tuple[Any, ...]:
        return _record_signature(s, MODELS["product"].record)

    def _build(self, s: Session) -> _Index[ProductHit]:
        from ..domain.product import ON_SALE

        rec = MODELS["product"].record
        index: _Index[ProductHit] = _Index()
        by_name: dict[str, ProductHit] = {}
        q = select(rec.id, rec.number, rec.status, rec.name, rec.category, rec.active_ingredient, rec.content,
                   rec.registration_no, rec.packaging, rec.pack_size, rec.unit, rec.shelf_life_months,
                   ).order_by(rec.registered_date.desc(), rec.number)
        for row in s.connection().execute(q):
            rid, number, status, name, category, ingredient, content, reg, packaging, size, unit, life = row
            hit = ProductHit(rid, number, name or "", category or "", ingredient or "", content or "", reg or "",
                             packaging or "", size or "", unit or "", life, status or "")
            entry = _entry(exact=[number.lower(), normalise_name(name), (reg or "").lower()], names=[hit.name],
                           other=[number, hit.registration_no, hit.active_ingredient, hit.category],
                           phones=[], order=(status != ON_SALE, len(hit.name), hit.name))
            index.add(entry, hit)
            key = normalise_name(name)
            if key and (key not in by_name or (by_name[key].status != ON_SALE and status == ON_SALE)):
                by_name[key] = hit
        self._by_name = by_name
        return index

    def find(self, text: str, limit: int = 20) -> list[ProductHit]:
        return self.index().find(text, limit)

    def by_name(self, name: str) -> ProductHit | None:
        self.index()
        return self._by_name.get(normalise_name(name))


# ------------------------------------------------------------------------- batches


@dataclass(frozen=True)
class BatchHit:
    """One delivery of a batch: what a form needs to name the batch and its expiry."""

    delivery_id: str
    number: str
    batch_no: str
    product_name: str
    customer_unit: str
    delivery_date: dt.date | None
    expiry_date: dt.date | None
    production_date: dt.date | None
    unit: str = ""


def find_batches(service: RecordService, *, customer: str = "", product: str = "", text: str = "",
                 limit: int = 50) -> list[BatchHit]:
    """Deliveries of ``customer`` and/or ``product`` whose batch number contains ``text``, the
    latest first; one line per delivery (the same batch may go to two customers)."""
    rec = MODELS["delivery"].record
    q = select(rec.id, rec.number, rec.batch_no, rec.product_name, rec.customer_unit, rec.delivery_date,
               rec.expiry_date, rec.production_date, rec.unit)
    if customer.strip():
        q = q.where(rec.customer_unit == customer.strip())
    if product.strip():
        q = q.where(rec.product_name == product.strip())
    if text.strip():
        escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        q = q.where(rec.batch_no.like(f"%{escaped}%", escape="\\"))
    q = q.order_by(rec.delivery_date.desc(), rec.number.desc()).limit(limit)
    with service.db.session() as s:
        return [BatchHit(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5], r[6], r[7], r[8] or "")
                for r in s.connection().execute(q)]


# ------------------------------------------------------------------------- one look-up per service


@dataclass
class Lookups:
    customers: CustomerLookup
    products: ProductLookup

    def batches(self, *, customer: str = "", product: str = "", text: str = "", limit: int = 50) -> list[BatchHit]:
        return find_batches(self.customers.service, customer=customer, product=product, text=text, limit=limit)


def lookup_for(service: RecordService) -> Lookups:
    """The look-ups shared by every form of ``service`` (kept on the service), invalidated
    whenever an operation changed a customer or product (cheap: the index is rebuilt at the next
    look-up, and the pinyin of names already seen is cached)."""
    found: Lookups | None = getattr(service, "_desk_lookups", None)
    if found is None:
        found = Lookups(CustomerLookup(service), ProductLookup(service))
        service._desk_lookups = found  # type: ignore[attr-defined]
        service.on_change(_invalidating_listener(weakref.ref(found)))
    return found


def _invalidating_listener(ref: Callable[[], Lookups | None]) -> Callable[..., None]:
    def listener(changed: Iterable[Any]) -> None:
        found = ref()
        if found is None:
            return
        kinds = {c.kind for c in changed}
        if "customer" in kinds:
            found.customers.invalidate()
        if "product" in kinds:
            found.products.invalidate()

    return listener


# ------------------------------------------------------------------------- loose pinyin (issue 14)

_segment_cache: dict[str, str] = {}


def pinyin_segments(name: str) -> str:
    """The syllables of ``name`` as ``|bei|jing|shi|di|yi|...`` (its phrase reading), what
    :func:`loose_pinyin` matches; "" for a name with no Chinese character."""
    found = _segment_cache.get(name)
    if found is not None:
        return found
    tokens = _typed_tokens(name)
    if not any(_is_han(ch) for ch, _r in tokens):
        found = ""
    else:
        readings = _phrase_readings(tokens) if any(len(r) > 1 for _c, r in tokens) else [r[0] for _c, r in tokens]
        found = "".join("|" + r for r in readings if r)
    with _cache_lock:
        if len(_segment_cache) > 200_000:
            _segment_cache.clear()
        _segment_cache[name] = found
    return found


_LOOSE = re.compile(r"^[a-z]{2,30}$")  # letters only: a word with digits is a batch or a number
_loose_patterns: dict[str, re.Pattern[str] | None] = {}


def loose_pinyin(word: str) -> re.Pattern[str] | None:
    """A pattern over :func:`pinyin_segments` text for a typed pinyin word: each syllable typed
    as a prefix of it (its initial, a part, or all of it), syllables skipped anywhere, in order —
    ``bjyy``, ``bjsdyrmyy``, ``beijingyy``, ``beijdiyiyiyuan`` all find 北京市第一人民医院.  ``None``
    when ``word`` cannot be pinyin (not ASCII letters, or a single letter)."""
    word = word.lower()
    if word in _loose_patterns:
        return _loose_patterns[word]
    pattern = None
    if _LOOSE.match(word):
        # Between two typed letters: the same syllable goes on, or a later syllable of the same
        # name starts (names are separated by spaces).
        pattern = re.compile(r"\|" + r"(?:[^ ]*?\|)?".join(re.escape(c) for c in word))
    if len(_loose_patterns) > 10_000:
        _loose_patterns.clear()
    _loose_patterns[word] = pattern
    return pattern


# ------------------------------------------------------- keys that narrow a loose pinyin search
# Every toneless syllable pypinyin reads a character as (``pypinyin.pinyin_dict``, NORMAL style;
# ``tests/test_search_keys.py`` checks the list against the installed pypinyin).  Kept here, not
# worked out at start: loading pypinyin's whole dictionary takes over a second.
SYLLABLES = frozenset((  # noqa: SIM905 (a list of 425 words, read as one)
    "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai can cang cao "
    "ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun "
    "chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die din ding diu "
    "dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei "
    "gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hm hng hong hou hu "
    "hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang "
    "kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia "
    "lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve m ma mai man mang mao me mei men meng mi "
    "mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia nian niang niao nie nin "
    "ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po "
    "pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru "
    "rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu "
    "shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian "
    "tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie "
    "xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang "
    "zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang "
    "zhui zhun zhuo zi zong zou zu zuan zui zun zuo"
).split())
_PREFIXES = frozenset(s[:i] for s in SYLLABLES for i in range(2, len(s) + 1))
UNSURE_KEY = "~"  # a record with a name syllable outside SYLLABLES: every loose word may match it


def pinyin_keys_of(pinyin: str) -> str:
    """The search keys of a record's pinyin part (``pinyin_segments`` of its names, joined by
    spaces), for every two syllables of one name, in order: their initials (北京市第一医院 → ``bj bs
    … jy … yy``), when both have two letters or more their first two letters each (``bejiyi`` no:
    ``beji``, ``beyi``, … ``yiyi``), and when the first has three or more its first three with the
    second's two (``beiji``: 张丽 ``zhali`` is not 郑立 ``zheli``); space-separated, plus
    :data:`UNSURE_KEY` when a name has a syllable outside :data:`SYLLABLES`.  What :func:`loose_keys`
    narrows a search by.  Each name's keys in sorted order, the names in the order given, each key
    once: the same names give the same text."""
    names = pinyin.split(" ")
    if len(names) == 1:
        return " ".join(_keys_for(names[0]))
    return " ".join(dict.fromkeys(chain.from_iterable(map(_keys_for, names))))


def _keys_for(name: str) -> tuple[str, ...]:
    found = _name_keys.get(name)
    return found if found is not None else _keep(_name_keys, name, tuple(sorted(_keys_of_name(name))), 200_000)


def _keep(cache: dict[Any, Any], key: Any, value: Any, limit: int) -> Any:
    """``value``, remembered under ``key`` in ``cache`` (emptied first once it holds ``limit``)."""
    if len(cache) > limit:
        cache.clear()
    cache[key] = value
    return value


# The keys of each name's pinyin, remembered: units, people and products recur on many records,
# and a long unit name has dozens of pairs (a sync works them out for thousands of records).
_name_keys: dict[str, tuple[str, ...]] = {}


def _keys_of_name(name: str) -> frozenset[str]:
    keys: set[str] = set()
    syllables = [s for s in name.split("|")[1:] if s and "a" <= s[0] <= "z"]
    if any(len(s) > 1 and s not in SYLLABLES for s in syllables):
        keys.add(UNSURE_KEY)
    for i, a in enumerate(syllables):
        for b in syllables[i + 1:]:
            keys.add(a[0] + b[0])
            if len(a) > 1 and len(b) > 1:
                keys.add(a[:2] + b[:2])
                if len(a) > 2:  # zhang·li: zhali, which 郑立 (zheli) has not
                    keys.add(a[:3] + b[:2])
    return frozenset(keys)


_MAX_READINGS = 400  # ways of cutting a typed word into syllables beyond which only its sure keys count
_MAX_WAYS = 32  # ways (left after those implied by others) the index is asked for, at most
_KEYS_PER_WAY = 3  # the rarest keys of one way of cutting the word that the index is asked for


def loose_keys(word: str) -> tuple[list[str], list[str]]:
    """What a record matching ``word`` as loose pinyin has among its keys (:func:`pinyin_keys_of`):
    every key of the first list (the pairs of the word's letters that start a syllable in every way
    of cutting it into syllable starts: ``bjyy`` → ``bj by jy yy``) and every key of one entry at
    least of the second (for each way of cutting it, its rarest keys, space-separated: ``zhangli`` →
    ``zhli zl`` for zhang·li, ``hali hl zh`` for z·hang·li, …; an entry holding another's keys is
    left out).  Either may be empty: both when one way needs nothing (``zhang``, a single syllable)
    or ``word`` is not loose pinyin; the second when there are very many ways."""
    word = word.lower()
    if loose_pinyin(word) is None:
        return [], []
    found = _loose_keys.get(word)
    if found is None:
        found = _keep(_loose_keys, word, _loose_keys_of(word), 10_000)
    return list(found[0]), list(found[1])


_loose_keys: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_USUAL_INITIALS = "yzsjxlhdbgcmqwtnpfkraeo"  # roughly the most frequent syllable initials first


def _rarest_first(key: str) -> tuple[int, int]:
    return -len(key), -sum(_USUAL_INITIALS.find(c) % 30 for c in key[::2])


def _loose_keys_of(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    inside = set()  # positions some syllable start of two letters or more runs across
    for a in range(len(word)):
        for b in range(a + 2, len(word) + 1):
            if word[a:b] in _PREFIXES:
                inside.update(range(a + 1, b))
    starts = [c for i, c in enumerate(word) if i not in inside]
    sure = tuple(sorted({a + b for i, a in enumerate(starts) for b in starts[i + 1:]}))
    cuts: list[list[str]] = []

    def cut(at: int, parts: list[str]) -> bool:
        if at == len(word):
            cuts.append(parts)
            return len(cuts) <= _MAX_READINGS
        for end in range(len(word), at, -1):  # a syllable start of two letters or more, or one letter
            if (end - at == 1 or word[at:end] in _PREFIXES) and not cut(end, [*parts, word[at:end]]):
                return False
        return True

    if not cut(0, []):
        return sure, ()
    ways = set()
    for parts in cuts:
        keys = set()
        for i, a in enumerate(parts):
            for b in parts[i + 1:]:
                keys.add(a[0] + b[0])
                if len(a) > 1 and len(b) > 1:
                    keys.add(a[:2] + b[:2])
                    if len(a) > 2:
                        keys.add(a[:3] + b[:2])
        if not keys:
            return (), ()  # one syllable: every record with a syllable that starts so may match
        ways.add(" ".join(sorted(sorted(keys, key=_rarest_first)[:_KEYS_PER_WAY])))
    least = {w for w in ways if not any(o != w and set(o.split()) <= set(w.split()) for o in ways)}
    return sure, tuple(sorted(least)) if len(least) <= _MAX_WAYS else ()
