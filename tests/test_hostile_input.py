"""Files from outside are untrusted: hostile bytes, JSON, numbers and picture references are refused
with a Chinese message naming record, field and reason, a non-zero exit and nothing written; every
file name the app writes stays inside its folder (issue 11)."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.demo import example_object
from desktop.services.dump_signing import sign_dump
from desktop.storage.db import DB_FILENAME

DUMP_0005 = Path(__file__).parent / "data" / "schema-0005_desk" / "dump.json"
TODAY = __import__("datetime").date(2026, 3, 20)


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def example(**changes):
    obj = example_object("complaint", TODAY)
    obj.update(changes)
    return obj


def _with_item(**row):
    obj = example()
    obj["items"] = [{**obj["items"][0], **row}]
    return obj


def counts(data_dir: Path) -> int:
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return sum(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
                   if t not in ("alembic_version",))
    finally:
        con.close()


def _b(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


SHA_OF_NOTHING = hashlib.sha256(b"no such picture").hexdigest()

# (name, file bytes, a fragment the message must contain)
HOSTILE = [
    ("utf16-bom-kind-int", b'\xff\xfe[{"kind": 1}]', "UTF-16"),
    ("utf16", json.dumps([example()], ensure_ascii=False).encode("utf-16"), "UTF-16"),
    ("utf16-be-no-bom", json.dumps([example()]).encode("utf-16-be"), "UTF-16"),
    ("latin1", json.dumps([example(reason="café é")]).replace("\\u00e9", "é").encode("latin-1"), "UTF-8"),
    ("gbk", json.dumps([example()], ensure_ascii=False).encode("gbk"), "UTF-8"),
    ("invalid-utf8", b'[{"kind":"complaint","reason":"\xc3\x28"}]', "UTF-8"),
    ("lone-surrogate", json.dumps([example(reason="\ud800")]).encode("ascii"), "reason"),
    ("surrogate-in-key", b'[{"kind":"complaint","\\udfff":1}]', "字段名"),
    ("nul", json.dumps([example(reason="a\x00b")]).encode(), "reason"),
    ("deep-nesting", b"[" * 50_000 + b"]" * 50_000, "嵌套"),
    ("moderate-nesting", json.dumps([example(reason=[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]])]).encode(), "嵌套"),
    ("5000-digit-int", ('[{"kind":"complaint","revision":%s}]' % ("9" * 5000)).encode(), "位数"),
    ("5000-digit-quantity", _b([_with_item(quantity=1)]).replace(b'"quantity": 1', b'"quantity": ' + b"7" * 5000), "位数"),
    ("1e308-quantity", _b([_with_item(quantity=1e308)]), "quantity"),
    ("1e308-string-quantity", _b([_with_item(quantity="1e308")]), "quantity"),
    ("1e999-quantity", _b([_with_item(quantity=1)]).replace(b'"quantity": 1', b'"quantity": 1e999'), "超出范围"),
    ("nan-quantity", _b([_with_item(quantity=1)]).replace(b'"quantity": 1', b'"quantity": NaN'), "NaN"),
    ("huge-int-cost", _b([example(cost_amount=10 ** 17)]), "cost_amount"),
    ("huge-revision", _b([example(revision=10 ** 17)]), "revision"),
    ("kind-list", b'[{"kind":["complaint"]}]', "kind"),
    ("kind-object", b'[{"kind":{"a":1}}]', "kind"),
    ("kind-missing", b'[{"number":"TS-2026-A3-0001"}]', "kind"),
    ("top-level-number", b"42", "记录对象"),
    ("top-level-string", b'"complaint"', "记录对象"),
    ("not-json", b"kind=complaint", "JSON"),
    ("empty-file", b"", "JSON"),
    ("dotdot-number", b'[{"kind":"complaint","number":"../x"}]', "number"),
    ("dotdot-number-full", _b([example(number="../x")]), "number"),
    ("absolute-number", _b([example(number="/tmp/evil")]), "number"),
    ("windows-number", _b([example(number="..\\..\\evil")]), "number"),
    ("number-int", _b([example(number=7)]), "number"),
    ("other-kinds-prefix", _b([example(number="FW-2026-A3-0001")]), "前缀"),
    ("year-1850", _b([example(number="TS-1850-A3-0001")]), "年份"),
    ("sequence-zero", _b([example(number="TS-2026-A3-0000")]), "序号"),
    ("lowercase-laptop", _b([example(number="TS-2026-a3-0001")]), "number"),
    ("photo-path", _b([example(photos=[{"sha256": "../../keys/laptop-key.pem", "filename": "x.jpg"}])]), "SHA-256"),
    ("photo-absent", _b([example(photos=[{"sha256": SHA_OF_NOTHING, "filename": "x.jpg"}])]), "photos[0]"),
    ("photo-content-not-string", _b([example(photos=[{"content_base64": 5, "filename": "x.jpg"}])]), "base64"),
    ("photo-content-mismatch", _b([example(photos=[{"sha256": SHA_OF_NOTHING, "filename": "x.jpg",
                                                     "content_base64": base64.b64encode(b"\x89PNG\r\n\x1a\nxx").decode()}])]),
     "sha256"),
    ("revision-99-without-history", _b([example(revision=99)]), "revision"),
    ("own-source", _b([example(id="6f1f5f36-64c3-4c4b-9b8d-6a1d3c1f0a11",
                               source={"kind": "complaint", "id": "6f1f5f36-64c3-4c4b-9b8d-6a1d3c1f0a11",
                                       "number": "TS-2026-A3-0001"})]), "source"),
]


@pytest.mark.parametrize("name,data,fragment", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_import_is_refused_with_a_message_and_writes_nothing(tmp_path, data_dir, capsys, name, data, fragment):
    before = counts(data_dir)
    f = tmp_path / f"{name}.json"
    f.write_bytes(data)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(f))
    assert code == 1, (out, err)
    assert "导入失败，没有写入任何记录" in err
    assert fragment in err, err
    assert "Traceback" not in err
    assert counts(data_dir) == before


@pytest.mark.parametrize("name", ["utf16-bom-kind-int", "deep-nesting", "5000-digit-int", "kind-list", "dotdot-number"])
def test_hostile_import_through_a_real_process(tmp_path, data_dir, name):
    data = {h[0]: h[1] for h in HOSTILE}[name]
    f = tmp_path / "x.json"
    f.write_bytes(data)
    r = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "import", str(f)],
                       capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 1
    assert "导入失败" in r.stderr and "Traceback" not in r.stderr


def test_the_example_still_imports(tmp_path, data_dir, capsys):
    f = tmp_path / "ok.json"
    f.write_bytes(_b([example(number="TS-2026-Q9-0042")]))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(f))
    assert code == 0, err
    assert "TS-2026-Q9-0042" in out


def test_a_number_another_kind_holds_is_refused(tmp_path, data_dir, capsys):
    f = tmp_path / "one.json"
    f.write_bytes(_b([example(number="TS-2026-Q9-0042")]))
    assert run(capsys, "--data-dir", str(data_dir), "import", str(f))[0] == 0
    before = counts(data_dir)
    survey = example_object("complaint", TODAY)
    survey["number"] = "TS-2026-Q9-0042"
    f.write_bytes(_b([survey]))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(f))
    assert code == 1 and "TS-2026-Q9-0042" in err and "已被另一条记录使用" in err
    assert counts(data_dir) == before


def test_a_picture_whose_bytes_do_not_match_its_name_is_not_taken(tmp_path, data_dir, capsys):
    """A reference to a picture "already here" is believed only if the stored bytes hash to it."""
    png = b"\x89PNG\r\n\x1a\n" + b"picture"
    sha = hashlib.sha256(png).hexdigest()
    target = data_dir / "photos" / sha[:2] / sha
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"\x89PNG\r\n\x1a\n" + b"tampered")
    f = tmp_path / "x.json"
    f.write_bytes(_b([example(photos=[{"sha256": sha, "filename": "x.png", "media_type": "image/png"}])]))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(f))
    assert code == 1 and "photos[0]" in err


def test_signature_picture_reference_must_be_a_hash(tmp_path, data_dir, capsys):
    dump = json.loads(DUMP_0005.read_text(encoding="utf-8"))
    signed = copy.deepcopy(next(o for o in dump if o["kind"] == "complaint" and o.get("signatures")))
    signed["signatures"][0]["image_sha256"] = "../../keys/laptop-key.pem"
    signed["signatures"][0].pop("image_base64", None)
    f = tmp_path / "x.json"
    # signed by this laptop itself, so that the import trusts the file and reaches the reference
    f.write_bytes(_b(sign_dump([signed], data_dir, "T1", "测试", dt.datetime.now(dt.UTC))))
    before = counts(data_dir)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(f))
    assert code == 1 and "signatures[0]" in err
    assert counts(data_dir) == before


def _set_number(data_dir: Path, table: str, number: str) -> None:
    """A number from before the checks existed, written behind the app's back."""
    con = sqlite3.connect(data_dir / DB_FILENAME)
    with con:
        con.execute(f'UPDATE "{table}" SET number = ? WHERE rowid = (SELECT min(rowid) FROM "{table}")', (number,))
    con.close()


