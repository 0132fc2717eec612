"""``aftersales-desk --database URL``: the window in head-office mode (issue 12).

The database is checked first, before any window: a server that cannot be reached, or a database
never set up with ``server init``, is said in one Chinese line on standard error (and in a message
box where there is a screen to show it on) and the exit status is 1 — never a traceback.  Then the
login (``ui.head_office.login_dialog``), then :class:`ui.head_office.window.HeadOfficeWindow` on
head office's :class:`HeadOfficeRecords`.  No daily backup: at head office that is the database
server's own backup, not a copy of a SQLite file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

HEAD_OFFICE_FOLDER = "head-office"  # beside a laptop's data: head office's window state and drafts


def _say(text: str) -> None:
    print(f"错误：{text}", file=sys.stderr, flush=True)


def _has_screen() -> bool:
    """False offscreen (tests, a server without a display): a message box there waits for nobody."""
    from .app import no_display

    return os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal") and not no_display()


def open_service(url: str, clock: Any = None) -> Any:
    """Head office's service for the window, or raise ``HeadOfficeUnavailable`` with the reason."""
    from .services.sync.head_office import open_head_office

    return open_head_office(url, clock)


def run_head_office(url: str, data_dir: Path, lang: str | None = None) -> int:
    from .app import high_dpi_policy, setup_application
    from .services.sync.head_office import HeadOfficeUnavailable, _shown
    from .storage.errors import StorageError

    try:
        service = open_service(url)
    except (HeadOfficeUnavailable, StorageError) as e:
        _fail(e, lang)
        return 1
    except Exception as e:  # noqa: BLE001 - a driver's error of any other kind: said, never a traceback
        _say(f"无法打开总部数据库：{str(e).splitlines()[0] if str(e) else type(e).__name__}")
        return 1

    from .app import NO_DISPLAY, no_display

    if no_display():
        service.db.dispose()
        _say(NO_DISPLAY)
        return 1
    from PySide6.QtWidgets import QApplication, QDialog

    high_dpi_policy()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app, lang)
    from .ui.head_office.login_dialog import LoginDialog
    from .ui.head_office.window import HeadOfficeWindow

    try:
        login = LoginDialog(service, _shown(url))
        if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
            if login.tries:
                _say("用户名或密码不正确，未登录总部窗口")
            return 1
        folder = Path(data_dir) / HEAD_OFFICE_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        window = HeadOfficeWindow(folder, service, login.user, _shown(url))
        window.show()
        return app.exec()
    finally:
        service.db.dispose()


def _fail(e: BaseException, lang: str | None) -> None:
    from .ui.texts import error_text

    _say(str(e))
    if not _has_screen():
        return
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from .app import setup_application
    from .ui import dialogs

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app, lang)
    dialogs.error(None, QCoreApplication.translate("app", "无法打开总部数据库"), error_text(e))
