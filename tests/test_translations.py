"""The English translation: complete, faithful to its placeholders, up to date, compiled, shown.

Simplified Chinese is the source language of every string; ``resources/translations/aftersales_en.ts``
holds the English and ``scripts/update_translations.py`` regenerates it from the code and compiles
the ``.qm`` the application loads with ``--lang en``.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "aftersales_en.ts"
QM = TS.with_suffix(".qm")
SCRIPT = ROOT / "scripts" / "update_translations.py"

PLACEHOLDER = re.compile(r"\{(\w*)\}")
ACCELERATOR = re.compile(r"&(?!&)\S")
SHORTCUT = re.compile(r"\b(?:Ctrl|Alt|Shift|Meta)\+\w+")
# Ideographs and full-width punctuation: what an English translation must not contain.
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019]")


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every message of a .ts file, in file order."""
    out = []
    for ctx in ET.parse(ts).getroot().findall("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            translation = m.find("translation")
            assert translation is not None, (name, m.findtext("source"))
            out.append((name, m.findtext("source") or "", translation))
    return out


def translations(ts: Path) -> dict[tuple[str, str], str]:
    return {(ctx, src): t.text or "" for ctx, src, t in messages(ts) if t.get("type") != "unfinished"}


# ------------------------------------------------------------------------------------ the .ts


def test_every_string_is_translated_with_its_placeholders_accelerators_and_shortcuts() -> None:
    entries = messages(TS)
    assert len(entries) > 250
    problems = []
    for ctx, src, t in entries:
        text = t.text or ""
        where = f"{ctx}: {src!r} → {text!r}"
        if t.get("type") in ("unfinished", "obsolete", "vanished") or not text.strip():
            problems.append(f"untranslated {where}")
            continue
        if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(src)):
            problems.append(f"placeholders differ {where}")
        if bool(ACCELERATOR.search(src)) != bool(ACCELERATOR.search(text)):
            problems.append(f"accelerator {where}")
        if SHORTCUT.findall(src) != SHORTCUT.findall(text):
            problems.append(f"shortcut {where}")
        if CHINESE.search(text):
            problems.append(f"Chinese left in {where}")
    assert not problems, "\n".join(problems)


def test_the_ts_has_one_entry_per_context_and_source() -> None:
    keys = [(ctx, src) for ctx, src, _t in messages(TS)]
    assert len(keys) == len(set(keys))


def test_every_spec_string_and_marked_string_has_a_translation() -> None:
    script = load_script()
    have = translations(TS)
    wanted = {("fields", s) for s in script.spec_strings()}
    for ctx, sources in script.noop_strings().items():
        wanted |= {(ctx, s) for s in sources}
    missing = sorted(wanted - set(have))
    assert not missing, missing
    assert have[("fields", "客户投诉登记反馈表")] == "Customer Complaint Registration and Feedback Form"


