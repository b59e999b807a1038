"""`build.py serve`: a live preview of every language of the site, rebuilt as files are saved.

The preview builds the whole site once, then keeps it, with its model, parsed and checked files,
compiled templates and MkDocs' navigation in memory: saving a record re-parses and re-checks that
file (the checks across records run on the whole content every time), renders in every
language the pages it can change (listings, its own page, the pages of records it names or that
name it), writes those whose Markdown changed and has MkDocs rebuild just those
(mkdocs_adapter.LiveLanguage), whose entries in each language's search index are replaced too.
The sitemaps list addresses only. A change to the site's structure (a new or removed file, a
slug, site.yaml, taxonomies, templates, theme, a press release's PDF and kit) rebuilds the whole
site, as `build` does; so does a changed address. A content error is
printed in the terminal and shown over the page in the browser, which keeps the last good build.
"""

from __future__ import annotations

import errno
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from generator import outputs, paths
from generator.clock import build_now
from generator.content.model import load_content
from generator.content.types import TYPE_BY_NAME
from generator.editor.preview_server import PreviewServer, PreviewState
from generator.errors import ContentInvalid, UserError
from generator.pipeline import Progress, build_tree, language_build, write_docs
from generator.site.mkdocs_adapter import BuildFailed, LiveLanguage
from generator.site.render import CompiledTemplates
from generator.site.urls import build_url_map

# Files whose change alters more than the pages of one record.
STRUCTURE_FILES = {"site.yaml", "taxonomies.yaml"}
# Seconds to wait after a change for the rest of a save (editors write in several steps).
SETTLE = 0.05


def serve(
    content_dir: Path,
    root: Path,
    lang: str,
    port: int,
    now_option: str | None = None,
    host: str = "127.0.0.1",
    mounts: dict | None = None,
) -> int:
    """Serve the whole site with live reload until interrupted; open it at `lang`.

    "Now" is taken afresh on every rebuild (an embargo lifts while the preview runs), or fixed
    with --now to preview the site as it will look at that moment. `mounts` maps extra paths
    ("/admin/") to a folder or a request handler (PreviewServer.mount).
    """
    _check_port(host, port)
    folder = Path(tempfile.mkdtemp(prefix="klynge-preview-"))
    try:
        return _serve(content_dir, root, lang, port, now_option, host, folder, mounts or {})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _check_port(host: str, port: int) -> None:
    """Say so at once when the port is taken, rather than after the first build."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UserError(
                    f"port {port} is in use",
                    "stop the other server, or choose another port with --port",
                ) from None
            raise UserError(
                f"cannot listen on {host}:{port} ({exc.strerror})",
                "choose another port with --port",
            ) from None


class LiveSite:
    """The preview's site: a full build kept on disk with its model, updated page by page."""

    def __init__(self, content_dir: Path, root: Path, now_option: str | None, folder: Path):
        self.content_dir = Path(content_dir)
        self.root = root
        self.now_option = now_option
        self.folder = folder
        self.builds = 0
        self.work: Path | None = None
        self.content = None
        self.urls = None
        self.pdfs: dict = {}
        self.shared: dict = {}
        self.languages: dict[str, LiveLanguage] = {}
        self.compiled = CompiledTemplates()
        self.parsed: dict = {}  # the content files as last parsed, by path
        self.checked_files: dict = {}  # each record file's own checks (validate.RecordCache)

    def load(self):
        content = load_content(
            self.content_dir, build_now(self.now_option), self.parsed, self.checked_files
        )
        _print_warnings(content)
        return content

    def full(self, content=None) -> Path:
        """Build the whole site into a fresh folder; returns its site folder."""
        content = content or self.load()
        urls = build_url_map(content)
        outputs.claim_site(content, urls)
        self.builds += 1
        work = self.folder / f"build-{self.builds}"
        self.pdfs, self.shared = build_tree(content, urls, work, self.root, Progress(quiet=True))
        self.work, self.content, self.urls = work, content, urls
        self.languages = {}
        return work / "site"

    def remove_old_builds(self) -> None:
        """Remove the folders of earlier full builds, once the server shows the new one."""
        for folder in self.folder.glob("build-*"):
            if folder != self.work:
                shutil.rmtree(folder, ignore_errors=True)

    def prepare(self) -> None:
        """Read the last full build's pages into memory, so that a save rebuilds quickly."""
        for lang in self.content.languages:
            if lang not in self.languages:
                docs = self.work / "docs" / lang
                build = language_build(
                    self.content, self.urls, lang, docs, docs.parent.parent / "site" / lang
                )
                self.languages[lang] = LiveLanguage(self.root / "mkdocs.yml", build)

    def update(self, changed: set[Path], structural: bool) -> Path:
        """Rebuild after `changed` files were saved: only the pages that changed, unless the
        change is structural. Raises ContentInvalid or BuildFailed."""
        before = {rel: text for rel, (text, _) in self.parsed.items()}
        content = self.load()
        urls = build_url_map(content)
        if (
            structural
            or self.work is None
            or any(self._is_structure(path) for path in changed)
            or urls.paths != self.urls.paths
            or content.languages != self.content.languages
            or sorted(content.press_releases) != sorted(self.content.press_releases)
            or any(self._is_press_release(path) for path in changed)
        ):
            return self.full(content)
        self.prepare()
        only = self._affected(before, changed)
        written = {}
        for lang in content.languages:
            written[lang] = []
            write_docs(
                content,
                urls,
                lang,
                self.work / "docs" / lang,
                self.pdfs,
                self.shared,
                written[lang],
                self.compiled,
                only,
            )
            if not all(self.languages[lang].knows(rel) for rel in written[lang]):
                return self.full(content)  # a file came or went: the navigation may change
        self.content, self.urls = content, urls
        for lang, rels in written.items():
            self.languages[lang].rebuild(rels)
        return self.work / "site"

    def _affected(self, before: dict[str, str], changed: set[Path]):
        """Which pages a save can change: `only(key)` for write_docs, or None for every page.

        Every listing and the home page, the pages of the records whose files changed, of the
        records those files name, and of the records whose files name them. Records name each
        other by id (the file's name), so a search of the files' texts finds them all, and at
        worst a few more.
        """
        after = {rel: text for rel, (text, _) in self.parsed.items()}
        known = {rel.rsplit("/", 1)[-1] for rel in after}
        if any(path.name not in known for path in changed):
            return None  # a Markdown page, a photo: pages of any kind may show it
        edited = [rel for rel, text in after.items() if before.get(rel) != text]
        ids = {_stem(rel) for rel in edited}
        edited_texts = [before.get(rel, "") + after[rel] for rel in edited]
        related = set(ids)
        for rel, text in after.items():
            stem = _stem(rel)
            if any(i in text for i in ids) or any(stem in t for t in edited_texts):
                related.add(stem)
        return lambda key: key[0] not in TYPE_BY_NAME or len(key) < 2 or key[1] in related

    def _is_structure(self, path: Path) -> bool:
        try:
            rel = path.resolve().relative_to(self.content_dir.resolve())
        except ValueError:
            return True  # a template or the theme: every page may change
        return rel.as_posix() in STRUCTURE_FILES

    def _is_press_release(self, path: Path) -> bool:
        """A release's PDFs and press kit are made from its text: those rebuild with the site."""
        return any(Path(r.path).name == path.name for r in self.content.press_releases.values())


