"""The identity printed on every page of an exported record, and written into the PDF's metadata.

Each page of a record's PDF carries a QR code (top right) and a short readable code (in the footer,
beside "第 x 页 共 y 页")::

    QR:   ASD1:C:8F0E2C7A9B1D4E3FA0C1B2D3E4F5A6B7:1:3F9A1C2B0D4E5F60
    text: TS-2026-A3-0007 · 第 1 版 · 校验码 3F9A-1C2B

Both name the record, its revision and the hash of its content (``domain.records.content_hash``, the
SHA-256 of what the printed revision shows), so a paper returned from a customer, or a scan of it,
can be matched to the record and to the exact revision that was printed.  The same identity goes into
the PDF's document information (``/AsdDocument``, ``/AsdKind``, ``/AsdRecordId``, ``/AsdRevision``,
``/AsdContentHash`` …, see :meth:`PageStamp.info`), where ``verify`` reads it without OCR.

Why the QR payload is shaped like this (issue 13: a code that survives a 150 dpi greyscale archive scan,
a fax and a phone photo taken at arm's length): the code is printed 15 mm square
(``pdf_page.QR_SIZE``), top right of every page, and its payload is kept short so that its modules
are large.  QR codes store upper-case letters, digits and ``$%*+-./:`` and space in "alphanumeric"
mode (5.5 bits a character) and everything else in byte mode (8 bits).  Upper-case hex, ``:``
separators, a one-letter form code and the record id without its dashes keep the whole payload
alphanumeric; the content hash is cut to its first 64 bits (16 hex digits), ample to tell the
revisions of one record apart (the full hash is in the metadata).  That makes a version-3 code
(29 × 29 modules) at error correction level M (15 % of the code may be unreadable): modules of
0.52 mm, three pixels at 150 dpi.  (The first layout, 128 bits of hash in an 11 mm version-4 code,
had modules of 0.33 mm and did not decode at 150 dpi.)  Paper printed with 32 hex digits still reads:
a payload may carry 8 to 64.

Payload fields (``:``-separated):

1. ``ASD1`` — format tag (Aftersales Desk, version 1);
2. form code — ``C`` complaint, ``S`` service report, ``V`` survey, ``R`` return request, ``T``
   training, ``H`` hotline ticket, ``F`` follow-up, ``U`` customer, ``P`` product, ``D`` delivery,
   ``Y`` use record, ``L`` the commitment letter, ``K`` the training handouts (讲义) (the kind itself,
   upper-cased, for a form not in this table), followed by ``B`` when the page is a blank paper form
   to fill in by hand (``export_blank``);
3. record id — the UUID's 32 hex digits, upper case, without dashes (a document that is not a record,
   :func:`document_stamp`: its document number, e.g. ``CN-3F9A1C2B``);
4. revision — decimal;
5. the first 16 hex digits of the content hash, upper case.  For a blank form this is the hash of
   the blank paper as printed (number and customer only), not of the whole record.

The QR is drawn once into a form XObject (``/AsdQR``) that every page paints: the same bytes on every
page, and one place to find it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

TAG = "ASD1"
KIND_CODES = {"complaint": "C", "service-report": "S", "survey": "V", "return-request": "R", "training": "T",
              "ticket": "H", "followup": "F", "customer": "U", "product": "P", "delivery": "D", "use-record": "Y",
              # documents that are not records (``document_stamp``): the letter and the handouts
              "letter": "L", "handouts": "K"}
assert "B" not in KIND_CODES.values()  # B marks a blank paper form
_CODE_KINDS = {v: k for k, v in KIND_CODES.items()}
QR_HASH_HEX = 16  # hex digits of the content hash carried by the QR code (64 bits: a version-3 code)
QR_LEVEL = "M"
QR_FORM = "AsdQR"  # name of the form XObject holding the drawn code

DOC_RECORD = "record"
DOC_BLANK = "blank"
DOC_LETTER = "letter"
DOC_HANDOUTS = "handouts"  # the training handouts (documents.handouts)
DOC_TRAINING = "training"  # a training session's sign-in, assessment and results sheets (documents.training_pdf)

_UUID_HEX = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class PageStamp:
    """What identifies a printed revision: the record, its revision and the hash of its content."""

    kind: str
    record_id: str
    number: str
    revision: int
    content_hash: str  # 64 lower-case hex digits (a payload read from a QR code has only 32)
    blank: bool = False
    title: str = ""  # the form's title, for messages

    @property
    def check_code(self) -> str:
        """The first 8 hex digits of the hash, as printed: ``3F9A-1C2B``."""
        h = self.content_hash[:8].upper()
        return f"{h[:4]}-{h[4:]}"

    def label(self) -> str:
        """The readable code of the footer: ``TS-2026-A3-0007 · 第 1 版 · 校验码 3F9A-1C2B``."""
        parts = [self.number] if self.number else []
        parts.append(f"第 {self.revision} 版")
        if self.blank:
            parts.append("空白表")
        parts.append(f"校验码 {self.check_code}")
        return " · ".join(parts)

    def payload(self) -> str:
        """The text of the QR code (see the module's docstring)."""
        code = KIND_CODES.get(self.kind, self.kind.upper()) + ("B" if self.blank else "")
        rid = self.record_id.lower()
        rid = rid.replace("-", "").upper() if _UUID_HEX.match(rid) else self.record_id
        return ":".join((TAG, code, rid, str(self.revision), self.content_hash[:QR_HASH_HEX].upper()))

    def info(self) -> dict[str, str]:
        """Custom keys of the PDF's document information dictionary."""
        return {
            "AsdDocument": DOC_BLANK if self.blank else DOC_RECORD,
            "AsdKind": self.kind,
            "AsdRecordId": self.record_id,
            "AsdNumber": self.number,
            "AsdRevision": str(self.revision),
            "AsdContentHash": self.content_hash,
            "AsdStamp": self.payload(),
        }

    def keywords(self) -> str:
        return f"{self.payload()} {self.label()}"

    @classmethod
    def from_info(cls, info: Mapping[str, Any]) -> PageStamp | None:
        """Read back :meth:`info` (keys with or without the leading ``/``); ``None`` when absent."""
        d = {str(k).lstrip("/"): str(v) for k, v in info.items()}
        if d.get("AsdDocument") not in (DOC_RECORD, DOC_BLANK) or not d.get("AsdKind"):
            return None
        try:
            revision = int(d.get("AsdRevision", ""))
        except ValueError:
            return None
        return cls(
            kind=d["AsdKind"],
            record_id=d.get("AsdRecordId", ""),
            number=d.get("AsdNumber", ""),
            revision=revision,
            content_hash=d.get("AsdContentHash", "").lower(),
            blank=d["AsdDocument"] == DOC_BLANK,
        )

    @classmethod
    def from_payload(cls, text: str) -> PageStamp | None:
        """Read a QR code's text (``None`` when it is not one of ours).  The number is not in the
        code (look the record up by id); the hash has only its first 16 (older paper: 32) hex digits."""
        parts = text.strip().split(":")
        if len(parts) != 5 or parts[0] != TAG or not parts[1]:
            return None
        code, rid, rev, digest = parts[1], parts[2], parts[3], parts[4]
        blank = len(code) > 1 and code.endswith("B") and code[:-1] in _CODE_KINDS
        kind_code = code[:-1] if blank else code
        kind = _CODE_KINDS.get(kind_code, kind_code.lower())
        if re.fullmatch(r"[0-9A-F]{32}", rid):
            h = rid.lower()
            rid = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        if not rev.isdigit() or not re.fullmatch(r"[0-9A-Fa-f]{8,64}", digest):
            return None
        return cls(kind=kind, record_id=rid, number="", revision=int(rev), content_hash=digest.lower(), blank=blank)


def record_stamp(spec: Any, record: Any, blank: bool = False) -> PageStamp:
    """The stamp of ``record`` as printed (``blank``: a blank paper form made from it)."""
    from ..domain.records import content_hash

    return PageStamp(
        kind=record.kind,
        record_id=record.id,
        number=record.number,
        revision=record.revision,
        content_hash=content_hash(spec, record),
        blank=blank,
        title=spec.title,
    )


def document_stamp(kind: str, prefix: str, content: str, title: str, blank: bool = False) -> PageStamp:
    """The stamp of a document that is not a record (the commitment letter, the handouts, training
    sheets printed without a session): its content hash is the SHA-256 of ``content`` (the text it
    prints, everything that tells one copy from another), its number ``PREFIX-<8 hex of the hash>``
    (a document number to file the paper by), revision 1."""
    import hashlib

    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    number = f"{prefix}-{digest[:8].upper()}"
    return PageStamp(kind=kind, record_id=number, number=number, revision=1, content_hash=digest, blank=blank,
                     title=title)


def qr_modules(payload: str, level: str = QR_LEVEL) -> list[list[bool]]:
    """The dark/light modules of the QR code of ``payload`` (ReportLab's encoder), row by row."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(payload)
    qr.make()
    return [[bool(m) for m in row] for row in qr.modules]


def draw_qr(canv: Any, x: float, y: float, size: float, payload: str) -> None:
    """Paint the QR code of ``payload`` as a ``size``-point square with its lower left corner at
    ``(x, y)``; no quiet zone is added (leave white space around it).

    The code is drawn once per document into the form XObject :data:`QR_FORM` as one filled path of
    rectangles (no hairline seams between modules in viewers), then painted on each page."""
    if not canv.hasForm(QR_FORM):
        modules = qr_modules(payload)
        n = len(modules)
        unit = size / n
        canv.beginForm(QR_FORM, 0, 0, size, size)
        canv.setFillColorRGB(0, 0, 0)
        path = canv.beginPath()
        for r, row in enumerate(modules):
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect(start * unit, size - (r + 1) * unit, (c - start) * unit, unit)
                else:
                    c += 1
        canv.drawPath(path, stroke=0, fill=1)
        canv.endForm()
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(QR_FORM)
    canv.restoreState()
