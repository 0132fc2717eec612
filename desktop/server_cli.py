"""``aftersales-desk server …`` (head office) and ``aftersales-desk sync …`` (a laptop), issue 12.

    server init --database URL                         create or upgrade the head-office database
    server add-user NAME --role ROLE --database URL    password from standard input
    server add-laptop CODE --database URL              prints the laptop's token (shown once)
    server revoke CODE --database URL
    server run --database URL [--host H] [--port P]    the sync service (behind a TLS proxy: docs/sync.md)
    server import-bundle F --database URL [-o ANSWER]  a laptop's sync file; writes the answer file
    server decide NUMBER STEP --user U --set k=v        an approval or determination, by role (password on stdin)
    server proposals [accept|merge|reject ID --user U]  laptops' proposed customers and products
    server deletions [--laptop CODE]                    drafts laptops deleted, and what head office did
    sync [--server URL --token T]                      one sync (both remembered after the first time)
    sync --to-file F | --from-file F                   the same by files, without a network

``--database`` may be left out when ``AFTERSALES_DESK_DATABASE`` gives it.  Every refusal is one
Chinese line on standard error and exit status 1; nothing half done is left.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

DATABASE_ENV = "AFTERSALES_DESK_DATABASE"
DEFAULT_PORT = 8740


def add_parsers(sub: Any) -> None:
    from .storage.server_accounts import ROLES

    srv = sub.add_parser("server", help="总部：建立数据库、用户和笔记本令牌，运行同步服务，导入同步文件")
    cmds = srv.add_subparsers(dest="server_command",
                              metavar="{init,add-user,add-laptop,revoke,run,import-bundle,decide,proposals,deletions}")

    def database(p: argparse.ArgumentParser) -> None:
        p.add_argument("--database", default=os.environ.get(DATABASE_ENV),
                       help=f"总部数据库地址，如 postgresql://用户@主机/库名（默认取环境变量 {DATABASE_ENV}）")

    database(cmds.add_parser("init", help="建立或升级总部数据库"))
    au = cmds.add_parser("add-user", help="新增总部用户（密码从标准输入读取）")
    au.add_argument("name", help="用户名（姓名）")
    au.add_argument("--role", help="角色：" + "、".join(ROLES))
    database(au)
    al = cmds.add_parser("add-laptop", help="登记一台笔记本，输出它的令牌（只显示这一次）")
    al.add_argument("code", help="本机代码（1 至 4 位大写字母或数字，与记录编号中的相同）")
    database(al)
    rv = cmds.add_parser("revoke", help="吊销一台笔记本的令牌")
    rv.add_argument("code", help="本机代码")
    database(rv)
    run = cmds.add_parser("run", help="运行同步服务")
    database(run)
    run.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，由反向代理转发）")
    run.add_argument("--port", default=str(DEFAULT_PORT), help=f"端口（默认 {DEFAULT_PORT}）")
    ib = cmds.add_parser("import-bundle", help="导入笔记本的同步文件，并写出给它的回复文件")
    ib.add_argument("file", help="笔记本用 sync --to-file 写出的文件")
    ib.add_argument("-o", "--output", help="回复文件（默认：同一文件夹中的 <文件名>-answer.json）")
    database(ib)

    dc = cmds.add_parser("decide", help="总部审批或界定一条记录（按角色；用户密码从标准输入读取）")
    dc.add_argument("number", help="记录编号，如 TS-2026-A3-0007")
    dc.add_argument("step", help="步骤：quality（质量界定）、mgmt_rep（管理者代表）、gm（总经理）、approval（退换货审批）")
    dc.add_argument("--user", help="总部用户名（密码从标准输入读取）")
    dc.add_argument("--set", action="append", default=[], metavar="字段=值", help="要填写的字段，如 gm_decision=同意")
    database(dc)
    pr = cmds.add_parser("proposals", help="列出或处理笔记本提议的客户和产品（接受、合并或拒绝）")
    pr.add_argument("action", nargs="?", default="list", choices=["list", "accept", "merge", "reject"])
    pr.add_argument("proposal", nargs="?", help="提议的编号（list 列出的第一列）")
    pr.add_argument("--into", help="merge：并入总部档案中的这条记录（编号）")
    pr.add_argument("--user", help="总部用户名（accept、merge、reject 需要；密码从标准输入读取）")
    database(pr)
    dl = cmds.add_parser("deletions", help="列出笔记本删除的草稿，以及总部是否也删除（或保留及原因）")
    dl.add_argument("--laptop", help="只列出这台笔记本的")
    database(dl)

    sy = sub.add_parser("sync", help="与总部同步：发出本机新的记录，收取总部的审批和决定")
    sy.add_argument("--server", help="总部同步服务地址，如 https://sync.example.cn（记住，下次可省略）")
    sy.add_argument("--token", help="总部发给本机的令牌（保存在系统密钥库，下次可省略）")
    way = sy.add_mutually_exclusive_group()
    way.add_argument("--to-file", help="没有网络时：把要发出的记录写入这个文件，带到总部导入")
    way.add_argument("--from-file", help="没有网络时：导入总部写出的回复文件")


def _err(text: str) -> None:
    print(f"错误：{text}", file=sys.stderr)


def _shown(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL we cannot even parse is shown as given
        return url


def run_server(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from .storage.errors import StorageError
    from .storage.server_accounts import AccountError

    if not args.server_command:
        _err("请给出 server 的子命令：init、add-user、add-laptop、revoke、run 或 import-bundle")
        return 2
    if not args.database:
        _err(f"请用 --database 给出总部数据库地址（postgresql://…），或设置环境变量 {DATABASE_ENV}")
        return 1
    try:
        return _SERVER[args.server_command](args)
    except AccountError as e:
        _err(str(e))
    except StorageError as e:
        _err(str(e))
    except DBAPIError as e:
        reason = str(getattr(e, "orig", e)).strip().splitlines()
        _err(f"无法使用总部数据库 {_shown(args.database)}：{reason[0] if reason else type(e).__name__}")
    return 1


def _service(args: argparse.Namespace, receiving: bool = False) -> Any:
    from .services.sync.head_office import server_records

    return server_records(args.database, receiving=receiving)


def head_office_context(url: str, folder: Path) -> Any:
    """The commands that work on a data folder (dump, export, find, …) on head office's database;
    ``folder`` holds what is head office's own on this computer (its signing key for dumps and PDFs)."""
    from sqlalchemy.exc import DBAPIError

    from .domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
    from .services.context import AppContext
    from .services.sync.head_office import server_records
    from .storage.errors import StorageError

    try:
        service = server_records(url)
    except DBAPIError as e:
        reason = str(getattr(e, "orig", e)).strip().splitlines()
        raise StorageError(QT_TRANSLATE_NOOP(MESSAGES, "无法使用总部数据库 {url}：{reason}"),
                           {"url": _shown(url), "reason": reason[0] if reason else type(e).__name__}) from e
    folder.mkdir(parents=True, exist_ok=True)
    return AppContext(data_dir=folder, db=service.db, records=service)


