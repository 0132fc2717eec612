"""售后服务报告单: the after-sales service report (PRODUCT.md §2, source 第一节六(六), 九).

One per service contact: a remote return visit, a visit on site, complaint handling, acceptance,
training.  Besides what the source lists (products used, problems, actions, new needs, the
customer's comment) it carries what pest-control service reports carry: a table of the products
applied on site with registration number, dilution, amount, target pest, method and area.
"""

from __future__ import annotations

from . import roles
from .fields import (
    PRODUCT_COLUMN,
    Field,
    FieldType,
    FormSpec,
    ItemTable,
    Section,
    SignatureBlock,
    Summary,
)

T = FieldType

IN_PROGRESS = "填写中"
COMPLETED = "已完成"
STATUSES = (IN_PROGRESS, COMPLETED)

SERVICE_TYPES = ("远程回访", "上门走访", "投诉处理", "验收", "培训", "其他")
CONTACT_WAYS = ("电话", "邮件", "传真", "网络", "上门")
STORAGE_STATES = ("符合要求", "基本符合", "不符合要求")
TARGET_PESTS = ("鼠类", "蚊", "蝇", "蟑螂", "臭虫", "蚂蚁", "跳蚤", "白蚁", "细菌、病毒（消毒）", "其他")
METHODS = (
    "滞留喷洒",
    "常量喷雾",
    "超低容量喷雾",
    "热烟雾",
    "毒饵（毒饵站）",
    "胶饵点施",
    "粉剂喷撒",
    "擦拭",
    "浸泡",
    "喷洒消毒",
    "熏蒸",
    "其他",
)
AMOUNT_UNITS = ("毫升", "升", "克", "千克", "瓶", "袋", "盒", "片", "支")

SPEC = FormSpec(
    kind="service-report",
    table="service_report",
    title="售后服务报告单",
    number_prefix="FW",
    number_label="报告编号",
    date_field="service_date",
    statuses=STATUSES,
    register=("service_date", "customer_unit", "service_type", PRODUCT_COLUMN, "staff"),
    search_fields=("customer_unit", "contact_name", "staff"),
    summary=Summary("products", "product_name", "batch_no"),
    register_title="服务报告登记簿",
    short_title="服务报告",
    roles=roles.declare(unit="customer_unit", contact="contact_name", contact_phone="contact_phone",
                        address="customer_address", staff="staff", product="products.product_name",
                        batch="products.batch_no"),
    sections=(
        Section(
            "service",
            "服务信息",
            (
                Field("number", "报告编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("service_type", "服务类型", T.CHOICE, required=True, choices=SERVICE_TYPES),
                Field("contact_way", "联系方式", T.CHOICE, choices=CONTACT_WAYS),
                Field("service_date", "服务日期", T.DATE, required=True),
                Field("staff", "服务人员", required=True, max_length=60),
                Field("arrival_time", "到达时间", T.TIME),
                Field("departure_time", "离开时间", T.TIME),
            ),
        ),
        Section(
            "customer",
            "客户信息",
            (
                Field("customer_unit", "客户单位", required=True, max_length=100, span=2),
                Field("contact_name", "联系人", required=True, max_length=40),
                Field("contact_phone", "联系电话", T.PHONE),
                Field("customer_address", "地址", max_length=200, span=2),
            ),
        ),
        Section(
            "products",
            "查看的产品及批次",
            (
                ItemTable(
                    "products",
                    "查看的产品",
                    (
                        Field("product_name", "产品名称", required=True, max_length=100),
                        Field("batch_no", "生产批号", max_length=40),
                        Field("storage_state", "储存情况", T.CHOICE, choices=STORAGE_STATES),
                        Field("usage_note", "使用情况", max_length=200),
                    ),
                ),
            ),
        ),
        Section(
            "materials",
            "现场施药记录",
            (
                ItemTable(
                    "materials",
                    "施药记录",
                    (
                        Field("product_name", "药剂名称", required=True, max_length=100),
                        Field("registration_no", "登记证号", max_length=40),
                        Field("dilution", "稀释倍数/浓度", max_length=40, placeholder="如 1:100 或 500 mg/L"),
                        Field("amount", "用量", T.DECIMAL, positive=True),
                        Field("amount_unit", "单位", T.CHOICE, choices=AMOUNT_UNITS),
                        Field("target", "防治对象", T.CHOICE, choices=TARGET_PESTS),
                        Field("method", "施药方法", T.CHOICE, choices=METHODS),
                        Field("area", "施药部位/面积", max_length=100),
                    ),
                ),
            ),
        ),
        Section(
            "content",
            "服务内容",
            (
                Field("usage_overview", "产品使用情况", T.LONGTEXT, span=2),
                Field("problems_found", "发现的问题", T.LONGTEXT, span=2),
                Field("actions_taken", "处理措施", T.LONGTEXT, span=2),
                Field("new_needs", "客户新需求", T.LONGTEXT, span=2),
                Field("customer_comment", "客户意见", T.LONGTEXT, span=2),
            ),
        ),
    ),
    signatures=(
        SignatureBlock("customer", "客户", "contact_name", None, signs_at=COMPLETED),
        SignatureBlock("staff", "服务人员", "staff", "service_date", signs_at=COMPLETED),
    ),
)
