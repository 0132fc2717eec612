"""``aftersales-desk --database URL verify FILE``: a signed PDF checked against head office's records
(docs/sync.md, "Verify at head office").

The same verdict as on a laptop (``services.signing.verify_pdf``), with what head office knows:

- **trust**: besides head office's own certificates (its data folder's key, the company's PKCS#12
  file, ``trusted-certs/``), each laptop's certificate as that laptop reported it at its sync
  (``services.sync.profiles``) — but not a laptop whose token was revoked;
- **the record and revision** from head office's database (every laptop's records are there);
- **the page comparison** as on the laptop: the revision rendered again with the settings of the
  laptop that signed the file (or, for a file signed with the company's certificate, of the laptop
  the record belongs to) — its letterhead, code, …, as it reported them — and compared byte for
  byte with the signed file;
- **whose** file: a laptop's certificate vouches only for that laptop's own records (and head
  office's customer and product registers, which every laptop prints); a PDF of laptop A's record
  signed with laptop B's key is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ...storage.server_accounts import HEAD_OFFICE_CODE
from ..errors import NotFound
from ..records import RecordService
from ..signing import VerifyResult, verify_pdf
from . import profiles
from .hub import SHARED_KINDS


def _laptop_label(code: str) -> str:
    return QT_TRANSLATE_NOOP(MESSAGES, "笔记本 {code} 的证书（同步时报告）").format(code=code)


def _certs(pem: str) -> list[Any]:
    from pyhanko.keys import load_certs_from_pemder_data

    try:
        return list(load_certs_from_pemder_data(pem.encode("ascii")))
    except Exception:  # noqa: BLE001 - a certificate that cannot be read vouches for nothing
        return []


def verify_at_head_office(path: str | Path, data_dir: Path, service: RecordService) -> VerifyResult:
    from ..signing import certificate_fingerprint

    roots: list[tuple[Any, str]] = []
    label_to_code: dict[str, str] = {}
    revoked: dict[str, str] = {}  # fingerprint → laptop code
    for code, pem, is_revoked in profiles.laptop_certificates(service):
        for cert in _certs(pem):
            if is_revoked:
                revoked[certificate_fingerprint(cert)] = code
            else:
                roots.append((cert, _laptop_label(code)))
                label_to_code[_laptop_label(code)] = code
    first = verify_pdf(path, data_dir, None, extra_roots=roots)
    if first.status == "untrusted":
        for fp, code in revoked.items():
            if any(fp in note for note in first.notes):
                first.notes.insert(0, QT_TRANSLATE_NOOP(
                    MESSAGES, "签名证书属于笔记本 {code}，该笔记本的令牌已被总部吊销：吊销之后不再信任它签名的文件。").format(code=code))
    if not first.ok or not first.record_id or not first.kind:
        return first
    signer = label_to_code.get(first.trusted_as)  # None: head office's own or the company's certificate
    try:
        origin = service.get(first.kind, first.record_id).origin
    except (NotFound, KeyError):
        origin = None
    if signer is not None and origin not in (None, signer, HEAD_OFFICE_CODE) and first.kind not in SHARED_KINDS:
        first.ok = False
        first.status = "untrusted"
        first.message = QT_TRANSLATE_NOOP(
            MESSAGES, "签名者不是这条记录所属的笔记本：{number} 属于笔记本 {owner}，文件却由笔记本 {signer} 的证书签名，不能作为原件。").format(
            number=first.number, owner=origin, signer=signer)
        return first
    # The pages were rendered on the signing laptop (signed with the company's certificate: on the
    # record's own laptop), with its settings.
    renderer = signer or (origin if origin not in (None, HEAD_OFFICE_CODE) else None)
    settings = profiles.settings_of(service, renderer) if renderer is not None else None
    result = verify_pdf(path, data_dir, service, settings=settings, extra_roots=roots)
    if renderer is not None and settings is None:
        result.notes.append(QT_TRANSLATE_NOOP(MESSAGES, "总部没有笔记本 {code} 的设置（尚未同步），页面按总部的设置重新生成。").format(code=renderer))
    return result
