"""Training records (issue 5): the question bank, scoring, sign-in on screen, and the three sheets
(签到表, 培训考核 paper, 成绩登记表) as PDFs."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.documents.handouts import load_chapters
from desktop.domain import training as tr
from desktop.domain.assessment import (
    JUDGE,
    AnswersError,
    AssessmentFormatError,
    load_assessment,
    normalise_answers,
    parse_assessment,
    score,
)
from desktop.domain.settings import Settings
from desktop.domain.training_rules import signin_block_key
from desktop.domain.validation import ValidationFailed
from desktop.domain.workflow import TransitionRefused
from desktop.services.training_export import (
    export_assessment,
    export_results,
    export_sign_in,
    sign_in,
    signins,
)

KEY = load_assessment().key
STROKES = [[(0.1 + 0.03 * i, 0.5 + (0.2 if i % 2 else -0.2), 0.5, 10 * i) for i in range(20)]]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(path)
    return reader, [_squash(p.extract_text()) for p in reader.pages]


def session(attendees: list[dict[str, str]], **overrides: str) -> dict[str, object]:
    raw: dict[str, object] = {
        "topic": "消杀药品安全使用与个人防护",
        "audience": "客户单位人员",
        "customer_unit": "市第一人民医院",
        "training_date": "2026-03-20",
        "place": "门诊楼三楼会议室",
        "start_time": "09:00",
        "end_time": "11:30",
        "trainer": "李培训",
        "handout": "一、除四害技术培训；三、消杀药品使用规范",
        "attendees": attendees,
    }
    raw.update(overrides)
    return raw


def people(n: int, **row: str) -> list[dict[str, str]]:
    return [{"name": f"学员{i + 1:02d}", "unit": "后勤保障部" if i % 2 else "保洁部", "post": "保洁员",
             "phone": "13912345678", **row} for i in range(n)]


def rows(record):
    return record.values.tables["attendees"]


# ----------------------------------------------------------------------- the question bank


def test_the_bundled_bank_has_twenty_questions_with_a_key_from_the_handouts():
    bank = load_assessment()
    assert len(bank.questions) == 20
    assert [q.number for q in bank.questions] == list(range(1, 21))
    judges = [q for q in bank.questions if q.kind == JUDGE]
    assert 3 <= len(judges) < 20
    assert all(len(q.options) == 4 and q.answer in "ABCD" for q in bank.questions if q.kind != JUDGE)
    assert all(q.answer in "AB" for q in judges)
    headings = {c.heading for c in load_chapters()}
    assert {q.source for q in bank.questions} == headings  # every chapter is examined, nothing else cited
    # A few answers checked against the handouts' text.
    by_text = {q.text: q for q in bank.questions}
    q = next(q for t, q in by_text.items() if "GB/T" not in t and "鼠类密度" in t)
    assert dict(q.options)[q.answer] == "GB/T 27770-2011"
    q = next(q for t, q in by_text.items() if "特效解毒剂" in t)
    assert dict(q.options)[q.answer] == "维生素 K1"
    q = next(q for t, q in by_text.items() if "500 mg/L 的消毒液 10 L" in t)
    assert dict(q.options)[q.answer] == "100 mL"  # 500 × 10000 ÷ 50000
    q = next(q for t, q in by_text.items() if "酸性清洁剂混合" in t)
    assert q.answer_text == "错"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("# 考核\n\n1. 题一\n   A. 甲\n   B. 乙\n\n2. 题二\n   答案：对\n", 3, "缺少“答案：”"),
        ("# 考核\n\n1. 题一\n   答案：对\n\n3. 题三\n   答案：错\n", 6, "题号应为 2"),
        ("# 考核\n\n1. 题一\n   A. 甲\n   C. 丙\n   答案：A\n", 5, "应是 B"),
        ("# 考核\n\n1. 题一\n   A. 甲\n   B. 乙\n   答案：D\n", 6, "只能是 A、B"),
        ("# 考核\n\n1. 题一\n   答案：也许\n", 4, "对、错"),
    ],
)
def test_format_errors_name_the_line(text, line, words):
    with pytest.raises(AssessmentFormatError) as e:
        parse_assessment(text, "assessment.md")
    assert f"assessment.md 第 {line} 行" in str(e.value)
    assert words in str(e.value)


def test_answers_are_read_as_typed_from_paper():
    bank = load_assessment()
    assert normalise_answers(KEY.lower(), bank) == KEY
    spaced = " ".join(KEY[:5]) + "，" + ",".join(KEY[5:10]) + "、" + KEY[10:16]
    judges = "".join({"A": "对", "B": "错"}[c] for c in KEY[16:])
    assert normalise_answers(spaced + " " + judges, bank) == KEY
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in KEY)  # Ａ Ｂ …
    assert score(full_width, bank) == 100
    assert KEY[16:] == "BAAB"  # 错对对错
    assert score(KEY[:16] + "×√√×", bank) == 100
    wrong_two = ("B" if KEY[0] != "B" else "C") + ("B" if KEY[1] != "B" else "C") + KEY[2:]
    assert score(wrong_two, bank) == 90
    with pytest.raises(AnswersError, match="答卷有 19 个答案，考核共 20 题"):
        normalise_answers(KEY[:19], bank)
    with pytest.raises(AnswersError, match="“E”不是选项字母"):
        normalise_answers(KEY[:19] + "E", bank)
    with pytest.raises(AnswersError, match="第 20 题是判断题"):
        normalise_answers(KEY[:19] + "C", bank)


# ----------------------------------------------------------------------- scoring at save


def test_scores_results_absentees_and_pass_mark(ctx):
    service = ctx.records
    wrong_four = "".join(("A" if c != "A" else "B") if i < 4 else c for i, c in enumerate(KEY))  # 80
    attendees = [
        {"name": "满分", "answers": KEY.lower()},
        {"name": "刚及格", "answers": wrong_four},
        {"name": "手填", "score": "65"},
        {"name": "缺考者", "answers": "缺考", "score": "90"},
        {"name": "未考"},
    ]
    rec = service.create("training", session(attendees)).record
    got = [(r["name"], r["score"], r["result"]) for r in rows(rec)]
    assert got == [("满分", 100, "合格"), ("刚及格", 80, "合格"), ("手填", 65, "不合格"),
                   ("缺考者", None, tr.ABSENT), ("未考", None, None)]
    # The session's own pass mark wins over the settings'.
    rec = service.update("training", rec.id, session(attendees, pass_mark="85")).record
    assert [r["result"] for r in rows(rec)][:3] == ["合格", "不合格", "不合格"]
    # …and the settings' applies when the session has none.
    settings = service.settings()
    settings.pass_mark = 60
    service.save_settings(settings)
    rec = service.update("training", rec.id, session(attendees)).record
    assert [r["result"] for r in rows(rec)][:3] == ["合格", "合格", "合格"]
    # 已考核 needs every attendee scored or marked absent.
    service.transition("training", rec.id, tr.HELD, session(attendees))
    with pytest.raises(ValidationFailed) as e:
        service.transition("training", rec.id, tr.ASSESSED, session(attendees))
    assert [i.path for i in e.value.issues] == ["attendees[4].score"]
    attendees[4]["answers"] = "缺考"
    done = service.transition("training", rec.id, tr.ASSESSED, session(attendees)).record
    assert done.status == tr.ASSESSED


def test_a_wrong_answer_sheet_is_an_issue_on_its_cell(ctx):
    _values, issues = ctx.records.validate("training", session([{"name": "甲", "answers": KEY},
                                                                {"name": "乙", "answers": KEY[:18]}]))
    assert [(i.path, i.message) for i in issues] == [("attendees[1].answers", "答卷有 18 个答案，考核共 20 题")]
    _values, issues = ctx.records.validate("training", session([{"name": "甲"}, {"name": " 甲 "}]))
    assert [i.path for i in issues] == ["attendees[1].name"]


# ----------------------------------------------------------------------- sign-in on screen


def test_sign_in_keeps_each_signature_through_later_revisions(ctx):
    service = ctx.records
    rec = service.create("training", session(people(3))).record
    rec = sign_in(service, rec, "学员01", STROKES)
    rec = sign_in(service, rec, "学员02", STROKES)
    assert rec.revision == 1
    assert {s.name for s in rec.signatures} == {"学员01", "学员02"}
    assert rec.signature(signin_block_key("学员01")).role == "参加人员签到"
    with pytest.raises(TransitionRefused):  # once per revision
        sign_in(service, rec, "学员01", STROKES)
    with pytest.raises(TransitionRefused):  # only attendees sign in
        sign_in(service, rec, "路人", STROKES)
    with pytest.raises(ValidationFailed):  # no ink
        sign_in(service, rec, "学员03", [])
    # A walk-in is added: the signed revision is frozen, the sign-ins stay valid and on the sheet.
    raw = session([*people(3), {"name": "临时加入"}])
    rec2 = service.update("training", rec.id, raw).record
    assert rec2.revision == 2 and not rec2.signatures
    assert set(signins(service, rec2)) == {"学员01", "学员02"}
    stale = rec  # the form as it was before the change: refused, people sign what is stored
    with pytest.raises(TransitionRefused):
        sign_in(service, stale, "学员03", STROKES)
    rec3 = sign_in(service, rec2, "临时加入", STROKES)
    found = signins(service, rec3)
    assert set(found) == {"学员01", "学员02", "临时加入"}
    assert found["学员01"].revision == 1 and found["临时加入"].revision == 2
    # The revision history still lists who signed revision 1.
    first = service.revisions("training", rec.id)[0]
    assert {s.name for s in first.signatures} == {"学员01", "学员02"}


def test_signins_survive_dump_and_import(ctx, tmp_path):
    from desktop.services.transfer import dump_records, import_records
    from tests.support import context

    service = ctx.records
    rec = service.create("training", session(people(2))).record
    rec = sign_in(service, rec, "学员01", STROKES)
    service.update("training", rec.id, session(people(2), content="补充"))
    objs = dump_records(service, "training")
    other = context(tmp_path / "other")
    try:
        import_records(other.records, objs)
        copy = other.records.get("training", rec.id)
        assert set(signins(other.records, copy)) == {"学员01"}
        assert other.records.photo_bytes(signins(other.records, copy)["学员01"].image_sha256)[:4] == b"\x89PNG"
    finally:
        other.close()


# ----------------------------------------------------------------------- the sheets


def test_sign_in_sheet_for_thirty_spans_pages_with_every_name_and_signature(ctx, tmp_path):
    service = ctx.records
    rec = service.create("training", session(people(30))).record
    for name in ("学员03", "学员29"):
        rec = sign_in(service, rec, name, STROKES)
    out = export_sign_in(service, rec, tmp_path / "signin.pdf")
    reader, pages = _pdf_text(out)
    assert len(pages) >= 2
    whole = "".join(pages)
    for i in range(30):
        assert f"学员{i + 1:02d}" in whole
    for n, text in enumerate(pages, 1):
        assert "序号姓名单位/部门岗位联系电话签到" in text  # the header row on every page
        assert f"第{n}页共{len(pages)}页" in text
        assert rec.number in text
    assert "培训签到表" in pages[0] and "门诊楼三楼会议室" in pages[0] and "李培训" in pages[0]
    assert "培训讲师（签字）" in pages[-1]
    # The two on-screen sign-ins are pictures in the table (and only those).
    images = sum(len(p.images) for p in reader.pages)
    assert images == 2
    # Room for walk-ins: numbered blank rows after the last attendee.
    tail = whole[whole.index("学员30"):]
    assert re.search(r"^学员30后勤保障部保洁员13912345678(第2页.*签到)?31(第2页.*签到)?32(第2页.*签到)?33"
                     r"(第2页.*签到)?34(第2页.*签到)?35(第3页.*)?登记30人", tail), tail


def test_no_table_is_wider_than_the_text_area(ctx):
    from reportlab.platypus import Table

    from desktop.documents import training_pdf as tp
    from desktop.documents.fonts import ensure_fonts

    service = ctx.records
    long = {"unit": "市第一人民医院后勤保障部保洁服务外包项目组" * 2, "post": "保洁班长兼库房管理员"}
    rec = service.create("training", session(people(12, **long))).record
    st = tp._styles(ensure_fonts())
    stories = [tp.sign_in_story(rec, {}, st), tp.sign_in_story(None, {}, st),
               tp.assessment_sheet(load_assessment(), rec, rows(rec)[0], st),
               tp.results_story(rec, 80, st, {"学员01": list(range(1, 21))})]

    def tables(flowables):
        for f in flowables:
            if isinstance(f, Table):
                yield f
                for row in f._cellvalues:
                    for cell in row:
                        yield from tables(cell if isinstance(cell, list) else [cell])

    seen = 0
    for story in stories:
        for t in tables(story):
            seen += 1
            width, _ = t.wrap(tp.TEXT_W, 10_000)
            assert width <= tp.TEXT_W + 0.5
            assert sum(t._colWidths) <= tp.TEXT_W + 0.5
    assert seen > 20


def test_assessment_paper_has_every_question_one_sheet_each(ctx, tmp_path):
    service = ctx.records
    bank = load_assessment()
    rec = service.create("training", session(people(3))).record
    _reader, pages = _pdf_text(export_assessment(service, rec, tmp_path / "paper.pdf"))
    whole = "".join(pages)
    assert whole.count(_squash(bank.title)) == 3 + len(pages)  # a title per paper, the running head per page
    for name in ("学员01", "学员02", "学员03"):
        assert f"{name}的试卷第1页" in whole
        assert f"姓名{name}单位" in whole
    first = "".join(p for p in pages if "学员01的试卷" in p)
    for q in bank.questions:
        assert _squash(f"{q.number}. {q.text}") in first, q.number
        for letter, text in q.options:
            assert _squash(f"{letter}. {text}") in first
    assert len(pages) <= 3 * 2  # each paper fits on one double-sided sheet
    _reader, blank = _pdf_text(export_assessment(service, None, tmp_path / "blank.pdf"))
    assert "姓名" in blank[0] and "得分" in blank[0] and "学员" not in "".join(blank)


def test_results_sheet_lists_scores_results_and_pass_mark(ctx, tmp_path):
    service = ctx.records
    wrong = "B" if KEY[0] != "B" else "C"
    attendees = [{"name": "甲一", "answers": KEY}, {"name": "乙二", "answers": wrong + KEY[1:]},
                 {"name": "丙三", "score": "60"}, {"name": "丁四", "answers": "缺考"}]
    rec = service.create("training", session(attendees, pass_mark="90")).record
    _reader, pages = _pdf_text(export_results(service, rec, tmp_path / "results.pdf"))
    whole = "".join(pages)
    assert "培训考核成绩登记表" in whole
    assert "甲一" in whole and "100合格" in whole and "95合格" in whole and "60不合格" in whole
    assert "丁四" in whole and "缺考" in whole
    assert "90分（满分100分）" in whole and "合格分数90分" in whole
    assert "参加考核3人，缺考1人；合格2人，不合格1人" in whole
    assert "培训讲师（签字）" in whole


def test_text_of_the_user_prints_literally(tmp_path):
    import datetime as dt

    from desktop.documents.training_pdf import render_sign_in
    from desktop.domain.records import Record, RecordValues

    values = RecordValues(fields={"topic": "A<b>&<font size=40>", "place": "会议室"},
                          tables={"attendees": [{"name": "<i>王</i>", "unit": "A&B"}]})
    now = dt.datetime(2026, 3, 20, tzinfo=dt.UTC)
    rec = Record("training", "x", "PX-2026-AAAA-0001", tr.PLANNED, values, now, now)
    buf = io.BytesIO()
    render_sign_in(Settings(company_name="测试公司"), rec, buf)
    text = _squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages))
    assert "A<b>&<fontsize=40>" in text and "<i>王</i>" in text and "A&B" in text


def test_cli_training_sheets(ctx, data_dir, tmp_path, capsys):
    rec = ctx.records.create("training", session(people(4))).record
    data = data_dir
    out = tmp_path / "sheets"
    assert main(["--data-dir", str(data), "training-sheets", rec.number, "-o", str(out)]) == 0
    names = sorted(p.name for p in out.glob("*.pdf"))
    assert names == sorted(f"{rec.number}-{t}.pdf" for t in ("签到表", "培训考核试卷", "考核成绩登记表"))
    assert not list(out.glob(".*"))
    assert main(["--data-dir", str(data), "training-sheets", rec.number, "--sign-in", "-o", str(tmp_path / "one")]) == 0
    assert [p.name for p in (tmp_path / "one").glob("*.pdf")] == [f"{rec.number}-签到表.pdf"]
    assert main(["--data-dir", str(data), "training-sheets", "--blank", "-o", str(tmp_path / "blank")]) == 0
    assert len(list((tmp_path / "blank").glob("*.pdf"))) == 2
    assert main(["--data-dir", str(data), "training-sheets", "-o", str(tmp_path / "x")]) == 2
    assert main(["--data-dir", str(data), "training-sheets", "PX-2026-ZZZZ-9999", "-o", str(tmp_path / "x")]) == 1
