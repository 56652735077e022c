#!/usr/bin/env python3
"""Serves a built dist/ folder on 127.0.0.1 with correct MIME types and the same security headers
a production host should send. Used by scripts/serve and by the end-to-end tests.

Usage: static-server.py DIR [PORT]
"""
import functools
import http.server
import sys

import re


def page_policy(root):
    """The CSP of the built page (its meta tag, which carries the loader's hash), sent as a header
    too, with frame-ancestors, which only a header can carry."""
    html = open(f"{root}/index.html", encoding="utf-8").read()
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    if not meta:
        sys.exit("static-server: the page has no Content-Security-Policy meta tag")
    return meta.group(1) + "; frame-ancestors 'none'"


class Handler(http.server.SimpleHTTPRequestHandler):
    csp = ""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".csv": "text/csv",
        ".json": "application/json",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if "-q" not in sys.argv:
            super().log_message(fmt, *args)


def main():
    root = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 8080
    Handler.csp = page_policy(root)
    handler = functools.partial(Handler, directory=root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(f"serving {root} on http://127.0.0.1:{port}/", flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    main()
