"""A dump signed by the laptop that wrote it, and what an import accepts from whom (issue 11).

``aftersales-desk dump`` writes an *envelope*::

    {"format": "aftersales-desk/dump", "format_version": 1,
     "laptop": "A3", "written_at": "2026-12-03T09:40:02Z",
     "records": [ … the records of docs/json-format.md … ],
     "signature": {"algorithm": "ecdsa-p256-sha256", "certificate": "-----BEGIN CERTIFICATE-----…",
                   "value": "<base64 DER ECDSA signature>"}}

The signature is made with this laptop's signing key (the key that signs its PDFs, ``storage.keys``)
over the envelope's canonical JSON without ``signature`` (keys sorted, no spaces, UTF-8): the bytes a
reader gets by parsing the file and writing it out again the same way, so indentation and key order
do not matter, and every changed character does.

An import (``open_dump``) then knows who wrote the file.  A record's *signatures* and *archived
revisions* (a customer's signature, an approval, a signed revision) are accepted only from a laptop
this one trusts: itself, or one whose certificate was placed in ``<data>/trusted-certs/`` (the same
folder ``verify`` trusts for PDFs).  A file that is unsigned, signed by a laptop not trusted, or
changed after signing is refused when it carries signatures or revisions (nothing is written, and the
message says which records and how to trust the laptop); records without them (a hand-made or
hand-edited file, ``example``) import as before, and the import says the file was not signed.  The
bare list of records that older versions wrote is read as an unsigned file.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..storage import keys as keyfiles
from .trust import UntrustedFile

FORMAT = "aftersales-desk/dump"
FORMAT_VERSION = 1
ALGORITHM = "ecdsa-p256-sha256"
MAX_LISTED = 5  # records named in a refusal

SIGNED = "signed"  # signed by a trusted laptop
UNSIGNED = "unsigned"  # no signature (an older dump, a hand-made or hand-edited file)
UNTRUSTED = "untrusted"  # signed, intact, by a laptop this one does not trust
TAMPERED = "tampered"  # signed, but changed after signing


def canonical_bytes(envelope: dict[str, Any]) -> bytes:
    """The bytes the signature covers: the envelope without ``signature``, canonical JSON."""
    body = {k: v for k, v in envelope.items() if k != "signature"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _utc(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def sign_dump(records: list[dict[str, Any]], data_dir: Path, laptop_code: str, company: str,
              now: dt.datetime) -> dict[str, Any]:
    """``records`` in an envelope signed with this laptop's key (made at first need, as for a PDF).
    Raises ``storage.keys.KeyFileError`` when the key cannot be read or unlocked."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key_pem, cert_pem = keyfiles.ensure_laptop_key(data_dir, laptop_code, company)
    key = serialization.load_pem_private_key(key_pem, password=None)
    envelope: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "laptop": laptop_code,
        "written_at": _utc(now),
        "records": records,
    }
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    value = key.sign(canonical_bytes(envelope), ec.ECDSA(hashes.SHA256()))
    envelope["signature"] = {
        "algorithm": ALGORITHM,
        "certificate": cert_pem.decode("ascii"),
        "value": base64.b64encode(value).decode("ascii"),
    }
    return envelope


@dataclass
class OpenedDump:
    """What a file holds and who wrote it."""

    records: Any  # a list of records, as a well-formed file has
    status: str  # SIGNED | UNSIGNED | UNTRUSTED | TAMPERED
    signer: str = ""  # the certificate's common name, e.g. "Aftersales Desk A3"
    trusted_as: str = ""  # 本机证书 | 受信任证书 trusted-certs/<file>
    fingerprint: str = ""  # SHA-256 of the signer's public key
    laptop: str = ""
    notes: list[str] = field(default_factory=list)


def _fingerprint(cert: Any) -> str:
    from cryptography.hazmat.primitives import serialization

    spki = cert.public_key().public_bytes(serialization.Encoding.DER,
                                          serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).hexdigest()


def _trusted_keys(data_dir: Path) -> dict[str, str]:
    """Public-key fingerprint → what it is, for every certificate this laptop trusts for dumps."""
    from cryptography import x509

    out: dict[str, str] = {}
    pem = keyfiles.laptop_certificate_pem(data_dir)
    if pem:
        try:
            out[_fingerprint(x509.load_pem_x509_certificate(pem))] = "本机证书"
        except ValueError:
            pass
    for path in keyfiles.trusted_cert_files(data_dir):
        try:
            data = path.read_bytes()
            certs = x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data else [
                x509.load_der_x509_certificate(data)]
        except (OSError, ValueError):
            continue
        for c in certs:
            out.setdefault(_fingerprint(c), f"受信任证书 {keyfiles.TRUSTED_DIR}/{path.name}")
    return out


def _common_name(cert: Any) -> str:
    from cryptography.x509.oid import NameOID

    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""


