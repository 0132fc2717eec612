"""Shared fixtures: a temporary data folder per test, services on a fixed clock, the Qt window.

Nothing here touches the user's real data: the data folder is always under pytest's tmp_path,
``AFTERSALES_DESK_DATA`` points at a temporary folder for the whole session, and Qt's standard
paths are in test mode.  The database is migrated once per session and its file copied for each
test (an Alembic upgrade per test would cost a second each).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Before anything imports Qt: no display is needed, and none must be used by accident.
os.environ["QT_QPA_PLATFORM"] = os.environ.get("AFTERSALES_TEST_QPA", "offscreen")
os.environ.setdefault("AFTERSALES_DESK_DATA", tempfile.mkdtemp(prefix="aftersales-test-data-"))
# Secrets (the signing key's password) in a temporary user-only folder, never the tester's key store.
os.environ.setdefault("AFTERSALES_DESK_SECRETS", tempfile.mkdtemp(prefix="aftersales-test-secrets-"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import pytest

from desktop.domain.clock import FixedClock

# A Friday morning in Beijing; every date in the tests is relative to it.
NOW = dt.datetime(2026, 3, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
TODAY = NOW.date()
STAFF = "王测试"
LAPTOP = "T1"
COMPANY = "测试消杀药业有限公司"


def _configure(service: Any) -> None:
    settings = service.settings()
    settings.company_name = COMPANY
    settings.company_address = "江苏省南京市江宁区测试路 1 号"
    settings.company_phone = "400-820-1234"
    settings.laptop_code = LAPTOP
    settings.staff_name = STAFF
    service.save_settings(settings)


def _copy_data(template: Path, target: Path) -> Path:
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("backups"))
    return target


@pytest.fixture(scope="session")
def template_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, configured, empty data folder (copied for each test)."""
    from desktop.services.context import open_context

    folder = tmp_path_factory.mktemp("template") / "data"
    ctx = open_context(folder, FixedClock(NOW))
    _configure(ctx.records)
    ctx.close()
    return folder


@pytest.fixture(scope="session")
def demo_template_data_dir(tmp_path_factory: pytest.TempPathFactory, template_data_dir: Path) -> Path:
    """The same with 14 demo complaints in every status (two of each), photos included."""
    from desktop.services.context import open_context
    from desktop.services.demo import demo_objects
    from desktop.services.transfer import import_records

    folder = _copy_data(template_data_dir, tmp_path_factory.mktemp("demo-template") / "data")
    ctx = open_context(folder, FixedClock(NOW))
    import_records(ctx.records, demo_objects(TODAY, 14))
    ctx.close()
    return folder


@pytest.fixture(scope="session")
def forms_template_data_dir(tmp_path_factory: pytest.TempPathFactory, template_data_dir: Path) -> Path:
    """Demo records of every form: complaints, service reports and return requests made from them,
    surveys after service reports, and records that stand alone (``load_demo``)."""
    from desktop.services.context import open_context
    from desktop.services.demo import load_demo

    folder = _copy_data(template_data_dir, tmp_path_factory.mktemp("forms-template") / "data")
    ctx = open_context(folder, FixedClock(NOW))
    load_demo(ctx.records, 8)
    ctx.close()
    return folder


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def data_dir(tmp_path: Path, template_data_dir: Path) -> Path:
    return _copy_data(template_data_dir, tmp_path / "data")


@pytest.fixture
def demo_data_dir(tmp_path: Path, demo_template_data_dir: Path) -> Path:
    return _copy_data(demo_template_data_dir, tmp_path / "data")


@pytest.fixture
def ctx(data_dir: Path, clock: FixedClock) -> Iterator[Any]:
    from desktop.services.context import open_context

    context = open_context(data_dir, clock)
    yield context
    context.close()


@pytest.fixture
def demo_ctx(demo_data_dir: Path, clock: FixedClock) -> Iterator[Any]:
    from desktop.services.context import open_context

    context = open_context(demo_data_dir, clock)
    yield context
    context.close()


@pytest.fixture
def forms_ctx(tmp_path: Path, forms_template_data_dir: Path, clock: FixedClock) -> Iterator[Any]:
    from desktop.services.context import open_context

    context = open_context(_copy_data(forms_template_data_dir, tmp_path / "data"), clock)
    yield context
    context.close()


@pytest.fixture
def service(ctx: Any) -> Any:
    return ctx.records


