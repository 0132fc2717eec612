"""Excel: the import template, the all-or-nothing import of the registers, the 台账 export, the
command line and the 工具 menu's actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.domain.forms import SPECS
from desktop.services.context import open_context
from desktop.services.excel import (
    cell_value,
    export_workbook,
    import_workbook,
    template_layout,
    write_template,
)


def headers(ws: Any) -> dict[str, int]:
    """Column index by label (the required mark taken off)."""
    return {str(c.value).lstrip("*"): c.column for c in ws[1] if c.value}


def fill(path: Path, sheets: dict[str, list[dict[str, Any] | None]]) -> Path:
    """Write the template to ``path`` and fill its sheets as a clerk would: one dict per row by
    label (``None`` leaves the row empty)."""
    write_template(path)
    wb = load_workbook(path)
    for title, rows in sheets.items():
        ws = wb[title]
        cols = headers(ws)
        for n, row in enumerate(rows, start=2):
            for label, value in (row or {}).items():
                ws.cell(row=n, column=cols[label], value=value)
    wb.save(path)
    return path


def counts(service: Any) -> dict[str, int]:
    return {kind: service.count(kind) for kind in SPECS}


CUSTOMER = {"单位名称": "北京第一医院", "单位类型": "医疗机构", "所在地区": "北京市西城区", "单位电话": 13812345678.0,
            "建档日期": dt.datetime(2026, 3, 1), "负责销售": "马晓东"}
CONTACTS = [
    {"单位名称": "北京第一医院", "姓名": "张丽", "职务/部门": "后勤处", "电话": 13912345678, "主要联系人": "是"},
    {"单位名称": "北京第一医院", "姓名": "王建国", "电话": "010-66123457"},
]
PRODUCT = {"产品名称": "优氯净消毒片", "类别": "消毒剂", "剂型": "片剂", "有效成分": "二氯异氰尿酸钠",
           "计量单位": "瓶", "保质期（月）": 24, "建档日期": dt.datetime(2026, 1, 5)}
DELIVERY = {"客户单位": "北京第一医院", "发货日期": dt.datetime(2026, 3, 15), "产品名称": "优氯净消毒片",
            "生产批号": 20260115, "生产日期": "2026/1/15", "数量": 12.5, "单位": "瓶"}


# ------------------------------------------------------------------------------------------ template


def test_template_sheets_and_columns_come_from_the_specs(tmp_path):
    path = write_template(tmp_path / "模板.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[:5] == ["填写说明", "客户", "客户联系人", "产品", "发货批次"]
    delivery = SPECS["delivery"]
    ws = wb["发货批次"]
    first = [c.value for c in ws[1] if c.value]
    # Every field a person fills, by label, in form order; required ones marked; the computed
    # expiry, the number and the status are not columns.
    expected = [("*" if f.required else "") + f.label for f in delivery.fields() if not f.read_only and not f.computed]
    assert first == expected
    assert "有效期至" not in first and "发货单号" not in first and "状态" not in first
    assert ws["A1"].value == "*客户单位" and ws["A1"].fill.fgColor.rgb.endswith("FCE4D6")
    assert ws.freeze_panes == "A2"
    cols = headers(ws)
    # A drop-down with the spec's choices on 单位 and 验收结果; dates formatted as dates.
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in ws.data_validations.dataValidation
             if dv.type == "list"}
    unit_col = ws.cell(row=1, column=cols["单位"]).column_letter
    assert set(lists[unit_col].strip('"').split(",")) == set(delivery.field("unit").choices)
    date_col = ws.cell(row=1, column=cols["生产日期"]).column_letter
    assert ws.column_dimensions[date_col].number_format == "yyyy-mm-dd"
    assert ws.column_dimensions[ws.cell(row=1, column=cols["生产批号"]).column_letter].width >= 10
    contacts = [c.value for c in wb["客户联系人"][1] if c.value]
    assert contacts[0] == "*单位名称" and "*姓名" in contacts and "*电话" in contacts
    notes = "\n".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    assert "必填" in notes and "2026-03-15" in notes and "010-12345678" in notes and "医疗机构" in notes
    assert "按名称更新" in notes


def test_cell_values_as_excel_gives_them():
    spec = SPECS["delivery"]
    assert cell_value(spec.field("contact_phone"), 13812345678.0) == "13812345678"
    assert cell_value(spec.field("contact_phone"), 1066123456) == "01066123456"  # the 0 Excel dropped
    assert cell_value(spec.field("contact_phone"), 12345) == "12345"  # refused later, as typed
    assert cell_value(spec.field("batch_no"), 20260115) == "20260115"
    assert cell_value(spec.field("delivery_date"), dt.datetime(2026, 3, 15)) == dt.date(2026, 3, 15)
    assert cell_value(spec.field("delivery_date"), 46096) == dt.date(2026, 3, 15)  # a serial, unformatted
    assert cell_value(spec.field("delivery_date"), 20260315) == "20260315"
    assert cell_value(spec.field("quantity"), 3.0) == 3
    assert cell_value(spec.field("quantity"), 12.35) == "12.35"
    assert cell_value(spec.field("batch_no"), "  B-01 ") == "B-01"
    assert cell_value(spec.field("batch_no"), "   ") is None


# ------------------------------------------------------------------------------------------ import


def test_template_round_trip_creates_products_customers_contacts_and_deliveries(tmp_path, service):
    own_life = DELIVERY | {"生产批号": "B2", "保质期（月）": 6, "产品名称": "灭蟑胶饵（新）", "单位": "支"}
    path = fill(tmp_path / "导入.xlsx", {
        "客户": [CUSTOMER, None, {"单位名称": "上海实验学校", "建档日期": "2026-02-01", "单位类型": "学校、托幼机构"}],
        "客户联系人": CONTACTS,
        "产品": [PRODUCT],
        "发货批次": [DELIVERY, own_life],
    })
    result = import_workbook(service, path)
    assert result.ok, result.error_lines()
    assert result.created == {"product": 1, "customer": 2, "delivery": 2}
    assert [r.kind for r in result.records] == ["product", "customer", "customer", "delivery", "delivery"]
    customers = {r.values.fields["name"]: r for r in service.all_records("customer")}
    hospital = customers["北京第一医院"]
    assert hospital.values.fields["phone"] == "13812345678"
    assert hospital.values.fields["registered_date"] == dt.date(2026, 3, 1)
    contacts = hospital.values.tables["contacts"]
    assert [(c["name"], c["phone"], c["primary"]) for c in contacts] == [
        ("张丽", "13912345678", True), ("王建国", "010-66123457", None)]
    assert customers["上海实验学校"].values.tables["contacts"] == []
    deliveries = {r.values.fields["batch_no"]: r for r in service.all_records("delivery")}
    first = deliveries["20260115"].values.fields
    # The shelf life of the product imported in the same file: 24 months from the delivery date.
    assert first["expiry_date"] == dt.date(2028, 3, 14)
    assert first["production_date"] == dt.date(2026, 1, 15) and first["quantity"] == Decimal("12.5")
    assert deliveries["B2"].values.fields["expiry_date"] == dt.date(2026, 9, 14)  # its own 6 months
    # The same file again changes nothing: same names are unchanged, same deliveries skipped.
    before = counts(service)
    again = import_workbook(service, path)
    assert again.ok and again.created == {} and again.updated == {}
    assert again.unchanged == {"product": 1, "customer": 2}
    assert [(p.sheet, p.row) for p in again.skipped] == [("发货批次", 2), ("发货批次", 3)]
    assert counts(service) == before


def test_errors_name_sheet_row_column_and_nothing_is_written(tmp_path, service):
    service.create("product", {"name": "已有产品", "category": "杀虫剂", "active_ingredient": "吡虫啉",
                               "unit": "盒", "shelf_life_months": 12, "registered_date": "2026-01-01"})
    before = counts(service)
    good = [DELIVERY | {"生产批号": f"OK{i}"} for i in range(4)]
    path = fill(tmp_path / "有错.xlsx", {
        "客户": [CUSTOMER, {"单位名称": "北京第一医院", "建档日期": "2026-03-01"}, {"单位类型": "医院"}],
        "客户联系人": [CONTACTS[0] | {"电话": "12345"}, {"单位名称": "不存在的医院", "姓名": "李娜", "电话": 13800000000}],
        "产品": [PRODUCT],
        # Row 7 (the 6th data row) has 2026-02-30 as its production date.
        "发货批次": good + [DELIVERY | {"生产批号": "X1", "生产日期": "2026-02-30", "客户单位": "无名单位"}],
    })
    result = import_workbook(service, path)
    assert not result.ok
    lines = result.error_lines()
    cols = headers(load_workbook(path)["发货批次"])
    letter = {label: chr(ord("A") + i - 1) for label, i in cols.items()}
    assert f"工作表“发货批次” 第 6 行 {letter['生产日期']} 列（生产日期）：日期无效：2026 年 2 月没有 30 日" in lines
    assert (f"工作表“发货批次” 第 6 行 {letter['客户单位']} 列（客户单位）：没有名为“无名单位”的客户："
            "请在“客户”工作表中填写该单位，或先在客户档案中建档") in lines
    assert "工作表“客户” 第 3 行 A 列（单位名称）：与第 2 行重复：同名的只能填写一行" in lines
    assert "工作表“客户” 第 4 行 A 列（单位名称）：必填" in lines
    assert any(line.startswith("工作表“客户” 第 4 行 C 列（单位类型）：“医院”不是可选项") for line in lines)
    assert any(line.startswith("工作表“客户联系人” 第 2 行 D 列（电话）：不是有效的电话号码") for line in lines)
    assert any(line.startswith("工作表“客户联系人” 第 3 行 A 列（单位名称）：没有名为“不存在的医院”的客户")
               for line in lines)
    assert result.records == [] and result.created == {}
    assert counts(service) == before


def test_unknown_and_missing_columns_and_not_a_workbook(tmp_path, service):
    path = write_template(tmp_path / "t.xlsx")
    wb = load_workbook(path)
    ws = wb["产品"]
    ws["A1"] = "品名"  # the required 产品名称 column renamed
    ws["B2"] = "消毒剂"
    wb.save(path)
    lines = import_workbook(service, path).error_lines()
    assert "工作表“产品” 第 1 行 A 列（品名）：未知的列“品名”：列名须与导入模板一致" in lines
    assert "工作表“产品”：缺少必填列“产品名称”" in lines
    (tmp_path / "x.xlsx").write_text("不是工作簿", encoding="utf-8")
    result = import_workbook(service, tmp_path / "x.xlsx")
    assert not result.ok and "不是有效的 Excel 工作簿" in result.error_lines()[0]


def test_a_customer_of_the_same_name_is_updated_and_its_contacts_merged(tmp_path, service):
    old = service.create("customer", {
        "name": "北京第一医院", "unit_type": "医疗机构", "address": "北京市西城区某路 1 号", "phone": "010-66123456",
        "registered_date": "2025-06-01",
        "contacts": [{"name": "张丽", "phone": "13912345678", "primary": True},
                     {"name": "赵敏", "phone": "13700000000"}],
    }).record
    path = fill(tmp_path / "更新.xlsx", {
        "客户": [{"单位名称": "北京第一医院", "单位电话": "010-66120000", "建档日期": dt.datetime(2025, 6, 1)}],
        "客户联系人": [{"单位名称": "北京第一医院", "姓名": "张丽", "电话": "13911112222"},
                  {"单位名称": "北京第一医院", "姓名": "刘洋", "电话": 13600000000, "主要联系人": "是"}],
    })
    result = import_workbook(service, path)
    assert result.ok, result.error_lines()
    assert result.updated == {"customer": 1} and result.created == {}
    assert service.count("customer") == 1
    now = service.get("customer", old.id)
    assert now.number == old.number
    f = now.values.fields
    # Filled cells replace, empty cells keep what was on file.
    assert f["phone"] == "010-66120000" and f["address"] == "北京市西城区某路 1 号" and f["unit_type"] == "医疗机构"
    contacts = [(c["name"], c["phone"], bool(c["primary"])) for c in now.values.tables["contacts"]]
    assert contacts == [("张丽", "13911112222", False), ("赵敏", "13700000000", False), ("刘洋", "13600000000", True)]
    # Contacts alone, for a customer already on file.
    path = fill(tmp_path / "联系人.xlsx", {"客户联系人": [{"单位名称": "北京第一医院", "姓名": "孙悦", "电话": "13500000000"}]})
    assert import_workbook(service, path).ok
    assert [c["name"] for c in service.get("customer", old.id).values.tables["contacts"]][-1] == "孙悦"


def test_a_product_updated_by_name_gives_its_new_shelf_life_to_the_deliveries(tmp_path, service):
    service.create("product", {"name": "优氯净消毒片", "category": "消毒剂", "active_ingredient": "二氯异氰尿酸钠",
                               "unit": "瓶", "shelf_life_months": 12, "registered_date": "2026-01-01"})
    service.create("customer", {"name": "北京第一医院", "registered_date": "2026-01-01"})
    path = fill(tmp_path / "f.xlsx", {"产品": [{"产品名称": "优氯净消毒片", "保质期（月）": 36, "类别": "消毒剂",
                                              "有效成分": "二氯异氰尿酸钠", "计量单位": "瓶",
                                              "建档日期": "2026-01-01"}],
                                     "发货批次": [DELIVERY]})
    result = import_workbook(service, path)
    assert result.ok, result.error_lines()
    assert result.updated == {"product": 1} and result.created == {"delivery": 1}
    assert service.count("product") == 1
    assert service.all_records("delivery")[0].values.fields["expiry_date"] == dt.date(2029, 3, 14)


def test_names_compared_as_the_customer_register_does_and_an_unknown_product_refused(tmp_path, service):
    old = service.create("customer", {"name": "北京第一医院（东院）", "registered_date": "2026-01-01"}).record
    path = fill(tmp_path / "f.xlsx", {
        "客户": [CUSTOMER | {"单位名称": "北京第一医院 (东院)", "地址": "东院路 1 号"}],
        "发货批次": [DELIVERY | {"客户单位": "北京第一医院(东院)", "产品名称": "没有的产品"}]})
    result = import_workbook(service, path)
    lines = result.error_lines()
    assert lines == [("工作表“发货批次” 第 2 行 F 列（产品名称）：没有名为“没有的产品”的产品："
                      "请在“产品”工作表中填写该产品，或填写本行的保质期（月）")]
    assert service.count("delivery") == 0
    path = fill(tmp_path / "g.xlsx", {"客户": [CUSTOMER | {"单位名称": "北京第一医院 (东院)", "地址": "东院路 1 号"}],
                                     "产品": [PRODUCT], "发货批次": [DELIVERY | {"客户单位": "北京第一医院(东院)"}]})
    result = import_workbook(service, path)
    assert result.ok and result.updated == {"customer": 1}, result.error_lines()
    assert service.count("customer") == 1
    now = service.get("customer", old.id).values.fields
    # Updated, its name kept as registered; the delivery names the unit as registered too.
    assert now["address"] == "东院路 1 号" and now["name"] == "北京第一医院（东院）"
    assert service.all_records("delivery")[0].values.fields["customer_unit"] == "北京第一医院（东院）"


def test_duplicate_rows_in_one_file_are_refused(tmp_path, service):
    path = fill(tmp_path / "f.xlsx", {"客户": [CUSTOMER], "产品": [PRODUCT, PRODUCT], "发货批次": [DELIVERY, DELIVERY]})
    lines = import_workbook(service, path).error_lines()
    assert "工作表“产品” 第 3 行 A 列（产品名称）：与第 2 行重复：同名的只能填写一行" in lines
    assert any(line.startswith("工作表“发货批次” 第 3 行 G 列（生产批号）：与第 2 行重复") for line in lines)
    assert counts(service) == {kind: 0 for kind in SPECS}


# ------------------------------------------------------------------------------------------ export


def test_export_has_every_kind_with_its_values(tmp_path, forms_ctx):
    service = forms_ctx.records
    calls = []
    result = export_workbook(service, tmp_path / "台账.xlsx", progress=lambda done, total: calls.append((done, total)))
    wb = load_workbook(result.path)
    rows = sum(wb[name].max_row - 1 for name in wb.sheetnames)
    assert calls[-1] == (rows, rows) and [d for d, _t in calls] == sorted(d for d, _t in calls)
    for kind, spec in SPECS.items():
        assert spec.short_title in wb.sheetnames, kind
        assert result.counts[kind] == service.count(kind)
        ws = wb[spec.short_title]
        assert ws.max_row == service.count(kind) + 1
        for t in spec.tables():
            assert f"{spec.short_title}-{t.label}" in wb.sheetnames
    assert all(len(name) <= 31 for name in wb.sheetnames)
    ws = wb["投诉"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    head = [c.value for c in ws[1]]
    spec = SPECS["complaint"]
    assert head == ["备案编号", "状态"] + [f.label for f in spec.fields() if not f.read_only]
    record = service.all_records("complaint")[0]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == record.number)
    values = dict(zip(head, row, strict=True))
    assert values["状态"] == record.status
    received = values["受理日期"] if "受理日期" in values else values[spec.field("received_date").label]
    assert isinstance(received, dt.datetime) and received.date() == record.values.fields["received_date"]
    date_col = head.index(spec.field("received_date").label) + 1
    assert ws.cell(row=2, column=date_col).number_format == "yyyy-mm-dd"
    items = wb["投诉-被投诉产品"]
    item_head = [c.value for c in items[1]]
    assert item_head[:2] == ["备案编号", "序号"]
    mine = [r for r in items.iter_rows(min_row=2, values_only=True) if r[0] == record.number]
    assert len(mine) == len(record.values.tables["items"])
    qty = item_head.index(spec.element("items").column("quantity").label)
    assert mine[0][qty] == pytest.approx(float(record.values.tables["items"][0]["quantity"]))
    assert isinstance(mine[0][qty], (int, float))
    deliveries = wb["发货批次"]
    dhead = [c.value for c in deliveries[1]]
    if service.count("delivery"):
        first = next(deliveries.iter_rows(min_row=2, values_only=True))
        assert isinstance(first[dhead.index("有效期至")], dt.datetime)
        assert isinstance(first[dhead.index("数量")], (int, float))


def test_export_of_chosen_kinds_only(tmp_path, service):
    result = export_workbook(service, tmp_path / "a.xlsx", ["customer", "delivery"])
    assert load_workbook(result.path).sheetnames == ["客户", "客户-联系人", "发货批次"]
    with pytest.raises(KeyError):
        export_workbook(service, tmp_path / "b.xlsx", ["invoice"])
    assert not (tmp_path / "b.xlsx").exists()


def test_export_keeps_text_as_text(tmp_path, service):
    service.create("customer", {"name": "=HYPERLINK(\"http://x\")", "registered_date": "2026-03-01",
                                "notes": "第一行\x07\n=1+1"})
    wb = load_workbook(export_workbook(service, tmp_path / "a.xlsx", ["customer"]).path)
    ws = wb["客户"]
    head = [c.value for c in ws[1]]
    name = ws.cell(row=2, column=head.index("单位名称") + 1)
    assert name.value == '=HYPERLINK("http://x")' and name.data_type == "s"
    assert ws.cell(row=2, column=head.index("备注") + 1).value == "第一行\n=1+1"


def test_every_template_sheet_imports_what_its_layout_declares():
    titles = [lay.title for lay in template_layout()]
    assert titles == ["客户", "客户联系人", "产品", "发货批次"]


# ------------------------------------------------------------------------------------------ command line


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_template_import_and_export(tmp_path, capsys):
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data-dir", data, "excel-template", "-o", str(tmp_path / "模板.xlsx"))
    assert code == 0 and "模板.xlsx" in out
    assert "客户联系人" in load_workbook(tmp_path / "模板.xlsx").sheetnames
    bad = fill(tmp_path / "bad.xlsx", {"客户": [CUSTOMER | {"建档日期": "2026-13-01"}]})
    code, out, err = run(capsys, "--data-dir", data, "excel-import", str(bad))
    assert code == 1
    assert "没有写入任何记录" in err
    assert "工作表“客户” 第 2 行 H 列（建档日期）：日期无效：没有 13 月" in err.splitlines()
    good = fill(tmp_path / "good.xlsx", {"客户": [CUSTOMER], "客户联系人": CONTACTS, "产品": [PRODUCT],
                                         "发货批次": [DELIVERY]})
    code, out, err = run(capsys, "--data-dir", data, "excel-import", str(good))
    assert code == 0, err
    assert "客户：新增 1 条" in out and "发货批次：新增 1 条" in out
    code, out, err = run(capsys, "--data-dir", data, "excel-export", "-o", str(tmp_path / "台账.xlsx"),
                         "--kind", "customer", "delivery")
    assert code == 0, err
    wb = load_workbook(tmp_path / "台账.xlsx")
    assert wb.sheetnames == ["客户", "客户-联系人", "发货批次"]
    assert [c.value for c in wb["客户-联系人"]["C"]][1:] == ["张丽", "王建国"]
    code, _, err = run(capsys, "--data-dir", data, "excel-export", "-o", str(tmp_path / "x.xlsx"), "--kind", "invoice")
    assert code == 2 and "invoice" in err
    ctx = open_context(tmp_path / "data")
    assert ctx.records.count("customer") == 1
    ctx.close()


# ------------------------------------------------------------------------------------------ window


def test_tools_menu_excel_actions(window, dialogs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui import excel_ui

    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    tools = menus["工具(&T)"].actions()
    assert {window.act_excel_export, window.act_excel_import, window.act_excel_template} <= set(tools)
    assert window.act_excel_export.text() == "导出台账（Excel）…"
    # 生成 Excel 导入模板…: the file is written where the dialog says (.xlsx added), open declined.
    dialogs.save_file = str(tmp_path / "模板")
    dialogs.answer(lambda box: box.StandardButton.Cancel)
    window.act_excel_template.trigger()
    assert (tmp_path / "模板.xlsx").exists()
    assert excel_ui.folder == str(tmp_path)
    # 从 Excel 导入…: a file with a mistake lists it in the error dialog, and writes nothing.
    bad = fill(tmp_path / "bad.xlsx", {"客户": [CUSTOMER | {"单位电话": "12345"}], "产品": [PRODUCT]})
    chosen = {"path": str(bad)}
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (chosen["path"], "")))
    shown = {}

    def read_errors(dlg):
        shown["headline"] = dlg.headline.text()
        shown["errors"] = dlg.list.toPlainText()
        return 0

    dialogs.answer(read_errors)
    window.act_excel_import.trigger()
    assert "1 处错误" in shown["headline"]
    assert shown["errors"].startswith("工作表“客户” 第 2 行 E 列（单位电话）：不是有效的电话号码")
    assert window.service.count("customer") == 0
    # A good file: imported, and the registers show it.
    page = window.registers["customer"]
    page.ensure_loaded()
    assert page.total == 0
    chosen["path"] = str(fill(tmp_path / "good.xlsx", {"客户": [CUSTOMER], "客户联系人": CONTACTS, "产品": [PRODUCT]}))
    dialogs.answer(lambda box: box.StandardButton.Ok)
    window.act_excel_import.trigger()
    assert dialogs.seen[-1]["text"] == "导入完成。" and "客户：新增 1 条" in dialogs.seen[-1]["detail"]
    assert page.total == 1
    # 导出台账（Excel）…, then open the file.
    dialogs.save_file = str(tmp_path / "台账.xlsx")
    dialogs.answer(lambda box: box.StandardButton.Ok)
    window.act_excel_export.trigger()
    wb = load_workbook(tmp_path / "台账.xlsx")
    assert "北京第一医院" in [c.value for c in wb["客户"]["C"]]
    assert dialogs.opened_urls and dialogs.opened_urls[-1].toLocalFile().endswith("台账.xlsx")

