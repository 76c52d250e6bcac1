# shellcheck shell=bash
# Shared by the packaging scripts (sourced, not run). Each script builds one
# artefact from a clean checkout into target/packaging/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Where cargo puts its builds (CARGO_TARGET_DIR or target/).
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$TARGET_DIR/packaging"
mkdir -p "$OUT"

# The version in Cargo.toml, the one every artefact is named after.
# shellcheck disable=SC2034 # used by the scripts that source this
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"

# need COMMAND HOW: stop with one line saying how to get COMMAND. HOW is a
# Debian/Ubuntu package name, or a whole command to run.
need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        case "$2" in
            *" "*) echo "packaging: $1 is missing; run: $2" >&2 ;;
            *) echo "packaging: $1 is missing; install it first: apt-get install $2" >&2 ;;
        esac
        exit 2
    fi
}

# need_target TRIPLE: the Rust standard library for that target.
need_target() {
    if ! rustup target list --installed 2>/dev/null | grep -qx "$1"; then
        echo "packaging: the Rust target $1 is missing; run: rustup target add $1" >&2
        exit 2
    fi
}

# licences DIR TRIPLE: Backlog's licences, the fonts' and every linked
# package's, into DIR.
licences() {
    mkdir -p "$1"
    cp LICENSE-MIT LICENSE-APACHE "$1/"
    cp assets/fonts/OFL.txt "$1/fonts-OFL.txt"
    python3 packaging/third-party-licences.py "$2" "$1/THIRD-PARTY-LICENSES.txt"
}

# size FILE: the size in MB, for the logs.
size() {
    du -m "$1" | cut -f1 | sed 's/$/ MB/'
}
