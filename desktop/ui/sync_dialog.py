"""工具 ▸ 与总部同步…: one sync with head office from the window, with its progress (issue 12).

The same operation as ``aftersales-desk sync`` (``services.sync.client.sync``): what is new here is
sent, what head office decided comes back, a record changed on both sides is held as a conflict.
The server's address is remembered in the data folder and the token in the operating system's key
store (``services.sync.laptop.remember``), so after the first time the clerk only presses 同步.

The sync runs in a worker thread (``QThread``), so the window stays responsive: the worker reports
each batch through a queued signal and the dialog's progress bar and text follow it.  取消 asks the
worker to stop at the next batch boundary; every batch that went through is remembered
(``sync_state``), so the next sync goes on from there.  A failure is said in the dialog.  The records
the sync writes reach the registers through the service's change listeners (the main window's is
a signal, delivered in the window's thread).  Closing the dialog during a sync cancels it and closes
once the worker has stopped.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
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
from ..services.sync.client import BATCH, SyncCancelled, SyncError, sync
from ..services.transfer import ImportFailed


class SyncWorker(QObject):
    """One sync, run in a worker thread; says how it goes through signals (queued to the dialog)."""

    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(str, bool)  # the message, whether the user cancelled
    finished = Signal()

    def __init__(self, service: RecordService, server: str, token: str, transport: Any, batch: int) -> None:
        super().__init__()
        self.service, self.server, self.token, self.transport, self.batch = service, server, token, transport, batch
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            result = sync(self.service, self.server, self.token, progress=self.progressed.emit,
                          transport=self.transport, batch=self.batch, cancel=self._stop.is_set)
        except SyncCancelled as e:
            self.failed.emit(str(e), True)
        except SyncError as e:
            self.failed.emit(self.tr("未能同步：{error}").format(error=e), False)
        except ImportFailed as e:
            self.failed.emit(self.tr("收到的记录未通过检查，本批未写入：{error}").format(error=e), False)
        except Exception as e:  # noqa: BLE001 - a worker that dies silently would leave the dialog waiting
            self.failed.emit(self.tr("同步中出现意外错误：{error}；已完成的批次已保存").format(
                error=str(e) or type(e).__name__), False)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class SyncDialog(QDialog):
    def __init__(self, service: RecordService, parent: QWidget | None = None, transport: Any = None,
                 batch: int = BATCH) -> None:
        super().__init__(parent)
        self.setObjectName("sync_dialog")
        self.setWindowTitle(self.tr("与总部同步"))
        self.service = service
        self.transport = transport  # tests: an in-process transport
        self.batch = batch
        self.result: lap.SyncResult | None = None
        self._thread: QThread | None = None
        self._worker: SyncWorker | None = None
        self._close_when_done = False
        self._credentials = ("", "")
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
        self.cancel_button = QPushButton(self.tr("取消同步"), self)
        self.cancel_button.setObjectName("sync_cancel")
        self.cancel_button.setEnabled(False)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)

    @property
    def running(self) -> bool:
        """A sync is under way in the worker thread."""
        return self._thread is not None

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if error else "")

    @Slot(str, int, int)
    def _progress(self, stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if self._worker is not None and self._worker._stop.is_set():
            return  # "正在停止…" stays until the worker has stopped
        self._say((self.tr("正在发出：{done} / {total} 条") if stage == "send"
                   else self.tr("正在收取：{done} / {total} 条")).format(done=done, total=total))

    def run(self) -> None:
        """Start one sync in the worker thread (nothing when one is under way); ``self.result`` is
        set when it has finished well, and stays ``None`` when it could not run or was cancelled."""
        if self.running:
            return
        server = self.server.text().strip()
        token = self.token.text().strip() or self._remembered_token
        if not server.startswith(("http://", "https://")):
            self._say(self.tr("同步服务地址应以 https:// 或 http:// 开头"), error=True)
            self.server.setFocus()
            return
        if not token:
            self._say(self.tr("请填写总部为本机发放的令牌（第一次同步时需要；之后会记住）"), error=True)
            self.token.setFocus()
            return
        self.result = None
        self.run_button.setEnabled(False)
        self.server.setEnabled(False)
        self.token.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first batch says how many
        self._say(self.tr("正在连接总部…"))
        thread = QThread(self)
        worker = SyncWorker(self.service, server, token, self.transport, self.batch)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._progress)
        # Bound slots of this dialog (not lambdas): Qt queues them into the window's thread.
        self._credentials = (server, token)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.finished.connect(thread.quit)
        thread.finished.connect(self._stopped)
        self._thread, self._worker = thread, worker
        thread.start()

    def cancel(self) -> None:
        """Stop the sync at the next batch boundary (what went through is kept)."""
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("正在停止：当前这一批完成后停止…"))

    @Slot(object)
    def _succeeded(self, result: lap.SyncResult) -> None:
        server, token = self._credentials
        lap.remember(self.service, server, token)
        self._remembered_token = token
        self.token.clear()
        self.token.setPlaceholderText(self.tr("已记住（如总部重新发放，请填写新令牌）"))
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        text = self.tr("同步完成：发出 {sent} 条，收到 {received} 条，冲突 {conflicts} 条。").format(
            sent=result.sent, received=result.received, conflicts=result.conflicts)
        if result.deleted:
            text += self.tr("本机删除的草稿，总部也已删除 {n} 条。").format(n=result.deleted)
        if result.conflicts:
            text += self.tr("冲突的记录已保留，本机记录未改动；请在 工具 ▸ 冲突记录 中处理。")
        if result.refused:
            text += self.tr("未收取：{items}").format(items="；".join(result.refused[:5]))
        if result.notes:
            text += "\n" + "\n".join(result.notes[:8])
        self._say(text)
        self.result = result

    @Slot(str, bool)
    def _failed(self, message: str, cancelled: bool) -> None:
        self._say(message, error=not cancelled)

    @Slot()
    def _stopped(self) -> None:
        thread, self._thread, self._worker = self._thread, None, None
        if thread is not None:
            thread.deleteLater()
        self.run_button.setEnabled(True)
        self.server.setEnabled(True)
        self.token.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        if self._close_when_done:
            super().reject()

    def reject(self) -> None:
        """Close; during a sync, cancel it first and close once the worker has stopped."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def _on_quit(self) -> None:
        """The application is quitting during a sync: stop at the batch boundary and wait for it."""
        if self._worker is not None and self._thread is not None:
            self._worker.cancel()
            self._thread.wait(30_000)
