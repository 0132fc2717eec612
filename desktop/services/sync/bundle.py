"""The sync as files, for a laptop without a network (USB stick, e-mail): the same exchange as
:mod:`.client`, each direction one JSON file.

A bundle is a small envelope around records in the JSON dump format (``services.transfer``, pictures
embedded as base64), so what it carries is read by the same import and judged the same way::

    {"format": "aftersales-sync-bundle", "bundle_version": 1,
     "direction": "to-head-office" | "to-laptop", "laptop": "A3",
     "records": [<dump objects>],
     "known": {id: [tag here, head office's tag seen]},      (to head office)
     "deletions": [{"kind", "id", "seen"}],                  (to head office: drafts deleted, ``tombstones``;
                                                              to the laptop: what head office did with each)
     "results": [{"id", "kind", "outcome", "server_tag"}],   (to the laptop: what became of its records)
     "profile": {"certificate", "settings"},                (to head office: for verify there, ``profiles``)
     "proposals": [ids], "decisions": [...], "decision_records": [...]  (its proposed customers and
                   products; head office's decisions on them and the entries a merge needs, ``register_notes``)
     "mac": "<hex>"}

``mac`` is an HMAC-SHA256 of the rest keyed with the SHA-256 of the laptop's token, which head office
keeps: a bundle said to come from laptop A3 that was not made with A3's token is refused, and so is
one changed on the way.  The laptop's token must therefore be known to the data folder (one
network sync, or ``sync --token T --to-file F``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...storage.files import write_atomically
from ...storage.server_accounts import ServerLaptop, token_hash
from ..records import RecordService
from ..trust import UntrustedFile, decode_json
from . import hub, profiles, proposals, register_notes, tombstones
from . import laptop as lap

FORMAT = "aftersales-sync-bundle"
TO_HQ = "to-head-office"
TO_LAPTOP = "to-laptop"


class BundleError(Exception):
    """A bundle that cannot be made or used; the message is for the user."""


def _mac(key_hex: str, body: dict[str, Any]) -> str:
    payload = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(bytes.fromhex(key_hex), payload, hashlib.sha256).hexdigest()


def _write(path: Path, key_hex: str, body: dict[str, Any]) -> None:
    out = {**body, "mac": _mac(key_hex, body)}
    write_atomically(path, json.dumps(out, ensure_ascii=False).encode("utf-8"))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = decode_json(path.read_bytes())
    except OSError as e:
        raise BundleError(QT_TRANSLATE_NOOP(MESSAGES, "无法读取同步文件 {path}：{error}").format(
            path=path, error=e.strerror or str(e))) from e
    except UntrustedFile as e:
        raise BundleError(QT_TRANSLATE_NOOP(MESSAGES, "同步文件 {path} 无法读取：{error}").format(path=path, error=e)) from e
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("records"), list):
        raise BundleError(QT_TRANSLATE_NOOP(MESSAGES, "文件 {path} 不是同步文件").format(path=path))
    return data


def _verified(data: dict[str, Any], key_hex: str, path: Path) -> None:
    body = {k: v for k, v in data.items() if k != "mac"}
    mac = data.get("mac")
    if not isinstance(mac, str) or not hmac.compare_digest(mac, _mac(key_hex, body)):
        raise BundleError(QT_TRANSLATE_NOOP(
            MESSAGES, "同步文件 {path} 的校验码不符：不是用本机令牌制作的，或在途中被改动过；未导入任何内容").format(path=path))


def to_file(service: RecordService, token: str, path: Path) -> int:
    """Write what is new on this laptop into ``path``; how many records it carries."""
    state = lap.local_state(service)
    if not token.startswith(state.code + "."):
        raise BundleError(QT_TRANSLATE_NOOP(MESSAGES, "令牌不属于本机（本机代码 {code}）").format(code=state.code))
    objs = lap.dump_batch(service, state.to_send, embed_photos=True)
    _write(path, token_hash(token), {"format": FORMAT, "bundle_version": 1, "direction": TO_HQ,
                                     "laptop": state.code, "records": objs, "known": state.known,
                                     "deletions": state.deletions,
                                     "proposals": register_notes.asking(service, state.code),
                                     "profile": profiles.of_laptop(service)})
    return len(objs)


def answer_path(path: Path) -> Path:
    return path.with_name(path.stem + "-answer.json")


def import_bundle(service: RecordService, path: Path, answer: Path | None = None) -> tuple[list[dict[str, Any]], Path, int]:
    """Apply a laptop's bundle at head office and write the answer bundle (beside it unless told):
    (results, where the answer is, how many records it carries)."""
    data = _read(path)
    code = data.get("laptop")
    if data.get("direction") != TO_HQ or not isinstance(code, str):
        raise BundleError(QT_TRANSLATE_NOOP(MESSAGES, "文件 {path} 不是笔记本发往总部的同步文件").format(path=path))
    with service.db.session() as s:
        row = s.get(ServerLaptop, code[:8])
        key = row.token_hash if row is not None else None
        revoked = row is not None and row.revoked
    if key is None:
        raise BundleError(QT_TRANSLATE_NOOP(MESSAGES, "同步文件来自未登记的本机代码 {code}").format(code=code[:8]))
    _verified(data, key, path)
    if revoked:
        raise BundleError(QT_TRANSLATE_NOOP(MESSAGES, "本机 {code} 的令牌已被吊销，同步文件未导入").format(code=code))
    if "profile" in data:
        try:
            profiles.receive(service, code, data["profile"])
        except hub.Refused as e:
            raise BundleError(e.message) from e
    results = hub.receive_batch(service, code, data["records"], limit=None,
                                source=QT_TRANSLATE_NOOP(MESSAGES, "同步文件：{name}").format(name=path.name))
    known = data.get("known") if isinstance(data.get("known"), dict) else {}
    deletions = tombstones.receive_deletions(service, code, data["deletions"]) if "deletions" in data else []
    for r in deletions:  # gone here, or held: then it goes back to the laptop in this answer
        known.pop(r["id"], None)
    for r in results:  # what the laptop now knows head office has
        if r["server_tag"]:
            known[r["id"]] = [*(known.get(r["id"]) or [])[:1], r["server_tag"]]
    decisions = proposals.decisions_for(service, code, data["proposals"]) if "proposals" in data else []
    targets = [[d["kind"], d["target_id"]] for d in decisions
               if d["status"] == proposals.MERGED and d["target_id"] != d["record_id"]]
    target_objs = hub.fetch(service, code, targets, embed_photos=True) if targets else []
    wanted = hub.whats_new(service, code, known)
    objs = hub.fetch(service, code, [[k, rid] for k, rid, _tag in wanted], embed_photos=True) if wanted else []
    target = answer or answer_path(path)
    _write(target, key, {"format": FORMAT, "bundle_version": 1, "direction": TO_LAPTOP, "laptop": code,
                         "records": objs, "results": results, "deletions": deletions,
                         "decisions": decisions, "decision_records": target_objs})
    return results, target, len(objs)


def from_file(service: RecordService, token: str, path: Path) -> lap.SyncResult:
    """Apply head office's answer bundle on the laptop."""
    data = _read(path)
    state = lap.local_state(service)
    if data.get("direction") != TO_LAPTOP or data.get("laptop") != state.code:
        raise BundleError(QT_TRANSLATE_NOOP(MESSAGES, "文件 {path} 不是总部发给本机（{code}）的同步文件").format(
            path=path, code=state.code))
    _verified(data, token_hash(token), path)
    results = data.get("results") if isinstance(data.get("results"), list) else []
    mine = {o["id"]: o for o in lap.dump_batch(service, state.to_send, embed_photos=False)} if results else {}
    sent_objs = [mine[r["id"]] for r in results if isinstance(r, dict) and r.get("id") in mine
                 and (mine[r["id"]].get("version_tag") or "") == r.get("sent_tag")]  # not changed here since
    out = lap.note_sent(service, sent_objs, results)
    deletions = data.get("deletions") if isinstance(data.get("deletions"), list) else []
    out.deleted = sum(1 for r in deletions if isinstance(r, dict) and r.get("outcome") == tombstones.DELETED)
    out.notes += tombstones.note_answered(service, deletions)
    source = QT_TRANSLATE_NOOP(MESSAGES, "同步文件：{name}").format(name=path.name)
    targets = data.get("decision_records") if isinstance(data.get("decision_records"), list) else []
    taken, said = register_notes.apply_decisions(service, data.get("decisions"), targets, source)
    out.notes += said
    got = lap.apply_received(service, data["records"], source)
    out.received, out.conflicts, out.refused = taken + got.received, out.conflicts + got.conflicts, got.refused
    return out
