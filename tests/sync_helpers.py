"""Shared by the sync tests: a head office on the suite's PostgreSQL, its sync service on a free
127.0.0.1 port (uvicorn in a thread), and laptops on data folders of their own."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.domain.clock import FixedClock
from desktop.services.context import AppContext, open_context
from desktop.services.sync.head_office import server_records
from desktop.storage.server_accounts import add_laptop
from tests.support import NOW, raw_complaint


def head_office(url: str) -> Any:
    return server_records(url, FixedClock(NOW))


_TEMPLATE: list[Path] = []


def _migrated_folder() -> Path:
    """A migrated, empty data folder, made once per test process (migrating takes seconds)."""
    if not _TEMPLATE:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="aftersales-sync-template-")) / "data"
        open_context(folder, FixedClock(NOW)).close()
        _TEMPLATE.append(folder)
    return _TEMPLATE[0]


def laptop(tmp_path: Path, code: str, staff: str = "王测试") -> AppContext:
    import shutil

    folder = tmp_path / f"laptop-{code}"
    shutil.copytree(_migrated_folder(), folder, ignore=shutil.ignore_patterns("backups"))
    ctx = open_context(folder, FixedClock(NOW))
    st = ctx.records.settings()
    st.laptop_code, st.staff_name, st.company_name = code, staff, "测试消杀药业有限公司"
    ctx.records.save_settings(st)
    return ctx


def token_for(hq: Any, code: str) -> str:
    with hq.db.write() as s:
        return add_laptop(s, code)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(hq: Any) -> Iterator[str]:
    """The sync service over ``hq`` on a free port; its base URL."""
    import uvicorn

    from desktop.services.sync.http_server import make_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(make_app(hq), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("sync service did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def new_complaint(ctx: AppContext, **overrides: Any) -> Any:
    return ctx.records.create("complaint", raw_complaint(**overrides), by=ctx.records.settings().staff_name).record
