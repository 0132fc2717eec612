"""The signing key at rest (issue 11): encrypted with a secret kept outside the data folder (the
OS key store, or a user-only file), the data folder user-only, the PKCS#12 password never in plain
text; a copied key folder without its secret cannot sign."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from desktop.services.context import open_context
from desktop.storage import keys
from desktop.storage.secret_store import SECRETS_ENV


def test_the_key_file_is_encrypted_and_still_signs(tmp_path, data_dir):
    key_pem, _cert = keys.ensure_laptop_key(data_dir, "A3", "测试公司")
    stored = keys.key_path(data_dir).read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in stored and key_pem not in stored
    assert stat.S_IMODE(keys.key_path(data_dir).stat().st_mode) == 0o600
    again, _ = keys.ensure_laptop_key(data_dir, "A3", "测试公司")
    assert again == key_pem  # the same key, unlocked with the stored secret
    secrets_dir = Path(os.environ[SECRETS_ENV])
    assert stat.S_IMODE(secrets_dir.stat().st_mode) == 0o700
    assert not str(secrets_dir).startswith(str(data_dir))


def test_a_plain_key_from_before_is_encrypted_on_first_use(tmp_path):
    folder = Path(shutil.copytree(Path(__file__).parent / "data" / "schema-0005_desk" / "data", tmp_path / "d"))
    plain = keys.key_path(folder).read_bytes()
    assert b"ENCRYPTED" not in plain
    key_pem, _ = keys.ensure_laptop_key(folder, "F5", "测试公司")
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    def public(pem):
        return load_pem_private_key(pem, password=None).public_key().public_numbers()

    assert public(key_pem) == public(plain)  # the same key: PDFs signed with it keep verifying
    assert b"ENCRYPTED PRIVATE KEY" in keys.key_path(folder).read_bytes()


def test_a_copied_key_without_its_secret_cannot_sign(tmp_path, data_dir, monkeypatch):
    keys.ensure_laptop_key(data_dir, "A3", "测试公司")
    thief = tmp_path / "elsewhere"
    shutil.copytree(data_dir / keys.KEYS_DIR, thief / keys.KEYS_DIR)
    monkeypatch.setenv(SECRETS_ENV, str(tmp_path / "another-users-secrets"))
    with pytest.raises(keys.KeyFileError, match="已加密"):
        keys.ensure_laptop_key(thief, "A3", "测试公司")


def test_the_data_folder_is_user_only(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    open_context(folder).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_pkcs12_password_is_moved_out_of_signing_json(tmp_path, data_dir):
    config = data_dir / keys.SIGNING_CONFIG
    config.write_text(json.dumps({"pkcs12_file": "company.p12", "pkcs12_password": "s3cret"}), "utf-8")
    got = keys.signing_config(data_dir)
    assert got is not None and got.pkcs12_password == "s3cret"
    text = config.read_text(encoding="utf-8")
    assert "s3cret" not in text and "pkcs12_password_secret" in text
    assert keys.signing_config(data_dir).pkcs12_password == "s3cret"  # read back from the key store
