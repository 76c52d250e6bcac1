#!/usr/bin/env python3
"""Writes THIRD-PARTY-LICENSES.txt: the licence texts of every Rust package
compiled into Backlog for one target.

MIT, BSD, ISC and Zlib licences ask that their notice travel with every copy
of the program, so each package (.deb, tar.gz, Windows installer, macOS app)
ships this file. Only packages linked into the program count: normal
dependencies for the target's platform, with the default features. Build
scripts, proc macros and test-only crates are not in the program.

Usage: third-party-licences.py TARGET_TRIPLE OUT_FILE
Needs only cargo and Python 3 (both on every CI runner).
"""

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|unlicense)", re.IGNORECASE)


def linked_packages(target):
    """Packages reachable from the root through normal dependencies."""
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked",
             "--filter-platform", target],
            check=True, capture_output=True, text=True,
        ).stdout
    )
    packages = {p["id"]: p for p in metadata["packages"]}
    nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}
    root = metadata["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        node = nodes[todo.pop()]
        for dep in node["deps"]:
            normal = any(k["kind"] is None for k in dep["dep_kinds"])
            if normal and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    return sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))


def licence_texts(package):
    folder = Path(package["manifest_path"]).parent
    files = sorted(f for f in folder.iterdir() if f.is_file() and LICENCE_FILE.match(f.name))
    if package.get("license_file"):
        extra = folder / package["license_file"]
        if extra.is_file() and extra not in files:
            files.append(extra)
    return [f.read_text(encoding="utf-8", errors="replace").strip() for f in files]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: third-party-licences.py TARGET_TRIPLE OUT_FILE")
    target, out = sys.argv[1], Path(sys.argv[2])
    by_text, bare = {}, []
    packages = linked_packages(target)
    for package in packages:
        label = f"{package['name']} {package['version']} ({package.get('license') or 'no licence named'})"
        texts = licence_texts(package)
        if not texts:
            bare.append(f"{label}: {package.get('repository') or 'no repository named'}")
        for text in texts:
            key = hashlib.sha256(text.encode()).hexdigest()
            by_text.setdefault(key, (text, []))[1].append(label)

    lines = [
        "Backlog is built with the open-source Rust packages below.",
        f"For {target}: {len(packages)} packages. Their licence texts follow,",
        "each once, after the packages it covers.",
        "",
    ]
    for text, labels in sorted(by_text.values(), key=lambda item: item[1][0]):
        lines += ["=" * 78, *labels, "-" * 78, text, ""]
    if bare:
        lines += ["=" * 78,
                  "These packages ship no licence file; the licence their manifest names applies:",
                  "-" * 78, *bare, ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"{out}: {len(packages)} packages, {len(by_text)} distinct licence texts, "
          f"{len(bare)} without a licence file")


if __name__ == "__main__":
    main()
