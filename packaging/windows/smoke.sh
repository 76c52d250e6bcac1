#!/usr/bin/env bash
# The Windows build, checked on Linux under Wine: builds the installer
# (installer.sh), checks what the .exe files import and how they are built,
# then in a throw-away Wine prefix whose user is "Zoë Müller": installs,
# runs the command line against the Linux build byte for byte, writes from
# several processes at once, draws the window under Xvfb (a screenshot is
# kept), uninstalls, and checks the journal is still there.
#
# Its own command, not part of .ci/run (see the README): it needs Wine,
# MinGW and NSIS (about 2 GB), and a release cross-build.
#   apt-get install gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 \
#       nsis wine wine64 xvfb xdotool imagemagick poppler-utils matchbox-window-manager locales
#   rustup target add x86_64-pc-windows-gnu
#   packaging/windows/smoke.sh   (KEEP=1 keeps the Wine prefix; REUSE=1 tests
#                                 the installer already built)
#
# Wine is not Windows: see the README for what this cannot check.
# shellcheck source=packaging/lib.sh
source "$(dirname "$0")/../lib.sh"
need wine wine
need wineserver wine
need Xvfb xvfb
need xdotool xdotool
need import imagemagick
need pdfinfo poppler-utils
need pdftotext poppler-utils
need matchbox-window-manager matchbox-window-manager

RESULTS="$OUT/windows-smoke"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1${2:+: $2}"; }
# check NAME COMMAND...: passes when the command succeeds.
check() {
    local name="$1"
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}

# --- Build ------------------------------------------------------------------
start=$SECONDS
SETUP="$OUT/Backlog-$VERSION-setup-x64.exe"
if [ "${REUSE:-0}" = 1 ] && [ -f "$SETUP" ]; then
    echo "REUSE=1: testing the installer already built ($SETUP)"
else
    packaging/windows/installer.sh
    echo "installer built in $((SECONDS - start)) s"
fi
cargo build --locked --bin backlog # the Linux build to compare with
LINUX="$TARGET_DIR/debug/backlog"
TRIPLE=x86_64-pc-windows-gnu
BUILT="$TARGET_DIR/$TRIPLE/release"

