#!/usr/bin/env bash
# Builds the Debian/Ubuntu package: target/packaging/backlog_VERSION-1_amd64.deb
# (the program, the menu entry, the icon, the licences; the run-time
# libraries winit and glow open with dlopen are in its Depends, see
# Cargo.toml [package.metadata.deb]). Needs cargo-deb:
#   cargo install cargo-deb --version 3.8.0 --locked
# shellcheck source=packaging/lib.sh
source "$(dirname "$0")/../lib.sh"
need cargo-deb "cargo install cargo-deb --version 3.8.0 --locked"
need python3 python3
need desktop-file-validate desktop-file-utils

desktop-file-validate packaging/linux/backlog.desktop
# cargo-deb takes its assets from paths relative to Cargo.toml.
python3 packaging/third-party-licences.py x86_64-unknown-linux-gnu target/packaging/THIRD-PARTY-LICENSES.txt
cargo deb --locked --output "$OUT/"
ls "$OUT"/backlog_"$VERSION"-*_amd64.deb
