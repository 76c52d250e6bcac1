#!/usr/bin/env bash
# Builds target/packaging/backlog-VERSION-x86_64-linux.tar.gz: the program,
# the README, the licences, and a menu entry with its icon for anyone who
# wants to add one by hand. For Linux without .deb packages.
# shellcheck source=packaging/lib.sh
source "$(dirname "$0")/../lib.sh"
need python3 python3

cargo build --release --locked --bin backlog
NAME="backlog-$VERSION-x86_64-linux"
STAGE="$OUT/$NAME"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp "$TARGET_DIR/release/backlog" README.md packaging/linux/backlog.desktop "$STAGE/"
cp assets/icon.png "$STAGE/backlog.png"
licences "$STAGE" x86_64-unknown-linux-gnu
# Owner and dates from the build, not the builder's account.
tar --owner=0 --group=0 --numeric-owner -C "$OUT" -czf "$OUT/$NAME.tar.gz" "$NAME"
rm -rf "$STAGE"
echo "$OUT/$NAME.tar.gz ($(size "$OUT/$NAME.tar.gz"))"