def test_the_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """What update_translations.py would write now is what the repository holds."""
    script = load_script()
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py")] + [str(ROOT / "desktop" / "app.py")]
    subprocess.run([str(script._qt_tool("lupdate")), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True)
    extra = script.noop_strings()
    extra.setdefault("fields", set()).update(script.spec_strings())
    script.merge(copy, fresh, extra)

    def content(ts: Path) -> list[tuple[str, str, str, str]]:
        return [(ctx, src, t.get("type") or "", t.text or "") for ctx, src, t in messages(ts)]

    regenerated, shipped = content(copy), content(TS)
    new = sorted({e[:2] for e in regenerated} - {e[:2] for e in shipped})
    gone = sorted({e[:2] for e in shipped} - {e[:2] for e in regenerated})
    assert not new, f"strings in the code missing from the .ts (run scripts/update_translations.py): {new}"
    assert not gone, f"strings in the .ts no longer in the code (run scripts/update_translations.py): {gone}"
    assert regenerated == shipped


# ------------------------------------------------------------------------------------ the .qm


def test_the_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    script = load_script()
    assert QM.exists()
    out = tmp_path / QM.name
    subprocess.run([str(script._qt_tool("lrelease")), "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == QM.read_bytes(), "run scripts/update_translations.py to recompile the .qm"


def test_the_qm_loads_and_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("fields", "客户投诉登记反馈表") == "Customer Complaint Registration and Feedback Form"
    assert translator.translate("fields", "已界定") == "Determined"
    assert translator.translate("MainWindow", "文件(&F)") == "&File"
    assert translator.translate("messages", "不能晚于今天（{today}）") == "Must not be later than today ({today})"


# ------------------------------------------------------------------------------------ the window


@pytest.fixture
def english(gui_app: Any) -> Iterator[Any]:
    """English installed for one test; Chinese (the default) again afterwards."""
    from desktop.app import DEFAULT_LANG, install_translators

    assert install_translators(gui_app, "en") == "en"
    try:
        yield gui_app
    finally:
        install_translators(gui_app, DEFAULT_LANG)


@pytest.fixture
def english_window(qtbot: Any, english: Any, dialogs: Any, demo_ctx: Any) -> Iterator[Any]:
    from conftest import _main_window

    yield from _main_window(qtbot, dialogs, demo_ctx)


def _shown_texts(widget: Any) -> list[str]:
    """The interface's own words in ``widget`` (not the record's data)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QCheckBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTableWidget,
    )

    texts: list[str] = []
    texts += [b.text() for b in widget.findChildren(QAbstractButton)]
    texts += [c.text() for c in widget.findChildren(QCheckBox)]
    texts += [g.title() for g in widget.findChildren(QGroupBox)]
    texts += [label.text() for label in widget.findChildren(QLabel) if label.objectName().endswith("_label")]
    texts += [e.placeholderText() for e in widget.findChildren(QLineEdit)]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for table in widget.findChildren(QTableWidget):
        texts += [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    return [t for t in texts if t]


@pytest.mark.gui
def test_the_window_speaks_english(english_window: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from desktop.ui.form_view import FormView
    from desktop.ui.texts import tr_message

    window = english_window
    assert window.windowTitle().replace("[*]", "") == "Aftersales Desk"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Tools", "&Help"]
    assert [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()][:4] == \
        ["New Complaint", "&New", "Hotline Call", "Open"]
    assert [window.tabs.tabText(i) for i in range(window.fixed_tabs)] == [
        "Home", "Complaint", "Service Report", "Satisfaction Survey", "Return Request", "Training", "Ticket",
        "Follow-up", "Customer", "Product", "Delivery Batch", "Use Record", "Reports", "Commitment letter"]
    assert window.tabs.tabToolTip(1) == "Complaint register"
    register = window.registers["complaint"]
    model = register.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["File No.", "Registration date", "Customer", "Product", "Batch No.", "Category",
                       "Severity", "Status"]
    assert window.count_label.text() == "Complaint register: 14 records"
    assert register.search.placeholderText().startswith("Search by File No., Customer")
    status = model.column_of("status")
    statuses = {register.proxy.index(r, status).data() for r in range(register.proxy.rowCount())}
    assert statuses == {"Registered", "Under investigation", "Determined", "Being handled", "Feedback given",
                        "Follow-up done", "Closed"}

    register.view.selectRow(0)
    form = window.open_record("complaint", register.selected_id())
    assert isinstance(form, FormView)
    assert form.findChild(QLabel, "complainant_unit_label").text().startswith("Customer")
    assert "Registration date" in form.findChild(QLabel, "received_date_label").text()
    untranslated = [t for t in _shown_texts(form) if CHINESE.search(t)]
    assert not untranslated, untranslated
    assert tr_message("不能早于{label}（{date}）", label="登记日期", date="2026-03-01") == \
        "Must not be earlier than Registration date (2026-03-01)"

    new = window.new_record("complaint")
    assert new is not None
    assert window.windowTitle().replace("[*]", "") == "New Complaint — Aftersales Desk"
    assert new.editors["number"].text() == "Assigned when saved"

    # Every other form, new: no Chinese left in the interface's own words.
    for kind in ("service-report", "survey", "return-request"):
        form = window.new_record(kind)
        untranslated = [t for t in _shown_texts(form) if CHINESE.search(t)]
        assert not untranslated, (kind, untranslated)
    page = window.registers["survey"]
    window.tabs.setCurrentWidget(page)
    assert page.new_button.text() == "New Satisfaction Survey"
    window.tabs.setCurrentWidget(window.letter)
    units = set(window.customer_units())  # the recipients offered are data, not interface
    assert units and not [t for t in _shown_texts(window.letter) if CHINESE.search(t) and t not in units]
    assert window.letter.hours.item(3, 1).text() == "within 2 h"


@pytest.mark.gui
def test_chinese_is_back_after_the_english_test(gui_app: Any) -> None:
    assert QCoreApplication.translate("fields", "已界定") == "已界定"
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"

