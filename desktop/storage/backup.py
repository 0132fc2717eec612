"""Backups a user can restore: the database, the photos and the keys, checked, rotated.

A backup is a folder ``aftersales-backup-YYYYMMDD-HHMMSS-<label>/`` holding

    aftersales.sqlite   a consistent copy made with SQLite's online backup API in one step
                        (PITFALLS.md: a stepwise backup restarts on every write), integrity-checked
    photos/…            the content-addressed photos and signature pictures (linked from the
                        previous backup in the same folder when the file system allows: photos never
                        change, so a daily backup costs only what is new)
    keys/, trusted-certs/, signing.json   this laptop's signing key and trusted certificates
    manifest.json       every file's SHA-256 and size, the schema revision, when and what

It is written under a temporary name and renamed when complete and verified, so a half-made backup
never looks like one.  The live database gets a full ``integrity_check`` first: a damaged file is not
backed up over the good ones.  Automatic backups (label ``auto``) are made at start and once a day
of use and rotated: the newest of each of the last 7 days, 4 weeks and 12 months are kept; backups
made by hand are never removed.  ``restore`` checks a backup completely before it touches anything,
moves the current data aside (and says where), then copies the backup in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from .errors import DAMAGED, LOCKED, StorageError

DB_FILENAME = "aftersales.sqlite"
BACKUPS_DIR = "backups"
PREFIX = "aftersales-backup-"
MANIFEST = "manifest.json"
FORMAT = 1
AUTO = "auto"
MANUAL = "manual"
# What a data folder holds besides the database (photos first: the biggest part).
TREES = ("photos", "keys", "trusted-certs")
FILES = ("signing.json",)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


class BackupError(StorageError):
    """A backup that cannot be made, checked or restored; the message says why and what was kept."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime
    label: str
    revision: str
    files: int
    size: int


def default_backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_DIR


def backup_dir_for(data_dir: Path, configured: str = "") -> Path:
    """The folder backups go to: the setting (a USB stick, a network drive) or ``<data>/backups``."""
    return Path(configured).expanduser() if configured.strip() else default_backup_dir(data_dir)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _check_database(path: Path, full: bool) -> str:
    """``ok`` or what SQLite found wrong."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA integrity_check(5)" if full else "PRAGMA quick_check(5)").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        return str(e)
    return "ok" if rows == [("ok",)] else "；".join(str(r[0]) for r in rows)


def _revision(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else ""
    except sqlite3.DatabaseError:
        return ""
    finally:
        con.close()


def list_backups(folder: Path) -> list[Path]:
    """Complete backups in ``folder``, newest first (by name: the name starts with the time)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(PREFIX) and (p / MANIFEST).is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def latest_backup_hint(data_dir: Path) -> str:
    """The sentence a "damaged database" message ends with: how to restore, and from what."""
    folder = default_backup_dir(data_dir)
    found = list_backups(folder)
    if found:
        return QT_TRANSLATE_NOOP(
            MESSAGES, "恢复方法：打开程序时按提示从备份恢复，或在命令行运行 aftersales-desk restore 备份文件夹；最近的备份：{path}").format(
            path=found[0])
    return QT_TRANSLATE_NOOP(
        MESSAGES, "恢复方法：打开程序时按提示选择备份恢复，或在命令行运行 aftersales-desk restore 备份文件夹（在 {folder} 中没有找到备份；"
                  "若备份设在 U 盘或网络文件夹，请从那里恢复）").format(folder=folder)


def _copy_tree_files(src_root: Path, dst_root: Path, previous: Path | None, manifest: dict[str, dict]) -> None:
    for base in TREES:
        src = src_root / base
        if not src.is_dir():
            continue
        for f in sorted(src.rglob("*")):
            if not f.is_file() or f.name.startswith(".incoming-"):
                continue
            rel = f.relative_to(src_root).as_posix()
            dst = dst_root / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            linked = False
            if base == "photos" and previous is not None:  # content-addressed: same name, same bytes
                old = previous / rel
                if old.is_file():
                    try:
                        os.link(old, dst)
                        linked = True
                    except OSError:
                        linked = False
            if not linked:
                shutil.copyfile(f, dst)
            manifest[rel] = {"sha256": _sha256(dst), "size": dst.stat().st_size}
    for name in FILES:
        f = src_root / name
        if f.is_file():
            shutil.copyfile(f, dst_root / name)
            manifest[name] = {"sha256": _sha256(dst_root / name), "size": (dst_root / name).stat().st_size}


