"""Demo records of the registers and the service desk: products, customers with contacts,
deliveries (some expired, some expiring soon), the customers' use records, hotline tickets,
planned follow-ups and training sessions.

Like the other demo records they are JSON objects written through the importer, so the demo
database is what an import of a real office's data would give.  The products and customers are
those the demo complaints already name (``demo.PRODUCTS``, ``demo.UNITS``), so a complaint's batch
is found among the deliveries.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ..domain import delivery as de
from ..domain import ticket as tk
from ..domain import training as tr
from ..domain import use_record as ur

# name → (category, formulation, active ingredient, content, registration no, manufacturer, pack size,
#         targets, dilution, methods, safety notes, storage notes)
CATALOGUE: dict[str, tuple[str, ...]] = {
    "84 消毒液（有效氯 5%）": (
        "消毒剂", "液剂", "次氯酸钠", "有效氯 5.0%（4.5%–5.5%）", "苏卫消证字（2021）第 0012 号", "华康消杀药业有限公司",
        "5 L/桶", "一般物体表面、地面、织物、餐饮具、污染物品", "物体表面 1:100（有效氯 500 mg/L）；污染物品 1:25（2000 mg/L）",
        "擦拭、拖拭、浸泡或喷洒，作用 10–30 分钟后清水擦净。", "对金属有腐蚀性，对织物有漂白作用；不得与酸性清洁剂（洁厕剂）混用，以免产生氯气；"
        "配制和使用时戴橡胶手套、口罩和护目镜。", "密闭、避光、阴凉处保存，远离酸类物品",
    ),
    "含氯消毒片（有效氯 500 mg/片）": (
        "消毒剂", "片剂", "三氯异氰尿酸", "有效氯 500 mg/片", "苏卫消证字（2020）第 0231 号", "华康消杀药业有限公司",
        "100 片/瓶", "物体表面、地面、餐饮具、污水", "1 片溶于 1 L 水得有效氯 500 mg/L", "溶解后擦拭、浸泡或喷洒。",
        "强氧化剂，与易燃物、还原剂分开存放；受潮结块后有效氯下降，不再使用；误服立即就医。", "密封防潮，阴凉干燥处保存",
    ),
    "过氧乙酸消毒液 15%": (
        "消毒剂", "液剂", "过氧乙酸", "15%", "苏卫消证字（2020）第 0335 号", "华康消杀药业有限公司", "5 kg/桶",
        "环境物体表面、空气（无人时）", "0.2%–0.5% 喷洒；空气熏蒸 1 g/m³", "喷洒或熏蒸，作用 30–60 分钟后通风。",
        "强腐蚀性、强刺激性，须现配现用；佩戴防护面罩、耐酸手套；溅到皮肤立即用大量清水冲洗。", "避光、阴凉（30℃ 以下）保存，桶盖留有排气孔",
    ),
    "75% 乙醇消毒液": (
        "消毒剂", "液剂", "乙醇", "75%±5%（体积分数）", "苏卫消证字（2022）第 0108 号", "华康消杀药业有限公司", "500 mL/瓶",
        "手、皮肤、小面积物体表面", "原液使用", "擦拭或喷洒，作用 1–3 分钟。",
        "易燃，远离火源，不得大面积喷洒；不可用于空气消毒。", "密闭、阴凉通风处保存，远离火种",
    ),
    "双链季铵盐消毒液": (
        "消毒剂", "液剂", "双癸基二甲基氯化铵", "2.5%", "苏卫消证字（2021）第 0440 号", "华康消杀药业有限公司", "1 L/瓶",
        "物体表面、织物", "1:12–1:25（有效成分 1000–2000 mg/L）", "擦拭或浸泡 10–20 分钟。",
        "不可与肥皂、阴离子洗涤剂同用；对眼有刺激性。",
        "阴凉干燥处保存",
    ),
    "4.5% 高效氯氰菊酯悬浮剂": (
        "杀虫剂", "悬浮剂", "高效氯氰菊酯", "4.5%", "WP20190123", "华康消杀药业有限公司", "500 mL/瓶",
        "蚊、蝇、蟑螂", "滞留喷洒 1:200（有效成分 20–30 mg/m²）", "用常量喷雾器对墙面、栖息场所滞留喷洒。",
        "对鱼类、蜜蜂、家蚕高毒，远离水体和养蜂区；施药时穿长袖工作服，戴手套、口罩；施药后洗手洗脸。",
        "阴凉干燥、避光处保存，与食品饲料隔离，专柜加锁",
    ),
    "0.005% 溴敌隆毒饵": (
        "杀鼠剂", "饵剂", "溴敌隆", "0.005%", "WP20170058", "华康消杀药业有限公司", "1 kg/袋",
        "家鼠、田鼠", "原药使用", "放入毒饵站，每站 20–50 g，沿鼠道每 5–10 m 一个，定期补充。",
        "抗凝血剂，误食后可迟发出血：解毒剂为维生素 K1，须在医生指导下使用；毒饵必须放在毒饵站内，远离儿童和家禽家畜。",
        "阴凉干燥处密封保存，防潮防霉",
    ),
    "2.5% 吡虫啉杀蟑胶饵": (
        "杀虫剂", "胶饵", "吡虫啉", "2.5%", "WP20180041", "华康消杀药业有限公司", "12 g/支",
        "德国小蠊、美洲大蠊", "原药点施", "在缝隙、角落少量多点施药，每点 0.1–0.2 g。",
        "避免污染食品及餐具；施药点避开清洁剂擦拭。", "阴凉处保存",
    ),
    "10% 高效氯氟氰菊酯微囊悬浮剂": (
        "杀虫剂", "微囊悬浮剂", "高效氯氟氰菊酯", "10%", "WP20200087", "华康消杀药业有限公司", "100 mL/瓶",
        "蚊、蝇、蟑螂", "1:300–1:500 滞留喷洒", "对墙面、纱窗、垃圾站周边滞留喷洒。",
        "对水生生物高毒；施药时避免接触皮肤和吸入雾滴。", "阴凉干燥处保存",
    ),
    "聚维酮碘消毒液（有效碘 0.5%）": (
        "消毒剂", "液剂", "聚维酮碘", "有效碘 0.45%–0.55%", "苏卫消证字（2019）第 0096 号", "华康消杀药业有限公司",
        "500 mL/瓶", "皮肤、黏膜", "原液（皮肤）；1:10（黏膜）", "涂擦 2 遍，作用 1–3 分钟。", "对碘过敏者慎用。",
        "密闭避光保存",
    ),
}
UNIT_TYPES = ["医疗机构", "医疗机构", "疾病预防控制机构", "学校、托幼机构", "机关事业单位", "医疗机构",
              "学校、托幼机构", "医疗机构", "机关事业单位", "学校、托幼机构", "医疗机构", "物业管理单位"]
POSITIONS = ["后勤科科长", "院感科", "总务处", "保洁主管", "库管员", "办公室主任"]
SALES = ["宋佳", "韩磊", "曹颖"]


def product_objects(today: dt.date, products: list[tuple[str, str, str, str]]) -> list[dict[str, Any]]:
    out = []
    for i, (name, pack, unit, _batch) in enumerate(products):
        (category, formulation, ingredient, content, reg, maker, size, targets, dilution, methods, safety,
         storage) = CATALOGUE[name]
        out.append({
            "kind": "product",
            "status": "在售",
            "name": name,
            "category": category,
            "formulation": formulation,
            "active_ingredient": ingredient,
            "content": content,
            "registration_no": reg,
            "manufacturer": maker,
            "packaging": pack,
            "pack_size": size,
            "unit": unit,
            "shelf_life_months": 24 if category == "杀鼠剂" else 12,
            "registered_date": (today - dt.timedelta(days=400 + i)).isoformat(),
            "registered_by": "马晓东",
            "targets": targets,
            "dilution": dilution,
            "methods": methods,
            "safety_notes": safety,
            "storage_notes": storage,
        })
    return out


def customer_objects(rng: random.Random, today: dt.date, units: list[tuple[str, str, str]],
                     people: list[str]) -> list[dict[str, Any]]:
    out = []
    for i, (name, address, phone) in enumerate(units):
        first, second = rng.sample(people, 2)
        out.append({
            "kind": "customer",
            "status": "合作中",
            "name": name,
            "short_name": name.split("市", 1)[-1][:12],
            "unit_type": UNIT_TYPES[i % len(UNIT_TYPES)],
            "region": address.split("区", 1)[0] + "区" if "区" in address else address[:6],
            "phone": phone,
            "address": address,
            "sales_rep": SALES[i % len(SALES)],
            "registered_date": (today - dt.timedelta(days=500 - i)).isoformat(),
            "registered_by": "马晓东",
            "notes": "每季度电话回访一次；夏季蚊蝇高峰前安排一次上门检查。",
            "contacts": [
                {"name": first, "post": POSITIONS[i % len(POSITIONS)], "phone": f"139{rng.randint(10000000, 99999999)}",
                 "primary": True, "note": "负责采购和验收"},
                {"name": second, "post": "库管员", "phone": f"138{rng.randint(10000000, 99999999)}", "primary": False,
                 "note": "验收及库房管理"},
            ],
        })
    return out


def delivery_objects(rng: random.Random, today: dt.date, customers: list[dict[str, Any]],
                     products: list[tuple[str, str, str, str]], staff: list[str], per_customer: int = 3) -> list[dict[str, Any]]:
    """Deliveries over the last 14 months: the products' demo batches (those the complaints name)
    and later batches, so that some have expired, some expire within weeks and most are current."""
    out = []
    for cust in customers:
        for product in rng.sample(products, per_customer):
            name, _pack, unit, batch = product
            delivered = today - dt.timedelta(days=rng.randint(5, 420))
            made = delivered - dt.timedelta(days=rng.randint(10, 60))
            accepted = rng.random() < 0.8 and delivered < today - dt.timedelta(days=2)
            contact = cust["contacts"][0]
            obj: dict[str, Any] = {
                "kind": "delivery",
                "status": de.ACCEPTED if accepted else de.DELIVERED,
                "customer_unit": cust["name"],
                "contact_name": contact["name"],
                "contact_phone": contact["phone"],
                "delivery_date": delivered.isoformat(),
                "shipped_by": rng.choice(staff),
                "product_name": name,
                "batch_no": batch if rng.random() < 0.5 else f"{batch[:2]}{made:%y%m%d}",
                "production_date": made.isoformat(),
                "quantity": rng.choice([5, 10, 12, 20, 40]),
                "unit": unit,
            }
            if accepted:
                short = rng.random() < 0.15
                obj.update({
                    "acceptance_result": "数量不足" if short else "验收合格",
                    "acceptance_date": (delivered + dt.timedelta(days=1)).isoformat(),
                    "acceptance_by": contact["name"],
                    "acceptance_note": "到货比送货单少 2 件，已电话告知，次日补发到货。" if short
                    else "包装完好，批号、有效期与随货单据一致。",
                })
            out.append(obj)
    return out


# How each product is used in a use record (issue 13: no 75% ethanol diluted 1:100 for an 800 m² floor):
# dilution, method, target, area, amount and its unit as a practitioner would write them.
DEFAULT_USE = {"dilution": "按标签", "method": "擦拭", "target": "细菌、病毒（消毒）",
               "area": "门诊候诊区座椅、扶手等物体表面", "amount": 2, "amount_unit": "升"}
USES = {
    "84 消毒液（有效氯 5%）": {"dilution": "1:100（有效氯 500 mg/L）", "method": "擦拭", "target": "细菌、病毒（消毒）",
                         "area": "门诊大厅地面约 800 m²", "amount": 40, "amount_unit": "升"},
    "含氯消毒片（有效氯 500 mg/片）": {"dilution": "每升水 1 片（有效氯 500 mg/L）", "method": "擦拭",
                               "target": "细菌、病毒（消毒）", "area": "病区走廊扶手、门把手等物体表面",
                               "amount": 10, "amount_unit": "升"},
    "过氧乙酸消毒液 15%": {"dilution": "0.2%（1:75）", "method": "喷洒消毒", "target": "细菌、病毒（消毒）",
                       "area": "医疗废物暂存间约 30 m²", "amount": 3, "amount_unit": "升"},
    "75% 乙醇消毒液": {"dilution": "原液使用", "method": "擦拭", "target": "细菌、病毒（消毒）",
                   "area": "护士站台面、电脑键盘等小面积物体表面", "amount": 0.5, "amount_unit": "升"},
    "双链季铵盐消毒液": {"dilution": "1:20（有效成分约 1250 mg/L）", "method": "擦拭", "target": "细菌、病毒（消毒）",
                   "area": "候诊区座椅、扶手", "amount": 5, "amount_unit": "升"},
    "4.5% 高效氯氰菊酯悬浮剂": {"dilution": "1:200", "method": "滞留喷洒", "target": "蚊",
                         "area": "绿化带及垃圾站周边墙面约 300 m²", "amount": 15, "amount_unit": "升"},
    "0.005% 溴敌隆毒饵": {"dilution": "原药使用", "method": "毒饵（毒饵站）", "target": "鼠类",
                      "area": "食堂外围墙角 24 个毒饵站", "amount": 1, "amount_unit": "千克"},
    "2.5% 吡虫啉杀蟑胶饵": {"dilution": "原药点施", "method": "胶饵点施", "target": "蟑螂",
                       "area": "后厨操作间及仓库缝隙约 120 m²", "amount": 24, "amount_unit": "克"},
    "10% 高效氯氟氰菊酯微囊悬浮剂": {"dilution": "1:300", "method": "滞留喷洒", "target": "蝇",
                             "area": "垃圾站及污水井周边墙面约 200 m²", "amount": 10, "amount_unit": "升"},
    "聚维酮碘消毒液（有效碘 0.5%）": {"dilution": "原液使用", "method": "擦拭", "target": "细菌、病毒（消毒）",
                               "area": "注射及换药前皮肤消毒", "amount": 0.5, "amount_unit": "升"},
}


def use_record_object(rng: random.Random, today: dt.date, delivery: Any, staff: list[str]) -> dict[str, Any]:
    f = delivery.values.fields
    day = min(today, f["delivery_date"] + dt.timedelta(days=rng.randint(20, 60)))
    return {
        "kind": "use-record",
        "status": ur.CHECKED,
        "customer_unit": f["customer_unit"],
        "delivery_number": delivery.number,
        "record_date": day.isoformat(),
        "product_name": f["product_name"],
        "batch_no": f["batch_no"],
        "recorded_by": rng.choice(staff),
        "storage_place": "后勤楼一层消杀药品专用库房",
        "storage_state": rng.choice(["符合要求", "符合要求", "基本符合"]),
        "storage_note": "专柜加锁、专人管理；阴凉通风；与食品隔离存放。",
        "uses": [{
            "use_date": (day - dt.timedelta(days=3)).isoformat(),
            **USES.get(f["product_name"], DEFAULT_USE),
            "operator": "保洁班组",
        }],
        "container_disposal": "退回供货单位回收",
        "waste_disposal": "剩余稀释液当日用完；未用完原液密封回库。",
        "problems": "建议在库房张贴稀释对照表。",
        "source": {"kind": "delivery", "id": delivery.id, "number": delivery.number},
    }


def ticket_object(rng: random.Random, now: dt.datetime, status: str, customer: dict[str, Any],
                  staff: list[str], products: list[tuple[str, str, str, str]], hours_ago: int) -> dict[str, Any]:
    called = now - dt.timedelta(hours=hours_ago)
    contact = customer["contacts"][0]
    name, _pack, _unit, batch = rng.choice(products)
    kind = rng.choice(["使用中质量问题", "使用技术咨询", "配送/补货", "验收数量不足", "上门服务/培训需求"])
    obj: dict[str, Any] = {
        "kind": "ticket",
        "status": status,
        "call_date": called.date().isoformat(),
        "call_time": called.strftime("%H:%M"),
        "receiver": rng.choice(staff),
        "customer_unit": customer["name"],
        "caller_name": contact["name"],
        "caller_phone": contact["phone"],
        "caller_on_file": True,
        "customer_address": customer["address"],
        "issue_type": kind,
        "product_name": name,
        "batch_no": batch,
        "issue": {
            "使用中质量问题": "稀释后气味偏淡，怀疑有效成分不足，请派人查看。",
            "使用技术咨询": "询问门诊大厅地面消毒的稀释比例和作用时间。",
            "配送/补货": "库存不足，需要补货 10 箱，希望本周内送到。",
            "验收数量不足": "今天到货比送货单少 2 箱。",
            "上门服务/培训需求": "新来的保洁人员需要一次配药和个人防护培训。",
        }[kind],
    }
    promised = called + dt.timedelta(hours=2)
    if status != tk.RECEIVED:
        obj.update({"callback_date": promised.date().isoformat(), "callback_time": promised.strftime("%H:%M"),
                    "assigned_staff": rng.choice(staff), "sales_informed": True, "sales_person": customer["sales_rep"],
                    "progress": "已电话联系客户，约定上门时间。"})
        # When the customer was answered and the handling agreed (the response-time report's times).
        responded = min(now, called + dt.timedelta(minutes=rng.choice((20, 45, 90, 150))))
        obj.update({"responded_date": responded.date().isoformat(), "responded_time": responded.strftime("%H:%M")})
    if status in (tk.DONE, tk.CALLED_BACK):
        agreed = min(now, called + dt.timedelta(hours=rng.choice((3, 8, 20, 30))))
        obj.update({"result": "已上门处理，问题解决。", "done_date": min(now.date(), called.date() + dt.timedelta(days=1)).isoformat(),
                    "agreed_date": agreed.date().isoformat(), "agreed_time": agreed.strftime("%H:%M")})
    if status == tk.CALLED_BACK:
        obj.update({"called_back_date": obj["done_date"], "customer_satisfaction": "满意",
                    "callback_note": "客户确认问题已解决。"})
    return obj


def training_object(rng: random.Random, today: dt.date, status: str, customer: dict[str, Any] | None,
                    people: list[str], staff: list[str], days_ago: int) -> dict[str, Any]:
    day = today - dt.timedelta(days=days_ago)
    ours = customer is None
    obj: dict[str, Any] = {
        "kind": "training",
        "status": status,
        "topic": "消杀药品安全使用与个人防护" if not ours else "除四害技术及消杀药品使用规范（上岗培训）",
        "audience": "本公司售后服务人员" if ours else "客户单位人员",
        "training_date": day.isoformat(),
        "place": "公司培训室" if ours else f"{customer['name']}会议室",
        "start_time": "09:00",
        "end_time": "11:30",
        "trainer": rng.choice(staff),
        "handout": "一、除四害技术培训；三、消杀药品使用规范" if not ours else "一至四章全部",
        "content": "讲解配药稀释方法、个人防护用品的穿戴、药品储存和空容器处置，并现场演示喷雾器的使用。",
    }
    if customer is not None:
        obj["customer_unit"] = customer["name"]
    names = rng.sample(people, 6)
    rows = []
    for i, name in enumerate(names):
        row: dict[str, Any] = {"name": name, "unit": "本公司" if ours else customer["name"] if customer else "",
                               "post": "售后服务" if ours else rng.choice(["保洁员", "库管员", "后勤"]),
                               "phone": f"137{rng.randint(10000000, 99999999)}"}
        if status == tr.ASSESSED:
            row["answers"], row["score"] = _answer_sheet(rng, wrong=rng.choice([0, 1, 2, 3, 4]) if i else 7)
        rows.append(row)
    obj["attendees"] = rows
    return obj


def _answer_sheet(rng: random.Random, wrong: int) -> tuple[str, int]:
    """An attendee's answers to the assessment in ``resources/training``, ``wrong`` of them wrong,
    and their score (as a save works it out)."""
    from ..domain.assessment import load_assessment, score

    bank = load_assessment()
    answers = list(bank.key)
    for i in rng.sample(range(len(answers)), wrong):
        q = bank.questions[i]
        answers[i] = next(letter for letter in q.letters if letter != answers[i])
    return "".join(answers), score("".join(answers), bank)


def desk_objects(rng: random.Random, today: dt.date, now: dt.datetime, units: list[tuple[str, str, str]],
                 people: list[str], staff: list[str], products: list[tuple[str, str, str, str]]) -> dict[str, list[dict[str, Any]]]:
    """The register records, by the order they must be imported in."""
    customers = customer_objects(rng, today, units, people)
    return {
        "registers": product_objects(today, products) + customers,
        "deliveries": delivery_objects(rng, today, customers, products, staff),
        "tickets": [
            ticket_object(rng, now, status, rng.choice(customers), staff, products, hours)
            for status, hours in ((tk.RECEIVED, 1), (tk.RECEIVED, 30), (tk.ASSIGNED, 5), (tk.ASSIGNED, 60),
                                  (tk.DONE, 50), (tk.CALLED_BACK, 100), (tk.CALLED_BACK, 200))
        ],
        "trainings": [
            training_object(rng, today, tr.ASSESSED, None, people, staff, 40),
            training_object(rng, today, tr.ASSESSED, customers[0], people, staff, 20),
            training_object(rng, today, tr.HELD, customers[3], people, staff, 2),
            training_object(rng, today, tr.PLANNED, customers[5], people, staff, -7),
        ],
    }
