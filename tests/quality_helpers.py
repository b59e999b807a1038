"""Shared fixtures and helpers for the external-checker tests (test_quality.py, test_browser.py).

Loaded by those modules as a pytest plugin (``pytest_plugins = ["tests.quality_helpers"]``), so the
session fixtures below exist once per run: the bundled site is built once, into a temporary folder,
as of a fixed moment, and served once on 127.0.0.1.

Tools are found where `.ci/run` installs them (Debian packages, ``pip install -r
requirements-dev.txt``, ``npm ci``). With ``CI=true`` a missing tool fails the test with a message
saying what to install; elsewhere the test is skipped, so a developer without Java or Chromium can
still run the rest of the suite.
"""

from __future__ import annotations

import functools
import gzip
import html.parser
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.editor import verify

ROOT = Path(__file__).resolve().parent.parent
# A moment after every bundled release and initiative start, so the whole bundled content is public.
BUILD_NOW = "2026-11-25T12:00:00+00:00"
# Set to a built site folder to check it instead of building one (outside CI, for quick iteration).
SITE_OVERRIDE_ENV = "KLYNGE_QUALITY_SITE"

NODE_MODULES = ROOT / "node_modules"
# The checkers' places, the browser's flags and the axe-core rules are those of `build.py verify`,
# so the tests and a pull request's site check judge pages alike.
VNU_JAR = ROOT / verify.VNU_JAR
AXE_JS = ROOT / verify.AXE_JS
SITEMAP_XSD = NODE_MODULES / "sitemap" / "schema" / "sitemap.xsd"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM = verify.chromium_path()
CHROMIUM_FLAGS = verify.CHROMIUM_FLAGS
AXE_TAGS = verify.AXE_TAGS
find_executable = verify.find_executable


