"""回访计划: a planned follow-up call or visit.

Planned by the program (``followup_rules.plan``): a remote return visit every few months after a
delivery (3 by default, a setting; source 第一节六(七): 每季度至少一次远程回访) and a call back
after a complaint's handling has been fed back to the customer.  Staff may add others by hand.
Completing one opens a service report filled in from it (``domain.links``).
"""

from __future__ import annotations

from . import roles
from .fields import Field, FieldType, FormSpec, Section

T = FieldType

PLANNED = "待回访"
DONE = "已完成"
CANCELLED = "已取消"
STATUSES = (PLANNED, DONE, CANCELLED)

DELIVERY_VISIT = "发货后定期回访"
COMPLAINT_CALLBACK = "投诉处理后回访"
OTHER = "其他回访"
TYPES = (DELIVERY_VISIT, COMPLAINT_CALLBACK, OTHER)
WAYS = ("电话", "上门", "邮件", "网络")

SPEC = FormSpec(
    kind="followup",
    table="followup",
    title="回访计划",
    number_prefix="HF",
    number_label="回访编号",
    date_field="due_date",
    statuses=STATUSES,
    register=("due_date", "followup_type", "customer_unit", "product_name", "batch_no", "assigned_staff"),
    search_fields=("customer_unit", "contact_name", "product_name", "batch_no", "basis_number", "assigned_staff"),
    register_title="回访计划",
    short_title="回访",
    roles=roles.declare(unit="customer_unit", contact="contact_name", contact_phone="contact_phone",
                        staff="assigned_staff", product="product_name", batch="batch_no"),
    indexes=(("status", "due_date"),),  # the home screen: planned follow-ups due today or overdue
    sections=(
        Section(
            "plan",
            "回访计划",
            (
                Field("number", "回访编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("followup_type", "回访类型", T.CHOICE, required=True, choices=TYPES),
                Field("due_date", "应回访日期", T.DATE, required=True),
                Field("basis_number", "依据单号", max_length=30, help="发货单号或投诉备案编号"),
                Field("assigned_staff", "回访人员", max_length=40),
                Field("customer_unit", "客户单位", required=True, max_length=100, span=2),
                Field("contact_name", "联系人", max_length=40),
                Field("contact_phone", "联系电话", T.PHONE),
                Field("product_name", "产品名称", max_length=100),
                Field("batch_no", "生产批号", max_length=40),
            ),
        ),
        Section(
            "result",
            "回访结果",
            (
                Field("way", "回访方式", T.CHOICE, choices=WAYS),
                Field("done_date", "回访日期", T.DATE),
                Field("result_note", "回访记录", T.LONGTEXT, span=2),
                Field("customer_opinion", "客户意见", T.LONGTEXT, span=2,
                      help="投诉处理后回访：投诉人对处理结果的意见，完成后写入投诉单的“投诉人意见”"),
            ),
        ),
    ),
)
