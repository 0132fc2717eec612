"""One A4 paper form for any record, drawn from its form specification: the public API
(:func:`render_record`, :func:`render_blank`, :func:`build_story`) and the assembly of the story.

Why it is built this way:

* **Driven by the FormSpec.**  Nothing here knows the complaint: sections become titled bands, fields
  become label/value cells (``Section.columns`` pairs per row, ``Field.span`` honoured), item tables
  become bordered tables with a header row, photo lists become an appendix, ``FormSpec.signatures``
  the signature grid.  A new form only needs its specification.
* **One module per part of the paper.**  This module only assembles: the page, its measurements, styles,
  letterhead, footer and reproducible canvas are in ``pdf_page``; values, tick boxes and writing lines
  in ``pdf_values``; the bordered grid that breaks across pages and the field blocks in ``pdf_grid``;
  item and score tables in ``pdf_tables``; signatures in ``pdf_signatures``; the photo appendix in
  ``pdf_photos``.  Each says why it is built its way.  The names other modules and the tests use are
  importable from here as before.
* **Reproducible bytes.**  The same revision renders to the same bytes (ReportLab's invariant mode,
  dated ``record.updated_at``; see ``pdf_page``), which ``services.export`` then signs.
* **Every character accounted for.**  All user text is escaped (``documents.text.markup``); characters
  neither bundled font has print as ``□`` and are reported back in :class:`RenderReport`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from typing import IO, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate

from ..domain.fields import (
    Field,
    FieldType,
    FormSpec,
    ItemTable,
    PhotoList,
    RecordValues,
    Section,
    parse_value,
)
from ..domain.records import Record
from ..domain.settings import Settings
from .fonts import unprintable_chars
from .pdf_grid import _FieldBlock, _Grid
from .pdf_page import (
    CONTENT_W,
    FRAME_BOTTOM,
    FRAME_H,
    FRAME_TOP,
    MARGIN_X,
    SCORE_LABEL_W,  # noqa: F401 (the tests read it here)
    PhotoReader,
    RenderReport,
    _draw_header,
    _footer_drawer,
    _numbered_canvas,
    _Styles,
    _styles,
    document_options,
    numbered_canvas,
    source_line,
)
from .pdf_photos import _photo_flowables
from .pdf_signatures import _signature_flowables
from .pdf_tables import SCORE_SUMMARIES, ScoreSummary, _item_table, _score_table
from .pdf_values import _Box, _tick_char, _TickBoxes, score_options  # noqa: F401 (the tests reach them here)
from .stamp import record_stamp

__all__ = [
    "SCORE_SUMMARIES",
    "PhotoReader",
    "RenderReport",
    "ScoreSummary",
    "blank_record",
    "build_story",
    "numbered_canvas",
    "render_blank",
    "render_record",
    "score_options",
    "source_line",
]


def _section_flowables(
    spec: FormSpec, section: Section, record: Record, styles: _Styles, blank: bool = False
) -> list[Flowable]:
    out: list[Flowable] = []
    band: str | None = section.title
    # Runs of elements: score fields of a one-column section become one score table.
    elements = list(section.elements)
    if blank:  # a form to fill by hand has no status yet: the field before it takes its place
        for i, el in enumerate(elements):
            if isinstance(el, Field) and el.key == "status":
                prev = elements[i - 1] if i else None
                if isinstance(prev, Field) and prev.type is not FieldType.LONGTEXT:
                    elements[i - 1] = dataclasses.replace(prev, span=prev.span + el.span)
        elements = [el for el in elements if not (isinstance(el, Field) and el.key == "status")]
    runs_: list[tuple[str, list[Any]]] = []
    for el in elements:
        if isinstance(el, ItemTable):
            kind = "table"
        elif isinstance(el, Field) and el.type is FieldType.SCORE and section.columns == 1:
            kind = "scores"
        else:
            kind = "fields"
        if runs_ and runs_[-1][0] == kind and kind != "table":
            runs_[-1][1].append(el)
        else:
            runs_.append((kind, [el]))
    last_scores = max((i for i, (k, _) in enumerate(runs_) if k == "scores"), default=-1)
    for i, (kind, els) in enumerate(runs_):
        if kind == "table":
            out.append(_item_table(els[0], record.values.tables.get(els[0].key, []), styles, band, blank))
        elif kind == "scores":
            summarise = SCORE_SUMMARIES.get(spec.kind)
            summary = summarise(record) if summarise is not None and i == last_scores and not blank else None
            out.append(_score_table(els, record, styles, band, summary))
        else:
            block = _FieldBlock(section.columns, styles, band, blank)
            for el in els:
                if isinstance(el, PhotoList):
                    block.add_photo_list(el, record.values.photos.get(el.key, []))
                elif el.type is FieldType.LONGTEXT:
                    block.add_long_text(el, record.get(el.key))
                else:
                    block.add_field(el, record.get(el.key))
            out.append(block.flowable())
        band = None
    if band is not None:  # a section with no elements still shows its title
        grid = _Grid([CONTENT_W])
        grid.band(band, styles)
        out.append(grid.table(styles.font))
    return out


# ---------------------------------------------------------------------------------------------


def _all_text(spec: FormSpec, record: Record, settings: Settings) -> str:
    parts = [
        settings.company_name,
        settings.company_address,
        settings.company_phone,
        record.number,
        record.status,
        record.source_number or "",
    ]
    for f in spec.fields():
        v = record.get(f.key)
        if isinstance(v, str):
            parts.append(v)
    for t in spec.tables():
        for row in record.values.tables.get(t.key, []):
            parts += [v for v in row.values() if isinstance(v, str)]
    for p in spec.photo_lists():
        for ph in record.values.photos.get(p.key, []):
            parts += [ph.filename, ph.caption]
    return "\n".join(p for p in parts if p)


def build_story(
    spec: FormSpec,
    record: Record,
    settings: Settings,
    photo_reader: PhotoReader,
    blank: bool = False,
) -> tuple[list[Flowable], RenderReport]:
    """The flowables of the form (what :func:`render_record` lays out), and the report so far."""
    styles = _styles()
    report = RenderReport(
        pages=0, missing_chars=frozenset(unprintable_chars(_all_text(spec, record, settings)))
    )
    story: list[Flowable] = []
    keys = {section.key for section in spec.sections}
    for section in spec.sections:
        flowables = _section_flowables(spec, section, record, styles, blank)
        closing = [b for b in spec.signatures if b.after == section.key]
        if closing and flowables:
            # The signatures that close a section follow it, kept on the page of its last part.
            grid = _signature_flowables(spec, record, styles, photo_reader, report, closing, band=None, keep=False)
            flowables[-1:] = [KeepTogether([flowables[-1], *grid])]
        story += flowables
    rest = [b for b in spec.signatures if b.after not in keys]
    if rest:
        grid = _signature_flowables(spec, record, styles, photo_reader, report, rest, keep=False)
        # Never alone on a page: the last section comes along with the signature grid (one
        # KeepTogether: one inside another would always break the page).
        last = story[-1:]
        if last and isinstance(last[0], KeepTogether):
            last = list(last[0]._content)
        story[-1:] = [KeepTogether([*last, *grid])]
    story += _photo_flowables(spec, record, styles, photo_reader, report)
    return story, report


def render_record(
    spec: FormSpec,
    record: Record,
    settings: Settings,
    photo_reader: PhotoReader,
    out: str | os.PathLike[str] | IO[bytes],
    *,
    blank: bool = False,
    stamp: bool = True,
    renderer: str = "",
) -> RenderReport:
    """Write ``record`` as the signed A4 paper form of ``spec`` to ``out`` (a path or binary file).

    ``blank=True`` prints it as paper to fill by hand: the values it has (number, customer …) and,
    for everything else, taller empty cells, ruled lines, and empty boxes for every score, yes/no
    and choice; no status, no computed average.

    A record with an id gets the page stamp on every page (``documents.stamp``: QR code and
    readable code of the record, revision and content hash; the same identity in the metadata)
    unless ``stamp=False``; ``renderer`` (``services.export.renderer_tag``) goes into the metadata as
    ``/AsdRenderer``.  The output is reproducible: the same revision gives the same bytes
    (ReportLab's invariant mode, dated ``record.updated_at``)."""
    font = _styles().font
    story, report = build_story(spec, record, settings, photo_reader, blank)
    page_stamp = record_stamp(spec, record, blank) if stamp and record.id else None

    target, options = document_options(
        out,
        settings,
        top=FRAME_TOP,
        bottom=FRAME_BOTTOM,
        font=font,
        size=9,
        leading=12,
        title=f"{spec.title} {record.number}".strip(),
        subject=record.number,
        keywords=page_stamp.keywords() if page_stamp is not None else "",
    )
    doc = BaseDocTemplate(target, **options)
    frame = Frame(
        MARGIN_X,
        FRAME_BOTTOM,
        CONTENT_W,
        FRAME_H,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def on_page(canv: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_header(canv, spec, record, settings, font, blank)

    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=on_page)])
    canvasmaker = _numbered_canvas(
        _footer_drawer(spec, record, font, page_stamp),
        timestamp=record.updated_at,
        info={**page_stamp.info(), "AsdRenderer": renderer} if page_stamp is not None else None,
    )
    doc.build(story, canvasmaker=canvasmaker)
    report.pages = doc.page
    return report


