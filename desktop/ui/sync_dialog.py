"""工具 ▸ 与总部同步…: one sync with head office from the window, with its progress (issue 12).

The same operation as ``aftersales-desk sync`` (``services.sync.client.sync``): what is new here is
sent, what head office decided comes back, a record changed on both sides is held as a conflict.
The server's address is remembered in the data folder and the token in the operating system's key
store (``services.sync.laptop.remember``), so after the first time the clerk only presses 同步.
The sync runs in this window's thread, batch by batch, the dialog's progress bar and text updated
between batches; the records it writes reach the registers through the service's change listeners.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.records import RecordService
from ..services.sync import laptop as lap
from ..services.sync.client import SyncError, sync
from ..services.transfer import ImportFailed


class SyncDialog(QDialog):
    def __init__(self, service: RecordService, parent: QWidget | None = None, transport: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_dialog")
        self.setWindowTitle(self.tr("与总部同步"))
        self.service = service
        self.transport = transport  # tests: an in-process transport
        self.result: lap.SyncResult | None = None
        server, token = lap.remembered(service)
        self._remembered_token = token or ""

        self.server = QLineEdit(server or "", self)
        self.server.setObjectName("sync_server")
        self.server.setPlaceholderText("https://sync.example.cn")
        self.token = QLineEdit(self)
        self.token.setObjectName("sync_token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("已记住（如总部重新发放，请填写新令牌）") if token
                                      else self.tr("总部为本机发放的令牌"))
        form = QFormLayout()
        form.addRow(self.tr("同步服务地址"), self.server)
        form.addRow(self.tr("本机令牌"), self.token)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("sync_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("按“同步”发出本机新的记录，并收取总部的审批和决定。"), self)
        self.status.setObjectName("sync_status")
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.run_button = QPushButton(self.tr("同步"), self)
        self.run_button.setObjectName("sync_run")
        self.run_button.setDefault(True)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.run)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if error else "")

    def _progress(self, stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self._say((self.tr("正在发出：{done} / {total} 条") if stage == "send"
                   else self.tr("正在收取：{done} / {total} 条")).format(done=done, total=total))
        QApplication.processEvents()

    def run(self) -> lap.SyncResult | None:
        """One sync; the result (also kept as ``self.result``), ``None`` when it could not run."""
        server = self.server.text().strip()
        token = self.token.text().strip() or self._remembered_token
        if not server.startswith(("http://", "https://")):
            self._say(self.tr("同步服务地址应以 https:// 或 http:// 开头"), error=True)
            self.server.setFocus()
            return None
        if not token:
            self._say(self.tr("请填写总部为本机发放的令牌（第一次同步时需要；之后会记住）"), error=True)
            self.token.setFocus()
            return None
        self.run_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first batch says how many
        self._say(self.tr("正在连接总部…"))
        QApplication.processEvents()
        try:
            result = sync(self.service, server, token, progress=self._progress, transport=self.transport)
        except SyncError as e:
            self._say(self.tr("未能同步：{error}").format(error=e), error=True)
            return None
        except ImportFailed as e:
            self._say(self.tr("收到的记录未通过检查，本批未写入：{error}").format(error=e), error=True)
            return None
        finally:
            self.run_button.setEnabled(True)
            if self.progress.maximum() == 0:
                self.progress.setRange(0, 1)
        lap.remember(self.service, server, token)
        self._remembered_token = token
        self.token.clear()
        self.token.setPlaceholderText(self.tr("已记住（如总部重新发放，请填写新令牌）"))
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        text = self.tr("同步完成：发出 {sent} 条，收到 {received} 条，冲突 {conflicts} 条。").format(
            sent=result.sent, received=result.received, conflicts=result.conflicts)
        if result.conflicts:
            text += self.tr("冲突的记录已保留，本机记录未改动；请在 工具 ▸ 冲突记录 中处理。")
        if result.refused:
            text += self.tr("未收取：{items}").format(items="；".join(result.refused[:5]))
        self._say(text)
        self.result = result
        return result
