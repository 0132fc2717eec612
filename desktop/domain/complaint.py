"""客户投诉登记反馈表: the complaint registration and feedback sheet (PRODUCT.md §1, source 第二节).

Labels, choices and section titles are in Simplified Chinese, the source language; the user
interface translates them in the ``fields`` context (see ``domain.i18n``), and
``scripts/update_translations.py`` collects them from these declarations.
"""

from __future__ import annotations

from decimal import Decimal

from . import roles
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

# Lifecycle (PRODUCT.md §1).  The order is the order of work.
REGISTERED = "已登记"
INVESTIGATING = "调查中"
DETERMINED = "已界定"
HANDLING = "处理中"
FED_BACK = "已反馈"
REVISITED = "已回访"
CLOSED = "已关闭"
# A duplicate (the same complaint registered twice) is voided with its reason, not deleted: its file
# is kept like any other for five years after closing, and it counts nowhere as a complaint to work on.
VOIDED = "已作废"
STATUSES = (REGISTERED, INVESTIGATING, DETERMINED, HANDLING, FED_BACK, REVISITED, CLOSED, VOIDED)
# The statuses of the work itself, in its order (every status but 已作废).
WORK_STATUSES = STATUSES[:-1]

CHANNELS = ("电话", "邮件", "传真", "上门", "网络")
CATEGORIES = ("验收数量不足", "验收不合格", "使用中质量问题", "服务投诉", "其他")
SEVERITIES = ("一般投诉", "严重投诉")
QUALITY_PROBLEM = "属于质量问题"
NOT_QUALITY_PROBLEM = "不属于质量问题"
UNDETERMINABLE = "难以界定（退回公司质量部门鉴定）"
DETERMINATIONS = (QUALITY_PROBLEM, NOT_QUALITY_PROBLEM, UNDETERMINABLE)
DETERMINER_ROLES = ("现场调查人员", "品质部", "公司质量部门")
RESOLUTIONS = ("免费更换", "退货退款", "客户自行承担", "协商处理")
COST_BEARERS = ("公司承担", "客户承担", "双方协商分担")
PACKAGING_FORMS = ("瓶装", "桶装", "袋装", "盒装", "罐装", "箱装", "其他")
UNITS = ("瓶", "桶", "袋", "盒", "罐", "箱", "千克", "升", "支", "件")
APPROVAL_DECISIONS = ("同意", "不同意", "修改后同意")