def test_export_all_writes_only_inside_its_folder(tmp_path, data_dir, capsys):
    f = tmp_path / "two.json"
    f.write_bytes(_b([example(), example_object("service-report", TODAY)]))
    assert run(capsys, "--data-dir", str(data_dir), "import", str(f))[0] == 0
    _set_number(data_dir, "complaint", "../../escaped")
    _set_number(data_dir, "service_report", "../../escaped")  # two kinds sharing one number, too
    out_dir = tmp_path / "a" / "b" / "pdfs"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export", "--all", "-o", str(out_dir))
    assert code == 0, err
    written = sorted(p.name for p in out_dir.iterdir())
    assert len([n for n in written if n.endswith(".pdf")]) == 2, written
    assert all(not n.startswith(".") and "/" not in n for n in written)
    assert not (tmp_path / "escaped.pdf").exists() and not (tmp_path / "a" / "escaped.pdf").exists()


def test_training_sheets_stay_inside_their_folder(tmp_path, data_dir, capsys):
    f = tmp_path / "t.json"
    f.write_bytes(_b([example_object("training", TODAY)]))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(f))
    assert code == 0, err
    _set_number(data_dir, "training", "../escaped")
    out_dir = tmp_path / "x" / "sheets"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "training-sheets", "../escaped", "--sign-in",
                         "-o", str(out_dir))
    assert code == 0, err
    assert [p.name for p in out_dir.iterdir() if p.suffix == ".pdf"] == ["escaped-签到表.pdf"]
    assert not list((tmp_path / "x").glob("*.pdf"))


