"""Training paperwork and on-screen sign-in (issue 5): what the form's buttons and the command line call.

* :func:`sign_in` — an attendee signs in on the laptop: an ordinary on-screen signature of the
  record's current revision in the attendee's own block (``training_rules.signin_block_key``), so
  the rules of every signature hold (it signs the content hash of what was shown; a later change
  freezes that revision with its signatures).
* :func:`signins` — each attendee's newest sign-in, from any revision up to the current one: a
  walk-in added or scores typed after people signed make a new revision, and those sign-ins stay
  with the revision they signed; the sheet still shows them.
* ``export_*`` — the 签到表, the 培训考核 paper and the 成绩登记表, written atomically and signed
  like every export (``services.export``); the documents get their data passed in.
* :func:`export_handouts_selection` and :func:`product_appendix` — the handouts with the chosen
  chapters and the appendix of products on sale (read from the product register here, since
  documents never read the database).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..domain import training as tr
from ..domain.assessment import AnswersError, is_absent, load_assessment, wrong_questions
from ..domain.forms import spec_for
from ..domain.records import Record, content_hash
from ..domain.signatures import Signature
from ..domain.training_rules import SIGNIN_ROLE, attendee_names, is_signin_block, signin_block_key
from .export import _write_atomically
from .records import RecordService

KIND = tr.SPEC.kind


def sign_in(service: RecordService, record: Record, name: str, strokes: Any) -> Record:
    """Store ``name``'s sign-in on ``record`` as shown (refused when the record changed since, or
    when ``name`` is not an attendee); returns the record as stored."""
    name = " ".join(str(name or "").split())
    return service.sign(KIND, record.id, signin_block_key(name), name, strokes, role=SIGNIN_ROLE,
                        expected_hash=content_hash(spec_for(KIND), record)).record


def signins(service: RecordService, record: Record) -> dict[str, Signature]:
    """Attendee name → their newest sign-in signature, over every revision of ``record``."""
    names = set(attendee_names(record.values))
    found: dict[str, Signature] = {}
    for info in reversed(service.revisions(KIND, record.id)):  # newest first
        if info.revision > record.revision:
            continue
        for sig in info.signatures:
            if is_signin_block(sig.block) and sig.name in names and sig.name not in found \
                    and sig.block == signin_block_key(sig.name):
                found[sig.name] = sig
    return found


def signin_pictures(service: RecordService, record: Record) -> dict[str, bytes]:
    out = {}
    for name, sig in signins(service, record).items():
        try:
            out[name] = service.photo_bytes(sig.image_sha256)
        except OSError:
            continue  # a missing picture prints as an empty cell for the pen
    return out


def pass_mark_of(service: RecordService, record: Record) -> int:
    return int(record.get("pass_mark") or service.settings().pass_mark)


def export_sign_in(service: RecordService, record: Record | None, target: Path) -> Path:
    """The 签到表 of ``record`` (``None``: a blank sheet), with the on-screen sign-ins."""
    from ..documents.training_pdf import SIGN_IN_TITLE, render_sign_in

    settings = service.settings()
    pictures = signin_pictures(service, record) if record is not None else {}
    return _write_atomically(target, lambda out: render_sign_in(settings, record, out, pictures), service, settings,
                             reason=f"{SIGN_IN_TITLE} {record.number}" if record is not None else SIGN_IN_TITLE)


def export_assessment(service: RecordService, record: Record | None, target: Path, per_attendee: bool = True) -> Path:
    """The 培训考核 paper: a sheet per attendee of ``record``, or one blank paper."""
    from ..documents.training_pdf import render_assessment

    settings = service.settings()
    bank = load_assessment()
    return _write_atomically(
        target, lambda out: render_assessment(settings, bank, out, record, per_attendee), service, settings,
        reason=f"{bank.title} {record.number}" if record is not None else bank.title)


def wrong_answers(record: Record) -> dict[str, list[int]]:
    """Attendee name → the questions they answered wrongly (only for readable answer sheets)."""
    bank = load_assessment()
    out = {}
    for row in record.values.tables.get("attendees", []):
        answers = row.get("answers")
        if answers and not is_absent(answers):
            try:
                out[" ".join(str(row.get("name") or "").split())] = wrong_questions(answers, bank)
            except AnswersError:
                continue
    return out


def export_results(service: RecordService, record: Record, target: Path) -> Path:
    """The 成绩登记表 of ``record``: scores, results, pass mark, the trainer's signature."""
    from ..documents.training_pdf import RESULTS_TITLE, render_results

    settings = service.settings()
    mark = pass_mark_of(service, record)
    trainer = record.signature("trainer")
    picture = None
    if trainer is not None:
        try:
            picture = service.photo_bytes(trainer.image_sha256)
        except OSError:
            picture = None
    wrong = wrong_answers(record)
    return _write_atomically(target, lambda out: render_results(settings, record, mark, out, wrong, picture),
                             service, settings, reason=f"{RESULTS_TITLE} {record.number}")


SHEETS = ("sign-in", "assessment", "results")
SHEET_TITLES = {"sign-in": "签到表", "assessment": "培训考核试卷", "results": "考核成绩登记表"}


def export_sheet(service: RecordService, record: Record, sheet: str, target: Path) -> Path:
    if sheet == "sign-in":
        return export_sign_in(service, record, target)
    if sheet == "assessment":
        return export_assessment(service, record, target)
    if sheet == "results":
        return export_results(service, record, target)
    raise ValueError(sheet)


def sheet_filename(record: Record, sheet: str) -> str:
    from .safe_paths import safe_stem

    return f"{safe_stem(record.number)}-{SHEET_TITLES[sheet]}.pdf"


def export_training_sheets(service: RecordService, number: str, folder: Path,
                           sheets: Sequence[str] = SHEETS) -> list[Path]:
    """The chosen sheets of training record ``number`` into ``folder`` (named after the number)."""
    record = service.find_number(number)
    if record.kind != KIND:
        raise ValueError(f"{number} 不是培训记录")
    from .safe_paths import inside

    return [export_sheet(service, record, sheet, inside(folder, sheet_filename(record, sheet))) for sheet in sheets]


# ---------------------------------------------------------------------------------------------
# Handouts: a selection of chapters, and the product appendix


def on_sale_products(service: RecordService) -> list[Record]:
    from ..domain import product as pr

    return [r for r in service.all_records(pr.SPEC.kind) if r.status == pr.ON_SALE]


def product_appendix(products: Iterable[Record]) -> Any:
    """The appendix chapter of ``products`` (``None`` when there are none)."""
    from ..documents.handouts import product_appendix as build

    return build([r.values.fields for r in products])


def export_handouts_selection(service: RecordService, chapter_numbers: Sequence[int], target: Path,
                              appendix: bool = False) -> Path:
    """One PDF of the chosen chapters (by number, in order), with the product appendix if asked for
    and there are products on sale."""
    from ..documents.handouts import SERIES_TITLE, load_chapters, render_handouts

    settings = service.settings()
    today = service.clock.today()
    chosen = [c for c in load_chapters() if c.number in set(chapter_numbers)]
    extra = product_appendix(on_sale_products(service)) if appendix else None
    if extra is not None:
        chosen.append(extra)
    if not chosen:
        raise ValueError("没有选择任何章节")
    return _write_atomically(target, lambda out: render_handouts(settings, chosen, out, today), service, settings,
                             reason=f"{SERIES_TITLE}：" + "、".join(c.heading for c in chosen))
