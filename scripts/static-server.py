#!/usr/bin/env python3
"""Serves a built dist/ folder on 127.0.0.1 with correct MIME types and the headers a production
host sends: those of the build's own dist/_headers (written by scripts/headers.py), read back so
what is tested is what is deployed. A folder without one (scripts/bench's empty Yew app) gets the
same rules computed by scripts/headers.py. Used by scripts/serve, the end-to-end tests and
scripts/bench.

Usage: static-server.py DIR [PORT] [-q]   (PORT 0 picks a free port; the line printed on start
names the one in use)
"""
import functools
import http.server
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import headers  # noqa: E402


def load_rules(root):
    path = os.path.join(root, "_headers")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return headers.parse_headers_file(f.read())
    return headers.rules(root)


class Handler(http.server.SimpleHTTPRequestHandler):
    rules = []

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".png": "image/png",
        ".csv": "text/csv",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def end_headers(self):
        for name, value in headers.headers_for(self.rules, self.path):
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, fmt, *args):
        if "-q" not in sys.argv:
            super().log_message(fmt, *args)


def main():
    root = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 8080
    Handler.rules = load_rules(root)
    handler = functools.partial(Handler, directory=root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(f"serving {root} on http://127.0.0.1:{httpd.server_address[1]}/", flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    main()
