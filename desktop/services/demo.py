"""Demo and example records: realistic records of every form in every status.

The records are built as JSON objects and written through the importer, so the demo exercises the
same validation as any import.  A seeded random generator keeps them the same from run to run;
dates are relative to the clock's today so that every record is valid on the day it is made.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import random
from typing import Any

from ..domain import complaint as c
from ..domain import followup as fu
from ..domain import return_request as rr
from ..domain import service_report as sr
from ..domain import survey as sv
from ..domain.records import Record
from .images import make_png
from .records import RecordService
from .tickets import raw_of
from .transfer import import_records

UNITS = [
    ("北京市第一人民医院", "北京市东城区东单北大街 18 号", "010-65123456"),
    ("上海市徐汇区中心医院", "上海市徐汇区淮海中路 966 号", "021-64370045"),
    ("广州市天河区疾病预防控制中心", "广州市天河区天河北路 612 号", "020-38862345"),
    ("杭州市西湖区第三中学", "杭州市西湖区文三路 221 号", "0571-88012345"),
    ("南京市鼓楼区机关事务管理局", "南京市鼓楼区北京西路 70 号", "025-83301234"),
    ("成都市锦江区妇幼保健院", "成都市锦江区红星路三段 16 号", "028-86661234"),
    ("武汉市洪山区实验小学", "武汉市洪山区珞喻路 1037 号", "027-87541234"),
    ("深圳市南山区人民医院", "深圳市南山区桃园路 89 号", "0755-26553111"),
    ("西安市雁塔区城市管理局", "西安市雁塔区含光路 78 号", "029-85231234"),
    ("天津市和平区第二幼儿园", "天津市和平区南京路 122 号", "022-27301234"),
    ("重庆市渝中区急救中心", "重庆市渝中区健康路 1 号", "023-63701234"),
    ("青岛市市南区农贸市场管理处", "青岛市市南区中山路 44 号", "0532-82861234"),
]
PEOPLE = ["张丽", "王建国", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄伟", "周婷", "吴强", "徐磊", "孙悦"]
STAFF = ["马晓东", "郑海燕", "冯志强", "何雪"]
PRODUCTS = [
    ("84 消毒液（有效氯 5%）", "桶装", "桶", "SH250301"),
    ("含氯消毒片（有效氯 500 mg/片）", "瓶装", "瓶", "HL250412"),
    ("过氧乙酸消毒液 15%", "桶装", "桶", "GY250218"),
    ("75% 乙醇消毒液", "瓶装", "瓶", "YC250507"),
    ("双链季铵盐消毒液", "瓶装", "瓶", "JA250623"),
    ("4.5% 高效氯氰菊酯悬浮剂", "瓶装", "瓶", "LQ250109"),
    ("0.005% 溴敌隆毒饵", "袋装", "袋", "XD250315"),
    ("2.5% 吡虫啉杀蟑胶饵", "盒装", "盒", "BC250704"),
    ("10% 高效氯氟氰菊酯微囊悬浮剂", "瓶装", "瓶", "LF250826"),
    ("聚维酮碘消毒液（有效碘 0.5%）", "瓶装", "瓶", "DF250530"),
]
# Complaint stories that hold together on paper: the category, the products complained about (indexes
# into PRODUCTS) and what the complainant said (issue 13: no rodent bait caking among ethanol and an
# insecticide, no shortage complaint about a quality problem).
STORIES = [
    ("使用中质量问题", (0,),
     "贵单位于上月通过政府采购平台购入本批产品，验收时外观正常。产品存放于一楼消毒药品库房，阴凉通风、避光，"
     "未与酸性物品混放。按说明书 1:100 稀释后用于病区地面拖拭，使用人员反映气味明显偏淡，经试纸检测有效氯浓度"
     "约为 200 mg/L，低于预期的 500 mg/L。"),
    ("使用中质量问题", (5,),
     "学校后勤处于开学前采购本批杀虫剂用于校园灭蚊。储存在器材室铁皮柜内，室温约 30℃。按 1:200 兑水后用背负式"
     "喷雾器对绿化带进行滞留喷洒，三天后蚊虫密度未见明显下降，部分瓶内药液出现分层、底部有沉淀，摇匀后仍不能完全分散。"),
    ("使用中质量问题", (6,),
     "食堂灭鼠使用本批毒饵，毒饵站布放于后厨及仓库墙角，共 24 个。两周后巡查发现毒饵受潮结块、发霉，取食量很少，"
     "仍可见新鲜鼠粪。毒饵开袋前储存在食堂仓库，地面有返潮现象。"),
    ("服务投诉", (1, 3),
     "送货人员未按约定时间送达，比合同约定的配送时间晚了两天，且到货时未提供产品检验合格证和使用说明书，"
     "验收人员无法核对产品批号和有效期。"),
    ("验收数量不足", (0,),
     "验收时清点数量，合同约定 40 桶，实际到货 36 桶，送货单上数量为 40 桶。"),
    ("验收不合格", (2, 0),
     "到货验收时发现 3 桶过氧乙酸消毒液桶身鼓胀、桶盖渗漏，有刺激性气味，外包装标签上的批号与送货单不一致；"
     "同车送达的 84 消毒液有 2 桶桶盖破裂。验收人员拒收了这 5 桶。"),
    ("其他", (7, 6),
     "杀蟑胶饵和灭鼠毒饵外包装上的中文标签印刷模糊，有效期和登记证号无法辨认，库管人员无法登记入库。"),
]
REASONS = [story[2] for story in STORIES]
QUANTITIES = {"验收数量不足": 4}  # the 4 missing drums of the shortage story


def _photo(seed: int, filename: str, caption: str) -> dict[str, Any]:
    colors = [(190, 70, 60), (60, 120, 190), (90, 160, 80), (200, 160, 60)]
    data = make_png(160, 120, colors[seed % 4], stripe=seed * 7)
    return {
        "filename": filename,
        "caption": caption,
        "media_type": "image/png",
        "sha256": hashlib.sha256(data).hexdigest(),
        "content_base64": base64.b64encode(data).decode("ascii"),
    }


def _items(rng: random.Random, products: tuple[int, ...] | None = None, quantity: float | None = None
           ) -> list[dict[str, Any]]:
    out = []
    chosen = [PRODUCTS[i] for i in products] if products else rng.sample(PRODUCTS, rng.choice([1, 1, 2, 3]))
    for name, pack, unit, batch in chosen:
        out.append({
            "product_name": name,
            "packaging": pack,
            "quantity": quantity or (rng.choice([2, 4, 5, 6, 10, 12, 20]) if unit != "千克" else 12.5),
            "unit": unit,
            "batch_no": batch,
            "purchase_place": rng.choice(["公司直销", "政府采购平台", "区域经销商"]),
        })
    return out


def complaint_object(rng: random.Random, today: dt.date, status: str, seq: int) -> dict[str, Any]:
    """A complaint at ``status`` with every field that status needs (and history to match).  Every
    fifth comes from the first unit, the first of all from 吴强 there: the README's and the manual's
    examples (a search for ``bjyy`` or 吴强) find something in any demo folder."""
    unit, address, phone = UNITS[0] if seq % 5 == 0 else rng.choice(UNITS)
    order = c.STATUSES.index(status)
    received = today - dt.timedelta(days=rng.randint(order * 6 + 3, order * 6 + 40))
    category, products, reason = rng.choice(STORIES)
    # Only a problem with the product itself can be a quality problem.
    quality = category in ("使用中质量问题", "验收不合格") and rng.random() < 0.7
    # Not the product's fault in use: stored or diluted wrongly, the customer bears the cost.
    customer_fault = category == "使用中质量问题" and not quality
    staff = rng.choice(STAFF)
    obj: dict[str, Any] = {
        "kind": "complaint",
        "status": status,
        "received_date": received.isoformat(),
        "channel": rng.choice(c.CHANNELS),
        "receiver": staff,
        "severity": "严重投诉" if rng.random() < 0.25 else "一般投诉",
        "category": category,
        "complainant_unit": unit,
        "complainant_name": "吴强" if seq == 0 else rng.choice(PEOPLE),
        "complainant_phone": rng.choice([phone, f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"]),
        "complainant_address": address,
        "items": _items(rng, products, QUANTITIES.get(category)),
        "reason": reason,
    }
    for item in obj["items"]:  # when the problem showed: a few days before the call
        item["use_date"] = (received - dt.timedelta(days=seq % 9 + 1)).isoformat()
    history = [{"at": f"{received.isoformat()}T09:{seq % 60:02d}:00Z", "from": None, "to": c.REGISTERED, "by": staff, "note": ""}]
    day = received

    def step(to: str, days: int) -> str:
        nonlocal day
        day = min(day + dt.timedelta(days=days), today)
        history.append({"at": f"{day.isoformat()}T10:00:00Z", "from": history[-1]["to"], "to": to, "by": staff, "note": ""})
        return day.isoformat()

    if order >= 1:
        obj["investigator"] = rng.choice(STAFF)
        step(c.INVESTIGATING, 1)
    if order >= 2:
        inv = step(c.DETERMINED, 2)
        obj.update({
            "investigation_date": inv,
            "findings": "现场查看库房储存条件及剩余产品，核对批号与送货单一致；抽取剩余样品带回公司质量部门检测。",
            "investigation_opinion": "经现场核查，" + ("问题系产品本身质量原因所致。" if quality else "问题系储存和使用不当所致，产品本身符合标准。"),
            "quality_determination": c.QUALITY_PROBLEM if quality else c.NOT_QUALITY_PROBLEM,
            "determined_by": obj["investigator"],
            "determined_role": "品质部",
            "determined_date": inv,
        })
        if quality:
            obj["photos"] = [_photo(seq, f"现场照片{seq}-1.png", "包装及药液状况")]
    if order >= 3:
        d = step(c.HANDLING, 1)
        obj.update({
            "resolution": (rng.choice(["免费更换", "退货退款"]) if quality
                           else "免费更换" if category == "验收数量不足"  # the missing drums are sent
                           else rng.choice(["客户自行承担", "协商处理"]) if customer_fault
                           else "协商处理"),
            "cost_bearer": "客户承担" if customer_fault else "公司承担",
            "company_pays_shipping": not customer_fault,
            "improvement_measures": "加强出厂检验和包装密封检查；对该批次留样复检；提醒客户按说明书储存（阴凉、干燥、避光）。",
            "mgmt_rep_name": "林振华", "mgmt_rep_decision": "同意", "mgmt_rep_date": d,
            "gm_name": "高建明", "gm_decision": "同意", "gm_date": d,
            "approval_comment": "同意投诉处理小组意见，按承诺书执行。",
        })
        if customer_fault:
            obj["cost_amount"] = rng.choice([0, 120, 360.5])
    if order >= 4:
        d = step(c.FED_BACK, 3)
        obj.update({
            "feedback_date": d,
            "feedback_content": "已将调查结论和处理方案电话及书面告知投诉人，" + (
                {"免费更换": "更换（补发）的产品已送达并验收合格。", "退货退款": "问题产品已收回，货款已按原价退回。"}
                .get(obj["resolution"], "并指导正确储存和配制方法。")),
            "appeal_notice_given": True,
        })
    if status == c.REVISITED or (status == c.CLOSED and seq % 2 == 0):
        d = step(c.REVISITED, 7)
        result = {"免费更换": "电话回访，更换（补发）后产品使用正常。", "退货退款": "电话回访，退款已到账，客户认可处理结果。"}
        obj.update({"revisit_date": d, "revisit_result": result.get(obj["resolution"], "电话回访，按指导储存和配制后使用正常。"),
                    "complainant_opinion": "满意"})
    if status == c.CLOSED:
        obj["closed_date"] = step(c.CLOSED, 1)
    obj["history"] = history
    return obj


def voided_duplicate(today: dt.date, first: Record) -> dict[str, Any]:
    """The same call registered twice (issue 14): a copy of the first complaint's registration,
    voided the same day with the reason, so the demo has a complaint 已作废."""
    from ..domain.records import to_json

    keep = {"received_date", "channel", "receiver", "severity", "category", "complainant_unit", "complainant_name",
            "complainant_phone", "complainant_address", "items", "reason"}
    source = to_json(c.SPEC, first)
    obj: dict[str, Any] = {"kind": c.SPEC.kind, **{k: v for k, v in source.items() if k in keep}}
    for item in obj.get("items", []):
        item.pop("expiry_date", None)  # worked out again at import
    received = first.values.fields["received_date"]
    staff = obj.get("receiver") or STAFF[0]
    reason = f"与 {first.number} 重复登记（同一来电登记了两次）"
    obj.update(status=c.VOIDED, closed_date=received.isoformat(), void_reason=reason, history=[
        {"at": f"{received.isoformat()}T10:30:00Z", "from": None, "to": c.REGISTERED, "by": staff, "note": ""},
        {"at": f"{received.isoformat()}T11:00:00Z", "from": c.REGISTERED, "to": c.VOIDED, "by": staff, "note": reason},
    ])
    return obj


def demo_objects(today: dt.date, count: int = 36, seed: int = 20261126) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [complaint_object(rng, today, c.WORK_STATUSES[i % len(c.WORK_STATUSES)], i) for i in range(count)]


def load_demo(service: RecordService, count: int = 36) -> int:
    """Fill the database with demo records of every form (and a company name, if none is set).

    ``count`` complaints in every status; for those being handled or later a service report and,
    for quality problems, a return request made from them; surveys after most service reports;
    and records of each form that stand alone (remote visits, annual surveys, returns at
    acceptance).  Returns how many records were written.
    """
    from .demo_forms import (
        follow_ons,
        return_request_object,
        service_report_object,
        survey_object,
        surveys_after,
    )

    from ..domain.forms import SPECS

    start = sum(service.count(k) for k in SPECS)
    settings = service.settings()
    if settings.company_name.startswith("（"):
        settings.company_name = "华康消杀药业有限公司"
        settings.company_address = "江苏省南京市江宁区科学园天元东路 88 号"
        settings.company_phone = "400-820-1234"
        settings.staff_name = settings.staff_name or "马晓东"
        service.save_settings(settings)
    today = service.clock.today()
    rng = random.Random(count)
    # The registers first: a complaint's batch then finds its delivery (and its expiry date).
    desk_rng = random.Random(count + 1)
    desk, registers, deliveries = _load_registers(service, desk_rng)
    # With room for every status, the last of the ``count`` is a duplicate of the first, voided.
    voided = count > len(c.WORK_STATUSES)
    complaints = import_records(service, demo_objects(today, count - voided)).records
    if voided:
        complaints += import_records(service, [voided_duplicate(today, complaints[0])]).records
    args = (UNITS, PEOPLE, STAFF)
    linked = import_records(service, follow_ons(rng, today, complaints, *args, PRODUCTS)).records
    n = max(count // 4, 1)
    alone = [service_report_object(rng, today, rng.choice(sr.STATUSES), *args, PRODUCTS) for _ in range(n)]
    alone += [return_request_object(rng, today, status, *args, PRODUCTS)
              for status in (rr.REQUESTED, rr.DETERMINED, rr.APPROVED, rr.DONE, rr.REJECTED)]
    # Surveys of every status (an issued one not yet back among them), then at random.
    alone += [survey_object(rng, today, sv.STATUSES[i] if i < len(sv.STATUSES) else rng.choice(sv.STATUSES),
                            UNITS, PEOPLE, STAFF) for i in range(max(n, len(sv.STATUSES)))]
    more = import_records(service, alone).records
    reports = [r for r in linked + more if r.kind == "service-report"]
    import_records(service, surveys_after(rng, today, reports, *args))
    _load_desk(service, desk_rng, desk, deliveries)
    return sum(service.count(k) for k in SPECS) - start  # follow-ups planned by themselves included


def _load_registers(service: RecordService, rng: random.Random) -> tuple[dict[str, Any], list[Record], list[Record]]:
    """Products, customers and deliveries (``demo_desk``); returns the desk's other objects too."""
    from .demo_desk import desk_objects

    today = service.clock.today()
    wall = service.clock.now().replace(tzinfo=None)  # the laptop's wall-clock time
    desk = desk_objects(rng, today, wall, UNITS, PEOPLE, STAFF, PRODUCTS)
    # A second batch (``demo --again``) keeps the customers and products on file: one record per unit.
    on_file = {(k, r.values.fields.get("name")): r for k in ("customer", "product") for r in service.all_records(k)}
    fresh = [o for o in desk["registers"] if (o.get("kind"), o.get("name")) not in on_file]
    registers = import_records(service, fresh).records + list(on_file.values())
    numbers = {r.values.fields["name"]: r.number for r in registers if r.kind == "customer"}
    for ticket in desk["tickets"]:  # as the hotline screen fills it from the customer found
        ticket["customer_number"] = numbers.get(ticket["customer_unit"])
    return desk, registers, import_records(service, desk["deliveries"]).records


