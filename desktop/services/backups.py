"""Backups of a data folder as the window and the command line use them (``storage.backup``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..storage.backup import (
    AUTO,
    MANUAL,
    BackupError,
    BackupInfo,
    auto_backup,
    backup_dir_for,
    default_backup_dir,
    list_backups,
    make_backup,
    restore_backup,
    verify_backup,
)
from .records import RecordService

__all__ = ["AUTO", "MANUAL", "BackupError", "BackupInfo", "backup_folder", "backup_now", "daily_backup",
           "default_backup_dir", "list_backups", "restorable_failure", "restore_backup", "verify_backup"]


def restorable_failure(e: BaseException) -> bool:
    """Whether a data folder that could not be opened because of ``e`` is one to restore from a
    backup: a damaged, emptied or misshapen database (not a locked one, a full disk or a newer
    program's file)."""
    from ..storage.errors import DAMAGED, SCHEMA, SchemaTooNew, StorageError

    return isinstance(e, StorageError) and not isinstance(e, SchemaTooNew) and e.reason in (DAMAGED, SCHEMA)


def backup_folder(service: RecordService, data_dir: Path) -> Path:
    """Where this folder's backups go: the setting, or ``<data>/backups``."""
    return backup_dir_for(data_dir, service.settings().backup_folder)


def backup_now(service: RecordService, data_dir: Path, folder: Path | None = None) -> Path:
    return make_backup(data_dir, folder or backup_folder(service, data_dir), MANUAL)


def daily_backup(service: RecordService, data_dir: Path, now: dt.datetime | None = None) -> Path | None:
    """Today's automatic backup if there is none yet (at start, and checked hourly by the window)."""
    return auto_backup(data_dir, backup_folder(service, data_dir), now)