def _init(args: argparse.Namespace) -> int:
    from .services.search import reindex_if_needed
    from .storage.migrate import HEAD

    service = _service(args)
    n = reindex_if_needed(service)  # records searched by an older scheme's text and keys: once
    service.db.dispose()
    if n:
        print(f"已按新的检索方式重建 {n} 条记录的检索文字")
    print(f"总部数据库已就绪（版本 {HEAD}）：{_shown(args.database)}")
    return 0


def _read_password() -> str:
    if sys.stdin is None:
        return ""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("密码：")
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


def _add_user(args: argparse.Namespace) -> int:
    from .storage.server_accounts import ROLES, AccountError, add_user

    if not args.role:
        raise AccountError("请用 --role 给出角色：{known}", known="、".join(ROLES))
    if args.role not in ROLES:  # said before the password is asked for
        raise AccountError("未知的角色“{role}”；可用：{known}", role=args.role[:40], known="、".join(ROLES))
    password = _read_password()
    service = _service(args)
    try:
        with service.db.write() as s:
            user = add_user(s, args.name, args.role, password)
            name, role = user.name, user.role
    finally:
        service.db.dispose()
    print(f"已新增用户 {name}（{role}）")
    return 0


def _add_laptop(args: argparse.Namespace) -> int:
    from .storage.server_accounts import add_laptop

    service = _service(args)
    try:
        with service.db.write() as s:
            token = add_laptop(s, args.code)
    finally:
        service.db.dispose()
    print(token)
    print(f"已登记本机 {args.code.strip().upper()}。上面是它的令牌，只显示这一次：请交给该笔记本"
          "（aftersales-desk sync --server 地址 --token 令牌）。", file=sys.stderr)
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from .storage.server_accounts import revoke_laptop

    service = _service(args)
    try:
        with service.db.write() as s:
            revoke_laptop(s, args.code)
    finally:
        service.db.dispose()
    print(f"已吊销本机 {args.code.strip().upper()} 的令牌；它的同步请求将被拒绝")
    return 0


