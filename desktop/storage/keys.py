"""The key files of the data folder: this laptop's signing key and certificate, the company's PKCS#12
file when one is configured, and the certificates this laptop trusts.

Layout (see ``docs/signing.md``)::

    <data>/keys/laptop-key.pem      this laptop's private key (EC P-256, PKCS#8 PEM, mode 0600),
                                    encrypted with a secret in the user's key store (``secret_store``)
    <data>/keys/laptop-key.id       the name of that secret (not itself secret)
    <data>/keys/laptop-cert.pem     its self-signed certificate (give this file to head office)
    <data>/signing.json             optional: {"pkcs12_file": "...", "pkcs12_password": "..."}
    <data>/trusted-certs/*.pem      certificates of other laptops (or the company's CA) to trust

The key is made at first need (the first export), not at start-up: EC P-256 takes a few milliseconds.
Only ``cryptography`` is used here (imported lazily); pyHanko is in ``services.signing``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import write_atomically

KEYS_DIR = "keys"
KEY_FILE = "laptop-key.pem"
CERT_FILE = "laptop-cert.pem"
TRUSTED_DIR = "trusted-certs"
SIGNING_CONFIG = "signing.json"
CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")

# The laptop certificate does not expire (RFC 5280 §4.1.2.5: 99991231235959Z means "no well-defined
# expiration date"), and is valid from a fixed past date rather than "now": a laptop whose clock runs
# ahead would otherwise make a certificate that other machines consider not yet valid.
NOT_BEFORE = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
NOT_AFTER = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


class KeyFileError(Exception):
    """A key or certificate file that cannot be read or written (message in Chinese)."""


@dataclass(frozen=True)
class SigningConfig:
    """A company-provided PKCS#12 file (``.p12`` / ``.pfx``) to sign with instead of the laptop key."""

    pkcs12_file: Path
    pkcs12_password: str = ""


def key_path(data_dir: Path) -> Path:
    return data_dir / KEYS_DIR / KEY_FILE


def cert_path(data_dir: Path) -> Path:
    return data_dir / KEYS_DIR / CERT_FILE


def trusted_dir(data_dir: Path) -> Path:
    return data_dir / TRUSTED_DIR


def signing_config(data_dir: Path, settings: Any = None) -> SigningConfig | None:
    """The configured PKCS#12 file, or ``None`` to sign with the laptop key.

    Read from the settings when they have the fields ``signing_pkcs12_file`` and
    ``signing_pkcs12_password`` (not yet), else from ``<data>/signing.json``.  A relative path is
    relative to the data folder.  A ``signing.json`` that cannot be read is an error, not a silent
    fallback to the laptop key."""
    file = str(getattr(settings, "signing_pkcs12_file", "") or "")
    password = str(getattr(settings, "signing_pkcs12_password", "") or "")
    if not file:
        path = data_dir / SIGNING_CONFIG
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as e:
            raise KeyFileError(f"签名设置文件 {path} 无法读取：{e}") from e
        if not isinstance(data, dict):
            raise KeyFileError(f"签名设置文件 {path} 应为 JSON 对象")
        file = str(data.get("pkcs12_file") or "")
        password = str(data.get("pkcs12_password") or "")
        if password:  # never kept in plain text: moved into the user's key store at first reading
            _store_pkcs12_password(path, data, password)
        elif data.get("pkcs12_password_secret"):
            from .secret_store import get_secret

            password = get_secret(str(data["pkcs12_password_secret"])) or ""
        if not file:
            return None
    p = Path(file).expanduser()
    return SigningConfig(p if p.is_absolute() else data_dir / p, password)


def _store_pkcs12_password(path: Path, data: dict[str, Any], password: str) -> None:
    """Put the PKCS#12 password into the key store and rewrite ``signing.json`` without it."""
    import secrets

    from .secret_store import set_secret

    name = str(data.get("pkcs12_password_secret") or f"pkcs12:{secrets.token_hex(8)}")
    try:
        set_secret(name, password)
        rest = {k: v for k, v in data.items() if k != "pkcs12_password"} | {"pkcs12_password_secret": name}
        _write_private(path, json.dumps(rest, ensure_ascii=False, indent=1).encode("utf-8"), private=True)
    except (OSError, ValueError) as e:
        raise KeyFileError(f"无法把签名证书密码移入本机密钥库：{e}") from e


def _write_private(path: Path, data: bytes, private: bool) -> None:
    """Write ``data`` to ``path`` atomically; ``private``: readable by the owner only (0600)."""
    write_atomically(path, data, private=private)


def _subject(laptop_code: str, company: str) -> Any:
    from cryptography.x509 import Name, NameAttribute
    from cryptography.x509.oid import NameOID

    attrs = [NameAttribute(NameOID.COMMON_NAME, f"Aftersales Desk {laptop_code}".strip())]
    if company.strip():
        attrs.append(NameAttribute(NameOID.ORGANIZATION_NAME, company.strip()[:64]))
    return Name(attrs)


