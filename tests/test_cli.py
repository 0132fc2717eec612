"""The command line: example, import (all or nothing), dump, export, settings."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.domain import complaint as c
from desktop.services.context import open_context


@pytest.fixture
def data(tmp_path):
    return str(tmp_path / "data")


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_example_imports_and_dumps_back_unchanged(tmp_path, data, capsys):
    code, out, _ = run(capsys, "example", "complaint")
    assert code == 0
    example = json.loads(out)
    assert example["kind"] == "complaint" and "number" not in example and "id" not in example
    (tmp_path / "ex.json").write_text(out, encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", data, "import", str(tmp_path / "ex.json"))
    assert code == 0, err
    code, _, _ = run(capsys, "--data-dir", data, "dump", "-o", str(tmp_path / "d1.json"))
    assert code == 0
    dumped = json.loads((tmp_path / "d1.json").read_text(encoding="utf-8"))["records"]
    assert len(dumped) == 1
    for key, value in example.items():
        if key == "photos":
            assert [p["sha256"] for p in dumped[0]["photos"]] == [p["sha256"] for p in value]
        elif key == "items":  # plus each row's computed 有效期至 (no delivery of the batch here: null)
            assert [{k: v for k, v in row.items() if k != "expiry_date"} for row in dumped[0][key]] == value
            assert all(row["expiry_date"] is None for row in dumped[0][key])
        else:
            assert dumped[0][key] == value, key
    # Into a second laptop's database, and out again: the same records, each byte for byte (the
    # envelope names the laptop that wrote it, and its signature).
    other = str(tmp_path / "other")
    assert run(capsys, "--data-dir", other, "import", str(tmp_path / "d1.json"))[0] == 0
    assert run(capsys, "--data-dir", other, "dump", "-o", str(tmp_path / "d2.json"))[0] == 0
    d1, d2 = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("d1.json", "d2.json"))
    assert json.dumps(d2["records"], ensure_ascii=False) == json.dumps(d1["records"], ensure_ascii=False)
    assert d1["signature"]["certificate"] != d2["signature"]["certificate"]  # each laptop signs with its own key
    # Importing the dump again updates the same records instead of adding copies.
    assert run(capsys, "--data-dir", other, "import", str(tmp_path / "d1.json"))[0] == 0
    ctx = open_context(tmp_path / "other")
    assert ctx.records.count("complaint") == 1
    ctx.close()


def test_a_bad_record_leaves_the_database_unchanged(tmp_path, data, capsys):
    _, out, _ = run(capsys, "example", "complaint")
    good = json.loads(out)
    bad = json.loads(out)
    bad["items"][0]["quantity"] = -3
    bad["complainant_phone"] = "12345"
    (tmp_path / "batch.json").write_text(json.dumps([good, good | {"reason": "另一条"}, bad], ensure_ascii=False))
    code, out, err = run(capsys, "--data-dir", data, "import", str(tmp_path / "batch.json"))
    assert code == 1
    assert "没有写入任何记录" in err
    assert "记录 #2: items[0].quantity: 应大于 0" in err
    assert "记录 #2: complainant_phone: 不是有效的电话号码" in err
    ctx = open_context(tmp_path / "data")
    assert ctx.records.count("complaint") == 0
    ctx.close()


@pytest.mark.parametrize("mutate,expected", [
    (lambda o: o.update(kind="invoice"), "记录 #0: kind: 未知的记录类型“invoice”"),
    (lambda o: o.update(colour="red"), "记录 #0: colour: 未知的字段“colour”"),
    (lambda o: o.update(status="已完成"), "记录 #0: status: “已完成”不是有效状态"),
    (lambda o: o.update(received_date="2026-02-30"), "记录 #0: received_date: 日期无效：2026 年 2 月没有 30 日"),
    (lambda o: o.update(quality_determination=None), "记录 #0: quality_determination: 必填"),
    (lambda o: o["photos"][0].update(content_base64="bm90IGFuIGltYWdl", sha256=None), "不是可识别的图片"),
])
def test_import_names_record_field_and_reason(tmp_path, data, capsys, mutate, expected):
    _, out, _ = run(capsys, "example", "complaint")
    obj = json.loads(out)
    mutate(obj)
    (tmp_path / "one.json").write_text(json.dumps(obj, ensure_ascii=False))
    code, _, err = run(capsys, "--data-dir", data, "import", str(tmp_path / "one.json"))
    assert code == 1
    assert expected in err


def test_import_refuses_a_number_taken_by_another_record(tmp_path, data, capsys):
    run(capsys, "--data-dir", data, "demo", "--count", "3")
    run(capsys, "--data-dir", data, "dump", "-o", str(tmp_path / "d.json"))
    records = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["records"]
    records[0]["id"] = "00000000-0000-4000-8000-000000000001"
    (tmp_path / "clash.json").write_text(json.dumps(records[:1], ensure_ascii=False))
    code, _, err = run(capsys, "--data-dir", data, "import", str(tmp_path / "clash.json"))
    assert code == 1 and "已被另一条记录使用" in err


def test_not_json_and_missing_file(tmp_path, data, capsys):
    (tmp_path / "x.json").write_text("{not json")
    code, _, err = run(capsys, "--data-dir", data, "import", str(tmp_path / "x.json"))
    assert code == 1 and "不是有效的 JSON" in err
    code, _, err = run(capsys, "--data-dir", data, "import", str(tmp_path / "missing.json"))
    assert code == 1 and "无法读取文件" in err


def test_demo_has_every_status(tmp_path, data, capsys):
    code, out, _ = run(capsys, "--data-dir", data, "demo")
    assert code == 0
    ctx = open_context(tmp_path / "data")
    statuses = {r.status for r in ctx.records.search("complaint")}
    assert statuses == set(c.STATUSES)
    ctx.close()


@pytest.mark.timeout(600)  # every record of every form to PDF: a minute on a busy 2-core machine
def test_export_one_and_all(tmp_path, data, capsys):
    run(capsys, "--data-dir", data, "demo", "--count", "4")
    ctx = open_context(tmp_path / "data")
    number = ctx.records.search("complaint")[0].number
    ctx.close()
    code, _, _ = run(capsys, "--data-dir", data, "export", number, "-o", str(tmp_path / "one.pdf"))
    assert code == 0 and (tmp_path / "one.pdf").read_bytes().startswith(b"%PDF")
    code, _, _ = run(capsys, "--data-dir", data, "export", "--all", "-o", str(tmp_path / "all"))
    assert code == 0
    assert len(list((tmp_path / "all").glob("TS-*.pdf"))) == 4
    code, _, err = run(capsys, "--data-dir", data, "export", "TS-1999-ZZ-0001", "-o", str(tmp_path / "no.pdf"))
    assert code == 1 and "没有编号" in err


def test_settings_are_validated(tmp_path, data, capsys):
    code, out, _ = run(capsys, "--data-dir", data, "settings", "--laptop-code", "A3", "--company-name", "华康消杀")
    assert code == 0 and "本机代码（laptop_code）：A3" in out
    code, _, err = run(capsys, "--data-dir", data, "settings", "--laptop-code", "toolong")
    assert code == 1 and "本机代码" in err


def test_module_entry_point_and_env_data_dir(tmp_path):
    env = {"AFTERSALES_DESK_DATA": str(tmp_path / "envdata"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "desktop", "demo", "--count", "2"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "envdata" / "aftersales.sqlite").exists()


def test_demo_twice_does_not_double_the_data(tmp_path, data, capsys):
    assert run(capsys, "--data-dir", data, "demo", "--count", "3")[0] == 0
    ctx = open_context(tmp_path / "data")
    first = ctx.records.count("complaint")
    ctx.close()
    code, out, _ = run(capsys, "--data-dir", data, "demo", "--count", "3")
    assert code == 0 and "未再生成" in out
    ctx = open_context(tmp_path / "data")
    assert ctx.records.count("complaint") == first == 3
    ctx.close()
    assert run(capsys, "--data-dir", data, "demo", "--count", "3", "--again")[0] == 0
    ctx = open_context(tmp_path / "data")
    assert ctx.records.count("complaint") == 6
    ctx.close()


def test_letter_and_blank_survey_from_the_command_line(tmp_path, data, capsys):
    from pypdf import PdfReader

    run(capsys, "--data-dir", data, "settings", "--objection-hours", "36", "--company-name", "华康消杀药业有限公司")
    code, _, _ = run(capsys, "--data-dir", data, "letter", "-o", str(tmp_path / "letter.pdf"), "--to", "北京市第一人民医院")
    assert code == 0
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "letter.pdf").pages).replace("\n", "")
    assert "售后服务承诺书" in text and "北京市第一人民医院" in text and "36" in text and "华康消杀药业有限公司" in text
    ctx = open_context(tmp_path / "data")
    survey = ctx.records.create("survey", {"survey_type": "年度调查", "survey_date": "2026-01-05",
                                           "customer_unit": "杭州市西湖区第三中学", "respondent": "陈静"}).record
    ctx.close()
    code, _, _ = run(capsys, "--data-dir", data, "export", survey.number, "--blank", "-o", str(tmp_path / "b.pdf"))
    assert code == 0
    page = PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
    assert "✓" not in page and "杭州市西湖区第三中学" in page and survey.number in page
    code, _, err = run(capsys, "--data-dir", data, "export", "--all", "--blank", "-o", str(tmp_path / "x"))
    assert code == 2 and "--blank" in err


HOSTILE_IMPORTS = [
    (b'\xff\xfe[{"kind": 1}]', "UTF-16"),
    ('[{"kind": "complaint", "reason": "café"}]'.encode("latin-1"), "不是 UTF-8"),
    (b"[" * 100000 + b"]" * 100000, "嵌套层数过深"),
    (b'[{"kind": "complaint", "cost_amount": ' + b"9" * 5000 + b"}]", "位数过多"),
    (b'[{"kind": "complaint", "cost_amount": 1e308}]', "cost_amount: 数值过大"),
    (b'[{"kind": "delivery", "quantity": 1e308}]', "quantity: 数值过大"),
    (b'[{"kind": ["complaint"]}]', "kind: 未知的记录类型"),
    (b'[{"kind": "ticket", "issue": "\\ud800"}]', "issue: 含有无法识别的字符"),
    (b"5", "应为 JSON 对象"),
    (b"{", "不是有效的 JSON"),
]


@pytest.mark.parametrize(("content", "said"), HOSTILE_IMPORTS, ids=[s for _c, s in HOSTILE_IMPORTS])
def test_a_hostile_import_file_is_refused_with_a_reason_and_writes_nothing(tmp_path, data, capsys, content, said):
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    code, _out, err = run(capsys, "--data-dir", data, "import", str(path))
    assert code == 1
    assert said in err and "Traceback" not in err
    ctx = open_context(tmp_path / "data")
    try:
        assert sum(ctx.records.count(k) for k in ("complaint", "delivery", "ticket")) == 0
    finally:
        ctx.close()
