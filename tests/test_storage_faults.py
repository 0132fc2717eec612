"""Storage faults (issues 10 and 11): a migration is all or nothing, also when killed; a damaged,
emptied or foreign database stops with a message saying how to restore; locked, read-only, full and
corrupt databases give a clear message and a non-zero exit, for reads and writes, and nothing is
half-written."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.context import open_context
from desktop.storage import db as db_module
from desktop.storage import migrate
from desktop.storage.db import DB_FILENAME
from desktop.storage.errors import StorageError

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def folder_0001(tmp_path: Path) -> Path:
    folder = tmp_path / "d1"
    folder.mkdir()
    shutil.copy(DATA / "schema-0001_complaint.sqlite", folder / DB_FILENAME)
    shutil.copytree(DATA / "schema-0001_complaint-photos", folder / "photos")
    return folder


def folder_0005(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATA / "schema-0005_desk" / "data", tmp_path / "d5"))


def shape(path: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())
    finally:
        con.close()


def count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        con.close()


# ------------------------------------------------------------------ migrations: one unit


def test_a_migration_failing_half_way_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    folder = folder_0001(tmp_path)
    path = folder / DB_FILENAME
    before = shape(path)

    def fail_after(ctx, step, heads, run_args):  # Alembic's on_version_apply signature
        if "0004_signatures" in heads:
            raise RuntimeError("power cut")

    monkeypatch.setattr(migrate, "_after_step", fail_after)
    with pytest.raises(RuntimeError):
        migrate.ensure_schema(path, folder / "backups")
    assert migrate.current_revision(path) == "0001_complaint"
    assert shape(path) == before  # 0002–0004's tables are not there: the whole upgrade rolled back
    monkeypatch.setattr(migrate, "_after_step", None)
    ctx = open_context(folder)
    try:
        assert migrate.current_revision(path) == migrate.HEAD
        assert len(ctx.records.search("complaint")) == 14
    finally:
        ctx.close()


KILL_AT = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from desktop.storage import migrate
    def kill(ctx, step, heads, run_args):
        if {rev!r} in heads:
            os.kill(os.getpid(), signal.SIGKILL)
    migrate._after_step = kill
    folder = Path({folder!r})
    migrate.ensure_schema(folder / "aftersales.sqlite", folder / "backups")
""")


@pytest.mark.parametrize("rev", ["0003_revision", "0006_versions"])
def test_a_migration_killed_half_way_then_restarted_just_works(tmp_path, rev):
    """kill -9 inside the upgrade (after revision ``rev`` was applied, before the commit): the file
    is as it was, the backup made before is kept, and the next start upgrades it."""
    folder = folder_0001(tmp_path)
    path = folder / DB_FILENAME
    before = shape(path)
    for attempt in range(2):
        r = subprocess.run([sys.executable, "-c", KILL_AT.format(root=str(ROOT), rev=rev, folder=str(folder))],
                           capture_output=True, text=True, timeout=300, check=False)
        assert r.returncode == -signal.SIGKILL, r.stderr
        assert migrate.current_revision(path) == "0001_complaint"
        assert shape(path) == before
        assert len(list((folder / "backups").iterdir())) == attempt + 1  # a new backup each time, none overwritten
    r = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "dump", "--kind", "complaint",
                        "-o", "-"], capture_output=True, text=True, timeout=300, cwd=ROOT, check=False)
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["records"]) == 14
    assert migrate.current_revision(path) == migrate.HEAD
    for backup in (folder / "backups").iterdir():
        assert migrate.current_revision(backup) == "0001_complaint"


def test_the_foreign_key_check_runs_before_the_commit(tmp_path):
    folder = folder_0005(tmp_path)
    path = folder / DB_FILENAME
    con = sqlite3.connect(path)
    with con:
        con.execute("PRAGMA foreign_keys=OFF")
        row = con.execute("SELECT * FROM complaint_event LIMIT 1").fetchone()
        cols = [c[1] for c in con.execute("PRAGMA table_info(complaint_event)")]
        values = dict(zip(cols, row, strict=True)) | {"id": "dangling-event", "record_id": "no-such-complaint"}
        con.execute(f"INSERT INTO complaint_event ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                    tuple(values.values()))
    con.close()
    before = shape(path)
    with pytest.raises(StorageError, match="外键检查失败"):
        open_context(folder)
    assert migrate.current_revision(path) == "0005_desk"
    assert shape(path) == before


def test_backups_before_migration_never_overwrite_each_other(tmp_path):
    folder = folder_0001(tmp_path)
    made = {migrate.backup(folder / DB_FILENAME, folder / "backups", "same-label") for _ in range(3)}
    assert len(made) == 3 and all(p.exists() for p in made)
    assert not [p for p in (folder / "backups").iterdir() if p.name.startswith(".")]


# ------------------------------------------------------------------ start-up checks


def test_the_shape_must_match_the_stamped_revision(tmp_path, data_dir, capsys):
    con = sqlite3.connect(data_dir / DB_FILENAME)
    con.execute("DROP TABLE record_conflict" if "record_conflict" in
                {r[0] for r in con.execute("SELECT name FROM sqlite_master")} else "ALTER TABLE complaint DROP COLUMN version")
    con.commit()
    con.close()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "dump", "-o", "-")
    assert code == 1
    assert "结构与该版本不符" in err and migrate.HEAD in err and "恢复方法" in err


