#!/usr/bin/env bash
# Run the installer the way a laptop would, under Wine (Debian: apt-get install wine64), in a
# throw-away Wine prefix and HOME: install silently, check the program folder, shortcuts and
# uninstall entry; upgrade over it with a changed bundle (a file of the old one must go); put a
# file of the user's in the program folder and a database in the data folder; uninstall; check that
# only what was installed is gone. Both installer languages. A fake bundle is used (the installer
# is what is checked, not the program): about a minute, most of it Wine starting.
#   packaging/check_installer_wine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WINE=${WINE:-$(command -v wine64 || echo /usr/lib/wine/wine64)}
[ -x "$WINE" ] || { echo "需要 wine64（apt-get install wine64）" >&2; exit 1; }
WORK=$(mktemp -d /tmp/installer-check.XXXXXX)
trap '"${WINE%/*}/wineserver64" -k 2>/dev/null || wineserver -k 2>/dev/null || true; rm -rf "$WORK"' EXIT
export HOME=$WORK/home WINEPREFIX=$WORK/prefix WINEDEBUG=-all WINEDLLOVERRIDES="winemenubuilder.exe=d"
mkdir -p "$HOME"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
build() {  # build OUT FILE...: a fake bundle holding FILE in _internal
  local out=$1; shift
  rm -rf "$WORK/bundle"; mkdir -p "$WORK/bundle/_internal"
  echo exe > "$WORK/bundle/aftersales-desk.exe"; echo cli > "$WORK/bundle/aftersales-desk-cli.exe"
  for f in "$@"; do echo "$f" > "$WORK/bundle/_internal/$f"; done
  makensis -V1 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DVERSION_NUMERIC=0.0.0.0 -DBUNDLE="$WORK/bundle" \
    -DOUTFILE="$out" packaging/installer.nsi
}
build "$WORK/安装 旧版.exe" old.txt
build "$WORK/安装 新版.exe" new.txt
"$WINE" wineboot -i >/dev/null 2>&1
U="$WINEPREFIX/drive_c/users/$(whoami)"
PROGRAM="$U/AppData/Local/Programs/AftersalesDesk"
DATA="$U/AppData/Local/AftersalesDesk/AftersalesDesk"
MENU="$U/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
fail() { echo "FAILED: $*" >&2; exit 1; }
lnks() { find "$MENU" "$U/Desktop/" -maxdepth 1 -name '*.lnk' | sort; }  # Wine's Desktop is a link to HOME
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\AftersalesDesk'
for lang in 2052 1033; do
  echo "== installer language $lang"
  "$WINE" reg add 'HKCU\Software\AftersalesDesk' /v InstallerLanguage /t REG_SZ /d $lang /f >/dev/null 2>&1
  mkdir -p "$DATA"; echo "记录" > "$DATA/aftersales.sqlite"
  "$WINE" "$WORK/安装 旧版.exe" /S
  [ -f "$PROGRAM/aftersales-desk.exe" ] && [ -f "$PROGRAM/_internal/old.txt" ] || fail "not installed"
  "$WINE" reg query "$key" /v DisplayVersion >/dev/null 2>&1 || fail "no uninstall entry"
  [ "$(lnks | wc -l)" -eq 3 ] || fail "shortcuts: $(lnks)"
  "$WINE" "$WORK/安装 新版.exe" /S
  [ -f "$PROGRAM/_internal/new.txt" ] && [ ! -e "$PROGRAM/_internal/old.txt" ] || fail "upgrade kept the old files"
  echo "我的" > "$PROGRAM/我的 笔记.txt"
  "$WINE" "$PROGRAM/uninstall.exe" /S "_?=C:\\users\\$(whoami)\\AppData\\Local\\Programs\\AftersalesDesk"
  [ ! -e "$PROGRAM/aftersales-desk.exe" ] && [ ! -e "$PROGRAM/_internal" ] || fail "uninstall left the program"
  [ -f "$PROGRAM/我的 笔记.txt" ] || fail "uninstall deleted a file of the user's"
  [ "$(cat "$DATA/aftersales.sqlite")" = "记录" ] || fail "the data folder was touched"
  [ -z "$(lnks)" ] || fail "shortcuts left: $(lnks)"
  "$WINE" reg query "$key" >/dev/null 2>&1 && fail "uninstall entry left"
  rm -rf "$PROGRAM"
  echo "ok: install, shortcuts, uninstall entry, upgrade, uninstall kept the data and the user's file"
done
echo "== upgrade in the other language"
"$WINE" reg add 'HKCU\Software\AftersalesDesk' /v InstallerLanguage /t REG_SZ /d 2052 /f >/dev/null 2>&1
"$WINE" "$WORK/安装 旧版.exe" /S
"$WINE" reg add 'HKCU\Software\AftersalesDesk' /v InstallerLanguage /t REG_SZ /d 1033 /f >/dev/null 2>&1
"$WINE" "$WORK/安装 新版.exe" /S
[ "$(lnks | wc -l)" -eq 3 ] && lnks | grep -q "Aftersales Desk.lnk" || fail "shortcuts after a change of language: $(lnks)"
"$WINE" "$PROGRAM/uninstall.exe" /S "_?=C:\\users\\$(whoami)\\AppData\\Local\\Programs\\AftersalesDesk"
[ -z "$(lnks)" ] || fail "shortcuts left: $(lnks)"
echo "ok: no shortcut of the other language left behind"
