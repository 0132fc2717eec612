"""培训记录: a training session with its attendees, sign-in sheet and assessment (培训考核).

The source's fourth chapter trains the customer's staff and our own; service staff may only work
after passing (第一节六(十), 八).  A session records topic, date, place, trainer and the handout
chapters used; each attendee signs in (on the printed 签到表 or on screen) and takes the short
assessment, whose answers are scored against the answer key in ``resources/training``
(``training_rules``); the score against the pass mark gives the result.
"""

from __future__ import annotations

from decimal import Decimal

from . import roles
from .fields import Field, FieldType, FormSpec, ItemTable, Section, SignatureBlock

T = FieldType

PLANNED = "计划中"
HELD = "已培训"
ASSESSED = "已考核"
STATUSES = (PLANNED, HELD, ASSESSED)

AUDIENCES = ("客户单位人员", "本公司售后服务人员", "本公司销售人员", "其他")
PASSED, FAILED, ABSENT = "合格", "不合格", "缺考"
RESULTS = (PASSED, FAILED, ABSENT)

SPEC = FormSpec(
    kind="training",
    table="training",
    title="消杀药品使用知识培训记录",
    number_prefix="PX",
    number_label="培训编号",
    date_field="training_date",
    statuses=STATUSES,
    register=("training_date", "topic", "audience", "customer_unit", "trainer"),
    search_fields=("topic", "customer_unit", "trainer", "place"),
    register_title="培训记录",
    short_title="培训",
    roles=roles.declare(unit="customer_unit", address="place", staff="trainer"),
    sections=(
        Section(
            "session",
            "培训信息",
            (
                Field("number", "培训编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("topic", "培训主题", required=True, max_length=100, span=2),
                Field("audience", "培训对象", T.CHOICE, required=True, choices=AUDIENCES),
                Field("customer_unit", "客户单位", max_length=100),
                Field("training_date", "培训日期", T.DATE, required=True),
                Field("place", "培训地点", required=True, max_length=100),
                Field("start_time", "开始时间", T.TIME),
                Field("end_time", "结束时间", T.TIME),
                Field("trainer", "培训讲师", required=True, max_length=40),
                Field("handout", "使用讲义", max_length=200, placeholder="如 一、除四害技术培训；三、消杀药品使用规范"),
                Field("pass_mark", "合格分数", T.INTEGER, min_value=Decimal(1), max_value=Decimal(100),
                      placeholder="留空按设置", help="满分 100 分；留空按设置中的合格分数（默认 80 分）"),
                Field("content", "培训内容摘要", T.LONGTEXT, span=2),
            ),
        ),
        Section(
            "attendees",
            "参加人员及考核",
            (
                ItemTable(
                    "attendees",
                    "参加人员",
                    (
                        Field("name", "姓名", required=True, max_length=40),
                        Field("unit", "单位/部门", max_length=100),
                        Field("post", "岗位", max_length=40),
                        Field("phone", "电话", T.PHONE),
                        Field("answers", "考核答卷", max_length=60,
                              help="按题号顺序填写所选答案字母，如 ABDCA…；判断题填 A（对）或 B（错）；未参加考核填“缺考”"),
                        Field("score", "得分", T.INTEGER, min_value=Decimal(0), max_value=Decimal(100),
                              help="有答卷时按标准答案自动评分"),
                        Field("result", "考核结果", T.CHOICE, choices=RESULTS, computed=True),
                    ),
                    max_rows=300,
                ),
            ),
        ),
    ),
    signatures=(SignatureBlock("trainer", "培训讲师", "trainer", "training_date"),),
)
