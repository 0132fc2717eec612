"""A release that can be checked (issue 16): one version, --version and --self-test, lock files with
hashes, a lean PyInstaller spec, an NSIS installer script that compiles and never deletes records,
a CHANGELOG naming each release's kept data folder.

The full build (packaging/build_linux.sh, build_windows.ps1) is run by hand and in CI, not here: these
tests check what each piece promises, quickly.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
NSI = PACKAGING / "installer.nsi"


def _run(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True, check=False,
                          encoding="utf-8", cwd=ROOT, env=full, timeout=timeout)


# ------------------------------------------------------------------------------------------ version


def test_version_has_one_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "desktop.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?(\.dev\d+)?", __version__)
    # No other file spells a version of its own.
    spelled = [p for p in (ROOT / "desktop").rglob("*.py")
               if re.search(r"""__version__\s*=|["']0\.\d+\.\d+""", p.read_text(encoding="utf-8"))]
    assert spelled == [ROOT / "desktop" / "__init__.py"]
    for script in ("build_linux.sh", "build_windows.ps1"):
        assert "desktop/__init__.py" in (PACKAGING / script).read_text(encoding="utf-8-sig").replace("\\", "/")


def test_build_script_reads_the_version() -> None:
    """build_linux.sh's sed expression gives exactly __version__ (what the installer is named after)."""
    text = (PACKAGING / "build_linux.sh").read_text(encoding="utf-8")
    expr = re.search(r"VERSION=\$\(sed -n '([^']+)' desktop/__init__.py\)", text)
    assert expr is not None
    out = subprocess.run(["sed", "-n", expr.group(1), "desktop/__init__.py"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == __version__


def test_version_option() -> None:
    done = _run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"aftersales-desk {__version__}"


def test_about_dialog_names_version_data_folder_and_font_licences(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import qVersion

    from desktop.ui.about_dialog import AboutDialog

    dialog = AboutDialog(tmp_path / "数据 文件夹")
    facts = dialog.facts.text()
    assert __version__ in facts and qVersion() in facts and str(tmp_path / "数据 文件夹") in facts
    licences = dialog.licences.toPlainText()
    assert "Apache" in licences and "Bitstream Vera" in licences and "缺失" not in licences
    dialog.deleteLater()


def test_help_menu_opens_about(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.about_dialog import AboutDialog

    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert "帮助(&H)" in menus
    about = [a for a in menus["帮助(&H)"].actions() if a.objectName() == "act_about"]
    assert about
    about[0].trigger()
    assert shown and shown[0].data_dir == window.data_dir


# ------------------------------------------------------------------------------------------ self-test


def test_self_test_passes_and_leaves_user_data_alone(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    user_data = tmp_path / "user data"  # where the app would keep records: must stay untouched
    done = _run("--self-test", env={"AFTERSALES_DESK_DATA": str(user_data), "TMPDIR": str(tmp_path / "tmp"),
                                    "HOME": str(tmp_path / "home")}, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    for check in ("程序资源", "Qt 与字体", "数据库迁移", "每类记录保存与读回", "每类 PDF 生成与校验", "页面二维码识别",
                  "主窗口与各类表单"):
        assert f"通过  {check}：" in done.stdout, done.stdout
    from desktop.storage.migrate import HEAD, REVISIONS

    assert f"{len(REVISIONS)} 个迁移" in done.stdout or HEAD in done.stdout
    assert "11 类记录" in done.stdout and "17 个 PDF" in done.stdout
    assert "自检通过" in done.stdout and "Traceback" not in done.stderr
    assert not user_data.exists()
    assert not list((tmp_path / "tmp").glob("aftersales-selftest-*"))  # its temporary folder is gone


def test_self_test_fails_clearly(monkeypatch, capsys, qapp) -> None:  # type: ignore[no-untyped-def]
    """A broken check: exit 1, the check named with its reason, no traceback, later checks skipped."""
    from desktop import cli, selftest

    def broken(test):  # type: ignore[no-untyped-def]
        raise selftest.CheckFailed("迁移 0003_revision 缺失")

    monkeypatch.setattr(selftest, "check_migrations", broken)
    monkeypatch.setenv("AFTERSALES_DESK_DATA", "/somewhere/用户 数据")
    monkeypatch.delenv("AFTERSALES_DESK_SECRETS", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    assert cli.main(["--self-test"]) == 1
    assert os.environ["AFTERSALES_DESK_DATA"] == "/somewhere/用户 数据"  # pointed at the temporary folder only
    assert "AFTERSALES_DESK_SECRETS" not in os.environ and "PYTHON_KEYRING_BACKEND" not in os.environ
    out = capsys.readouterr()
    assert "失败  数据库迁移：迁移 0003_revision 缺失" in out.out
    assert "通过  程序资源" in out.out and "每类记录" not in out.out
    assert "自检失败：1 项未通过（数据库迁移）" in out.out
    assert "Traceback" not in out.out + out.err


def test_self_test_names_an_unexpected_error(monkeypatch, capsys, qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop import selftest

    monkeypatch.setattr(selftest, "check_migrations", lambda test: 1 / 0)
    lines: list[str] = []
    assert selftest.run_self_test(lines.append) == 1
    assert any(line.startswith("失败  数据库迁移：ZeroDivisionError") for line in lines)


# ------------------------------------------------------------------------------------------ lock files


def _pins(lock: Path) -> dict[str, str]:
    text = lock.read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    pins = {}
    for block in blocks:
        m = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if m:
            assert "--hash=sha256:" in block, f"{lock.name}: {m.group(1)} has no hash"
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


@pytest.mark.parametrize("platform", ["windows", "linux"])
def test_lock_pins_every_dependency_with_hashes(platform: str) -> None:
    from packaging.version import Version

    from packaging.requirements import Requirement

    pins = _pins(PACKAGING / "requirements" / f"{platform}.lock")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    build = [line for line in (PACKAGING / "requirements" / "build.in").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    for spec in [*project["dependencies"], *build]:
        req = Requirement(spec)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{platform}.lock does not pin {name}"
        assert req.specifier.contains(Version(pins[name])), f"{name}=={pins[name]} is outside {req.specifier}"
    assert "pyside6" not in pins  # the meta-package with every add-on: never
    assert pins["pyside6-essentials"].split(".")[:2] == pins["pyside6-pdf"].split(".")[:2]


def test_windows_and_linux_locks_pin_the_same_versions() -> None:
    windows, linux = (_pins(PACKAGING / "requirements" / f"{p}.lock") for p in ("windows", "linux"))
    common = set(windows) & set(linux)
    assert {k: windows[k] for k in common} == {k: linux[k] for k in common}
    assert set(windows) - common <= {"pefile", "pywin32-ctypes", "tzdata", "colorama"}  # Windows-only helpers
    assert set(linux) - common <= {"jeepney", "secretstorage"}  # keyring's Secret Service backend


def test_build_scripts_install_from_the_lock_with_hashes() -> None:
    linux = (PACKAGING / "build_linux.sh").read_text(encoding="utf-8")
    windows = (PACKAGING / "build_windows.ps1").read_text(encoding="utf-8-sig")
    assert "--require-hashes" in linux and "requirements/linux.lock" in linux
    assert '"--require-hashes"' in windows and "requirements\\windows.lock" in windows
    for text in (linux, windows):
        assert "--self-test" in text and "installer.nsi" in text and "aftersales-desk.spec" in text
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "windows-latest" in workflow and "build_windows.ps1" in workflow and "upload-artifact" in workflow
    assert "setup.exe" in workflow


# ------------------------------------------------------------------------------------------ the spec


def _qt_unused() -> list[str]:
    tree = ast.parse((PACKAGING / "aftersales-desk.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "QT_UNUSED":
            return ast.literal_eval(node.value)
    raise AssertionError("QT_UNUSED is not in the spec")


def _qt_used() -> set[str]:
    used = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return used


def test_spec_leaves_out_the_qt_modules_the_app_does_not_use() -> None:
    unused = set(_qt_unused())
    assert {"QtQml", "QtQuick", "QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtQuick3D"} <= unused
    used = _qt_used()
    assert {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPdf", "QtPrintSupport"} <= used
    assert not used & unused, f"excluded but imported: {sorted(used & unused)}"
    import PySide6

    shipped = {p.name.split(".")[0] for p in Path(PySide6.__file__).parent.iterdir()
               if p.name.startswith("Qt") and p.suffix in (".pyd", ".so")}
    assert shipped, "no PySide6 modules found"
    assert shipped - used <= unused, f"neither used nor excluded: {sorted(shipped - used - unused)}"
    spec = (PACKAGING / "aftersales-desk.spec").read_text(encoding="utf-8")
    assert 'f"PySide6.{m}" for m in QT_UNUSED' in spec


# ------------------------------------------------------------------------------------------ installer


def _nsi() -> str:
    return NSI.read_text(encoding="utf-8-sig")


def _fake_bundle(folder: Path) -> Path:
    bundle = folder / "假的 程序"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    for name in ("aftersales-desk.exe", "aftersales-desk-cli.exe"):
        (bundle / name).write_bytes(b"MZ fake")
    (bundle / "_internal" / "resources" / "说明.txt").write_text("测试", encoding="utf-8")
    return bundle


def _makensis(*defines: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    makensis = shutil.which("makensis")
    assert makensis, "makensis is missing: bash scripts/setup.sh installs Debian's nsis package"
    return subprocess.run([makensis, "-V2", "-INPUTCHARSET", "UTF8", *defines, str(NSI)], capture_output=True, check=False,
                          text=True, cwd=cwd, timeout=120)


def test_installer_script_compiles(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path)
    out = tmp_path / "安装 程序" / f"aftersales-desk-{__version__}-setup.exe"
    out.parent.mkdir()
    done = _makensis(f"-DVERSION={__version__}", "-DVERSION_NUMERIC=0.2.0.0", f"-DBUNDLE={bundle}",
                     f"-DOUTFILE={out}", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    data = out.read_bytes()
    assert data[:2] == b"MZ" and len(data) > 30_000
    pe = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe:pe + 4] == b"PE\0\0" and int.from_bytes(data[pe + 4:pe + 6], "little") == 0x8664  # x86-64
    assert "warning" not in done.stdout.lower(), done.stdout


def test_installer_script_refuses_to_build_without_a_bundle(tmp_path: Path) -> None:
    done = _makensis(f"-DVERSION={__version__}", f"-DOUTFILE={tmp_path / 'x.exe'}", cwd=tmp_path)
    assert done.returncode != 0 and "BUNDLE is not defined" in done.stdout + done.stderr
    assert not (tmp_path / "x.exe").exists()


def test_installer_is_per_user_bilingual_with_shortcuts() -> None:
    text = _nsi()
    assert "RequestExecutionLevel user" in text and "Unicode true" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\' in text
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in text and '!insertmacro MUI_LANGUAGE "English"' in text
    assert 'CreateShortcut "$SMPROGRAMS\\' in text and 'CreateShortcut "$DESKTOP\\' in text
    assert "HKLM" not in text  # nothing machine-wide
    for name in re.findall(r"LangString (\w+) \$\{LANG_SIMPCHINESE\}", text):
        assert f"LangString {name} ${{LANG_ENGLISH}}" in text, f"{name} has no English"


def test_installer_never_deletes_the_data_folder() -> None:
    """The data folder the app uses (platformdirs on Windows: %LOCALAPPDATA%\\<author>\\<name>) is not
    the program folder, and the script deletes nothing but what it installed."""
    from desktop.paths import APP_AUTHOR, APP_NAME

    text = _nsi()
    assert f'!define DATA_FOLDER "$LOCALAPPDATA\\{APP_AUTHOR}"' in text
    install_dir = re.search(r'^InstallDir "([^"]+)"', text, re.MULTILINE)
    assert install_dir and not install_dir.group(1).startswith(f"$LOCALAPPDATA\\{APP_AUTHOR}\\{APP_NAME}")
    assert install_dir.group(1).replace("${APP_ID}", "AftersalesDesk") != f"$LOCALAPPDATA\\{APP_AUTHOR}"
    code = [line.split(";")[0].strip() for line in text.splitlines()]
    removals = [line for line in code if re.match(r"(RMDir|Delete|RMDir /r)\b", line)]
    assert removals
    for line in removals:
        assert "DATA_FOLDER" not in line and "$LOCALAPPDATA" not in line and "$APPDATA" not in line, line
        if line.startswith("RMDir /r"):
            assert line == 'RMDir /r "$INSTDIR\\_internal"', line
        elif line.startswith("RMDir"):
            assert line == 'RMDir "$INSTDIR"', line  # only when empty
        else:
            assert re.match(r'Delete "\$(INSTDIR|SMPROGRAMS|DESKTOP)\\', line), line
    assert "Function .onVerifyInstDir" in text  # refuses a program folder inside the data folder


# ------------------------------------------------------------------------------------------ changelog


def test_changelog_names_the_current_version_and_each_release_fixture() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    unreleased = re.search(r"^## \[Unreleased\]([^\n]*)", text, re.MULTILINE)
    assert unreleased and __version__ in unreleased.group(1)
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d\d-\d\d)\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert releases and releases[-1][0] == "0.1.0"
    for version, _date, body in releases:
        fixture = re.search(r"`(tests/data/schema-\d{4}_\w+)/?`", body)
        assert fixture, f"{version}: no kept data folder named"
        assert (ROOT / fixture.group(1)).is_dir(), fixture.group(1)
    assert __version__.split(".dev")[0] not in [v for v, _d, _b in releases]  # not released yet


def test_readme_lists_version_and_self_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| `--version` |" in readme and "| `--self-test` |" in readme


def test_file_and_print_dialogs_are_the_systems() -> None:
    """On Windows, QFileDialog's static functions and QPrintDialog open the system's own dialogs
    (Explorer's, the printer driver's); a QFileDialog object or DontUseNativeDialog would not."""
    ui = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "desktop" / "ui").glob("*.py")}
    assert not [name for name, text in ui.items() if "DontUseNativeDialog" in text]
    assert not [name for name, text in ui.items() if re.search(r"QFileDialog\(", text)]
    assert sum(len(re.findall(r"QFileDialog\.get\w+\(", text)) for text in ui.values()) >= 8
    assert "QPrintDialog(printer" in ui["print_preview.py"]


_DPI_SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from desktop.app import high_dpi_policy, setup_application
high_dpi_policy()
from PySide6.QtWidgets import QApplication
app = QApplication([])
setup_application(app)
from desktop.services.context import open_context
from desktop.ui.main_window import MainWindow
ctx = open_context(Path(tempfile.mkdtemp()) / "数据 文件夹")
window = MainWindow(ctx.data_dir, ctx.records)
window.new_record("complaint")
screen = app.primaryScreen().availableGeometry().size()
window.resize(screen)
window.show()
app.processEvents()
hint = window.minimumSizeHint()
print(json.dumps({"dpr": app.primaryScreen().devicePixelRatio(), "screen": [screen.width(), screen.height()],
                  "hint": [hint.width(), hint.height()], "grab": window.grab().devicePixelRatio()}))
ctx.close()
"""


@pytest.mark.parametrize(("dpi", "scale"), [(120, 1.25), (144, 1.5)])
def test_window_at_125_and_150_percent(tmp_path: Path, dpi: int, scale: float) -> None:
    """A 1920×1080 laptop screen at 125 % / 150 % (Windows' logical DPI 120 / 144): the window scales by
    exactly that (not rounded to 100 % or 200 %) and fits the screen that is left (1536×864, 1280×720)."""
    import json

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": dpi, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-c", _DPI_SCRIPT], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["dpr"] == scale and seen["grab"] == scale
    assert seen["screen"] == [round(1920 / scale), round(1080 / scale)]
    assert seen["hint"][0] <= seen["screen"][0] and seen["hint"][1] <= seen["screen"][1], seen


def test_the_icon_is_the_windows_and_the_executables(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QIcon

    from desktop.app import setup_application
    from desktop.paths import icon_path

    setup_application(qapp)
    assert not qapp.windowIcon().isNull()
    assert qapp.windowIcon().availableSizes() == QIcon(str(icon_path())).availableSizes()
    ico = ROOT / "resources" / "icons" / "aftersales-desk.ico"
    assert ico.read_bytes()[:4] == b"\0\0\1\0"  # a Windows icon file
    spec = (PACKAGING / "aftersales-desk.spec").read_text(encoding="utf-8")
    assert spec.count('icon=str(ROOT / "resources" / "icons" / "aftersales-desk.ico")') == 2
    assert "MUI_ICON" in _nsi() and "aftersales-desk.ico" in _nsi()
