"""Helpers shared by the non-GUI tests (the GUI fixtures are in conftest.py)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from desktop.domain.clock import FixedClock
from desktop.services.context import AppContext, open_context
from desktop.services.demo import example_object

TODAY = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.timezone.utc)


def context(tmp_path: Path, now: dt.datetime = NOW) -> AppContext:
    return open_context(tmp_path / "data", FixedClock(now))


def raw_complaint(**overrides: Any) -> dict[str, Any]:
    """A new complaint as a form would hand it to the service (registration part only)."""
    raw: dict[str, Any] = {
        "received_date": "2026-11-20",
        "channel": "电话",
        "receiver": "马晓东",
        "severity": "一般投诉",
        "category": "使用中质量问题",
        "complainant_unit": "北京市第一人民医院",
        "complainant_name": "张丽",
        "complainant_phone": "010-65123456",
        "complainant_address": "北京市东城区东单北大街 18 号",
        "items": [
            {"product_name": "84 消毒液", "packaging": "桶装", "quantity": "12", "unit": "桶",
             "batch_no": "SH250301", "purchase_place": "公司直销"},
        ],
        "reason": "验收后使用时发现有效氯浓度偏低。",
    }
    raw.update(overrides)
    return raw


def example() -> dict[str, Any]:
    return copy.deepcopy(example_object("complaint", TODAY))
