"""The command line: ``aftersales-desk`` / ``python -m desktop``.

No subcommand opens the window.  The subcommands are what administrators and the tests use; they
call the same services as the window.  Exit status: 0 on success, 1 when the input was refused
(the reason is printed, in Chinese, naming record index and field key), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="aftersales-desk",
        description="消杀药品售后服务台 Aftersales Desk",
    )
    p.add_argument("--data-dir", help="数据文件夹（默认：系统的用户数据文件夹，或环境变量 AFTERSALES_DESK_DATA）")
    p.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="界面语言（默认中文）")
    p.add_argument("--database", dest="head_office_database", metavar="URL",
                   help="总部数据库（postgresql://…）：dump、export、verify、find 等命令作用于总部的全部记录；不带命令时以总部模式打开窗口（需登录）")
    from . import __version__

    p.add_argument("--version", action="version", version=f"aftersales-desk {__version__}", help="显示版本号后退出")
    p.add_argument("--self-test", action="store_true",
                   help="在临时文件夹中自检（迁移、每类记录的保存和读取、每类 PDF、二维码识别）后退出；不动用户数据")
    sub = p.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="在数据文件夹中生成演示记录")
    demo.add_argument("--count", type=int, default=36, help="演示投诉的数量（默认 36；其他表单按比例生成）")
    demo.add_argument("--open", action="store_true", help="生成后打开窗口")
    demo.add_argument("--again", action="store_true", help="已有记录时也再生成一批（默认只在空数据库中生成）")

    ex = sub.add_parser("example", help="输出一条完整、有效的记录（JSON）")
    ex.add_argument("kind", help="记录类型：complaint、service-report、survey、return-request")

    imp = sub.add_parser("import", help="导入 JSON 记录（全部有效才写入）")
    imp.add_argument("file", help="JSON 文件（一个记录对象或记录数组）；- 表示标准输入")

    dump = sub.add_parser("dump", help="把记录导出为 JSON（可由 import 原样读回）")
    dump.add_argument("--kind", help="只导出这一类记录")
    dump.add_argument("-o", "--output", required=True, help="输出文件；- 表示标准输出")

    exp = sub.add_parser("export", help="把记录导出为 PDF")
    exp.add_argument("number", nargs="?", help="备案编号，如 TS-2026-A3-0007")
    exp.add_argument("--all", action="store_true", help="每条记录一个 PDF，写入 -o 指定的文件夹")
    exp.add_argument("-o", "--output", required=True, help="PDF 文件（或 --all 时的文件夹）")
    exp.add_argument("--blank", action="store_true", help="打印空白纸质表（只含编号和客户信息），供手工填写")

    let = sub.add_parser("letter", help="导出售后服务承诺书（PDF），响应时限取自设置")
    let.add_argument("-o", "--output", required=True, help="PDF 文件")
    let.add_argument("--to", help="致：采购单位名称")

    ho = sub.add_parser("handouts", help="导出消杀药品使用知识培训讲义：每章一个 PDF，另加全部章节的合订本")
    ho.add_argument("-o", "--output", required=True, help="输出文件夹")

    ts = sub.add_parser("training-sheets", help="导出培训记录的签到表、培训考核试卷和考核成绩登记表（PDF）")
    ts.add_argument("number", nargs="?", help="培训编号，如 PX-2026-A3-0002；与 --blank 同用时可省略")
    ts.add_argument("-o", "--output", required=True, help="输出文件夹")
    ts.add_argument("--sign-in", action="store_true", help="只导出签到表（可与下两项组合；都不选时导出三种）")
    ts.add_argument("--assessment", action="store_true", help="只导出培训考核试卷（每位参加人员一份）")
    ts.add_argument("--results", action="store_true", help="只导出考核成绩登记表")
    ts.add_argument("--blank", action="store_true", help="不指定培训编号时：导出空白签到表和空白考核试卷")

    xt = sub.add_parser("excel-template", help="生成 Excel 导入模板（客户、客户联系人、产品、发货批次）")
    xt.add_argument("-o", "--output", required=True, help="输出的 .xlsx 文件")

    xi = sub.add_parser("excel-import", help="从 Excel 导入客户、产品和发货批次（全部无误才写入）")
    xi.add_argument("file", help="按导入模板填写的 .xlsx 文件")

    xe = sub.add_parser("excel-export", help="把登记簿和台账导出为 Excel（每类记录一个工作表）")
    xe.add_argument("-o", "--output", required=True, help="输出的 .xlsx 文件")
    xe.add_argument("--kind", action="extend", nargs="+", help="只导出这些类记录（如 complaint delivery）；默认全部")

    ver = sub.add_parser("verify", help="校验导出的 PDF：是否完好、未被改动，是哪条记录的第几版")
    ver.add_argument("file", help="PDF 文件")

    cf = sub.add_parser("conflicts", help="查看和处理导入时保留下来的冲突记录（两边各自修改过的记录）")
    cf_sub = cf.add_subparsers(dest="conflicts_command")
    cf_sub.add_parser("list", help="列出待处理的冲突（默认）")
    cf_show = cf_sub.add_parser("show", help="逐项列出本机记录与导入记录的不同之处")
    cf_show.add_argument("id", help="冲突编号（list 显示的前 8 位即可）")
    cf_res = cf_sub.add_parser("resolve", help="保留本机记录或采用导入的记录；记录随之产生新版本")
    cf_res.add_argument("id", help="冲突编号（list 显示的前 8 位即可）")
    cf_res.add_argument("--keep", required=True, choices=["local", "incoming"], help="local：保留本机；incoming：采用导入的")
    cf_res.add_argument("--by", default="", help="处理人（默认本机使用人）")

    bk = sub.add_parser("backup", help="备份数据库、照片和签名密钥（经校验），输出备份所在的文件夹")
    bk.add_argument("-o", "--output", help="备份存放的文件夹（默认：设置中的备份文件夹，或数据文件夹中的 backups）")
    bk.add_argument("--list", action="store_true", help="列出已有的备份，不新建")

    rs = sub.add_parser("restore", help="从备份恢复：先校验备份，再把现有数据移到一旁（并说明位置）后恢复")
    rs.add_argument("backup", help="备份文件夹（backup 命令输出的路径）")
    from .report_cli import add_parser as add_report_parser

    add_report_parser(sub)  # report monthly / response / survey / staff (issue 15)
    from .server_cli import add_parsers as add_server_parsers

    add_server_parsers(sub)  # server … and sync (issue 12)

    from .domain.settings import LABELS, Settings

    fd = sub.add_parser("find", help="按编号、单位、人员、电话、产品、批号或拼音（如 bjyy）查找记录，最符合的在前")
    fd.add_argument("query", help="要找的内容；多个词用空格隔开（每个词都要找到）")
    fd.add_argument("--kind", help="只在这一类记录中查找")
    fd.add_argument("--limit", type=int, default=50, help="最多列出多少条（默认 50）")

    st = sub.add_parser("settings", help="查看或修改本机设置（含响应时限）")
    for key, label in LABELS.items():
        st.add_argument("--" + key.replace("_", "-"), dest=key, help=label,
                        type=int if key in Settings.int_keys() else str)
    return p


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _chinese_output() -> None:
    """Print Chinese whatever the console: a Windows pipe or file (the build script reading the
    self-test) is in the ANSI code page, cp1252 on an English Windows, which cannot encode it."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if stream is None or not encoding or not hasattr(stream, "reconfigure"):
            continue  # the windowed executable has no console at all
        try:
            "自检".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _chinese_output()
    args = _parser().parse_args(argv)
    if args.self_test:  # before the data folder: the self-test never opens the user's
        from .selftest import run_self_test

        return run_self_test()
    from .paths import data_dir

    folder = data_dir(args.data_dir)
    if args.command is None and args.head_office_database:  # the window in head-office mode (issue 12)
        from .head_office_app import run_head_office

        return run_head_office(args.head_office_database, folder, lang=args.lang)
    if args.command is None:
        from .app import run_gui

        return run_gui(folder, lang=args.lang)

    from .services.signing import SigningError
    from .storage.errors import StorageError

    try:
        return _run(args, folder)
    except (StorageError, SigningError) as e:  # SigningError: a key that cannot be read or unlocked
        _err(f"错误：{e}")
        return 1
    except BrokenPipeError:  # the output was cut off by the reader (| head): not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as e:  # a full disk, a folder that cannot be made, a vanished USB stick
        _err(f"错误：无法写入或读取 {e.filename or ''}：{e.strerror or e}；未完成的文件没有留下")
        return 1


