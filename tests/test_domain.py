"""Domain rules: values, validation, workflow, numbering — pure Python, no database, no Qt."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain import complaint as c
from desktop.domain.complaint_rules import WORKFLOW, retention_ends
from desktop.domain.fields import Field, FieldType, ValueError_, parse_date, parse_value
from desktop.domain.numbering import format_number, parse_number, valid_laptop_code
from desktop.domain.forms import WORKFLOWS
from desktop.domain.validation import parse_record, strip_blank_rows
from desktop.domain.workflow import check_status, check_transition, path_to
from tests.support import TODAY, example, raw_complaint

SPEC = c.SPEC


@pytest.mark.parametrize("text,expected", [
    ("2026-03-15", dt.date(2026, 3, 15)),
    ("2026/3/5", dt.date(2026, 3, 5)),
    ("20260315", dt.date(2026, 3, 15)),
    ("2026年3月15日", dt.date(2026, 3, 15)),
    ("2024-02-29", dt.date(2024, 2, 29)),
])
def test_dates_in_the_forms_people_type(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,fragment", [
    ("2026-02-30", "2026 年 2 月没有 30 日"),
    ("2025-02-29", "没有 29 日"),
    ("2026-13-01", "没有 13 月"),
    ("15.3.2026", "年-月-日"),
    ("昨天", "年-月-日"),
])
def test_impossible_dates_are_refused_in_chinese(text, fragment):
    with pytest.raises(ValueError_) as e:
        parse_date(text)
    assert fragment in str(e.value)


@pytest.mark.parametrize("phone", ["13812345678", "138 1234 5678", "+86 138-1234-5678", "010-65123456",
                                   "0571-88012345", "(0755)26553111", "400-820-1234", "010-65123456转123"])
def test_valid_phone_numbers(phone):
    assert parse_value(Field("p", "电话", FieldType.PHONE), phone) == phone.strip()


@pytest.mark.parametrize("phone", ["12345", "12812345678", "1381234567", "abc", "010-123", "23812345678"])
def test_phone_numbers_that_are_not(phone):
    with pytest.raises(ValueError_) as e:
        parse_value(Field("p", "电话", FieldType.PHONE), phone)
    assert "不是有效的电话号码" in str(e.value)


def test_quantities():
    q = Field("q", "投诉量", FieldType.DECIMAL, positive=True)
    assert parse_value(q, "12") == Decimal(12)
    assert parse_value(q, "1,200.5") == Decimal("1200.5")
    assert parse_value(q, 2.5) == Decimal("2.5")
    for bad, msg in [("-3", "应大于 0"), ("0", "应大于 0"), ("abc", "应为数字"), ("1.234", "最多保留 2 位小数"),
                     ("nan", "应为数字"), (True, "应为数字")]:
        with pytest.raises(ValueError_, match=msg):
            parse_value(q, bad)


def test_choice_and_length_limits():
    with pytest.raises(ValueError_, match="不是可选项"):
        parse_value(SPEC.field("channel"), "飞鸽传书")
    with pytest.raises(ValueError_, match="太长"):
        parse_value(SPEC.field("receiver"), "张" * 41)
    assert parse_value(SPEC.field("reason"), "  第一行\r\n第二行  ") == "  第一行\n第二行  "


def _parsed(raw):
    values, issues = parse_record(SPEC, raw)
    strip_blank_rows(SPEC, values)
    return values, issues


def test_a_new_complaint_needs_its_registration_fields():
    values, issues = _parsed({"items": [{}]})
    assert issues == []
    missing = {i.path for i in WORKFLOWS[SPEC.kind].check(values, TODAY)}
    assert {"received_date", "channel", "receiver", "severity", "category", "complainant_unit",
            "complainant_name", "complainant_phone", "reason", "items"} <= missing


def test_item_lines_are_checked_one_by_one():
    raw = raw_complaint(items=[
        {"product_name": "84 消毒液", "quantity": "-3", "unit": "桶", "batch_no": "A1"},
        {},  # the empty line the form always offers is ignored
        {"product_name": "灭鼠毒饵", "quantity": "5", "unit": "袋"},
    ])
    values, issues = _parsed(raw)
    assert [(i.path, i.message) for i in issues] == [("items[0].quantity", "应大于 0")]
    raw["items"][0]["quantity"] = "3"
    values, issues = _parsed(raw)
    assert len(values.tables["items"]) == 2
    assert [i.path for i in WORKFLOWS[SPEC.kind].check(values, TODAY)] == ["items[1].batch_no"]


def test_dates_must_be_in_order_and_not_in_the_future():
    values, _ = _parsed(raw_complaint(received_date="2026-11-27"))
    assert [i.message for i in WORKFLOWS[SPEC.kind].check(values, TODAY)] == ["不能晚于今天（2026-11-26）"]
    values, _ = _parsed(raw_complaint(received_date="2026-11-26"))
    assert WORKFLOWS[SPEC.kind].check(values, TODAY) == []
    values, _ = _parsed(raw_complaint(investigation_date="2026-11-19"))
    (issue,) = WORKFLOWS[SPEC.kind].check(values, TODAY)
    assert issue.path == "investigation_date" and "不能早于登记日期" in issue.message


def test_workflow_offers_only_the_next_steps():
    # Every open complaint may also be voided (a duplicate); a closed one only reopened, a voided one nothing.
    assert [t.target for t in WORKFLOW.next_steps(c.REGISTERED)] == [c.INVESTIGATING, c.VOIDED]
    assert {t.target for t in WORKFLOW.next_steps(c.DETERMINED)} == {c.INVESTIGATING, c.HANDLING, c.VOIDED}
    assert {t.target for t in WORKFLOW.next_steps(c.FED_BACK)} == {c.REVISITED, c.CLOSED, c.VOIDED}
    assert [(t.target, t.reason) for t in WORKFLOW.next_steps(c.CLOSED)] == [(c.HANDLING, "reopen_reason")]
    assert WORKFLOW.next_steps(c.VOIDED) == []
    assert [t.target for t in path_to(WORKFLOW, c.CLOSED)] == [
        c.INVESTIGATING, c.DETERMINED, c.HANDLING, c.FED_BACK, c.CLOSED]


def test_determination_is_required_before_determined():
    t = WORKFLOW.find(c.INVESTIGATING, c.DETERMINED)
    values, _ = _parsed(raw_complaint(investigator="冯志强"))
    paths = {i.path for i in check_transition(WORKFLOW, values, t, TODAY)}
    assert {"quality_determination", "findings", "investigation_opinion", "determined_by"} <= paths

    raw = raw_complaint(investigator="冯志强", investigation_date="2026-11-21", findings="现场查看",
                        investigation_opinion="待鉴定", quality_determination=c.UNDETERMINABLE,
                        determined_by="冯志强", determined_role="品质部", determined_date="2026-11-22")
    values, _ = _parsed(raw)
    (issue,) = check_transition(WORKFLOW, values, t, TODAY)
    assert issue.path == "quality_determination" and "质量部门鉴定" in issue.message

    raw["quality_determination"] = c.QUALITY_PROBLEM
    values, _ = _parsed(raw)
    (issue,) = check_transition(WORKFLOW, values, t, TODAY)
    assert issue.path == "photos"  # a quality problem needs photographs (source 第二节三(二)3)

    raw["quality_determination"] = c.NOT_QUALITY_PROBLEM
    values, _ = _parsed(raw)
    assert check_transition(WORKFLOW, values, t, TODAY) == []


def test_quality_problem_is_handled_at_the_companys_cost():
    obj = example()
    obj.update(cost_bearer="客户承担", company_pays_shipping=False, resolution="客户自行承担")
    values, issues = _parsed(obj)
    assert issues == []
    paths = {i.path for i in check_status(WORKFLOW, values, c.HANDLING, TODAY)}
    assert {"resolution", "cost_bearer", "company_pays_shipping"} <= paths


def test_feedback_must_tell_of_the_right_to_appeal():
    obj = example()
    obj["appeal_notice_given"] = False
    values, _ = _parsed(obj)
    assert "appeal_notice_given" in {i.path for i in check_status(WORKFLOW, values, c.FED_BACK, TODAY)}


@pytest.mark.parametrize("kind", ["complaint", "service-report", "survey", "return-request"])
def test_the_example_is_valid_at_its_status_with_every_field_filled(kind):
    from desktop.domain.forms import SPECS, WORKFLOWS
    from desktop.services.demo import example_object

    spec = SPECS[kind]
    obj = example_object(kind, TODAY)
    values, issues = parse_record(spec, obj)
    strip_blank_rows(spec, values)
    assert issues == []
    assert check_status(WORKFLOWS[kind], values, obj["status"], TODAY) == []
    filled = {k for k, v in values.fields.items() if v is not None}
    # Computed fields are worked out at save (Workflow.derive), not written in the example.
    assert filled == {f.key for f in spec.fields() if not f.read_only and not f.computed}
    for t in spec.tables():
        assert values.tables[t.key], t.key
        for col in (column for column in t.columns if not column.computed):
            assert any(row.get(col.key) is not None for row in values.tables[t.key]), (t.key, col.key)


def test_numbers_and_laptop_codes():
    assert format_number("TS", 2026, "A3", 7) == "TS-2026-A3-0007"
    assert parse_number("TS-2026-A3-0007") == ("TS", 2026, "A3", 7)
    assert parse_number("TS-2026-A3-12345") == ("TS", 2026, "A3", 12345)
    assert parse_number("TS-26-A3-7") is None
    assert valid_laptop_code("A3") and valid_laptop_code("D9PV")
    assert not valid_laptop_code("a3") and not valid_laptop_code("ABCDE") and not valid_laptop_code("")


def test_retention_is_five_years_after_closing():
    assert retention_ends(dt.date(2026, 3, 1)) == dt.date(2031, 3, 1)
    assert retention_ends(dt.date(2028, 2, 29)) == dt.date(2033, 2, 28)
    assert retention_ends(None) is None


def test_spec_keys_are_unique_and_json_safe():
    keys = [f.key for f in SPEC.fields()] + [t.key for t in SPEC.tables()] + [p.key for p in SPEC.photo_lists()]
    assert len(keys) == len(set(keys))
    assert all(k.isidentifier() and k.islower() for k in keys)
    for sig in SPEC.signatures:
        for key in (sig.name_field, sig.date_field):
            assert key is None or SPEC.field(key)


LAYERS = {"domain": {"PySide6", "sqlalchemy", "alembic", "reportlab"},
          "storage": {"PySide6", "reportlab"},
          "services": {"PySide6"},
          "documents": {"PySide6", "sqlalchemy", "alembic"},
          "ui": {"sqlalchemy", "alembic"}}


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_layers_import_in_one_direction(layer):
    """The domain knows no Qt and no ORM; the UI never touches the ORM (ARCHITECTURE.md)."""
    root = Path(__file__).resolve().parent.parent / "desktop" / layer
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in LAYERS[layer], f"{path.name} imports {name}"


# Which of the project's own layers each layer may use (its own always): the domain none but the
# resource paths; storage and documents the domain; services those three; the window the services
# and the domain (what storage raises reaches it through services.errors), documents for previews.
PROJECT_LAYERS = {
    "domain": {"paths"},
    "storage": {"domain", "paths"},
    "documents": {"domain", "paths"},
    "services": {"domain", "storage", "documents", "paths", "__version__"},
    "ui": {"domain", "services", "documents", "paths", "__version__"},
}


def _project_imports(path: Path, package: list[str]) -> list[str]:
    """The project modules ``path`` imports, relative imports resolved (``from ..storage import x``
    in desktop/ui is desktop.storage)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                found += [".".join([*base, node.module])] if node.module else [
                    ".".join([*base, a.name]) for a in node.names]
            else:
                found.append(node.module or "")
    return [m for m in found if m.split(".")[0] == "desktop" and m.count(".")]


