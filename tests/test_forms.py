"""The service report, satisfaction survey and return request: rules, lifecycles, links."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.domain import complaint as c
from desktop.domain import return_request as rr
from desktop.domain import service_report as sr
from desktop.domain import survey as sv
from desktop.domain.fields import FieldType, ValueError_, parse_value
from desktop.domain.forms import SPECS, WORKFLOWS
from desktop.domain.survey_rules import average_score
from desktop.domain.validation import ValidationFailed, parse_record, strip_blank_rows
from desktop.domain.workflow import check_status
from desktop.services.demo import example_object
from desktop.services.transfer import dump_records, import_records
from tests.support import TODAY, context, example

KINDS = list(SPECS)


def parsed(kind, obj):
    values, issues = parse_record(SPECS[kind], obj)
    strip_blank_rows(SPECS[kind], values)
    assert issues == []
    return values


def test_times_and_scores_are_parsed():
    t = SPECS["service-report"].field("arrival_time")
    assert parse_value(t, "9:05") == dt.time(9, 5)
    assert parse_value(t, "0930") == dt.time(9, 30)
    assert parse_value(t, "14时30分") == dt.time(14, 30)
    with pytest.raises(ValueError_, match="时间无效"):
        parse_value(t, "25:00")
    score = SPECS["survey"].field("score_quality")
    assert score.type is FieldType.SCORE and parse_value(score, "5") == 5 and parse_value(score, 3) == 3
    for bad in ("0", "6", "4.5", True, "很好"):
        with pytest.raises(ValueError_, match="1 到 5"):
            parse_value(score, bad)


def test_service_report_departure_after_arrival_and_times_for_visits():
    obj = example_object("service-report", TODAY)
    obj.update(arrival_time="15:00", departure_time="14:10")
    v = parsed("service-report", obj)
    assert [i.path for i in WORKFLOWS[sr.SPEC.kind].check(v, TODAY)] == ["departure_time"]
    obj.update(arrival_time=None, departure_time=None)
    v = parsed("service-report", obj)
    paths = {i.path for i in check_status(WORKFLOWS["service-report"], v, sr.COMPLETED, TODAY)}
    assert paths == {"arrival_time", "departure_time"}  # on-site service: times are recorded
    obj.update(service_type="远程回访", contact_way="电话")
    v = parsed("service-report", obj)
    assert check_status(WORKFLOWS["service-report"], v, sr.COMPLETED, TODAY) == []


def test_survey_needs_the_scores_when_returned_but_training_may_stay_empty():
    obj = example_object("survey", TODAY)
    obj["score_training"] = None
    v = parsed("survey", obj)
    assert check_status(WORKFLOWS["survey"], v, sv.RETURNED, TODAY) == []
    obj["score_response"] = None
    v = parsed("survey", obj)
    assert [i.path for i in check_status(WORKFLOWS["survey"], v, sv.RETURNED, TODAY)] == ["score_response"]
    assert average_score(parsed("survey", {"score_quality": 5, "score_delivery": 4})) == 4.5
    assert average_score(parsed("survey", {})) is None


@pytest.mark.parametrize("reason,determination,company", [
    ("验收数量不足", None, True),
    ("验收不合格", None, True),
    ("使用中质量问题", c.QUALITY_PROBLEM, True),
    ("使用中质量问题", c.NOT_QUALITY_PROBLEM, False),
    ("使用不当", c.NOT_QUALITY_PROBLEM, False),
])
def test_who_pays_for_a_return_follows_the_commitment(reason, determination, company):
    obj = example_object("return-request", TODAY)
    obj.update(reason_type=reason, quality_determination=determination or c.QUALITY_PROBLEM,
               cost_bearer=rr.CUSTOMER_PAYS, cost_amount=50, shipping_by_company=False,
               shipping_way="公司安排物流取回")
    v = parsed("return-request", obj)
    paths = {i.path for i in check_status(WORKFLOWS["return-request"], v, rr.APPROVED, TODAY)}
    if company:
        assert {"cost_bearer", "shipping_by_company"} <= paths
    else:
        assert paths == set()
        obj["cost_amount"] = None
        v = parsed("return-request", obj)
        paths = {i.path for i in check_status(WORKFLOWS["return-request"], v, rr.APPROVED, TODAY)}
        assert paths == {"cost_amount"}


def test_a_return_is_rejected_only_with_a_no():
    obj = example_object("return-request", TODAY)
    v = parsed("return-request", obj)
    paths = {i.path for i in check_status(WORKFLOWS["return-request"], v, rr.REJECTED, TODAY)}
    assert paths == {"approval_decision"}
    obj["approval_decision"] = "不同意"
    v = parsed("return-request", obj)
    assert check_status(WORKFLOWS["return-request"], v, rr.REJECTED, TODAY) == []
    assert "approval_decision" in {i.path for i in check_status(WORKFLOWS["return-request"], v, rr.APPROVED, TODAY)}


def test_follow_on_records_start_from_their_source_and_link_back(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    (complaint,) = import_records(svc, example()).records
    raw, link = svc.follow_on("complaint", complaint.id, "return-request")
    f = complaint.values.fields
    assert raw["customer_unit"] == f["complainant_unit"] and raw["contact_name"] == f["complainant_name"]
    assert raw["contact_phone"] == f["complainant_phone"]
    assert [(r["product_name"], r["batch_no"]) for r in raw["items"]] == [
        (r["product_name"], r["batch_no"]) for r in complaint.values.tables["items"]]
    assert raw["quality_determination"] == c.QUALITY_PROBLEM and raw["reason_details"] == f["reason"]
    assert [p.sha256 for p in raw["photos"]] == [p.sha256 for p in complaint.values.photos["photos"]]
    raw.setdefault("reason_type", "使用中质量问题")  # a 服务投诉 has no return reason of its own: the clerk picks
    returned = svc.create("return-request", raw, source=link).record
    assert (returned.source_kind, returned.source_id, returned.source_number) == ("complaint", complaint.id,
                                                                                  complaint.number)
    raw, link = svc.follow_on("complaint", complaint.id, "service-report")
    assert raw["service_type"] == "投诉处理"
    assert raw["products"][0]["batch_no"] == complaint.values.tables["items"][0]["batch_no"]
    raw.update(staff="何雪")
    report = svc.create("service-report", raw, source=link).record
    raw, link = svc.follow_on("service-report", report.id, "survey")
    assert raw["customer_unit"] == f["complainant_unit"] and raw["respondent"] == f["complainant_name"]
    survey = svc.create("survey", raw, source=link).record

    assert [(x.kind, x.number, x.relation) for x in svc.linked("complaint", complaint.id)] == [
        ("service-report", report.number, "follow-on"), ("return-request", returned.number, "follow-on")]
    assert [(x.kind, x.relation) for x in svc.linked("service-report", report.id)] == [
        ("complaint", "source"), ("survey", "follow-on")]
    assert [(x.number, x.relation) for x in svc.linked("survey", survey.id)] == [(report.number, "source")]
    assert returned.number.startswith("TH-") and report.number.startswith("FW-") and survey.number.startswith("MY-")
    ctx.close()


@pytest.mark.timeout(600)  # every form, dumped and imported: tens of seconds on a busy machine
def test_every_form_round_trips_through_dump_and_import_with_links(tmp_path, capsys):
    ctx = context(tmp_path)
    from desktop.services.demo import load_demo

    n = load_demo(ctx.records, 14)
    counts = {k: ctx.records.count(k) for k in KINDS}
    assert sum(counts.values()) == n and all(counts.values()), counts
    statuses = {k: {r.status for r in ctx.records.search(k)} for k in KINDS}
    assert statuses["return-request"] == set(rr.STATUSES) and statuses["survey"] == set(sv.STATUSES)
    dumped = dump_records(ctx.records)
    assert sum(1 for d in dumped if d["source"]) > 5
    ctx.close()
    path = tmp_path / "all.json"
    path.write_text(json.dumps(dumped, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(path)]) == 0
    assert main(["--data-dir", str(other), "dump", "-o", str(tmp_path / "again.json")]) == 0
    capsys.readouterr()
    assert json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))["records"] == dumped


@pytest.mark.parametrize("kind", KINDS)
def test_example_of_every_kind_imports(tmp_path, capsys, kind):
    assert main(["example", kind]) == 0
    (tmp_path / "e.json").write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "e.json")]) == 0
    out = capsys.readouterr().out
    prefix = SPECS[kind].number_prefix
    assert f"{prefix}-" in out


def test_a_draft_report_may_be_deleted_but_not_a_completed_one(tmp_path):
    from desktop.domain.workflow import TransitionRefused

    ctx = context(tmp_path)
    svc = ctx.records
    obj = example_object("service-report", TODAY)
    draft = svc.create("service-report", obj | {"status": None}).record
    (done,) = import_records(svc, obj).records
    with pytest.raises(TransitionRefused, match="草稿"):
        svc.delete("service-report", done.id)
    svc.delete("service-report", draft.id)
    assert svc.count("service-report") == 1
    with pytest.raises(ValidationFailed):
        svc.create("survey", {"survey_type": "年度调查"})  # no date, no customer
    ctx.close()


def test_search_in_each_register(tmp_path):
    from desktop.services.demo import load_demo

    ctx = context(tmp_path)
    load_demo(ctx.records, 8)
    for kind in KINDS:
        rows = ctx.records.search(kind)
        assert rows, kind
        row = rows[0]
        assert set(row.cells) == set(SPECS[kind].register)
        assert ctx.records.search(kind, row.number) == [row]
    ctx.close()


def test_a_delivery_leads_to_its_use_record_and_to_a_complaint_about_its_acceptance(tmp_path):
    ctx = context(tmp_path)
    svc = ctx.records
    obj = example_object("delivery", TODAY)
    obj.update(acceptance_result="数量不足", acceptance_note="到货 36 箱，送货单 40 箱。")
    (delivery,) = import_records(svc, [obj]).records

    raw, link = svc.follow_on("delivery", delivery.id, "use-record")
    assert (raw["customer_unit"], raw["product_name"], raw["batch_no"], raw["delivery_number"]) == (
        obj["customer_unit"], obj["product_name"], obj["batch_no"], delivery.number)
    raw.update(storage_state="符合要求")
    used = svc.create("use-record", raw, source=link).record

    raw, link = svc.follow_on("delivery", delivery.id, "complaint")
    assert raw["category"] == "验收数量不足" and raw["reason"] == "到货 36 箱，送货单 40 箱。"
    assert raw["complainant_unit"] == obj["customer_unit"]
    assert raw["items"] == [{"product_name": obj["product_name"], "batch_no": obj["batch_no"], "unit": obj["unit"],
                             "quantity": obj["quantity"]}]
    raw.update(channel="电话", severity="一般投诉", complainant_name="张丽", complainant_phone="13912345678",
               receiver=raw.get("receiver") or "王测试")
    complaint = svc.create("complaint", raw, source=link).record
    assert {(x.kind, x.number) for x in svc.linked("delivery", delivery.id)} >= {
        ("use-record", used.number), ("complaint", complaint.number)}
    ctx.close()


def test_a_complaint_row_keeps_the_expiry_of_its_delivered_batch_and_prints_it(tmp_path):
    from pypdf import PdfReader

    from desktop.services.export import export_record

    ctx = context(tmp_path)
    svc = ctx.records
    sent = example_object("delivery", TODAY)
    sent.update(delivery_date="2025-03-01", production_date="2025-02-01", acceptance_date="2025-03-02",
                shelf_life_months=12, batch_no="HL250412")
    import_records(svc, [sent])
    obj = example_object("complaint", TODAY)
    obj["complainant_unit"] = sent["customer_unit"]
    obj["items"][0].update(batch_no="hl 250412", use_date="2026-03-05")  # typed loosely: still that batch
    obj.pop("status")
    complaint = svc.create("complaint", {k: v for k, v in obj.items() if k not in ("kind", "photos")}).record
    rows = complaint.values.tables["items"]
    assert rows[0]["expiry_date"] == dt.date(2026, 2, 28)  # delivered 2025-03-01, a year's shelf life
    assert all(r["expiry_date"] is None for r in rows[1:] if r["batch_no"] != "HL250412")
    out = export_record(svc, complaint, tmp_path / "c.pdf")
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace(" ", "")
    assert "有效期至" in text and "2026-02-28" in text
    ctx.close()
