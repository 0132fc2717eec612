"""总部登录: the head-office window opens only for a user of ``server_user`` with the right password.

A wrong password and an unknown name get the same answer (nobody learns which names exist); after
:data:`MAX_TRIES` refusals the dialog closes and the program ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ...services.sync.head_office import HeadOfficeUser

MAX_TRIES = 5


class LoginDialog(QDialog):
    def __init__(self, service: object, where: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.user: HeadOfficeUser | None = None
        self.tries = 0
        self.setObjectName("head_office_login")
        self.setWindowTitle(self.tr("总部登录"))
        self.setMinimumWidth(480)

        intro = QLabel(self.tr("总部窗口显示各笔记本的全部记录。请用总部发给您的用户名和密码登录。"), self)
        intro.setWordWrap(True)
        self.where = QLabel(self.tr("数据库：{url}").format(url=where) if where else "", self)
        self.where.setObjectName("login_database")
        self.where.setStyleSheet("color: #6b7280;")
        self.where.setVisible(bool(where))
        self.name = QLineEdit(self)
        self.name.setObjectName("login_name")
        self.name.setMaxLength(40)
        self.password = QLineEdit(self)
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.name)
        form.addRow(self.tr("密码"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("登录"))
        self.login_button.setObjectName("login_ok")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.where)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.name.setFocus()

    def try_login(self) -> bool:
        """Check the name and password; accept the dialog, or say why not (and quit after the last try)."""
        from ...services.errors import StorageError
        from ...services.sync.head_office import authenticate
        from ..texts import error_text

        name, password = self.name.text().strip(), self.password.text()
        if not name or not password:
            self._say(self.tr("请填写用户名和密码。"))
            (self.name if not name else self.password).setFocus()
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            user = authenticate(self.service, name, password)  # type: ignore[arg-type]
        except (StorageError, OSError) as e:
            self._say(self.tr("无法核对用户：{reason}").format(reason=error_text(e)))
            return False
        except Exception as e:  # noqa: BLE001 - the database went away (sqlalchemy's errors): say it, never a traceback
            self._say(self.tr("无法核对用户：{reason}").format(reason=str(e).splitlines()[0] if str(e) else type(e).__name__))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        if user is None:
            self.tries += 1
            self.password.clear()
            self.password.setFocus()
            left = MAX_TRIES - self.tries
            if left <= 0:
                self._say(self.tr("用户名或密码不正确，已连续 {n} 次，程序将退出。").format(n=MAX_TRIES))
                self.reject()
                return False
            self._say(self.tr("用户名或密码不正确（还可以再试 {n} 次）。").format(n=left))
            return False
        self.user = user
        self.accept()
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
