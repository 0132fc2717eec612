"""Excel in the window: 工具 ▸ 导出台账（Excel）…, 从 Excel 导入…, 生成 Excel 导入模板….

Each function takes the main window, asks for a file, calls ``services.excel`` and says what
happened.  An import that is refused shows every problem (sheet, row, column) in a scrollable list
that can be copied, and nothing has been written; an import that succeeds reloads the registers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import dialogs
from .texts import tr_message

folder = ""  # the folder of the last Excel file chosen, for the next dialog


def _start_folder() -> str:
    return folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _remember(path: str | Path) -> None:
    global folder
    folder = str(Path(path).parent)


def _filter() -> str:
    return QCoreApplication.translate("excel", "Excel 工作簿 (*.xlsx);;所有文件 (*)")


def _save_path(window: QWidget, title: str, name: str) -> Path | None:
    path, _selected = QFileDialog.getSaveFileName(window, title, str(Path(_start_folder()) / name), _filter())
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    _remember(target)
    return target


class _Busy:
    """The wait cursor while a file is read or written."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QApplication.restoreOverrideCursor()


def _cannot_write(window: QWidget, title: str, path: Path, e: OSError) -> None:
    text = QCoreApplication.translate("excel", "无法写入文件：{path}").format(path=path)
    detail = QCoreApplication.translate(
        "excel", "文件可能正在 Excel 中打开，或文件夹不可写。请关闭文件后重试。（{reason}）")
    dialogs.error(window, title, text, detail.format(reason=e.strerror or e))


def export_registers(window: Any, kinds: list[str] | None = None) -> Path | None:
    """导出台账（Excel）: every register and form list, one sheet each; offers to open the file."""
    from ..services.excel import export_workbook

    service = window._ready()
    title = QCoreApplication.translate("excel", "导出台账（Excel）")
    name = QCoreApplication.translate("excel", "售后服务台账-{date}.xlsx")
    target = _save_path(window, title, name.format(date=service.clock.today().strftime("%Y%m%d")))
    if target is None:
        return None
    bar = QProgressDialog(QCoreApplication.translate("excel", "正在导出台账…"), "", 0, 0, window)
    bar.setObjectName("excel_export_progress")
    bar.setWindowTitle(title)
    bar.setCancelButton(None)  # a half-written workbook is of no use: it runs to the end
    bar.setWindowModality(Qt.WindowModality.WindowModal)
    bar.setMinimumDuration(400)

    def progress(done: int, total: int) -> None:
        bar.setMaximum(max(total, 1))
        bar.setValue(done)
        QApplication.processEvents()  # the window keeps painting: 10,000 records take seconds

    try:
        with _Busy():
            result = export_workbook(service, target, kinds, progress)
    except OSError as e:
        _cannot_write(window, title, target, e)
        return None
    finally:
        bar.reset()
        bar.deleteLater()
    done = QCoreApplication.translate("excel", "已导出 {n} 条记录到 {path}")
    window.statusBar().showMessage(done.format(n=result.total, path=target), 8000)
    text = QCoreApplication.translate("excel", "已导出 {n} 条记录（{sheets} 个工作表）。")
    if dialogs.confirm(window, title, text.format(n=result.total, sheets=len(result.sheets)),
                       QCoreApplication.translate("excel", "打开文件"), str(target)):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target


def save_template(window: Any) -> Path | None:
    """生成 Excel 导入模板: the workbook the office fills in (客户, 客户联系人, 产品, 发货批次)."""
    from ..services.excel import write_template

    title = QCoreApplication.translate("excel", "生成 Excel 导入模板")
    target = _save_path(window, title, QCoreApplication.translate("excel", "导入模板-客户产品发货.xlsx"))
    if target is None:
        return None
    try:
        with _Busy():
            write_template(target)
    except OSError as e:
        _cannot_write(window, title, target, e)
        return None
    done = QCoreApplication.translate("excel", "已生成导入模板：{path}")
    window.statusBar().showMessage(done.format(path=target), 8000)
    text = QCoreApplication.translate("excel", "已生成导入模板。请按“填写说明”工作表填写后，用“从 Excel 导入…”导入。")
    if dialogs.confirm(window, title, text, QCoreApplication.translate("excel", "打开文件"), str(target)):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target


def import_from_excel(window: Any) -> Any:
    """从 Excel 导入: all or nothing; the problems in a list, or what was imported."""
    from ..services.excel import import_workbook

    service = window._ready()
    title = QCoreApplication.translate("excel", "从 Excel 导入")
    path, _selected = QFileDialog.getOpenFileName(window, title, _start_folder(), _filter())
    if not path:
        return None
    _remember(path)
    with _Busy():
        result = import_workbook(service, Path(path))
    if not result.ok:
        dlg = ImportErrorsDialog(Path(path).name, result.error_lines(tr_message), window)
        dlg.exec()
        dlg.deleteLater()
        return result
    for page in window.registers.values():  # follow-ups planned by the deliveries too
        page.invalidate()
    window.home.mark_stale()  # new deliveries may expire soon, new follow-ups may be due
    lines = result.summary_lines()
    skipped = [p.line(tr_message) for p in result.skipped]
    if not lines:
        dialogs.info(window, title, QCoreApplication.translate("excel", "文件中没有要导入的记录。"), str(path))
        return result
    done = QCoreApplication.translate("excel", "已从 Excel 导入：{summary}")
    window.statusBar().showMessage(done.format(summary="；".join(lines)), 8000)
    dialogs.info(window, title, QCoreApplication.translate("excel", "导入完成。"), "\n".join(lines + skipped))
    return result


class ImportErrorsDialog(QDialog):
    """导入失败: how many problems, and every one (sheet, row, column, reason) in a scrollable list."""

    def __init__(self, filename: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excel_import_errors")
        self.setWindowTitle(self.tr("从 Excel 导入"))
        self.lines = list(lines)
        self.headline = QLabel(self.tr("“{file}”有 {n} 处错误，没有导入任何记录。").format(file=filename, n=len(lines)),
                               self)
        self.headline.setObjectName("excel_errors_headline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("color: #c62828; font-weight: bold;")
        hint = QLabel(self.tr("请在 Excel 中改正以下各处（工作表、行号和列），保存后重新导入。"), self)
        hint.setWordWrap(True)
        self.list = QPlainTextEdit(self)
        self.list.setObjectName("excel_errors")
        self.list.setReadOnly(True)
        self.list.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.list.setPlainText("\n".join(self.lines))
        self.list.setAccessibleName(self.tr("错误列表"))
        buttons = QDialogButtonBox(self)
        copy = QPushButton(self.tr("复制错误列表"), self)
        copy.setObjectName("excel_errors_copy")
        copy.clicked.connect(self.copy)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.headline)
        lay.addWidget(hint)
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)
        self.resize(720, 420)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.lines))


__all__ = ["ImportErrorsDialog", "export_registers", "import_from_excel", "save_template"]
