"""A real PostgreSQL server for the tests, started and stopped by the suite itself.

Debian's server binaries (``/usr/lib/postgresql/*/bin``, installed by ``scripts/setup.sh``) run a
throw-away cluster in a temporary folder, on 127.0.0.1 and a free port, with ``fsync=off`` (a test
server; nothing in it outlives the run).  PostgreSQL refuses to run as root, and CI runs as root:
then the cluster belongs to the ``postgres`` user and its commands run through ``runuser``
(PITFALLS.md).  A server left running by a test process that was killed is stopped by the next
start (``sweep_orphans``).  One server per test process (each pytest-xdist worker has its own); each test gets a
fresh, empty database of its own (``fresh_database``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path


def _binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    if not found:
        on_path = shutil.which("postgres")
        if on_path is None:
            raise RuntimeError("PostgreSQL server binaries not found: run scripts/setup.sh (it installs "
                               "Debian's postgresql package)")
        return Path(on_path).parent
    return found[-1].parent


OWNER = "owner.pid"  # the test process that started the server, in its folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_orphans(server: PostgresServer) -> list[Path]:
    """Stop and remove the servers of test processes that died without stopping them (a run killed
    by a timeout or by hand: nothing of it could run ``stop``).  A folder whose owner still runs, or
    that names none yet (being set up), is left alone.  Returns the folders removed."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob("aftersales-pg-*"):
        if folder == server.dir:
            continue
        try:
            owner = int((folder / OWNER).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        if (folder / "data" / "postmaster.pid").exists():
            server._run("pg_ctl", "-D", str(folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    def __init__(self) -> None:
        self.bin = _binaries()
        self.dir = Path(tempfile.mkdtemp(prefix="aftersales-pg-"))
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres")
        self.user = "postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=120)

    def start(self) -> PostgresServer:
        sweep_orphans(self)
        (self.dir / OWNER).write_text(str(os.getpid()), encoding="ascii")
        data = self.dir / "data"
        done = self._run("initdb", "-D", str(data), "-A", "trust", "-U", self.user, "-E", "UTF8",
                         "--locale=C.UTF-8", "--no-sync")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr}")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        log = str(self.dir / "log")
        done = self._run("pg_ctl", "-D", str(data), "-o", options, "-l", log, "-w", "-t", "60", "start")
        if done.returncode != 0:
            log = (self.dir / "log").read_text(errors="replace") if (self.dir / "log").exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {done.stderr}\n{log[-2000:]}")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def fresh_database(self) -> str:
        """A new, empty database; its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)