def test_dump_with_a_missing_photo_says_which_and_writes_nothing(tmp_path, data_dir, capsys):
    png = b"\x89PNG\r\n\x1a\n" + b"evidence"
    f = tmp_path / "p.json"
    f.write_bytes(_b([example(number="TS-2026-Q9-0007", photos=[
        {"filename": "p.png", "media_type": "image/png", "content_base64": base64.b64encode(png).decode()}])]))
    assert run(capsys, "--data-dir", str(data_dir), "import", str(f))[0] == 0
    sha = hashlib.sha256(png).hexdigest()
    (data_dir / "photos" / sha[:2] / sha).unlink()
    target = tmp_path / "dump.json"
    code, _, err = run(capsys, "--data-dir", str(data_dir), "dump", "-o", str(target))
    assert code == 1 and "TS-2026-Q9-0007" in err and sha in err and "Traceback" not in err
    assert not target.exists()


def test_export_of_an_unknown_number_and_verify_of_non_pdfs(tmp_path, data_dir, capsys):
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export", "NO-SUCH-NUMBER", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "NO-SUCH-NUMBER" in err and not (tmp_path / "x.pdf").exists()
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "complaint"}', encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "verify", str(bad))
    assert code == 1 and "不是 PDF" in err
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "verify", str(fake))
    assert code == 1 and "Traceback" not in err and "完好" not in out
