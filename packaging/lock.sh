#!/usr/bin/env bash
# Pin every package of the installer builds, with hashes, for Windows and for Linux:
#   packaging/requirements/windows.lock  (read by build_windows.ps1 with pip --require-hashes)
#   packaging/requirements/linux.lock    (read by build_linux.sh the same way)
# From pyproject.toml's dependencies (their lower bounds) and requirements/build.in (PyInstaller).
# Run it again after changing a dependency, and commit the two files; tests/test_release.py checks
# that they pin every dependency within its bound.  Needs uv (pip install uv) and the package index.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-}
if [ -z "$UV" ]; then
  if command -v uv >/dev/null 2>&1; then UV=uv; elif [ -x .venv/bin/uv ]; then UV=.venv/bin/uv; else
    echo "需要 uv：.venv/bin/python -m pip install uv (uv is required)" >&2; exit 1
  fi
fi
PYVER=${PYVER:-3.11}  # the Python the builds use (build_windows.ps1 asks for the same)
# Linux: manylinux 2.34 (glibc of Debian 12 / Ubuntu 22.04; PySide6-Pdf has no older Linux wheel).
for target in windows:windows linux:x86_64-manylinux_2_34; do
  platform=${target%%:*}
  "$UV" pip compile pyproject.toml packaging/requirements/build.in \
    --generate-hashes --python-platform "${target#*:}" --python-version "$PYVER" \
    --no-header --annotation-style line --quiet \
    -o "packaging/requirements/$platform.lock"
  sed -i "1i # packaging/lock.sh: $platform, Python $PYVER; install with pip --require-hashes" \
    "packaging/requirements/$platform.lock"
  echo "packaging/requirements/$platform.lock: $(grep -c '==' "packaging/requirements/$platform.lock") packages"
done
