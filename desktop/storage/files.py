"""Writing a file so that it is either whole or not there: next to the target, flushed to disk,
then moved into place (a crash, a full disk or a kill leaves the old file or none, never half)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; ``private``: readable by its owner only (0600), else
    0644.  The folder is made when missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        if private:
            try:
                os.fchmod(fd, 0o600)
            except (AttributeError, OSError):  # Windows: no POSIX modes (the folder's ACL applies)
                pass
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not private:
            try:
                os.chmod(tmp, 0o644)
            except OSError:
                pass
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
