"""Scans and phone photos of signed paper: find the record by the page's QR code and attach the image.

A printed page carries the QR code of ``documents.stamp`` (form, record id, revision, content hash).
After the customer signs the paper, a scan or a photo of it is matched to its record by that code
and kept with the record as a *scan* (photo rows with list key ``domain.records.SCANS_KEY``): not part
of the record's content, so attaching one changes neither the content hash nor the revision.

Decoding uses zxing-cpp (imported lazily), which handles rotation and perspective; when the image as
it is gives no code, a downscaled copy (large phone photos) and a grayscale, contrast-stretched copy
(pale or shadowed photos) are tried.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..documents.stamp import PageStamp
from ..domain.fields import Photo
from ..domain.forms import SPECS
from ..domain.records import Record, content_hashes
from ..storage.photos import PhotoError
from .export import blank_hashes
from .records import NotFound, RecordService

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp")
_MAX_SIDE = 1600  # the downscaled attempt: a 12-megapixel photo decodes faster and often better smaller
_CAPTION = re.compile(r"^r(\d+) (\S+)$")


@dataclass(frozen=True)
class ScanMatch:
    """The record a scanned page belongs to."""

    stamp: PageStamp  # as read from the QR code (32 hex digits of the hash, no number)
    record: Record  # the current record
    revision: int  # the revision printed on the page
    hash_matches: bool  # whether the code's hash is that of the printed revision on this laptop

    @property
    def kind(self) -> str:
        return self.record.kind

    @property
    def record_id(self) -> str:
        return self.record.id

    @property
    def number(self) -> str:
        return self.record.number


@dataclass
class ScanImport:
    """What :func:`import_scan_folder` (or a drop of several files) did."""

    attached: list[tuple[Path, ScanMatch]] = field(default_factory=list)
    unmatched: list[Path] = field(default_factory=list)  # no code of ours, or the record is not here
    failed: list[tuple[Path, str]] = field(default_factory=list)  # unreadable files


@dataclass(frozen=True)
class ScanInfo:
    """What the caption of a scan says: the revision printed on the page, and when it was attached."""

    revision: int | None
    attached_at: dt.datetime | None


def scan_caption(revision: int, at: dt.datetime) -> str:
    return f"r{revision} {at.astimezone(dt.timezone.utc).isoformat(timespec='seconds').replace('+00:00', 'Z')}"


def scan_info(photo: Photo) -> ScanInfo:
    m = _CAPTION.match(photo.caption or "")
    if not m:
        return ScanInfo(None, None)
    try:
        at = dt.datetime.fromisoformat(m.group(2).replace("Z", "+00:00"))
    except ValueError:
        at = None
    return ScanInfo(int(m.group(1)), at)


# ------------------------------------------------------------------------------------------ decoding


def _open_image(source: str | os.PathLike[str] | bytes) -> Any:
    from PIL import Image, ImageOps

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    img = Image.open(io.BytesIO(data))
    img.load()
    try:
        img = ImageOps.exif_transpose(img)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not hide the picture
        pass
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")  # transparent paper (a rendered page) would turn black
        img = Image.new("RGB", rgba.size, "white")
        img.paste(rgba, mask=rgba.getchannel("A"))
    elif img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    return img


def _attempts(img: Any) -> Iterator[Any]:
    from PIL import ImageOps

    yield img
    small = img
    if max(img.size) > _MAX_SIDE:
        small = img.copy()
        small.thumbnail((_MAX_SIDE, _MAX_SIDE))
        yield small
    for base in (img, small) if small is not img else (img,):
        gray = ImageOps.autocontrast(base.convert("L"), cutoff=2)
        yield gray
        yield gray.point(lambda v: 255 if v > 140 else 0)
    if max(img.size) < 1200:  # a small picture: modules may be only a pixel or two wide
        yield img.resize((img.size[0] * 2, img.size[1] * 2))


def read_stamps(source: str | os.PathLike[str] | bytes) -> list[PageStamp]:
    """Every page stamp of ours in the image (usually one); ``[]`` when there is none.
    Raises ``OSError`` / ``PIL.UnidentifiedImageError`` when the file is not a readable picture."""
    import zxingcpp

    img = _open_image(source)
    for attempt in _attempts(img):
        found: list[PageStamp] = []
        for result in zxingcpp.read_barcodes(attempt, formats=zxingcpp.BarcodeFormat.QRCode):
            stamp = PageStamp.from_payload(result.text)
            if stamp is not None and stamp not in found:
                found.append(stamp)
        if found:
            return found
    return []


def _match(service: RecordService, stamp: PageStamp) -> ScanMatch | None:
    if stamp.kind not in SPECS:
        return None
    try:
        record = service.get(stamp.kind, stamp.record_id)
    except NotFound:
        return None
    try:
        printed = service.get_revision(stamp.kind, stamp.record_id, stamp.revision)
    except NotFound:
        printed = None
    ok = False
    if printed is not None:
        spec = SPECS[stamp.kind]
        digests = blank_hashes(printed) if stamp.blank else content_hashes(spec, printed)
        ok = any(d.startswith(stamp.content_hash) for d in digests)  # scheme 1 on paper printed before 0006
    return ScanMatch(stamp=stamp, record=record, revision=stamp.revision, hash_matches=ok)


def find_record_in_image(service: RecordService, source: str | os.PathLike[str] | bytes) -> ScanMatch | None:
    """The record whose page the image shows, by its QR code; ``None`` when the image has no code of
    ours or its record is not in this laptop's database (or the file is not a readable picture)."""
    try:
        stamps = read_stamps(source)
    except Exception:  # noqa: BLE001 - not a picture, unreadable, truncated …
        return None
    for stamp in stamps:
        match = _match(service, stamp)
        if match is not None:
            return match
    return None


# ------------------------------------------------------------------------------------------ attaching


def attach_scan(service: RecordService, kind: str, record_id: str, image: str | os.PathLike[str],
                revision: int) -> Photo:
    """Keep the picture in the photo store and list it among the record's scans (once)."""
    path = Path(image)
    photo = service.photos.add_file(path, scan_caption(revision, service.clock.now()))
    return service.add_scan(kind, record_id, photo)


def is_image_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".")


def import_scans(service: RecordService, paths: Iterable[str | os.PathLike[str]]) -> ScanImport:
    """Match each picture to its record and attach it; the others are listed as unmatched."""
    report = ScanImport()
    for p in paths:
        path = Path(p)
        try:
            stamps = read_stamps(path)
        except Exception as e:  # noqa: BLE001
            report.failed.append((path, getattr(e, "strerror", None) or str(e) or type(e).__name__))
            continue
        match = next((m for m in (_match(service, s) for s in stamps) if m is not None), None)
        if match is None:
            report.unmatched.append(path)
            continue
        try:
            attach_scan(service, match.kind, match.record_id, path, match.revision)
        except (PhotoError, OSError) as e:
            report.failed.append((path, str(e)))
            continue
        report.attached.append((path, match))
    return report


def import_scan_folder(service: RecordService, folder: str | os.PathLike[str]) -> ScanImport:
    """:func:`import_scans` for every picture directly in ``folder`` (by name order)."""
    root = Path(folder)
    return import_scans(service, sorted(p for p in root.iterdir() if is_image_file(p)))
