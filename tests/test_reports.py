"""The four reports (issue 15): figures against hand counts on small data, the PDF read back, the
.xlsx, and ``aftersales-desk report … --json``.  The clock is tests/conftest.py's NOW, 2026-03-20
09:30 +08:00: every date is a local (Beijing) calendar day."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest

from desktop.domain import ticket as tk
from desktop.domain.reports import (
    ReportInputError,
    parse_month,
    parse_range,
    parse_year,
    report_json,
)
from desktop.services.reports import find_refs, make_report
from tests.conftest import STAFF
from tests.support import raw_complaint


def complaint(svc: Any, day: str, **over: Any) -> Any:
    return svc.create("complaint", raw_complaint(received_date=day, **over), by=STAFF).record


def ticket(svc: Any, day: str, time: str, **over: Any) -> Any:
    raw = {"call_date": day, "call_time": time, "receiver": STAFF, "customer_unit": "北京市第一人民医院",
           "caller_name": "张丽", "caller_phone": "13812345678", "issue_type": "使用中质量问题",
           "issue": "稀释后气味异常"}
    raw.update(over)
    return svc.create("ticket", raw, by=STAFF).record


def monthly(svc: Any, month: str) -> Any:
    return make_report(svc, "monthly", *parse_month(month))


def numbers(refs: Any) -> set[str]:
    return {r.number for r in refs}


# ------------------------------------------------------------------ periods


def test_periods_are_checked_with_chinese_messages() -> None:
    assert parse_month("2026-11") == (dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert parse_month("2026-12") == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    assert parse_range("2026-01-01", "2026-01-01") == (dt.date(2026, 1, 1), dt.date(2026, 1, 2))
    assert parse_year("2026") == (dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    for bad in (lambda: parse_month("2026-13"), lambda: parse_month("11/2026"), lambda: parse_year("26x"),
                lambda: parse_range("2026-02-30", "2026-03-01")):
        with pytest.raises(ReportInputError, match="无效"):
            bad()
    with pytest.raises(ReportInputError, match="晚于"):
        parse_range("2026-03-02", "2026-03-01")


# ------------------------------------------------------------------ monthly


def test_an_empty_month_counts_zero_everywhere(ctx: Any) -> None:
    report = monthly(ctx.records, "2026-02")
    data = report_json(report)
    assert data["本月概况"]["受理投诉"] == 0
    assert data["按投诉类别"] == {"验收数量不足": 0, "验收不合格": 0, "使用中质量问题": 0, "服务投诉": 0, "其他": 0}
    assert data["按产品"] == {} and data["召回预警：近十二个月投诉或退换货超过一次的批次"] == []
    trend = data["近十二个月趋势"]
    assert list(trend) == [f"2025-{m:02d}" for m in range(3, 13)] + ["2026-01", "2026-02"]
    assert all(v == {"投诉": 0, "退换货": 0, "保障单": 0} for v in trend.values())


def test_a_month_counts_the_records_of_its_own_local_days(ctx: Any) -> None:
    svc = ctx.records
    feb = complaint(svc, "2026-02-28", category="验收不合格")
    mar1 = complaint(svc, "2026-03-01", category="使用中质量问题", severity="严重投诉")
    mar2 = complaint(svc, "2026-03-19", category="使用中质量问题",
                     complainant_unit="上海市徐汇区中心医院",
                     items=[{"product_name": "84 消毒液", "quantity": "2", "unit": "桶", "batch_no": "SH250301"},
                            {"product_name": "75% 乙醇消毒液", "quantity": "1", "unit": "瓶", "batch_no": "YC1"}])
    late_feb = ticket(svc, "2026-02-28", "23:59")
    midnight = ticket(svc, "2026-03-01", "00:00", issue_type="验收数量不足")

    march = report_json(monthly(svc, "2026-03"))
    assert march["本月概况"]["受理投诉"] == 2 and march["本月概况"]["其中严重投诉"] == 1
    assert march["按投诉类别"]["使用中质量问题"] == 2 and march["按投诉类别"]["验收不合格"] == 0
    assert march["按产品"] == {"84 消毒液": 2, "75% 乙醇消毒液": 1}
    assert march["按投诉单位"] == {"上海市徐汇区中心医院": 1, "北京市第一人民医院": 1}
    assert march["热线保障单按问题类型"]["验收数量不足"] == 1 and march["本月概况"]["热线保障单"] == 1
    # SH250301 has three complaints within the twelve months (one in February): a recall signal.
    (flag,) = march["召回预警：近十二个月投诉或退换货超过一次的批次"]
    assert flag["生产批号"] == "SH250301" and flag["投诉"] == 3
    assert march["近十二个月趋势"]["2026-02"] == {"投诉": 1, "退换货": 0, "保障单": 1}
    assert march["近十二个月趋势"]["2026-03"] == {"投诉": 2, "退换货": 0, "保障单": 1}

    february = report_json(monthly(svc, "2026-02"))
    assert february["本月概况"]["受理投诉"] == 1 and february["按投诉类别"]["验收不合格"] == 1
    assert february["热线保障单按问题类型"]["使用中质量问题"] == 1

    # Every figure opens its records.
    report = monthly(svc, "2026-03")
    row = next(r for r in report.table("category").rows if r.cells[0] == "使用中质量问题")
    assert numbers(row.refs) == {mar1.number, mar2.number}
    tickets_row = next(r for r in report.table("tickets").rows if r.cells[0] == "验收数量不足")
    assert numbers(tickets_row.refs) == {midnight.number}
    trend = next(r for r in report.table("trend").rows if r.cells[0] == "2026-02")
    # The trend's records are found when a figure is opened (queries, not 100,000 refs).
    assert numbers(find_refs(svc, trend.queries_at(1))) == {feb.number}
    assert numbers(find_refs(svc, trend.queries_at(3))) == {late_feb.number}
    assert numbers(find_refs(svc, trend.queries_at(0))) == {feb.number, late_feb.number}
    recall = report.table("recall").rows[0]
    assert numbers(find_refs(svc, recall.queries_at(2))) == {feb.number, mar1.number, mar2.number}
    # Still open at the end of the month: all three complaints (none closed), oldest first.
    opened = report.table("open").rows
    assert [r.cells[1] for r in opened] == [feb.number, mar1.number, mar2.number]
    assert opened[0].cells[-1] == (dt.date(2026, 3, 20) - dt.date(2026, 2, 28)).days


# ------------------------------------------------------------------ response times


def test_a_ticket_answered_exactly_on_its_deadline_kept_the_promise(ctx: Any) -> None:
    svc = ctx.records
    settings = svc.settings()
    settings.quality_phone_hours, settings.quality_handling_hours = 2, 24
    svc.save_settings(settings)
    on_time = ticket(svc, "2026-03-18", "08:00", responded_date="2026-03-18", responded_time="10:00",
                     agreed_date="2026-03-19", agreed_time="08:00")
    late = ticket(svc, "2026-03-18", "08:00", responded_date="2026-03-18", responded_time="10:01",
                  agreed_date="2026-03-19", agreed_time="08:01", assigned_staff="李娜")
    never = ticket(svc, "2026-03-19", "07:00")  # phone due 09:00 yesterday: broken; handling due 07:00 today
    fresh = ticket(svc, "2026-03-20", "09:00")  # phone due 11:00 today: not due yet
    assert on_time.values.fields["response_deadline"] == "2026-03-18 10:00"

    report = make_report(svc, "response", *parse_range("2026-03-01", "2026-03-31"))
    data = report_json(report)
    row = data["按服务内容（响应时间表）"]["产品在使用过程中出现质量问题"]
    assert row["保障单"] == 4 and row["承诺电话响应（小时）"] == 2 and row["承诺处理（小时）"] == 24
    assert (row["电话响应按时"], row["电话响应超时"], row["电话响应未到期"]) == (1, 2, 1)
    assert (row["协商处理按时"], row["协商处理超时"], row["协商处理未到期"]) == (1, 2, 1)
    assert row["电话响应按时率（%）"] == pytest.approx(33.3)
    assert data["按服务内容（响应时间表）"]["配送时间"]["保障单"] == 0
    breaches = data["超时明细"]
    assert {(b["保障单号"], b["环节"]) for b in breaches} == {
        (late.number, "电话响应"), (late.number, "协商处理"), (never.number, "电话响应"), (never.number, "协商处理")}
    by_number = {(b["保障单号"], b["环节"]): b for b in breaches}
    assert by_number[(late.number, "电话响应")]["超出（小时）"] == pytest.approx(0.0, abs=0.05)
    assert by_number[(never.number, "电话响应")]["实际时间"] == "尚未完成"
    staff = data["按人员"]
    assert staff["李娜"]["电话响应超时"] == 1 and staff["（未派工）"]["保障单"] == 3
    cell = next(r for r in report.table("rows").rows if r.cells[0] == "产品在使用过程中出现质量问题")
    assert numbers(cell.refs_at(5)) == {late.number, never.number}  # 电话响应超时
    assert numbers(cell.refs_at(6)) == {fresh.number}  # 电话响应未到期


def test_the_dispatch_step_records_when_the_phone_response_was_made(ctx: Any) -> None:
    svc = ctx.records
    rec = ticket(svc, "2026-03-20", "08:00")
    from desktop.services.tickets import raw_of

    raw = {**raw_of(svc.get("ticket", rec.id)), "assigned_staff": "李娜", "callback_date": "2026-03-20",
           "callback_time": "15:00"}
    out = svc.transition("ticket", rec.id, tk.ASSIGNED, raw, by=STAFF).record
    assert out.values.fields["responded_date"] == dt.date(2026, 3, 20)
    assert out.values.fields["responded_time"] == dt.time(9, 30)  # the clock's local time at the step
    assert out.values.fields["agreed_date"] is None


# ------------------------------------------------------------------ survey and staff


def _customer(svc: Any, name: str) -> Any:
    return svc.create("customer", {"name": name, "registered_date": "2026-01-05"}, by=STAFF).record


def _visit(svc: Any, unit: str, staff: str, day: str = "2026-03-10") -> Any:
    return svc.create("service-report", {"service_type": "上门走访", "service_date": day, "staff": staff,
                                         "customer_unit": unit, "contact_name": "张丽"}, by=STAFF).record


def _survey(svc: Any, unit: str, scores: dict[str, int], kind: str = "年度调查", source: Any = None,
            day: str = "2026-03-12") -> Any:
    from desktop.domain import survey as sv

    raw = {"survey_type": kind, "survey_date": day, "customer_unit": unit, "surveyor": STAFF}
    link = None
    if source is not None:
        base, link = svc.follow_on("service-report", source.id, "survey")
        raw = {**base, **raw}
    rec = svc.create("survey", raw, source=link, by=STAFF).record
    full = {**raw, **{k: 5 for k, _l in (*sv.SCORE_ITEMS, sv.OVERALL)}, **scores, "returned_date": day}
    return svc.transition("survey", rec.id, sv.RETURNED, full, by=STAFF).record


def test_the_yearly_survey_report_counts_coverage_scores_staff_and_low_scores(ctx: Any) -> None:
    svc = ctx.records
    _customer(svc, "北京市第一人民医院")
    missing = _customer(svc, "上海市徐汇区中心医院")
    yearly = _survey(svc, "北京市第一人民医院", {"score_quality": 4, "score_overall": 4})
    visit = _visit(svc, "北京市第一人民医院", "李娜")
    low = _survey(svc, "北京市第一人民医院", {"score_response": 2, "score_overall": 3}, kind="服务后调查",
                  source=visit)
    _survey(svc, "北京市第一人民医院", {"score_overall": 1}, day="2025-06-01")  # last year's

    report = make_report(svc, "survey", *parse_year("2026"))
    data = report_json(report)
    summary = data["概况"]
    assert summary["在册客户（合作中）"] == 2 and summary["已做年度调查的客户"] == 1
    assert summary["尚未调查的客户"] == 1 and summary["年度调查覆盖率（%）"] == 50.0
    assert summary["发放调查表"] == 2 and summary["已回收"] == 2 and summary["回收率（%）"] == 100.0
    assert summary["总体满意度平均分"] == 3.5 and summary["上年总体满意度平均分"] == 1
    assert data["尚未做年度调查的客户"] == [{"客户编号": missing.number, "客户名称": "上海市徐汇区中心医院"}]
    quality = data["各项评分"]["产品质量"]
    assert quality["平均分"] == 4.5 and (quality["5分"], quality["4分"], quality["评分份数"]) == (1, 1, 2)
    assert data["各项评分"]["响应速度"]["2分"] == 1
    assert data["按服务人员（服务后调查）"]["李娜"]["调查份数"] == 1
    assert data["按服务人员（服务后调查）"]["李娜"]["总体满意度"] == 3
    (row,) = data["低分（1–2 分）及跟进"]
    assert row["调查表编号"] == low.number and row["低分项目"] == "响应速度 2" and row["跟进措施"] == "尚无跟进记录"
    assert yearly.number not in {r["调查表编号"] for r in data["低分（1–2 分）及跟进"]}


def test_the_staff_assessment_counts_each_persons_work_and_training(ctx: Any) -> None:
    svc = ctx.records
    _visit(svc, "北京市第一人民医院", "李娜、王强")
    _visit(svc, "北京市第一人民医院", "李娜")
    complaint(svc, "2026-03-02", receiver="王强")
    ticket(svc, "2026-03-18", "08:00", assigned_staff="李娜", responded_date="2026-03-18", responded_time="09:00",
           agreed_date="2026-03-18", agreed_time="12:00")
    svc.create("training", {"topic": "消杀药品使用规范", "audience": "本公司售后服务人员", "training_date": "2026-02-10",
                            "place": "公司培训室", "trainer": "赵老师",
                            "attendees": [{"name": "李娜", "score": 92}, {"name": "王强", "score": 60}]}, by=STAFF)
    svc.create("followup", {"followup_type": "发货后定期回访", "due_date": "2026-03-01", "assigned_staff": "王强",
                            "customer_unit": "北京市第一人民医院"}, by=STAFF)

    data = report_json(make_report(svc, "staff", *parse_year("2026")))
    people = data["人员考核"]
    assert people["李娜"]["服务报告"] == 2 and people["王强"]["服务报告"] == 1
    assert people["李娜"]["其中上门走访"] == 2
    assert people["王强"]["处理投诉"] == 1 and people["李娜"]["处理投诉"] == 0
    assert people["李娜"]["派工保障单"] == 1 and people["李娜"]["按时完成"] == 1 and people["李娜"]["时限遵守率（%）"] == 100.0
    assert people["王强"]["应回访"] == 1 and people["王强"]["逾期回访"] == 1  # due 1 March, still planned
    assert people["李娜"]["培训状态"].startswith("合格（2026-02-10")
    assert people["王强"]["培训状态"].startswith("不合格")
    assert set(data["未经培训合格的人员（须培训合格后方可上岗）"]) == {"王强"}


# ------------------------------------------------------------------ PDF, xlsx, CLI


def test_the_report_pdf_reads_back_with_its_tables_charts_and_check_code(ctx: Any) -> None:
    from pypdf import PdfReader

    from desktop.documents.report_pdf import render_report, report_stamp

    complaint(ctx.records, "2026-03-05", category="验收不合格")
    report = monthly(ctx.records, "2026-03")
    buf = io.BytesIO()
    result = render_report(report, ctx.records.settings(), buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    assert len(reader.pages) == result.pages >= 2
    text = "".join(p.extract_text() for p in reader.pages)
    for expected in ("月度风险事故及投诉分析", "统计期间：2026年3月", "按投诉类别", "验收不合格", "近十二个月趋势",
                     "本月投诉按类别",  # a chart's title: the charts' words are text in the bundled font
                     f"校验码 {report_stamp(report).check_code}", "第 1 页 共"):
        assert expected in text.replace("\n", ""), expected
    assert "测试消杀药业有限公司" in text  # the letterhead
    # Charts are vector drawings, not pictures; only the bundled fonts are embedded.
    for page in reader.pages:
        assert not page.images
    fonts = {f["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts and all("WenQuanYi" in str(f) or "DejaVu" in str(f) for f in fonts)
    assert reader.metadata["/AsdReport"] == "monthly"


def test_the_xlsx_has_every_table_with_numbers_as_numbers(ctx: Any, tmp_path: Any) -> None:
    from openpyxl import load_workbook

    from desktop.services.reports.xlsx import export_report_xlsx

    complaint(ctx.records, "2026-03-05", category="验收不合格")
    report = monthly(ctx.records, "2026-03")
    path = export_report_xlsx(report, tmp_path / "m.xlsx")
    wb = load_workbook(path)
    assert len(wb.sheetnames) == len(report.tables)
    ws = wb["按投诉类别"]
    rows = {r[0]: r[1] for r in ws.iter_rows(min_row=4, values_only=True)}
    assert rows["验收不合格"] == 1 and isinstance(rows["验收不合格"], int) and rows["其他"] == 0


def test_cli_json_and_refusals(data_dir: Any, capsys: Any, tmp_path: Any, clock: Any, monkeypatch: Any) -> None:
    from desktop import cli
    from desktop.services.context import open_context

    ctx = open_context(data_dir, clock)
    complaint(ctx.records, "2026-03-05", category="验收不合格")
    ctx.close()
    base = ["--data-dir", str(data_dir), "report"]
    assert cli.main([*base, "monthly", "--month", "2026-03", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["按投诉类别"]["验收不合格"] == 1 and isinstance(data["按投诉类别"]["其他"], int)
    assert data["期间"] == "2026年3月"
    pdf, xlsx = tmp_path / "m.pdf", tmp_path / "m.xlsx"
    assert cli.main([*base, "survey", "--year", "2026", "-o", str(pdf), "--xlsx", str(xlsx)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    capsys.readouterr()
    for args, message in (
        (["monthly", "--month", "2026-13"], "月份“2026-13”无效"),
        (["response", "--from", "2026-03-02", "--to", "2026-03-01"], "晚于截止日期"),
        (["staff", "--year", "二〇二六"], "年份"),
        (["staff", "--year", "2026", "-o", str(tmp_path / "none" / "x.pdf")], "不存在"),
        (["staff", "--year", "2026", "-o", str(tmp_path)], "应以 .pdf 结尾"),
    ):
        assert cli.main([*base, *args]) == 1, args
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, (args, err)


def test_a_call_dispatched_at_once_on_the_hotline_records_its_phone_response(ctx: Any) -> None:
    from desktop.services.tickets import save_call

    raw = {"call_date": "2026-03-20", "call_time": "09:10", "receiver": STAFF, "customer_unit": "北京市第一人民医院",
           "caller_name": "张丽", "caller_phone": "13812345678", "issue_type": "验收数量不足", "issue": "少了两箱",
           "assigned_staff": "李娜", "callback_date": "2026-03-20", "callback_time": "11:00"}
    rec = save_call(ctx.records, raw, by=STAFF).record
    assert rec.status == tk.ASSIGNED
    assert (rec.values.fields["responded_date"], rec.values.fields["responded_time"]) == (
        dt.date(2026, 3, 20), dt.time(9, 30))
    # Within the two hours promised: kept.
    data = report_json(make_report(ctx.records, "response", *parse_range("2026-03-20", "2026-03-20")))
    assert data["按服务内容（响应时间表）"]["产品验收数量不足"]["电话响应按时"] == 1


def test_a_step_passed_without_a_recorded_time_is_not_guessed() -> None:
    from desktop.services.reports.response import BROKEN, KEPT, NOT_DUE, UNRECORDED, judge

    due, now = dt.datetime(2026, 3, 18, 10, 0), dt.datetime(2026, 3, 20, 9, 30)
    assert judge(due, dt.datetime(2026, 3, 18, 10, 0), now) == KEPT
    assert judge(due, dt.datetime(2026, 3, 18, 10, 1), now) == BROKEN
    assert judge(due, None, now) == BROKEN  # still open, past its deadline
    assert judge(dt.datetime(2026, 3, 20, 11, 0), None, now) == NOT_DUE
    # A ticket saved before the times were recorded, already past the step: neither kept nor broken.
    assert judge(due, None, now, past=True) == UNRECORDED
    assert judge(None, None, now) is None


def test_a_voided_duplicate_counts_nowhere_in_the_monthly_report(ctx: Any) -> None:
    """A complaint registered twice and voided (已作废) is not a second complaint: not in the month's
    figures, its trend or the recall signal, and not among the records a figure opens."""
    from desktop.domain import complaint as c
    from desktop.domain.records import to_json

    svc = ctx.records
    lines = [{"product_name": "84 消毒液", "quantity": "2", "unit": "桶", "batch_no": "SH250301"}]
    first = complaint(svc, "2026-03-05", items=lines)
    duplicate = complaint(svc, "2026-03-06", items=lines)
    svc.transition("complaint", duplicate.id, c.VOIDED, to_json(c.SPEC, duplicate), by=STAFF,
                   note=f"与 {first.number} 重复登记")
    march = report_json(monthly(svc, "2026-03"))
    assert march["本月概况"]["受理投诉"] == 1
    assert march["按产品"] == {"84 消毒液": 1}
    assert march["近十二个月趋势"]["2026-03"]["投诉"] == 1
    assert march["召回预警：近十二个月投诉或退换货超过一次的批次"] == []  # one complaint, not two
    report = monthly(svc, "2026-03")
    trend = next(r for r in report.table("trend").rows if r.cells[0] == "2026-03")
    assert numbers(find_refs(svc, trend.queries_at(1))) == {first.number}
