#!/usr/bin/env python3
"""Trunk post-build hook step: puts the app's first screen into index.html, so the page can be
read and the first questions answered before the wasm has loaded (the app then hydrates it:
src/ui/boot.rs says how the answers given meanwhile are kept).

The markup comes from the same Yew components the browser runs, rendered natively with yew's
`ssr` feature by the `prerender` binary (src/bin/prerender.rs), built here with the host's
toolchain in the dev profile (the markup is the same in any profile, and the test ladder's native
stages have built most of it already). It goes into the empty <div id="app"></div> of Trunk's
output, before the CSP hash, the service worker's file list and the headers are computed
(scripts/post-build.py runs this step first).

Usage: Trunk's post-build hook runs it (TRUNK_STAGING_DIR names the build); `prerender.py DIR`
rewrites DIR/index.html by hand.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = '<div id="app"></div>'

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()
if html.count(MARKER) != 1:
    sys.exit(f"prerender: expected one {MARKER} in {path}, found {html.count(MARKER)}")

# The host's build, whatever Trunk's own cargo was asked for.
env = {k: v for k, v in os.environ.items() if k not in ("CARGO_BUILD_TARGET", "RUSTFLAGS")}
cargo = os.environ.get("CARGO", "cargo")
run = subprocess.run(
    [cargo, "run", "--quiet", "--locked", "--bin", "prerender"],
    cwd=ROOT, env=env, stdout=subprocess.PIPE, check=False,
)
if run.returncode != 0:
    sys.exit(f"prerender: `cargo run --bin prerender` failed ({run.returncode})")
markup = run.stdout.decode("utf-8")
# The first screen, and nothing the page's policy would refuse (no script: the CSP has no
# 'unsafe-inline' and hashes only Trunk's loader).
for needed in ('data-testid="questionnaire"', 'data-testid="level-result"'):
    if needed not in markup:
        sys.exit(f"prerender: the rendered first screen has no {needed}")
if "<script" in markup.lower():
    sys.exit("prerender: the rendered first screen holds a <script>")

html = html.replace(MARKER, f'<div id="app">{markup}</div>', 1)
open(path, "w", encoding="utf-8").write(html)
print(f"prerender: {len(markup.encode()):,} bytes of first screen in index.html")
