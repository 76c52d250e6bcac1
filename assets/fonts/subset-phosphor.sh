#!/usr/bin/env bash
# Rebuilds Phosphor-Bold-subset.ttf: only the icons src/app/icons.rs lists.
#
# Needs npm (for the font) and fonttools (`pip install fonttools`, for
# pyftsubset). Run from anywhere; writes next to this script.
#   bash assets/fonts/subset-phosphor.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
version=2.1.2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@phosphor-icons/web@$version" >/dev/null && tar xzf phosphor-icons-web-*.tgz)
# Every code point in icons.rs's glyph table ("=> '\u{e...}'").
codes="$(grep -o "=> '\\\\u{e[0-9a-f]*}'" "$root/src/app/icons.rs" | grep -o 'e[0-9a-f]*' | sed 's/^/U+/' | paste -sd, -)"
pyftsubset "$work/package/src/bold/Phosphor-Bold.ttf" \
  --unicodes="$codes" \
  --no-hinting --desubroutinize \
  --layout-features='' \
  --output-file="$here/Phosphor-Bold-subset.ttf"
cp "$work/package/LICENSE" "$here/Phosphor-LICENSE.txt"
echo "wrote $here/Phosphor-Bold-subset.ttf ($(wc -c < "$here/Phosphor-Bold-subset.ttf") bytes) with $(echo "$codes" | tr , '\n' | wc -l) icons"