def test_a_zero_byte_database_is_never_replaced_by_an_empty_one(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_FILENAME).write_bytes(b"")
    code, _, err = run(capsys, "--data-dir", str(folder), "dump", "-o", "-")
    assert code == 1 and "0 字节" in err and "恢复方法" in err and "Traceback" not in err
    assert (folder / DB_FILENAME).stat().st_size == 0


def test_a_file_that_is_not_a_database_is_refused(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_FILENAME).write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(folder), "dump", "-o", "-")
    assert code == 1 and "不是本程序的数据库" in err
    assert (folder / DB_FILENAME).read_text(encoding="utf-8") == "hello"


def _damage(path: Path) -> None:
    """Overwrite the root pages of the complaint tables (b-tree pages) with garbage, as a bad sector would."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    roots = [r[0] for r in con.execute("SELECT rootpage FROM sqlite_master WHERE name LIKE 'complaint%' AND rootpage > 1")]
    con.close()
    with open(path, "r+b") as fh:
        for n in roots:
            fh.seek((n - 1) * page + 8)
            fh.write(b"\xde\xad\xbe\xef" * (page // 8))


def test_a_damaged_database_stops_at_start_with_how_to_restore(tmp_path, demo_data_dir, capsys):
    from desktop.storage.backup import make_backup

    made = make_backup(demo_data_dir)
    _damage(demo_data_dir / DB_FILENAME)
    code, _, err = run(capsys, "--data-dir", str(demo_data_dir), "dump", "-o", "-")
    assert code == 1 and "已损坏" in err and "恢复方法" in err and str(made) in err


def test_reads_and_writes_of_a_database_damaged_while_open_give_a_message(tmp_path, demo_data_dir, capsys,
                                                                          monkeypatch):
    _damage(demo_data_dir / DB_FILENAME)
    monkeypatch.setattr(migrate, "quick_check", lambda path: None)  # damage that appears after the start
    code, _, err = run(capsys, "--data-dir", str(demo_data_dir), "dump", "-o", "-")
    assert code == 1 and "损坏" in err and "Traceback" not in err


# ------------------------------------------------------------------ locked, read-only, full


def _with_pragmas(monkeypatch, *pragmas: str) -> None:
    original = db_module._set_pragmas

    def patched(dbapi_conn, record):
        original(dbapi_conn, record)
        cur = dbapi_conn.cursor()
        for p in pragmas:
            cur.execute(p)
        cur.close()

    monkeypatch.setattr(db_module, "_set_pragmas", patched)


def _example_file(tmp_path: Path, n: int = 1) -> Path:
    import datetime as dt

    from desktop.services.demo import example_object

    f = tmp_path / "records.json"
    f.write_text(json.dumps([example_object("complaint", dt.date(2026, 3, 20)) for _ in range(n)],
                            ensure_ascii=False), encoding="utf-8")
    return f


def test_a_locked_database_refuses_writes_and_reads_with_a_message(tmp_path, data_dir, capsys, monkeypatch):
    _with_pragmas(monkeypatch, "PRAGMA busy_timeout=200")
    before = count(data_dir / DB_FILENAME, "complaint")
    holder = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(_example_file(tmp_path)))
        assert code == 1 and "另一个窗口或程序" in err and "未保存" in err
        holder.execute("ROLLBACK")
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE setting SET value = value WHERE key = 'laptop_code'")  # takes the lock for good
        code, _, err = run(capsys, "--data-dir", str(data_dir), "dump", "-o", "-")
        assert code == 1 and "占用" in err and "Traceback" not in err
    finally:
        holder.close()
    assert count(data_dir / DB_FILENAME, "complaint") == before


def test_a_read_only_database_refuses_writes_and_still_reads(tmp_path, data_dir, capsys, monkeypatch):
    _with_pragmas(monkeypatch, "PRAGMA query_only=ON")
    before = count(data_dir / DB_FILENAME, "complaint")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(_example_file(tmp_path)))
    assert code == 1 and "只读" in err and "未保存" in err and "Traceback" not in err
    assert count(data_dir / DB_FILENAME, "complaint") == before
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "dump", "-o", "-")
    assert code == 0 and json.loads(out) is not None


def test_a_full_disk_refuses_the_write_and_keeps_nothing_of_it(tmp_path, data_dir, capsys, monkeypatch):
    path = data_dir / DB_FILENAME
    con = sqlite3.connect(path)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    before = count(path, "complaint")
    _with_pragmas(monkeypatch, f"PRAGMA max_page_count={pages + 2}")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "import", str(_example_file(tmp_path, 60)))
    assert code == 1 and "磁盘已满" in err and "未保存" in err and "Traceback" not in err
    assert count(path, "complaint") == before
    import datetime as dt

    from desktop.domain.clock import Clock
    from desktop.services.demo import example_object

    ctx = open_context(data_dir, Clock())
    try:

        with pytest.raises(StorageError) as e:
            for _ in range(60):
                ctx.records.create("complaint", {k: v for k, v in example_object("complaint", dt.date(2026, 3, 20)).items()
                                                 if k not in ("kind", "status", "photos")})
        assert e.value.reason == "full" and e.value.writing
    finally:
        ctx.close()


def test_export_to_a_folder_that_cannot_be_made_gives_a_message(tmp_path, data_dir, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "letter", "-o", str(blocker / "sub" / "x.pdf"))
    assert code == 1 and "无法写入" in err and "Traceback" not in err
