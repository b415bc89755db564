#!/usr/bin/env python3
"""Writes the third-party notices the package ships: every crate the Linux binary is built
from, its version, licence and source, then each licence text the crates carry (each text
once, with the crates it is for). Reads `cargo metadata`; the texts come from the crates'
own sources in cargo's registry, as downloaded for the build.

Usage: scripts/notices.py > THIRD-PARTY-NOTICES.txt
"""

import hashlib
import json
import os
import subprocess
import sys

TARGET = "x86_64-unknown-linux-gnu"
# The files a crate keeps its licence and notices in.
PREFIXES = ("license", "licence", "copying", "notice", "copyright", "unlicense")


def main() -> int:
    meta = json.loads(
        subprocess.check_output(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", TARGET]
        )
    )
    ours = set(meta["workspace_members"])
    # Only what the build uses: the resolved graph from the binary, without dev-dependencies.
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = next(i for i in ours if meta_package(meta, i)["name"] == "twe-planner")
    used, todo = set(), [root]
    while todo:
        i = todo.pop()
        if i in used:
            continue
        used.add(i)
        for dep in nodes[i]["deps"]:
            if any(k["kind"] in (None, "build") for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    packages = sorted(
        (meta_package(meta, i) for i in used if i not in ours),
        key=lambda p: (p["name"], p["version"]),
    )
    texts = {}  # hash -> (text, [crates])
    bare = []  # crates whose package carries no licence file
    out = sys.stdout
    out.write("twe-planner: third-party notices\n")
    out.write("=" * 32 + "\n\n")
    out.write(
        "twe-planner is licensed under the EUPL-1.2 (see LICENSE). It is built from the\n"
        f"following {len(packages)} crates, each under its own licence, listed first, then\n"
        "the licence texts and notices they carry.\n\n"
    )
    for p in packages:
        source = p.get("repository") or "https://crates.io/crates/" + p["name"]
        out.write(f"{p['name']} {p['version']}: {p.get('license') or p.get('license_file')} ({source})\n")
        folder = os.path.dirname(p["manifest_path"])
        found = False
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.lower().startswith(PREFIXES) and os.path.isfile(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read().strip()
                key = hashlib.sha256(text.encode()).hexdigest()
                texts.setdefault(key, (text, []))[1].append(f"{p['name']} {p['version']} ({name})")
                found = True
        if not found:
            bare.append(f"{p['name']} {p['version']}: {p.get('license')}")
    if bare:
        out.write(
            "\nThese crates carry no licence file in their package (their repositories do);\n"
            "the standard text of their licence is among the texts below:\n"
        )
        for line in bare:
            out.write(f"  {line}\n")
    out.write("\n\nLicence texts and notices\n")
    out.write("=" * 25 + "\n")
    for text, crates in sorted(texts.values(), key=lambda t: t[1][0]):
        out.write("\n" + "-" * 78 + "\n")
        out.write("For: " + ", ".join(crates) + "\n\n")
        out.write(text + "\n")
    return 0


def meta_package(meta, pid):
    for p in meta["packages"]:
        if p["id"] == pid:
            return p
    raise KeyError(pid)


if __name__ == "__main__":
    sys.exit(main())
