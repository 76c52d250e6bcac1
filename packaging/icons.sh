#!/usr/bin/env bash
# Remakes assets/icon.ico (Windows: the .exe and the installer) and
# assets/icon.icns (the macOS app) from assets/icon.png, the one source
# picture. Run it after changing icon.png and commit all three; the builds
# use the committed files, so they need neither tool.
# Needs: apt-get install imagemagick icnsutils
# shellcheck source=packaging/lib.sh
source "$(dirname "$0")/lib.sh"
need convert-im6.q16 imagemagick
need png2icns icnsutils

convert-im6.q16 assets/icon.png -define icon:auto-resize=256,64,48,32,24,16 assets/icon.ico
SIZES="$(mktemp -d)"
for px in 16 32 48 128 256; do
    convert-im6.q16 assets/icon.png -resize "${px}x${px}" "PNG32:$SIZES/$px.png"
done
png2icns assets/icon.icns "$SIZES"/{16,32,48,128,256}.png >/dev/null
rm -rf "$SIZES"
ls -l assets/icon.ico assets/icon.icns
