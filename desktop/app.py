"""Composition root of the window: font, translators, data folder, services, main window.

Start-up is kept short (target: the window on screen within a second on a database of 10,000
complaints): ReportLab, Alembic and pyHanko are imported only when a PDF is made or a migration
is due, never here.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from .paths import fallback_font_path, fill_font_path, font_path, icon_path, rare_font_paths, resources_dir

DEFAULT_LANG = "zh_CN"
BENCHMARK_ENV = "AFTERSALES_DESK_BENCHMARK_EXIT"  # print start-up times and quit (benchmarks/run.py)
_translators: list[QTranslator] = []  # kept alive for the life of the application
_font_family: str | None = None  # WenQuanYi Micro Hei, once registered
_font_families: list[str] = []  # the application font's families: fill, main, fallback


def install_font(app: QApplication) -> str | None:
    """Register the bundled fonts and make them the application font; return the main family.

    WenQuanYi Micro Hei is the only Chinese font the application may count on: on a machine without
    one, every label would otherwise be drawn as boxes.  It lacks some symbols of the trade (☑, ✗ …),
    which Qt then takes from the next family, the bundled DejaVu Sans, rather than from whatever the
    system has.  Worse, it *maps* ℃, ℉, Ⅴ, Ⅹ and the pinyin vowels ǎǐǒǔǘǚǜ to blank glyphs, and Qt
    only falls back for characters a font does not map: so "DejaVu Sans Fill", which holds exactly
    those characters (``scripts/make_fill_font.py``, with WenQuanYi's line metrics), goes first.
    The rare-character fonts the PDFs use (Extension A–F, ``paths.rare_font_paths``) come last, so a
    name such as 𠮷 or 䶮 shows on screen as it prints, not as a box on a laptop whose system has no
    such font (registering them costs about 30 ms).
    """
    global _font_family
    if _font_family is None:
        main = _add_font(font_path())
        if main is None:
            return None
        _font_family = main
        fill, fallback = _add_font(fill_font_path()), _add_font(fallback_font_path())
        rare = [_add_font(p) for p in rare_font_paths()]
        _font_families[:] = [f for f in (fill, main, fallback, *rare) if f]
    font = QFont(_font_family)
    font.setFamilies(_font_families)
    font.setPointSize(10)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    return _font_family


def _add_font(path: Path) -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def install_translators(app: QCoreApplication, lang: str | None = None) -> str:
    """The app's own ``aftersales_<lang>.qm`` (if present) and Qt's ``qtbase_<lang>`` for dialogs."""
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    lang = lang or DEFAULT_LANG
    QLocale.setDefault(QLocale(lang if lang != "en" else "en_US"))
    own = QTranslator(app)
    if own.load(f"aftersales_{lang}", str(resources_dir() / "translations")):
        app.installTranslator(own)
        _translators.append(own)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _translators.append(qt)
    return lang


def setup_application(app: QApplication, lang: str | None = None) -> None:
    """Everything the widgets need from the application object (used by the tests too)."""
    from .ui.style import style_sheet

    app.setApplicationName("AftersalesDesk")
    app.setApplicationDisplayName(QCoreApplication.translate("app", "消杀药品售后服务台"))
    app.setOrganizationName("AftersalesDesk")
    install_font(app)
    app.setWindowIcon(QIcon(str(icon_path())))
    install_translators(app, lang)
    app.setStyleSheet(style_sheet())


def create_main_window(ctx):  # type: ignore[no-untyped-def]
    """The main window over an opened :class:`AppContext`."""
    from .ui.main_window import MainWindow

    return MainWindow(ctx.data_dir, ctx.records)


def high_dpi_policy() -> None:
    """Windows laptops run at 125 % or 150 %: scale by exactly that (Qt 6's default, said here so that
    no environment variable or later default rounds it to 100 % or 200 %).  Before the QApplication."""
    if QApplication.instance() is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def _start_daily_backups(window: Any, ctx: Any) -> None:
    """The automatic backup of the day (at start, then checked every hour while the window is open);
    a backup that fails is said in the status bar and never stops the work."""
    from .services.backups import daily_backup
    from .storage.errors import StorageError

    def run() -> None:
        try:
            made = daily_backup(ctx.records, ctx.data_dir)
        except (StorageError, OSError) as e:
            window.statusBar().showMessage(QCoreApplication.translate("app", "自动备份未完成：{error}").format(error=e), 15000)
            return
        if made is not None:
            window.statusBar().showMessage(QCoreApplication.translate("app", "已自动备份到 {path}").format(path=made), 8000)

    timer = QTimer(window)
    timer.setObjectName("daily_backup_timer")
    timer.setInterval(60 * 60 * 1000)
    timer.timeout.connect(run)
    timer.start()
    QTimer.singleShot(2000, run)  # after the first paint: a start is never slowed by the backup


NO_DISPLAY = "无法打开窗口：这台计算机没有可用的显示（未设置 DISPLAY 或 WAYLAND_DISPLAY）；命令行命令仍可使用"


def no_display() -> bool:
    """True where Qt would abort for want of a screen (a Linux server or SSH session without X or
    Wayland): the window is then refused with :data:`NO_DISPLAY` and exit status 1, not Qt's abort.
    Windows and macOS always have one; ``QT_QPA_PLATFORM`` (offscreen, vnc …) names its own."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("", "xcb", "wayland"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(data_dir: Path, lang: str | None = None) -> int:
    """Open the window over ``data_dir``; returns the exit status (1 when the data cannot be opened)."""
    if no_display():
        print(f"错误：{NO_DISPLAY}", file=sys.stderr)
        return 1
    high_dpi_policy()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app, lang)

    from .storage.errors import StorageError
    from .ui import dialogs
    from .ui.main_window import MainWindow
    from .ui.single_instance import SingleInstance, ask_running_window_to_raise
    from .ui.texts import error_text

    instance = SingleInstance(Path(data_dir))
    try:
        taken = instance.acquire()
    except OSError:
        taken = True  # a folder that cannot be written: opening it below says so
    if not taken:
        if ask_running_window_to_raise(Path(data_dir)):
            print(QCoreApplication.translate("app", "这个数据文件夹已在另一个窗口中打开，已把它切到前台。"), flush=True)
            return 0
        dialogs.error(
            None,
            QCoreApplication.translate("app", "数据文件夹正在使用"),
            QCoreApplication.translate("app", "数据文件夹 {path} 正由另一个窗口使用（可能在另一台电脑上）。").format(path=data_dir),
            QCoreApplication.translate("app", "请先关闭那个窗口再打开；同一份数据同时在两个窗口中修改，后保存的一方会被拒绝。"),
        )
        return 1

    # The window first (Qt and the widgets: a few tenths of a second), then the database
    # (SQLAlchemy alone takes longer to import than drawing the window).
    from .ui import crash

    crash.install(Path(data_dir))
    window = MainWindow(Path(data_dir))

    def bring_forward() -> None:
        window.showNormal() if window.isMinimized() else window.show()
        window.raise_()
        window.activateWindow()

    instance.on_raise = bring_forward
    window.show()
    app.processEvents()
    shown_at = time.time()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    from .services.backups import restorable_failure
    from .services.context import open_context

    try:
        try:
            ctx = open_context(Path(data_dir))
        except StorageError as e:
            if not restorable_failure(e):
                raise
            QApplication.restoreOverrideCursor()
            from .ui.damaged_start import offer_restore

            if offer_restore(window, Path(data_dir), e) is None:  # said why; the user stopped
                window.close()
                instance.release()
                return 1
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            ctx = open_context(Path(data_dir))  # the restored data, with every check of a normal start
    except (StorageError, OSError) as e:
        QApplication.restoreOverrideCursor()
        reason = error_text(e) if isinstance(e, StorageError) else QCoreApplication.translate(
            "app", "请检查该文件夹是否存在、是否可以写入。（系统信息：{error}）").format(error=e.strerror or e)
        dialogs.error(
            window,
            QCoreApplication.translate("app", "无法打开数据"),
            QCoreApplication.translate("app", "无法打开数据文件夹 {path}。").format(path=data_dir),
            reason,
        )
        window.close()
        instance.release()
        return 1
    try:
        try:
            window.attach(ctx.records)
        finally:
            QApplication.restoreOverrideCursor()
        _start_daily_backups(window, ctx)
        if os.environ.get(BENCHMARK_ENV):
            # benchmarks/run.py: when the window was on screen, when the register was filled.
            print(f"WINDOW_SHOWN {shown_at:.6f}", flush=True)
            print(f"REGISTER_READY {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return app.exec()
    finally:
        ctx.close()
        instance.release()