class _Watcher:
    """Collects the files saved under the watched folders (inotify, through watchdog)."""

    def __init__(self, folders: list[Path]):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.lock = threading.Lock()
        self.changed: set[Path] = set()
        self.structural = False
        self.event = threading.Event()
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.is_directory and event.event_type == "modified":
                    return
                if event.event_type in ("opened", "closed_no_write", "closed"):
                    return  # reading a file changes nothing
                moved = event.event_type == "moved"
                with watcher.lock:
                    watcher.changed.add(Path(event.dest_path if moved else event.src_path))
                    # A deleted file may leave pages behind; a new or renamed one changes the
                    # site's addresses, which LiveSite.update notices itself (editors that save
                    # by renaming a new file over the old one keep the quick path).
                    if event.event_type == "deleted":
                        watcher.structural = True
                watcher.event.set()

        self.observer = Observer()
        for folder in folders:
            if folder.is_dir():
                self.observer.schedule(Handler(), str(folder), recursive=True)
        self.observer.daemon = True
        self.observer.start()

    def take(self) -> tuple[set[Path], bool]:
        with self.lock:
            changed, structural = self.changed, self.structural
            self.changed, self.structural = set(), False
            self.event.clear()
        return changed, structural

    def stop(self) -> None:
        self.observer.stop()


def _serve(
    content_dir: Path,
    root: Path,
    lang: str,
    port: int,
    now_option: str | None,
    host: str,
    folder: Path,
    mounts: dict,
) -> int:
    """Build once, then serve and rebuild on every save until Ctrl+C."""
    site = LiveSite(content_dir, root, now_option, folder)
    try:
        built = site.full()
    except ContentInvalid as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print("Fix these problems, then start the preview again.", file=sys.stderr)
        return 1
    state = PreviewState(built)
    base = urlsplit(site.content.site.base_url).path or "/"
    server = PreviewServer((host, port), state, base, site.content.site.base_url)
    for prefix, target in mounts.items():
        server.mount(prefix, target)
    address = f"http://{host}:{server.server_address[1]}"
    print(
        f"Preview at {address}{base}{lang}/ ({', '.join(site.content.languages)}; Ctrl+C stops it)",
        file=sys.stderr,
        flush=True,
    )
    for prefix in mounts:
        print(f"Also served: {address}{prefix}", file=sys.stderr, flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watcher = _Watcher([Path(content_dir), paths.TEMPLATES, root / "theme"])
    site.prepare()
    try:
        while True:
            if not watcher.event.wait(timeout=60):
                continue  # nothing saved: sleep on
            time.sleep(SETTLE)
            changed, structural = watcher.take()
            _rebuild(site, state, changed, structural)
    finally:
        watcher.stop()
        server.shutdown()
        server.server_close()


def _rebuild(site: LiveSite, state: PreviewState, changed: set[Path], structural: bool) -> None:
    """Rebuild after a save; on a content error show it and keep the last good build."""
    try:
        state.publish(site=site.update(changed, structural))
        site.remove_old_builds()
        site.prepare()  # after a full rebuild, before the next save
    except ContentInvalid as exc:
        errors = [str(error) for error in exc.errors]
        for error in errors:
            print(error, file=sys.stderr)
        print(
            f"{len(errors)} problem(s); still showing the last good version.",
            file=sys.stderr,
            flush=True,
        )
        state.publish(errors=errors)
    except (BuildFailed, UserError) as exc:
        print(exc, file=sys.stderr, flush=True)
        state.publish(errors=[str(exc)])
    else:
        print(f"rebuilt: {', '.join(sorted(p.name for p in changed))}", file=sys.stderr, flush=True)


def _stem(rel: str) -> str:
    return rel.rsplit("/", 1)[-1].split(".", 1)[0]


def _print_warnings(content) -> None:
    for warning in content.warnings:
        print(f"warning: {warning}", file=sys.stderr, flush=True)