def open_dump(data: Any, data_dir: Path) -> OpenedDump:
    """Read a decoded JSON file (``trust.decode_json``) as a dump: its records and who wrote it.
    Raises :class:`UntrustedFile` for an envelope that is not well formed."""
    if not isinstance(data, dict) or "format" not in data:
        # a bare list (older dumps), one record, or something else, which the import refuses itself
        return OpenedDump(data, UNSIGNED)
    if data.get("format") != FORMAT:
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "不是本软件的导出文件（format 应为 {format}）"), format=FORMAT)
    if data.get("format_version") != FORMAT_VERSION:
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "导出文件的格式版本 {version} 不受支持（本软件读取第 {ours} 版）"),
                            version=str(data.get("format_version"))[:20], ours=FORMAT_VERSION)
    records = data.get("records")
    if not isinstance(records, list):
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "导出文件中没有记录列表（records）"))
    laptop = data.get("laptop") if isinstance(data.get("laptop"), str) else ""
    sig = data.get("signature")
    if sig is None:
        return OpenedDump(records, UNSIGNED, laptop=laptop)
    if (not isinstance(sig, dict) or sig.get("algorithm") != ALGORITHM
            or not isinstance(sig.get("certificate"), str) or not isinstance(sig.get("value"), str)):
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "导出文件的签名不完整或算法不受支持（应为 {algorithm}）"),
                            algorithm=ALGORITHM)
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    try:
        cert = x509.load_pem_x509_certificate(sig["certificate"].encode("ascii"))
        value = base64.b64decode(sig["value"], validate=True)
        public = cert.public_key()
        if not isinstance(public, ec.EllipticCurvePublicKey):
            raise TypeError("not an EC key")
    except (ValueError, TypeError, UnicodeEncodeError) as e:
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "导出文件的签名证书或签名值无法读取")) from e
    opened = OpenedDump(records, UNTRUSTED, signer=_common_name(cert), fingerprint=_fingerprint(cert), laptop=laptop)
    try:
        public.verify(value, canonical_bytes(data), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        opened.status = TAMPERED
        return opened
    trusted = _trusted_keys(data_dir).get(opened.fingerprint)
    if trusted:
        opened.status, opened.trusted_as = SIGNED, trusted
    return opened


def _carries_trust(obj: Any) -> bool:
    return isinstance(obj, dict) and bool(obj.get("signatures") or obj.get("revisions"))


def accept(opened: OpenedDump, data_dir: Path) -> list[Any]:
    """The records an import may use, or :class:`UntrustedFile` saying why the file is refused:
    signatures and archived revisions only from a trusted laptop, nothing from a changed file."""
    if opened.status == SIGNED:
        return opened.records
    if opened.status == TAMPERED:
        raise UntrustedFile(QT_TRANSLATE_NOOP(
            MESSAGES, "文件在由 {signer} 写出并签名之后被改动过（签名与内容不符），不能导入。"
                      "请让对方重新导出，不要手工修改已签名的导出文件。"), signer=opened.signer or "另一台电脑")
    objects = opened.records if isinstance(opened.records, list) else [opened.records]
    carrying = [str(o.get("number") or f"#{i}") for i, o in enumerate(objects) if _carries_trust(o)]
    if not carrying:
        if opened.status == UNTRUSTED:
            opened.notes.append(QT_TRANSLATE_NOOP(MESSAGES, "注意：文件由不受信任的 {signer} 签名；其中没有签字或存档版本，按普通记录导入。")
                                .format(signer=opened.signer))
        else:
            opened.notes.append(QT_TRANSLATE_NOOP(MESSAGES, "注意：文件没有签名（手工编写或较早版本导出）；其中没有签字或存档版本，按普通记录导入。"))
        return opened.records
    listed = "、".join(carrying[:MAX_LISTED]) + (f" 等 {len(carrying)} 条" if len(carrying) > MAX_LISTED else "")
    where = keyfiles.trusted_dir(data_dir)
    if opened.status == UNTRUSTED:
        raise UntrustedFile(QT_TRANSLATE_NOOP(
            MESSAGES, "文件由 {signer} 签名，但本机不信任这台电脑；记录 {records} 带有签字或存档版本，只接受受信任电脑的文件。"
                      "如确是本公司的电脑，请把它数据文件夹中的 {cert} 复制到本机的 {where} 后再导入"
                      "（公钥指纹 {fingerprint}）。"),
            signer=opened.signer, records=listed, cert=f"{keyfiles.KEYS_DIR}/{keyfiles.CERT_FILE}", where=where,
            fingerprint=opened.fingerprint[:16])
    raise UntrustedFile(QT_TRANSLATE_NOOP(
        MESSAGES, "文件没有签名，而记录 {records} 带有签字或存档版本：这些只接受由受信任电脑签名的导出文件"
                  "（无法确认签字不是伪造的）。请在写出它的电脑上用本版本重新导出（dump）。"), records=listed)
