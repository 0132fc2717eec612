"""``aftersales-desk --self-test``: is this installation whole?  Run by the build scripts on the
frozen bundle (packaging/build_windows.ps1, build_linux.sh) and by support staff on a laptop.

Everything happens in a temporary folder (named with Chinese characters and a space, as a Windows
user name can be), never in the user's data folder:

1. the bundled resources are there (fonts, translations, handouts, question bank, migrations) and
   Qt registers the Chinese font from the program folder;
2. an empty database is taken through every migration, one at a time;
3. one complete record of every kind is saved, the database closed and opened again, and each
   record read back with the same content;
4. one PDF of every kind (every record's form, a blank paper form, the commitment letter, a
   handout chapter, the training sheets) is rendered, signed and verified;
5. a page of a rendered PDF is drawn as a picture and its QR code read back to its record;
6. the main window is built over that data with a form of every kind (every widget module the
   frozen bundle must carry).

Each check prints one line; the exit status is 0 when all passed, 1 otherwise (the failing check
says why; a traceback only with ``AFTERSALES_DESK_SELFTEST_TRACE=1``).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TRACE_ENV = "AFTERSALES_DESK_SELFTEST_TRACE"
FOLDER_NAME = "数据 文件夹"  # Chinese and a space: what a Windows user folder can look like
REDIRECTED_ENV = {"AFTERSALES_DESK_DATA": FOLDER_NAME, "AFTERSALES_DESK_SECRETS": "secrets"}
KEYRING_ENV = "PYTHON_KEYRING_BACKEND"  # keyring's own switch: the secrets go to the file store above


class CheckFailed(Exception):
    """A check's finding (printed as it is, without a traceback)."""