def _run(args: argparse.Namespace, folder: Path) -> int:
    from .services.context import open_context

    if args.command == "example":
        from .domain.clock import Clock
        from .domain.forms import SPECS
        from .services.demo import example_object

        if args.kind not in SPECS:
            _err(f"未知的记录类型“{args.kind}”；可用：{'、'.join(SPECS)}")
            return 2
        print(json.dumps(example_object(args.kind, Clock().today()), ensure_ascii=False, indent=2))
        return 0

    if args.command == "verify":
        return _verify(folder, args)

    if args.command == "excel-template":  # no data folder needed
        return _excel_template(folder, args)

    if args.command == "restore":  # the database may be damaged: it is not opened
        return _restore(folder, args)

    if args.command == "server":  # head office: no data folder (issue 12)
        from .server_cli import run_server

        return run_server(args)

    if args.command == "report":  # the period and the output paths are checked before the data is opened
        from .report_cli import check

        problem = check(args)
        if problem:
            _err(f"错误：{problem}")
            return 1

    if args.head_office_database:  # the same commands on head office's database (issue 12)
        from .server_cli import head_office_context

        ctx = head_office_context(args.head_office_database, folder)
    else:
        ctx = open_context(folder)
    try:
        return _COMMANDS[args.command](ctx, args)
    finally:
        ctx.close()


