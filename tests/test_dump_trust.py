"""A dump is signed by the laptop that wrote it; signatures and archived revisions are accepted only
from a laptop this one trusts, nothing from a file changed after signing (issue 11)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.domain.clock import FixedClock
from desktop.services.context import open_context
from desktop.services.dump_signing import SIGNED, TAMPERED, UNSIGNED, UNTRUSTED, accept, open_dump, sign_dump
from desktop.services.trust import UntrustedFile
from desktop.storage import keys as keyfiles
from tests.support import NOW, raw_complaint
from tests.test_signatures import STROKES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _laptop(root: Path, code: str) -> Any:
    ctx = open_context(root / code, FixedClock(NOW))
    s = ctx.records.settings()
    s.laptop_code, s.company_name = code, "测试消杀药业有限公司"
    ctx.records.save_settings(s)
    return ctx


@pytest.fixture
def laptops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path, str]:
    """Laptop A1 with a complaint signed by the complainant, dumped with ``dump``; laptop B2 empty."""
    a = _laptop(tmp_path, "A1")
    rec = a.records.create("complaint", raw_complaint(received_date="2026-03-18"), by="王测试").record
    a.records.sign("complaint", rec.id, "complainant", "张三", STROKES)
    a.close()
    _laptop(tmp_path, "B2").close()
    dump = tmp_path / "a1.json"
    assert run(capsys, "--data-dir", str(tmp_path / "A1"), "dump", "-o", str(dump))[0] == 0
    return tmp_path / "A1", tmp_path / "B2", dump, rec.id


def _count(folder: Path) -> int:
    ctx = open_context(folder)
    try:
        return ctx.records.count("complaint")
    finally:
        ctx.close()


def test_a_dump_names_and_is_signed_by_its_laptop(laptops: Any) -> None:
    a, _b, dump, _id = laptops
    envelope = json.loads(dump.read_text(encoding="utf-8"))
    assert envelope["format"] == "aftersales-desk/dump" and envelope["laptop"] == "A1"
    assert envelope["records"][0]["signatures"]
    assert envelope["signature"]["certificate"] == keyfiles.laptop_certificate_pem(a).decode()
    assert open_dump(envelope, a).status == SIGNED  # its own laptop trusts it


def test_signatures_from_a_laptop_not_trusted_are_refused_until_its_certificate_is_placed(
    laptops: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, dump, rec_id = laptops
    code, _out, err = run(capsys, "--data-dir", str(b), "import", str(dump))
    assert code == 1 and "不信任" in err and "Aftersales Desk A1" in err and "trusted-certs" in err
    assert "TS-2026-A1-0001" in err and _count(b) == 0

    trusted = keyfiles.trusted_dir(b)
    trusted.mkdir(parents=True, exist_ok=True)
    shutil.copy(keyfiles.cert_path(a), trusted / "A1.pem")
    code, out, err = run(capsys, "--data-dir", str(b), "import", str(dump))
    assert code == 0, err
    assert "新增 1" in out
    ctx = open_context(b)
    try:
        assert [s.name for s in ctx.records.get("complaint", rec_id).signatures] == ["张三"]
    finally:
        ctx.close()


def test_a_dump_changed_after_signing_is_refused(laptops: Any, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, dump, _id = laptops
    keyfiles.trusted_dir(b).mkdir(parents=True, exist_ok=True)  # even from a trusted laptop
    shutil.copy(keyfiles.cert_path(a), keyfiles.trusted_dir(b) / "A1.pem")
    envelope = json.loads(dump.read_text(encoding="utf-8"))
    envelope["records"][0]["reason"] += "（补充）"
    changed = dump.with_name("changed.json")
    changed.write_text(json.dumps(envelope, ensure_ascii=False, indent=4), encoding="utf-8")
    code, _out, err = run(capsys, "--data-dir", str(b), "import", str(changed))
    assert code == 1 and "被改动" in err and _count(b) == 0
    # re-indented, keys reordered, but nothing changed: still the signed content
    same = dump.with_name("same.json")
    same.write_text(json.dumps(json.loads(dump.read_text(encoding="utf-8")), ensure_ascii=False, sort_keys=True),
                    encoding="utf-8")
    assert run(capsys, "--data-dir", str(b), "import", str(same))[0] == 0


def test_a_signature_made_with_another_key_under_a_trusted_certificate_is_refused(laptops: Any, tmp_path: Path) -> None:
    """A forger signs with its own key and pastes the trusted laptop's certificate."""
    a, _b, dump, _id = laptops
    forger = _laptop(tmp_path, "X9")
    forger.close()
    envelope = json.loads(dump.read_text(encoding="utf-8"))
    envelope["records"][0]["signatures"][0]["name"] = "李四"
    forged = sign_dump(envelope["records"], tmp_path / "X9", "X9", "", dt.datetime.now(dt.UTC))
    forged["signature"]["certificate"] = envelope["signature"]["certificate"]
    opened = open_dump(forged, a)
    assert opened.status == TAMPERED
    with pytest.raises(UntrustedFile):
        accept(opened, a)
    # and signed with its own certificate, it is just a laptop nobody trusts
    opened = open_dump(sign_dump(envelope["records"], tmp_path / "X9", "X9", "", dt.datetime.now(dt.UTC)), a)
    assert opened.status == UNTRUSTED and opened.signer == "Aftersales Desk X9"
    with pytest.raises(UntrustedFile, match="不信任"):
        accept(opened, a)


def test_unsigned_files_may_bring_records_but_not_signatures(laptops: Any, capsys: pytest.CaptureFixture[str]) -> None:
    _a, b, dump, _id = laptops
    records = json.loads(dump.read_text(encoding="utf-8"))["records"]
    bare = dump.with_name("bare.json")  # the bare list older versions wrote, or a hand-made file
    bare.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "--data-dir", str(b), "import", str(bare))
    assert code == 1 and "没有签名" in err and _count(b) == 0

    plain = {k: v for k, v in records[0].items() if k not in ("signatures", "revisions")}
    plain["status"] = "已登记"
    bare.write_text(json.dumps([plain], ensure_ascii=False), encoding="utf-8")
    assert open_dump([plain], b).status == UNSIGNED
    code, out, err = run(capsys, "--data-dir", str(b), "import", str(bare))
    assert code == 0, err
    assert "没有签名" in err and "新增 1" in out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda e: e.update(format_version=99), "格式版本"),
        (lambda e: e.update(format="something-else"), "不是本软件的导出文件"),
        (lambda e: e.update(records={"a": 1}), "没有记录列表"),
        (lambda e: e.update(signature="yes"), "签名不完整"),
        (lambda e: e["signature"].update(algorithm="md5"), "签名不完整"),
        (lambda e: e["signature"].update(value="%%%"), "无法读取"),
        (lambda e: e["signature"].update(certificate="-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
         "无法读取"),
        (lambda e: e["signature"].update(value=base64.b64encode(b"\x00" * 70).decode()), "被改动"),
    ],
)
def test_hostile_envelopes_are_refused_with_a_message(laptops: Any, capsys: pytest.CaptureFixture[str],
                                                       change: Any, expected: str) -> None:
    a, _b, dump, _id = laptops
    envelope = json.loads(dump.read_text(encoding="utf-8"))
    change(envelope)
    bad = dump.with_name("bad.json")
    bad.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "--data-dir", str(a), "import", str(bad))
    assert code == 1 and expected in err, err
