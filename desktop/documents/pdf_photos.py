"""The photo appendix: each photo list of a record on pages of its own, two pictures a page.

Why it is built this way:

* **One table per list.**  The heading "附页：… （共 n 张）" repeats as "（续）" on every page of
  pictures, and each picture has its caption under it.
* **A damaged picture is a printed note, not a failed export.**  Pictures are decoded before the
  build (:func:`_prepare_image`); one that cannot be read prints a note and is reported back
  (``RenderReport.photo_problems``).
* **Upright and small.**  Phone photos carry their rotation in EXIF, which ReportLab ignores: those
  are turned upright and shrunk; plain JPEGs and PNGs are embedded as they are.
* **Pillow only when there are photos** (imported inside the functions).
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.platypus import Flowable, Image, PageBreak, Spacer

from ..domain.fields import FormSpec
from ..domain.records import Record
from .pdf_grid import _Grid
from .pdf_page import CONTENT_W, FRAME_H, PAD_X, PhotoReader, RenderReport, _Styles
from .pdf_values import _Para
from .text import markup


def _prepare_image(data: bytes) -> tuple[Any, int, int]:
    """A source for ``Image`` and the pixel size; raises if the bytes are not a readable picture.

    The picture is decoded here (JPEGs at reduced scale, which still reads the whole stream) so a
    damaged file becomes a printed note instead of an exception half-way through the build.  Phone
    photos carry their rotation in EXIF, which ReportLab ignores: those are turned upright.
    """
    from PIL import Image as PILImage
    from PIL import ImageOps

    with PILImage.open(io.BytesIO(data)) as im:
        fmt = im.format
        width, height = im.size
        orientation = im.getexif().get(0x0112, 1)
        if fmt == "JPEG":
            im.draft("RGB", (max(1, width // 8), max(1, height // 8)))
        im.load()
    if fmt in ("JPEG", "PNG") and orientation in (None, 1):
        return io.BytesIO(data), width, height
    with PILImage.open(io.BytesIO(data)) as source:
        picture: PILImage.Image = ImageOps.exif_transpose(source)
        picture.thumbnail((2400, 2400))
        if picture.mode not in ("RGB", "L"):  # transparency prints on white, not black
            rgba = picture.convert("RGBA")
            picture = PILImage.new("RGB", rgba.size, "white")
            picture.paste(rgba, mask=rgba.getchannel("A"))
        buf = io.BytesIO()
        picture.save(buf, "JPEG", quality=88)
        buf.seek(0)
        return buf, picture.size[0], picture.size[1]


def _photo_flowables(
    spec: FormSpec, record: Record, styles: _Styles, reader: PhotoReader, report: RenderReport
) -> list[Flowable]:
    out: list[Flowable] = []
    for plist in spec.photo_lists():
        photos = record.values.photos.get(plist.key, [])
        if not photos:
            continue
        out.append(PageBreak())
        # One table: the heading repeats ("（续）") on every page of pictures, two pictures a page.
        grid = _Grid([CONTENT_W])
        grid.band(f"附页：{plist.label}（共 {len(photos)} 张）", styles, cont=f"附页：{plist.label}（续）")
        box_w = CONTENT_W - 2 * PAD_X
        box_h = (FRAME_H - 30 - 2 * 36) / 2
        for i, ph in enumerate(photos, 1):
            caption = (
                f"图 {i}\u3000{ph.caption}（{ph.filename}）" if ph.caption else f"图 {i}\u3000{ph.filename}"
            )
            try:
                src, px_w, px_h = _prepare_image(reader(ph.sha256))
                scale = min(box_w / px_w, box_h / px_h, 3.0)
                picture: Flowable = Image(src, width=px_w * scale, height=px_h * scale, mask="auto")
            except Exception:  # noqa: BLE001 - any unreadable picture becomes a note on paper
                report.photo_problems.append(ph.filename)
                picture = _Para(markup(f"（图片无法读取，未能打印：{ph.filename}）"), styles.note)
            r = grid.add_row([[picture, Spacer(1, 5), _Para(markup(caption), styles.caption)]], min_h=60)
            grid.style("ALIGN", (0, r), (0, r), "CENTER")
            grid.style("TOPPADDING", (0, r), (0, r), 8)
            grid.style("BOTTOMPADDING", (0, r), (0, r), 6)
        out.append(grid.table(styles.font))
    return out
