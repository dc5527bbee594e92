# Windows build: the PyInstaller one-folder build, its self-test, then the Inno Setup installer.
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [-Python py] [-SkipInstaller]
# Output: packaging\dist\counter_app\ (counter-app.exe, counter-cli.exe) and
#         packaging\windows\Output\counter_app-setup-<version>.exe
# Needs Python 3.11+ and Inno Setup 6.3+ (ISCC.exe on PATH or in Program Files).
param(
    [string]$Python = "python",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path $PSScriptRoot -Parent)

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path .venv\Scripts\python.exe)) { Invoke-Checked $Python @("-m", "venv", ".venv") }
$VenvPython = (Resolve-Path .venv\Scripts\python.exe).Path
Invoke-Checked $VenvPython @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $VenvPython @("-m", "pip", "install", "-q", "-e", ".[test,build]")

Invoke-Checked $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "packaging\dist", "--workpath", "packaging\build", "packaging\counter_app.spec")
Invoke-Checked "packaging\dist\counter_app\counter-cli.exe" @("self-test")

if ($SkipInstaller) { exit 0 }
$Version = & $VenvPython -c "import sys; sys.path.insert(0, 'packaging'); from build_info import app_version; print(app_version())"
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isinfo.php" }
Invoke-Checked $Iscc @("/Qp", "/DAppVersion=$Version", "packaging\windows\counter_app.iss")
Get-ChildItem packaging\windows\Output\*.exe | ForEach-Object { "{0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB) }
