"""发货批次: a delivery of one batch of one product to a customer (PRODUCT.md, registers).

The source counts the shelf life from the day of delivery (承诺书 §五: 自发货日起保质期为一年), so
the expiry date is worked out from the delivery date and the product's shelf life at every save
(``delivery_rules.derive``); the home screen warns before it comes.  Acceptance (验收) is the
customer's check on arrival: its result feeds the response-time rules when quantity is short or a
product fails.
"""

from __future__ import annotations

from decimal import Decimal

from . import roles
from .complaint import UNITS
from .fields import Field, FieldType, FormSpec, Section

T = FieldType

DELIVERED = "已发货"
ACCEPTED = "已验收"
STATUSES = (DELIVERED, ACCEPTED)

ACCEPTANCE_RESULTS = ("验收合格", "数量不足", "验收不合格")

SPEC = FormSpec(
    kind="delivery",
    table="delivery",
    title="发货及批次记录",
    number_prefix="FH",
    number_label="发货单号",
    date_field="delivery_date",
    statuses=STATUSES,
    register=("delivery_date", "customer_unit", "product_name", "batch_no", "quantity", "expiry_date"),
    search_fields=("customer_unit", "product_name", "batch_no"),
    register_title="发货批次台账",
    short_title="发货批次",
    roles=roles.declare(unit="customer_unit", contact="contact_name", contact_phone="contact_phone",
                        staff="shipped_by", product="product_name", batch="batch_no", quantity="quantity",
                        measure="unit"),
    sections=(
        Section(
            "delivery",
            "发货信息",
            (
                Field("number", "发货单号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("customer_unit", "客户单位", required=True, max_length=100, span=2, indexed=True),
                Field("contact_name", "收货联系人", max_length=40),
                Field("contact_phone", "联系电话", T.PHONE),
                Field("delivery_date", "发货日期", T.DATE, required=True),
                Field("shipped_by", "发货人", max_length=40),
            ),
        ),
        Section(
            "batch",
            "产品及批次",
            (
                Field("product_name", "产品名称", required=True, max_length=100, span=2),
                Field("batch_no", "生产批号", required=True, max_length=40, indexed=True),
                Field("production_date", "生产日期", T.DATE),
                Field("quantity", "数量", T.DECIMAL, required=True, positive=True),
                Field("unit", "单位", T.CHOICE, required=True, choices=UNITS),
                Field("shelf_life_months", "保质期（月）", T.INTEGER, min_value=Decimal(1), max_value=Decimal(120),
                      help="留空则取产品档案中的保质期，再无则取设置中的默认值"),
                Field("expiry_date", "有效期至", T.DATE, computed=True, indexed=True,
                      help="发货日期加保质期，保存时自动计算"),
            ),
        ),
        Section(
            "acceptance",
            "验收",
            (
                Field("acceptance_result", "验收结果", T.CHOICE, choices=ACCEPTANCE_RESULTS),
                Field("acceptance_date", "验收日期", T.DATE),
                Field("acceptance_by", "验收人", max_length=40),
                Field("acceptance_note", "验收情况说明", T.LONGTEXT, span=2),
            ),
        ),
    ),
)