def _load_desk(service: RecordService, rng: random.Random, desk: dict[str, Any], deliveries: list[Record]) -> None:
    """The service desk: use records, hotline tickets and training sessions; and the return visits
    the deliveries planned by themselves (``services.planning``), those already due done by phone, as
    the clerk would have, each completion planning the next."""
    from .demo_desk import use_record_object

    today = service.clock.today()
    later = [use_record_object(rng, today, d, STAFF) for d in deliveries[::4]]
    later += desk["tickets"] + desk["trainings"]
    import_records(service, later)
    for delivery in deliveries:
        for _visit in range(8):
            planned = [link for link in service.linked("delivery", delivery.id)
                       if link.kind == "followup" and link.status == fu.PLANNED]
            if not planned:
                break
            visit = service.get("followup", planned[0].id)
            due = visit.values.fields["due_date"]
            if due > today - dt.timedelta(days=3) or rng.random() >= 0.85:
                break
            raw = raw_of(visit)
            raw.update(way="电话", done_date=(due + dt.timedelta(days=1)).isoformat(),
                       assigned_staff=raw.get("assigned_staff") or rng.choice(STAFF),
                       result_note="产品使用正常，储存条件符合要求，客户无新需求。")
            service.transition("followup", visit.id, fu.DONE, raw, by=raw["assigned_staff"])


