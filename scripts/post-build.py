#!/usr/bin/env python3
"""Trunk's post-build hook: the steps that finish a build, in order, on the staging folder
(TRUNK_STAGING_DIR). One hook rather than three because Trunk starts all the hooks of a stage at
once, and each step needs the one before it done:

  1. scripts/prerender.py    renders the app's first screen into index.html (yew's ssr)
  2. scripts/first-paint.py  removes the wasm's preload link, which held the first paint back
  3. scripts/csp-hash.py     allows Trunk's inline loader and the inline style by hash in the CSP
  4. scripts/precache.py     writes sw.js with the build's files and id (index.html is final now)
  5. scripts/headers.py      writes _headers and deploy/nginx.conf (every file is there now)
"""
import os
import runpy

HERE = os.path.dirname(os.path.abspath(__file__))
for step in ("prerender.py", "first-paint.py", "csp-hash.py", "precache.py", "headers.py"):
    runpy.run_path(os.path.join(HERE, step), run_name="__main__")
