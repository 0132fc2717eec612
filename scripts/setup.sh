#!/usr/bin/env bash
# Set up a development/run environment from a fresh clone: the system libraries Qt needs (Debian and
# Ubuntu; installed only when missing), a virtual environment in .venv, and the package with its
# test dependencies. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for cand in python3.11 python3.12 python3.13 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      PY=$cand; break
    fi
  done
fi
[ -n "$PY" ] || { echo "需要 Python 3.11 或更新版本 (Python 3.11+ is required)" >&2; exit 1; }

# Qt's xcb/offscreen platforms load these at run time (PITFALLS.md); the font is shipped in resources/.
QT_LIBS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxrender1"
# makensis: tests/test_release.py compiles the Windows installer script (packaging/installer.nsi);
# pdftoppm (poppler-utils): the document tests turn the PDFs into pictures and look at them.
QT_LIBS="$QT_LIBS nsis poppler-utils"
# The tests start their own PostgreSQL server (tests/pg_server.py) from Debian's server binaries.
SERVER_PKGS="postgresql"
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=""
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    missing="$SERVER_PKGS"
  fi
  for pkg in $QT_LIBS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "Installing system packages (Qt libraries, makensis, pdftoppm, PostgreSQL for the tests):$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
