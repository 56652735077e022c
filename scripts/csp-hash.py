#!/usr/bin/env python3
"""Trunk post-build hook: allow Trunk's inline module loader by its SHA-256 hash in the page's
Content-Security-Policy, so script-src never needs 'unsafe-inline'.

Trunk writes the loader inline with hashed file names that change every build, so the hash is
computed here, after the build, from the exact bytes of each inline <script>.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()

inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
    for s in inline
)
meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
if not meta:
    sys.exit("csp-hash: index.html has no Content-Security-Policy meta tag")
policy = meta.group(1)
if hashes:
    policy = re.sub(r"script-src 'self'( 'sha256-[^']*')*", "script-src 'self' " + hashes, policy)
html = html[: meta.start(1)] + policy + html[meta.end(1):]
open(path, "w", encoding="utf-8").write(html)
print(f"csp-hash: {len(inline)} inline script(s) allowed by hash")