@pytest.fixture(params=["sqlite", "postgresql"])
def service_on_each_database(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """The record service on a laptop's SQLite file, then on a head-office PostgreSQL database (both on
    ``tests.support.NOW``, the sync helpers' clock)."""
    from desktop.services.context import open_context
    from tests.support import NOW as SUPPORT_NOW
    from tests.sync_helpers import head_office

    if request.param == "sqlite":
        ctx = open_context(tmp_path / "data", FixedClock(SUPPORT_NOW))
        yield ctx.records
        ctx.close()
        return

    hq = head_office(request.getfixturevalue("pg_url"))
    yield hq
    hq.db.dispose()


# ------------------------------------------------------------------------------------------ Qt


@pytest.fixture(scope="session")
def gui_app(qapp: Any) -> Any:
    """The QApplication set up as the real one is: bundled font, translators, style sheet."""
    from PySide6.QtCore import QStandardPaths

    from desktop.app import setup_application

    QStandardPaths.setTestModeEnabled(True)
    setup_application(qapp)
    return qapp


class Dialogs:
    """Answers for modal dialogs, so that none ever waits for a click that will not come.

    ``QMessageBox.exec`` and ``QDialog.exec`` take the next queued answer: a button / dialog
    code, or a callable that receives the dialog and returns one.  A dialog with no answer
    queued is answered "cancel" and fails the test at teardown.  File dialogs return what
    ``open_files`` / ``save_file`` say; ``QDesktopServices.openUrl`` is recorded, not run.
    """

    def __init__(self) -> None:
        self.answers: list[Any] = []
        self.seen: list[dict[str, str]] = []
        self.unexpected: list[str] = []
        self.open_files: list[str] = []
        self.save_file: str = ""
        self.file_dialog_calls: list[tuple[str, tuple[Any, ...]]] = []
        self.opened_urls: list[Any] = []
        self.tearing_down = False

    def answer(self, *answers: Any) -> None:
        self.answers.extend(answers)

    def _run(self, dialog: Any) -> Any:
        from PySide6.QtWidgets import QDialog, QMessageBox

        info: dict[str, str] = {"title": dialog.windowTitle(), "class": type(dialog).__name__}
        if isinstance(dialog, QMessageBox):
            info.update(text=dialog.text(), detail=dialog.informativeText(),
                        buttons=",".join(b.text() for b in dialog.buttons()))
        self.seen.append(info)
        if self.tearing_down:
            return QMessageBox.StandardButton.Discard if isinstance(dialog, QMessageBox) else 0
        if not self.answers:
            self.unexpected.append(str(info))
            if isinstance(dialog, QMessageBox):
                return QMessageBox.StandardButton.Cancel
            return QDialog.DialogCode.Rejected
        answer = self.answers.pop(0)
        if not isinstance(dialog, QMessageBox):
            dialog.show()  # as exec() would: the test fills a dialog the user can see
        result = answer(dialog) if callable(answer) else answer
        dialog.hide()
        return result.value if hasattr(result, "value") else result


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    d = Dialogs()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: d._run(self))
    monkeypatch.setattr(QDialog, "exec", lambda self: d._run(self))

    def open_names(*args: Any, **kwargs: Any) -> tuple[list[str], str]:
        d.file_dialog_calls.append(("getOpenFileNames", args))
        return list(d.open_files), ""

    def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        d.file_dialog_calls.append(("getSaveFileName", args))
        return d.save_file, ""

    def static_dialog(name: str) -> Any:
        # The application asks through dialogs.py (instances + exec); a static call that would
        # block in C++ is refused loudly rather than hanging the run.
        def refuse(*args: Any, **kwargs: Any) -> Any:
            d.unexpected.append(f"{name}{args[1:3]}")
            return QMessageBox.StandardButton.Cancel if name.startswith("QMessageBox") else ("", "")

        return staticmethod(refuse)

    for method in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, method, static_dialog(f"QMessageBox.{method}"))
    for method in ("getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, method, static_dialog(f"QFileDialog.{method}"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_names))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: d.opened_urls.append(url) or True))
    yield d
    if d.unexpected:
        pytest.fail(f"unexpected modal dialog(s): {d.unexpected}")


def _main_window(qtbot: Any, dialogs: Dialogs, context: Any) -> Iterator[Any]:
    from desktop.app import create_main_window

    window = create_main_window(context)
    window.show()
    qtbot.waitExposed(window)
    # The window opens on 首页 (tests/test_gui_home.py checks it); most tests start from the
    # complaint register, as a clerk does with one click.
    assert window.tabs.currentWidget() is window.home
    window.tabs.setCurrentWidget(window.registers["complaint"])
    yield window
    # Not qtbot.addWidget: pytest-qt would close the window before this fixture can say that
    # a test may end with changes left unsaved (the close would then ask about them).
    dialogs.tearing_down = True
    window.close()
    window.deleteLater()


@pytest.fixture
def window(qtbot: Any, gui_app: Any, dialogs: Dialogs, ctx: Any) -> Iterator[Any]:
    """The main window over an empty, configured data folder."""
    yield from _main_window(qtbot, dialogs, ctx)


@pytest.fixture
def demo_window(qtbot: Any, gui_app: Any, dialogs: Dialogs, demo_ctx: Any) -> Iterator[Any]:
    """The main window over 14 demo complaints."""
    yield from _main_window(qtbot, dialogs, demo_ctx)


@pytest.fixture
def forms_window(qtbot: Any, gui_app: Any, dialogs: Dialogs, forms_ctx: Any) -> Iterator[Any]:
    """The main window over demo records of every form."""
    yield from _main_window(qtbot, dialogs, forms_ctx)


@pytest.fixture
def png_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write a small PNG (made without any imaging library) and return its path."""
    from desktop.services.images import make_png

    def make(name: str = "现场照片.png", stripe: int = 0) -> Path:
        path = tmp_path / name
        path.write_bytes(make_png(64, 48, stripe=stripe))
        return path

    return make


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    """A PostgreSQL server this test process starts (once, when a test first needs it) and stops."""
    from tests.pg_server import PostgresServer

    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: Any) -> str:
    """The URL of a fresh, empty PostgreSQL database of this test's own."""
    return pg_server.fresh_database()


@pytest.fixture
def hq(pg_url: str) -> Any:
    """Head office's record service on a fresh PostgreSQL database (``tests.sync_helpers.head_office``:
    the sync tests' clock); a test module with accounts of its own defines its own ``hq``."""
    from tests.sync_helpers import head_office

    service = head_office(pg_url)
    yield service
    service.db.dispose()
