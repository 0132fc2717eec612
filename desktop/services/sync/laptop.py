"""The laptop's side of a sync, the same over the network and through bundle files.

What the laptop sends is every record of its own (its laptop code is in the record's origin) whose
version is not the one it last delivered; what it tells head office it knows is, for every record
it has, its version tag and the tag head office had when it last looked.  Both are read from two
columns of each record table and the ``sync_state`` table — no record is loaded — so a sync with
nothing new costs a few queries.  ``sync_state`` is written after every batch that went through,
so a sync cut off half way goes on from there the next time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ...domain.forms import SPECS
from ...storage.schema import MODELS, Setting
from ...storage.server_accounts import SyncState
from ...storage.settings import ensure_laptop_code
from ..incoming import CONFLICT, CREATED, UPDATED
from ..records import VIA_SYNC, RecordService
from ..transfer import ImportFailed, dump_records, import_records
from . import tombstones
from .hub import SHARED_KINDS


@dataclass
class SyncResult:
    sent: int = 0
    received: int = 0
    conflicts: int = 0
    refused: list[str] = field(default_factory=list)
    deleted: int = 0  # drafts deleted here whose deletion head office carried out
    notes: list[str] = field(default_factory=list)  # what else the user is told (a deletion held, a proposal decided)


@dataclass
class LocalState:
    code: str
    to_send: dict[str, list[str]]  # kind → ids of own records not yet delivered as they are
    known: dict[str, list[str]]  # id → [tag here, head office's tag last seen]
    keys: dict[str, str]  # id → "version:tag" here
    deletions: list[dict[str, str]] = field(default_factory=list)  # tombstones (services.sync.tombstones)

    @property
    def sending(self) -> int:
        return sum(len(v) for v in self.to_send.values())


def _key(version: int | None, tag: str | None) -> str:
    return f"{version or 1}:{tag or ''}"


def local_state(service: RecordService) -> LocalState:
    with service.db.session() as s:
        code = ensure_laptop_code(s)
        # Plain rows (the tables' columns, not the ORM's): every record's few columns, every sync.
        state = SyncState.__table__.c
        states = {rid: (kind, sent, server_tag) for rid, kind, sent, server_tag in
                  s.execute(select(state.record_id, state.kind, state.sent, state.server_tag))}
        to_send: dict[str, list[str]] = {}
        known: dict[str, list[str]] = {}
        keys: dict[str, str] = {}
        for kind in SPECS:
            rec = MODELS[kind].record.__table__.c
            for rid, version, tag, origin in s.execute(select(rec.id, rec.version, rec.version_tag, rec.origin)):
                key = _key(version, tag)
                keys[rid] = key
                _kind, sent, server_tag = states.get(rid, ("", "", ""))
                known[rid] = [tag or "", server_tag]
                # Its own records; and any change to a register entry (customer, product): a proposal.
                if (origin == code or kind in SHARED_KINDS) and key != sent:
                    to_send.setdefault(kind, []).append(rid)
        for rid, (_kind, _sent, server_tag) in states.items():  # seen at head office, not taken here
            known.setdefault(rid, ["", server_tag])
    return LocalState(code, to_send, known, keys, tombstones.pending(states, set(keys)))


def batches(to_send: Mapping[str, list[str]], size: int) -> Iterable[dict[str, list[str]]]:
    batch: dict[str, list[str]] = {}
    n = 0
    for kind, ids in to_send.items():
        for rid in ids:
            batch.setdefault(kind, []).append(rid)
            n += 1
            if n == size:
                yield batch
                batch, n = {}, 0
    if batch:
        yield batch


def dump_batch(service: RecordService, ids: Mapping[str, list[str]], *, embed_photos: bool) -> list[dict[str, Any]]:
    return dump_records(service, embed_photos=embed_photos, ids=ids)


def photo_refs(objs: Any) -> set[str]:
    """Every picture a dump refers to (photos, scans, signature images, old revisions' photos).
    A record of a known form is not looked into where its form holds no picture (its fields and
    item tables: values, not objects); anything else is."""
    out: set[str] = set()
    stack: list[Any] = []
    for obj in objs if isinstance(objs, list) else [objs]:
        kind = obj.get("kind") if type(obj) is dict else None
        skip = _NO_PICTURES.get(kind) if type(kind) is str else None
        if skip is None:
            stack.append(obj)
            continue
        for k, x in obj.items():
            if k not in skip:
                if type(x) is dict or type(x) is list:
                    stack.append(x)
                elif k in _REF_KEYS and isinstance(x, str):
                    out.add(x)
    while stack:
        v = stack.pop()
        if type(v) is dict or isinstance(v, Mapping):  # a dump's are dicts: the exact type is quick to test
            for k, x in v.items():
                t = type(x)
                if t is str:  # most values: one test
                    if k in _REF_KEYS:
                        out.add(x)
                elif t is dict or t is list:
                    stack.append(x)
                elif t not in _LEAVES and isinstance(x, (Mapping, list, str)):
                    if isinstance(x, str):
                        if k in _REF_KEYS:
                            out.add(x)
                    else:
                        stack.append(x)
        elif isinstance(v, list):
            stack.extend(x for x in v if type(x) in _NESTED or (type(x) not in _LEAVES and isinstance(x, (Mapping, list))))
    return out


_REF_KEYS = frozenset(("sha256", "image_sha256"))
# The keys of each form whose values hold no picture: its fields and item tables (columns of values).
_NO_PICTURES = {kind: frozenset([f.key for f in spec.fields()] + [t.key for t in spec.tables()])
                for kind, spec in SPECS.items()}
_NESTED = (dict, list)
_LEAVES = (str, int, float, bool, type(None))  # JSON's other values: nothing to look into


def note_sent(service: RecordService, objs: list[dict[str, Any]], results: list[dict[str, Any]]) -> SyncResult:
    """Head office answered a batch: remember what it now has of each record."""
    by_id = {r.get("id"): r for r in results if isinstance(r, Mapping)}
    out = SyncResult()
    rows: list[tuple[str, str, str | None, str | None]] = []
    for obj in objs:
        r = by_id.get(obj["id"])
        if r is None:
            continue
        out.sent += 1
        out.conflicts += r.get("outcome") == CONFLICT
        server_tag = str(r.get("server_tag") or "")[:32]
        # Head office's version is ours, or a conflict it holds (not fetched back: head office
        # resolves it, and its resolution arrives as a new version); any other version of it
        # (worked out again there, or newer) is fetched in this same sync.
        seen = server_tag if r.get("outcome") == CONFLICT or server_tag == (obj.get("version_tag") or "") else None
        rows.append((obj["kind"], obj["id"], _key(obj.get("version"), obj.get("version_tag")), seen))
    with service.db.write() as s:
        _remember_many(s, rows)
    return out


def _remember(s: Any, kind: str, rid: str, *, sent: str | None, server_tag: str | None) -> None:
    _remember_many(s, [(kind, rid, sent, server_tag)])


def _remember_many(s: Any, rows: Iterable[tuple[str, str, str | None, str | None]]) -> None:
    """Upsert ``sync_state`` rows ``(kind, id, sent, server_tag)`` (``None``: keep what is there; a new
    row gets ``""``), one statement per pattern of kept columns instead of a query per record."""
    groups: dict[tuple[bool, bool], list[dict[str, str]]] = {}
    for kind, rid, sent, server_tag in rows:
        groups.setdefault((sent is not None, server_tag is not None), []).append(
            {"record_id": rid, "kind": kind, "sent": sent or "", "server_tag": server_tag or ""})
    if not groups:
        return
    if s.bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    table = SyncState.__table__
    s.flush()
    for (set_sent, set_tag), values in groups.items():
        stmt = insert(table)
        update = {c: stmt.excluded[c] for c, on in (("sent", set_sent), ("server_tag", set_tag)) if on}
        stmt = (stmt.on_conflict_do_update(index_elements=[table.c.record_id], set_=update) if update
                else stmt.on_conflict_do_nothing(index_elements=[table.c.record_id]))
        for start in range(0, len(values), 500):
            s.execute(stmt, values[start:start + 500])


def apply_received(service: RecordService, objs: list[dict[str, Any]], source: str) -> SyncResult:
    """Bring in what head office sent, through the JSON import's judgement (a record changed here
    since is a conflict held here, nothing overwritten; a signed revision is never replaced)."""
    out = SyncResult()
    if not objs:
        return out
    own = [o for o in objs if o.get("kind") not in SHARED_KINDS]
    reports = [import_records(service, own, source=source, via=VIA_SYNC)] if own else []
    shared = [o for o in objs if o.get("kind") in SHARED_KINDS]
    refused: list[dict[str, Any]] = []
    if shared:
        # Head office's register entries: one this laptop cannot take (it has its own entry of the
        # same name, whose proposal head office merged into this one) is said and left, not a
        # reason to refuse the rest.
        try:
            reports.append(import_records(service, shared, source=source, via=VIA_SYNC))
        except ImportFailed:
            for o in shared:
                try:
                    reports.append(import_records(service, [o], source=source, via=VIA_SYNC))
                except ImportFailed as e:
                    out.refused.append(f"{o.get('number')}：{e}")
                    refused.append(o)
    for report in reports:
        out.received += report.count(CREATED) + report.count(UPDATED)
        out.conflicts += report.count(CONFLICT)
    tags = {o["id"]: str(o.get("version_tag") or "") for o in objs}
    rows: list[tuple[str, str, str | None, str | None]] = []
    with service.db.write() as s:
        for kind in SPECS:
            rec = MODELS[kind].record
            ids = [o["id"] for o in objs if o["kind"] == kind]
            for start in range(0, len(ids), 500):
                for rid, version, tag in s.execute(select(rec.id, rec.version, rec.version_tag).where(
                        rec.id.in_(ids[start:start + 500]))):
                    same = (tag or "") == tags[rid]  # we now hold head office's version: nothing to send back
                    rows.append((kind, rid, _key(version, tag) if same else None, tags[rid]))
        for o in refused:  # not fetched again until head office changes it
            rows.append((o["kind"], o["id"], None, tags[o["id"]]))
        _remember_many(s, rows)
    return out


SERVER_KEY = "sync_server"
SECRET_KEY = "sync_secret_name"


def remembered(service: RecordService) -> tuple[str | None, str | None]:
    """The head-office address and token this data folder synced with last (token from the key store)."""
    from ...storage.secret_store import get_secret

    with service.db.session() as s:
        server = s.get(Setting, SERVER_KEY)
        name = s.get(Setting, SECRET_KEY)
        server_url, secret_name = (server.value if server else None), (name.value if name else None)
    return server_url, (get_secret(secret_name) if secret_name else None)


def remember(service: RecordService, server_url: str | None, token: str) -> None:
    """Keep the address in the data folder and the token in the OS key store (never in clear here)."""
    import uuid

    from ...storage.secret_store import set_secret

    with service.db.write() as s:
        name = s.get(Setting, SECRET_KEY)
        if name is None:
            name = Setting(key=SECRET_KEY, value=f"sync-token-{uuid.uuid4().hex}")
            s.add(name)
        secret_name = name.value
        row = s.get(Setting, SERVER_KEY)
        if server_url and row is None:
            s.add(Setting(key=SERVER_KEY, value=server_url))
        elif server_url:
            row.value = server_url
    set_secret(secret_name, token)
