#!/usr/bin/env python3
"""Trunk post-build hook: nothing on the page competes with its first paint.

The first screen is in index.html (scripts/prerender.py) and its stylesheet is inline
(index.html's `rel="inline"`), so the browser can paint the questionnaire from the one HTML
response. What still held the first paint back, measured on 2026-12-07 (docs/performance.md,
"The first paint"):

  - Trunk adds `<link rel="preload" as="fetch">` for the wasm. The browser then downloads the
    1.5 MB module while it lays out the first screen, whose text needs one synchronous font
    look-up per size and weight; on a 2-core machine those look-ups waited behind the download.
    The preload buys nothing here: Trunk's loader is a module script, run as soon as the HTML is
    parsed, and it fetches the wasm then. (Chromium also ignores the preload's `integrity`, with
    a console warning, so it checked nothing.)

This step removes that preload link and keeps the glue's `modulepreload` (11 KB, which the loader
imports first). Usage: scripts/post-build.py runs it before scripts/csp-hash.py (TRUNK_STAGING_DIR
names the build); `first-paint.py DIR` edits DIR/index.html by hand.
"""
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()

html, n = re.subn(r'<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>', "", html)
if n != 1:
    sys.exit(f"first-paint: expected one preload link for the wasm in index.html, found {n}")
if not re.search(r"<style>", html) or re.search(r'<link rel="stylesheet"', html):
    sys.exit("first-paint: the stylesheet should be inline (index.html: rel=\"inline\")")
open(path, "w", encoding="utf-8").write(html)
print("first-paint: the wasm's preload link removed; the stylesheet is inline")
