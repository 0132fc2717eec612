"""Complete records of every form, built in memory, for the PDF tests (and for looking at the PDFs).

``sample(kind)`` is a realistic record with every field and table column filled; ``stress=True``
adds what the tests need on top: the literal ``<b>&`` in a text field, a 5,000-character long text
ending in a marker, and a source link.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from desktop.domain.fields import RecordValues
from desktop.domain.records import Record
from desktop.domain.settings import Settings

COMPANY = "华安消杀药品有限公司"
USER_MARKUP = "<b>&"
LONG_END = "【长文本结束ZZ-END-4321】"
SOURCE = ("complaint", "5d1a2b3c-1111-4222-8333-444455556666", "TS-2026-A3-0007")
SURVEY_SOURCE = ("service-report", "7e1a2b3c-1111-4222-8333-444455556666", "FW-2026-A3-0012")


def settings(**changes: Any) -> Settings:
    s = Settings(
        company_name=COMPANY,
        company_address="北京市大兴区康庄路 8 号",
        company_phone="400-800-1234",
        laptop_code="A3",
        staff_name="王晓明",
    )
    for key, value in changes.items():
        setattr(s, key, value)
    return s


def long_text(length: int = 5000) -> str:
    paragraph = "：现场检查发现库房通风不良，部分药剂包装破损（已拍照），建议整改后复查！\n"
    units = "".join(f"　　第{i:03d}段{paragraph}" for i in range(300))
    return units[: length - len(LONG_END)] + LONG_END


def _complaint() -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], str, str]:
    fields = {
        "received_date": dt.date(2026, 3, 15),
        "channel": "电话",
        "receiver": "王晓明",
        "severity": "严重投诉",
        "category": "使用中质量问题",
        "complainant_unit": "朝阳区第3人民医院后勤处",
        "complainant_name": "李红",
        "complainant_phone": "010-65432198",
        "complainant_address": "北京市朝阳区安贞路28号院3号楼205室",
        "reason": "1月10日购买20桶，阴凉处储存，按1:100稀释使用，第3天浓度不足200mg/L。\n请尽快处理！",
        "investigator": "赵强",
        "investigation_date": dt.date(2026, 3, 17),
        "findings": "抽取同批次未开封产品2桶送检，库房温度31度。",
        "investigation_opinion": "初步判断为储存温度过高导致有效氯分解。",
        "quality_determination": "难以界定（退回公司质量部门鉴定）",
        "determined_by": "孙丽",
        "determined_role": "品质部",
        "determined_date": dt.date(2026, 3, 20),
        "resolution": "免费更换",
        "cost_bearer": "双方协商分担",
        "cost_amount": Decimal("125.50"),
        "company_pays_shipping": True,
        "improvement_measures": "1. 标签加注避免高温存放；\n2. 培训客户库管人员共4人。",
        "mgmt_rep_name": "周建国",
        "mgmt_rep_decision": "同意",
        "mgmt_rep_date": dt.date(2026, 3, 21),
        "gm_name": "陈志远",
        "gm_decision": "修改后同意",
        "gm_date": dt.date(2026, 3, 22),
        "approval_comment": "同意换货，运费由公司承担。",
        "feedback_date": dt.date(2026, 3, 23),
        "appeal_notice_given": False,
        "feedback_content": "已电话告知处理结果，第2天发货。",
        "complainant_opinion": "满意，评分5分。",
        "revisit_date": dt.date(2026, 4, 10),
        "closed_date": dt.date(2026, 4, 12),
        "revisit_result": "换货后使用正常，浓度达到500mg/L。",
        "reopen_reason": "客户再次来电：更换后的第二批仍有沉淀，重新打开处理。",
        "void_reason": "与 TS-2026-A3-0006 重复登记。",
    }
    items = [
        {"product_name": "84消毒液5L", "packaging": "桶装", "quantity": Decimal("20"), "unit": "桶",
         "batch_no": "20260105-A3", "purchase_place": "北京仓", "use_date": dt.date(2026, 3, 8),
         "expiry_date": dt.date(2027, 1, 4)},
        {"product_name": "杀虫气雾剂600ml", "packaging": "罐装", "quantity": Decimal("2.5"), "unit": "箱",
         "batch_no": "QW2512-07", "purchase_place": "线上商城", "use_date": dt.date(2026, 3, 10),
         "expiry_date": dt.date(2026, 3, 1)},
    ]
    return fields, {"items": items}, "已关闭", "TS-2026-A3-0007"


def _service_report() -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], str, str]:
    fields = {
        "service_type": "投诉处理",
        "contact_way": "上门",
        "service_date": dt.date(2026, 3, 18),
        "staff": "赵强、何雪",
        "arrival_time": dt.time(9, 30),
        "departure_time": dt.time(11, 45),
        "customer_unit": "朝阳区第3人民医院后勤处",
        "contact_name": "李红",
        "contact_phone": "010-65432198",
        "customer_address": "北京市朝阳区安贞路28号院3号楼205室",
        "usage_overview": "84消毒液按1:100稀释后用于病区地面拖拭，每日2次；杀虫气雾剂用于食堂及库房。",
        "problems_found": "消毒药品库房无温度计，夏季室温超过30℃；2桶消毒液桶盖未拧紧。",
        "actions_taken": "现场复测有效氯浓度为480mg/L，合格；指导库管人员密闭、避光、阴凉储存，"
        "张贴储存须知。",
        "new_needs": "希望增加灭蟑胶饵，并为保洁人员安排1次消杀培训。",
        "customer_comment": "服务及时，讲解清楚，满意。",
    }
    products = [
        {"product_name": "84消毒液（有效氯5%）", "batch_no": "20260105-A3", "storage_state": "基本符合",
         "usage_note": "稀释比例正确，每日2次"},
        {"product_name": "4.5%高效氯氰菊酯悬浮剂", "batch_no": "LQ250109", "storage_state": "符合要求",
         "usage_note": "按1:200兑水滞留喷洒"},
    ]
    materials = [
        {"product_name": "4.5%高效氯氰菊酯悬浮剂", "registration_no": "WP20180123", "dilution": "1:200",
         "amount": Decimal("1.5"), "amount_unit": "升", "target": "蚊", "method": "滞留喷洒",
         "area": "食堂外绿化带约600㎡"},
        {"product_name": "2.5%吡虫啉杀蟑胶饵", "registration_no": "WL20150456", "dilution": "原药",
         "amount": Decimal("120"), "amount_unit": "克", "target": "蟑螂", "method": "胶饵点施",
         "area": "后厨操作间、仓库墙角"},
        {"product_name": "含氯消毒片", "registration_no": "卫消证字(2019)第0012号", "dilution": "500 mg/L",
         "amount": Decimal("40"), "amount_unit": "片", "target": "细菌、病毒（消毒）", "method": "擦拭",
         "area": "门诊大厅物体表面"},
    ]
    return fields, {"products": products, "materials": materials}, "已完成", "FW-2026-A3-0012"


def _survey() -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], str, str]:
    fields = {
        "survey_type": "服务后调查",
        "survey_way": "现场填写",
        "survey_date": dt.date(2026, 3, 18),
        "surveyor": "何雪",
        "customer_unit": "朝阳区第3人民医院后勤处",
        "respondent": "李红",
        "respondent_position": "后勤处副处长",
        "respondent_phone": "13812345678",
        "returned_date": dt.date(2026, 3, 19),
        "score_quality": 4,
        "score_delivery": 5,
        "score_response": 5,
        "score_attitude": 5,
        "score_skill": 4,
        "score_resolution": 3,
        "score_training": 2,
        "score_overall": 4,
        "suggestions": "希望每季度安排1次上门回访，并提供消毒剂稀释对照表。",
    }
    return fields, {}, "已回收", "MY-2026-A3-0031"


def _return_request() -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], str, str]:
    fields = {
        "request_date": dt.date(2026, 3, 18),
        "staff": "王晓明",
        "customer_unit": "朝阳区第3人民医院后勤处",
        "contact_name": "李红",
        "contact_phone": "010-65432198",
        "customer_address": "北京市朝阳区安贞路28号院3号楼205室",
        "reason_type": "使用中质量问题",
        "reason_details": "同批次2桶有效氯浓度不足200mg/L，桶身无破损，储存条件经核实符合要求。",
        "quality_determination": "属于质量问题",
        "determined_by": "孙丽",
        "determined_role": "品质部",
        "determined_date": dt.date(2026, 3, 20),
        "determination_basis": "留样复检有效氯含量3.1%，低于标示值5%（±10%）。",
        "handling": "换货",
        "cost_bearer": "公司承担",
        "cost_amount": Decimal("0"),
        "shipping_way": "公司安排物流取回",
        "shipping_by_company": True,
        "waybill_no": "SF1234567890",
        "approver_name": "周建国",
        "approver_role": "管理者代表",
        "approval_decision": "同意",
        "approval_date": dt.date(2026, 3, 21),
        "approval_comment": "同意免费换货，运费由公司承担。",
        "completed_date": dt.date(2026, 3, 24),
        "completion_note": "新品20桶已于3月23日送达并验收合格，问题产品已取回。",
    }
    items = [
        {"product_name": "84消毒液（有效氯5%）", "packaging": "桶装", "batch_no": "20260105-A3",
         "quantity": Decimal("20"), "unit": "桶", "note": "整批更换"},
    ]
    return fields, {"items": items}, "已完成", "TH-2026-A3-0004"


BUILDERS = {
    "complaint": _complaint,
    "service-report": _service_report,
    "survey": _survey,
    "return-request": _return_request,
}
LONG_FIELD = {  # the field that gets the 5,000-character text in the stress version
    "complaint": "reason",
    "service-report": "problems_found",
    "survey": "suggestions",
    "return-request": "reason_details",
}
MARKUP_FIELD = {  # a one-line text field that gets the literal <b>&
    "complaint": "complainant_name",
    "service-report": "contact_name",
    "survey": "respondent_position",
    "return-request": "waybill_no",
}


def _from_example(kind: str) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], str, str]:
    """The other kinds (registers and the desk's records): their ``example KIND`` record, with its
    computed fields worked out as a save would."""
    from desktop.domain.fields import FieldType
    from desktop.domain.forms import SPECS, WORKFLOWS
    from desktop.domain.validation import parse_record, strip_blank_rows
    from desktop.domain.workflow import DeriveContext
    from desktop.services.demo import example_object

    spec = SPECS[kind]
    obj = example_object(kind, dt.date(2026, 3, 18))
    values, issues = parse_record(spec, obj)
    assert issues == [], issues
    strip_blank_rows(spec, values)
    if WORKFLOWS[kind].derive is not None:
        WORKFLOWS[kind].derive(values, DeriveContext(settings=settings(), today=dt.date(2026, 3, 18)))
    fields = spec.fields()
    LONG_FIELD.setdefault(kind, next(f.key for f in fields if f.type is FieldType.LONGTEXT))
    MARKUP_FIELD.setdefault(kind, next(f.key for f in fields if f.type is FieldType.TEXT and not f.read_only
                                       and not f.computed))
    return values.fields, values.tables, obj["status"], f"{spec.number_prefix}-2026-A3-0009"


def sample(kind: str, stress: bool = False, source: bool = True) -> Record:
    fields, tables, status, number = BUILDERS.get(kind, lambda: _from_example(kind))()
    if stress:
        fields[LONG_FIELD[kind]] = long_text()
        fields[MARKUP_FIELD[kind]] = f"{fields[MARKUP_FIELD[kind]]}{USER_MARKUP}"
    now = dt.datetime(2026, 3, 18, 9, 30, tzinfo=dt.UTC)
    # Follow-on records come from a complaint (a survey from a service report); a complaint has a
    # source only in the stress version, to exercise the renderer.
    linked = source and (kind != "complaint" or stress)
    src = SURVEY_SOURCE if kind in ("survey", "complaint") else SOURCE
    return Record(
        kind=kind,
        id="9b0c3f0e-1111-4222-8333-4444555566" + str(len(kind)).zfill(2),
        number=number,
        status=status,
        values=RecordValues(fields=fields, tables=tables, photos={}),
        created_at=now,
        updated_at=now,
        source_kind=src[0] if linked else None,
        source_id=src[1] if linked else None,
        source_number=src[2] if linked else None,
    )