def make_backup(data_dir: Path, folder: Path | None = None, label: str = MANUAL,
                now: dt.datetime | None = None) -> Path:
    """Back up ``data_dir`` into a new folder inside ``folder``; return its path.

    :class:`BackupError` (nothing left behind) when the live database fails its full integrity
    check, the destination cannot be written, or the copy does not verify."""
    db = data_dir / DB_FILENAME
    if not db.is_file():
        raise BackupError(QT_TRANSLATE_NOOP(MESSAGES, "数据文件夹 {path} 中没有数据库，无法备份"), {"path": str(data_dir)})
    found = _check_database(db, full=True)
    if found != "ok":
        raise BackupError(QT_TRANSLATE_NOOP(
            MESSAGES, "数据库未通过完整性检查（{detail}），没有备份它，以免覆盖好的备份。{hint}"),
            {"detail": found[:300], "hint": latest_backup_hint(data_dir)}, reason=DAMAGED)
    folder = folder if folder is not None else default_backup_dir(data_dir)
    now = now or dt.datetime.now()
    previous = next(iter(list_backups(folder)), None)
    name = f"{PREFIX}{now.strftime('%Y%m%d-%H%M%S')}-{label}"
    work = folder / f".{name}.{os.getpid()}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if work.exists():
            shutil.rmtree(work)
        work.mkdir()
        src = sqlite3.connect(db, timeout=10)
        dst = sqlite3.connect(work / DB_FILENAME)
        try:
            src.backup(dst)  # one step (pages=-1): consistent even while another connection writes
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        files: dict[str, dict] = {DB_FILENAME: {"sha256": _sha256(work / DB_FILENAME),
                                                "size": (work / DB_FILENAME).stat().st_size}}
        _copy_tree_files(data_dir, work, previous, files)
        manifest = {"format": FORMAT, "created_at": now.astimezone().isoformat(timespec="seconds"), "label": label,
                    "revision": _revision(work / DB_FILENAME), "source": str(data_dir), "files": files}
        (work / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        verify_backup(work)
        target = folder / name
        n = 2
        while target.exists():  # never over another backup
            target = folder / f"{name}-{n}"
            n += 1
        os.replace(work, target)
        return target
    except sqlite3.Error as e:
        shutil.rmtree(work, ignore_errors=True)
        raise BackupError(QT_TRANSLATE_NOOP(MESSAGES, "备份失败（{error}），没有留下不完整的备份"), {"error": str(e)}) from e
    except OSError as e:
        shutil.rmtree(work, ignore_errors=True)
        raise BackupError(QT_TRANSLATE_NOOP(
            MESSAGES, "无法写入备份文件夹 {folder}：{error}；没有留下不完整的备份。请检查 U 盘或网络文件夹是否可用、空间是否足够"),
            {"folder": str(folder), "error": e.strerror or str(e)}) from e
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def verify_backup(path: Path) -> BackupInfo:
    """Check a backup completely (every file's SHA-256, the database's integrity); raise
    :class:`BackupError` naming the first problem."""
    manifest_path = path / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        files = manifest["files"]
        assert isinstance(files, dict) and DB_FILENAME in files
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        raise BackupError(QT_TRANSLATE_NOOP(MESSAGES, "{path} 不是本程序的备份（缺少或无法读取 manifest.json）"),
                          {"path": str(path)}) from None
    root = path.resolve()
    for rel, meta in files.items():
        f = (path / rel).resolve()
        if root not in f.parents:
            raise BackupError(QT_TRANSLATE_NOOP(MESSAGES, "备份 {path} 的清单含有文件夹之外的路径“{file}”，已拒绝"),
                              {"path": str(path), "file": rel})
        try:
            ok = isinstance(meta, dict) and _sha256(f) == meta.get("sha256")
        except OSError:
            ok = False
        if not ok:
            raise BackupError(QT_TRANSLATE_NOOP(MESSAGES, "备份 {path} 已损坏或不完整：{file} 缺失或内容不符"),
                              {"path": str(path), "file": rel}, reason=DAMAGED)
    found = _check_database(path / DB_FILENAME, full=True)
    if found != "ok":
        raise BackupError(QT_TRANSLATE_NOOP(MESSAGES, "备份 {path} 中的数据库未通过完整性检查：{detail}"),
                          {"path": str(path), "detail": found[:300]}, reason=DAMAGED)
    try:
        created = dt.datetime.fromisoformat(str(manifest.get("created_at")))
    except ValueError:
        created = dt.datetime.fromtimestamp(manifest_path.stat().st_mtime).astimezone()
    return BackupInfo(path, created, str(manifest.get("label") or ""), str(manifest.get("revision") or ""),
                      len(files), sum(int(m.get("size") or 0) for m in files.values()))


def _ensure_unused(data_dir: Path) -> None:
    """Refuse to restore under a running window or command: take SQLite's exclusive lock briefly."""
    db = data_dir / DB_FILENAME
    if not db.exists():
        return
    try:
        con = sqlite3.connect(db, timeout=1, isolation_level=None)
        try:
            con.execute("BEGIN EXCLUSIVE")
            con.execute("ROLLBACK")
        finally:
            con.close()
    except sqlite3.OperationalError as e:
        raise BackupError(QT_TRANSLATE_NOOP(
            MESSAGES, "数据正被另一个窗口或程序使用，未恢复，数据没有改动。请先关闭程序窗口再恢复"), reason=LOCKED) from e
    except sqlite3.DatabaseError:
        return  # a damaged file: exactly what a restore replaces


def restore_backup(data_dir: Path, backup: Path, now: dt.datetime | None = None) -> Path:
    """Replace the data of ``data_dir`` by ``backup``; return the folder the current data was moved to.

    The backup is verified first (nothing is touched if it fails); the current database, photos and
    keys are moved, not deleted, into ``<data>/restore-aside-<time>/``."""
    from .migrate import REVISIONS

    info = verify_backup(backup)
    if info.revision and info.revision not in REVISIONS:
        raise BackupError(QT_TRANSLATE_NOOP(
            MESSAGES, "备份 {path} 由更新版本的程序制作（版本 {rev}），本程序无法使用。请先升级程序"),
            {"path": str(backup), "rev": info.revision})
    _ensure_unused(data_dir)
    now = now or dt.datetime.now()
    aside = data_dir / f"restore-aside-{now.strftime('%Y%m%d-%H%M%S')}"
    n = 2
    while aside.exists():
        aside = data_dir / f"restore-aside-{now.strftime('%Y%m%d-%H%M%S')}-{n}"
        n += 1
    data_dir.mkdir(parents=True, exist_ok=True)
    aside.mkdir()
    names = [DB_FILENAME, f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm", *TREES, *FILES]
    for name in names:
        if (data_dir / name).exists():
            os.replace(data_dir / name, aside / name)
    manifest = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))
    try:
        for rel in manifest["files"]:
            dst = data_dir / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            tmp = dst.with_name(f".{dst.name}.restoring")
            shutil.copyfile(backup / rel, tmp)
            os.replace(tmp, dst)
        if (data_dir / "keys").is_dir():
            os.chmod(data_dir / "keys", 0o700)
            for f in (data_dir / "keys").iterdir():
                os.chmod(f, 0o600)
    except OSError as e:
        # Put back what was there: the restore is all or nothing.
        for name in names:
            target = data_dir / name
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            elif target.exists():
                target.unlink()
            if (aside / name).exists():
                os.replace(aside / name, target)
        raise BackupError(QT_TRANSLATE_NOOP(MESSAGES, "恢复失败（{error}），原有数据已放回原处，没有改动"),
                          {"error": e.strerror or str(e)}) from e
    return aside


