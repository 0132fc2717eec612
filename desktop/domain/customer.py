"""采购单位: the customer register (PRODUCT.md, "The registers behind the forms").

One record per purchasing unit, with its contacts.  The forms pick their customer and contact from
here; the hotline looks a unit up by part of its name, a phone number or the pinyin initials of its
name (``services.lookup``).
"""

from __future__ import annotations

from . import roles
from .fields import Field, FieldType, FormSpec, ItemTable, Section

T = FieldType

ACTIVE = "合作中"
INACTIVE = "已停用"
STATUSES = (ACTIVE, INACTIVE)

UNIT_TYPES = (
    "医疗机构",
    "疾病预防控制机构",
    "学校、托幼机构",
    "食品生产经营单位",
    "餐饮单位",
    "宾馆酒店",
    "物业管理单位",
    "机关事业单位",
    "交通运输场站",
    "有害生物防制公司",
    "养殖场",
    "其他",
)

SPEC = FormSpec(
    kind="customer",
    table="customer",
    title="客户档案",
    number_prefix="KH",
    number_label="客户编号",
    date_field="registered_date",
    statuses=STATUSES,
    register=("name", "unit_type", "region", "phone", "sales_rep"),
    search_fields=("name", "short_name", "region", "address", "phone", "sales_rep"),
    register_title="客户档案",
    short_title="客户",
    roles=roles.declare(unit="name", unit_phone="phone", address="address", sales_rep="sales_rep",
                        staff="registered_by"),
    sections=(
        Section(
            "unit",
            "采购单位",
            (
                Field("number", "客户编号", read_only=True),
                Field("status", "状态", T.CHOICE, choices=STATUSES, read_only=True),
                Field("name", "单位名称", required=True, max_length=100, span=2, indexed=True),
                Field("short_name", "简称", max_length=40),
                Field("unit_type", "单位类型", T.CHOICE, choices=UNIT_TYPES),
                Field("region", "所在地区", max_length=60, placeholder="如 北京市朝阳区"),
                Field("phone", "单位电话", T.PHONE),
                Field("address", "地址", max_length=200, span=2),
                Field("sales_rep", "负责销售", max_length=40),
                Field("registered_date", "建档日期", T.DATE, required=True),
                Field("registered_by", "建档人", max_length=40),
                Field("notes", "备注", T.LONGTEXT, span=2),
            ),
        ),
        Section(
            "contacts",
            "联系人",
            (
                ItemTable(
                    "contacts",
                    "联系人",
                    (
                        Field("name", "姓名", required=True, max_length=40),
                        Field("post", "职务/部门", max_length=60),
                        Field("phone", "电话", T.PHONE, required=True),
                        Field("primary", "主要联系人", T.BOOL),
                        Field("note", "备注", max_length=200),
                    ),
                ),
            ),
        ),
    ),
)