def _run(args: argparse.Namespace) -> int:
    from .services.sync.http_server import serve

    if not str(args.port).isdigit() or not 0 < int(args.port) < 65536:
        _err(f"端口“{args.port}”无效：应为 1 至 65535 的整数")
        return 1
    service = _service(args, receiving=True)
    print(f"同步服务运行于 http://{args.host}:{args.port}（数据库 {_shown(args.database)}）；按 Ctrl+C 停止",
          file=sys.stderr)
    try:
        serve(service, args.host, int(args.port))
    finally:
        service.db.dispose()
    return 0


def _import_bundle(args: argparse.Namespace) -> int:
    from .services.sync.bundle import BundleError, import_bundle
    from .services.sync.hub import Refused, conflicts_in
    from .services.transfer import ImportFailed

    path = Path(args.file)
    if not path.is_file():
        _err(f"找不到同步文件 {path}")
        return 1
    service = _service(args, receiving=True)
    try:
        results, answer, count = import_bundle(service, path, Path(args.output) if args.output else None)
    except (BundleError, Refused) as e:
        _err(str(e))
        return 1
    except ImportFailed as e:
        _err(f"同步文件中的记录未通过检查，未导入任何内容：\n{e}")
        return 1
    finally:
        service.db.dispose()
    print(f"收到 {len(results)} 条记录，其中 {conflicts_in(results)} 条保留为冲突待处理；")
    print(f"回复文件（{count} 条记录）已写到：{answer}")
    return 0


def _login(service: Any, user: str | None) -> str:
    from .storage.server_accounts import AccountError, check_login

    if not user:
        raise AccountError("请用 --user 给出总部用户名（密码从标准输入读取）")
    password = _read_password()
    with service.db.session() as s:
        if check_login(s, user, password) is None:
            raise AccountError("用户名或密码不对：{user}", user=user)
    return user


def _decide(args: argparse.Namespace) -> int:
    from .domain.validation import ValidationFailed
    from .services.errors import NotFound
    from .services.sync.decisions import DecisionRefused, decide

    values = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or not key:
            _err(f"“{item}”应写成 字段=值")
            return 1
        values[key.strip()] = value.strip()
    service = _service(args)
    try:
        user = _login(service, args.user)
        record = service.find_number(args.number)
        done = decide(service, user, record.kind, record.id, args.step, values).record
    except NotFound:
        _err(f"总部没有编号为 {args.number} 的记录")
        return 1
    except DecisionRefused as e:
        _err(str(e))
        return 1
    except ValidationFailed as e:
        _err("；".join(f"{i.path}：{i.message}" for i in e.issues))
        return 1
    finally:
        service.db.dispose()
    print(f"已记录 {done.number} 的 {args.step}（{done.updated_by}，第 {done.version} 版）；该笔记本下次同步时收到")
    return 0


