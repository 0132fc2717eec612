"""The start that finds the database damaged, emptied or not in the shape its version says (issue 11).

The program stops rather than make a new empty database; since the window cannot open the data,
工具 ▸ 备份与恢复 is out of reach, so the way to restore is offered here: the newest backup of
``<data>/backups`` (verified before anything is touched), or a backup folder chosen elsewhere (a USB
stick, a network drive).  The current files are moved aside, never deleted; the caller then opens
the data again with every check of a normal start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ..services.backups import BackupError, default_backup_dir, list_backups, restore_backup, verify_backup
from ..services.errors import StorageError
from . import dialogs
from .texts import error_text

LATEST, OTHER, STOP = "latest", "other", "stop"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DamagedStart", text)


def _choose_folder(parent: QWidget | None, start: Path) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, _tr("选择要恢复的备份文件夹"), str(start))
    return Path(chosen) if chosen else None


def offer_restore(parent: QWidget | None, data_dir: Path, error: StorageError,
                  choose_folder=_choose_folder) -> Path | None:  # choose_folder: a file dialog (tests give their own)
    """Say why the data cannot be opened and offer to restore; the folder the current data was
    moved to when a backup was restored, ``None`` when the user stops."""
    folder = default_backup_dir(data_dir)
    while True:
        found = list_backups(folder)
        choices = []
        if found:
            choices.append((LATEST, _tr("从最近的备份恢复（{name}）").format(name=found[0].name)))
        choices += [(OTHER, _tr("选择其他备份…")), (STOP, _tr("关闭程序"))]
        answer = dialogs.choose(
            parent, _tr("数据库无法使用"),
            _tr("无法打开数据文件夹 {path}：数据库已损坏、被清空或结构不符。程序没有改动它，也不会另建一个空数据库。").format(
                path=data_dir),
            choices, detail=error_text(error), default=LATEST if found else OTHER, escape=STOP)
        if answer == STOP:
            return None
        backup = found[0] if answer == LATEST else choose_folder(parent, folder)
        if backup is None:
            continue
        try:
            info = verify_backup(backup)
            aside = restore_backup(data_dir, backup)
        except (BackupError, StorageError) as e:
            dialogs.error(parent, _tr("未恢复"), _tr("不能用备份 {path} 恢复。").format(path=backup), error_text(e))
            continue
        dialogs.info(parent, _tr("已恢复"),
                     _tr("已用 {time} 的备份恢复数据；该备份之后的改动不在其中。").format(
                         time=f"{info.created_at:%Y-%m-%d %H:%M}"),
                     _tr("原有的（损坏的）数据已移到 {path}，没有删除。").format(path=aside))
        return aside
