"""Backups a user can restore (issue 11): database, photos and key, verified, rotated; restore checks
first and keeps the current data aside; 工具 ▸ 备份与恢复."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.context import open_context
from desktop.storage import backup as bk
from desktop.storage.db import DB_FILENAME
from desktop.storage.errors import StorageError


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def count(path: Path, table: str = "complaint") -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        con.close()


def _key(data_dir: Path) -> Path:
    from desktop.storage.keys import ensure_laptop_key, key_path

    ensure_laptop_key(data_dir, "A3", "测试公司")
    return key_path(data_dir)


def test_backup_on_the_command_line_holds_database_photos_and_key(tmp_path, demo_data_dir, capsys):
    key = _key(demo_data_dir)
    out_dir = tmp_path / "usb"
    code, out, err = run(capsys, "--data-dir", str(demo_data_dir), "backup", "-o", str(out_dir))
    assert code == 0, err
    made = Path(out.strip())
    assert made.parent == out_dir and made.is_dir()
    info = bk.verify_backup(made)
    assert count(made / DB_FILENAME) == count(demo_data_dir / DB_FILENAME) > 0
    photos = sorted(p.relative_to(demo_data_dir).as_posix() for p in (demo_data_dir / "photos").rglob("*") if p.is_file())
    assert photos and all((made / rel).read_bytes() == (demo_data_dir / rel).read_bytes() for rel in photos)
    assert (made / "keys" / key.name).read_bytes() == key.read_bytes()
    assert info.files == 1 + len(photos) + len(list(key.parent.iterdir()))
    code, out, _ = run(capsys, "--data-dir", str(demo_data_dir), "backup", "-o", str(out_dir), "--list")
    assert code == 0 and str(made) in out


def test_a_tampered_backup_is_refused_and_nothing_is_touched(tmp_path, demo_data_dir, capsys):
    made = bk.make_backup(demo_data_dir, tmp_path / "b")
    photo = next(p for p in (made / "photos").rglob("*") if p.is_file())
    photo.write_bytes(b"changed")
    before = (demo_data_dir / DB_FILENAME).read_bytes()
    code, _, err = run(capsys, "--data-dir", str(demo_data_dir), "restore", str(made))
    assert code == 1 and "已损坏或不完整" in err and photo.name in err
    assert (demo_data_dir / DB_FILENAME).read_bytes() == before
    assert not list(demo_data_dir.glob("restore-aside-*"))
    code, _, err = run(capsys, "--data-dir", str(demo_data_dir), "restore", str(tmp_path))
    assert code == 1 and "不是本程序的备份" in err


def test_restore_into_a_working_folder_keeps_the_current_data_aside(tmp_path, demo_data_dir, capsys):
    _key(demo_data_dir)
    made = bk.make_backup(demo_data_dir, tmp_path / "b")
    n = count(demo_data_dir / DB_FILENAME)
    ctx = open_context(demo_data_dir)
    ctx.records.create("complaint", _raw(ctx), by="测试")
    ctx.close()
    assert count(demo_data_dir / DB_FILENAME) == n + 1
    code, out, err = run(capsys, "--data-dir", str(demo_data_dir), "restore", str(made))
    assert code == 0, err
    (aside,) = demo_data_dir.glob("restore-aside-*")
    assert str(aside) in out
    assert count(aside / DB_FILENAME) == n + 1  # the newer data is kept, not deleted
    assert (aside / "keys").is_dir() and (aside / "photos").is_dir()
    code, out, err = run(capsys, "--data-dir", str(demo_data_dir), "dump", "--kind", "complaint", "-o", "-")
    assert code == 0, err
    assert len(json.loads(out)["records"]) == n


def test_a_zeroed_database_is_restored_from_its_backup(tmp_path, demo_data_dir, capsys):
    made = bk.make_backup(demo_data_dir)
    n = count(demo_data_dir / DB_FILENAME)
    (demo_data_dir / DB_FILENAME).write_bytes(b"")
    for extra in ("-wal", "-shm"):
        (demo_data_dir / (DB_FILENAME + extra)).unlink(missing_ok=True)
    code, _, err = run(capsys, "--data-dir", str(demo_data_dir), "dump", "-o", "-")
    assert code == 1 and str(made) in err  # the message names the backup to restore
    code, _, err = run(capsys, "--data-dir", str(demo_data_dir), "restore", str(made))
    assert code == 0, err
    assert count(demo_data_dir / DB_FILENAME) == n


def test_restore_is_refused_while_the_data_is_in_use(tmp_path, data_dir, capsys):
    made = bk.make_backup(data_dir, tmp_path / "b")
    holder = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(made))
    finally:
        holder.close()
    assert code == 1 and "正被另一个窗口或程序使用" in err
    assert not list(data_dir.glob("restore-aside-*"))


def test_a_damaged_live_database_is_not_backed_up(tmp_path, data_dir):
    con = sqlite3.connect(data_dir / DB_FILENAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='setting'").fetchone()[0]
    con.close()
    with open(data_dir / DB_FILENAME, "r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xff" * page)
    with pytest.raises(StorageError, match="完整性检查"):
        bk.make_backup(data_dir, tmp_path / "b")
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    start = dt.datetime(2026, 12, 3, 9, 0)
    stamps = [start - dt.timedelta(days=d, hours=h) for d in range(400) for h in (0, 5)]
    keep = bk.rotation_keeps(stamps)
    days = sorted({t.date() for t in keep}, reverse=True)
    assert days[:7] == [(start - dt.timedelta(days=d)).date() for d in range(7)]
    assert all(t.hour == 9 for t in keep)  # the newest of its day
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12
    assert len(keep) <= 7 + 4 + 12 and len(keep) >= 12


def test_automatic_backups_once_a_day_and_rotated(tmp_path, data_dir):
    folder = tmp_path / "auto"
    first = bk.auto_backup(data_dir, folder, dt.datetime(2026, 1, 1, 9))
    assert first is not None
    assert bk.auto_backup(data_dir, folder, dt.datetime(2026, 1, 1, 17)) is None  # one a day
    manual = bk.make_backup(data_dir, folder, bk.MANUAL, dt.datetime(2026, 1, 1, 18))
    for day in range(1, 40):
        bk.auto_backup(data_dir, folder, dt.datetime(2026, 1, 1, 9) + dt.timedelta(days=day))
    autos = [p for p in bk.list_backups(folder) if p.name.endswith("-auto")]
    # 40 days: the 7 latest days, the latest of 4 weeks, of January and of February
    assert 7 < len(autos) <= 7 + 4 + 2
    assert [p.name[len(bk.PREFIX):len(bk.PREFIX) + 8] for p in autos[:7]] == [
        f"{dt.date(2026, 2, 9) - dt.timedelta(days=d):%Y%m%d}" for d in range(7)]
    assert any(p.name.startswith(bk.PREFIX + "20260131") for p in autos)  # the newest of January
    assert manual.exists()  # made by hand: never rotated away
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no half-made backup left


def _raw(ctx):
    from desktop.services.demo import example_object

    return {k: v for k, v in example_object("complaint", dt.date(2026, 3, 20)).items()
            if k not in ("kind", "status", "photos")}


def test_the_backup_dialog_backs_up_and_restores(qtbot, tmp_path, demo_data_dir, monkeypatch):
    from desktop.ui import backup_dialog, dialogs

    ctx = open_context(demo_data_dir)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    told = []
    monkeypatch.setattr(dialogs, "info", lambda parent, title, text, detail="": told.append((title, detail)))
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text, detail="": told.append((title, text)))
    dialog = backup_dialog.BackupDialog(ctx.records, demo_data_dir)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "usb"))
    assert dialog.save_folder()
    assert ctx.records.settings().backup_folder == str(tmp_path / "usb")
    made = dialog.backup()
    assert made is not None and made.parent == tmp_path / "usb"
    assert dialog.list.count() == 1 and "已备份并校验" in dialog.status.text()
    dialog.grab().save(str(tmp_path / "backup_dialog.png"))
    n = count(demo_data_dir / DB_FILENAME)
    ctx.records.create("complaint", _raw(ctx), by="测试")
    aside = dialog.restore_selected()
    assert aside is not None and told and told[-1][0] == "已恢复" and str(aside) in told[-1][1]
    assert count(demo_data_dir / DB_FILENAME) == n
    ctx.close()


def test_a_damaged_database_at_start_offers_the_newest_backup_and_opens_it(qtbot, tmp_path, demo_data_dir,
                                                                           monkeypatch):
    """The window cannot open the data, so 工具 ▸ 备份与恢复 is out of reach: the start itself offers
    the newest backup, verified first; a tampered one is refused and the next choice offered."""
    from desktop.services.backups import restorable_failure
    from desktop.storage.errors import StorageError
    from desktop.ui import damaged_start, dialogs

    older = bk.make_backup(demo_data_dir)
    n = count(demo_data_dir / DB_FILENAME)
    (demo_data_dir / DB_FILENAME).write_bytes(b"")  # emptied: never replaced by a new empty database
    for extra in ("-wal", "-shm"):
        (demo_data_dir / (DB_FILENAME + extra)).unlink(missing_ok=True)
    with pytest.raises(StorageError) as e:
        open_context(demo_data_dir)
    assert restorable_failure(e.value)

    answers, told = ["latest", "other"], []
    asked = []

    def choose(parent, title, text, choices, detail="", default=None, escape=None, details=""):
        asked.append([key for key, _label in choices])
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "info", lambda parent, title, text, detail="": told.append((title, detail)))
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text, detail="": told.append((title, text)))
    # a newer backup whose database was changed afterwards: refused by its check, nothing touched
    bad = older.with_name(f"{bk.PREFIX}29991231-000000-manual")
    shutil.copytree(older, bad)
    (bad / DB_FILENAME).write_bytes((bad / DB_FILENAME).read_bytes()[:-10] + b"x" * 10)
    aside = damaged_start.offer_restore(None, demo_data_dir, e.value, choose_folder=lambda parent, start: older)
    assert asked[0] == ["latest", "other", "stop"]
    assert told[0][0] == "未恢复" and told[-1][0] == "已恢复" and str(aside) in told[-1][1]
    assert (aside / DB_FILENAME).read_bytes() == b""  # the emptied file is kept aside, not deleted
    ctx = open_context(demo_data_dir)
    assert count(demo_data_dir / DB_FILENAME) == n
    ctx.close()


def test_stopping_at_the_damaged_start_touches_nothing(tmp_path, data_dir, monkeypatch):
    from desktop.storage.errors import StorageError
    from desktop.ui import damaged_start, dialogs

    (data_dir / DB_FILENAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(StorageError) as e:
        open_context(data_dir)
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: "stop")
    assert damaged_start.offer_restore(None, data_dir, e.value) is None
    assert (data_dir / DB_FILENAME).read_bytes() == b"not a database at all" * 100
