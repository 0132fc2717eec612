"""``aftersales-desk server …`` and ``sync`` on the command line (issue 12): accounts and laptops on
the suite's own PostgreSQL, every refusal a Chinese message and exit status 1, never a traceback;
a bundle round trip through files."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.storage.server_accounts import ServerLaptop, ServerUser, check_login, token_hash
from tests.sync_helpers import head_office, laptop, new_complaint, running


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *argv: str,
         stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(tmp_path / "unused"), *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_init_users_laptops_and_revoking(pg_url: str, capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    code, out, _ = _run(capsys, monkeypatch, tmp_path, "server", "init", "--database", pg_url)
    assert code == 0 and "0007_server" in out
    code, _, _ = _run(capsys, monkeypatch, tmp_path, "server", "init", "--database", pg_url)  # again: fine
    assert code == 0
    code, out, _ = _run(capsys, monkeypatch, tmp_path, "server", "add-user", "赵总", "--role", "总经理",
                        "--database", pg_url, stdin="correct horse battery\n")
    assert code == 0 and "赵总" in out
    code, out, _ = _run(capsys, monkeypatch, tmp_path, "server", "add-laptop", "A1", "--database", pg_url)
    token = out.strip().splitlines()[0]
    assert code == 0 and token.startswith("A1.") and len(token) > 40
    hq = head_office(pg_url)
    try:
        with hq.db.session() as s:
            user = s.scalars(select(ServerUser)).one()
            assert user.role == "总经理" and "correct horse" not in user.password_hash
            assert user.password_hash.startswith("$argon2id$")
            assert check_login(s, "赵总", "correct horse battery") is not None
            assert check_login(s, "赵总", "wrong password") is None
            laptop_row = s.get(ServerLaptop, "A1")
            assert laptop_row.token_hash == token_hash(token) and token not in laptop_row.token_hash
            assert not laptop_row.revoked
        code, _, _ = _run(capsys, monkeypatch, tmp_path, "server", "revoke", "A1", "--database", pg_url)
        assert code == 0
        with hq.db.session() as s:
            assert s.get(ServerLaptop, "A1").revoked
    finally:
        hq.db.dispose()


REFUSALS = [
    (["server", "add-user", "钱员", "--role", "董事长"], "secret-password\n", "未知的角色"),
    (["server", "add-user", "钱员"], "secret-password\n", "--role"),
    (["server", "add-user", "钱员", "--role", "售后服务人员"], "", "密码为空"),
    (["server", "add-user", "钱员", "--role", "售后服务人员"], "short\n", "密码太短"),
    (["server", "add-user", "赵总", "--role", "总经理"], "another password\n", "已存在"),
    (["server", "add-laptop", "A1"], "", "已登记"),
    (["server", "add-laptop", "hq"], "", "总部"),
    (["server", "add-laptop", "TOO-LONG"], "", "无效"),
    (["server", "revoke", "ZZ9"], "", "没有登记"),
    (["server", "run", "--port", "99999"], "", "端口"),
    (["server", "import-bundle", "/nonexistent/bundle.json"], "", "找不到"),
    (["server", "decide", "TS-2026-A1-0001", "gm"], "", "--user"),
    (["server", "proposals", "accept"], "", "提议的编号"),
]


def test_server_commands_refuse_bad_input(pg_url: str, capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    """One database for every case (each is refused before anything is written)."""
    _run(capsys, monkeypatch, tmp_path, "server", "add-user", "赵总", "--role", "总经理", "--database", pg_url,
         stdin="correct horse battery\n")
    _run(capsys, monkeypatch, tmp_path, "server", "add-laptop", "A1", "--database", pg_url)
    for argv, stdin, message in REFUSALS:
        code, _, err = _run(capsys, monkeypatch, tmp_path, *argv, "--database", pg_url, stdin=stdin)
        assert code == 1 and message in err and err.startswith("错误："), (argv, err)


@pytest.mark.parametrize("url, message", [
    ("mysql://root@localhost/x", "PostgreSQL"),
    ("not a url at all", "无效"),
    ("postgresql://nobody@127.0.0.1:1/none", "无法使用总部数据库"),
])
def test_a_bad_or_unreachable_database_is_said_so(capsys: Any, monkeypatch: Any, tmp_path: Path, url: str,
                                                  message: str) -> None:
    code, _, err = _run(capsys, monkeypatch, tmp_path, "server", "init", "--database", url)
    assert code == 1 and message in err and err.startswith("错误：")


def test_a_missing_database_is_said_so(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    monkeypatch.delenv("AFTERSALES_DESK_DATABASE", raising=False)
    code, _, err = _run(capsys, monkeypatch, tmp_path, "server", "add-laptop", "A1")
    assert code == 1 and "--database" in err


def test_sync_command_errors(capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    data = str(tmp_path / "laptop")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--data-dir", data, "sync", "--server", "http://127.0.0.1:1"]) == 1
    assert "--token" in capsys.readouterr().err
    assert main(["--data-dir", data, "sync", "--server", "http://127.0.0.1:1", "--token", "ZZ.x"]) == 1
    err = capsys.readouterr().err
    assert "无法连接总部服务器" in err and "Traceback" not in err
    assert main(["--data-dir", data, "sync", "--server", "ftp://x", "--token", "ZZ.x"]) == 1
    assert "https://" in capsys.readouterr().err
    assert main(["--data-dir", data, "sync", "--token", "ZZ.x", "--from-file", str(tmp_path / "none.json")]) == 1
    assert "找不到" in capsys.readouterr().err


def test_sync_command_remembers_server_and_token_not_in_clear(pg_url: str, capsys: Any, monkeypatch: Any,
                                                              tmp_path: Path) -> None:
    from desktop.storage.server_accounts import add_laptop

    hq = head_office(pg_url)
    with hq.db.write() as s:
        token = add_laptop(s, "T1")
    ctx = laptop(tmp_path, "T1")
    new_complaint(ctx)
    data = str(ctx.data_dir)
    ctx.close()
    try:
        with running(hq) as url:
            assert main(["--data-dir", data, "sync", "--server", url, "--token", token]) == 0
            assert "发出 1 条，收到 0 条，保留为冲突 0 条" in capsys.readouterr().out
            assert main(["--data-dir", data, "sync"]) == 0  # remembered
            assert "发出 0 条，收到 0 条" in capsys.readouterr().out
        stored = b"".join(p.read_bytes() for p in Path(data).rglob("*") if p.is_file())
        assert token.encode() not in stored
        with hq.db.write() as s:
            from desktop.storage.server_accounts import revoke_laptop

            revoke_laptop(s, "T1")
        with running(hq) as url2:
            assert main(["--data-dir", data, "sync", "--server", url2]) == 1
            err = capsys.readouterr().err
            assert "吊销" in err and "Traceback" not in err
    finally:
        hq.db.dispose()


def test_a_bundle_round_trip_carries_records_and_decisions_both_ways(pg_url: str, capsys: Any, monkeypatch: Any,
                                                                     tmp_path: Path) -> None:
    from desktop.domain.clock import FixedClock
    from desktop.services.context import open_context
    from desktop.services.demo import example_object
    from desktop.services.sync.decisions import decide
    from desktop.services.transfer import import_records
    from desktop.storage.server_accounts import add_laptop, add_user
    from tests.support import NOW, TODAY

    hq = head_office(pg_url)
    with hq.db.write() as s:
        token = add_laptop(s, "T1")
        add_user(s, "周代表", "管理者代表", "correct horse battery")
    ctx = laptop(tmp_path, "T1")
    rec = new_complaint(ctx)
    import_records(ctx.records, [example_object("complaint", TODAY)])  # with a photo
    data = str(ctx.data_dir)
    ctx.close()
    out_file, answer = tmp_path / "usb" / "to-hq.json", tmp_path / "usb" / "answer.json"
    out_file.parent.mkdir()
    try:
        assert main(["--data-dir", data, "sync", "--token", token, "--to-file", str(out_file)]) == 0
        assert "2 条" in capsys.readouterr().out
        # Changed on the way: refused, nothing written.
        tampered = json.loads(out_file.read_text(encoding="utf-8"))
        tampered["records"][0]["reason"] = "途中被改写"
        bad = tmp_path / "usb" / "tampered.json"
        bad.write_text(json.dumps(tampered, ensure_ascii=False), encoding="utf-8")
        code, _, err = _run(capsys, monkeypatch, tmp_path, "server", "import-bundle", str(bad), "--database", pg_url)
        assert code == 1 and "校验码不符" in err
        assert hq.count("complaint") == 0
        code, out, _ = _run(capsys, monkeypatch, tmp_path, "server", "import-bundle", str(out_file),
                            "-o", str(answer), "--database", pg_url)
        assert code == 0 and str(answer) in out and "收到 2 条记录" in out
        assert hq.count("complaint") == 2
        photo = next(r for r in hq.all_records("complaint") if r.id != rec.id).values.photos["photos"][0]
        assert hq.photos.holds(photo.sha256)
        code, out, _ = _run(capsys, monkeypatch, tmp_path, "server", "import-bundle", str(out_file),
                            "-o", str(answer), "--database", pg_url)  # the same bundle again: nothing new
        assert code == 0 and "0 条保留为冲突" in out and hq.count("complaint") == 2
        assert main(["--data-dir", data, "sync", "--from-file", str(answer)]) == 0
        assert "收到 0 条" in capsys.readouterr().out
        # Head office decides; the next exchange of files brings it to the laptop.
        decide(hq, "周代表", "complaint", rec.id, "mgmt_rep", {"mgmt_rep_decision": "同意"})
        assert main(["--data-dir", data, "sync", "--to-file", str(out_file)]) == 0  # the token was remembered
        assert "0 条" in capsys.readouterr().out
        code, out, _ = _run(capsys, monkeypatch, tmp_path, "server", "import-bundle", str(out_file),
                            "--database", pg_url)
        default_answer = out_file.with_name("to-hq-answer.json")
        assert code == 0 and str(default_answer) in out
        assert main(["--data-dir", data, "sync", "--from-file", str(default_answer)]) == 0
        assert "收到 1 条" in capsys.readouterr().out
        back = open_context(Path(data), FixedClock(NOW))
        try:
            assert back.records.get("complaint", rec.id).values.fields["mgmt_rep_name"] == "周代表"
        finally:
            back.close()
    finally:
        hq.db.dispose()


def test_decide_and_proposals_on_the_command_line(pg_url: str, capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    from desktop.services.sync.hub import receive_batch
    from desktop.services.transfer import dump_records
    from desktop.storage.server_accounts import add_user

    hq = head_office(pg_url)
    with hq.db.write() as s:
        add_user(s, "赵总", "总经理", "correct horse battery")
        add_user(s, "吴经理", "售后部经理", "correct horse battery")
    ctx = laptop(tmp_path, "A1")
    rec = new_complaint(ctx)
    ctx.records.create("customer", {"name": "上海市第六人民医院", "registered_date": "2026-11-20"})
    receive_batch(hq, "A1", dump_records(ctx.records, embed_photos=False))
    ctx.close()
    db = ["--database", pg_url]
    try:
        code, _, err = _run(capsys, monkeypatch, tmp_path, "server", "decide", rec.number, "gm", "--user", "赵总",
                            "--set", "gm_decision=同意", *db, stdin="wrong password\n")
        assert code == 1 and "密码不对" in err
        code, _, err = _run(capsys, monkeypatch, tmp_path, "server", "decide", rec.number, "gm", "--user", "吴经理",
                            "--set", "gm_decision=同意", *db, stdin="correct horse battery\n")
        assert code == 1 and "无权" in err
        code, _, err = _run(capsys, monkeypatch, tmp_path, "server", "decide", "TS-2026-A1-9999", "gm", "--user",
                            "赵总", *db, stdin="correct horse battery\n")
        assert code == 1 and "没有编号" in err
        code, out, _ = _run(capsys, monkeypatch, tmp_path, "server", "decide", rec.number, "gm", "--user", "赵总",
                            "--set", "gm_decision=同意", *db, stdin="correct horse battery\n")
        assert code == 0 and rec.number in out
        assert hq.get("complaint", rec.id).values.fields["gm_name"] == "赵总"
        code, out, _ = _run(capsys, monkeypatch, tmp_path, "server", "proposals", *db)
        assert code == 0 and "上海市第六人民医院" in out
        proposal = out.split("\t")[0]
        code, _, err = _run(capsys, monkeypatch, tmp_path, "server", "proposals", "accept", proposal, "--user", "赵总",
                            *db, stdin="correct horse battery\n")
        assert code == 1 and "无权" in err
        code, _, _ = _run(capsys, monkeypatch, tmp_path, "server", "proposals", "accept", proposal, "--user", "吴经理",
                          *db, stdin="correct horse battery\n")
        assert code == 0 and hq.count("customer") == 1
        code, _, err = _run(capsys, monkeypatch, tmp_path, "server", "proposals", "reject", proposal, "--user", "吴经理",
                            *db, stdin="correct horse battery\n")
        assert code == 1 and "已处理" in err
    finally:
        hq.db.dispose()


def test_server_run_serves_the_sync_service_until_stopped(pg_url: str, tmp_path: Path) -> None:
    """``server run`` in a process of its own, as an administrator starts it; a laptop syncs with it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import httpx

    from desktop.services.sync.client import sync
    from desktop.storage.server_accounts import add_laptop
    from tests.sync_helpers import free_port

    hq = head_office(pg_url)
    with hq.db.write() as s:
        token = add_laptop(s, "R1")
    port = free_port()
    env = {**os.environ, "AFTERSALES_DESK_DATABASE": pg_url}
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "unused"), "server", "run",
                             "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/hello", timeout=2).status_code == 401:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.2)
        ctx = laptop(tmp_path, "R1")
        new_complaint(ctx)
        assert sync(ctx.records, f"http://127.0.0.1:{port}", token).sent == 1
        ctx.close()
        assert hq.count("complaint") == 1
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
        hq.db.dispose()
    assert "Traceback" not in err and "同步服务运行于" in err


