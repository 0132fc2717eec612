"""Finding any record by anything the caller says (issue 14): person, phone, unit, product, batch,
number, loose pinyin; the command line's ``find``; old data folders reindexed once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.lookup import loose_pinyin, pinyin_segments
from desktop.services.search import SCHEME, SCHEME_KEY, find

HOSPITAL = "北京市第一人民医院"


@pytest.mark.parametrize("typed", ["bjyy", "bjdyyy", "bjsdyrmyy", "beijingyy", "beijdiyiyiyuan", "yiyuan", "rmyy"])
def test_loose_pinyin_finds_the_hospital_by_initials_with_gaps_full_and_mixed(typed):
    assert loose_pinyin(typed).search(pinyin_segments(HOSPITAL))


@pytest.mark.parametrize("typed", ["bjyyx", "ejing", "yybj", "b"])
def test_loose_pinyin_keeps_the_order_and_the_start_of_each_syllable(typed):
    pattern = loose_pinyin(typed)
    assert pattern is None or not pattern.search(pinyin_segments(HOSPITAL))


def test_a_complaint_is_found_by_its_complainant_phone_batch_and_unit_pinyin(forms_ctx):
    svc = forms_ctx.records
    complaint = svc.all_records("complaint")[0]
    f = complaint.values.fields
    person, phone, unit = f["complainant_name"], f["complainant_phone"], f["complainant_unit"]
    batch = complaint.values.tables["items"][0]["batch_no"]
    initials = "".join(s[0] for s in pinyin_segments(unit).split("|") if s)
    for typed in (person, phone, phone[:7], batch, batch.lower(), initials[:2] + initials[-2:], f"{person} {batch}"):
        numbers = [r.number for r in svc.search("complaint", typed)]
        assert complaint.number in numbers, typed
    assert svc.search("complaint", f"{person} zzqx") == []  # every word must be found


def test_follow_up_register_answers_to_bjyy_and_the_phone_digits_without_dashes(forms_ctx):
    svc = forms_ctx.records
    rows = svc.search("followup", "bjyy")
    assert rows and all(HOSPITAL in r.search_text for r in rows)
    customer = next(r for r in svc.all_records("customer") if r.values.fields["name"] == HOSPITAL)
    phone = customer.values.fields["phone"]  # 010-65123456
    assert "-" in phone
    assert [r.number for r in svc.search("customer", phone.replace("-", ""))] == [customer.number]


def test_find_puts_the_exact_number_first_and_then_the_unit(forms_ctx):
    svc = forms_ctx.records
    complaint = svc.all_records("complaint")[3]
    found = find(svc, complaint.number.lower())
    assert found[0].number == complaint.number and found[0].kind == "complaint"
    found = find(svc, "bjyy")
    units = [m.unit for m in found]
    first_other = next((i for i, u in enumerate(units) if u != HOSPITAL), len(units))
    assert units[:first_other] and all(u != HOSPITAL for u in units[first_other:])


def test_cli_find_prints_number_kind_unit_and_status_best_first(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "demo", "--count", "4"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "find", "bjyy", "--kind", "followup"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines
    for line in lines:
        number, kind, unit, status = line.split("\t")
        assert number.startswith("HF-") and kind == "followup" and unit == HOSPITAL and status
    assert main(["--data-dir", data, "find", "吴强"]) == 0
    assert "complaint" in capsys.readouterr().out
    assert main(["--data-dir", data, "find", "x", "--kind", "nosuch"]) == 2
    err = capsys.readouterr().err
    assert "未知的记录类型" in err and "complaint" in err
    assert main(["--data-dir", data, "find", "查无此人zzz"]) == 0
    assert "没有找到" in capsys.readouterr().out


def test_a_released_data_folder_is_reindexed_once_and_then_found_by_person_and_phone(tmp_path):
    from desktop.services.context import open_context
    from desktop.storage.schema import Setting

    folder = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "data" / "schema-0005_desk" / "data", folder)
    ctx = open_context(folder)
    try:
        by_name = [r.number for r in ctx.records.search("complaint", "吴强")]
        assert "TS-2026-F5-0002" in by_name
        assert "TS-2026-F5-0002" in [r.number for r in ctx.records.search("complaint", "13644378662")]
        for number in by_name:  # every one of them does name 吴强 somewhere
            rec = next(r for r in ctx.records.all_records("complaint") if r.number == number)
            assert "吴强" in str(rec.values.fields) + str(rec.values.tables)
        with ctx.db.session() as s:
            assert s.get(Setting, SCHEME_KEY).value == SCHEME
        before = ctx.records.get("complaint", ctx.records.search("complaint", "吴强")[0].id).version
    finally:
        ctx.close()
    ctx = open_context(folder)
    try:  # the search text is an index: no record got a new version for it
        assert ctx.records.get("complaint", ctx.records.search("complaint", "吴强")[0].id).version == before
    finally:
        ctx.close()


def test_a_folder_of_search_scheme_3_gets_the_new_pinyin_keys_and_nothing_else(tmp_path):
    """Scheme 4 changed only the pinyin keys (three letters too): a folder of scheme 3 keeps its
    search text and versions; only the keys are worked out again, from that text."""
    from sqlalchemy import select, update

    from desktop.services.context import open_context
    from desktop.services.search import search_keys_of
    from desktop.storage.schema import MODELS, Setting
    from tests.support import raw_complaint

    folder = tmp_path / "data"
    ctx = open_context(folder)
    rec = ctx.records.create("complaint", raw_complaint(complainant_name="张丽")).record
    table = MODELS["complaint"].record.__table__
    with ctx.db.write() as s:  # as scheme 3 left it: no three-letter keys
        s.execute(update(table).values(search_keys="zhli zl", search_text=table.c.search_text + " kept"))
        s.get(Setting, SCHEME_KEY).value = "3"
    ctx.close()
    ctx = open_context(folder)
    try:
        with ctx.db.session() as s:
            text, keys = s.execute(select(table.c.search_text, table.c.search_keys)).one()
            assert s.get(Setting, SCHEME_KEY).value == SCHEME
        assert text.endswith(" kept")  # the text is not worked out again
        assert keys == search_keys_of(text) and "zhali" in keys.split()
        assert ctx.records.get("complaint", rec.id).version == rec.version
    finally:
        ctx.close()

