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
    theirs = _customer(b, "北京市第一人民医院", "010-65123456")
    told: list[Any] = []
    b.records.on_change(lambda refs: told.extend(refs))
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
        # A already has it as head office now has it; it is head office's there too now.
        got = sync(a.records, url, ta)
        assert got.received == 0 and len(got.notes) == 1 and "采纳" in got.notes[0]
        assert a.records.get("customer", mine.id).origin == "HQ"
        # B's own entry does not stay beside head office's: replaced by it at B's next sync, said once.
        got = sync(b.records, url, tb)
        assert (got.sent, got.received, got.refused) == (0, 1, [])
        assert len(got.notes) == 1 and "合并到" in got.notes[0] and mine.number in got.notes[0]
        assert [r.id for r in b.records.all_records("customer")] == [mine.id]
        # Its removal is among what that sync changed (the look-ups forget it, the register refreshes).
        assert ("customer", theirs.id) in {(r.kind, r.id) for r in told}
        assert b.records.get("customer", mine.id).origin == "HQ"
        assert b.records.get("customer", mine.id).values.fields["name"] == "北京市第一人民医院"
        again = sync(b.records, url, tb)
        assert (again.sent, again.received, again.refused, again.notes) == (0, 0, [], [])
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


def test_a_rejected_proposal_is_kept_on_the_laptop_marked_and_said_once(hq: Any, tmp_path: Path) -> None:
    from desktop.services.sync.register_notes import rejected

    a = laptop(tmp_path, "A1")
    ta = token_for(hq, "A1")
    mine = _customer(a, "上海某物业公司", "021-55550000")
    with running(hq) as url:
        sync(a.records, url, ta)
        reject(hq, list_proposals(hq)[0].id, "吴经理")
        got = sync(a.records, url, ta)
        assert (got.sent, got.received) == (0, 0) and len(got.notes) == 1 and "未采纳" in got.notes[0]
        assert a.records.get("customer", mine.id).values.fields["name"] == "上海某物业公司"  # kept
        mark = rejected(a.records, mine.id)
        assert mark is not None and mark.decided_by == "吴经理"
        again = sync(a.records, url, ta)
        assert (again.sent, again.notes) == (0, [])
        assert hq.count("customer") == 0
    a.close()


def test_a_merge_reaches_a_laptop_by_bundle_too(hq: Any, tmp_path: Path) -> None:
    from desktop.services.sync.bundle import from_file, import_bundle, to_file

    a, b = laptop(tmp_path, "A1"), laptop(tmp_path, "B2")
    ta, tb = token_for(hq, "A1"), token_for(hq, "B2")
    theirs = _customer(a, "北京市第一人民医院", "010-65123456")
    mine = _customer(b, "北京市第一人民医院（本机）", "010-65123456")
    call = b.records.create("ticket", {
        "call_date": "2026-03-19", "call_time": "08:00", "receiver": "王测试", "customer_unit": "北京市第一人民医院（本机）",
        "customer_number": mine.number, "caller_name": "李强", "caller_phone": "13912345678",
        "issue_type": "验收数量不足", "issue": "到货数量与发货单不符。"}).record
    with running(hq) as url:
        sync(a.records, url, ta)
    out = tmp_path / "b.json"
    to_file(b.records, tb, out)
    _r, answer, _n = import_bundle(hq, out)
    from_file(b.records, tb, answer)
    first, second = sorted(list_proposals(hq), key=lambda p: p.laptop)
    accept(hq, first.id, "吴经理")
    merge(hq, second.id, theirs.id, "吴经理")
    to_file(b.records, tb, out)
    _r, answer, _n = import_bundle(hq, out)
    got = from_file(b.records, tb, answer)
    assert got.received == 1 and len(got.notes) == 1 and "合并到" in got.notes[0]
    assert [r.id for r in b.records.all_records("customer")] == [theirs.id]
    assert mine.id not in [r.id for r in b.records.all_records("customer")]
    # The hotline ticket that named B's entry by its number names head office's now, and goes to head office.
    ticket = b.records.get("ticket", call.id)
    assert ticket.values.fields["customer_number"] == theirs.number
    assert ticket.values.fields["customer_unit"] == "北京市第一人民医院"
    to_file(b.records, tb, out)
    _r, answer, _n = import_bundle(hq, out)
    assert hq.get("ticket", call.id).values.fields["customer_number"] == theirs.number
    a.close()
    b.close()
