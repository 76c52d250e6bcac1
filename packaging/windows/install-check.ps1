# The installer on real Windows (the release workflow's windows-latest job):
# install silently, run the installed program, open the window, uninstall,
# and check the journal stays. The same checks as smoke.sh's under Wine,
# where a real Windows can answer them.
#
#   pwsh packaging/windows/install-check.ps1 SETUP.exe REFERENCE\backlog.exe
#
# REFERENCE is a backlog.exe built on this machine by cargo; the installed
# one must print the same bytes.
param(
    [Parameter(Mandatory)] [string] $Setup,
    [Parameter(Mandatory)] [string] $Reference
)
$ErrorActionPreference = 'Stop'
$failed = 0
function Check([string] $name, [bool] $ok) {
    if ($ok) { Write-Output "ok    $name" } else { Write-Output "FAIL  $name"; $script:failed++ }
}

$install = Join-Path $env:LOCALAPPDATA 'Programs\Backlog'
$shortcut = Join-Path $env:APPDATA 'Microsoft\Windows\Start Menu\Programs\Backlog.lnk'
$uninstallKey = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\Backlog'
$journal = Join-Path $env:APPDATA 'Backlog\Backlog\data\journal.ron'

Start-Process -FilePath $Setup -ArgumentList '/S' -Wait
Check 'installs backlog.exe and backlogw.exe' ((Test-Path "$install\backlog.exe") -and (Test-Path "$install\backlogw.exe"))
Check 'the Start-menu entry exists' (Test-Path $shortcut)
$target = (New-Object -ComObject WScript.Shell).CreateShortcut($shortcut).TargetPath
Check "the Start-menu entry starts backlogw.exe ($target)" ($target -like '*\backlogw.exe')
Check 'it is listed under installed apps' (Test-Path $uninstallKey)

$exe = "$install\backlog.exe"
foreach ($arguments in @(@('--version'), @('assess', '--age', '62', '--json', 'chest_pain', 'sweating_clammy'), @('rules', '--json'))) {
    $installed = & $exe @arguments | Out-String
    $reference = & $Reference @arguments | Out-String
    Check "backlog $($arguments -join ' ') prints the same as the cargo build" (($LASTEXITCODE -eq 0) -and ($installed -ceq $reference))
}
& $exe journal add --date 2026-11-20 --pain 5
Check 'journal add (no --data-dir) writes to %APPDATA%\Backlog\Backlog\data' (($LASTEXITCODE -eq 0) -and (Test-Path $journal))

# The window. A runner with no graphics driver offers only OpenGL 1.1, which
# the app cannot draw with: backlogw.exe then shows its error in a message
# box (title "Backlog") instead of the window. That is reported, not failed,
# because it says more about the runner than about the build.
$app = Start-Process -FilePath "$install\backlogw.exe" -PassThru
Start-Sleep -Seconds 15
$app.Refresh()
if ($app.HasExited) {
    Check "backlogw.exe keeps running (it exited with $($app.ExitCode))" $false
} elseif ($app.MainWindowTitle -like 'Backlog:*') {
    Check "backlogw.exe opens its window ($($app.MainWindowTitle))" $true
} else {
    Write-Output "::warning::backlogw.exe shows '$($app.MainWindowTitle)', not its window: this runner has no OpenGL 2 driver"
}
if (-not $app.HasExited) { Stop-Process -Id $app.Id -Force }

Start-Process -FilePath "$install\Uninstall.exe" -ArgumentList '/S' -Wait
# The uninstaller copies itself away and finishes from there.
for ($i = 0; $i -lt 30 -and (Test-Path "$install\backlog.exe"); $i++) { Start-Sleep -Seconds 1 }
Check 'the uninstaller removes the program' (-not (Test-Path "$install\backlog.exe"))
Check 'the uninstaller removes the Start-menu entry' (-not (Test-Path $shortcut))
Check 'the uninstaller removes the installed-apps entry' (-not (Test-Path $uninstallKey))
Check 'the journal in %APPDATA% is still there' (Test-Path $journal)

if ($failed -gt 0) { Write-Output "$failed check(s) failed"; exit 1 }
Write-Output 'All install checks passed.'