def test_project_imports_resolve_as_expected():
    root = Path(__file__).resolve().parent.parent / "desktop"
    imports = _project_imports(root / "ui" / "form_view.py", ["desktop", "ui"])
    assert "desktop.services.errors" in imports and "desktop.domain.forms" in imports and "desktop.ui.dialogs" in imports


@pytest.mark.parametrize("layer", sorted(PROJECT_LAYERS))
def test_layers_use_each_other_in_one_direction(layer):
    """The project's own imports, relative ones included, follow the layers."""
    root = Path(__file__).resolve().parent.parent / "desktop"
    wrong = []
    for path in (root / layer).rglob("*.py"):
        package = ["desktop", *path.relative_to(root).parts[:-1]]
        for module in _project_imports(path, package):
            used = module.split(".")[1]
            if used != layer and used not in PROJECT_LAYERS[layer]:
                wrong.append(f"{path.relative_to(root)} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_content_hash_is_stable_and_changes_with_any_value(tmp_path):
    from desktop.domain.records import content_hash
    from desktop.services.transfer import import_records
    from tests.support import context

    ctx = context(tmp_path)
    (rec,) = import_records(ctx.records, example()).records
    again = ctx.records.get("complaint", rec.id)
    assert content_hash(SPEC, rec) == content_hash(SPEC, again)
    assert len(content_hash(SPEC, rec)) == 64
    again.values.fields["reason"] += "。"
    assert content_hash(SPEC, again) != content_hash(SPEC, rec)
    again = ctx.records.get("complaint", rec.id)
    again.revision = 2
    assert content_hash(SPEC, again) != content_hash(SPEC, rec)
    ctx.close()


def test_new_ids_are_version_4_uuids_none_twice_and_a_forked_child_draws_its_own():
    import os
    import uuid

    from desktop.domain.records import new_id

    ids = [new_id() for _ in range(5000)]
    assert len(set(ids)) == len(ids)
    for text in ids[:600]:
        u = uuid.UUID(text)
        assert (str(u), u.version, u.variant) == (text, 4, uuid.RFC_4122)
    if not hasattr(os, "fork"):
        return
    new_id()  # the pool holds ids the child would otherwise hand out again
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next ids, to the parent
        os.write(write, " ".join(new_id() for _ in range(300)).encode())
        os._exit(0)
    os.close(write)
    child = set(os.read(read, 1 << 20).decode().split())
    os.waitpid(pid, 0)
    assert len(child) == 300 and not child & {new_id() for _ in range(300)}