def test_dump_and_find_on_head_offices_database(pg_url: str, capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    from desktop.services.sync.hub import receive_batch
    from desktop.services.transfer import dump_records

    hq = head_office(pg_url)
    ctx = laptop(tmp_path, "A1")
    rec = new_complaint(ctx)
    receive_batch(hq, "A1", dump_records(ctx.records, embed_photos=False))
    ctx.close()
    hq.db.dispose()
    folder = str(tmp_path / "head-office")
    out_file = tmp_path / "hq-dump.json"
    assert main(["--data-dir", folder, "--database", pg_url, "dump", "-o", str(out_file)]) == 0
    dumped = json.loads(out_file.read_text(encoding="utf-8"))
    records = dumped["records"] if isinstance(dumped, dict) else dumped
    assert [r["number"] for r in records] == [rec.number]
    assert main(["--data-dir", folder, "--database", pg_url, "find", "北京市第一人民医院"]) == 0
    assert rec.number in capsys.readouterr().out
    assert main(["--data-dir", folder, "--database", "postgresql://nobody@127.0.0.1:1/x", "dump", "-o", str(out_file)]) == 1
    err = capsys.readouterr().err
    assert "无法使用总部数据库" in err and "Traceback" not in err
    # With no command, --database opens the head-office window (its login): tests/test_gui_head_office.py.
