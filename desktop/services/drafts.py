"""Drafts: what is typed into a form not yet saved, kept on disk every few seconds (issue 14).

One JSON file per form in ``<data folder>/drafts/``, written atomically (a temporary file in the
same folder, flushed to disk, then renamed over the old one): a kill or a power cut leaves either
the previous draft or the new one, never half a file.  A draft holds the form's kind, the record
it changes (none for a new record), its number, the values as typed and when it was kept.  The
window offers the drafts back at the next start and removes each one when its form is saved or
closed (:mod:`desktop.ui.drafts`).  Pictures are not kept in drafts (they are files already
chosen on disk: the clerk adds them again).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..storage.files import write_atomically

FOLDER = "drafts"
_SAFE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")


@dataclass(frozen=True)
class Draft:
    draft_id: str
    kind: str
    record_id: str | None
    number: str
    raw: dict[str, Any]
    kept_at: str

    def to_json(self) -> dict[str, Any]:
        return {"draft_id": self.draft_id, "kind": self.kind, "record_id": self.record_id, "number": self.number,
                "raw": self.raw, "kept_at": self.kept_at}


class DraftStore:
    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / FOLDER

    def _path(self, draft_id: str) -> Path:
        if not _SAFE.match(draft_id):
            raise ValueError(draft_id)
        return self.folder / f"{draft_id}.json"

    def keep(self, draft_id: str, kind: str, record_id: str | None, number: str, raw: dict[str, Any]) -> Draft:
        draft = Draft(draft_id, kind, record_id, number, _plain(raw), dt.datetime.now().isoformat(timespec="seconds"))
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(draft.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
        write_atomically(self._path(draft_id), data)
        return draft

    def discard(self, draft_id: str) -> None:
        self._path(draft_id).unlink(missing_ok=True)

    def all(self) -> list[Draft]:
        """Every draft kept, oldest first (an unreadable file is left where it is and skipped)."""
        if not self.folder.is_dir():
            return []
        out: list[Draft] = []
        for p in self.folder.glob("*.json"):
            try:
                d = json.loads(p.read_text(encoding="utf-8"))
                out.append(Draft(str(d["draft_id"]), str(d["kind"]), d.get("record_id"), str(d.get("number") or ""),
                                 dict(d["raw"]), str(d.get("kept_at") or "")))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(out, key=lambda d: d.kept_at)


def _plain(value: Any) -> Any:
    """The form's raw values as JSON (texts, numbers, lists and dicts; anything else as text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
