"""The import template (:func:`write_template`): the sheets an office fills in, with required
columns marked, drop-downs for choices, date formats and a 填写说明 sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .layout import (
    CHOICES_SHEET,
    DATE_FORMAT,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    INSTRUCTIONS_SHEET,
    OPTIONAL_FILL,
    PARENT,
    REQUIRED_FILL,
    REQUIRED_FONT,
    TEMPLATE_ROWS,
    TEXT_FORMAT,
    TIME_FORMAT,
    T,
    default_width,
    header_text,
    save_workbook,
    sheet_title,
    template_layout,
    type_hint,
)


def write_template(path: str | Path) -> Path:
    """Write the workbook the office fills in (see the module's docstring); returns its path."""
    wb = Workbook()
    notes = wb.active
    notes.title = INSTRUCTIONS_SHEET
    choices_ws = None
    choice_ranges: dict[tuple[str, ...], str] = {}

    def choice_formula(options: tuple[str, ...]) -> str:
        nonlocal choices_ws
        inline = '"' + ",".join(options) + '"'
        if len(inline) <= 255 and not any("," in o or '"' in o for o in options):
            return inline
        if options not in choice_ranges:  # too long for a list in the validation itself
            if choices_ws is None:
                choices_ws = wb.create_sheet(CHOICES_SHEET)
                choices_ws.sheet_state = "hidden"
            col = get_column_letter(len(choice_ranges) + 1)
            for i, o in enumerate(options, start=1):
                choices_ws[f"{col}{i}"] = o
            choice_ranges[options] = f"'{CHOICES_SHEET}'!${col}$1:${col}${len(options)}"
        return choice_ranges[options]

    for layout in template_layout():
        ws = wb.create_sheet(layout.title)
        for j, (_key, f) in enumerate(layout.columns, start=1):
            letter = get_column_letter(j)
            cell = ws.cell(row=1, column=j, value=header_text(f))
            cell.fill = REQUIRED_FILL if f.required else OPTIONAL_FILL
            cell.font = REQUIRED_FONT if f.required else HEADER_FONT
            cell.border = HEADER_BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center")
            hint = ("必填。" if f.required else "选填。") + type_hint(f)
            if f.help:
                hint += "。" + f.help
            cell.comment = Comment(hint, "Aftersales Desk", width=260, height=110)
            dim = ws.column_dimensions[letter]
            dim.width = default_width(f)
            rng = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
            if f.type is T.DATE:
                dim.number_format = DATE_FORMAT
            elif f.type is T.TIME:
                dim.number_format = TIME_FORMAT
            elif f.type in (T.TEXT, T.PHONE):
                dim.number_format = TEXT_FORMAT  # 13812345678 and batch 0012 stay as typed
            options: tuple[str, ...] = ()
            if f.type is T.CHOICE:
                options = f.choices
            elif f.type is T.BOOL:
                options = ("是", "否")
            if options:
                dv = DataValidation(type="list", formula1=choice_formula(options), allow_blank=True,
                                    showErrorMessage=True, errorTitle="不是可选项",
                                    error=f"请从下拉列表中选择“{f.label}”。", showDropDown=False)
                dv.add(rng)
                ws.add_data_validation(dv)
            elif f.type is T.DATE:
                dv = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                                    showErrorMessage=True, errorStyle="warning", errorTitle="日期",
                                    error="请填写日期，如 2026-03-15。")
                dv.add(rng)
                ws.add_data_validation(dv)
        ws.row_dimensions[1].height = 22
        ws.freeze_panes = "A2"
    _write_instructions(notes)
    wb.active = 1  # open on 客户
    return save_workbook(wb, Path(path))


def _write_instructions(ws: Any) -> None:
    title_font = Font(bold=True, size=14)
    ws["A1"] = "Excel 导入模板填写说明"
    ws["A1"].font = title_font
    general = [
        "1. 请在“客户”“客户联系人”“产品”“发货批次”四个工作表中填写，第 1 行是列名，请勿修改、删除或调换。",
        "2. 从第 2 行起每行填写一条；空行会跳过。不需要的工作表可以留空。",
        "3. 列名前带 * 且底色为橙色的列为必填；蓝色的列为选填。把鼠标停在列名上可看到填写要求。",
        "4. 日期请写成 2026-03-15（也可写 2026/3/15、2026年3月15日 或 20260315）；时间写成 09:30。",
        "5. 电话：手机号为 11 位（1 开头）；座机请带区号，如 010-12345678，分机可写 转123；也可为 400/800 号码。",
        "6. 带下拉箭头的列请从列表中选择；“是/否”列填 是 或 否。",
        "7. 客户联系人通过“单位名称”对应到客户：须与“客户”工作表或客户档案中的单位名称完全一致。",
        "8. 客户编号、产品编号、发货单号和状态由系统生成；“有效期至”由发货日期加保质期自动计算，无需填写。",
        "9. 发货批次的“保质期（月）”留空时取产品档案中的保质期（可以是本文件“产品”工作表中的产品）。",
        ("10. 已有同名客户或产品时，按名称更新：文件中填写的单元格覆盖原有内容，空单元格保留原有内容；"
         "联系人按姓名合并（同名的更新，新的添加，其余保留）。"),
        "11. 同一客户、产品、生产批号和发货日期的发货记录已存在时跳过，不会重复登记。",
        "12. 导入时检查全部内容：只要有一处错误，就不导入任何记录，并逐条列出出错的工作表、行号和列。",
    ]
    row = 3
    for line in general:
        ws.cell(row=row, column=1, value=line)
        row += 1
    row += 1
    headers = ("工作表", "列名", "是否必填", "格式", "可选项", "说明")
    for layout in template_layout():
        ws.cell(row=row, column=1, value=f"工作表“{layout.title}”").font = Font(bold=True, size=12)
        row += 1
        for j, h in enumerate(headers, start=1):
            c = ws.cell(row=row, column=j, value=h)
            c.font = HEADER_FONT
            c.fill = HEADER_FILL
            c.border = HEADER_BORDER
        row += 1
        for key, f in layout.columns:
            note = f.help or f.placeholder
            if key == PARENT:
                note = f"对应“{sheet_title(layout.kind)}”工作表或客户档案中的{f.label}"
            values = (layout.title, f.label, "必填" if f.required or key == PARENT else "",
                      type_hint(f), "、".join(f.choices) if f.type is T.CHOICE else "", note)
            for j, v in enumerate(values, start=1):
                c = ws.cell(row=row, column=j, value=v)
                c.alignment = Alignment(wrap_text=j >= 4, vertical="top")
                if j == 3 and v:
                    c.font = REQUIRED_FONT
            row += 1
        row += 1
    for letter, width in zip("ABCDEF", (14, 20, 10, 40, 50, 40), strict=True):
        ws.column_dimensions[letter].width = width
