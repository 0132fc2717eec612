"""Head office's record service: the same :class:`RecordService` as a laptop's, on the PostgreSQL
database (``storage.server_db``) with its photos in the database.

The head-office window (``aftersales-desk --database URL``) works on :class:`HeadOfficeRecords`:
the same service, whose registers also carry which laptop made each record (``origin``) and which
staff member made and last changed it, and whose work is done as the logged-in user
(:func:`open_head_office`, :func:`authenticate`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...domain.settings import Settings
from ...storage.errors import StorageError
from ...storage.server_accounts import HEAD_OFFICE_CODE, SyncProposal, check_login
from ...storage.server_db import DatabasePhotoStore, open_server_database
from ..records import RecordService, RegisterRow

# Cells of head office's register rows: the laptop, who made the record, who changed it last, and
# both in one column ("王测试", or "王测试 → 孙品（品质部）" once someone else changed it).
ORIGIN, CREATED_BY, UPDATED_BY, STAFF = "@origin", "@created_by", "@updated_by", "@staff"
__all__ = ["HEAD_OFFICE_CODE", "HeadOfficeRecords", "HeadOfficeUnavailable", "HeadOfficeUser", "authenticate",
           "open_head_office", "proposal_fields", "server_records"]


def server_records(url: str, clock: Any = None, *, receiving: bool = False) -> RecordService:
    """The record service on the head-office database (created or upgraded first), with its photos
    in the database; head office numbers its own records with :data:`HEAD_OFFICE_CODE`.
    ``receiving``: for the sync service and a bundle's import, which receive laptops' batches (each
    query planned for its values: ``storage.server_db.server_engine``)."""
    db = open_server_database(url, prepared=not receiving)
    service = RecordService(db, DatabasePhotoStore(db), clock)
    _own_code(service)
    return service


def _own_code(service: RecordService) -> None:
    st = RecordService.settings(service)
    if st.laptop_code != HEAD_OFFICE_CODE:
        st.laptop_code = HEAD_OFFICE_CODE
        st.staff_name = st.staff_name or "总部"
        RecordService.save_settings(service, st)


@dataclass(frozen=True)
class HeadOfficeUser:
    name: str
    role: str

    @property
    def label(self) -> str:
        """How the user signs what they do: 孙品（品质部）."""
        return f"{self.name}（{self.role}）"[:40]


class HeadOfficeRecords(RecordService):
    """The record service of the head-office window (see the module text).  ``user`` is set once the
    login succeeded: what the window saves is then made by that person (``settings().staff_name``
    is the user, never stored)."""

    user: HeadOfficeUser | None = None

    def settings(self) -> Settings:
        st = super().settings()
        if self.user is not None:
            st.staff_name = self.user.label
        return st

    def save_settings(self, settings: Settings) -> Settings:
        if self.user is not None:  # the logged-in user is not head office's default name
            settings.staff_name = super().settings().staff_name
        return super().save_settings(settings)

    register_limit = 500  # the window's register: the newest 500 that match, the rest by searching

    def search(self, kind: str, text: str = "", limit: int | None = None, status: str | None = None,
               origin: str | None = None, ids: Sequence[str] | None = None) -> list[RegisterRow]:
        """The register as on a laptop, each row with its laptop (``@origin``) and staff
        (``@created_by``, ``@updated_by``): one more query of three columns over the same rows."""
        rows = super().search(kind, text, limit, status, origin, ids)
        if not rows:
            return rows
        rec = self._models(kind).record
        who: dict[str, tuple[str, str, str]] = {}
        with self.db.session() as s:
            q = select(rec.id, rec.origin, rec.created_by, rec.updated_by)
            if len(rows) <= 2000:  # a search's few rows: by id (a full scan costs ~0.6 s at 100,000 records)
                ids = [r.id for r in rows]
                for start in range(0, len(ids), 1000):
                    for rid, code, created, updated in s.execute(q.where(rec.id.in_(ids[start:start + 1000]))):
                        who[rid] = (code or "", created or "", updated or "")
            else:
                for rid, code, created, updated in s.execute(q):
                    who[rid] = (code or "", created or "", updated or "")
        for r in rows:
            code, created, updated = who.get(r.id, ("", "", ""))
            r.cells[ORIGIN], r.cells[CREATED_BY], r.cells[UPDATED_BY] = code, created, updated
            r.cells[STAFF] = created if updated in ("", created) else f"{created or '—'} → {updated}"
        return rows

    def laptops(self) -> list[str]:
        """Every laptop code head office knows of (registered or seen in a record), then HQ."""
        from ...storage.server_accounts import ServerLaptop

        with self.db.session() as s:
            codes = set(s.scalars(select(ServerLaptop.code)))
        return sorted(codes - {HEAD_OFFICE_CODE}) + [HEAD_OFFICE_CODE]


class HeadOfficeUnavailable(StorageError):
    """The head-office database cannot be used by the window (unreachable, not initialised)."""


def open_head_office(url: str, clock: Any = None) -> HeadOfficeRecords:
    """The head-office window's service on ``url``: refused with a message a manager can act on
    when the server cannot be reached or the database was never initialised (``server init``); an
    older schema is upgraded as ``server init`` would."""
    from sqlalchemy.exc import DBAPIError

    from ...storage.server_db import ServerDatabase, server_revision

    shown = _shown(url)
    try:
        probe = ServerDatabase(url)
    except StorageError as e:  # not a postgresql:// URL, or one that cannot be parsed
        raise HeadOfficeUnavailable(QT_TRANSLATE_NOOP(MESSAGES, "无法打开总部数据库：{reason}"),
                                    {"reason": str(e)}) from e
    try:
        rev = server_revision(probe.engine)
    except DBAPIError as e:
        lines = str(getattr(e, "orig", e)).strip().splitlines()
        raise HeadOfficeUnavailable(QT_TRANSLATE_NOOP(MESSAGES, "无法连接总部数据库 {url}：{reason}"),
                                    {"url": shown, "reason": lines[0] if lines else type(e).__name__}) from e
    finally:
        probe.dispose()
    if rev is None:
        raise HeadOfficeUnavailable(QT_TRANSLATE_NOOP(
            MESSAGES, "总部数据库 {url} 尚未建立：请先运行 aftersales-desk server init --database URL，"
                      "并用 server add-user 添加用户"), {"url": shown})
    try:
        db = open_server_database(url)
    except DBAPIError as e:
        lines = str(getattr(e, "orig", e)).strip().splitlines()
        raise HeadOfficeUnavailable(QT_TRANSLATE_NOOP(MESSAGES, "无法连接总部数据库 {url}：{reason}"),
                                    {"url": shown, "reason": lines[0] if lines else type(e).__name__}) from e
    service = HeadOfficeRecords(db, DatabasePhotoStore(db), clock)
    _own_code(service)
    return service


def _shown(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL that cannot even be parsed is shown as given
        return url[:200]


def authenticate(service: RecordService, name: str, password: str) -> HeadOfficeUser | None:
    """The active head-office user with this name and password (Argon2id), or None."""
    if not name.strip() or not password:
        return None
    with service.db.session() as s:
        user = check_login(s, name, password)
        return HeadOfficeUser(user.name, user.role) if user is not None else None


def proposal_fields(service: RecordService, proposal_id: str) -> tuple[list[tuple[str, str]], Any]:
    """A proposal's record as the laptop sent it — (label, value) of each filled field, in the spec's
    order, labels in Chinese — and when it arrived."""
    from ...domain.forms import SPECS

    with service.db.session() as s:
        row = s.get(SyncProposal, proposal_id)
        if row is None:
            return [], None
        try:
            obj = json.loads(row.incoming)
        except ValueError:
            obj = {}
        spec = SPECS.get(row.kind)
        if spec is None or not isinstance(obj, dict):
            return [], row.received_at
        out = [(f.label, str(obj[f.key])) for f in spec.fields()
               if obj.get(f.key) not in (None, "", [], {}) and not isinstance(obj[f.key], (dict, list))]
        return out, row.received_at
