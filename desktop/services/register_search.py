"""The register's search (a part of ``RecordService``, see ``services.records``): the rows of one
kind filtered by every word typed, by status and by laptop — on a laptop every row, at head office
(100,000 complaints) only the newest that match, found by the database (``docs/sync.md``, register
search)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, func, or_, select

from ..domain.fields import BATCH_COLUMN, PRODUCT_COLUMN

if TYPE_CHECKING:
    from .records import RegisterRow


def _register_column(rec: Any, key: str) -> Any:
    if key == PRODUCT_COLUMN:
        return rec.register_product
    if key == BATCH_COLUMN:
        return rec.register_batch
    return getattr(rec, key)


FEW = 10_000  # records of a status (or laptop) read whole and sorted rather than newest first


def _plan_for_a_few(s: Any, rec: Any, indexed: list[Any]) -> None:
    """PostgreSQL plans a cursor's query for its first rows (``cursor_tuple_fraction`` 0.1): newest
    first through the date index, testing every record's status on the way — right for 已关闭 (most
    records), slow for a status few have (调查中, 6 % of 100,000 complaints: 90 ms for ``zhang``).
    When the status and laptop filters leave fewer than :data:`FEW` records (counted through their
    index, no more than that: 1-10 ms), the query is planned for all its rows: those records by the
    index, sorted (45 ms)."""
    few = s.execute(select(func.count()).select_from(select(rec.id).where(*indexed).limit(FEW).subquery())).scalar_one()
    if few < FEW:
        s.connection().exec_driver_sql("SET LOCAL cursor_tuple_fraction = 1.0")


def _register_select(rec: Any, keys: Sequence[str]) -> Any:
    """The columns a register row is made of (:func:`_register_row`): id, number, status, search text,
    then the register's columns."""
    return select(rec.id, rec.number, rec.status, rec.search_text, *(_register_column(rec, k) for k in keys))


def _register_row(keys: Sequence[str], row: Any) -> RegisterRow:
    from .records import RegisterRow

    return RegisterRow(row[0], row[1], row[2], dict(zip(keys, row[4:], strict=True)), row[3])