def make_certificate(key: Any, laptop_code: str, company: str) -> Any:
    """A self-signed certificate for ``key``: CN "Aftersales Desk <laptop_code>", O the company."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    name = _subject(laptop_code, company)
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # non-repudiation: the signer stands behind the content
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def ensure_laptop_key(data_dir: Path, laptop_code: str, company: str) -> tuple[bytes, bytes]:
    """This laptop's private key and certificate (PEM bytes), made and saved at first need.

    An existing key is never replaced (files signed with it must keep verifying elsewhere); a
    missing or unreadable certificate, or one for another key, is made anew for the existing key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    kp, cp = key_path(data_dir), cert_path(data_dir)
    key: Any = None
    if kp.exists():
        key = _load_key(data_dir, kp)
    else:
        key = ec.generate_private_key(ec.SECP256R1())
        _save_key(data_dir, kp, key)
    key_pem = key.private_bytes(  # in memory only: the file holds it encrypted
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    cert_pem = b""
    if cp.exists():
        try:
            cert_pem = cp.read_bytes()
            cert = x509.load_pem_x509_certificate(cert_pem)
            if cert.public_key().public_numbers() != key.public_key().public_numbers():
                cert_pem = b""
        except (OSError, ValueError):
            cert_pem = b""
    if not cert_pem:
        cert_pem = make_certificate(key, laptop_code, company).public_bytes(serialization.Encoding.PEM)
        try:
            _write_private(cp, cert_pem, private=False)
        except OSError as e:
            raise KeyFileError(f"无法保存本机证书 {cp}：{e.strerror or e}") from e
    return key_pem, cert_pem


KEY_ID_FILE = "laptop-key.id"


def _key_secret_name(data_dir: Path) -> str:
    """The name of the key's secret in the user's key store: ``laptop-key:<id>``, the id a random
    value kept beside the key (not secret; it travels with the key in a backup)."""
    import secrets

    id_path = data_dir / KEYS_DIR / KEY_ID_FILE
    try:
        key_id = id_path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        key_id = ""
    if not key_id.isalnum():
        key_id = secrets.token_hex(8)
        _write_private(id_path, key_id.encode("ascii"), private=True)
    return f"laptop-key:{key_id}"


def _save_key(data_dir: Path, kp: Path, key: Any) -> None:
    """Write the key encrypted (PKCS#8, AES-256) with a secret from the user's key store."""
    from cryptography.hazmat.primitives import serialization

    from .secret_store import ensure_secret

    try:
        secret = ensure_secret(_key_secret_name(data_dir))
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.BestAvailableEncryption(secret.encode("utf-8")))
        _write_private(kp, pem, private=True)
    except OSError as e:
        raise KeyFileError(f"无法保存本机签名密钥 {kp}：{e.strerror or e}") from e


def _load_key(data_dir: Path, kp: Path) -> Any:
    """The laptop key; a key file from before encryption (plain PKCS#8) is encrypted on first use."""
    from cryptography.hazmat.primitives import serialization

    from .secret_store import get_secret, where

    try:
        pem = kp.read_bytes()
    except OSError as e:
        raise KeyFileError(f"本机签名密钥 {kp} 无法读取：{e.strerror or e}") from e
    if b"ENCRYPTED" not in pem:
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError) as e:
            raise KeyFileError(f"本机签名密钥 {kp} 无法读取：{e}") from e
        _save_key(data_dir, kp, key)
        return key
    name = _key_secret_name(data_dir)
    secret = get_secret(name)
    if secret is None:
        raise KeyFileError(
            f"本机签名密钥 {kp} 已加密，但本机用户的密钥库（{where(name)}）中没有它的密码：这份密钥可能是从别的电脑或别的"
            "用户复制来的。已签字的 PDF 仍可校验；要在这台电脑上签字，请在原电脑上导出，或请总部为本机重新签发密钥。")
    try:
        return serialization.load_pem_private_key(pem, password=secret.encode("utf-8"))
    except (ValueError, TypeError) as e:
        raise KeyFileError(f"本机签名密钥 {kp} 无法用本机密钥库中的密码解开：{e}") from e


def laptop_certificate_pem(data_dir: Path) -> bytes | None:
    """This laptop's certificate (PEM) if one was made, without making one."""
    try:
        return cert_path(data_dir).read_bytes()
    except OSError:
        return None


def trusted_cert_files(data_dir: Path) -> list[Path]:
    """The certificate files placed in ``<data>/trusted-certs/`` (sorted by name)."""
    folder = trusted_dir(data_dir)
    try:
        return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in CERT_SUFFIXES)
    except OSError:
        return []