def in_ci() -> bool:
    """True when running under CI (``CI`` set to anything but empty/0/false/no)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(ok: object, missing: str) -> None:
    """Fail (in CI) or skip (elsewhere) unless ``ok``; ``missing`` says what is absent and how to
    get it."""
    if ok:
        return
    if in_ci():
        pytest.fail(
            f"{missing} (CI=true: quality checks may not be skipped; .ci/run installs it)",
            pytrace=False,
        )
    pytest.skip(missing)


def require_file(path: Path, install: str) -> Path:
    """The file at ``path``, or fail/skip saying how to install it."""
    require(
        path.is_file(),
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} is missing: {install}",
    )
    return path


def require_executable(name: str, install: str) -> str:
    """Path of the executable ``name``, or fail/skip saying how to install it."""
    found = find_executable(name)
    require(found, f"`{name}` not found: {install}")
    return found  # type: ignore[return-value]


def require_module(name: str, install: str):
    """Import and return module ``name``, or fail/skip saying how to install it."""
    try:
        return __import__(name)
    except ImportError:
        require(False, f"Python module {name!r} not importable: {install}")


def run_tool(args: list[str], timeout: int = 600, **kwargs) -> subprocess.CompletedProcess:
    """Run an external checker, capturing text output; a timeout is a test failure."""
    try:
        return subprocess.run(
            args, check=False, capture_output=True, text=True, timeout=timeout, **kwargs
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{args[0]} did not finish in {timeout}s: {' '.join(args)}", pytrace=False)


def run_lighthouse(url: str, out: Path, desktop: bool = False) -> dict:
    """Lighthouse's JSON report on ``url`` (mobile unless ``desktop``), run in Debian's Chromium.

    Chromium may resolve no host but 127.0.0.1, so a request to any other host fails and shows in
    the report instead of leaving the machine.
    """
    flags = CHROMIUM_FLAGS + ['--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"']
    args = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        f"--chrome-flags={' '.join(flags)}",
    ]
    if desktop:
        args.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", str(CHROMIUM)))
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(
            f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}"
        )
    return json.loads(out.read_text(encoding="utf-8"))


def first_load_transfer(report: dict, site: BuiltSite) -> dict[str, int]:
    """Bytes of the files a first visit fetched, gzip-compressed: text and the rest, photos apart.

    The local server sends files uncompressed, so each fetched file is compressed here as a web
    server would (gzip level 6). Images that are photos (JPEG, WebP, AVIF) are counted apart: a
    page's weight without them is what the site's own code and layout cost.
    """
    totals = {"compressed": 0, "photos": 0, "requests": 0}
    for item in report["audits"]["network-requests"]["details"]["items"]:
        url = urlsplit(item["url"])
        if url.scheme not in ("http", "https"):
            continue
        path = site.root / unquote(url.path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            continue
        data = path.read_bytes()
        totals["requests"] += 1
        if path.suffix.lower() in (".jpg", ".jpeg", ".webp", ".avif"):
            totals["photos"] += len(data)
        elif path.suffix.lower() in (".png", ".woff2", ".gif"):
            totals["compressed"] += len(data)  # already compressed formats
        else:
            totals["compressed"] += len(gzip.compress(data, compresslevel=6, mtime=0))
    return totals


# --------------------------------------------------------------------------------------------
# The built site
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltSite:
    """A built site folder and the facts the checks need about it."""

    root: Path
    base_url: str  # the production base URL from content/site.yaml, with a trailing slash
    languages: tuple[str, ...]
    events: bool = False  # the site has events (and so Event JSON-LD and calendars)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    def files(self, *suffixes: str) -> list[Path]:
        """Every file with one of ``suffixes`` (e.g. ".html"), sorted."""
        return sorted(p for p in self.root.rglob("*") if p.is_file() and p.suffix in suffixes)

    def html_pages(self, lang: str | None = None) -> list[Path]:
        """HTML pages of one language (``lang``), of all languages plus the root chooser (None),
        or only the root-level pages such as the chooser (``""``)."""
        pages = self.files(".html", ".htm")
        if lang is None:
            return pages
        if lang == "":
            return [p for p in pages if p.parent == self.root]
        return [p for p in pages if self.rel(p).startswith(f"{lang}/")]

    def rel(self, path: Path) -> str:
        """``path`` relative to the site root, with forward slashes."""
        return path.relative_to(self.root).as_posix()

    def url_path(self, page: Path) -> str:
        """The URL path a static server gives ``page``: ``en/press/index.html`` -> ``en/press/``."""
        rel = self.rel(page)
        return rel.removesuffix("index.html")

    def file_for_url(self, url: str) -> Path | None:
        """The file in the site that an absolute production URL (on base_url) stands for."""
        if not url.startswith(self.base_url):
            return None
        rel = unquote(urlsplit(url).path[len(urlsplit(self.base_url).path) :])
        target = self.root / rel
        if rel == "" or rel.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None


def site_settings() -> tuple[str, tuple[str, ...]]:
    import yaml  # PyYAML: a runtime requirement of the generator

    data = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))
    base = str(data["base_url"])
    return (base if base.endswith("/") else base + "/"), tuple(data["languages"])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The bundled content built once, as of BUILD_NOW, into a temporary folder."""
    base_url, languages = site_settings()
    override = os.environ.get(SITE_OVERRIDE_ENV)
    if override and not in_ci():
        return BuiltSite(Path(override).resolve(), base_url, languages)
    site = tmp_path_factory.mktemp("quality") / "site"
    started = time.perf_counter()
    result = run_tool(
        [sys.executable, "build.py", "--now", BUILD_NOW, "--quiet", "build", "--site", str(site)],
        timeout=900,
        cwd=ROOT,
    )
    if result.returncode != 0 or not (site / "index.html").is_file():
        pytest.fail(
            f"`python3 build.py --now {BUILD_NOW} --quiet build --site {site}` failed "
            f"(exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    print(
        f"\n[quality] site built in {time.perf_counter() - started:.1f}s: {site}", file=sys.stderr
    )
    return BuiltSite(site, base_url, languages)


