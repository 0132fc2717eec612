"""热线保障单: a hotline ticket, the source's hotline steps as one record (第一节六(二), 十).

The clerk asks for the unit, finds it (or registers it), checks the caller is the contact on file
(or records the new one), records the issue, promises a call-back time, assigns staff, notes that
sales was told, follows up and calls back when it is done.  The deadlines come from the response-
time table in the settings (``ticket_rules``): the phone response and the handling deadline are
worked out from the time of the call and the kind of issue.
"""

from __future__ import annotations

from . import roles
from .fields import Field, FieldType, FormSpec, Section

T = FieldType

RECEIVED = "已受理"
ASSIGNED = "已派工"
DONE = "已处理"
CALLED_BACK = "已回电"
ESCALATED = "已转投诉"
STATUSES = (RECEIVED, ASSIGNED, DONE, CALLED_BACK, ESCALATED)

ISSUE_TYPES = (
    "配送/补货",
    "验收数量不足",
    "验收不合格",
    "使用中质量问题",
    "质量异议",
    "使用技术咨询",
    "上门服务/培训需求",
    "其他",
)
SATISFACTION = ("满意", "基本满意", "不满意")

SPEC = FormSpec(
    kind="ticket",
    table="ticket",
    title="售后服务保障单",
    number_prefix="BZ",
    number_label="保障单号",
    date_field="call_date",
    statuses=STATUSES,
    register=("call_date", "call_time", "customer_unit", "issue_type", "handling_deadline", "assigned_staff"),
    search_fields=("customer_unit", "caller_name", "caller_phone", "product_name", "batch_no", "assigned_staff"),
    register_title="热线保障单",
    short_title="保障单",
    roles=roles.declare(unit="customer_unit", unit_number="customer_number", address="customer_address",
                        sales_rep="sales_person", contact="caller_name", contact_phone="caller_phone",
                        staff="receiver", product="product_name", batch="batch_no"),
    customer_fills_contact=False,
    sections=(
        Section(
            "call",
            "来电",
            (
                Field("number", "保障单号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("call_date", "来电日期", T.DATE, required=True),
                Field("call_time", "来电时间", T.TIME, required=True),
                Field("receiver", "接听人", required=True, max_length=40),
                Field("customer_unit", "客户单位", required=True, max_length=100, span=2),
                Field("customer_number", "客户编号", max_length=30, help="在客户档案中找到该单位后自动填入"),
                Field("customer_address", "单位地址", max_length=200, span=2,
                      help="派工上门和转为投诉时使用；在客户档案中找到该单位后自动填入"),
                Field("caller_name", "来电人", required=True, max_length=40),
                Field("caller_phone", "来电号码", T.PHONE, required=True),
                Field("caller_on_file", "是否档案联系人", T.BOOL,
                      help="来电人是客户档案中登记的联系人；否则请把新联系人补入档案"),
            ),
        ),
        Section(
            "issue",
            "问题",
            (
                Field("issue_type", "问题类型", T.CHOICE, required=True, choices=ISSUE_TYPES),
                Field("product_name", "产品名称", max_length=100),
                Field("batch_no", "生产批号", max_length=40),
                Field("issue", "问题描述", T.LONGTEXT, required=True, span=2),
            ),
        ),
        Section(
            "promise",
            "承诺与派工",
            (
                Field("response_deadline", "电话响应时限", max_length=20, computed=True,
                      help="按设置中的售后服务响应时间表，自来电时间起计算"),
                Field("handling_deadline", "处理时限", max_length=20, computed=True, indexed=True),
                Field("callback_date", "承诺回电日期", T.DATE),
                Field("callback_time", "承诺回电时间", T.TIME),
                Field("assigned_staff", "派工人员", max_length=40),
                Field("sales_informed", "已通知销售", T.BOOL),
                Field("sales_person", "通知的销售人员", max_length=40),
            ),
        ),
        Section(
            "result",
            "处理与回电",
            (
                Field("progress", "跟进情况", T.LONGTEXT, span=2),
                Field("result", "处理结果", T.LONGTEXT, span=2),
                Field("done_date", "处理完成日期", T.DATE),
                Field("called_back_date", "回电日期", T.DATE),
                Field("customer_satisfaction", "客户评价", T.CHOICE, choices=SATISFACTION),
                Field("callback_note", "回电记录", T.LONGTEXT, span=2),
            ),
        ),
    ),
)