def _demo(ctx: Any, args: argparse.Namespace) -> int:
    from .domain.forms import SPECS
    from .services.demo import load_demo

    existing = sum(ctx.records.count(kind) for kind in SPECS)
    if existing and not args.again:
        # Running the README's command twice must not double the demo data.
        print(f"数据文件夹中已有 {existing} 条记录，未再生成演示数据（要再生成一批，请加 --again）：{ctx.data_dir}")
    else:
        n = load_demo(ctx.records, args.count)
        print(f"已生成 {n} 条演示记录（各类表单、客户、产品、发货批次、热线保障单、回访计划和培训记录）：{ctx.data_dir}")
    if args.open:
        from .app import run_gui

        ctx.close()
        return run_gui(ctx.data_dir, lang=args.lang)
    return 0


def _import(ctx: Any, args: argparse.Namespace) -> int:
    from .services.incoming import CONFLICT, CREATED, OLDER_COPY, UNCHANGED, UPDATED
    from .services.transfer import ImportFailed, import_records
    from .services.trust import UntrustedFile, decode_json

    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as e:
        _err(f"无法读取文件 {args.file}：{e.strerror}")
        return 1
    from .services.dump_signing import accept, open_dump

    try:
        data = decode_json(raw)  # encoding, depth, digits, NaN: services.trust
        opened = open_dump(data, ctx.data_dir)  # who wrote it: signatures only from a trusted laptop
        data = accept(opened, ctx.data_dir)
    except UntrustedFile as e:
        _err(f"导入失败，没有写入任何记录：{e}")
        return 1
    for note in opened.notes:
        _err(note)
    try:
        report = import_records(ctx.records, data, source=Path(args.file).name if args.file != "-" else "stdin")
    except ImportFailed as e:
        _err("导入失败，没有写入任何记录：")
        for p in e.problems:
            for line in p.lines():
                _err("  " + line)
        return 1
    created, updated = report.count(CREATED), report.count(UPDATED)
    print(f"已导入 {created + updated} 条记录（新增 {created}，更新 {updated}；未变 {report.count(UNCHANGED)}，"
          f"较旧未用 {report.count(OLDER_COPY)}，冲突 {report.count(CONFLICT)}）")
    for a in report.arrivals:
        if a.outcome in (CREATED, UPDATED):
            print(f"  {a.number}  {a.id}  {'新增' if a.outcome == CREATED else '更新'}")
    for line in report.lines():
        print("  " + line)
    if report.count(CONFLICT):
        print("冲突的记录已保留，本机记录未改动；用 conflicts 命令或 工具 ▸ 冲突记录 处理。")
    return 0