# --- The .exe files, read from Linux ------------------------------------------
OBJDUMP=x86_64-w64-mingw32-objdump
need "$OBJDUMP" binutils-mingw-w64-x86-64
allowed() {
    local dll="$1" pattern
    while read -r pattern; do
        [[ -z "$pattern" || "$pattern" == \#* ]] && continue
        # shellcheck disable=SC2053 # the list holds globs
        [[ "$dll" == $pattern ]] && return 0
    done <packaging/windows/system-dlls.txt
    return 1
}
for exe in backlog.exe backlogw.exe; do
    imports="$("$OBJDUMP" -p "$BUILT/$exe" | sed -n 's/^\tDLL Name: //p' | tr '[:upper:]' '[:lower:]' | sort -u)"
    strangers=""
    for dll in $imports; do allowed "$dll" || strangers+=" $dll"; done
    if [ -z "$strangers" ]; then
        pass "$exe imports only Windows system DLLs ($(echo "$imports" | wc -l))"
    else
        fail "$exe imports DLLs that Windows does not have" "$strangers"
    fi
    # The version information and the icon are resources in the file.
    if strings -el "$BUILT/$exe" | grep -x "$VERSION" >/dev/null && "$OBJDUMP" -h "$BUILT/$exe" | grep '\.rsrc' >/dev/null; then
        pass "$exe carries its version ($VERSION) and resources"
    else
        fail "$exe carries its version ($VERSION) and resources"
    fi
done
# Subsystem 3 is a console program (prints in a terminal); 2 is a window
# program (no console window from the Start menu).
subsystem() { "$OBJDUMP" -p "$1" | awk '/^Subsystem/ {print $2}'; }
check "backlog.exe is a console program" [ "$(subsystem "$BUILT/backlog.exe")" = 00000003 ]
check "backlogw.exe is a window program (no console)" [ "$(subsystem "$BUILT/backlogw.exe")" = 00000002 ]

# --- A throw-away Wine prefix ---------------------------------------------------
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/backlog-wine.XXXXXX")"
XVFB_PID=""
WM_PID=""
cleanup() {
    wine_env wineserver -k 2>/dev/null || true
    [ -n "$WM_PID" ] && kill "$WM_PID" 2>/dev/null
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
    if [ "${KEEP:-0}" = 1 ]; then echo "kept the Wine prefix: $SCRATCH"; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT
mkdir -p "$SCRATCH/home"
WINE_USER="Zoë Müller"
# Its own HOME, so Wine links its Documents and Desktop there, not to yours;
# no menu entries on this machine for what is installed inside.
wine_env() {
    env -u BACKLOG_DATA_DIR HOME="$SCRATCH/home" USER="$WINE_USER" WINEPREFIX="$SCRATCH/prefix" WINEDEBUG=-all \
        WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml=" "$@"
}
start=$SECONDS
wine_env wineboot --init >/dev/null 2>&1
wine_env wineserver -w
echo "Wine prefix made in $((SECONDS - start)) s ($(wine --version))"
C="$SCRATCH/prefix/drive_c"
PROFILE="$C/users/$WINE_USER"
check "the Wine user's folder has the non-ASCII name" [ -d "$PROFILE" ]

# Wine before 8.13 has no bcryptprimitives.dll, which Rust's std needs for
# random numbers. A stand-in, built here, goes into this prefix only.
SYS32="$C/windows/system32"
if [ ! -e "$SYS32/bcryptprimitives.dll" ]; then
    need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64-win32
    x86_64-w64-mingw32-gcc -shared -O2 -o "$SYS32/bcryptprimitives.dll" \
        packaging/windows/bcryptprimitives.c packaging/windows/bcryptprimitives.def -ladvapi32
    echo "this Wine has no bcryptprimitives.dll: using the test-only stand-in"
fi

# --- Install --------------------------------------------------------------------
check "the installer runs silently (/S)" wine_env wine "$SETUP" /S
wine_env wineserver -w
INSTDIR="$PROFILE/AppData/Local/Programs/Backlog"
SHORTCUT="$PROFILE/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Backlog.lnk"
UNINSTALL_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Backlog'
check "it installs into %LOCALAPPDATA%\\Programs\\Backlog" \
    [ -f "$INSTDIR/backlog.exe" -a -f "$INSTDIR/backlogw.exe" -a -f "$INSTDIR/THIRD-PARTY-LICENSES.txt" ]
check "the Start-menu entry exists" [ -f "$SHORTCUT" ]
check "the Start-menu entry starts backlogw.exe" grep -qa 'backlogw.exe' "$SHORTCUT"
check "it is listed under installed apps" wine_env wine reg query "$UNINSTALL_KEY" /v DisplayVersion >/dev/null
WIN="$INSTDIR/backlog.exe"
w() { wine_env wine "$WIN" "$@"; }

# --- The command line: the same bytes as the Linux build -------------------------
same() { # same NAME ARGS...: stdout and exit status match Linux.
    local name="$1"
    shift
    local lin_status=0 win_status=0
    "$LINUX" "$@" >"$RESULTS/linux.out" 2>"$RESULTS/linux.err" || lin_status=$?
    w "$@" >"$RESULTS/wine.out" 2>"$RESULTS/wine.err" || win_status=$?
    if [ "$lin_status" = "$win_status" ] && cmp -s "$RESULTS/linux.out" "$RESULTS/wine.out" &&
        cmp -s "$RESULTS/linux.err" "$RESULTS/wine.err"; then
        pass "$name (exit $win_status, $(wc -c <"$RESULTS/wine.out") bytes)"
    else
        fail "$name" "exit $lin_status on Linux, $win_status under Wine; diff in $RESULTS/$name.diff"
        diff "$RESULTS/linux.out" "$RESULTS/wine.out" >"$RESULTS/$name.diff" 2>&1
        diff "$RESULTS/linux.err" "$RESULTS/wine.err" >>"$RESULTS/$name.diff" 2>&1
    fi
}
same version --version
same assess-json assess --age 62 --json chest_pain sweating_clammy
same assess-cancer-json assess --age 55 --json history_cancer_breast after_strain
same assess-text assess --age 55 history_cancer_breast after_strain
same assess-none-json assess --json
same assess-typo assess --age 40 chest_pian
same findings-json findings --json
same rules-json rules --json
same rules rules

# --- The journal in a folder with spaces and non-ASCII letters --------------------
UNIX_DATA="$C/Backlog tests/Zoë's data"
WIN_DATA='C:\Backlog tests\Zoë'"'"'s data'
LIN_DATA="$SCRATCH/linux data"
# shellcheck disable=SC2054 # neck,mid_back is one argument
add_args=(journal add --date 2026-11-20 --pain 6 --worst 8 --where neck,mid_back --woke
    --med "Ibuprofen 400 mg" --tag gardening --note "Größe ✓ — ça va")
check "journal add under Wine" w --data-dir "$WIN_DATA" "${add_args[@]}" >/dev/null
"$LINUX" --data-dir "$LIN_DATA" "${add_args[@]}" >/dev/null
w --data-dir "$WIN_DATA" journal add --date 2026-11-21 --pain 4 >/dev/null
"$LINUX" --data-dir "$LIN_DATA" journal add --date 2026-11-21 --pain 4 >/dev/null
# The saved times differ; everything else must be the same bytes.
untimed() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g' "$1"; }
check "journal.ron is byte for byte the Linux one (times aside)" \
    cmp -s <(untimed "$UNIX_DATA/journal.ron") <(untimed "$LIN_DATA/journal.ron")
w --data-dir "$WIN_DATA" journal list --json >"$RESULTS/wine-list.json"
"$LINUX" --data-dir "$UNIX_DATA" journal list --json >"$RESULTS/linux-reads-wine.json"
check "Linux reads the journal Wine wrote, and lists the same" \
    cmp -s "$RESULTS/wine-list.json" "$RESULTS/linux-reads-wine.json"
check "the list shows both days" grep -q '2026-11-21' "$RESULTS/wine-list.json"

# --- CSV: export matches Linux; a CSV with Windows line ends (CRLF) imports -----
w --data-dir "$WIN_DATA" journal export --csv 'C:\Backlog tests\export.csv' >/dev/null
"$LINUX" --data-dir "$LIN_DATA" journal export --csv "$SCRATCH/linux.csv" >/dev/null
check "CSV export is the same bytes as Linux (times aside)" \
    cmp -s <(untimed "$C/Backlog tests/export.csv") <(untimed "$SCRATCH/linux.csv")
sed 's/$/\r/' "$SCRATCH/linux.csv" >"$C/Backlog tests/crlf.csv"
check "the CRLF file really has CRLF" grep -q $'\r$' "$C/Backlog tests/crlf.csv"
w --data-dir 'C:\Backlog tests\from CSV' journal import 'C:\Backlog tests\crlf.csv' >"$RESULTS/import.out" 2>&1 ||
    fail "import of a CRLF CSV" "$(cat "$RESULTS/import.out")"
w --data-dir 'C:\Backlog tests\from CSV' journal list --json >"$RESULTS/from-csv.json"
check "a CRLF CSV imports to the same entries (times aside)" \
    cmp -s <(untimed "$RESULTS/from-csv.json") <(untimed "$RESULTS/wine-list.json")

# --- Data in the wrong shape: refused with the Linux words, nothing changed ------
# refused NAME LINUX_DIR WINDOWS_DIR: journal list fails on both with the
# same message (the path aside).
refused() {
    local name="$1" lin_status=0 win_status=0
    "$LINUX" --data-dir "$2" journal list >/dev/null 2>"$RESULTS/linux.err" || lin_status=$?
    w --data-dir "$3" journal list >/dev/null 2>"$RESULTS/wine.err" || win_status=$?
    if [ "$lin_status" != 0 ] && [ "$lin_status" = "$win_status" ] &&
        cmp -s <(sed 's/ File: .*//' "$RESULTS/linux.err") <(sed 's/ File: .*//' "$RESULTS/wine.err"); then
        pass "$name (exit $win_status: $(sed 's/ File: .*//' "$RESULTS/wine.err" | cut -c1-60)...)"
    else
        fail "$name" "exit $lin_status on Linux, $win_status under Wine: $(cat "$RESULTS/wine.err")"
    fi
}
mkdir -p "$C/Backlog tests/shapes/folder/journal.ron" "$SCRATCH/shapes/folder/journal.ron"
: >"$C/Backlog tests/shapes/a file"
: >"$SCRATCH/shapes/a file"
refused "a data folder that is a file is refused" "$SCRATCH/shapes/a file" 'C:\Backlog tests\shapes\a file'
refused "a folder where journal.ron should be is refused" "$SCRATCH/shapes/folder" 'C:\Backlog tests\shapes\folder'
check "the file in the way is untouched" [ -f "$C/Backlog tests/shapes/a file" -a ! -s "$C/Backlog tests/shapes/a file" ]

# --- The summary PDF, checked from Linux --------------------------------------------
w --data-dir "$WIN_DATA" summary --from 2026-11-01 --to 2026-11-30 --out 'C:\Backlog tests\summary.pdf' >/dev/null
"$LINUX" --data-dir "$UNIX_DATA" summary --from 2026-11-01 --to 2026-11-30 --out "$SCRATCH/linux-summary.pdf" >/dev/null
PDF="$C/Backlog tests/summary.pdf"
check "summary --out writes a one-page PDF" bash -c "pdfinfo '$PDF' 2>/dev/null | grep -q '^Pages: *1$'"
check "the PDF's text is the Linux PDF's text" \
    cmp -s <(pdftotext -layout "$PDF" - 2>/dev/null) <(pdftotext -layout "$SCRATCH/linux-summary.pdf" - 2>/dev/null)
if cmp -s "$PDF" "$SCRATCH/linux-summary.pdf"; then
    pass "the PDF is byte for byte the Linux one"
else
    echo "note  the PDF bytes differ from Linux (text is compared above)"
fi
cp "$PDF" "$RESULTS/summary-wine.pdf"

# --- The per-user data folder: %APPDATA%\Backlog\Backlog\data ---------------------
w journal add --date 2026-11-22 --pain 3 >/dev/null
APPDATA_JOURNAL="$PROFILE/AppData/Roaming/Backlog/Backlog/data/journal.ron"
check "with no --data-dir the journal is in %APPDATA%\\Backlog\\Backlog\\data" [ -f "$APPDATA_JOURNAL" ]

# --- The emergency number proposed from the Windows locale ---------------------------
# Wine takes the Windows user locale from LANG/LC_ALL; Linux reads the same
# variables. Both must propose the same number. Wine needs the locale to
# exist on this machine (else it falls back to ASCII and cannot even open
# the user's folder): they are compiled into the scratch folder (LOCPATH).
need localedef locales
mkdir -p "$SCRATCH/locales"
suggested() { grep -o '"emergency_number_suggested": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/'; }
for pair in en_GB:999 de_AT:112 en_US:911 en_AU:000 fr_FR:112; do
    locale="${pair%%:*}.UTF-8"
    localedef -i "${pair%%:*}" -f UTF-8 "$SCRATCH/locales/$locale" 2>/dev/null || true
    lin="$(env LANGUAGE= LC_ALL="$locale" LANG="$locale" "$LINUX" --data-dir "$SCRATCH/locale" profile show --json | suggested || true)"
    win="$(LOCPATH="$SCRATCH/locales" LANGUAGE='' LC_ALL="$locale" LANG="$locale" w --data-dir 'C:\Backlog tests\locale' profile show --json | suggested || true)"
    check "locale $locale proposes ${pair#*:} (Linux: ${lin:-none}, Wine: ${win:-none})" \
        [ "$lin" = "${pair#*:}" -a "$win" = "${pair#*:}" ]
done

# --- Several writers at once lose nothing -----------------------------------------
writers=6
pids=()
for day in $(seq 1 "$writers"); do
    w --data-dir 'C:\Backlog tests\parallel' journal add --date "2026-10-0$day" --pain "$day" \
        >"$RESULTS/writer-$day.log" 2>&1 &
    pids+=($!)
done
ok_writers=0
for pid in "${pids[@]}"; do wait "$pid" && ok_writers=$((ok_writers + 1)); done
saved="$(grep -c 'date: "2026-10-0' "$C/Backlog tests/parallel/journal.ron" || true)"
check "$writers writers at once: $ok_writers saved, $saved entries in the file" \
    [ "$ok_writers" = "$writers" -a "$saved" = "$writers" ]

# --- The window, under Xvfb -----------------------------------------------------------
exec 3>"$SCRATCH/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$SCRATCH/display" ] && break; sleep 0.1; done
DISPLAY=":$(cat "$SCRATCH/display")"
export DISPLAY
matchbox-window-manager -use_titlebar no >/dev/null 2>&1 &
WM_PID=$!
# Wine's desktop process keeps the display it was started with; the earlier
# commands ran with none, so let them all end before the window opens.
wine_env wineserver -w
wine_env wine "$INSTDIR/backlogw.exe" --data-dir "$WIN_DATA" >"$RESULTS/window.log" 2>&1 &
if window="$(timeout 120 xdotool search --sync --onlyvisible --name 'Backlog: back pain' | head -n 1)"; then
    pass "backlogw.exe opens its window"
    sleep 5 # the first frames
    SHOT="$RESULTS/window-under-wine.png"
    import -window root "$SHOT"
    colours="$(convert "$SHOT" -format %k info:)"
    check "the window draws (a screenshot with $colours colours: $SHOT)" [ "$colours" -gt 100 ]
    # A real click on "Check" in the top bar changes the screen.
    xdotool mousemove --sync 130 22 click 1
    sleep 3
    CLICKED="$RESULTS/window-under-wine-check.png"
    import -window root "$CLICKED"
    changed="$(compare -metric AE "$SHOT" "$CLICKED" null: 2>&1 || true)"
    check "a click on Check changes the screen ($changed pixels: $CLICKED)" [ "${changed%%.*}" -gt 1000 ]
    xdotool windowclose "$window" 2>/dev/null || true
else
    fail "backlogw.exe opens its window" "no window within 120 s"
fi
wine_env wineserver -k 2>/dev/null || true
wine_env wineserver -w

# --- Uninstall keeps the journal --------------------------------------------------
wine_env wine "$INSTDIR/Uninstall.exe" /S
wine_env wineserver -w
check "the uninstaller removes the program" [ ! -e "$INSTDIR/backlog.exe" -a ! -e "$INSTDIR/backlogw.exe" ]
check "the uninstaller removes the Start-menu entry" [ ! -e "$SHORTCUT" ]
check "the uninstaller removes the installed-apps entry" \
    bash -c "! env HOME='$SCRATCH/home' USER='$WINE_USER' WINEPREFIX='$SCRATCH/prefix' WINEDEBUG=-all wine reg query '$UNINSTALL_KEY' >/dev/null 2>&1"
check "the journal in %APPDATA% is still there" [ -f "$APPDATA_JOURNAL" ]

echo
echo "Windows smoke test: $passed passed, $failed failed (logs and screenshot: $RESULTS)"
[ "$failed" = 0 ]