SPEC = FormSpec(
    kind="complaint",
    table="complaint",
    title="客户投诉登记反馈表",
    number_prefix="TS",
    number_label="备案编号",
    date_field="received_date",
    statuses=STATUSES,
    register=("received_date", "complainant_unit", PRODUCT_COLUMN, BATCH_COLUMN, "category", "severity"),
    search_fields=("complainant_unit",),
    summary=Summary("items", "product_name", "batch_no"),
    register_title="投诉登记簿",
    short_title="投诉",
    roles=roles.declare(unit="complainant_unit", contact="complainant_name", contact_phone="complainant_phone",
                        address="complainant_address", staff="receiver", product="items.product_name",
                        packaging="items.packaging", quantity="items.quantity", measure="items.unit",
                        batch="items.batch_no"),
    sections=(
        Section(
            "registration",
            "投诉登记",
            (
                Field("number", "备案编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("received_date", "登记日期", T.DATE, required=True),
                Field("channel", "投诉渠道", T.CHOICE, required=True, choices=CHANNELS),
                Field("receiver", "受理人", required=True, max_length=40),
                Field("severity", "投诉性质", T.CHOICE, required=True, choices=SEVERITIES),
                Field("category", "投诉类别", T.CHOICE, required=True, choices=CATEGORIES, span=2),
            ),
        ),
        Section(
            "complainant",
            "投诉人详情",
            (
                Field("complainant_unit", "投诉单位", required=True, max_length=100, span=2),
                Field("complainant_name", "投诉人", required=True, max_length=40),
                Field("complainant_phone", "联系电话", T.PHONE, required=True),
                Field("complainant_address", "地址", max_length=200, span=2),
            ),
        ),
        Section(
            "products",
            "被投诉产品详情",
            (
                ItemTable(
                    "items",
                    "被投诉产品",
                    (
                        Field("product_name", "产品名称", required=True, max_length=100),
                        Field("packaging", "包装形式", T.CHOICE, choices=PACKAGING_FORMS),
                        Field("quantity", "投诉量", T.DECIMAL, required=True, positive=True),
                        Field("unit", "单位", T.CHOICE, required=True, choices=UNITS),
                        Field("batch_no", "生产批号", required=True, max_length=40),
                        Field("purchase_place", "购买地点", max_length=100),
                        Field("use_date", "使用日期", T.DATE,
                              help="发现问题时产品的使用日期：用于判断该批次当时是否已过保质期"),
                        Field("expiry_date", "有效期至", T.DATE, computed=True,
                              help="该批次发货记录中的有效期，保存时从发货批次台账查得"),
                    ),
                    min_rows=1,
                ),
            ),
        ),
        Section(
            "reason",
            "投诉原因详情",
            (
                Field(
                    "reason",
                    "购买、储存、使用经过及投诉内容",
                    T.LONGTEXT,
                    required=True,
                    span=2,
                    placeholder="何时何处购买，如何储存，如何配制和使用，出现了什么问题",
                ),
            ),
        ),
        Section(
            "investigation",
            "调查情况",
            (
                Field("investigator", "调查人员", max_length=40),
                Field("investigation_date", "调查日期", T.DATE),
                Field("findings", "现场调查情况", T.LONGTEXT, span=2),
                PhotoList("photos", "质量问题照片"),
                Field("investigation_opinion", "调查意见", T.LONGTEXT, span=2),
            ),
        ),
        Section(
            "determination",
            "质量界定",
            (
                Field("quality_determination", "质量界定", T.CHOICE, choices=DETERMINATIONS, span=2),
                Field("determined_by", "界定人", max_length=40),
                Field("determined_role", "界定人职务", T.CHOICE, choices=DETERMINER_ROLES),
                Field("determined_date", "界定日期", T.DATE),
            ),
        ),
        Section(
            "resolution",
            "处理方案",
            (
                Field("resolution", "处理方式", T.CHOICE, choices=RESOLUTIONS),
                Field("cost_bearer", "费用承担", T.CHOICE, choices=COST_BEARERS),
                Field("cost_amount", "客户承担金额（元）", T.DECIMAL, min_value=Decimal(0)),
                Field("company_pays_shipping", "运输费用由公司承担", T.BOOL),
                Field("improvement_measures", "改进措施", T.LONGTEXT, span=2),
            ),
        ),
        Section(
            "approval",
            "审批",
            (
                Field("mgmt_rep_name", "管理者代表", max_length=40),
                Field("mgmt_rep_decision", "管理者代表意见", T.CHOICE, choices=APPROVAL_DECISIONS),
                Field("mgmt_rep_date", "管理者代表审批日期", T.DATE),
                Field("gm_name", "总经理", max_length=40),
                Field("gm_decision", "总经理意见", T.CHOICE, choices=APPROVAL_DECISIONS),
                Field("gm_date", "总经理审批日期", T.DATE),
                Field("approval_comment", "审批意见说明", T.LONGTEXT, span=2),
            ),
        ),
        Section(
            "feedback",
            "反馈与回访",
            (
                Field("feedback_date", "反馈日期", T.DATE),
                Field("appeal_notice_given", "已告知对界定有异议可向国家有关部门投诉", T.BOOL),
                Field("feedback_content", "反馈内容", T.LONGTEXT, span=2),
                Field("complainant_opinion", "投诉人意见", T.LONGTEXT, span=2),
                Field("revisit_date", "回访日期", T.DATE),
                Field("closed_date", "结案日期", T.DATE),
                Field("revisit_result", "回访结果", T.LONGTEXT, span=2),
            ),
        ),
        Section(
            "reopen_void",
            "重新打开与作废",
            (
                # Filled by the steps 重新打开 and 作废 from the reason the clerk gives (with who and
                # when in the status history); shown, never typed over.
                Field("reopen_reason", "重新打开原因", T.LONGTEXT, span=2, computed=True, max_length=500,
                      help="结案后重新打开时填写的原因；结案时的版本原样保留在修订记录中"),
                Field("void_reason", "作废原因", T.LONGTEXT, span=2, computed=True, max_length=500,
                      help="重复登记等原因作废时填写；作废的记录照常保存五年，不计入未结投诉"),
            ),
            printed_when_filled=True,
        ),
    ),
    signatures=(
        # On paper the complainant signs the registration and again the feedback (投诉人意见).
        SignatureBlock("complainant", "投诉人", "complainant_name", None, after="reason", seal="投诉单位（盖章）"),
        SignatureBlock("receiver", "受理人", "receiver", "received_date", after="reason"),
        SignatureBlock("investigator", "调查人员", "investigator", "investigation_date", after="investigation"),
        SignatureBlock("mgmt_rep", "管理者代表", "mgmt_rep_name", "mgmt_rep_date", after="approval"),
        SignatureBlock("gm", "总经理", "gm_name", "gm_date", after="approval"),
        SignatureBlock("complainant_feedback", "投诉人反馈确认", "complainant_name", "feedback_date",
                       after="feedback"),
    ),
)

RETENTION_YEARS = 5  # 质量投诉资料的保管期限为五年 (source 第二节四(二))