def _dump(ctx: Any, args: argparse.Namespace) -> int:
    from .domain.forms import SPECS
    from .services.transfer import DumpFailed, dump_records

    if args.kind and args.kind not in SPECS:
        _err(f"未知的记录类型“{args.kind}”；可用：{'、'.join(SPECS)}")
        return 2
    from .services.dump_signing import sign_dump
    from .storage.keys import KeyFileError

    settings = ctx.records.settings()
    try:
        envelope = sign_dump(dump_records(ctx.records, args.kind), ctx.data_dir, settings.laptop_code,
                             settings.company_name, ctx.records.clock.now())
        text = json.dumps(envelope, ensure_ascii=False, indent=2)
    except KeyFileError as e:
        _err(f"错误：无法签名导出文件：{e}")
        return 1
    except DumpFailed as e:
        _err(f"错误：{e}")
        return 1
    if args.output == "-":
        print(text)
    else:
        _atomic_write(Path(args.output), (text + "\n").encode("utf-8"))
        _err(f"已写入 {args.output}")
    return 0


def _export(ctx: Any, args: argparse.Namespace) -> int:
    from .services.export import export_all, export_number
    from .services.records import NotFound

    if args.all and args.blank:
        _err("--blank 只能用于单条记录")
        return 2
    if args.all:
        paths = export_all(ctx.records, Path(args.output))
        print(f"已导出 {len(paths)} 个 PDF 到 {args.output}")
        return 0
    if not args.number:
        _err("请给出备案编号，或使用 --all")
        return 2
    try:
        export_number(ctx.records, args.number, Path(args.output), blank=args.blank)
    except NotFound:
        _err(f"没有编号为 {args.number} 的记录")
        return 1
    print(f"已导出 {args.output}")
    return 0


def _letter(ctx: Any, args: argparse.Namespace) -> int:
    from .services.export import export_commitment_letter

    export_commitment_letter(ctx.records, Path(args.output), recipient=args.to)
    print(f"已导出 {args.output}")
    return 0


def _handouts(ctx: Any, args: argparse.Namespace) -> int:
    from .services.export import export_handouts

    for path in export_handouts(ctx.records, Path(args.output)):
        print(f"已导出 {path}")
    return 0


def _training_sheets(ctx: Any, args: argparse.Namespace) -> int:
    from .services.records import NotFound
    from .services.training_export import SHEETS, export_assessment, export_sign_in, export_training_sheets

    folder = Path(args.output)
    if not args.number:
        if not args.blank:
            _err("请给出培训编号，或使用 --blank 导出空白签到表和考核试卷")
            return 2
        paths = []
        if args.sign_in or not args.assessment:
            paths.append(export_sign_in(ctx.records, None, folder / "空白签到表.pdf"))
        if args.assessment or not args.sign_in:
            paths.append(export_assessment(ctx.records, None, folder / "空白培训考核试卷.pdf"))
        for path in paths:
            print(f"已导出 {path}")
        return 0
    chosen = [s for s, on in zip(SHEETS, (args.sign_in, args.assessment, args.results), strict=True) if on]
    try:
        paths = export_training_sheets(ctx.records, args.number, folder, chosen or SHEETS)
    except NotFound:
        _err(f"没有编号为 {args.number} 的记录")
        return 1
    except ValueError as e:
        _err(str(e))
        return 1
    for path in paths:
        print(f"已导出 {path}")
    return 0


def _excel_template(folder: Path, args: argparse.Namespace) -> int:
    from .services.excel import write_template

    try:
        write_template(Path(args.output))
    except OSError as e:
        _err(f"无法写入 {args.output}：{e.strerror or e}")
        return 1
    print(f"已生成导入模板 {args.output}")
    return 0


