"""Per-laptop settings, validated here and stored by ``storage.settings``.

Besides the letterhead and the laptop code they hold the response-time table of the source
(第一节十, 承诺书 §八), whose hours the source leaves as "XX": every company fills in its own, and
the commitment letter and the hotline's deadlines use them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .numbering import valid_laptop_code
from .validation import Issue


@dataclass
class Settings:
    company_name: str = "（请在设置中填写公司名称）"
    company_address: str = ""
    company_phone: str = ""
    laptop_code: str = ""  # part of every form number made on this laptop, e.g. A3
    staff_name: str = ""  # default 受理人 / 调查人员 for new records
    # Response times (hours), source 第一节十 售后服务响应时间表 and 承诺书 §八.
    delivery_hours: int = 48
    shortage_phone_hours: int = 2
    shortage_handling_hours: int = 24
    rejected_phone_hours: int = 2
    rejected_handling_hours: int = 24
    quality_phone_hours: int = 2
    quality_handling_hours: int = 48
    objection_hours: int = 24
    # Hotline issues the table does not name (technical questions, visits, training requests).
    general_phone_hours: int = 2
    general_handling_hours: int = 72
    shelf_life_months: int = 12  # 对本单位产品自发货日起的保质期为一年
    # The service desk (issue 6): return visits after a delivery (source: 每季度至少一次远程回访),
    # the call back after a complaint's feedback, and how early the home screen warns of expiry.
    followup_interval_months: int = 3
    complaint_callback_days: int = 7
    expiry_warning_days: int = 60
    pass_mark: int = 80  # 培训考核 合格分数 (of 100), when a session does not set its own
    # Where the automatic and manual backups go (a USB stick, a network drive); empty: <data>/backups.
    backup_folder: str = ""

    @classmethod
    def keys(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def int_keys(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.type in (int, "int")]

    def validate(self) -> list[Issue]:
        issues: list[Issue] = []
        if not self.company_name.strip():
            issues.append(Issue("company_name", QT_TRANSLATE_NOOP(MESSAGES, "必填")))
        if not valid_laptop_code(self.laptop_code):
            issues.append(
                Issue(
                    "laptop_code",
                    QT_TRANSLATE_NOOP(MESSAGES, "本机代码为 1–4 位大写字母或数字，各台电脑不得相同，例如 A3"),
                )
            )
        for key in self.int_keys():
            value = getattr(self, key)
            limit = {"shelf_life_months": 120, "followup_interval_months": 24, "complaint_callback_days": 90,
                     "expiry_warning_days": 365, "pass_mark": 100}.get(key, 720)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= limit:
                issues.append(Issue(key, QT_TRANSLATE_NOOP(MESSAGES, "应为 1 到 {max} 之间的整数"), {"max": limit}))
        for phone, handling in (
            ("shortage_phone_hours", "shortage_handling_hours"),
            ("rejected_phone_hours", "rejected_handling_hours"),
            ("quality_phone_hours", "quality_handling_hours"),
        ):
            a, b = getattr(self, phone), getattr(self, handling)
            if isinstance(a, int) and isinstance(b, int) and b < a:
                issues.append(Issue(handling, QT_TRANSLATE_NOOP(MESSAGES, "协商处理时限不能短于电话响应时限")))
        return issues


LABELS = {
    "company_name": "公司名称",
    "company_address": "公司地址",
    "company_phone": "售后服务电话",
    "laptop_code": "本机代码",
    "staff_name": "本机使用人",
    "delivery_hours": "配送时限（小时）",
    "shortage_phone_hours": "验收数量不足：电话响应（小时）",
    "shortage_handling_hours": "验收数量不足：协商处理（小时）",
    "rejected_phone_hours": "验收不合格：电话响应（小时）",
    "rejected_handling_hours": "验收不合格：协商处理（小时）",
    "quality_phone_hours": "使用中质量问题：电话响应（小时）",
    "quality_handling_hours": "使用中质量问题：协商处理（小时）",
    "objection_hours": "质量异议：作出处理意见（小时）",
    "general_phone_hours": "其他来电：电话响应（小时）",
    "general_handling_hours": "其他来电：处理完毕（小时）",
    "shelf_life_months": "保质期（月，自发货日起）",
    "followup_interval_months": "发货后定期回访间隔（月）",
    "complaint_callback_days": "投诉反馈后回访（天内）",
    "expiry_warning_days": "批次到期提前提醒（天）",
    "pass_mark": "培训考核合格分数",
    "backup_folder": "备份文件夹（空白：数据文件夹中的 backups）",
}
