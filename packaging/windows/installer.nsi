; Backlog's Windows installer, built by packaging/windows/installer.sh.
;
; Per user: it needs no administrator rights and installs into
; %LOCALAPPDATA%\Programs\Backlog, with a Start-menu entry that starts
; backlogw.exe (the app without a console window) and an entry in
; "Installed apps" to remove it. Removing it deletes only the files it put
; there; the journal in %APPDATA%\Backlog is the person's and stays.
;
; makensis -DVERSION=0.1.0 -DSTAGE=dir-with-the-files -DICON=icon.ico
;          -DOUTFILE=setup.exe installer.nsi

; Without this, NSIS 3.08 builds a 32-bit ANSI installer that silently does
; nothing under 64-bit Wine.
Target amd64-unicode

!include "MUI2.nsh"

!ifndef VERSION | STAGE | ICON | OUTFILE
  !error "give -DVERSION -DSTAGE -DICON -DOUTFILE (installer.sh does)"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Backlog"

Name "Backlog"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Backlog"
InstallDirRegKey HKCU "Software\Backlog" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
; backlog.exe and backlogw.exe are nearly the same 28 MB: a dictionary that
; holds both stores the second almost for free.
SetCompressorDictSize 64
ManifestDPIAware true
BrandingText "Backlog ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "Backlog"
VIAddVersionKey "FileDescription" "Backlog installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "The Backlog maintainers"
VIAddVersionKey "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEPAGE_TEXT "Backlog helps you decide how soon to get care for upper back pain, keep a pain journal and print a summary for your doctor.$\r$\n$\r$\nIt is not a diagnosis. Everything stays on this computer.$\r$\n$\r$\nClick Next to continue."
!define MUI_FINISHPAGE_RUN "$INSTDIR\backlogw.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start Backlog now"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "This removes the Backlog program. Your journal and settings stay in $APPDATA\Backlog; delete that folder yourself if you want them gone."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Backlog"
  SetOutPath "$INSTDIR"
  File "${STAGE}\backlog.exe"
  File "${STAGE}\backlogw.exe"
  File "${STAGE}\README.md"
  File "${STAGE}\LICENSE-MIT"
  File "${STAGE}\LICENSE-APACHE"
  File "${STAGE}\fonts-OFL.txt"
  File "${STAGE}\THIRD-PARTY-LICENSES.txt"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortCut "$SMPROGRAMS\Backlog.lnk" "$INSTDIR\backlogw.exe" "" "$INSTDIR\backlogw.exe" 0 \
    SW_SHOWNORMAL "" "Back pain check, pain journal and summary for your doctor"

  WriteRegStr HKCU "Software\Backlog" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Backlog"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Backlog maintainers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\backlogw.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Only the files listed above, one by one, then the folder if it is empty:
; never a recursive delete, in case the folder chosen held other things.
; $APPDATA\Backlog (the journal, its backups, the settings) is not touched.
Section "Uninstall"
  Delete "$SMPROGRAMS\Backlog.lnk"
  Delete "$INSTDIR\backlog.exe"
  Delete "$INSTDIR\backlogw.exe"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\LICENSE-MIT"
  Delete "$INSTDIR\LICENSE-APACHE"
  Delete "$INSTDIR\fonts-OFL.txt"
  Delete "$INSTDIR\THIRD-PARTY-LICENSES.txt"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Backlog"
SectionEnd
