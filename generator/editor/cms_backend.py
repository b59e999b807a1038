"""The web editor against the working copy: /admin/ and the CMS's local backend on 127.0.0.1.

Decap CMS's proxy backend sends its reads and writes as JSON to /api/v1 (the actions of the
decap-server package). This server answers them from the folder holding content/, and writes a
record the way an editor would by hand: a new file in the schema's order, an existing one changed
only where its values changed, through ruamel.yaml, so comments, order and quoting stay as they
were.

It runs in a thread of the calling process (no process is left behind): `local_editor` starts
it and stops it when the block ends, also on Ctrl+C.
"""

from __future__ import annotations

import base64
import datetime
import io
import json
import mimetypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from generator.content import schema as s
from generator.content.types import CONTENT_TYPES
from generator.content.validate import site_languages
from generator.editor.cms import ADMIN, LOCAL_API, admin_files, cms_script_files
from generator.editor.scaffold import new_record_id, site_zone
from generator.languages import make_slug

HOST = "127.0.0.1"
TYPES = {".yml": "text/yaml", ".js": "text/javascript", ".wasm": "application/wasm"}


@contextmanager
def local_editor(content_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve /admin/ and the local backend for content_dir on 127.0.0.1; yields the base URL
    (http://127.0.0.1:PORT/). The editor is at BASE + "admin/"."""
    server = editor_server(Path(content_dir).resolve(), port)
    thread = threading.Thread(target=server.serve_forever, name="cms-backend", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def preview_mounts(content_dir: Path) -> Iterator[dict]:
    """What `serve` mounts for the web editor: {"/admin/": handler}, with the local backend
    running for the block. Without the CMS's npm package there is nothing to mount, and one
    line says how to get it; the preview of the site works either way."""
    try:
        cms_script_files()
    except FileNotFoundError:
        print(
            "note: the web editor is not served: its files come from npm; run `npm ci` "
            "in the project folder to add it at /admin/",
            file=sys.stderr,
        )
        yield {}
        return
    with local_editor(content_dir) as base:
        files = admin_files(Path(content_dir), local_backend=base + LOCAL_API.lstrip("/"))
        yield {f"/{ADMIN}/": partial(_send_admin_file, files)}


def _send_admin_file(files: dict[str, bytes], request: BaseHTTPRequestHandler) -> None:
    """Answer a request of the preview for /admin/... from the editor's files."""
    path = urlsplit(request.path).path.lstrip("/")
    if path == ADMIN:  # the editor's own files are relative to /admin/
        request.send_response(302)
        request.send_header("Location", f"/{ADMIN}/")
        request.send_header("Content-Length", "0")
        request.end_headers()
        return
    status, data, kind = _admin_file(files, path)
    request.send_response(status)
    request.send_header("Content-Type", kind)
    request.send_header("Content-Length", str(len(data)))
    request.send_header("Cache-Control", "no-store")
    request.end_headers()
    if request.command != "HEAD":
        request.wfile.write(data)


def _admin_file(files: dict[str, bytes], path: str) -> tuple[int, bytes, str]:
    """Status, bytes and media type of a file of /admin/ (`path` without the leading /)."""
    if path == f"{ADMIN}/":
        path = f"{ADMIN}/index.html"
    if path not in files:
        return 404, b"not found", "text/plain"
    return (
        200,
        files[path],
        TYPES.get(Path(path).suffix) or mimetypes.guess_type(path)[0] or "text/plain",
    )


class _EditorServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """The editor's tab closed while it was being answered is not news."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def editor_server(content_dir: Path, port: int = 0) -> ThreadingHTTPServer:
    """The HTTP server of local_editor, not yet started."""
    backend = LocalBackend(content_dir)
    files: dict[str, bytes] = {}  # filled once the port is known: the config names it

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass  # the editor's requests are not news

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0].lstrip("/")
            self._send(*_admin_file(files, f"{ADMIN}/" if path == ADMIN else path))

        def do_POST(self) -> None:
            if self.path.split("?", 1)[0] != LOCAL_API:
                self._send(404, b"not found", "text/plain")
                return
            origin = self.headers.get("Origin")
            if origin is not None and not _local_origin(origin):
                # Another site open in the same browser must not write to the working copy.
                self._send(403, b'{"error": "not a page on this machine"}', "application/json")
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                request = json.loads(body or b"{}")
                status, answer = 200, backend.answer(request["action"], request.get("params", {}))
            except BackendError as exc:
                status, answer = exc.status, {"error": str(exc)}
            except (ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
                status, answer = 422, {"error": f"{type(exc).__name__}: {exc}"}
            self._send(status, json.dumps(answer).encode(), "application/json")

        def do_OPTIONS(self) -> None:
            # The preflight of a page on another local port (the preview serving /admin/).
            self._send(204, b"", "text/plain")

        def _send(self, status: int, data: bytes, kind: str) -> None:
            self.send_response(status)
            origin = self.headers.get("Origin") or ""
            if _local_origin(origin):
                self.send_header("Access-Control-Allow-Origin", origin)
                self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.send_header("Vary", "Origin")
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

    server = _EditorServer((HOST, port), Handler)
    api = f"http://{HOST}:{server.server_address[1]}{LOCAL_API}"
    files.update(admin_files(content_dir, local_backend=api))
    return server


def _local_origin(origin: str) -> bool:
    """A page on this machine (http://127.0.0.1:PORT or http://localhost:PORT) may call the
    backend; a page anywhere else may not."""
    parts = urlsplit(origin)
    return parts.scheme == "http" and parts.hostname in (HOST, "localhost")


class BackendError(Exception):
    """A request the backend refuses (a path outside content/, a file that is not there)."""

    def __init__(self, message: str, status: int = 404):
        super().__init__(message)
        self.status = status


class LocalBackend:
    """The actions of Decap's proxy backend, on the folder that holds content/."""

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self.root = content_dir.parent
        # The CMS's name of a file it created -> the name it was written under (_new_name).
        self.aliases: dict[str, str] = {}

    def answer(self, action: str, params: dict) -> object:
        handler = getattr(self, f"_{action}", None)
        if handler is None:
            raise BackendError(f"unknown action {action!r}", 422)
        return handler(params)

    def _path(self, relative: str) -> Path:
        path = (self.root / relative).resolve()
        if path != self.content_dir and self.content_dir not in path.parents:
            raise BackendError(f"{relative} is outside {self.content_dir.name}/", 403)
        return path

    def _entry(self, path: Path) -> dict:
        rel = path.relative_to(self.root).as_posix()
        return {"data": path.read_text(encoding="utf-8"), "file": {"path": rel, "id": rel}}

    def _info(self, params: dict) -> dict:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    def _entriesByFolder(self, params: dict) -> list:
        folder = self._path(params["folder"])
        ext = params.get("extension", "yaml")
        found = sorted(folder.glob(f"*.{ext}")) if folder.is_dir() else []
        return [self._entry(p) for p in found]

    def _entriesByFiles(self, params: dict) -> list:
        found = [self._path(self.aliases.get(f["path"], f["path"])) for f in params["files"]]
        return [self._entry(p) for p in found if p.is_file()]

    def _getEntry(self, params: dict) -> dict:
        path = self._path(self.aliases.get(params["path"], params["path"]))
        if not path.is_file():
            raise BackendError(f"{params['path']} does not exist")
        return self._entry(path)

    def _persistEntry(self, params: dict) -> dict:
        files = params.get("dataFiles") or [params["entry"]]
        for asset in params.get("assets", []):
            self._persistMedia({"asset": asset})
        for data_file in files:
            old = self._path(self.aliases.get(data_file["path"], data_file["path"]))
            target = self._path(data_file.get("newPath") or data_file["path"])
            if not old.exists():
                target = self._new_name(target, data_file["raw"])
                self.aliases[data_file["path"]] = target.relative_to(self.root).as_posix()
            write_record(old, target, data_file["raw"], self.content_dir)
            if old != target and old.exists():
                old.unlink()
        return {"message": "entry persisted"}

    def _new_name(self, path: Path, raw: str) -> Path:
        """Where `build.py new` would put this record: the CMS's own name keeps letters such as
        å that a file name of ours spells out, and dates it in UTC."""
        content_type = next((t for t in CONTENT_TYPES if t.schema.folder == path.parent.name), None)
        if content_type is None or path.parent.parent != self.content_dir:
            return path
        data = load_raw(raw)
        langs = site_languages(_read_yaml(self.content_dir / "site.yaml"))
        texts = data.get(langs[0]) if isinstance(data.get(langs[0]), dict) else {}
        title = data.get("name") or texts.get("title") or texts.get("name")
        if not isinstance(title, str) or not make_slug(title):
            return path
        now = datetime.datetime.now(site_zone(self.content_dir))
        return path.with_name(f"{new_record_id(content_type, title, now)}{path.suffix}")

    def _media(self, path: Path) -> dict:
        rel = path.relative_to(self.root).as_posix()
        return {
            "id": rel,
            "name": path.name,
            "path": rel,
            "content": base64.b64encode(path.read_bytes()).decode(),
            "encoding": "base64",
        }

    def _getMedia(self, params: dict) -> list:
        folder = self._path(params["mediaFolder"])
        found = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
        return [self._media(p) for p in found]

    def _getMediaFile(self, params: dict) -> dict:
        path = self._path(params["path"])
        if not path.is_file():
            raise BackendError(f"{params['path']} does not exist")
        return self._media(path)

    def _persistMedia(self, params: dict) -> dict:
        asset = params["asset"]
        path = self._path(asset["path"])
        path.parent.mkdir(parents=True, exist_ok=True)
        content = asset["content"]
        data = base64.b64decode(content) if asset.get("encoding") == "base64" else content.encode()
        path.write_bytes(data)
        return self._media(path)

    def _deleteFile(self, params: dict) -> dict:
        self._path(params["path"]).unlink(missing_ok=True)
        return {"message": "file deleted"}

    def _deleteFiles(self, params: dict) -> dict:
        for path in params["paths"]:
            self._path(path).unlink(missing_ok=True)
        return {"message": "files deleted"}

    def _getDeployPreview(self, params: dict) -> None:
        return None


def write_record(old: Path, target: Path, raw: str, content_dir: Path) -> None:
    """Write the record the CMS saved as `raw`: merged into the file at `old` when there is one,
    else in the schema's order, as `build.py new` lays a file out."""
    data = _clean(load_raw(raw))
    record_type = _record_type(target, content_dir)
    langs = site_languages(_read_yaml(content_dir / "site.yaml"))
    if old.is_file():
        document = _yaml().load(old.read_text(encoding="utf-8"))
        merged = _merge(document, _styled(data))
    else:
        merged = _ordered(data, record_type.shape if record_type else None, langs)
    out = io.StringIO()
    _yaml().dump(merged, out)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(out.getvalue(), encoding="utf-8")


def load_raw(raw: str) -> dict:
    """The file the CMS sent, read as YAML 1.2 as the CMS wrote it (10:00 is text, not 600)."""
    data = YAML(typ="safe", pure=True).load(raw)
    return data if isinstance(data, dict) else {}


def _yaml() -> YAML:
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None


def _record_type(path: Path, content_dir: Path) -> s.RecordType | None:
    folder = path.parent.relative_to(content_dir).as_posix() if path.parent != content_dir else ""
    return next((t for t in s.RECORD_TYPES if t.folder == folder), None)


def _clean(value: object) -> object:
    """The value without the empty fields a form leaves behind."""
    if isinstance(value, dict):
        kept = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value if _clean(v) not in ("", None, {})]
    return value


def _styled(value: object) -> object:
    """A value as a hand-written file writes it: Markdown and other multi-line text as a block,
    and text that YAML would read as something else (10:00, 5, true) in quotes."""
    if isinstance(value, dict):
        return CommentedMap((k, _styled(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_styled(v) for v in value)
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value.rstrip("\n") + "\n")
        try:
            read = yaml.safe_load(value)
        except yaml.YAMLError:
            return DoubleQuotedScalarString(value)
        if isinstance(read, datetime.date) and not isinstance(read, datetime.datetime):
            return read  # a date, written plain as by hand
        if read != value:
            return DoubleQuotedScalarString(value)
    return value


def _ordered(data: dict, shape: s.Shape | None, langs: tuple[str, ...]) -> CommentedMap:
    """data with its keys in the schema's order: facts, then each language's texts."""
    if shape is None:
        return _styled(data)
    out = CommentedMap()
    for spec in shape.facts:
        if spec.name in data:
            out[spec.name] = _ordered_value(data[spec.name], spec, langs)
    for lang in langs:
        if isinstance(data.get(lang), dict):
            texts = CommentedMap()
            for spec in shape.texts:
                if spec.name in data[lang]:
                    texts[spec.name] = _ordered_value(data[lang][spec.name], spec, langs)
            out[lang] = texts
    for key, value in data.items():  # anything the schema does not know stays, for `check`
        if key not in out:
            out[key] = _styled(value)
    return out


def _ordered_value(value: object, spec: s.Field, langs: tuple[str, ...]) -> object:
    if spec.kind == s.OBJECT and isinstance(value, dict):
        return _ordered(value, spec.shape, langs)
    if spec.kind == s.LIST and isinstance(value, list) and spec.item is not None:
        return CommentedSeq(_ordered_value(v, spec.item, langs) for v in value)
    return _styled(value)


def _merge(old: object, new: object) -> object:
    """new, keeping old's nodes (and so their comments and style) wherever the value is the same."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        # A key the form left out is gone, unless it was empty anyway (`contacts: []`).
        for key in [k for k in old if k not in new and old[k] not in ("", None, [], {})]:
            del old[key]
        for key, value in new.items():
            if key in old:
                old[key] = _merge(old[key], value)
            else:
                old[key] = value
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list) and len(old) == len(new):
        for i, value in enumerate(new):
            if not _equal(old[i], value):
                old[i] = _merge(old[i], value)
        return old
    if _equal(old, new):
        return old
    return new


def _equal(old: object, new: object) -> bool:
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_equal(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_equal(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, datetime.date) and isinstance(new, str):
        return old.isoformat() == new
    if isinstance(old, str) and isinstance(new, str):
        return str(old).rstrip("\n") == new.rstrip("\n")
    return old == new
