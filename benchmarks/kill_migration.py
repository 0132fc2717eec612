"""kill -9 a migration at random moments, restart, and count the restarts that just work (issue 11).

    .venv/bin/python benchmarks/kill_migration.py [ROUNDS]

Each round copies the kept schema-0001 database, starts ``aftersales-desk dump`` on it (which
upgrades it to the head), kills the process after a random delay, then runs ``dump`` again: the
round holds when that second run exits 0 with all 14 complaints and the file is at the head.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def main(rounds: int) -> int:
    sys.path.insert(0, str(ROOT))
    from desktop.storage import migrate

    held = failed = killed_mid = 0
    for n in range(rounds):
        folder = Path(tempfile.mkdtemp(prefix="kill-mig-"))
        shutil.copy(DATA / "schema-0001_complaint.sqlite", folder / "aftersales.sqlite")
        shutil.copytree(DATA / "schema-0001_complaint-photos", folder / "photos")
        cmd = [sys.executable, "-m", "desktop", "--data-dir", str(folder), "dump", "--kind", "complaint", "-o", "-"]
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0.5, 6.0))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            p.wait()
        rev_after_kill = migrate.current_revision(folder / "aftersales.sqlite")
        if rev_after_kill != migrate.HEAD:
            killed_mid += 1
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        ok = (r.returncode == 0 and len(json.loads(r.stdout)) == 14
              and migrate.current_revision(folder / "aftersales.sqlite") == migrate.HEAD)
        held += ok
        failed += not ok
        print(f"round {n + 1}: after kill {rev_after_kill}; restart {'held' if ok else 'FAILED ' + r.stderr[-200:]}",
              flush=True)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{rounds} rounds: killed before the upgrade finished {killed_mid}; restarts held {held}, failed {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
