"""What a laptop tells head office about itself so that ``aftersales-desk --database URL verify``
checks that laptop's signed PDFs as the laptop itself would (docs/sync.md, "Verify at head office"):

- its **certificate** (``<data>/keys/``, the public half of the key its PDFs are signed with): head
  office trusts it for the PDFs of that laptop's records while the laptop's token is not revoked;
  every certificate a laptop reported is kept (a new key does not make its older PDFs unverifiable);
- its **settings** (letterhead, laptop code, response times …): the pages of a record are rendered
  from the record *and* these, so head office renders the revision again with the laptop's settings
  and compares the pages byte for byte, as ``verify`` does on the laptop.

Sent at a sync when they changed since the last time (``POST /api/v1/profile``; in a bundle, always),
kept at head office in ``sync_laptop_profile``.  The token authenticates the laptop, so what it says
of itself is taken as that laptop's; a certificate that is not a certificate is refused.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...domain.settings import Settings
from ...storage.schema import Setting
from ...storage.server_accounts import ServerLaptop
from ...storage.sync_tables import SyncLaptopProfile
from ..records import RecordService
from .hub import Refused

SENT_KEY = "sync_profile_sent"
MAX_PEM = 20_000
MAX_KEPT = 200_000  # the certificates of one laptop, all kept (a new key does not orphan older PDFs)


def _digest(profile: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(profile, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def of_laptop(service: RecordService) -> dict[str, Any]:
    """This laptop's profile: its certificate (PEM, "" before its first signed export) and settings."""
    from ...storage.keys import laptop_certificate_pem

    pem = laptop_certificate_pem(service.db.path.parent) if getattr(service.db, "path", None) else None
    return {"certificate": (pem or b"").decode("ascii", "replace"), "settings": dataclasses.asdict(service.settings())}


def changed(service: RecordService) -> dict[str, Any] | None:
    """The profile when it differs from the one last sent, else None."""
    profile = of_laptop(service)
    with service.db.session() as s:
        row = s.get(Setting, SENT_KEY)
        return None if row is not None and row.value == _digest(profile) else profile


def note_sent(service: RecordService, profile: Mapping[str, Any]) -> None:
    with service.db.write() as s:
        row = s.get(Setting, SENT_KEY)
        if row is None:
            s.add(Setting(key=SENT_KEY, value=_digest(profile)))
        else:
            row.value = _digest(profile)


def _checked_settings(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "settings 应为对象"))
    known = {f.name: f for f in dataclasses.fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            continue  # a newer laptop's setting: not needed here
        if isinstance(value, bool) or not isinstance(value, (str, int)) or (isinstance(value, str) and len(value) > 500):
            raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "设置项 {key} 无效").format(key=str(key)[:40]))
        out[key] = value
    return out


def _checked_pem(pem: Any) -> str:
    if pem in (None, ""):
        return ""
    if not isinstance(pem, str) or len(pem) > MAX_PEM:
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "本机证书无效"))
    from cryptography import x509

    try:
        x509.load_pem_x509_certificate(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as e:
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "本机证书无效：不是 PEM 格式的证书")) from e
    return pem


def receive(service: RecordService, code: str, profile: Any) -> None:
    """Keep laptop ``code``'s profile (checked first; nothing kept if it is refused)."""
    if not isinstance(profile, Mapping):
        raise Refused(400, QT_TRANSLATE_NOOP(MESSAGES, "profile 应为对象"))
    pem = _checked_pem(profile.get("certificate"))
    settings = _checked_settings(profile.get("settings") or {})
    with service.db.write() as s:
        row = s.get(SyncLaptopProfile, code)
        if row is None:
            row = SyncLaptopProfile(laptop=code)
            s.add(row)
        kept = row.certificate_pem or ""
        if pem and pem.strip() not in kept:  # every certificate it ever reported: its older PDFs stay verifiable
            more = (kept.rstrip() + "\n" + pem.strip() + "\n").lstrip()
            if len(more) > MAX_KEPT:
                raise Refused(413, QT_TRANSLATE_NOOP(MESSAGES, "本机报告的证书过多，请联系总部管理员"))
            kept = more
        row.certificate_pem = kept
        row.settings_json = json.dumps(settings, ensure_ascii=False, sort_keys=True)
        row.digest = _digest({"certificate": pem, "settings": settings})
        row.at = service.clock.now()


def settings_of(service: RecordService, code: str) -> Settings | None:
    """The settings laptop ``code`` last reported, or None."""
    with service.db.session() as s:
        row = s.get(SyncLaptopProfile, code)
        raw = json.loads(row.settings_json) if row is not None and row.settings_json else None
    if raw is None:
        return None
    st = Settings()
    for key, value in raw.items():
        if hasattr(st, key):
            setattr(st, key, value)
    return st


def laptop_certificates(service: RecordService) -> list[tuple[str, str, bool]]:
    """(laptop code, certificate PEM, revoked) of every laptop that reported one."""
    with service.db.session() as s:
        rows = s.execute(
            SyncLaptopProfile.__table__.select().with_only_columns(SyncLaptopProfile.laptop, SyncLaptopProfile.certificate_pem)
        ).all()
        revoked = {c for c, r in s.execute(ServerLaptop.__table__.select().with_only_columns(
            ServerLaptop.code, ServerLaptop.revoked)).all() if r}
    return [(code, pem, code in revoked) for code, pem in rows if pem]