def example_object(kind: str, today: dt.date) -> dict[str, Any]:
    """One complete, valid record with every field filled (``example KIND``)."""
    from .demo_forms import return_request_object, service_report_object, survey_object

    rng = random.Random(7)
    if kind == "complaint":
        obj = complaint_object(rng, today, c.CLOSED, 2)  # seq 2: revisited then closed, every field
        obj.update({
            "quality_determination": c.QUALITY_PROBLEM,
            "investigation_opinion": "经现场核查，问题系产品本身质量原因所致。",
            "resolution": "免费更换",
            "cost_bearer": "公司承担",
            "cost_amount": 0,
            "company_pays_shipping": True,
            "photos": [_photo(1, "现场照片.png", "渗漏的包装桶")],
        })
        obj.pop("history")
        return obj
    if kind == "service-report":
        obj = service_report_object(rng, today, sr.COMPLETED, UNITS, PEOPLE, STAFF, PRODUCTS,
                                    {"service_type": "上门走访"})
        obj["new_needs"] = "希望夏季每月上门检查一次，并为保洁人员做一次配药培训。"
        return obj
    if kind == "survey":
        obj = survey_object(rng, today, sv.RETURNED, UNITS, PEOPLE, STAFF)
        obj["score_training"] = 4
        return obj
    if kind == "return-request":
        obj = return_request_object(rng, today, rr.DONE, UNITS, PEOPLE, STAFF, PRODUCTS,
                                    {"reason_type": "使用不当"})
        obj["items"][0]["note"] = "开封后未密闭保存"
        obj["photos"] = [_photo(2, "退货产品.png", "结块的毒饵")]
        obj["waybill_no"] = obj.get("waybill_no") or "SF123456789012"
        return obj
    return _desk_example(kind, rng, today)


