"""Head office's record service: the same :class:`RecordService` as a laptop's, on the PostgreSQL
database (``storage.server_db``) with its photos in the database."""

from __future__ import annotations

from typing import Any

from ...storage.server_accounts import HEAD_OFFICE_CODE
from ...storage.server_db import DatabasePhotoStore, open_server_database
from ..records import RecordService


def server_records(url: str, clock: Any = None) -> RecordService:
    """The record service on the head-office database (created or upgraded first), with its photos
    in the database; head office numbers its own records with :data:`HEAD_OFFICE_CODE`."""
    db = open_server_database(url)
    service = RecordService(db, DatabasePhotoStore(db), clock)
    st = service.settings()
    if st.laptop_code != HEAD_OFFICE_CODE:
        st.laptop_code = HEAD_OFFICE_CODE
        st.staff_name = st.staff_name or "总部"
        service.save_settings(st)
    return service
