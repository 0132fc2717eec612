"""工具 ▸ 备份与恢复: the backups of this data folder, back up now, where backups go, restore.

Restoring replaces the data under the open window: the dialog closes the database first, restores
(the current data is moved aside, never deleted, and the dialog says where) and then asks the user
to start the program again, which opens the restored data with every check of a normal start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.backups import (
    BackupError,
    backup_folder,
    backup_now,
    list_backups,
    restore_backup,
    verify_backup,
)
from ..services.errors import StorageError
from ..services.records import RecordService
from . import dialogs
from .texts import error_text


class BackupDialog(QDialog):
    def __init__(self, service: RecordService, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.data_dir = Path(data_dir)
        self.restored_aside: Path | None = None
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("备份与恢复"))
        self.setMinimumWidth(640)

        intro = QLabel(self.tr("备份包括数据库、照片和本机签名密钥，每次都经过校验。程序每天第一次打开时自动备份，"
                               "保留最近 7 天、4 周和 12 个月各一份；手动备份不会被自动删除。"), self)
        intro.setWordWrap(True)

        self.folder = QLineEdit(str(backup_folder(service, self.data_dir)), self)
        self.folder.setObjectName("backup_folder")
        self.folder.setAccessibleName(self.tr("备份文件夹"))
        browse = QPushButton(self.tr("选择…"), self)
        browse.setObjectName("backup_browse")
        browse.clicked.connect(self._browse)
        save_folder = QPushButton(self.tr("设为备份文件夹"), self)
        save_folder.setObjectName("backup_save_folder")
        save_folder.clicked.connect(self.save_folder)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("备份文件夹（可选 U 盘或网络文件夹）："), self))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        row.addWidget(save_folder)

        self.list = QListWidget(self)
        self.list.setObjectName("backup_list")
        self.list.setAccessibleName(self.tr("已有的备份"))
        self.status = QLabel(self)
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)

        self.backup_button = QPushButton(self.tr("立即备份"), self)
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup)
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"), self)
        self.restore_button.setObjectName("backup_restore")
        self.restore_button.clicked.connect(self.restore_selected)
        other = QPushButton(self.tr("从其他文件夹恢复…"), self)
        other.setObjectName("backup_restore_other")
        other.clicked.connect(self._restore_other)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        actions.addWidget(other)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("已有的备份（最新的在上）："), self))
        lay.addWidget(self.list, 1)
        lay.addWidget(self.status)
        lay.addLayout(actions)
        lay.addWidget(close)
        self.refresh()

    # ------------------------------------------------------------------ actions

    def current_folder(self) -> Path:
        return Path(self.folder.text().strip() or str(backup_folder(self.service, self.data_dir)))

    def refresh(self) -> None:
        self.list.clear()
        for path in list_backups(self.current_folder()):
            item = QListWidgetItem(path.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
        if self.list.count():
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(self.list.count() > 0)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)
            self.refresh()

    def save_folder(self) -> bool:
        settings = self.service.settings()
        text = self.folder.text().strip()
        settings.backup_folder = "" if Path(text) == self.data_dir / "backups" else text
        try:
            self.service.save_settings(settings)
        except StorageError as e:
            dialogs.error(self, self.tr("未保存"), error_text(e))
            return False
        self.status.setText(self.tr("备份文件夹已设为 {path}").format(path=self.current_folder()))
        self.refresh()
        return True

    def backup(self) -> Path | None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            made = backup_now(self.service, self.data_dir, self.current_folder())
        except StorageError as e:
            QApplication.restoreOverrideCursor()
            dialogs.error(self, self.tr("备份未完成"), error_text(e))
            return None
        QApplication.restoreOverrideCursor()
        info = verify_backup(made)
        self.status.setText(self.tr("已备份并校验：{path}（{files} 个文件，{size} MB）").format(
            path=made, files=info.files, size=f"{info.size / 1e6:.1f}"))
        self.refresh()
        return made

    def _restore_other(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择要恢复的备份文件夹"), str(self.current_folder()))
        if chosen:
            self.restore(Path(chosen))

    def restore_selected(self) -> Path | None:
        item = self.list.currentItem()
        return self.restore(Path(item.data(Qt.ItemDataRole.UserRole))) if item is not None else None

    def restore(self, backup: Path) -> Path | None:
        """Check ``backup``, ask, close the database, restore; the program then has to restart."""
        try:
            info = verify_backup(backup)
        except StorageError as e:
            dialogs.error(self, self.tr("不能用这个备份恢复"), error_text(e))
            return None
        if not dialogs.confirm(
            self, self.tr("从备份恢复"),
            self.tr("用 {time} 的备份替换现有数据？").format(time=f"{info.created_at:%Y-%m-%d %H:%M}"),
            self.tr("恢复"),
            self.tr("现有的数据库、照片和密钥会移到数据文件夹中的 restore-aside-… 文件夹，不会删除。恢复后程序需要重新打开。"),
        ):
            return None
        self.service.db.dispose()  # this window's connections: the restore needs the file to itself
        try:
            aside = restore_backup(self.data_dir, backup)
        except (BackupError, StorageError) as e:
            dialogs.error(self, self.tr("未恢复"), error_text(e))
            return None
        self.restored_aside = aside
        dialogs.info(self, self.tr("已恢复"),
                     self.tr("已从备份恢复。程序将关闭，请重新打开。"),
                     self.tr("原有数据已移到 {path}").format(path=aside))
        self.accept()
        return aside