def _excel_import(ctx: Any, args: argparse.Namespace) -> int:
    from .services.excel import import_workbook

    result = import_workbook(ctx.records, Path(args.file))
    if not result.ok:
        _err("导入失败，没有写入任何记录：")
        for line in result.error_lines():
            _err(line)
        return 1
    lines = result.summary_lines()
    print("已导入：" + ("；".join(lines) if lines else "文件中没有要导入的记录"))
    for p in result.skipped:
        print("  " + p.line())
    return 0


def _excel_export(ctx: Any, args: argparse.Namespace) -> int:
    from .domain.forms import SPECS
    from .services.excel import export_workbook

    unknown = [k for k in args.kind or [] if k not in SPECS]
    if unknown:
        _err(f"未知的记录类型“{unknown[0]}”；可用：{'、'.join(SPECS)}")
        return 2
    try:
        result = export_workbook(ctx.records, Path(args.output), args.kind)
    except OSError as e:
        _err(f"无法写入 {args.output}：{e.strerror or e}")
        return 1
    print(f"已导出 {result.total} 条记录（{len(result.sheets)} 个工作表）到 {args.output}")
    return 0


def _verify(folder: Path, args: argparse.Namespace) -> int:
    """Exit 0 and "完好 …" when the PDF is intact and signed by a trusted signer; 1 with the reason.

    The database is opened only if the data folder already has one (to say how the file's revision
    stands to the record); a database that cannot be opened does not change the verdict."""
    from .services.context import open_context
    from .services.signing import verify_pdf
    from .storage.db import DB_FILENAME

    if args.head_office_database:  # against head office's records, trusting the laptops' certificates (issue 12)
        from .server_cli import head_office_context
        from .services.sync.verify_at_head_office import verify_at_head_office

        hq = head_office_context(args.head_office_database, folder)
        try:
            result = verify_at_head_office(args.file, folder, hq.records)
        finally:
            hq.close()
        return _verdict(result)
    ctx = None
    if (folder / DB_FILENAME).exists():
        try:
            ctx = open_context(folder)
        except Exception as e:  # noqa: BLE001 - the verdict does not depend on the database
            _err(f"注意：无法打开本机数据库（{e}），不与本机记录比较")
    try:
        result = verify_pdf(args.file, folder, ctx.records if ctx is not None else None)
    finally:
        if ctx is not None:
            ctx.close()
    return _verdict(result)


def _verdict(result: Any) -> int:
    lines = result.lines()
    if result.ok:
        print("\n".join(lines))
        return 0
    for line in lines:
        _err(line)
    return 1


def _backup(ctx: Any, args: argparse.Namespace) -> int:
    from .services.backups import backup_folder, backup_now, list_backups, verify_backup

    folder = Path(args.output) if args.output else backup_folder(ctx.records, ctx.data_dir)
    if args.list:
        found = list_backups(folder)
        if not found:
            print(f"{folder} 中没有备份")
        for path in found:
            info = verify_backup(path)
            print(f"{path}  {info.created_at:%Y-%m-%d %H:%M}  {info.files} 个文件  {info.size / 1e6:.1f} MB")
        return 0
    print(backup_now(ctx.records, ctx.data_dir, folder))
    return 0


def _restore(folder: Path, args: argparse.Namespace) -> int:
    from .services.backups import restore_backup

    aside = restore_backup(folder, Path(args.backup))
    print(f"已从 {args.backup} 恢复到 {folder}")
    print(f"原有数据（数据库、照片、密钥）已移到 {aside}，没有删除")
    return 0


