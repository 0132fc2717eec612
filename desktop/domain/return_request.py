"""产品退换货申请（含产品质量界定）: the return / exchange request (PRODUCT.md §4).

Source 第二节三(二)3: "属于明显产质量问题，则填写产品质量界定和产品退换货申请 … 由此发生的运输费用由公司承担";
第三节一: faults found at acceptance, and quality faults found in use, are exchanged or refunded at the
company's cost; a problem caused by improper use is handled "只收取少量成本费用".
"""

from __future__ import annotations

from decimal import Decimal

from . import roles
from .complaint import APPROVAL_DECISIONS, DETERMINATIONS, DETERMINER_ROLES, PACKAGING_FORMS, UNITS
from .fields import (
    BATCH_COLUMN,
    PRODUCT_COLUMN,
    Field,
    FieldType,
    FormSpec,
    ItemTable,
    PhotoList,
    Section,
    SignatureBlock,
    Summary,
)

T = FieldType

REQUESTED = "已申请"
DETERMINED = "已界定"
APPROVED = "已批准"
REJECTED = "已驳回"
DONE = "已完成"
STATUSES = (REQUESTED, DETERMINED, APPROVED, DONE, REJECTED)

REASONS = ("验收数量不足", "验收不合格", "使用中质量问题", "使用不当")
HANDLINGS = ("换货", "退货退款", "召回", "补发")
COMPANY_PAYS = "公司承担"
CUSTOMER_PAYS = "客户承担少量成本费用"
COST_BEARERS = (COMPANY_PAYS, CUSTOMER_PAYS)
SHIPPING_WAYS = ("公司安排物流取回", "客户寄回（运费到付）", "客户自行送回", "无需退回")
APPROVER_ROLES = ("售后部经理", "管理者代表", "总经理")

SPEC = FormSpec(
    kind="return-request",
    table="return_request",
    title="产品退换货申请（含产品质量界定）",
    number_prefix="TH",
    number_label="申请编号",
    date_field="request_date",
    statuses=STATUSES,
    register=("request_date", "customer_unit", PRODUCT_COLUMN, BATCH_COLUMN, "reason_type", "handling"),
    search_fields=("customer_unit", "contact_name"),
    summary=Summary("items", "product_name", "batch_no"),
    register_title="退换货申请登记簿",
    short_title="退换货申请",
    roles=roles.declare(unit="customer_unit", contact="contact_name", contact_phone="contact_phone",
                        address="customer_address", staff="staff", product="items.product_name",
                        packaging="items.packaging", batch="items.batch_no", quantity="items.quantity",
                        measure="items.unit"),
    sections=(
        Section(
            "request",
            "申请信息",
            (
                Field("number", "申请编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("request_date", "申请日期", T.DATE, required=True),
                Field("staff", "经办人", required=True, max_length=40),
            ),
        ),
        Section(
            "customer",
            "客户信息",
            (
                Field("customer_unit", "客户单位", required=True, max_length=100, span=2),
                Field("contact_name", "联系人", required=True, max_length=40),
                Field("contact_phone", "联系电话", T.PHONE, required=True),
                Field("customer_address", "地址", max_length=200, span=2),
            ),
        ),
        Section(
            "items",
            "退换货产品",
            (
                ItemTable(
                    "items",
                    "退换货产品",
                    (
                        Field("product_name", "产品名称", required=True, max_length=100),
                        Field("packaging", "包装形式", T.CHOICE, choices=PACKAGING_FORMS),
                        Field("batch_no", "生产批号", required=True, max_length=40),
                        Field("quantity", "数量", T.DECIMAL, required=True, positive=True),
                        Field("unit", "单位", T.CHOICE, required=True, choices=UNITS),
                        Field("note", "备注", max_length=100),
                    ),
                    min_rows=1,
                ),
            ),
        ),
        Section(
            "reason",
            "退换货原因",
            (
                Field("reason_type", "原因类别", T.CHOICE, required=True, choices=REASONS, span=2),
                Field("reason_details", "原因说明", T.LONGTEXT, required=True, span=2),
                PhotoList("photos", "问题照片"),
            ),
        ),
        Section(
            "determination",
            "产品质量界定",
            (
                Field("quality_determination", "质量界定", T.CHOICE, choices=DETERMINATIONS, span=2),
                Field("determined_by", "界定人", max_length=40),
                Field("determined_role", "界定人职务", T.CHOICE, choices=DETERMINER_ROLES),
                Field("determined_date", "界定日期", T.DATE),
                Field("determination_basis", "界定依据", T.LONGTEXT, span=2),
            ),
        ),
        Section(
            "handling",
            "处理方式",
            (
                Field("handling", "处理方式", T.CHOICE, choices=HANDLINGS),
                Field("cost_bearer", "费用承担", T.CHOICE, choices=COST_BEARERS),
                Field("cost_amount", "客户承担金额（元）", T.DECIMAL, min_value=Decimal(0)),
                Field("shipping_way", "退货运输", T.CHOICE, choices=SHIPPING_WAYS),
                Field("shipping_by_company", "运输费用由公司承担", T.BOOL),
                Field("waybill_no", "运单号", max_length=40),
            ),
        ),
        Section(
            "approval",
            "审批",
            (
                Field("approver_name", "审批人", max_length=40),
                Field("approver_role", "审批人职务", T.CHOICE, choices=APPROVER_ROLES),
                Field("approval_decision", "审批意见", T.CHOICE, choices=APPROVAL_DECISIONS),
                Field("approval_date", "审批日期", T.DATE),
                Field("approval_comment", "审批说明", T.LONGTEXT, span=2),
            ),
        ),
        Section(
            "completion",
            "完成情况",
            (
                Field("completed_date", "完成日期", T.DATE),
                Field("completion_note", "完成情况说明", T.LONGTEXT, span=2),
            ),
        ),
    ),
    signatures=(
        SignatureBlock("customer", "客户", "contact_name", None),
        SignatureBlock("staff", "经办人", "staff", "request_date"),
        SignatureBlock("approver", "审批人", "approver_name", "approval_date"),
    ),
)
