"""Rules and lifecycle of a training session: 计划中 → 已培训 → 已考核."""

from __future__ import annotations

import datetime as dt

from . import training as tr
from .assessment import AnswersError, Assessment, AssessmentFormatError, is_absent, load_assessment, score
from .fields import RecordValues, SignatureBlock
from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .validation import Issue
from .workflow import DeriveContext, Transition, Workflow


def pass_mark(v: RecordValues, ctx: DeriveContext) -> int:
    return int(v.fields.get("pass_mark") or ctx.settings.pass_mark)


def _bank() -> Assessment | None:
    try:
        return load_assessment()
    except (OSError, AssessmentFormatError):
        return None  # the rule below says so on every answer sheet; typed scores still count


def derive_training(v: RecordValues, ctx: DeriveContext) -> None:
    """Each attendee's score from their answer sheet (when given and readable: a typed score is kept
    otherwise) and the result against the pass mark; 缺考 in the answers cell marks an absentee."""
    mark = pass_mark(v, ctx)
    bank: Assessment | None = None
    for row in v.tables.get("attendees", []):
        answers = row.get("answers")
        if is_absent(answers):
            row["score"] = None
            row["result"] = tr.ABSENT
            continue
        if answers:
            bank = bank or _bank()
            if bank is not None:
                try:
                    row["score"] = score(answers, bank)
                except AnswersError:
                    pass  # refused by the rule below, beside the cell
        value = row.get("score")
        row["result"] = None if value is None else (tr.PASSED if value >= mark else tr.FAILED)


def _training(v: RecordValues, today: dt.date) -> list[Issue]:
    start, end = v.fields.get("start_time"), v.fields.get("end_time")
    if start and end and end <= start:
        return [Issue("end_time", QT_TRANSLATE_NOOP(MESSAGES, "结束时间应晚于开始时间（{time}）"),
                      {"time": start.strftime("%H:%M")})]
    return _duplicate_names(v) + _answer_sheets(v)


def _duplicate_names(v: RecordValues) -> list[Issue]:
    """Names identify attendees on the sign-in sheet and in their on-screen sign-in."""
    seen: set[str] = set()
    issues = []
    for i, name in enumerate(attendee_names(v)):
        if name and name in seen:
            issues.append(Issue(f"attendees[{i}].name", QT_TRANSLATE_NOOP(
                MESSAGES, "“{name}”已登记过；同名的人请加注部门，如 {name}（保洁部）"), {"name": name}))
        seen.add(name)
    return issues


def _answer_sheets(v: RecordValues) -> list[Issue]:
    """Every attendee's answers must have one readable answer per question of the bank."""
    issues: list[Issue] = []
    bank: Assessment | None = None
    for i, row in enumerate(v.tables.get("attendees", [])):
        answers = row.get("answers")
        if not answers or is_absent(answers):
            continue
        if bank is None:
            try:
                bank = load_assessment()
            except (OSError, AssessmentFormatError) as e:
                return [Issue(f"attendees[{i}].answers",
                              QT_TRANSLATE_NOOP(MESSAGES, "考核题库有误，无法评分：{error}"), {"error": str(e)})]
        try:
            score(answers, bank)
        except AnswersError as e:
            issues.append(Issue(f"attendees[{i}].answers", e.template, dict(e.args_)))
    return issues


def _has_attendees(v: RecordValues, today: dt.date) -> list[Issue]:
    if not v.tables.get("attendees"):
        return [Issue("attendees", QT_TRANSLATE_NOOP(MESSAGES, "请登记参加人员"))]
    return []


def _all_scored(v: RecordValues, today: dt.date) -> list[Issue]:
    issues = _has_attendees(v, today)
    for i, row in enumerate(v.tables.get("attendees", [])):
        if row.get("score") is None and not is_absent(row.get("answers")):
            issues.append(Issue(f"attendees[{i}].score", QT_TRANSLATE_NOOP(MESSAGES, "请填写考核得分或答卷（未参加考核填“缺考”）")))
    return issues


WORKFLOW = Workflow(
    rules=(_training,),
    spec=tr.SPEC,
    initial=tr.PLANNED,
    final=(tr.ASSESSED,),
    transitions=(
        Transition(tr.PLANNED, tr.HELD, "培训已举行", check=_has_attendees),
        Transition(tr.HELD, tr.ASSESSED, "登记考核结果", check=_all_scored),
    ),
    derive=derive_training,
)


# ---------------------------------------------------------------------------------------------
# 现场签到: each attendee signs in on the laptop.
#
# A sign-in is an ordinary on-screen ``Signature`` of the record (strokes, time, content hash of the
# revision it signs, picture in the photo store), in a block of its own per attendee: the key is
# made from the attendee's name, because rows move and are deleted while names are what the sheet
# prints.  Like every signature it belongs to the revision the attendee saw (which lists them); a
# later change (a walk-in added, scores entered) freezes that revision with its signatures and the
# sign-ins stay there: the sign-in sheet gathers each attendee's newest sign-in from every revision
# (``services.training_export.signins``).

SIGNIN_PREFIX = "signin-"
SIGNIN_ROLE = "参加人员签到"


def signin_block_key(name: str) -> str:
    """The signature block of the attendee called ``name`` (fits the 40-character block column)."""
    import hashlib

    return SIGNIN_PREFIX + hashlib.sha256(" ".join(name.split()).encode("utf-8")).hexdigest()[:16]


def is_signin_block(block: str) -> bool:
    return block.startswith(SIGNIN_PREFIX)


def signin_block(kind: str, block: str, name: str) -> SignatureBlock | None:
    """The block for an attendee's sign-in when ``block`` is that of ``name`` on a training record
    (``RecordService.sign`` accepts it besides the blocks of the spec), else ``None``."""
    if kind != tr.SPEC.kind or not is_signin_block(block) or block != signin_block_key(name):
        return None
    return SignatureBlock(block, "签到")


def attendee_names(v: RecordValues) -> list[str]:
    """The attendees' names as printed (spaces collapsed), in table order."""
    return [" ".join(str(row.get("name") or "").split()) for row in v.tables.get("attendees", [])]
