"""``aftersales-desk report …`` (issue 15): the four reports on the command line.

    report monthly --month 2026-11 [-o F.pdf] [--xlsx F.xlsx] [--json]
    report response --from 2026-01-01 --to 2026-03-31 [...]
    report survey --year 2026 [...]
    report staff --year 2026 [...]

Without ``-o``, ``--xlsx`` or ``--json`` the report's tables are printed as text.  ``--json`` prints
every figure as JSON on standard output (counts are JSON numbers, keyed by their Chinese names as on
the page).  Bad input (an impossible month, a start after the end, a file that cannot be written)
gives a Chinese message on standard error and exit status 1; the period is checked before anything
is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    rep = sub.add_parser("report", help="报表：月度投诉分析、响应时间执行情况、年度满意度调查、人员考核")
    kinds = rep.add_subparsers(dest="report_kind", required=True, metavar="{monthly,response,survey,staff}")

    def outputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", help="输出 PDF 文件")
        p.add_argument("--xlsx", help="把各表导出为 Excel（.xlsx）文件")
        p.add_argument("--json", action="store_true", help="在标准输出打印全部数字（JSON）")

    m = kinds.add_parser("monthly", help="月度风险事故及投诉分析")
    m.add_argument("--month", required=True, help="月份，如 2026-11")
    outputs(m)
    r = kinds.add_parser("response", help="售后服务响应时间执行情况（按来电日期）")
    r.add_argument("--from", dest="date_from", required=True, help="起始日期（含），如 2026-01-01")
    r.add_argument("--to", dest="date_to", required=True, help="截止日期（含），如 2026-03-31")
    outputs(r)
    for name, text in (("survey", "年度顾客满意度调查分析"), ("staff", "售后服务人员考核")):
        y = kinds.add_parser(name, help=text)
        y.add_argument("--year", required=True, help="年份，如 2026")
        outputs(y)


def period(args: argparse.Namespace) -> tuple[Any, Any]:
    from .domain.reports import parse_month, parse_range, parse_year

    if args.report_kind == "monthly":
        return parse_month(args.month)
    if args.report_kind == "response":
        return parse_range(args.date_from, args.date_to)
    return parse_year(args.year)


def _writable(path: str, suffix: str) -> str | None:
    """Why ``path`` cannot be written (Chinese), or None."""
    p = Path(path)
    if p.suffix.lower() != suffix:
        return f"输出文件“{path}”应以 {suffix} 结尾"
    if p.is_dir():
        return f"“{path}”是文件夹，请给出文件名"
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        return f"无法写入“{path}”：文件夹“{parent}”不存在"
    import os

    if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        return f"无法写入“{path}”：没有写入权限"
    return None


def check(args: argparse.Namespace) -> str | None:
    """What is wrong with the arguments (Chinese), before the data folder is opened."""
    from .domain.reports import ReportInputError

    try:
        period(args)
    except ReportInputError as e:
        return str(e)
    for path, suffix in ((args.output, ".pdf"), (args.xlsx, ".xlsx")):
        if path:
            problem = _writable(path, suffix)
            if problem:
                return problem
    return None


def _print_text(report: Any) -> None:
    from .domain.reports import cell_text

    print(f"{report.title}　{report.period}")
    for t in report.tables:
        print(f"\n【{t.title}】")
        print("\t".join(t.columns))
        for row in t.rows:
            print("\t".join(cell_text(v) for v in row.cells))
        if not t.rows:
            print("（无）")
        if t.note:
            print(t.note)


def run(ctx: Any, args: argparse.Namespace) -> int:
    from .domain.reports import ReportInputError, report_json
    from .services.reports import make_report

    try:
        start, end = period(args)
        report = make_report(ctx.records, args.report_kind, start, end)
    except ReportInputError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    try:
        if args.output:
            import io

            from .documents.report_pdf import render_report

            buf = io.BytesIO()
            render_report(report, ctx.records.settings(), buf)
            _write(Path(args.output), buf.getvalue())
            print(f"已导出 PDF：{args.output}", file=sys.stderr if args.json else sys.stdout)
        if args.xlsx:
            from .services.reports.xlsx import export_report_xlsx

            export_report_xlsx(report, Path(args.xlsx))
            print(f"已导出 Excel：{args.xlsx}", file=sys.stderr if args.json else sys.stdout)
    except OSError as e:
        print(f"错误：无法写入文件（{e.strerror or e}）", file=sys.stderr)
        return 1
    if args.json:
        json.dump(report_json(report), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif not (args.output or args.xlsx):
        _print_text(report)
    return 0


def _write(path: Path, data: bytes) -> None:
    from .storage.files import write_atomically

    write_atomically(path, data)