def _auto_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    out = []
    for p in list_backups(folder):
        rest = p.name[len(PREFIX):]
        if not rest.split("-", 2)[-1].startswith(AUTO):
            continue
        try:
            out.append((dt.datetime.strptime(rest[:15], "%Y%m%d-%H%M%S"), p))
        except ValueError:
            continue
    return sorted(out, reverse=True)


def rotation_keeps(stamps: list[dt.datetime]) -> set[dt.datetime]:
    """Which automatic backups to keep: the newest of each of the 7 latest days, 4 latest ISO weeks
    and 12 latest months that have one."""
    keep: set[dt.datetime] = set()
    for size, key in ((KEEP_DAILY, lambda t: t.date()), (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
                      (KEEP_MONTHLY, lambda t: (t.year, t.month))):
        seen: list[object] = []
        for t in sorted(stamps, reverse=True):
            k = key(t)
            if k in seen:
                continue
            if len(seen) == size:
                break
            seen.append(k)
            keep.add(t)
    return keep


def rotate(folder: Path) -> list[Path]:
    """Remove the automatic backups the rotation no longer keeps; return what was removed."""
    autos = _auto_backups(folder)
    keep = rotation_keeps([t for t, _ in autos])
    removed = []
    for t, p in autos:
        if t not in keep:
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def auto_backup(data_dir: Path, folder: Path | None = None, now: dt.datetime | None = None) -> Path | None:
    """Today's automatic backup, if there is none yet in ``folder``; then the rotation."""
    folder = folder if folder is not None else default_backup_dir(data_dir)
    now = now or dt.datetime.now()
    if any(t.date() == now.date() for t, _ in _auto_backups(folder)):
        return None
    made = make_backup(data_dir, folder, AUTO, now)
    rotate(folder)
    return made
