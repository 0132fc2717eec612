"""The suite's own PostgreSQL is stopped even when the test process that started it was killed:
the next start stops and removes it (a killed run left servers running for hours before)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.pg_server import PostgresServer, sweep_orphans

STARTER = """
import sys, time
sys.path.insert(0, {root!r})
from tests.pg_server import PostgresServer
s = PostgresServer().start()
print(s.dir, flush=True)
time.sleep(600)
"""


def _postmaster_alive(folder: Path) -> bool:
    pid_file = folder / "data" / "postmaster.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().split()[0])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_server_whose_test_process_was_killed_is_stopped_by_the_next_start() -> None:
    root = str(Path(__file__).resolve().parent.parent)
    proc = subprocess.Popen([sys.executable, "-c", STARTER.format(root=root)], stdout=subprocess.PIPE, text=True)
    try:
        folder = Path(proc.stdout.readline().strip())
        assert folder.name.startswith("aftersales-pg-") and _postmaster_alive(folder)
        mine = PostgresServer()
        try:
            assert folder not in sweep_orphans(mine)  # its owner still runs: left alone
            assert _postmaster_alive(folder)
            proc.send_signal(signal.SIGKILL)  # killed: nothing of it can stop its server
            proc.wait(10)
            assert _postmaster_alive(folder)
            assert folder in sweep_orphans(mine)
            deadline = time.monotonic() + 10
            while _postmaster_alive(folder) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not _postmaster_alive(folder) and not folder.exists()
        finally:
            import shutil

            shutil.rmtree(mine.dir, ignore_errors=True)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
