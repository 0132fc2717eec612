"""售后服务满意度调查表: the satisfaction survey (PRODUCT.md §3, source 第一节四(五), 六(六)).

Filled by the customer after a service report ("必须让客户填写售后服务满意度调查表") and once a
year for every customer ("每年一次顾客满意度调查").  Paper first: a blank form is printed for a
chosen customer, ticked by hand, and typed in later from a screen laid out like the paper.
"""

from __future__ import annotations

from . import roles
from .fields import Field, FieldType, FormSpec, Section, SignatureBlock

T = FieldType

ISSUED = "已发放"
RETURNED = "已回收"
STATUSES = (ISSUED, RETURNED)

SURVEY_TYPES = ("服务后调查", "年度调查")
WAYS = ("纸质表格", "现场填写", "电话询问", "邮件")

# The seven items of the source, in its order.
SCORE_ITEMS = (
    ("score_quality", "产品质量"),
    ("score_delivery", "配送及时性"),
    ("score_response", "响应速度"),
    ("score_attitude", "服务态度"),
    ("score_skill", "专业技术水平"),
    ("score_resolution", "问题解决效果"),
    ("score_training", "培训效果"),
)
OVERALL = ("score_overall", "总体满意度")

SPEC = FormSpec(
    kind="survey",
    table="survey",
    title="售后服务满意度调查表",
    number_prefix="MY",
    number_label="调查表编号",
    date_field="survey_date",
    statuses=STATUSES,
    register=("survey_date", "customer_unit", "survey_type", "respondent", "score_overall"),
    search_fields=("customer_unit", "respondent", "surveyor"),
    register_title="满意度调查登记簿",
    short_title="满意度调查",
    roles=roles.declare(unit="customer_unit", contact="respondent", contact_post="respondent_position",
                        contact_phone="respondent_phone", staff="surveyor"),
    sections=(
        Section(
            "survey",
            "调查信息",
            (
                Field("number", "调查表编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("survey_type", "调查类型", T.CHOICE, required=True, choices=SURVEY_TYPES),
                Field("survey_way", "调查方式", T.CHOICE, choices=WAYS),
                Field("survey_date", "发放日期", T.DATE, required=True),
                Field("surveyor", "调查人", max_length=40),
            ),
        ),
        Section(
            "customer",
            "被调查单位",
            (
                Field("customer_unit", "客户单位", required=True, max_length=100, span=2),
                Field("respondent", "填表人", max_length=40),
                Field("respondent_position", "职务/部门", max_length=60),
                Field("respondent_phone", "联系电话", T.PHONE),
                Field("returned_date", "回收日期", T.DATE),
            ),
        ),
        Section(
            "scores",
            "满意度评分（5 分为很满意，1 分为很不满意）",
            tuple(Field(key, label, T.SCORE) for key, label in SCORE_ITEMS) + (Field(OVERALL[0], OVERALL[1], T.SCORE),),
            columns=1,
        ),
        Section(
            "suggestions",
            "意见和建议",
            (Field("suggestions", "意见和建议", T.LONGTEXT, span=2),),
        ),
    ),
    signatures=(SignatureBlock("respondent", "填表人", "respondent", "returned_date", signs_at=RETURNED),),
)
