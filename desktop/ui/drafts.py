"""Nothing typed is lost, and the window comes back as it was (issue 14).

:class:`DraftKeeper` looks at the open forms every ``KEEP_MS`` (2 s): the values of each form with
changes not yet saved are written to a draft (``services.drafts``, an atomic file in the data
folder) when they differ from the last one written; a form saved, or closed without saving, loses
its draft.  A kill, a crash or a power cut therefore costs at most the last two seconds of typing.
At the next start the window offers the drafts back (:meth:`DraftKeeper.offer`), each in its
form, with its changes still to be saved.

:class:`WindowSession` keeps the window's size and place, the records open in tabs and the tab in
view, in ``window.ini`` in the data folder (QSettings, INI format), and restores them at start.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QObject, QSettings, QTimer

from ..services.drafts import DraftStore
from . import dialogs

if TYPE_CHECKING:
    from .form_view import FormView
    from .main_window import MainWindow

KEEP_MS = 2000
SESSION_FILE = "window.ini"


class DraftKeeper(QObject):
    def __init__(self, window: MainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.store = DraftStore(data_dir)
        self._written: dict[str, str] = {}  # draft id → the JSON last written
        self.timer = QTimer(self)
        self.timer.setInterval(KEEP_MS)
        self.timer.timeout.connect(self.keep_now)

    def start(self) -> None:
        self.timer.start()

    @staticmethod
    def draft_id(form: FormView) -> str:
        if form.record is not None:
            return form.record.id
        found = form.property("draftId")
        if not found:
            found = uuid.uuid4().hex
            form.setProperty("draftId", found)
        return str(found)

    def keep_now(self) -> None:
        """Write the drafts of the forms with unsaved changes; drop those of forms saved or closed."""
        alive: set[str] = set()
        for form in self.window.forms():
            if form.archived or form.read_only or not form.is_dirty:
                continue
            did = self.draft_id(form)
            raw = {k: v for k, v in form.raw().items() if k not in form.photo_lists}
            text = json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
            alive.add(did)
            if self._written.get(did) == text:
                continue
            try:
                self.store.keep(did, form.kind, form.record.id if form.record else None,
                                form.record.number if form.record else "", raw)
            except OSError:
                continue  # a full or read-only disk: the form itself still holds the values
            self._written[did] = text
        for did in [d for d in self._written if d not in alive]:
            self.discard(did)

    def discard(self, draft_id: str) -> None:
        self._written.pop(draft_id, None)
        try:
            self.store.discard(draft_id)
        except (OSError, ValueError):
            pass

    def discard_all(self) -> None:
        for d in self.store.all():
            self.discard(d.draft_id)

    def offer(self) -> list[FormView]:
        """At start: the drafts a previous run left, offered back (each reopened in its form)."""
        drafts = self.store.all()
        if not drafts:
            return []
        names = "、".join(d.number or self.tr("新记录") for d in drafts[:6]) + ("…" if len(drafts) > 6 else "")
        if not dialogs.confirm(
            self.window, self.tr("恢复未保存的内容"),
            self.tr("上次退出时有 {n} 份填写中、尚未保存的表单：{names}。要恢复它们吗？").format(n=len(drafts), names=names),
            self.tr("恢复"),
            self.tr("恢复后请检查并保存；选“取消”则丢弃这些内容。"),
        ):
            self.discard_all()
            return []
        forms: list[FormView] = []
        for d in drafts:
            form = (self.window.open_record(d.kind, d.record_id) if d.record_id
                    else self.window.new_record(d.kind))
            self.discard(d.draft_id)
            if form is None:
                continue
            form.apply_draft(d.raw)
            forms.append(form)
        self.keep_now()
        return forms


class WindowSession:
    """The window's size and place, open records and tab in view, kept in the data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.settings = QSettings(str(Path(data_dir) / SESSION_FILE), QSettings.Format.IniFormat)

    def save(self, window: MainWindow) -> None:
        s = self.settings
        s.setValue("window/geometry", window.saveGeometry())
        records = [f"{f.kind}:{f.record.id}" for f in window.forms()
                   if f.record is not None and not f.archived]
        s.setValue("window/records", json.dumps(records))
        current = window.current_form()
        page = window.tabs.currentWidget()
        s.setValue("window/current", f"{current.kind}:{current.record.id}" if current is not None and current.record
                   else (page.objectName() if page is not None else ""))
        s.sync()

    def restore_geometry(self, window: MainWindow) -> bool:
        value: Any = self.settings.value("window/geometry")
        if isinstance(value, QByteArray) and not value.isEmpty():
            return bool(window.restoreGeometry(value))
        return False

    def restore_tabs(self, window: MainWindow) -> None:
        try:
            records = json.loads(str(self.settings.value("window/records", "[]")))
        except ValueError:
            records = []
        current = str(self.settings.value("window/current", "") or "")
        shown = None
        for item in records if isinstance(records, list) else []:
            kind, _sep, rid = str(item).partition(":")
            if kind in window.registers and rid:
                form = window.form_for(rid) or _quiet_open(window, kind, rid)
                if form is not None and item == current:
                    shown = form
        if shown is None and current:
            shown = next((p for p in window.registers.values() if p.objectName() == current), None)
        if shown is None and current == window.home.objectName():
            shown = window.home
        if shown is not None:
            window.tabs.setCurrentWidget(shown)


def _quiet_open(window: MainWindow, kind: str, record_id: str) -> FormView | None:
    """Open a record of the last session; one deleted since is left out without a word."""
    from ..services.errors import NotFound, StorageError

    try:
        window._ready().get(kind, record_id)
    except (NotFound, StorageError):
        return None
    return window.open_record(kind, record_id)