def _proposals(args: argparse.Namespace) -> int:
    from .services.errors import NotFound
    from .services.sync import proposals as pp
    from .services.transfer import ImportFailed

    service = _service(args)
    try:
        if args.action == "list":
            for p in pp.list_proposals(service):
                print(f"{p.id}\t{p.laptop}\t{p.kind}\t{p.number}\t{p.summary}")
            return 0
        if not args.proposal:
            _err("请给出提议的编号（server proposals list 列出的第一列）")
            return 1
        user = _login(service, args.user)
        if args.action == "accept":
            pp.accept(service, args.proposal, user)
        elif args.action == "reject":
            pp.reject(service, args.proposal, user)
        else:
            if not args.into:
                _err("merge 需要 --into 总部档案中那条记录的编号")
                return 1
            pp.merge(service, args.proposal, service.find_number(args.into).id, user)
    except pp.ProposalRefused as e:
        _err(str(e))
        return 1
    except ImportFailed as e:
        _err(f"提议未能并入档案：{e}")
        return 1
    except NotFound:
        _err(f"总部档案中没有编号为 {args.into} 的记录")
        return 1
    finally:
        service.db.dispose()
    print(f"提议 {args.proposal} 已处理：{args.action}")
    return 0


def _deletions(args: argparse.Namespace) -> int:
    from .services.sync.tombstones import DELETED, deletions_log

    service = _service(args)
    try:
        rows = deletions_log(service, (args.laptop or "").strip().upper() or None)
    finally:
        service.db.dispose()
    for r in rows:
        what = "总部已删除" if r.outcome == DELETED else f"总部保留：{r.reason}"
        print(f"{r.at.astimezone().strftime('%Y-%m-%d %H:%M')}\t{r.laptop}\t{r.kind}\t{r.number}\t{what}")
    if not rows:
        print("没有笔记本删除过已同步的草稿")
    return 0


_SERVER = {"init": _init, "decide": _decide, "proposals": _proposals, "deletions": _deletions, "add-user": _add_user, "add-laptop": _add_laptop, "revoke": _revoke, "run": _run,
           "import-bundle": _import_bundle}


def run_sync(ctx: Any, args: argparse.Namespace) -> int:
    from .services.sync import laptop as lap
    from .services.sync.bundle import BundleError, from_file, to_file
    from .services.sync.client import SyncError, sync
    from .services.transfer import ImportFailed

    service = ctx.records
    server, token = lap.remembered(service)
    server, token = args.server or server, args.token or token
    if not token:
        _err("请用 --token 给出总部发给本机的令牌（第一次同步时需要；之后会记住）")
        return 1
    try:
        if args.to_file:
            n = to_file(service, token, Path(args.to_file))
            print(f"已把 {n} 条要发出的记录写到 {args.to_file}；请在总部用 server import-bundle 导入，再用 "
                  "sync --from-file 导入总部的回复文件")
            if args.token:
                lap.remember(service, server, token)
            return 0
        if args.from_file:
            path = Path(args.from_file)
            if not path.is_file():
                _err(f"找不到同步文件 {path}")
                return 1
            result = from_file(service, token, path)
        else:
            if not server:
                _err("请用 --server 给出总部同步服务的地址（第一次同步时需要；之后会记住）")
                return 1
            if not server.startswith(("http://", "https://")):
                _err(f"同步服务地址“{server}”无效：应以 https:// 或 http:// 开头")
                return 1
            result = sync(service, server, token)
            lap.remember(service, server, token)
    except (SyncError, BundleError) as e:
        _err(str(e))
        return 1
    except ImportFailed as e:
        _err(f"收到的记录未通过检查，本批未写入：\n{e}")
        return 1
    print(f"同步完成：发出 {result.sent} 条，收到 {result.received} 条，保留为冲突 {result.conflicts} 条")
    for line in result.refused:
        print(f"未收下总部的档案 {line}")
    if result.deleted:
        print(f"本机删除的草稿：总部也已删除 {result.deleted} 条")
    for line in result.notes:  # a deletion held, a proposal decided (issue-12c)
        print(line)
    return 0
