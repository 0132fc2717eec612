"""Secrets kept outside the data folder: in the operating system's user-key store through
``keyring`` (Windows Credential Manager / DPAPI, macOS Keychain, the Secret Service on Linux), or,
where there is none (a headless Linux), in a file readable by this user alone under the user's
configuration folder.  Either way a copy of the data folder (or of a backup) does not carry the
secret, so whoever copies ``keys/laptop-key.pem`` cannot sign with it.

``AFTERSALES_DESK_SECRETS`` names the fallback folder (the tests point it at a temporary one).
"""

from __future__ import annotations

import os
import re
import secrets as _secrets
from pathlib import Path

from .files import write_atomically

SERVICE = "AftersalesDesk"
SECRETS_ENV = "AFTERSALES_DESK_SECRETS"
_NAME_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,120}$")


def _fallback_dir() -> Path:
    env = os.environ.get(SECRETS_ENV)
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("AftersalesDesk", "AftersalesDesk")) / "secrets"


def _file(name: str) -> Path:
    if not _NAME_RE.match(name):
        raise ValueError(name)
    return _fallback_dir() / name.replace(":", "_")


def _keyring():  # type: ignore[no-untyped-def]
    """The keyring module if a real backend is available, else ``None``."""
    try:
        import keyring
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
        return keyring
    except Exception:  # noqa: BLE001 - no usable key store is an ordinary situation
        return None


def get_secret(name: str) -> str | None:
    kr = _keyring()
    if kr is not None:
        try:
            value = kr.get_password(SERVICE, name)
            if value:
                return value
        except Exception:  # noqa: BLE001, S110 - a locked or broken store: try the file
            pass
    try:
        return _file(name).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def where(name: str) -> str:
    """Where the secret is kept, for messages ("系统密钥库" or the fallback file)."""
    return "系统密钥库" if _keyring() is not None else str(_file(name))


def set_secret(name: str, value: str) -> None:
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(SERVICE, name, value)
            if kr.get_password(SERVICE, name) == value:
                return
        except Exception:  # noqa: BLE001, S110 - fall back to the user-only file
            pass
    path = _file(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path.parent, 0o700)
    except OSError:
        pass
    write_atomically(path, value.encode("utf-8"), private=True)


def ensure_secret(name: str) -> str:
    """The secret called ``name``, made (random, 256 bits) at first need."""
    value = get_secret(name)
    if value is None:
        value = _secrets.token_urlsafe(32)
        set_secret(name, value)
    return value
