#!/usr/bin/env bash
# Builds the macOS app: target/packaging/Backlog.app (one binary for Apple
# silicon and Intel, the icon, Info.plist, the licences) and
# target/packaging/Backlog-VERSION-macos.dmg to hand out.
#
# Runs only on a Mac (lipo, codesign, hdiutil are Apple's): the release
# workflow runs it on macos-latest. It has never run on the machine where
# the rest of packaging/ was written and tested.
# Needs: rustup target add aarch64-apple-darwin x86_64-apple-darwin
# shellcheck source=packaging/lib.sh
source "$(dirname "$0")/../lib.sh"
if [ "$(uname -s)" != Darwin ]; then
    echo "packaging: the macOS app can only be built on a Mac (the release workflow builds it on macos-latest)" >&2
    exit 2
fi
need_target aarch64-apple-darwin
need_target x86_64-apple-darwin

for triple in aarch64-apple-darwin x86_64-apple-darwin; do
    cargo build --release --locked --bin backlog --target "$triple"
done
APP="$OUT/Backlog.app"
rm -rf "$APP"
mkdir -p "$APP/Contents/MacOS" "$APP/Contents/Resources"
lipo -create -output "$APP/Contents/MacOS/backlog" \
    "$TARGET_DIR/aarch64-apple-darwin/release/backlog" \
    "$TARGET_DIR/x86_64-apple-darwin/release/backlog"
sed "s/@VERSION@/$VERSION/g" packaging/macos/Info.plist >"$APP/Contents/Info.plist"
plutil -lint "$APP/Contents/Info.plist"
cp assets/icon.icns "$APP/Contents/Resources/Backlog.icns"
cp README.md "$APP/Contents/Resources/"
licences "$APP/Contents/Resources" aarch64-apple-darwin
# Ad-hoc signature: Apple silicon runs only signed code. It is not a
# Developer ID signature, so the first start needs "Open Anyway" (README).
codesign --force --deep --sign - "$APP"
codesign --verify --deep --strict "$APP"
"$APP/Contents/MacOS/backlog" --version

DMG_DIR="$OUT/dmg"
rm -rf "$DMG_DIR"
mkdir -p "$DMG_DIR"
cp -R "$APP" "$DMG_DIR/"
ln -s /Applications "$DMG_DIR/Applications"
DMG="$OUT/Backlog-$VERSION-macos.dmg"
rm -f "$DMG"
hdiutil create -volname "Backlog $VERSION" -srcfolder "$DMG_DIR" -format UDZO "$DMG"
rm -rf "$DMG_DIR"
echo "$DMG ($(size "$DMG"))"
