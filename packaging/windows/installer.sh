#!/usr/bin/env bash
# Builds the Windows installer from Linux:
# target/packaging/Backlog-VERSION-setup-x64.exe (NSIS, per user).
# Cross-builds backlog.exe and backlogw.exe with MinGW; they import only
# Windows system DLLs (smoke.sh checks), so nothing from MinGW ships.
# Needs: rustup target add x86_64-pc-windows-gnu;
#        apt-get install gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 nsis
# shellcheck source=packaging/lib.sh
source "$(dirname "$0")/../lib.sh"
TRIPLE=x86_64-pc-windows-gnu
need_target "$TRIPLE"
need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64-win32
need x86_64-w64-mingw32-windres binutils-mingw-w64-x86-64
need makensis nsis
need python3 python3

cargo build --release --locked --target "$TRIPLE" --bins
STAGE="$OUT/windows-stage"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp "$TARGET_DIR/$TRIPLE/release/backlog.exe" "$TARGET_DIR/$TRIPLE/release/backlogw.exe" README.md "$STAGE/"
licences "$STAGE" "$TRIPLE"
SETUP="$OUT/Backlog-$VERSION-setup-x64.exe"
makensis -V2 -DVERSION="$VERSION" -DSTAGE="$STAGE" -DICON="$ROOT/assets/icon.ico" \
    -DOUTFILE="$SETUP" packaging/windows/installer.nsi
echo "$SETUP ($(size "$SETUP"))"
