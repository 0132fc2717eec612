"""The structure check of an untrusted record (``services.trust.structure_issues``) answers the same
whether a record is looked over as a whole first (what a sync does for thousands) or walked value by
value: every generated record, sound or hostile, gets the same issues from both."""

from __future__ import annotations

import random
from datetime import date

from desktop.services.demo import example_object
from desktop.services.trust import MAX_DEPTH, MAX_TEXT, _issues_by_value, _looks_sound, structure_issues

_BAD_SCALARS = ["\ud800", "a\udfffb", "x\x00y", "长" * (MAX_TEXT + 1), 10 ** 18, -(10 ** 18), float("nan"),
                float("inf"), 1e15, -1e16, (1, 2), object(), b"bytes"]
_GOOD_SCALARS = ["", "北京市第一人民医院", "𠀋", "a\r\nb", 0, -5, 10 ** 18 - 1, 3.25, -1e14, True, False, None,
                 "长" * MAX_TEXT]
_BAD_KEYS = ["\udc80", "k" * 201, 7, None]


def _random_value(rng: random.Random, depth: int, hostile: bool) -> object:
    roll = rng.random()
    if depth < MAX_DEPTH + 2 and roll < 0.25:
        return {_random_key(rng, hostile): _random_value(rng, depth + 1, hostile) for _ in range(rng.randint(0, 4))}
    if depth < MAX_DEPTH + 2 and roll < 0.45:
        return [_random_value(rng, depth + 1, hostile) for _ in range(rng.randint(0, 4))]
    if hostile and rng.random() < 0.08:
        return rng.choice(_BAD_SCALARS)
    return rng.choice(_GOOD_SCALARS)


def _random_key(rng: random.Random, hostile: bool) -> object:
    if hostile and rng.random() < 0.03:
        return rng.choice(_BAD_KEYS)
    return rng.choice(["a", "items", "content_base64", "image_base64", "名称", "x\x00"])


def _said(issues: list) -> list[tuple[str, str, dict]]:
    return sorted((i.path, i.message, i.args) for i in issues)


def test_both_ways_find_the_same_issues_in_generated_records():
    rng = random.Random(20261203)
    sound = 0
    for n in range(3000):
        obj = {"kind": "complaint", **{f"f{i}": _random_value(rng, 1, hostile=n % 2 == 1) for i in range(6)}}
        precise = _issues_by_value(obj)
        if _looks_sound(obj):
            sound += 1
            assert precise == [], obj
        assert _said(structure_issues(obj)) == _said(precise)
    assert 300 < sound < 2700  # both kinds of record were made


def test_an_embedded_picture_may_be_long_and_a_deep_record_is_refused_with_its_path():
    obj = example_object("complaint", date(2026, 12, 3))
    obj["photos"] = [{"filename": "p.png", "content_base64": "A" * (MAX_TEXT * 3)}]
    assert structure_issues(obj) == []  # an embedded picture: walked value by value, and sound
    obj["photos"][0]["caption"] = "A" * (MAX_TEXT + 1)
    [issue] = structure_issues(obj)
    assert issue.path == "photos[0].caption"
    deep: dict = {"kind": "complaint"}
    inner = deep
    for _ in range(MAX_DEPTH + 1):
        inner["x"] = {}
        inner = inner["x"]
    inner["y"] = 1
    assert not _looks_sound(deep)
    assert [i.args for i in structure_issues(deep)] == [{"max": MAX_DEPTH}]
    obj = example_object("complaint", date(2026, 12, 3))
    obj["items"] = [{"batch_no": "B\x00"}]
    [issue] = structure_issues(obj)
    assert issue.path == "items[0].batch_no"


def test_every_example_form_looks_sound():
    from desktop.domain.forms import SPECS

    for kind in SPECS:
        assert _looks_sound(example_object(kind, date(2026, 12, 3))), kind
