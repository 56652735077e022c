#!/usr/bin/env python3
"""Turns a release build (dist/) into ONE self-contained HTML file that works from file:// with
no server and no network: scripts/build-single-file runs it.

What goes where:
  - the stylesheet        an inline <style>, as the served page has it
  - the favicon           a data: URL
  - wasm-bindgen's glue   an inline module script, as it is (an inline module may keep its
                          `export` lines; it has no `import` to resolve), followed by a loader
                          that decodes the wasm and hands the bytes to the glue's init function
  - the wasm              base64 in a data block, <script type="application/wasm-base64">, which
                          the browser never runs (so no CSP hash covers 1.5 MB of text)
  - dist/content/         the files the app loads on demand (src/ui/content.rs), as one JSON object from each file's path to its text
                          in a data block, <script type="application/json" id="app-content">,
                          which the app reads instead of fetching them (connect-src 'none')
  - left out              the service worker's registration, its update notice and the manifest
                          (a file:// page can have neither), the glue's module preload link

The file's Content-Security-Policy is stricter than the served page's, since nothing is loaded:
default-src 'none'; scripts only by the SHA-256 of the one inline script, plus 'wasm-unsafe-eval'
(compiling wasm from bytes needs it, as the served app's streaming compile does); the style by
its hash; images only data: and blob:; connect-src 'none'.

Usage: single-file.py DIST OUT.html
"""
import base64
import hashlib
import json
import os
import re
import sys

LOADER = """
// The single file's loader: the wasm is base64 in the data block #app-wasm; decode it and hand
// the bytes to wasm-bindgen's init function above (instantiating from bytes, no fetch).
{
  const source = document.getElementById('app-wasm');
  const base64 = source.textContent;
  source.remove();
  const bytes = typeof Uint8Array.fromBase64 === 'function'
    ? Uint8Array.fromBase64(base64)
    : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const wasm = await __wbg_init({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
"""

POLICY = ("default-src 'none'; script-src {scripts} 'wasm-unsafe-eval'; style-src {styles}; "
          "img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; "
          "form-action 'none'")


def fail(message):
    sys.exit(f"single-file: {message}")


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def read(dist, url, mode="r"):
    """A file of the build named by a URL in index.html (Trunk puts them all at the root)."""
    path = os.path.join(dist, url.rsplit("/", 1)[-1])
    if not os.path.isfile(path):
        fail(f"{url} is named in index.html but {path} does not exist")
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def cut(html, pattern, what, count=1):
    """Removes what `pattern` matches, exactly `count` times (0 = any number)."""
    html, n = re.subn(pattern, "", html, flags=re.S)
    if count and n != count:
        fail(f"expected {count} {what} in index.html, found {n}")
    return html


def safe_inline(text, what):
    """Text that can sit inside a <script> or <style> element without ending it early."""
    if re.search(r"</(script|style)|<!--", text, flags=re.I):
        fail(f"{what} contains '</script', '</style' or '<!--' and cannot be inlined as it is")
    return text


def content_block(dist):
    """The files under dist/content/ as a JSON data block: {"content/NAME": "text", ...}, with
    every '<' escaped so nothing in them can end the element or open a comment."""
    files = {}
    root = os.path.join(dist, "content")
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, dist).replace(os.sep, "/")
            with open(path, encoding="utf-8") as f:
                files[rel] = f.read()
    if not files:
        fail(f"{root} holds no files: the app loads what it shows on demand from there")
    data = json.dumps(files, ensure_ascii=True, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" id="app-content">{safe_inline(data, "the content")}</script>'


def main():
    if len(sys.argv) != 3:
        fail("usage: single-file.py DIST OUT.html")
    dist, out = sys.argv[1], sys.argv[2]
    html = read(dist, "index.html")

    loader = re.search(r"<script type=\"module\">(.*?)</script>", html, flags=re.S)
    if not loader:
        fail("no Trunk loader (<script type=\"module\">) in index.html")
    js_url = re.search(r"from '([^']+\.js)'", loader.group(1))
    wasm_url = re.search(r"module_or_path: '([^']+\.wasm)'", loader.group(1))
    if not js_url or not wasm_url:
        fail("the Trunk loader names no .js glue or no .wasm")
    glue = read(dist, js_url.group(1))
    if re.search(r"^\s*import\b", glue, flags=re.M):
        fail("wasm-bindgen's glue imports another module (a snippet?): inline that too first")
    if "async function __wbg_init(" not in glue:
        fail("wasm-bindgen's glue has no __wbg_init function: another wasm-bindgen version?")
    script = safe_inline(glue + LOADER, "wasm-bindgen's glue")
    wasm = base64.b64encode(read(dist, wasm_url.group(1), "rb")).decode("ascii")

    # The served page already has its stylesheet inline (scripts/first-paint.py).
    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    if len(styles) != 1:
        fail(f"expected one inline <style> in index.html, found {len(styles)}")
    css = styles[0]
    if re.search(r"url\(\s*['\"]?(?!data:)", css):
        fail("the stylesheet refers to another file (url(...)): inline it too first")
    icon_link = re.search(r'<link rel="icon" href="([^"]+\.svg)"[^>]*>', html)
    if not icon_link:
        fail("no SVG icon link in index.html")
    icon = base64.b64encode(read(dist, icon_link.group(1), "rb")).decode("ascii")

    # The page without what a single file cannot have or does not need.
    html = html.replace(loader.group(0), "<!-- app -->", 1)
    html = cut(html, r'<link rel="modulepreload"[^>]*>', "module preload")
    html = cut(html, r'<link rel="manifest"[^>]*>\s*', "manifest link")
    html = cut(html, r'<script src="[^"]*sw-register[^"]*"[^>]*></script>\s*', "service worker script")
    html = cut(html, r'<!-- The update notice.*?</template>\s*', "update notice template")
    html = html.replace(icon_link.group(0), f'<link rel="icon" href="data:image/svg+xml;base64,{icon}">', 1)
    html = html.replace(
        "<!-- app -->",
        f'{content_block(dist)}\n'
        f'<script type="application/wasm-base64" id="app-wasm">{wasm}</script>\n'
        f'<script type="module">{script}</script>', 1)

    policy = POLICY.format(scripts=sha256(script), styles=sha256(css))
    html, n = re.subn(r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")',
                      lambda m: m.group(1) + policy + m.group(2), html)
    if n != 1:
        fail("expected one Content-Security-Policy meta tag in index.html")

    # Nothing may be left that the browser would fetch: every src and href is a data: URL (or a
    # link within the page, as the prerendered section navigation's #summary).
    left = [u for u in re.findall(r'\b(?:src|href)="([^"]*)"', html)
            if not u.startswith(("data:", "#"))]
    if left:
        fail(f"still refers to other files: {left}")

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"single-file: {len(html.encode()):,} bytes (wasm {len(wasm):,} as base64)", file=sys.stderr)
    print(os.path.abspath(out))


if __name__ == "__main__":
    main()
