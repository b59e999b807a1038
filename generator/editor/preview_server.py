"""The preview's web server: the built site, every language at once, with live reload.

It serves a folder that the preview replaces as it rebuilds, adds a small script to each HTML
page it serves (never to the built files) that listens for changes on an event stream of this
server and shows content errors over the last good page, and mounts extra folders or handlers
under their own paths (`mounts`), such as a web editor under /admin/.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

EVENTS_PATH = "/_preview/events"
# A handler for a mounted path: it answers the request itself (see PreviewServer.mount).
Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class PreviewState:
    """What the server shows: the site folder of the last good build, its version and the
    current content errors. Rebuilds change it through publish(), readers wait on `changed`."""

    site: Path
    version: int = 1
    errors: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, site: Path | None = None, errors: list[str] | None = None) -> None:
        """A new build (site given) or new errors; wakes every page that listens."""
        with self.changed:
            if site is not None:
                self.site = site
                self.version += 1
            self.errors = list(errors or [])
            self.changed.notify_all()

    def snapshot(self) -> dict:
        with self.changed:
            return {"version": self.version, "errors": list(self.errors)}


class PreviewServer(ThreadingHTTPServer):
    """Serves PreviewState.site at `base_path` (the path of the site's root on its host).

    Links to `public_url` (the site's base_url, as in the language chooser) become links into
    the preview in the pages it serves.
    """

    daemon_threads = True  # an open event stream must not keep the preview from stopping
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        state: PreviewState,
        base_path: str = "/",
        public_url: str = "",
    ):
        self.state = state
        self.public_url = public_url
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self.mounts: dict[str, Path | Route] = {}
        self.stopping = threading.Event()
        super().__init__(address, _Handler)

    def handle_error(self, request, client_address) -> None:
        """A page closed or reloaded while it was being answered is not news; anything else is
        reported as the standard library does."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def mount(self, prefix: str, target: Path | Route) -> None:
        """Serve a folder, or hand every request, under `prefix` ("/admin/")."""
        self.mounts["/" + prefix.strip("/") + "/"] = target

    def server_close(self) -> None:
        self.stopping.set()
        with self.state.changed:
            self.state.changed.notify_all()  # let open event streams end
        super().server_close()


def live_reload_script(version: int) -> str:
    """The script added to served pages: reload on a new build, show errors over the page."""
    return (
        (
            "<script>(function(){var v=VERSION,box=null;"
            "function show(errors){if(!box){box=document.createElement('div');"
            "box.id='preview-errors';box.setAttribute('role','alert');"
            "box.style.cssText='position:fixed;left:0;right:0;bottom:0;z-index:9999;max-height:60vh;"
            "overflow:auto;margin:0;padding:1em 1.5em;background:#fff3f3;color:#600;"
            "border-top:4px solid #c00;font:14px/1.5 monospace;white-space:pre-wrap';"
            "document.body.appendChild(box);}box.textContent=errors.join('\\n');}"
            "var s=new EventSource('EVENTS');s.onmessage=function(e){var d=JSON.parse(e.data);"
            "if(d.errors.length){show(d.errors);return;}"
            "if(d.version!==v||box){location.reload();}};})();</script>"
        )
        .replace("VERSION", str(version))
        .replace("EVENTS", EVENTS_PATH)
    )


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal is for content errors, not for every request

    def do_HEAD(self) -> None:  # noqa: N802 - the base class's naming
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        path = unquote(urlsplit(self.path).path)
        if path == EVENTS_PATH:
            self._events()
            return
        for prefix, target in self.server.mounts.items():
            if path.startswith(prefix) or path + "/" == prefix:
                if callable(target):
                    target(self)
                else:
                    self._file(Path(target), path[len(prefix) :], inject=False)
                return
        base = self.server.base_path
        if path + "/" == base:
            self._redirect(base)
        elif not path.startswith(base):
            self._not_found()
        else:
            self._file(self.server.state.site, path[len(base) :], inject=True)

    def _file(self, folder: Path, rel: str, inject: bool) -> None:
        rel = posixpath.normpath("/" + rel).lstrip("/")
        target = folder / rel if rel not in ("", ".") else folder
        if target.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self._redirect(urlsplit(self.path).path + "/")
                return
            target = target / "index.html"
        if not target.is_file():
            self._not_found()
            return
        data = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if inject and kind == "text/html":
            data = self._with_script(data)
        self._send(HTTPStatus.OK, kind, data)

    def _with_script(self, data: bytes) -> bytes:
        script = live_reload_script(self.server.state.snapshot()["version"]).encode()
        if self.server.public_url:
            data = data.replace(self.server.public_url.encode(), self.server.base_path.encode())
        at = data.rfind(b"</body>")
        return data[:at] + script + data[at:] if at >= 0 else data + script

    def _not_found(self) -> None:
        page = self.server.state.site / "404.html"
        data = page.read_bytes() if page.is_file() else b"Not found"
        self._send(HTTPStatus.NOT_FOUND, "text/html", self._with_script(data))

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header(
            "Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind
        )
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _events(self) -> None:
        """An event stream: the state now, then again on every change, until the page closes."""
        state = self.server.state
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        last = None
        try:
            while not self.server.stopping.is_set():
                with state.changed:
                    if state.snapshot() == last:
                        # Waiting costs nothing; the timeout only notices a page that went away
                        # (the keep-alive write then fails).
                        state.changed.wait(timeout=25)
                    now = state.snapshot()
                if now != last:
                    self.wfile.write(f"data: {json.dumps(now)}\n\n".encode())
                    last = now
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except OSError:
            pass  # the page was closed or reloaded
