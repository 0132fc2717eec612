"""客户使用记录: how the customer stored, used and disposed of one delivery.

The source asks the after-sales staff to follow the customer's acceptance, storage, use and
disposal of waste and empty containers (第一节六(五)).  One record per visit or call about one
delivery: what storage was seen, each use (product, dilution, method, target, area), and how
waste and empty containers went.  It is made from the delivery (``domain.links``).
"""

from __future__ import annotations

from . import roles
from .fields import Field, FieldType, FormSpec, ItemTable, Section
from .service_report import AMOUNT_UNITS, METHODS, STORAGE_STATES, TARGET_PESTS

T = FieldType

OPEN = "记录中"
CHECKED = "已核查"
STATUSES = (OPEN, CHECKED)

CONTAINER_DISPOSAL = (
    "退回供货单位回收",
    "交有资质单位处置",
    "清洗后破坏处理",
    "尚未处置（暂存）",
    "其他",
)

SPEC = FormSpec(
    kind="use-record",
    table="use_record",
    title="客户产品使用记录",
    number_prefix="SY",
    number_label="记录编号",
    date_field="record_date",
    statuses=STATUSES,
    register=("record_date", "customer_unit", "product_name", "batch_no", "storage_state"),
    search_fields=("customer_unit", "product_name", "batch_no", "delivery_number"),
    register_title="客户使用记录",
    short_title="使用记录",
    roles=roles.declare(unit="customer_unit", staff="recorded_by", product="product_name", batch="batch_no"),
    sections=(
        Section(
            "delivery",
            "产品及批次",
            (
                Field("number", "记录编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("customer_unit", "客户单位", required=True, max_length=100, span=2),
                Field("delivery_number", "发货单号", max_length=30),
                Field("record_date", "记录日期", T.DATE, required=True),
                Field("product_name", "产品名称", required=True, max_length=100),
                Field("batch_no", "生产批号", max_length=40),
                Field("recorded_by", "记录人", max_length=40),
            ),
        ),
        Section(
            "storage",
            "贮存情况",
            (
                Field("storage_place", "存放地点", max_length=100),
                Field("storage_state", "贮存条件", T.CHOICE, choices=STORAGE_STATES),
                Field("storage_note", "贮存情况说明", T.LONGTEXT, span=2,
                      placeholder="是否专柜加锁、阴凉干燥避光、与食品饲料隔离、有无专人管理"),
            ),
        ),
        Section(
            "uses",
            "使用情况",
            (
                ItemTable(
                    "uses",
                    "使用记录",
                    (
                        Field("use_date", "使用日期", T.DATE),
                        Field("dilution", "稀释倍数/浓度", max_length=40),
                        Field("method", "施药方法", T.CHOICE, choices=METHODS),
                        Field("target", "防治对象", T.CHOICE, choices=TARGET_PESTS),
                        Field("area", "施药部位/面积", max_length=100),
                        Field("amount", "用量", T.DECIMAL, positive=True),
                        Field("amount_unit", "单位", T.CHOICE, choices=AMOUNT_UNITS),
                        Field("operator", "施药人", max_length=40),
                    ),
                ),
            ),
        ),
        Section(
            "disposal",
            "废弃物处置",
            (
                Field("container_disposal", "空容器处置", T.CHOICE, choices=CONTAINER_DISPOSAL),
                Field("waste_disposal", "剩余药液及废弃物处置", T.LONGTEXT, span=2),
                Field("problems", "发现的问题及建议", T.LONGTEXT, span=2),
            ),
        ),
    ),
)
