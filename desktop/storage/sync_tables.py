"""Sync bookkeeping added by issue-12c (docs/sync.md), beside ``server_accounts``.

- ``sync_deletion`` (head office): each draft a laptop deleted after it had been synced (its
  *tombstone*), with what head office did: ``deleted`` (its copy was still that draft, unchanged
  since the laptop last saw it, unsigned, with nothing made from it: deleted too) or ``held`` (head
  office had decided on it, or it is signed, closed or kept: head office keeps it, the laptop
  receives it back, and the reason is said).  A log of what laptops deleted, kept at head office.
- ``sync_laptop_profile`` (head office): what a laptop last told head office about itself that
  ``verify`` needs — its signing certificate (public) and the settings its PDFs are rendered with
  — so a PDF signed on that laptop is checked at head office as on the laptop.
- ``sync_register_note`` (laptop): what head office decided about a customer or product this
  laptop proposed — ``accepted`` (the entry is head office's now), ``merged`` (the laptop's entry was
  replaced by head office's ``target_id``) or ``rejected`` (kept here, marked) — with who and when.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .schema import Base, UTCDateTime


class SyncDeletion(Base):
    __tablename__ = "sync_deletion"
    __table_args__ = (UniqueConstraint("laptop", "record_id", "laptop_tag"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    laptop: Mapped[str] = mapped_column(String(8), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    number: Mapped[str] = mapped_column(String(30), default="")
    laptop_tag: Mapped[str] = mapped_column(String(32), default="")  # head office's version the laptop last saw
    outcome: Mapped[str] = mapped_column(String(20))  # deleted | held
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SyncLaptopProfile(Base):
    __tablename__ = "sync_laptop_profile"
    laptop: Mapped[str] = mapped_column(String(8), primary_key=True)
    certificate_pem: Mapped[str] = mapped_column(Text, default="")
    settings_json: Mapped[str] = mapped_column(Text, default="")
    digest: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SyncRegisterNote(Base):
    __tablename__ = "sync_register_note"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(30), default="")
    name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20))  # accepted | merged | rejected
    tag: Mapped[str] = mapped_column(String(32), default="")  # the version head office decided on
    target_id: Mapped[str] = mapped_column(String(36), default="")
    target_number: Mapped[str] = mapped_column(String(30), default="")
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
