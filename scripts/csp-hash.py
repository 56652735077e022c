#!/usr/bin/env python3
"""Trunk post-build hook: allow Trunk's inline module loader and the inline stylesheet by their
SHA-256 hashes in the page's Content-Security-Policy, so neither script-src nor style-src ever
needs 'unsafe-inline'.

Trunk writes the loader inline with hashed file names that change every build, so the hashes are
computed here, after the build, from the exact bytes of each inline <script> and <style>.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()


def hashes(blocks):
    return " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() + "'"
        for b in blocks
    )


inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
if not meta:
    sys.exit("csp-hash: index.html has no Content-Security-Policy meta tag")
policy = meta.group(1)
if inline:
    policy = re.sub(r"script-src 'self'( 'sha256-[^']*')*", "script-src 'self' " + hashes(inline), policy)
if styles:
    policy = re.sub(r"style-src 'self'( 'sha256-[^']*')*", "style-src 'self' " + hashes(styles), policy)
html = html[: meta.start(1)] + policy + html[meta.end(1):]
open(path, "w", encoding="utf-8").write(html)
print(f"csp-hash: {len(inline)} inline script(s) and {len(styles)} inline style(s) allowed by hash")
