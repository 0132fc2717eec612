"""Demo records of the service report, satisfaction survey and return request.

Like the demo complaints they are JSON objects written through the importer; follow-on records
start from ``domain.links.follow_on_values`` of a stored record, as the window does, and carry its
``source``.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ..domain import complaint as c
from ..domain import return_request as rr
from ..domain import service_report as sr
from ..domain import survey as sv
from ..domain.links import follow_on_values
from ..domain.records import Record

# (name, registration number, typical dilution, amount unit, target, method) of products applied on site.
MATERIALS = [
    ("4.5% 高效氯氰菊酯悬浮剂", "WP20190123", "1:200", "毫升", "蚊", "滞留喷洒"),
    ("10% 高效氯氟氰菊酯微囊悬浮剂", "WP20200087", "1:300", "毫升", "蝇", "滞留喷洒"),
    ("2.5% 吡虫啉杀蟑胶饵", "WP20180041", "原药点施", "克", "蟑螂", "胶饵点施"),
    ("0.005% 溴敌隆毒饵", "WP20170058", "原药", "千克", "鼠类", "毒饵（毒饵站）"),
    ("84 消毒液（有效氯 5%）", "卫消证字（2021）第 0012 号", "1:100（有效氯 500 mg/L）", "升", "细菌、病毒（消毒）", "擦拭"),
    ("过氧乙酸消毒液 15%", "卫消证字（2020）第 0335 号", "0.2%", "升", "细菌、病毒（消毒）", "喷洒消毒"),
]
# Where each method is used (issue 13: no peracetic acid sprayed at bait stations).
AREAS = {
    "滞留喷洒": "绿化带及垃圾站周边墙面，约 300 m²",
    "胶饵点施": "后厨操作间及仓库缝隙，约 120 m²",
    "毒饵（毒饵站）": "食堂外围墙角 24 个毒饵站",
    "擦拭": "病区走廊及污物间物体表面",
    "喷洒消毒": "发热门诊污物间及医疗废物暂存间，约 60 m²",
}
SUGGESTIONS = [
    "希望配送前提前一天电话告知，方便安排验收人员。",
    "建议增加一次针对保洁人员的配药和个人防护培训。",
    "产品说明书字太小，希望提供大字版的稀释对照表。",
    "服务及时，态度很好，希望保持。",
    "夏季蚊虫高峰期希望每月上门检查一次。",
]


def _when(rng: random.Random, today: dt.date, lo: int, hi: int) -> dt.date:
    return today - dt.timedelta(days=rng.randint(lo, hi))


def service_report_object(rng: random.Random, today: dt.date, status: str, units: list[tuple[str, str, str]],
                          people: list[str], staff: list[str], products: list[tuple[str, str, str, str]],
                          prefill: dict[str, Any] | None = None, date: dt.date | None = None) -> dict[str, Any]:
    """A service report; ``prefill`` (from a complaint) wins over the generated customer fields."""
    unit, address, phone = rng.choice(units)
    kind = (prefill or {}).get("service_type") or rng.choice(["远程回访", "上门走访", "上门走访", "验收", "培训"])
    on_site = kind != "远程回访"
    date = date or _when(rng, today, 1, 50)
    obj: dict[str, Any] = {
        "kind": "service-report",
        "status": status,
        "service_type": kind,
        "contact_way": "上门" if on_site else rng.choice(["电话", "邮件"]),
        "service_date": date.isoformat(),
        "staff": rng.choice(staff),
        "customer_unit": unit,
        "contact_name": rng.choice(people),
        "contact_phone": phone,
        "customer_address": address,
        "products": [
            {"product_name": name, "batch_no": batch, "storage_state": rng.choice(sr.STORAGE_STATES[:2]),
             "usage_note": rng.choice(["按说明书配制使用", "已用完约一半", "尚未开封", "稀释比例偏高，已纠正"])}
            for name, _pack, _unit, batch in rng.sample(products, rng.choice([1, 2]))
        ],
        "usage_overview": "产品储存于专用库房，通风避光；使用人员按说明书配制，配药记录完整。",
        "problems_found": rng.choice([
            "后厨排水沟周边发现蟑螂活动痕迹（卵鞘、粪迹），密度高于上次检查。",
            "库房内两桶消毒液未按先进先出使用，其中一桶距保质期满不足两个月。",
            "毒饵站 3 处被移动、2 处毒饵受潮。",
            "未发现明显问题。",
        ]),
        "new_needs": rng.choice(["希望增加夏季灭蚊频次。", "需要 20 个新毒饵站。", "无。"]),
    }
    if on_site:
        start = rng.choice([9, 10, 14, 15])
        obj["arrival_time"] = f"{start:02d}:{rng.choice(['00', '15', '30'])}"
        obj["departure_time"] = f"{start + rng.choice([1, 2]):02d}:{rng.choice(['00', '20', '45'])}"
        obj["materials"] = []
        for name, reg, dilution, unit_, target, method in rng.sample(MATERIALS, rng.choice([1, 2, 3])):
            obj["materials"].append({
                "product_name": name, "registration_no": reg, "dilution": dilution,
                "amount": rng.choice([0.5, 1, 2, 2.5, 5, 12]), "amount_unit": unit_, "target": target,
                "method": method, "area": AREAS[method],
            })
    if prefill:
        obj.update({k: v for k, v in prefill.items() if k != "service_date"})
        if "staff" not in prefill:
            obj["staff"] = rng.choice(staff)
    if status == sr.COMPLETED:
        obj["actions_taken"] = rng.choice([
            "对重点区域补施药剂并更换受潮毒饵；向后勤负责人讲解储存要求，张贴稀释对照表。",
            "现场核对批号和有效期，将临期产品调整为优先使用；检查配药记录并签字确认。",
            "电话回访了解使用情况，解答稀释比例问题，记录新需求转销售部。",
        ])
        obj["customer_comment"] = rng.choice(["满意", "服务及时，问题已解决", "希望下次提前预约"])
    return obj


def survey_object(rng: random.Random, today: dt.date, status: str, units: list[tuple[str, str, str]],
                  people: list[str], staff: list[str], prefill: dict[str, Any] | None = None,
                  date: dt.date | None = None) -> dict[str, Any]:
    unit, _address, phone = rng.choice(units)
    date = date or _when(rng, today, 5, 40)
    obj: dict[str, Any] = {
        "kind": "survey",
        "status": status,
        "survey_type": "年度调查",
        "survey_way": "纸质表格",
        "survey_date": date.isoformat(),
        "surveyor": rng.choice(staff),
        "customer_unit": unit,
        "respondent": rng.choice(people),
        "respondent_position": rng.choice(["后勤处", "总务科", "院感科", "办公室"]),
        "respondent_phone": phone,
    }
    if prefill:
        obj.update({k: v for k, v in prefill.items() if k != "survey_date"})
    if status == sv.RETURNED:
        for key, _label in sv.SCORE_ITEMS:
            obj[key] = rng.choice([3, 4, 4, 5, 5, 5])
        if rng.random() < 0.3:
            obj["score_training"] = None  # no training took place
        obj[sv.OVERALL[0]] = rng.choice([4, 4, 5, 5, 3])
        obj["returned_date"] = min(date + dt.timedelta(days=rng.randint(0, 5)), today).isoformat()
        obj["suggestions"] = rng.choice(SUGGESTIONS)
    return obj


def return_request_object(rng: random.Random, today: dt.date, status: str, units: list[tuple[str, str, str]],
                          people: list[str], staff: list[str], products: list[tuple[str, str, str, str]],
                          prefill: dict[str, Any] | None = None, date: dt.date | None = None) -> dict[str, Any]:
    unit, address, phone = rng.choice(units)
    order = rr.STATUSES.index(status)
    date = date or _when(rng, today, 12, 40)
    obj: dict[str, Any] = {
        "kind": "return-request",
        "status": status,
        "request_date": date.isoformat(),
        "staff": rng.choice(staff),
        "customer_unit": unit,
        "contact_name": rng.choice(people),
        "contact_phone": phone,
        "customer_address": address,
        "items": [
            {"product_name": name, "packaging": pack, "batch_no": batch, "quantity": rng.choice([2, 4, 6]),
             "unit": unit_, "note": ""}
            for name, pack, unit_, batch in rng.sample(products, 1)
        ],
        "reason_type": rng.choice(rr.REASONS),
        "reason_details": "到货验收时发现包装破损、药液渗漏，已拍照留存。",
    }
    if prefill:
        obj.update({k: v for k, v in prefill.items() if k not in ("request_date",)})
        if obj.get("reason_type") is None:
            obj["reason_type"] = "使用中质量问题"
    day = dt.date.fromisoformat(obj["request_date"])

    def later(n: int) -> str:
        nonlocal day
        day = min(day + dt.timedelta(days=n), today)
        return day.isoformat()

    if order >= 1:
        if obj["reason_type"] == "使用不当":
            det = c.NOT_QUALITY_PROBLEM
        else:
            det = obj.get("quality_determination") or c.QUALITY_PROBLEM
        obj.update({
            "quality_determination": det,
            "determined_by": obj.get("determined_by") or "品质部 周工",
            "determined_role": obj.get("determined_role") or "品质部",
            "determined_date": later(2),
            "determination_basis": obj.get("determination_basis") or "留样复检有效成分含量低于标示值的 90%，判定为产品质量问题。",
        })
        if obj["determined_date"] < (obj.get("request_date") or ""):
            obj["determined_date"] = obj["request_date"]
    must_pay = obj["reason_type"] in ("验收数量不足", "验收不合格") or (
        obj["reason_type"] == "使用中质量问题" and obj.get("quality_determination") == c.QUALITY_PROBLEM)
    if status == rr.REJECTED:
        obj.update({
            "approver_name": "林振华", "approver_role": "管理者代表", "approval_decision": "不同意",
            "approval_date": later(1), "approval_comment": "经复检产品合格，问题系储存不当所致，按承诺书第三条协商处理，不予退货。",
        })
    elif order >= 2:
        obj.update({
            "handling": "补发" if obj["reason_type"] == "验收数量不足" else rng.choice(["换货", "退货退款"]),
            "cost_bearer": rr.COMPANY_PAYS if must_pay else rr.CUSTOMER_PAYS,
            "cost_amount": None if must_pay else rng.choice([80, 150.5]),
            "shipping_way": "无需退回" if obj["reason_type"] == "验收数量不足" else "公司安排物流取回",
            "shipping_by_company": must_pay,
            "waybill_no": f"SF{rng.randint(10**11, 10**12 - 1)}",
            "approver_name": "林振华", "approver_role": "管理者代表", "approval_decision": "同意",
            "approval_date": later(1), "approval_comment": "同意按承诺书办理。",
        })
    if status == rr.DONE:
        note = {
            "换货": "新产品已送达并验收合格，问题产品已收回公司质量部门。",
            "退货退款": "问题产品已收回公司质量部门，货款已按原价退回采购单位账户。",
            "补发": "补发产品已送达并验收合格，数量与送货单一致。",
            "召回": "该批次产品已全部召回，公司质量部门留样复检。",
        }.get(obj.get("handling", ""), "问题产品已收回公司质量部门。")
        obj.update({"completed_date": later(3), "completion_note": note})
    return obj


def follow_ons(rng: random.Random, today: dt.date, complaints: list[Record], units: list[tuple[str, str, str]],
               people: list[str], staff: list[str], products: list[tuple[str, str, str, str]]) -> list[dict[str, Any]]:
    """A service report for every complaint being handled or later, a return request for each quality
    problem among them — each made from its complaint and pointing back at it."""
    out: list[dict[str, Any]] = []
    handled = (c.HANDLING, c.FED_BACK, c.REVISITED, c.CLOSED)
    for rec in complaints:
        if rec.status not in handled:
            continue
        link = {"kind": rec.kind, "id": rec.id, "number": rec.number}
        f = rec.values.fields
        after = min(today, (f.get("determined_date") or f["received_date"]) + dt.timedelta(days=1))
        prefill = follow_on_values(rec, "service-report", today)
        report = service_report_object(rng, today, sr.COMPLETED, units, people, staff, products, prefill, after)
        out.append(report | {"source": link})
        if rec.values.fields.get("quality_determination") == c.QUALITY_PROBLEM:
            prefill = follow_on_values(rec, "return-request", today)
            prefill.pop("photos", None)  # the complaint's photos stay with the complaint in the demo
            status = rng.choice([rr.APPROVED, rr.DONE, rr.DONE])
            out.append(return_request_object(rng, today, status, units, people, staff, products, prefill, after)
                       | {"source": link})
    return out


def surveys_after(rng: random.Random, today: dt.date, reports: list[Record], units: list[tuple[str, str, str]],
                  people: list[str], staff: list[str]) -> list[dict[str, Any]]:
    """A survey after most completed service reports (source 六(六): the customer fills one)."""
    out = []
    for rec in reports:
        if rec.status != sr.COMPLETED or rng.random() < 0.3:
            continue
        prefill = follow_on_values(rec, "survey", today)
        status = sv.RETURNED if rng.random() < 0.8 else sv.ISSUED
        after = min(today, rec.values.fields["service_date"] + dt.timedelta(days=rng.randint(0, 2)))
        out.append(survey_object(rng, today, status, units, people, staff, prefill, after)
                   | {"source": {"kind": rec.kind, "id": rec.id, "number": rec.number}})
    return out
