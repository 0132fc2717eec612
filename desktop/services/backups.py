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
    list_backups,
    make_backup,
    restore_backup,
    verify_backup,
)
from .records import RecordService

__all__ = ["AUTO", "MANUAL", "BackupError", "BackupInfo", "backup_folder", "backup_now", "daily_backup",
           "list_backups", "restore_backup", "verify_backup"]


def backup_folder(service: RecordService, data_dir: Path) -> Path:
    """Where this folder's backups go: the setting, or ``<data>/backups``."""
    return backup_dir_for(data_dir, service.settings().backup_folder)


def backup_now(service: RecordService, data_dir: Path, folder: Path | None = None) -> Path:
    return make_backup(data_dir, folder or backup_folder(service, data_dir), MANUAL)


def daily_backup(service: RecordService, data_dir: Path, now: dt.datetime | None = None) -> Path | None:
    """Today's automatic backup if there is none yet (at start, and checked hourly by the window)."""
    return auto_backup(data_dir, backup_folder(service, data_dir), now)