@dataclass
class SelfTest:
    root: Path
    out: Callable[[str], None]
    failures: list[str] = field(default_factory=list)
    passed: int = 0
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def data(self) -> Path:
        return self.root / FOLDER_NAME

    def check(self, name: str, fn: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = fn()
        except Exception as e:  # noqa: BLE001 - a self-test reports every failure and goes on
            self.failures.append(name)
            reason = str(e) if isinstance(e, CheckFailed) else f"{type(e).__name__}: {e}"
            self.out(f"失败  {name}：{reason}")
            if os.environ.get(TRACE_ENV):
                self.out(traceback.format_exc())
            return False
        self.passed += 1
        self.out(f"通过  {name}：{detail}（{time.perf_counter() - started:.1f} 秒）")
        return True


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


# ------------------------------------------------------------------------------------------ checks


def check_resources() -> str:
    from .documents.handouts import chapter_files
    from .paths import fallback_font_path, fill_font_path, font_path, icon_path, resources_dir
    from .storage.migrate import MIGRATIONS_DIR, REVISIONS

    res = resources_dir()
    missing = [str(p) for p in (font_path(), fallback_font_path(), fill_font_path(),
                                res / "translations" / "aftersales_en.qm",
                                res / "training" / "assessment.md", icon_path()) if not p.is_file()]
    versions = {p.stem for p in (MIGRATIONS_DIR / "versions").glob("*.py")}
    missing += [f"迁移 {r}" for r in REVISIONS if r not in versions]
    _require(not missing, "缺少：" + "、".join(missing))
    chapters = chapter_files()
    _require(bool(chapters), f"{res / 'handouts'} 中没有讲义章节")
    return f"字体、翻译、{len(chapters)} 章讲义、考核题库、图标、{len(REVISIONS)} 个迁移，位于 {res}"


def check_qt(test: SelfTest) -> str:
    """A QApplication (offscreen: nothing is shown), the bundled font registered from the program
    folder, the English translation loaded."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QTranslator, qVersion
    from PySide6.QtWidgets import QApplication

    from .app import install_font
    from .paths import resources_dir

    app = QApplication.instance() or QApplication(["aftersales-desk", "--self-test"])
    test.state["app"] = app
    family = install_font(app)  # type: ignore[arg-type]
    from PySide6.QtGui import QIcon

    from .paths import icon_path

    _require(not QIcon(str(icon_path())).isNull(), f"Qt 无法读取图标 {icon_path()}")
    _require(family is not None, "Qt 无法从程序文件夹注册字体 wqy-microhei.ttc")
    translator = QTranslator()
    _require(translator.load("aftersales_en", str(resources_dir() / "translations")), "无法加载英文翻译")
    _require(translator.translate("MainWindow", "保存") not in ("", None), "英文翻译是空的")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _require(QTranslator().load("qtbase_zh_CN", qt_dir), f"{qt_dir} 中没有 Qt 对话框的中文翻译 qtbase_zh_CN.qm")
    return f"Qt {qVersion()}，平台 {app.platformName()}，字体 {family}，英文翻译和 Qt 对话框的中文翻译已加载"


def check_migrations(test: SelfTest) -> str:
    from .storage.db import DB_FILENAME
    from .storage.migrate import REVISIONS, current_revision, upgrade

    test.data.mkdir(parents=True)
    path = test.data / DB_FILENAME
    import sqlite3

    sqlite3.connect(path).close()
    for rev in REVISIONS:
        upgrade(path, rev)
        _require(current_revision(path) == rev, f"升级到 {rev} 后数据库版本是 {current_revision(path)}")
    return f"空数据库依次升级 {len(REVISIONS)} 个版本：{REVISIONS[0]} … {REVISIONS[-1]}"


def check_records(test: SelfTest) -> str:
    from .domain.forms import SPECS
    from .domain.records import content_hash
    from .services.context import open_context
    from .services.demo import example_object
    from .services.transfer import import_records

    ctx = open_context(test.data)
    try:
        today = ctx.records.clock.today()
        report = import_records(ctx.records, [example_object(kind, today) for kind in SPECS], source="self-test")
        saved = {r.kind: (r.id, content_hash(SPECS[r.kind], r)) for r in report.records}
    finally:
        ctx.close()
    _require(set(saved) == set(SPECS), "未保存的类型：" + "、".join(sorted(set(SPECS) - set(saved))))
    ctx = open_context(test.data)  # reopened: read back from the file, not from a session
    try:
        for kind, (record_id, digest) in saved.items():
            again = ctx.records.get(kind, record_id)
            _require(content_hash(SPECS[kind], again) == digest, f"{kind} {again.number} 读回的内容与保存的不同")
    finally:
        ctx.close()
    test.state["records"] = saved
    return f"{len(saved)} 类记录各一条保存、关闭、重新打开后读回一致（{'、'.join(saved)}）"


def check_pdfs(test: SelfTest) -> str:
    from .services.context import open_context
    from .services.export import export_blank, export_commitment_letter, export_record
    from .services.signing import verify_pdf
    from .services.training_export import SHEETS, export_handouts_selection, export_sheet

    folder = test.root / "PDF 文件"
    ctx = open_context(test.data)
    made: list[tuple[Path, str]] = []  # (file, record id or "")
    try:
        service = ctx.records
        for kind, (record_id, _digest) in test.state["records"].items():
            record = service.get(kind, record_id)
            made.append((export_record(service, record, folder / f"{record.number}.pdf"), record_id))
            if kind == "survey":
                made.append((export_blank(service, record, folder / f"{record.number}-空白.pdf"), record_id))
            if kind == "training":
                made += [(export_sheet(service, record, sheet, folder / f"{record.number}-{sheet}.pdf"), "")
                         for sheet in SHEETS]
        made.append((export_commitment_letter(service, folder / "售后服务承诺书.pdf", "自检单位"), ""))
        made.append((export_handouts_selection(service, [1], folder / "培训讲义 第一章.pdf"), ""))
        bad = []
        for path, record_id in made:
            result = verify_pdf(path, test.data, service)
            if not result.ok or (record_id and result.record_id != record_id):
                bad.append(f"{path.name}：{result.message}")
        _require(not bad, "；".join(bad))
    finally:
        ctx.close()
    test.state["pdf"] = next(p for p, rid in made if rid == test.state["records"]["complaint"][0])
    return f"{len(made)} 个 PDF 已生成、签名并校验通过（每类记录、空白表、承诺书、讲义、培训表格）"


def check_qr(test: SelfTest) -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    from .services.context import open_context
    from .services.scans import find_record_in_image

    pdf: Path = test.state["pdf"]
    doc = QPdfDocument(None)
    _require(doc.load(str(pdf)) == QPdfDocument.Error.None_, f"QtPdf 无法打开 {pdf.name}")
    size = doc.pagePointSize(0)
    page = doc.render(0, QSize(int(size.width() * 150 / 72), int(size.height() * 150 / 72)))
    doc.close()
    _require(not page.isNull(), "QtPdf 无法绘制第一页")
    paper = QImage(page.size(), QImage.Format.Format_RGB32)  # the render is transparent: put it on paper
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, page)
    painter.end()
    png = test.root / "扫描件.png"
    _require(paper.save(str(png)), "无法保存页面图片")
    ctx = open_context(test.data)
    try:
        match = find_record_in_image(ctx.records, png)
    finally:
        ctx.close()
    record_id = test.state["records"]["complaint"][0]
    _require(match is not None, "页面图片中没有读到本程序的二维码")
    assert match is not None
    _require(match.record_id == record_id and match.hash_matches, f"二维码指向 {match.number}，内容校验未通过")
    return f"{pdf.name} 第 1 页以 150 dpi 绘制后读回二维码：{match.number} 第 {match.revision} 版，校验码一致"


def check_window(test: SelfTest) -> str:
    from .domain.forms import SPECS
    from .services.context import open_context
    from .ui.main_window import MainWindow

    ctx = open_context(test.data)
    try:
        window = MainWindow(test.data, ctx.records)
        try:
            for kind, (record_id, _digest) in test.state["records"].items():
                window.open_record(kind, record_id)
            opened = len(window.forms())
            _require(opened == len(SPECS), f"只打开了 {opened} 个表单")
        finally:
            for form in window.forms():
                form.setParent(None)
                form.deleteLater()
            window.deleteLater()
            test.state["app"].processEvents()
    finally:
        ctx.close()
    return f"主窗口已建立，{opened} 类表单各打开一个"


# ------------------------------------------------------------------------------------------ running


def run_self_test(out: Callable[[str], None] | None = None) -> int:
    """Run every check in a temporary folder; 0 when all passed."""
    from . import __version__

    say = out or (lambda line: print(line, flush=True))
    started = time.perf_counter()
    say(f"消杀药品售后服务台 {__version__} 自检（Python {sys.version.split()[0]}，{sys.platform}）")
    root = Path(tempfile.mkdtemp(prefix="aftersales-selftest-"))
    test = SelfTest(root, say)
    say(f"临时文件夹：{test.data}（不读写用户数据）")
    # Whatever would fall back to the user's folders (the default data folder, a store of secrets
    # beside it) is pointed into the temporary folder for the run.
    saved = {name: os.environ.get(name) for name in (*REDIRECTED_ENV, KEYRING_ENV)}
    os.environ.update({name: str(root / folder) for name, folder in REDIRECTED_ENV.items()})
    os.environ[KEYRING_ENV] = "keyring.backends.fail.Keyring"  # no entry in the user's OS key store
    try:
        test.check("程序资源", check_resources)
        test.check("Qt 与字体", lambda: check_qt(test))
        if test.check("数据库迁移", lambda: check_migrations(test)) and test.check(
                "每类记录保存与读回", lambda: check_records(test)):
            if test.check("每类 PDF 生成与校验", lambda: check_pdfs(test)) and "app" in test.state:
                test.check("页面二维码识别", lambda: check_qr(test))
            if "app" in test.state:
                test.check("主窗口与各类表单", lambda: check_window(test))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(root, ignore_errors=True)
    elapsed = time.perf_counter() - started
    if test.failures:
        say(f"自检失败：{len(test.failures)} 项未通过（{'、'.join(test.failures)}），{test.passed} 项通过，"
            f"用时 {elapsed:.1f} 秒")
        return 1
    say(f"自检通过：{test.passed} 项全部通过，用时 {elapsed:.1f} 秒")
    return 0
