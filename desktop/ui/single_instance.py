"""One window per data folder: a second launch brings the running window forward.

Two windows on one folder would each hold their own copy of an open record; the version check
refuses the second save, but a clerk should not get there.  The first window holds a lock file in
the data folder (``QLockFile``: the lock names its process, so one left behind by a crash or a power
cut is recognised as stale and taken over, never stuck) and listens on a local socket named after
the folder.  A second launch that cannot take the lock asks the first, over that socket, to come
to the front and then ends; when nobody answers (the folder is used from another computer, on a
network drive) it says so.  The command line is not affected: it may work beside the window, and
the database's own locking and the version check keep them apart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "aftersales-window.lock"
RAISE = b"raise\n"


def server_name(data_dir: Path) -> str:
    """The local socket of the window working on ``data_dir`` (one per folder and user)."""
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"aftersales-desk-{digest}"


class SingleInstance(QObject):
    """The lock and the listening socket of the window on one data folder."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, however old
        self.server: QLocalServer | None = None
        self.on_raise: Callable[[], None] | None = None

    def acquire(self) -> bool:
        """Take the folder for this window; False when another window holds it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(100):
            return False
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a crash
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self.server.listen(name)
        return True

    def _connected(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if bytes(sock.readAll()).startswith(RAISE.strip()) and self.on_raise is not None:
            self.on_raise()
        sock.disconnectFromServer()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()


def ask_running_window_to_raise(data_dir: Path, timeout_ms: int = 1500) -> bool:
    """Ask the window that holds ``data_dir`` to come forward; True when it answered."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(data_dir))
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(RAISE)
    sock.flush()
    sock.waitForBytesWritten(timeout_ms)
    sock.disconnectFromServer()
    return True