def blank_record(spec: FormSpec, prefill: Mapping[str, Any]) -> Record:
    """A record holding only ``prefill`` (field key → text or value; ``"number"`` for the number).

    Text is read as the form would read it (``"2026-03-18"`` becomes a date); text that is not a
    valid value is printed as given rather than refused: this is paper, not a saved record."""
    values: dict[str, Any] = {}
    keys = {f.key: f for f in spec.fields()}
    for key, raw in prefill.items():
        f = keys.get(key)
        if f is None or key in ("number", "status") or raw in (None, ""):
            continue
        if isinstance(raw, str):
            try:
                values[key] = parse_value(f, raw)
            except ValueError:
                if f.type in (FieldType.TEXT, FieldType.LONGTEXT, FieldType.PHONE, FieldType.CHOICE):
                    values[key] = raw.strip()
        else:
            values[key] = raw
    now = dt.datetime.now().astimezone()
    return Record(
        kind=spec.kind,
        id="",
        number=str(prefill.get("number") or ""),
        status="",
        values=RecordValues(fields={k: v for k, v in values.items() if v is not None}),
        created_at=now,
        updated_at=now,
    )


def render_blank(
    spec: FormSpec,
    settings: Settings,
    prefill: Mapping[str, Any],
    out: str | os.PathLike[str] | IO[bytes],
    *,
    source: tuple[str, str] | None = None,
) -> RenderReport:
    """Write the form of ``spec`` as paper to fill by hand, with only ``prefill`` printed (see
    :func:`blank_record`); ``source`` = (kind, number) prints the "来源" line."""
    record = blank_record(spec, prefill)
    if source is not None:
        record.source_kind, record.source_number = source
    return render_record(spec, record, settings, _no_photos, out, blank=True)


def _no_photos(sha256: str) -> bytes:
    raise KeyError(sha256)
