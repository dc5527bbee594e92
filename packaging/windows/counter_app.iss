; Inno Setup 6 script of counter_app's Windows installer (built by packaging\build.ps1:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\counter_app.iss
; after PyInstaller made packaging\dist\counter_app). Per-machine install under Program Files;
; the data folder every Windows account of the counter PC shares lives under ProgramData and is
; never removed by uninstall. What IT can pass to a silent install, and where everything lives:
; README.md, "For IT", and docs/installing.md.
;
; Silent install on many PCs:
;   counter_app-setup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;       [/DBURL="postgresql+psycopg://counter:...@server/office"] [/DATADIR="D:\MotCua\data"]
;       [/GROUP="Counter officers"] [/TASKS="desktopicon"] [/LOG="C:\Temp\counter_app-setup.log"]
; /DBURL and /DATADIR are written into the machine-wide settings file
; (C:\ProgramData\counter_app\machine.json); /GROUP is the local group given the right to change
; the data folder (default: the machine's Users group).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Bộ phận Một cửa"
#define AppExe "counter-app.exe"
#define CliExe "counter-cli.exe"

[Setup]
; Fixed for ever: Windows knows an installed copy by it, so a new version upgrades in place.
AppId={{6F0C7B52-8E4D-4C33-9C6B-2B7B4F7E1A01}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=counter_app
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\counter_app
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=Output
OutputBaseFilename=counter_app-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\counter_app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; The running program holds its files: close it (and say so) before replacing them.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
; Vietnamese.isl is layered over the English defaults (it is not an official translation).
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade first removes the previous build's files: a module the new build no longer has
; must not linger beside it.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\{#AppExe}"
Type: files; Name: "{app}\{#CliExe}"

[Files]
Source: "..\dist\counter_app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The shared data folder and the folder of the machine-wide settings: kept by uninstall.
Name: "{commonappdata}\counter_app"; Flags: uninsneveruninstall
Name: "{code:DataDir}"; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; The counter's accounts may change files in the data folder (database, slips, backups); the
; folder and what is made in it later inherit this (OI)(CI).
Filename: "{sys}\icacls.exe"; Parameters: "{code:DataDirAclParameters}"; Flags: runhidden waituntilterminated; StatusMsg: "{cm:StatusDataFolder}"
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
vi.StatusDataFolder=Đang cấp quyền cho thư mục dữ liệu...

[Code]
const
  UsersGroupSid = '*S-1-5-32-545';  { BUILTIN\Users, whatever the Windows display language }

function MachineFile: String;
begin
  Result := ExpandConstant('{commonappdata}\counter_app\machine.json');
end;

function DataDir(Param: String): String;
begin
  Result := ExpandConstant('{param:DATADIR|}');
  if Result = '' then
    Result := ExpandConstant('{commonappdata}\counter_app\data');
end;

function DataDirAclParameters(Param: String): String;
var
  Group: String;
begin
  Group := ExpandConstant('{param:GROUP|}');
  if Group = '' then
    Group := UsersGroupSid;
  Result := '"' + DataDir('') + '" /grant "' + Group + ':(OI)(CI)M" /T /C /Q';
end;

function JsonString(Value: String): String;
begin
  StringChangeEx(Value, '\', '\\', True);
  StringChangeEx(Value, '"', '\"', True);
  Result := '"' + Value + '"';
end;

{ machine.json is written on a first install, and again when /DATADIR or /DBURL is given; an
  upgrade without them keeps what IT set before. }
procedure WriteMachineFile;
var
  DbUrl, Json: String;
begin
  DbUrl := ExpandConstant('{param:DBURL|}');
  if FileExists(MachineFile) and (ExpandConstant('{param:DATADIR|}') = '') and (DbUrl = '') then
    Exit;
  Json := '{' + #13#10 + '  "data_dir": ' + JsonString(DataDir('')) + ',' + #13#10 +
          '  "database_url": ' + JsonString(DbUrl) + #13#10 + '}' + #13#10;
  if not SaveStringToUTF8File(MachineFile, Json, False) then
    RaiseException('Không ghi được tệp cấu hình chung ' + MachineFile);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    WriteMachineFile;
end;
