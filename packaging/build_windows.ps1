# The Windows build in one command, on any Windows PC with Python 3.11 (and NSIS for the installer):
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
# 1. a clean virtual environment from packaging\requirements\windows.lock (pip --require-hashes);
# 2. PyInstaller with packaging\aftersales-desk.spec: one folder, windowed aftersales-desk.exe and
#    its console twin aftersales-desk-cli.exe (the command line and the self-test);
# 3. the built aftersales-desk-cli.exe --version and --self-test (a temporary data folder);
# 4. makensis packaging\installer.nsi -> build\windows\aftersales-desk-<version>-setup.exe.
# Each step's time and the sizes go to build\windows\report.txt.  Stops at the first failure.
# -ReuseVenv keeps an existing build venv; -SkipInstaller stops after the self-test (no NSIS needed).
param(
    [string]$Python = "",
    [switch]$ReuseVenv,
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Out = Join-Path $Root "build\windows"
$Venv = Join-Path $Out "venv"
$Report = Join-Path $Out "report.txt"
New-Item -ItemType Directory -Force -Path $Out | Out-Null
Set-Content -Path $Report -Value "" -Encoding utf8
# The self-test prints Chinese; a pipe on an English Windows is cp1252 otherwise.
$env:PYTHONUTF8 = "1"
$env:PYTHONIOENCODING = "utf-8"
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }  # no console (some CI hosts)

function Note([string]$Text) {
    Write-Host $Text
    Add-Content -Path $Report -Value $Text -Encoding utf8
}

function Step([string]$Name, [scriptblock]$Body) {
    Write-Host "== $Name"
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    & $Body
    Note ("{0}: {1:n0} s" -f $Name, $watch.Elapsed.TotalSeconds)
}

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed (exit $LASTEXITCODE)" }
}

$Version = (Select-String -Path "desktop\__init__.py" -Pattern '^__version__ = "(.*)"$').Matches[0].Groups[1].Value
# VIProductVersion wants four numbers: 0.2.0.dev0 -> 0.2.0.0
$Numeric = ([regex]::Match($Version, '^\d+(\.\d+){0,3}')).Value
while (($Numeric.Split('.')).Count -lt 4) { $Numeric = "$Numeric.0" }

if ($Python) { $PyExe = $Python; $PyArgs = @() }
elseif (Get-Command py -ErrorAction SilentlyContinue) { $PyExe = "py"; $PyArgs = @("-3.11") }
else { $PyExe = "python"; $PyArgs = @() }
$PyVersion = (& $PyExe @PyArgs -V | Out-String).Trim()
Note ("aftersales-desk {0}, Windows {1}, {2}" -f $Version, [System.Environment]::OSVersion.Version, $PyVersion)

Step "venv from windows.lock (--require-hashes)" {
    if (-not $ReuseVenv -or -not (Test-Path "$Venv\Scripts\python.exe")) {
        if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
        Invoke-Checked $PyExe ($PyArgs + @("-m", "venv", $Venv))
        Invoke-Checked "$Venv\Scripts\python.exe" @("-m", "pip", "install", "-q", "--require-hashes", "--no-deps",
            "-r", "packaging\requirements\windows.lock")
    }
}

$Dist = Join-Path $Out "dist"
$Bundle = Join-Path $Dist "aftersales-desk"
Step "PyInstaller" {
    foreach ($d in @($Dist, (Join-Path $Out "work"))) { if (Test-Path $d) { Remove-Item -Recurse -Force $d } }
    Invoke-Checked "$Venv\Scripts\python.exe" @("-m", "PyInstaller", "packaging\aftersales-desk.spec", "--noconfirm",
        "--clean", "--log-level", "WARN", "--distpath", $Dist, "--workpath", (Join-Path $Out "work"))
}

Step "bundle --self-test" {
    $cli = Join-Path $Bundle "aftersales-desk-cli.exe"
    $shown = (& $cli --version | Out-String).Trim()
    if ($shown -ne "aftersales-desk $Version") { throw "--version says '$shown', not $Version" }
    # Like a laptop without Python: run from elsewhere, no PYTHONPATH.
    Push-Location $env:TEMP
    try {
        Remove-Item Env:PYTHONPATH -ErrorAction SilentlyContinue
        Invoke-Checked $cli @("--self-test")
    } finally { Pop-Location }
}

$Files = Get-ChildItem -Recurse -File $Bundle
Note ("bundle: {0:n0} MB, {1} files ({2})" -f (($Files | Measure-Object Length -Sum).Sum / 1MB), $Files.Count, $Bundle)

if ($SkipInstaller) { exit 0 }
$MakeNsis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $MakeNsis) {
    foreach ($c in @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe")) {
        if (Test-Path $c) { $MakeNsis = $c }
    }
}
if (-not $MakeNsis) { throw "makensis not found: install NSIS 3 (winget install NSIS.NSIS, or choco install nsis)" }
$Setup = Join-Path $Out "aftersales-desk-$Version-setup.exe"
Step "makensis installer.nsi" {
    Invoke-Checked $MakeNsis @("/V2", "/INPUTCHARSET", "UTF8", "/DVERSION=$Version", "/DVERSION_NUMERIC=$Numeric",
        "/DBUNDLE=$Bundle", "/DOUTFILE=$Setup", "packaging\installer.nsi")
}
Note ("installer: {0:n1} MB ({1})" -f ((Get-Item $Setup).Length / 1MB), $Setup)