# Records per listing page on the paged site: the bundled content's listings then run to a
# second page (initiatives) and beyond (the network).
PAGED_SIZE = 2


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The bundled content with `page_size: 2` in site.yaml, built once as of BUILD_NOW: long
    enough listings for their numbered pages."""
    base_url, languages = site_settings()
    folder = tmp_path_factory.mktemp("quality-paged")
    content, site = folder / "content", folder / "site"
    import shutil

    shutil.copytree(ROOT / "content", content)
    settings = content / "site.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + f"page_size: {PAGED_SIZE}\n", encoding="utf-8"
    )
    result = run_tool(
        [sys.executable, "build.py", "--content", str(content), "--now", BUILD_NOW]
        + ["--quiet", "build", "--site", str(site)],
        timeout=900,
        cwd=ROOT,
    )
    if result.returncode != 0 or not (site / "en/initiatives/page/2/index.html").is_file():
        pytest.fail(
            f"building the paged site failed (exit {result.returncode}):\n{result.stderr}",
            pytrace=False,
        )
    return BuiltSite(site, base_url, languages)


@pytest.fixture(scope="session")
def events_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The newsroom fixture with its events (tests/fixtures/events) and the showcase of
    conftest.add_showcase, built once as of BUILD_NOW: the pages, calendars and structured data
    of events, the banner photo, portraits and member logos, which the bundled content has none
    of."""
    from tests.conftest import add_showcase, copy_events_site

    folder = tmp_path_factory.mktemp("quality-events")
    content, site = copy_events_site(folder), folder / "site"
    # The home page's banner photo, a contact's portrait and member logos pass the checkers too.
    add_showcase(content)
    # Two newsroom releases are there to test other things: one carries a tracker image for the
    # sanitiser tests, one is in Danish only (its English page's NewsArticle is Danish). The
    # checkers judge the events here, with the other releases, initiatives and contacts around.
    for name in ("2026-03-02-eu-stoette.yaml", "2026-06-01-kun-paa-dansk.yaml"):
        (content / "press" / name).unlink()
    result = run_tool(
        [sys.executable, "build.py", "--content", str(content), "--now", BUILD_NOW]
        + ["--quiet", "build", "--site", str(site)],
        timeout=900,
        cwd=ROOT,
    )
    if result.returncode != 0 or not (site / "da/arrangementer/index.html").is_file():
        pytest.fail(
            f"building the events site failed (exit {result.returncode}):\n{result.stderr}",
            pytrace=False,
        )
    return BuiltSite(site, "https://www.klynge.example/", ("da", "en"), events=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder; records every request instead of logging it to stderr."""

    def log_request(self, code="-", size="-"):
        try:
            status = int(code)
        except (TypeError, ValueError):
            status = 0
        self.server.requests.append((self.path, status))

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        """Text files gzip-compressed when the browser accepts it, as any static host does."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix not in _COMPRESSED
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


_COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class SiteServer(http.server.ThreadingHTTPServer):
    """A static server of the built site on 127.0.0.1 and a free port, in a daemon thread."""

    daemon_threads = True

    def __init__(self, site: BuiltSite):
        self.site = site
        self.requests: list[tuple[str, int]] = []
        super().__init__(
            ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site.root))
        )
        self.origin = f"http://127.0.0.1:{self.server_address[1]}"
        self._thread = threading.Thread(target=self.serve_forever, name="site-server", daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=10)

    def url(self, page_or_path: Path | str) -> str:
        """Local URL of a page file or of a site-relative URL path."""
        path = (
            self.site.url_path(page_or_path)
            if isinstance(page_or_path, Path)
            else page_or_path.lstrip("/")
        )
        return f"{self.origin}/{path}"

    def local(self, production_url: str) -> str:
        """A production URL on base_url, mapped onto this server."""
        assert production_url.startswith(self.site.base_url), production_url
        return self.url(production_url[len(self.site.base_url) :])


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite) -> Iterator[SiteServer]:
    """The built site served over HTTP on 127.0.0.1 at a random free port."""
    with SiteServer(built_site) as server:
        yield server


# --------------------------------------------------------------------------------------------
# HTML parsing
# --------------------------------------------------------------------------------------------


@dataclass
class ParsedPage:
    """What the checks need from one HTML file: tags with attributes, script and style text."""

    lang: str | None = None
    tags: list[tuple[str, dict[str, str], int]] = field(default_factory=list)
    scripts: list[tuple[dict[str, str], str, int]] = field(default_factory=list)
    styles: list[tuple[str, int]] = field(default_factory=list)

    def links(self, rel: str) -> list[dict[str, str]]:
        """Attributes of every ``<link>`` whose rel list contains ``rel``."""
        return [
            a
            for t, a, _ in self.tags
            if t == "link" and rel in (a.get("rel") or "").lower().split()
        ]


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._text: list[str] | None = None
        self._open: tuple[str, dict[str, str], int] | None = None

    def handle_starttag(self, tag, attrs):
        values = {k.lower(): (v or "") for k, v in attrs}
        line = self.getpos()[0]
        self.page.tags.append((tag, values, line))
        if tag == "html" and self.page.lang is None:
            self.page.lang = values.get("lang")
        if tag in ("script", "style"):
            self._text, self._open = [], (tag, values, line)

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            kind, attrs, line = self._open
            text = "".join(self._text or [])
            if kind == "script":
                self.page.scripts.append((attrs, text, line))
            else:
                self.page.styles.append((text, line))
            self._text, self._open = None, None


@functools.lru_cache(maxsize=512)
def parse_html(path: Path) -> ParsedPage:
    """Parse one HTML file (cached: several checks read the same pages)."""
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.page
