#!/usr/bin/env python3
"""Trunk post-build hook: writes dist/sw.js, the service worker, from the template static/sw.js
with this build's exact file list and a build id, so the worker precaches exactly the files the
page will ask for and a new build always installs a new worker.

The build id is a hash of the template and of every file's name and bytes (index.html included,
which names the hashed files and carries the CSP), so an unchanged build keeps its id and cache.
Runs after scripts/csp-hash.py (index.html final) and before scripts/headers.py.
"""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import headers  # noqa: E402  (the one list of the build's files)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATE = os.path.join(ROOT, "static", "sw.js")


def replace_once(text, old, new):
    if text.count(old) != 1:
        sys.exit(f"precache: static/sw.js must contain `{old}` exactly once")
    return text.replace(old, new)


def main():
    dist = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
    if not dist:
        sys.exit("usage: precache.py DIR (or as a Trunk hook)")
    files = [f for f in headers.build_files(dist) if f != "sw.js"]
    with open(TEMPLATE, encoding="utf-8") as f:
        worker = f.read()
    digest = hashlib.sha256(worker.encode())
    for rel in files:
        with open(os.path.join(dist, rel), "rb") as f:
            digest.update(rel.encode() + b"\0" + f.read() + b"\0")
    build = digest.hexdigest()[:16]
    worker = replace_once(worker, "const BUILD = 'template';", f"const BUILD = '{build}';")
    worker = replace_once(worker, "const FILES = [];", "const FILES = " + json.dumps(files) + ";")
    with open(os.path.join(dist, "sw.js"), "w", encoding="utf-8") as f:
        f.write(worker)
    print(f"precache: sw.js for build {build}, {len(files)} file(s)")


if __name__ == "__main__":
    main()
