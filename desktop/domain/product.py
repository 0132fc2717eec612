"""产品: the product register (PRODUCT.md, "The registers behind the forms").

What the company sells: category, active ingredient and content, registration number (农药登记证
号 for insecticides and rodenticides, 卫生许可/备案 for disinfectants), packaging, unit and shelf life
(12 months from delivery by default, 承诺书 §五).  Deliveries take their shelf life from here; the
handouts' appendix prints each product's registration number, dilution and safety notes.
"""

from __future__ import annotations

from decimal import Decimal

from . import roles
from .complaint import PACKAGING_FORMS, UNITS
from .fields import Field, FieldType, FormSpec, Section

T = FieldType

ON_SALE = "在售"
WITHDRAWN = "停售"
STATUSES = (ON_SALE, WITHDRAWN)

CATEGORIES = ("消毒剂", "杀虫剂", "杀鼠剂", "驱避剂", "器械与耗材", "其他")
FORMULATIONS = (
    "液剂",
    "可溶液剂",
    "片剂",
    "粉剂",
    "可湿性粉剂",
    "悬浮剂",
    "微囊悬浮剂",
    "水乳剂",
    "微乳剂",
    "乳油",
    "饵剂",
    "胶饵",
    "颗粒剂",
    "烟剂",
    "气雾剂",
    "其他",
)

SPEC = FormSpec(
    kind="product",
    table="product",
    title="产品档案",
    number_prefix="CP",
    number_label="产品编号",
    date_field="registered_date",
    statuses=STATUSES,
    register=("name", "category", "active_ingredient", "registration_no", "shelf_life_months"),
    search_fields=("name", "active_ingredient", "registration_no", "manufacturer"),
    register_title="产品档案",
    short_title="产品",
    roles=roles.declare(staff="registered_by"),
    sections=(
        Section(
            "product",
            "产品信息",
            (
                Field("number", "产品编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("name", "产品名称", required=True, max_length=100, span=2, indexed=True),
                Field("category", "类别", T.CHOICE, required=True, choices=CATEGORIES),
                Field("formulation", "剂型", T.CHOICE, choices=FORMULATIONS),
                Field("active_ingredient", "有效成分", required=True, max_length=100),
                Field("content", "有效成分含量", max_length=60, placeholder="如 5%、500 mg/片"),
                Field("registration_no", "登记证号/批准文号", max_length=60),
                Field("manufacturer", "生产企业", max_length=100),
                Field("packaging", "包装形式", T.CHOICE, choices=PACKAGING_FORMS),
                Field("pack_size", "规格", max_length=40, placeholder="如 500 mL/瓶"),
                Field("unit", "计量单位", T.CHOICE, required=True, choices=UNITS),
                Field("shelf_life_months", "保质期（月）", T.INTEGER, required=True,
                      min_value=Decimal(1), max_value=Decimal(120), help="自发货日起计算"),
                Field("registered_date", "建档日期", T.DATE, required=True),
                Field("registered_by", "建档人", max_length=40),
            ),
        ),
        Section(
            "use",
            "使用与安全",
            (
                Field("targets", "适用对象/场所", max_length=200, span=2),
                Field("dilution", "使用浓度/稀释倍数", max_length=200, span=2),
                Field("methods", "使用方法", T.LONGTEXT, span=2),
                Field("safety_notes", "安全注意事项", T.LONGTEXT, span=2),
                Field("storage_notes", "贮存条件", max_length=200, span=2),
            ),
        ),
    ),
)
