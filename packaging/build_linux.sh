#!/usr/bin/env bash
# The Linux check of the Windows build: the same lock file, spec, self-test and installer script.
#   1. a clean virtual environment from packaging/requirements/linux.lock (pip --require-hashes);
#   2. PyInstaller with packaging/aftersales-desk.spec (one folder, windowed + a console twin);
#   3. the bundle's own --version and --self-test (offscreen, in a temporary folder);
#   4. makensis compiles packaging/installer.nsi around that folder (a Windows installer holding a
#      Linux bundle: it checks the script, not something to install).
# Prints how long each step took and how big the results are (also in build/linux/report.txt).
# REUSE_VENV=1 keeps an existing build venv (a second run in a few minutes instead of from scratch).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${BUILD_DIR:-$ROOT/build/linux}
VENV=$OUT/venv
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
# VIProductVersion wants four numbers: 0.2.0.dev0 -> 0.2.0.0
NUMERIC=$(echo "$VERSION" | grep -oE '^[0-9]+(\.[0-9]+){0,3}')
while [ "$(echo "$NUMERIC" | tr -cd . | wc -c)" -lt 3 ]; do NUMERIC="$NUMERIC.0"; done
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
command -v makensis >/dev/null 2>&1 || { echo "需要 makensis（apt-get install nsis；scripts/setup.sh 会安装）" >&2; exit 1; }
mkdir -p "$OUT"
REPORT=$OUT/report.txt
: > "$REPORT"
note() { echo "$*" | tee -a "$REPORT"; }
step() {  # step NAME COMMAND...: run and time it
  local name=$1; shift
  local t0=$SECONDS
  echo "== $name"
  "$@"
  note "$name: $((SECONDS - t0)) s"
}

note "aftersales-desk $VERSION, $(uname -sm), $("$PY" -V), $(makensis -VERSION) — $(date -u +%Y-%m-%dT%H:%MZ)"

make_venv() {
  if [ -z "${REUSE_VENV:-}" ] || [ ! -x "$VENV/bin/python" ]; then
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --require-hashes --no-deps -r packaging/requirements/linux.lock
  fi
}
step "venv from linux.lock (--require-hashes)" make_venv

pyinstaller() {
  rm -rf "$OUT/dist" "$OUT/work"
  "$VENV/bin/python" -m PyInstaller packaging/aftersales-desk.spec --noconfirm --clean --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/work"
}
step "PyInstaller" pyinstaller
BUNDLE=$OUT/dist/aftersales-desk

self_test() {
  local shown
  shown=$("$BUNDLE/aftersales-desk-cli" --version)
  [ "$shown" = "aftersales-desk $VERSION" ] || { echo "--version says '$shown', not $VERSION" >&2; return 1; }
  # Like a laptop without Python: nothing of the build's venv or of the source tree on the way.
  (cd /tmp && env -u PYTHONPATH -u VIRTUAL_ENV QT_QPA_PLATFORM=offscreen "$BUNDLE/aftersales-desk-cli" --self-test)
}
step "bundle --self-test" self_test

note "bundle: $(du -sm "$BUNDLE" | cut -f1) MB, $(find "$BUNDLE" -type f | wc -l) files ($BUNDLE)"
note "largest in _internal: $(cd "$BUNDLE/_internal" && du -sm -- * | sort -rn | head -6 | awk '{printf "%s %s MB; ", $2, $1}')"
note "Qt libraries: $(cd "$BUNDLE/_internal/PySide6/Qt/lib" && ls | sed 's/^libQt6//; s/\.so.*//' | tr '\n' ' ')"

SETUP=$OUT/aftersales-desk-$VERSION-setup.exe
nsis() {
  makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DVERSION_NUMERIC="$NUMERIC" -DBUNDLE="$BUNDLE" \
    -DOUTFILE="$SETUP" packaging/installer.nsi
}
step "makensis installer.nsi" nsis
note "installer: $(du -m "$SETUP" | cut -f1) MB ($SETUP)"
