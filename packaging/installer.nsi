; The Windows installer of Aftersales Desk (消杀药品售后服务台), NSIS 3 (Unicode).
;
; Built by packaging/build_windows.ps1 around the PyInstaller folder; packaging/build_linux.sh and
; tests/test_release.py compile it with Debian's makensis too, so the script is checked on Linux.
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.2.0.dev0 -DVERSION_NUMERIC=0.2.0.0
;            -DBUNDLE=dist\aftersales-desk -DOUTFILE=aftersales-desk-0.2.0.dev0-setup.exe installer.nsi
;
; * Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\AftersalesDesk,
;   shortcuts and the uninstall entry to the user's own start menu, desktop and HKCU.
; * The records are NOT in the program folder: the application keeps them in its data folder,
;   %LOCALAPPDATA%\AftersalesDesk\AftersalesDesk (platformdirs, desktop/paths.py).  Installing over
;   an older version replaces only the program files; uninstalling removes only what was installed
;   (the two executables and the _internal folder), never the data folder, and never a whole folder
;   the user may have chosen to install into.
; * Chinese and English: the installer and uninstaller follow the system language (asked for at the
;   start, remembered for the uninstaller).

Unicode true
Target amd64-unicode  ; a 64-bit installer for the 64-bit program (and it installs to the 64-bit registry view)
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 32  ; MB: the two executables share 14 MB of Python code, compressed once

!ifndef VERSION
  !error "VERSION is not defined: makensis -DVERSION=... (desktop/__init__.py __version__)"
!endif
!ifndef BUNDLE
  !error "BUNDLE is not defined: makensis -DBUNDLE=<the PyInstaller folder dist\aftersales-desk>"
!endif
!ifndef OUTFILE
  !define OUTFILE "aftersales-desk-${VERSION}-setup.exe"
!endif

!define APP_ID "AftersalesDesk"
!define APP_EXE "aftersales-desk.exe"
!define CLI_EXE "aftersales-desk-cli.exe"
!define PUBLISHER "Aftersales Desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define DATA_FOLDER "$LOCALAPPDATA\AftersalesDesk"  ; platformdirs' user_data_dir(APP_NAME, APP_AUTHOR)

Name "$(APP_NAME) ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "$(APP_NAME) ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!ifdef VERSION_NUMERIC
  VIProductVersion "${VERSION_NUMERIC}"
  VIAddVersionKey /LANG=0 "ProductName" "Aftersales Desk"
  VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileDescription" "Aftersales Desk setup"
  VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
  VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ABORTWARNING
!define MUI_ICON "../resources/icons/aftersales-desk.ico"  ; makensis works in the script's folder; scripts/make_icon.py
!define MUI_UNICON "../resources/icons/aftersales-desk.ico"
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP_ID}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RUN_NOW)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"  ; the first language is the default
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

!define NAME_ZH "消杀药品售后服务台"
!define NAME_EN "Aftersales Desk"
!define SELFTEST_ZH "消杀药品售后服务台 自检"
!define SELFTEST_EN "Aftersales Desk self-test"
LangString APP_NAME ${LANG_SIMPCHINESE} "${NAME_ZH}"
LangString APP_NAME ${LANG_ENGLISH} "${NAME_EN}"
LangString RUN_NOW ${LANG_SIMPCHINESE} "立即打开消杀药品售后服务台"
LangString RUN_NOW ${LANG_ENGLISH} "Open Aftersales Desk now"
LangString SELFTEST_NAME ${LANG_SIMPCHINESE} "${SELFTEST_ZH}"
LangString SELFTEST_NAME ${LANG_ENGLISH} "${SELFTEST_EN}"
LangString DATA_KEPT ${LANG_SIMPCHINESE} "数据文件夹保留不动：${DATA_FOLDER}"
LangString DATA_KEPT ${LANG_ENGLISH} "The data folder is kept as it is: ${DATA_FOLDER}"
LangString NOT_IN_DATA ${LANG_SIMPCHINESE} "不能安装到数据文件夹 ${DATA_FOLDER} 中，请另选文件夹。"
LangString NOT_IN_DATA ${LANG_ENGLISH} "The program cannot go into the data folder ${DATA_FOLDER}; please choose another folder."
LangString STILL_RUNNING ${LANG_SIMPCHINESE} "无法替换 $INSTDIR\${APP_EXE}：程序可能还开着。请关闭消杀药品售后服务台后点“重试”。"
LangString STILL_RUNNING ${LANG_ENGLISH} "Cannot replace $INSTDIR\${APP_EXE}: the program may still be open. Close Aftersales Desk and press Retry."

; The shortcuts of either language: an upgrade or uninstall in the other language leaves none behind.
!macro REMOVE_SHORTCUTS
  Delete "$SMPROGRAMS\${NAME_ZH}.lnk"
  Delete "$SMPROGRAMS\${NAME_EN}.lnk"
  Delete "$SMPROGRAMS\${SELFTEST_ZH}.lnk"
  Delete "$SMPROGRAMS\${SELFTEST_EN}.lnk"
  Delete "$DESKTOP\${NAME_ZH}.lnk"
  Delete "$DESKTOP\${NAME_EN}.lnk"
!macroend

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; The program folder must not be the data folder or inside it (an uninstall would then sit beside
; the records, and a later install could overwrite them).
Function .onVerifyInstDir
  StrLen $1 "${DATA_FOLDER}"
  StrCpy $0 "$INSTDIR" $1
  ${If} $0 == "${DATA_FOLDER}"
    Abort
  ${EndIf}
FunctionEnd

Section "!$(APP_NAME)" SecMain
  SectionIn RO
  SetShellVarContext current
  ; An upgrade: the old program files go (a module removed from the new version must not linger),
  ; the data folder is elsewhere and stays.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    retry:
    ClearErrors
    Delete "$INSTDIR\${APP_EXE}"
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(STILL_RUNNING)" IDRETRY retry
      Abort
    ${EndIf}
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  !insertmacro REMOVE_SHORTCUTS
  CreateShortcut "$SMPROGRAMS\$(APP_NAME).lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\$(APP_NAME).lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  ; For support staff: the self-test in a console window that stays open to be read.
  CreateShortcut "$SMPROGRAMS\$(SELFTEST_NAME).lnk" "$SYSDIR\cmd.exe" '/k ""$INSTDIR\${CLI_EXE}" --self-test"' \
    "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(APP_NAME)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  DetailPrint "$(DATA_KEPT)"
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; Only what the installer put there: never RMDir /r "$INSTDIR" (it may be a folder of the user's
; own) and never the data folder.
Section "Uninstall"
  SetShellVarContext current
  !insertmacro REMOVE_SHORTCUTS
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegValue HKCU "Software\${APP_ID}" "InstallerLanguage"  ; the window's own settings stay
  DetailPrint "$(DATA_KEPT)"
SectionEnd
