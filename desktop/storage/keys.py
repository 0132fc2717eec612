"""The key files of the data folder: this laptop's signing key and certificate, the company's PKCS#12
file when one is configured, and the certificates this laptop trusts.

Layout (see ``docs/signing.md``)::

    <data>/keys/laptop-key.pem      this laptop's private key (EC P-256, PKCS#8 PEM, mode 0600)
    <data>/keys/laptop-cert.pem     its self-signed certificate (give this file to head office)
    <data>/signing.json             optional: {"pkcs12_file": "...", "pkcs12_password": "..."}
    <data>/trusted-certs/*.pem      certificates of other laptops (or the company's CA) to trust

The key is made at first need (the first export), not at start-up: EC P-256 takes a few milliseconds.
Only ``cryptography`` is used here (imported lazily); pyHanko is in ``services.signing``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
        if not file:
            return None
    p = Path(file).expanduser()
    return SigningConfig(p if p.is_absolute() else data_dir / p, password)


def _write_private(path: Path, data: bytes, private: bool) -> None:
    """Write ``data`` to ``path`` atomically; ``private``: readable by the owner only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        if private:
            try:
                os.fchmod(fd, 0o600)
            except (AttributeError, OSError):  # Windows: no POSIX modes (the folder's ACL applies)
                pass
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not private:
            try:
                os.chmod(tmp, 0o644)
            except OSError:
                pass
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        try:
            key_pem = kp.read_bytes()
            key = serialization.load_pem_private_key(key_pem, password=None)
        except (OSError, ValueError, TypeError) as e:
            raise KeyFileError(f"本机签名密钥 {kp} 无法读取：{e}") from e
    else:
        key = ec.generate_private_key(ec.SECP256R1())
        key_pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        try:
            _write_private(kp, key_pem, private=True)
        except OSError as e:
            raise KeyFileError(f"无法保存本机签名密钥 {kp}：{e.strerror or e}") from e
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
