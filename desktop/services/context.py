"""The composition of services over one data folder (used by the GUI, the CLI and the tests)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.clock import Clock
from ..storage.db import Database, open_database
from ..storage.photos import PhotoStore
from .records import RecordService


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    records: RecordService

    def close(self) -> None:
        self.db.dispose()


def open_context(data_dir: Path, clock: Clock | None = None) -> AppContext:
    db = open_database(data_dir)
    photos = PhotoStore(data_dir / "photos")
    records = RecordService(db, photos, clock)
    from .search import reindex_if_needed

    reindex_if_needed(records)  # once per data folder: records saved before issue 14's search text
    return AppContext(data_dir=data_dir, db=db, records=records)
