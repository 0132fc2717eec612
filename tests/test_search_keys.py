"""Loose pinyin at head office (issue 12): a record's ``search_keys`` (the pairs of initials of each
name's pinyin) and a typed word's keys (the pairs of letters that must start a syllable) narrow the
search through an index, and must never leave out a record the exact test finds: the keys a matching
word needs are always among the record's; the register search gives, on SQLite and PostgreSQL, what
filtering every row gives, for words of every shape (initials, full, mixed, rare, none)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text, update

from desktop.domain.clock import FixedClock
from desktop.services.context import open_context
from desktop.services.lookup import (
    SYLLABLES,
    UNSURE_KEY,
    loose_keys,
    loose_pinyin,
    pinyin_keys_of,
    pinyin_segments,
)
from desktop.services.records import filter_rows
from desktop.services.search import SEP, search_keys_of
from desktop.storage.schema import MODELS
from tests.support import NOW, raw_complaint

NAMES = ["北京市第一人民医院", "北京市朝阳区疾病预防控制中心", "上海市徐汇区中心医院", "北京市海淀区实验小学",
         "重庆市渝中区妇幼保健院", "长沙市岳麓区养老院", "张丽", "张立国", "郑丽", "朱磊", "吕秀兰", "女子学院",
         "ABC酒店管理有限公司", "3M中国", "嗯嗯餐厅", "厦门市思明区绿化管理处", "西安市雁塔区阿房宫小学",
         "哈尔滨市南岗区二中", "广州市天河区 B座物业", "欧阳娜", "安庆市恩施路"]


def _words(rng: random.Random, name: str, n: int) -> list[str]:
    """Words a user might type for ``name``: each syllable cut to a prefix (or skipped), in order."""
    syllables = [s for s in pinyin_segments(name).split("|") if s and s.isascii() and s.isalpha()]
    out = []
    for _ in range(n):
        start = rng.randrange(len(syllables)) if syllables else 0
        word = "".join(s[:rng.choice([1, 1, 2, len(s)])] for s in syllables[start:] if rng.random() < 0.7)
        if len(word) >= 2:
            out.append(word)
    return out


def test_the_syllables_are_every_toneless_reading_pypinyin_has() -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    from desktop.services.lookup import _toneless

    assert {_toneless(r) for v in pinyin_dict.values() for r in v.split(",")} == SYLLABLES


def test_a_word_that_matches_a_name_needs_only_keys_the_name_has() -> None:
    rng = random.Random(12)
    letters = "abcdefghjklmnopqrstwxyz"
    words = {w for name in NAMES for w in _words(rng, name, 40)}
    words |= {"".join(rng.choice(letters) for _ in range(rng.randint(2, 6))) for _ in range(3000)}
    words |= {"bjyy", "zhangli", "bjshi", "beijingyiyuan", "zhang", "yy", "lvxl", "nvzi", "abcjd", "ngng", "en"}
    matched = 0
    for name in NAMES:
        segments = pinyin_segments(name)
        keys = set(pinyin_keys_of(segments).split())
        for word in words:
            if loose_pinyin(word).search(segments):
                matched += 1
                sure, any_of = loose_keys(word)
                assert UNSURE_KEY in keys or (set(sure) <= keys and (not any_of or any(set(w.split()) <= keys for w in any_of))), (name, word)
    assert matched > 500  # the words do match names: the test is not empty


def test_keys_are_pairs_of_initials_within_one_name() -> None:
    keys = pinyin_keys_of(pinyin_segments("北京医院") + " " + pinyin_segments("张丽")).split()
    assert keys == sorted({"bj", "by", "jy", "yy", "beji", "beyi", "beyu", "jiyi", "jiyu", "yiyu",
                           "beiji", "beiyi", "beiyu", "jinyi", "jinyu", "zl", "zhli", "zhali"})
    # not bz: 北 and 张 are in different names
    assert loose_keys("bjyy") == (["bj", "by", "jy", "yy"], ["bj by jy"])
    sure, any_of = loose_keys("zhangli")
    assert sure == ["zl"]  # h, a, n, g may be inside zhang; i is inside li
    assert "zhali zhli zl" in any_of  # zhang·li: not 郑丽 (zheng·li)
    assert loose_keys("bjshi")[0] == ["bj", "bs", "js"]
    assert loose_keys("zhang") == ([], [])  # may be one syllable: nothing to narrow by
    assert loose_keys("北京") == ([], []) and loose_keys("b") == ([], [])
    assert search_keys_of("ts-2026 北京医院") == ""  # no pinyin part
    assert search_keys_of("x" + SEP + pinyin_segments("张丽")) == "zhali zhli zl"
    assert "zhali" not in search_keys_of("x" + SEP + pinyin_segments("郑丽")).split()


@pytest.fixture
def service(service_on_each_database: Any) -> Any:
    return service_on_each_database


def test_the_register_search_is_filtering_every_row_for_loose_pinyin_of_every_shape(service: Any) -> None:
    rng = random.Random(7)
    people = ["张丽", "张立国", "郑丽", "朱磊", "吕秀兰", "欧阳娜", "王建国"]
    units = [n for n in NAMES if len(n) > 3]
    for i in range(40):
        service.create("complaint", raw_complaint(complainant_unit=units[i % len(units)],
                                                  complainant_name=people[i % len(people)],
                                                  complainant_phone=f"1390000{i:04d}",
                                                  received_date=f"2026-11-{1 + i % 20:02d}"))
    every = service.search("complaint", "")
    with service.db.write() as s:  # a few statuses, as steps would leave them
        for r in every[::5]:
            s.get(MODELS["complaint"].record, r.id).status = "已关闭"
    every = service.search("complaint", "")
    queries = ["bjyy", "zhangli", "zl", "bjshi", "beijingyiyuan", "zhang", "cqs", "chongqing", "lvxl", "abcjd",
               "ouyn", "xmssm", "yy", "zzz", "qwxz", "北京 bjyy", "zhangli 1390000"]
    queries += [w for name in units + people for w in _words(rng, name, 3)]
    found_some = 0
    for query in queries:
        want = filter_rows(every, query)
        found_some += 0 < len(want) < len(every)
        assert service.search("complaint", query) == want, query
        assert service.search("complaint", query, limit=3) == want[:3], query
        assert service.search("complaint", query, status="已关闭") == [r for r in want if r.status == "已关闭"], query
    assert found_some > len(queries) // 2  # most queries tell rows apart
    if service.db.engine.dialect.name == "postgresql":
        with service.db.session() as s:
            indexdef = s.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_complaint_search_keys'"))
            assert "string_to_array(search_keys" in indexdef.scalar_one()


def test_a_record_with_unsure_keys_is_still_tested_exactly(service: Any) -> None:
    service.create("complaint", raw_complaint(complainant_unit="北京市第一人民医院"))
    rec = MODELS["complaint"].record
    with service.db.write() as s:  # as a name with a syllable outside the list would leave it
        s.execute(update(rec).values(search_keys=UNSURE_KEY))
    assert len(service.search("complaint", "bjyy", limit=10)) == 1
    with service.db.write() as s:
        s.execute(update(rec).values(search_keys=""))
    if service.db.engine.dialect.name == "postgresql":  # the keys are what head office narrows by
        assert service.search("complaint", "bjyy", limit=10) == []


def test_saved_records_have_their_keys_and_old_ones_get_them_at_open(tmp_path: Path) -> None:
    ctx = open_context(tmp_path / "data", FixedClock(NOW))
    out = ctx.records.create("complaint", raw_complaint(complainant_unit="北京市第一人民医院"))
    rec = MODELS["complaint"].record
    with ctx.records.db.session() as s:
        row = s.get(rec, out.record.id)
        assert row.search_keys == search_keys_of(row.search_text) and "bj" in row.search_keys.split()
    with ctx.records.db.write() as s:  # a folder from before the keys
        s.execute(update(rec).values(search_keys=""))
        s.execute(text("UPDATE setting SET value = '2' WHERE key = 'search_scheme'"))
    ctx.close()
    ctx = open_context(tmp_path / "data", FixedClock(NOW))
    with ctx.records.db.session() as s:
        assert "bj" in s.get(rec, out.record.id).search_keys.split()
    ctx.close()
