#!/usr/bin/env python3
"""The one source of truth for the HTTP headers the app should be served with, and the Trunk
post-build hook that writes them next to the build for whoever hosts it:

  dist/_headers           Netlify / Cloudflare Pages format
  dist/deploy/nginx.conf  an nginx snippet to include in the server block serving dist/

scripts/static-server.py (scripts/serve and the end-to-end tests) reads dist/_headers back, so
what is tested is what is deployed. The Content-Security-Policy is the page's own meta tag (which
carries the hash of Trunk's inline loader, new with every build) plus frame-ancestors, which only
a header can carry.

Usage: Trunk's post-build hook (scripts/post-build.py) runs it last, after scripts/csp-hash.py and
scripts/precache.py (TRUNK_STAGING_DIR names the build); `headers.py DIR` writes the files into
DIR by hand.
"""
import os
import re
import sys

# The powerful features the app never uses (camera, microphone, location, sensors, payment, USB and
# other devices), each denied outright to the page and anything it could embed: `()`. Only features
# Chromium knows: an unknown one is logged as an error on every page load (tests/e2e/hosting.spec.js
# checks the log; `bluetooth`, for one, is not a Permissions-Policy feature in Chromium).
PERMISSIONS = (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
    "fullscreen", "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer",
    "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
    "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
)

# Sent with every response.
SECURITY = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", ", ".join(f"{p}=()" for p in PERMISSIONS)),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)

# Trunk's hashed names (name-0123456789abcdef.js, name-0123456789abcdef_bg.wasm; the hash is 64
# bits in hex without leading zeros, so usually 16 digits, sometimes fewer): their bytes
# never change, so they may be cached for a year. Every other file (index.html, the manifest,
# sw.js, the icons) is revalidated on each use, so a new build is seen at once.
HASHED = re.compile(r"-[0-9a-f]{8,16}(_bg)?\.[a-z]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"

# Written next to the build, never served as part of the app.
DEPLOY_FILES = ("_headers", "deploy/")

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')


def page_policy(dist):
    """The CSP of the built page's meta tag, plus frame-ancestors (a header-only directive)."""
    with open(os.path.join(dist, "index.html"), encoding="utf-8") as f:
        meta = CSP_META.search(f.read())
    if not meta:
        sys.exit(f"headers: {dist}/index.html has no Content-Security-Policy meta tag")
    return meta.group(1) + "; frame-ancestors 'none'"


def build_files(dist):
    """Every file of the build, relative to dist, with '/' separators, sorted; without the
    deployment files this script writes."""
    out = []
    for folder, _, names in os.walk(dist):
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), dist).replace(os.sep, "/")
            if not rel.startswith(DEPLOY_FILES):
                out.append(rel)
    return sorted(out)


def rules(dist, prefix="/"):
    """The headers as (path pattern, [(name, value)]) rules, in the `_headers` file's terms: `/*`
    matches every path, any other pattern one path; every matching rule applies. Cache-Control is
    set per file (never under `/*`, where hosts would join the two values)."""
    out = [(prefix + "*", [("Content-Security-Policy", page_policy(dist)), *SECURITY]),
           (prefix, [("Cache-Control", NO_CACHE)])]
    for rel in build_files(dist):
        out.append((prefix + rel, [("Cache-Control", IMMUTABLE if HASHED.search(rel) else NO_CACHE)]))
    return out


def headers_for(rule_list, path):
    """The headers for a request path (query string ignored), in rule order."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    out = []
    for pattern, headers in rule_list:
        if pattern.endswith("*") and path.startswith(pattern[:-1]) or path == pattern:
            out.extend(headers)
    return out


def render_headers_file(rule_list):
    lines = ["# Response headers for Netlify and Cloudflare Pages, written by scripts/headers.py",
             "# at build time: the CSP carries this build's loader hash. Rebuild, don't edit.", ""]
    for pattern, headers in rule_list:
        lines.append(pattern)
        lines.extend(f"  {name}: {value}" for name, value in headers)
        lines.append("")
    return "\n".join(lines)


def parse_headers_file(text):
    """Reads a `_headers` file back into rules."""
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            out.append((line.strip(), []))
        elif out:
            name, _, value = line.strip().partition(":")
            out[-1][1].append((name.strip(), value.strip()))
    return out


def render_nginx(rule_list):
    """An nginx snippet for the server block whose root is dist/. nginx drops the server's
    add_header lines in any location that has its own, so every location repeats them all."""
    common = next(h for p, h in rule_list if p.endswith("/*"))
    prefix = next(p for p, _ in rule_list if p.endswith("/*"))[:-1]
    # The content the app loads on demand (content/: Markdown, CSV, JSON) is text nginx's own
    # mime.types may not name; typed here, it is served as text and compressed like the rest.
    nginx_types = {"wasm": "application/wasm", "webmanifest": "application/manifest+json",
                   "js": "text/javascript", "md": "text/markdown", "csv": "text/csv",
                   "json": "application/json"}

    def block(selector, cache, extra=()):
        body = [*extra]
        body += [f'add_header {n} "{v}" always;' for n, v in common]
        body.append(f'add_header Cache-Control "{cache}" always;')
        return [f"location {selector} {{", *(f"    {b}" for b in body), "}"]

    lines = [
        "# nginx: the app's response headers, written by scripts/headers.py at build time (the CSP",
        "# carries this build's loader hash: rebuild, don't edit). Include it inside the server",
        "# block whose root is the dist/ folder, e.g.",
        "#     server { listen 443 ssl; server_name readiness.example; root /srv/cmmc-readiness;",
        "#              include /srv/cmmc-readiness/deploy/nginx.conf; }",
        "# Every location repeats the headers: an add_header in a location replaces the server's.",
        "",
        "index index.html;",
        "gzip on;",
        "gzip_types text/css text/javascript application/javascript application/wasm "
        "image/svg+xml application/manifest+json text/markdown text/csv application/json;",
        "",
    ]
    lines += block(prefix, NO_CACHE)
    for pattern, headers in rule_list:
        cache = dict(headers).get("Cache-Control")
        if pattern.endswith("*") or pattern == prefix or cache is None:
            continue
        ext = pattern.rsplit(".", 1)[-1]
        extra = [f"types {{ {nginx_types[ext]} {ext}; }}"] if ext in nginx_types else []
        lines += block(f"= {pattern}", cache, extra)
    lines += [f"location = {prefix}_headers {{ return 404; }}",
              f"location ^~ {prefix}deploy/ {{ return 404; }}", ""]
    return "\n".join(lines)


def write(dist, prefix="/"):
    rule_list = rules(dist, prefix)
    with open(os.path.join(dist, "_headers"), "w", encoding="utf-8") as f:
        f.write(render_headers_file(rule_list))
    os.makedirs(os.path.join(dist, "deploy"), exist_ok=True)
    with open(os.path.join(dist, "deploy", "nginx.conf"), "w", encoding="utf-8") as f:
        f.write(render_nginx(rule_list))
    return rule_list


def main():
    dist = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
    if not dist:
        sys.exit("usage: headers.py DIR (or as a Trunk hook)")
    # The paths hosts match are under the public URL Trunk built for (`/` unless --public-url).
    public = os.environ.get("TRUNK_PUBLIC_URL", "/")
    prefix = public if public.startswith("/") else "/"
    if not prefix.endswith("/"):
        prefix += "/"
    rule_list = write(dist, prefix)
    print(f"headers: _headers and deploy/nginx.conf for {len(rule_list) - 2} file(s)")


if __name__ == "__main__":
    main()
