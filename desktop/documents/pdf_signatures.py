"""The signature grids of a form: one cell per ``FormSpec.signatures`` block, after the section the block
closes (``SignatureBlock.after``) or in the grid at the end, a seal cell beside a block that names one.

Why it is built this way:

* **Paper or screen.**  An unsigned block leaves blank space for the pen over the name and date lines
  (the name and date fields of the block printed when known); a block signed on screen prints the
  captured signature picture in that space, the signer's name and the time signed.
* **Never a failed export for a picture.**  A signature picture that cannot be read prints a note and
  is reported back (``RenderReport.photo_problems``).
* **Transparent pictures drawn with ``mask='auto'``**, else the background prints black
  (PITFALLS.md); Pillow is imported only when a block is signed.
* **Kept together.**  The grid is one ``KeepTogether`` table, so the signatures never split over pages;
  ``form_pdf.build_story`` keeps it with the section it closes, so it never stands alone on a page.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.dates import format_date, format_datetime
from ..domain.fields import FormSpec, SignatureBlock
from ..domain.records import Record
from .pdf_grid import _Grid
from .pdf_page import CONTENT_W, SIGN_SPACE, PhotoReader, RenderReport, _Styles
from .pdf_values import _Para
from .text import markup


def _date_line(value: Any) -> str:
    if isinstance(value, dt.date):
        return f"日期：{format_date(value)}"
    return "日期：________ 年 ____ 月 ____ 日"


def _signature_flowables(
    spec: FormSpec, record: Record, styles: _Styles, reader: PhotoReader | None = None,
    report: RenderReport | None = None, blocks: list[SignatureBlock] | None = None, band: str | None = "签字确认",
    keep: bool = True,
) -> list[Flowable]:
    """The grid of ``blocks`` (default: every block of ``spec``), with a seal cell after each block
    that names one, under ``band`` (``None``: no title row, the blocks that close a section); in a
    ``KeepTogether`` unless ``keep=False`` (the caller keeps it with what comes before: a
    ``KeepTogether`` inside another reports an endless height and always breaks the page)."""
    blocks = list(spec.signatures) if blocks is None else blocks
    if not blocks:
        return []
    cells_: list[tuple[str, Any]] = []
    for b in blocks:
        cells_.append(("sign", b))
        if b.seal:
            cells_.append(("seal", b.seal))
    n = len(cells_)
    per_row = n if n <= 3 else (2 if n == 4 else 3)
    grid = _Grid([CONTENT_W / 6] * 6)
    if band:
        grid.band(band, styles)
    for start in range(0, n, per_row):
        row_cells = cells_[start : start + per_row]
        span = 6 // len(row_cells)
        r = len(grid.rows)
        cells: list[Any] = []
        for i, (what, item) in enumerate(row_cells):
            cell = (_signature_cell(item, record, styles, reader, report) if what == "sign"
                    else _seal_cell(item, styles))
            cells += [cell] + [""] * (span - 1)
            if span > 1:
                grid.style("SPAN", (i * span, r), (i * span + span - 1, r))
        grid.add_row(cells)
        grid.style("VALIGN", (0, r), (-1, r), "TOP")
        grid.style("TOPPADDING", (0, r), (-1, r), 5)
        grid.style("BOTTOMPADDING", (0, r), (-1, r), 6)
        grid.style("LEFTPADDING", (0, r), (-1, r), 6)
        grid.style("RIGHTPADDING", (0, r), (-1, r), 8)
    table = grid.table(styles.font)
    return [table] if not keep else [KeepTogether([table])]


def _seal_cell(label: str, styles: _Styles) -> list[Flowable]:
    """Room for a unit's seal (a round stamp of about 40 mm is pressed over the cell and its edge)."""
    return [_Para(markup(label + "："), styles.sig_label), Spacer(1, SIGN_SPACE + 11)]


class _SignatureImage(Flowable):
    """A signature captured on screen: its transparent PNG (``services.signature_image``, about
    500 dpi here) scaled to fit the pen's space, drawn with ``mask='auto'`` — without it the
    transparent background prints black (PITFALLS.md)."""

    def __init__(self, data: bytes, px_w: int, px_h: int, max_h: float = SIGN_SPACE) -> None:
        super().__init__()
        self.data, self.px_w, self.px_h, self.max_h = data, px_w, px_h, max_h
        self.draw_w = self.draw_h = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        scale = min(availWidth / self.px_w, self.max_h / self.px_h)
        self.draw_w, self.draw_h = self.px_w * scale, self.px_h * scale
        return availWidth, self.max_h

    def draw(self) -> None:
        from reportlab.lib.utils import ImageReader

        y = (self.max_h - self.draw_h) / 2
        self.canv.drawImage(ImageReader(io.BytesIO(self.data)), 0, y, self.draw_w, self.draw_h, mask="auto")


def _signature_image(data: bytes) -> _SignatureImage:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(data)) as im:
        im.load()
        width, height = im.size
    return _SignatureImage(data, width, height)


def _signature_cell(
    b: SignatureBlock, record: Record, styles: _Styles, reader: PhotoReader | None = None,
    report: RenderReport | None = None,
) -> list[Flowable]:
    label = b.label if "签" in b.label else f"{b.label}（签字）"
    sig = record.signature(b.key)
    if sig is not None:
        # Signed on screen: the signature in the pen's space, the signer's name and the time signed.
        try:
            if reader is None:
                raise LookupError(sig.image_sha256)
            picture: Flowable = _signature_image(reader(sig.image_sha256))
        except Exception:  # noqa: BLE001 - a missing picture becomes a note, not a failed export
            if report is not None:
                report.photo_problems.append(f"{b.label}签字")
            picture = _Para(markup("（已在屏幕上签字，签字图片无法读取）"), styles.note)
        when = sig.signed_at.astimezone()
        return [
            _Para(markup(label + "："), styles.sig_label),
            picture,
            _Para(markup(f"姓名：{sig.name}"), styles.sig_name),
            _Para(markup(f"签字时间：{format_datetime(when)}"), styles.sig_line),
        ]
    cell: list[Flowable] = [_Para(markup(label + "："), styles.sig_label), Spacer(1, SIGN_SPACE)]
    name = record.get(b.name_field) if b.name_field else None
    name_text = f"姓名：{name}" if name not in (None, "") else ""
    cell.append(_Para(markup(name_text) or "\xa0", styles.sig_name))
    date_value = record.get(b.date_field) if b.date_field else None
    cell.append(_Para(markup(_date_line(date_value)), styles.sig_line))
    return cell