def _filters(rec: Any, status: str | None, origin: str | None) -> list[Any]:
    """The status and laptop filters, by their indexes."""
    return [*([rec.status == status] if status else []), *([rec.origin == origin] if origin else [])]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class RegisterSearchMixin:
    """``search`` and ``register_limit`` of :class:`services.records.RecordService`."""

    db: Any
    _models: Any

    # How many rows a register shows at most, newest first, the rest found by searching (``None``:
    # every row, as on a laptop; head office's service sets it: 100,000 complaints are not loaded).
    register_limit: int | None = None

    def search(self, kind: str, text: str = "", limit: int | None = None, status: str | None = None,
               origin: str | None = None, ids: Sequence[str] | None = None) -> list[RegisterRow]:
        """The register, filtered by every word of ``text`` (number, unit, product, batch, …).

        One table, no joins: the product and batch summary is kept on the record at every save, so
        10,000 records come back in tens of milliseconds.  Core rows, not ORM objects, for the
        same reason.  ``status``: only the records in that status; ``origin``: only those made by
        that laptop (its code).  With ``limit`` (head office's
        register, 100,000 complaints) the rows are read newest first only until that many match:
        a substring is looked up through the search-text index (a trigram index on PostgreSQL), a
        word of letters that may be pinyin is narrowed in the database (on PostgreSQL by the keys
        its records must have, ``search_keys``' GIN index: ``lookup.loose_keys``) and tested exactly
        here, newest first until that many match.  ``ids``: only those records, in that order (a
        首页 figure's: :meth:`_search_among`).
        """
        from .records import RegisterRow, filter_rows

        if ids is not None:
            return self._search_among(kind, ids, text, limit, status, origin)
        m = self._models(kind)
        spec = m.spec
        rec = m.record
        keys = spec.register
        date_col = getattr(rec, spec.date_field)
        q = _register_select(rec, keys).order_by(date_col.desc(), rec.number.desc())
        # The status and laptop filters: by their indexes, except where the pinyin keys narrow the
        # candidates (below): there the planner, planning for the values, took the status index and
        # tested every record in that status against the keys (1.7 s for a rare name among 100,000
        # complaints, 调查中), where the keys' index finds the few candidates at once.
        indexed = _filters(rec, status, origin)
        beside_keys = [*([func.coalesce(rec.status, "") == status] if status else []),
                       *([func.coalesce(rec.origin, "") == origin] if origin else [])]
        words = text.lower().split()
        letters = any(w.isascii() and w.isalpha() for w in words)

        with self.db.session() as s:
            from sqlalchemy import Text, cast, literal_column
            from sqlalchemy.dialects.postgresql import ARRAY
            from sqlalchemy.dialects.postgresql import array as pg_array

            from .lookup import UNSURE_KEY, loose_keys, loose_pinyin
            from .search import SEP, Query
            from .search import filter_rows as filter_words

            exact = s.get_bind().dialect.name == "postgresql"  # the database tests what Python would
            at = func.strpos(rec.search_text, SEP)
            plain = case((at > 0, func.substr(rec.search_text, 1, at - 1)), else_=rec.search_text)

            def found(part: str, exactly: bool = exact) -> Any:  # in the search text (through its index) ...
                like = rec.search_text.like(f"%{_like_escape(part)}%", escape="\\")
                # ... and, where the database can say exactly what search.Query does, in its plain part
                return and_(like, plain.like(f"%{_like_escape(part)}%", escape="\\")) if exactly else like

            query = Query(text)
            narrowed = []  # on PostgreSQL: the conditions of the words narrowed by their pinyin keys
            for word, number in zip(query.words, query.digits, strict=True):
                pattern = loose_pinyin(word) if word.isascii() else None
                loose = pattern is not None
                # A loose pinyin word is tested exactly here (filter_rows), on the rows the database finds
                # by its substring or by what the pinyin needs: the pairs of initials of loose_keys in the
                # record's keys (GIN index), else its letters in order, the first starting a syllable.
                # A word of two letters (bj, yy) is not narrowed: its keys hold for a tenth of the
                # register and the trigram index has no trigram of it (2.6 s); read newest first.
                sure, any_of = loose_keys(word) if loose and exact and len(word) > 2 else ([], [])
                needs = sure or any_of
                either = [found(word, exact and not loose)] + ([found(number, exact and not loose)] if number else [])
                if needs:
                    arr = func.string_to_array(rec.search_keys, literal_column("' '"))
                    keyed = [arr.op("@>")(cast(pg_array(sure), ARRAY(Text)))] if sure else []
                    if any_of:
                        keyed.append(or_(*(arr.op("@>")(cast(pg_array(way.split()), ARRAY(Text))) for way in any_of)))
                    either += [and_(*keyed), arr.op("@>")(cast(pg_array([UNSURE_KEY]), ARRAY(Text)))]
                elif loose:  # nothing to narrow by (zhang: many match): read newest first until the screen is
                    # full (a regular expression in PostgreSQL costs more than this test and Python's)
                    either.append(rec.search_text.like("%|" + "%".join(word) + "%"))
                if needs:
                    narrowed.append(or_(*either))
                else:
                    q = q.where(or_(*either))
            letters = any(loose_pinyin(w) is not None for w in query.words) if exact else letters
            if narrowed and limit:  # the candidates through the index, only their search text read and
                # sorted (a planner's guess of how many match must not make it read the register newest
                # first to the end), tested here newest first; then the register rows of those that match
                cond = [*narrowed, *beside_keys, *([q.whereclause] if q.whereclause is not None else [])]
                candidates = (select(rec.id, rec.number, rec.search_text, date_col.label("day")).where(*cond)
                              .cte("candidates").prefix_with("MATERIALIZED"))
                c = candidates.c
                ordered = select(c.id, c.search_text).order_by(c.day.desc(), c.number.desc())
                hits: list[str] = []
                conn = s.connection()
                conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")  # thousands of candidates sorted in memory
                result = conn.execution_options(stream_results=True, max_row_buffer=1000).execute(ordered)
                for chunk in result.partitions(1000):
                    rows = [RegisterRow(rid, "", "", {}, st or "") for rid, st in chunk]
                    hits += [r.id for r in filter_words(rows, text, query)]
                    if len(hits) >= limit:
                        break
                result.close()
                if not hits:
                    return []
                return [_register_row(keys, row) for row in s.connection().execute(
                    q.where(*indexed, rec.id.in_(hits[:limit])))]
            q = q.where(*indexed)
            if narrowed:
                q = q.where(*narrowed)
            if limit and not letters:
                q = q.limit(limit)
            if not (letters and limit):
                rows = [_register_row(keys, row) for row in s.connection().execute(q)]
                return (filter_rows(rows, text)[:limit] if limit else filter_rows(rows, text)) if words else rows
            # Newest first until the screen is full: the rows are read and tested a chunk at a time.
            out: list[RegisterRow] = []
            if exact and indexed:
                _plan_for_a_few(s, rec, indexed)
            result = s.connection().execution_options(stream_results=True, max_row_buffer=2000).execute(q)
            for chunk in result.partitions(2000):
                out += filter_rows([_register_row(keys, row) for row in chunk], text)
                if len(out) >= limit:
                    break
            result.close()
            return out[:limit]

    def _search_among(self, kind: str, ids: Sequence[str], text: str, limit: int | None, status: str | None,
                      origin: str | None) -> list[RegisterRow]:
        """The register rows of ``ids`` that match (words, status, laptop), in the order of ``ids``;
        with ``limit``, read a thousand at a time only until that many match: a 首页 figure at head
        office (every open complaint of 100,000) is shown from its first records on, not only where
        it meets the newest rows."""
        from .records import filter_rows

        m = self._models(kind)
        rec = m.record
        keys = m.spec.register
        q = _register_select(rec, keys).where(*_filters(rec, status, origin))
        out: list[RegisterRow] = []
        with self.db.session() as s:
            for start in range(0, len(ids), 1000):
                chunk = list(ids[start:start + 1000])
                found = {row[0]: _register_row(keys, row) for row in s.connection().execute(q.where(rec.id.in_(chunk)))}
                rows = [found[rid] for rid in chunk if rid in found]
                if text.strip():  # the figure's order kept (filter_rows ranks best first)
                    matched = {r.id for r in filter_rows(rows, text)}
                    rows = [r for r in rows if r.id in matched]
                out += rows
                if limit and len(out) >= limit:
                    return out[:limit]
        return out