def _conflicts(ctx: Any, args: argparse.Namespace) -> int:
    from .domain.forms import SPECS
    from .domain.validation import ValidationFailed
    from .services.conflicts import conflict_detail, list_conflicts, resolve
    from .services.errors import NotFound
    from .services.transfer import CONFLICT_REASONS

    conflicts = list_conflicts(ctx.records)
    if args.conflicts_command in (None, "list"):
        if not conflicts:
            print("没有待处理的冲突")
        for c in conflicts:
            print(f"{c.id[:8]}  {c.number}  {SPECS[c.kind].short_title or c.kind}  {CONFLICT_REASONS.get(c.reason, c.reason)}"
                  f"  {c.received_at.astimezone().strftime('%Y-%m-%d %H:%M')}  {c.source}")
        return 0
    matches = [c for c in conflicts if c.id.startswith(args.id.strip().lower())] if args.id.strip() else []
    if len(matches) != 1:
        _err(f"没有编号以“{args.id}”开头的待处理冲突" if not matches else f"有 {len(matches)} 条冲突以“{args.id}”开头，请多写几位")
        return 1
    (c,) = matches
    if args.conflicts_command == "show":
        try:
            _info, local, other, diffs = conflict_detail(ctx.records, c.id)
        except NotFound:
            _err(f"记录 {c.number} 已不在本机")
            return 1
        print(f"{c.number}：本机第 {local.version} 版（{local.updated_by or '—'}） ↔ 导入的第 {other.version} 版"
              f"（{other.updated_by or '—'}，{c.source or '—'}）")
        for d in diffs:
            print(f"  {d.label}（{d.key}）\n    本机：{d.local or '（空）'}\n    导入：{d.incoming or '（空）'}")
        return 0
    try:
        out = resolve(ctx.records, c.id, args.keep, by=args.by or ctx.records.settings().staff_name)
    except ValidationFailed as e:
        for i in e.issues:
            _err(f"未处理：{i.message}")
        return 1
    print(f"已处理：{out.record.number} {'保留本机记录' if args.keep == 'local' else '采用导入的记录'}，现为第 {out.record.version} 版")
    return 0


def _settings(ctx: Any, args: argparse.Namespace) -> int:
    from .domain.settings import LABELS
    from .domain.validation import ValidationFailed

    settings = ctx.records.settings()
    changed = False
    for key in LABELS:
        value = getattr(args, key)
        if value is not None:
            setattr(settings, key, value)
            changed = True
    if changed:
        try:
            ctx.records.save_settings(settings)
        except ValidationFailed as e:
            for i in e.issues:
                _err(f"{LABELS.get(i.path, i.path)}（{i.path}）：{i.message}")
            return 1
    for key, label in LABELS.items():
        print(f"{label}（{key}）：{getattr(settings, key)}")
    return 0


def _atomic_write(path: Path, data: bytes) -> None:
    from .storage.files import write_atomically

    write_atomically(path, data)


def _find(ctx: Any, args: argparse.Namespace) -> int:
    """Number, kind, unit and status of each match, best first (tab-separated)."""
    from .domain.forms import SPECS
    from .services.search import find

    if args.kind is not None and args.kind not in SPECS:
        _err(f"未知的记录类型“{args.kind}”；可用：{'、'.join(SPECS)}")
        return 2
    if not args.query.strip():
        _err("请给出要找的内容。")
        return 2
    if args.limit < 1:
        _err("--limit 必须是正整数。")
        return 2
    matches = find(ctx.records, args.query, [args.kind] if args.kind else None, limit=args.limit)
    if not matches:
        print(f"没有找到符合“{args.query}”的记录。")
        return 0
    for m in matches:
        print("\t".join((m.number, m.kind, m.unit or "-", m.status)))
    return 0


_COMMANDS = {
    "find": _find,
    "demo": _demo,
    "import": _import,
    "dump": _dump,
    "export": _export,
    "letter": _letter,
    "handouts": _handouts,
    "training-sheets": _training_sheets,
    "settings": _settings,
    "excel-import": _excel_import,
    "excel-export": _excel_export,
    "conflicts": _conflicts,
    "backup": _backup,
    "report": lambda ctx, args: __import__("desktop.report_cli", fromlist=["run"]).run(ctx, args),
    "sync": lambda ctx, args: __import__("desktop.server_cli", fromlist=["run_sync"]).run_sync(ctx, args),
}


if __name__ == "__main__":
    sys.exit(main())
