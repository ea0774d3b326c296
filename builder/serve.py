"""Serve: a static server for dist/ (and for the tests and benchmarks), with a host's MIME
types and the precompressed siblings."""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from pathlib import Path

from builder.assemble import build
from builder.project import DIST, BuildError

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".toml": "application/toml",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".py": "text/x-python",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".webmanifest": "application/manifest+json",
}


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves folders under URL prefixes ("mounts"), with the MIME types a host must send,
    the precompressed siblings to browsers that accept them (`precompress`), and no caching
    so that a reload picks up a fresh build."""

    mounts: dict[str, Path] = {}
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    varies = False  # the response depends on Accept-Encoding

    def send_head(self):
        """A file's .br or .gz sibling, when there is one and the request accepts it, with
        the original's type; otherwise as SimpleHTTPRequestHandler does."""
        self.varies = False
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepted = {part.split(";")[0].strip() for part in self.headers.get("Accept-Encoding", "").split(",")
                    if not re.search(r";\s*q=0(\.0*)?\s*$", part)}
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            sibling = path.with_name(path.name + suffix)
            if not sibling.is_file():
                continue
            self.varies = True
            if encoding in accepted:
                file = open(sibling, "rb")
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(os.fstat(file.fileno()).st_size))
                self.end_headers()
                return file
        return super().send_head()

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser stopped a download it no longer wanted: nothing to report

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        for prefix in sorted(self.mounts, key=len, reverse=True):
            if path.startswith(prefix):
                self.directory = str(self.mounts[prefix])
                return super().translate_path("/" + path[len(prefix):])
        return str(Path(self.mounts["/"]) / "\0missing")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        if self.varies:
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        if os.environ.get("CERCLE_SERVER_LOG"):
            super().log_message(format, *args)


def make_server(mounts: dict[str, Path], port: int = 0, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A static server (port 0 picks a free one). Mounts map URL prefixes ending in '/' to
    folders, e.g. {"/": dist, "/some/sub/path/": dist}."""
    handler = type("Handler", (StaticHandler,), {"mounts": dict(mounts)})
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(mounts["/"])))
    server.daemon_threads = True
    return server


def start_server(mounts: dict[str, Path], port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve in a background thread; returns the server and its base URL."""
    server = make_server(mounts, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def serve(port: int) -> None:
    build()
    try:
        server = make_server({"/": DIST}, port)
    except OSError as error:
        raise BuildError(f"cannot listen on 127.0.0.1:{port} ({error.strerror}): try --port N") from None
    print(f"Cercle is served at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print()
    finally:
        server.server_close()
