"""Per-laptop settings, validated here and stored by ``storage.settings``."""

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

    @classmethod
    def keys(cls) -> list[str]:
        return [f.name for f in fields(cls)]

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
        return issues


LABELS = {
    "company_name": "公司名称",
    "company_address": "公司地址",
    "company_phone": "售后服务电话",
    "laptop_code": "本机代码",
    "staff_name": "本机使用人",
}