def _desk_example(kind: str, rng: random.Random, today: dt.date) -> dict[str, Any]:
    """Examples of the registers and the desk's records, every field filled."""
    from ..domain import followup as fu
    from ..domain import ticket as tk
    from ..domain import training as tr
    from .demo_desk import customer_objects, delivery_objects, product_objects, ticket_object, training_object

    customers = customer_objects(rng, today, UNITS[:1], PEOPLE)
    if kind == "customer":
        return customers[0]
    if kind == "product":
        return product_objects(today, PRODUCTS[:1])[0]
    if kind == "delivery":
        obj = delivery_objects(random.Random(3), today, customers, PRODUCTS[:1], STAFF, per_customer=1)[0]
        obj.update({"status": "已验收", "acceptance_result": "验收合格", "acceptance_by": "张丽",
                    "acceptance_note": "包装完好，数量相符。", "shelf_life_months": 12,
                    "acceptance_date": obj["delivery_date"]})
        return obj
    if kind == "use-record":
        return {
            "kind": "use-record", "status": "已核查", "customer_unit": UNITS[0][0], "delivery_number": "FH-2026-A3-0001",
            "record_date": (today - dt.timedelta(days=2)).isoformat(), "product_name": PRODUCTS[0][0],
            "batch_no": PRODUCTS[0][3], "recorded_by": STAFF[0], "storage_place": "消毒药品库房",
            "storage_state": "符合要求", "storage_note": "专柜加锁，阴凉通风。",
            "uses": [{"use_date": (today - dt.timedelta(days=5)).isoformat(), "dilution": "1:100", "method": "擦拭",
                      "target": "细菌、病毒（消毒）", "area": "病区走廊 300 m²", "amount": 3, "amount_unit": "升",
                      "operator": "保洁班组"}],
            "container_disposal": "退回供货单位回收", "waste_disposal": "剩余稀释液当日用完。",
            "problems": "无",
        }
    if kind == "ticket":
        wall = dt.datetime.combine(today, dt.time(9, 30))
        obj = ticket_object(rng, wall, tk.CALLED_BACK, customers[0], STAFF, PRODUCTS, 30)
        obj["customer_number"] = "KH-2026-A3-0001"
        obj["customer_address"] = customers[0].get("address") or UNITS[0][1]
        return obj
    if kind == "followup":
        return {
            "kind": "followup", "status": fu.DONE, "followup_type": fu.DELIVERY_VISIT,
            "due_date": (today - dt.timedelta(days=3)).isoformat(), "basis_number": "FH-2026-A3-0001",
            "assigned_staff": STAFF[0], "customer_unit": UNITS[0][0], "contact_name": PEOPLE[0],
            "contact_phone": UNITS[0][2], "product_name": PRODUCTS[0][0], "batch_no": PRODUCTS[0][3],
            "way": "电话", "done_date": (today - dt.timedelta(days=2)).isoformat(),
            "result_note": "产品使用正常，客户无新需求。",
            "customer_opinion": "对供货和服务满意。",
        }
    if kind == "training":
        obj = training_object(rng, today, tr.ASSESSED, customers[0], PEOPLE, STAFF, 10)
        obj["pass_mark"] = 80
        return obj
    raise KeyError(kind)
