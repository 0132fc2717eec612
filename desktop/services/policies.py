"""The domain's policies: what saving one record does to others, declared in one place.

A policy runs inside the transaction of the operation that saves a record of one of its kinds,
after the record is written, so what it changes is written together with that record, or not at
all, and comes back in the operation's ``Outcome``.  The decisions are the domain's (when a return
visit is due: ``domain.followup_rules``; which step a ticket takes: ``domain.ticket_rules``); the
functions named here apply them to the stored records through ``RecordService``'s write path, with
real workflow steps.

The list is explicit and ordered; nothing is registered by importing a module.  ``on_import`` says
whether the policy also runs for records that arrive by import (or, later, sync): the unique unit
name does, as a file must not bring a second 北京市第一人民医院; the planning ones run there only for
records this laptop owns (``planning``), since the laptop that made a record plans its follow-ups
and they travel with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .customer_names import unique_customer_name
from .planning import complete_callback_of, plan_followups
from .tickets import escalate_ticket

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..domain.records import Record
    from .records import RecordService

PolicyRun = Callable[["RecordService", "Session", "Record", "str | None"], None]


@dataclass(frozen=True)
class Policy:
    name: str
    kinds: tuple[str, ...]  # the kinds whose saves run it
    run: PolicyRun  # (service, session, record as saved, status before or None for a new record)
    on_import: bool = False
    description: str = ""


POLICIES: tuple[Policy, ...] = (
    Policy("unique-customer-name", ("customer",), unique_customer_name, on_import=True,
           description="一个采购单位只建一份客户档案：同名单位的保存被拒绝"),
    Policy("escalate-ticket", ("complaint",), escalate_ticket, on_import=False,
           description="由热线保障单转成的投诉第一次保存时，保障单转为“已转投诉”"),
    Policy("plan-followups", ("delivery", "followup", "complaint"), plan_followups, on_import=True,
           description="发货后每 3 个月回访；回访完成排下一次；投诉反馈后排回访；回访完成则投诉已回访"),
    Policy("complete-callback", ("complaint",), complete_callback_of, on_import=False,
           description="投诉在自己的表上记为已回访时，它的投诉处理后回访一并完成"),
)
