"""Customers and products from laptops are proposals at head office (issue 12): accepted into the
register, merged with an entry already there, or rejected — one 北京市第一人民医院, not one per laptop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.services.sync.client import sync
from desktop.services.sync.proposals import ProposalRefused, accept, list_proposals, merge, reject
from desktop.services.tickets import raw_of
from desktop.storage.server_accounts import add_user
from tests.sync_helpers import head_office, laptop, running, token_for


@pytest.fixture
def hq(pg_url: str) -> Any:
    service = head_office(pg_url)
    with service.db.write() as s:
        add_user(s, "吴经理", "售后部经理", "correct horse battery")
        add_user(s, "郑员", "售后服务人员", "correct horse battery")
    yield service
    service.db.dispose()


def _customer(ctx: Any, name: str, phone: str) -> Any:
    return ctx.records.create("customer", {"name": name, "phone": phone, "registered_date": "2026-11-20"}).record


def test_the_same_customer_from_two_laptops_is_one_in_the_register(hq: Any, tmp_path: Path) -> None:
    a, b = laptop(tmp_path, "A1"), laptop(tmp_path, "B2")
    ta, tb = token_for(hq, "A1"), token_for(hq, "B2")
    mine = _customer(a, "北京市第一人民医院", "010-65123456")
    _customer(b, "北京市第一人民医院", "010-65123456")
    with running(hq) as url:
        assert sync(a.records, url, ta).sent == 1
        assert sync(b.records, url, tb).sent == 1
        assert hq.count("customer") == 0
        pending = list_proposals(hq)
        assert [(p.laptop, p.summary) for p in pending] == [("A1", "北京市第一人民医院"), ("B2", "北京市第一人民医院")]
        with pytest.raises(ProposalRefused):
            accept(hq, pending[0].id, "郑员")  # a service clerk does not keep the register
        accept(hq, pending[0].id, "吴经理")
        merge(hq, pending[1].id, mine.id, "吴经理")
        with pytest.raises(ProposalRefused):
            reject(hq, pending[1].id, "吴经理")  # already decided
        assert hq.count("customer") == 1
        entry = hq.get("customer", mine.id)
        assert entry.origin == "HQ" and entry.values.fields["name"] == "北京市第一人民医院"
        assert [(p.status, p.decided_by) for p in list_proposals(hq, None)] == [("accepted", "吴经理"), ("merged", "吴经理")]
        # A already has it as head office now has it.
        assert sync(a.records, url, ta).received == 0
        # B keeps its own entry (archived: not deleted); head office's is said and left, the sync runs.
        got = sync(b.records, url, tb)
        assert (got.sent, got.received) == (0, 0) and len(got.refused) == 1 and "同名单位" in got.refused[0]
        assert sync(b.records, url, tb).refused == []  # said once: not fetched again until it changes
        # A third laptop without such an entry receives head office's.
        c = laptop(tmp_path, "C3")
        tc = token_for(hq, "C3")
        got = sync(c.records, url, tc)
        assert (got.sent, got.received) == (0, 1)
        assert c.records.get("customer", mine.id).values.fields["phone"] == "010-65123456"
        # C's change to head office's entry is a proposal too; accepted, it reaches A.
        raw = raw_of(c.records.get("customer", mine.id))
        raw["phone"] = "010-65129999"
        c.records.update("customer", mine.id, raw)
        assert sync(c.records, url, tc).sent == 1
        assert hq.get("customer", mine.id).values.fields["phone"] == "010-65123456"
        change = list_proposals(hq)[0]
        assert change.laptop == "C3" and change.record_id == mine.id
        accept(hq, change.id, "吴经理")
        assert hq.get("customer", mine.id).values.fields["phone"] == "010-65129999"
        assert sync(a.records, url, ta).received == 1
        assert a.records.get("customer", mine.id).values.fields["phone"] == "010-65129999"
        assert sync(c.records, url, tc).received == 0  # C has it already
    for ctx in (a, b, c):
        ctx.close()
