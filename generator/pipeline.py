"""The build: content -> model -> URLs -> downloads and pages -> MkDocs per language -> site/.

Both languages build in parallel processes into a fresh folder beside site/; only when everything
succeeded does that folder replace site/, in one rename, so a failed build leaves site/ untouched.
The folders beside site/ carry the id of the process that made them, so a build removes those
that a killed build left behind, and never those of a build still running.
A build whose inputs and "now"-dependent content match those of the site/ it would replace
(fingerprint.py) leaves site/ as it is: the hourly rebuild has nothing to do until an embargo
lifts or something else changes.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape

from generator import fingerprint, i18n, outputs
from generator.content.model import Content, load_content
from generator.content.types import CONTENT_TYPES, TYPE_BY_NAME
from generator.errors import UserError
from generator.newsroom.downloads import Pdfs, feed_path
from generator.site import brand, sitemap
from generator.site.mkdocs_adapter import (
    BuildFailed,
    LanguageBuild,
    build_language,
    extra_settings,
    nav_for,
)
from generator.site.render import render_pages
from generator.site.urls import UrlMap, build_url_map


class Progress:
    """Says what the build is doing, with counts and timings (silent with --quiet)."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.start = time.perf_counter()

    def say(self, message: str) -> None:
        if not self.quiet:
            elapsed = time.perf_counter() - self.start
            print(f"[{elapsed:6.1f}s] {message}", file=sys.stderr, flush=True)


def build_site(
    content_dir: Path,
    site_dir: Path,
    root: Path,
    now: datetime,
    quiet: bool = False,
    keep_fingerprint: bool = True,
) -> Content:
    """Check the content and build the whole site into site_dir (raises ContentInvalid).

    Nothing is built when site_dir already holds the site of these inputs at this "now"
    (fingerprint.py); `keep_fingerprint=False` is for a throwaway folder, which no later build
    will replace, so its fingerprint is not kept in the cache.
    """
    progress = Progress(quiet)
    inputs = fingerprint.files_digest(content_dir, root)  # before anything reads them
    content = load_content(content_dir, now)
    urls = build_url_map(content)
    registry = outputs.claim_site(content, urls)  # every path has one owner, or nothing is built
    counts = ", ".join(f"{n} {name}" for name, n in content.counts().items())
    progress.say(f"content checked: {counts}; as of {content.now.isoformat()}")
    for warning in content.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if content.withheld:
        progress.say(f"withheld (draft or embargoed): {', '.join(content.withheld)}")
    site_dir = Path(site_dir).resolve()
    current = fingerprint.fingerprint(content, inputs)
    if keep_fingerprint and fingerprint.is_up_to_date(site_dir, current):
        progress.say(f"{site_dir} is up to date: nothing it is built from has changed")
        return content
    work = prepare_work_folder(site_dir)
    try:
        build_tree(content, urls, work, root, progress)
        problems = outputs.check_written(registry, work / "site")
        if problems:
            raise BuildFailed(
                "The finished site does not match its claimed paths:\n" + "\n".join(problems)
            )
        fingerprint.forget(site_dir)
        _replace(site_dir, work / "site")
    except outputs.WrittenTwice as exc:
        raise BuildFailed(str(exc)) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if keep_fingerprint:
        fingerprint.remember(site_dir, current)
    progress.say(f"site built in {site_dir}")
    return content


def build_tree(
    content: Content, urls: UrlMap, work: Path, root: Path, progress: Progress
) -> tuple[Pdfs, dict[str, int]]:
    """Build the whole site into work/site from the docs folders work/docs/<lang>.

    Returns the releases' PDFs and the shared files' sizes, which the live preview keeps to
    rebuild single pages without making them again.
    """
    out = work / "site"
    languages = content.languages
    workers = min(len(languages), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers, initializer=_leave_interrupts_to_parent) as pool:
        with _interrupts_deferred():  # the first job forks the workers: never half-way
            pool.submit(os.getpid).result()
        try:
            pdfs = render_all_pdfs(content, urls, pool, workers)
            progress.say(f"{len(pdfs)} PDFs rendered")
            shared = write_shared_files(content, urls, pdfs, out, pool, workers)
            progress.say(f"{len(shared)} photos and kits written once for all languages")
            jobs = [
                pool.submit(build_one_language, content, urls, lang, work, root, pdfs, shared)
                for lang in languages
            ]
            for job in jobs:
                progress.say(job.result())
        except BaseException:  # Ctrl+C or a failure: start nothing more, then clean up
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    sitemap.write_root_files(content, urls, out)
    progress.say("sitemaps, robots.txt and language chooser written")
    return pdfs, shared


def prepare_work_folder(site_dir: Path) -> Path:
    """A fresh folder beside site_dir to build in, after removing those of killed builds.

    Raises UserError when site_dir is a file or its folder cannot be written.
    """
    for folder in (site_dir, *site_dir.parents):
        if folder.exists() and not folder.is_dir():
            raise UserError(
                f"{folder} is a file, not a folder", "remove it, or build elsewhere with --site DIR"
            )
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_folders(site_dir)
        return Path(
            tempfile.mkdtemp(prefix=f".{site_dir.name}-build-{os.getpid()}-", dir=site_dir.parent)
        )
    except OSError as exc:
        folder = next(p for p in site_dir.parents if p.is_dir())  # the one refusing
        raise UserError(
            f"cannot write in {folder} ({exc.strerror})",
            "check its permissions, or build elsewhere with --site DIR",
        ) from None


def remove_stale_folders(site_dir: Path) -> list[Path]:
    """Remove the build and old-site folders beside site_dir whose process is gone.

    A build killed half-way (SIGKILL, a power cut) cannot clean up after itself; the process id
    in each folder's name tells whether its build still runs. Returns the folders removed.
    """
    removed = []
    for kind in ("build", "old"):
        prefix = f".{site_dir.name}-{kind}-"
        for folder in sorted(site_dir.parent.iterdir()):
            if not folder.name.startswith(prefix):
                continue
            pid = folder.name[len(prefix) :].split("-", 1)[0]
            if not pid.isdigit() or (int(pid) != os.getpid() and _running(int(pid))):
                continue  # not a build's folder, or its build still runs
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)
            else:
                folder.unlink(missing_ok=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user
    return True


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Ctrl+C waits for the end of the block and is raised there.

    Python runs signal handlers between any two steps, also inside the hooks around os.fork,
    where an exception is printed and then lost.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return
    received = []
    previous = signal.signal(signal.SIGINT, lambda *_: received.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _leave_interrupts_to_parent() -> None:
    """Worker processes ignore Ctrl+C: the parent stops the build and cleans up, and an idle
    worker would otherwise print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def render_all_pdfs(
    content: Content, urls: UrlMap, pool: ProcessPoolExecutor, workers: int
) -> dict[tuple[str, str], bytes]:
    """Every release's PDF in every language, rendered once, spread over the worker processes.

    Both languages' press kits hold both PDFs, so rendering them here once saves half the work.
    """
    keys = [(rid, lang) for rid in content.press_releases for lang in content.languages]
    chunks = [keys[i::workers] for i in range(workers)]
    results: dict[tuple[str, str], bytes] = {}
    for part in pool.map(_render_pdfs, [(content, urls, chunk) for chunk in chunks if chunk]):
        results.update(part)
    return dict(sorted(results.items()))


def _render_pdfs(job: tuple) -> dict[tuple[str, str], bytes]:
    from generator.newsroom.pdf import release_pdfs

    content, urls, keys = job
    return release_pdfs(content, urls, keys)


def shared_files(content: Content, urls: UrlMap, pdfs: Pdfs) -> dict[str, bytes]:
    """The files both languages link to, written once beside the language folders, keyed by
    path relative to the site root (newsroom.shared_downloads)."""
    from generator.newsroom.downloads import shared_downloads

    return dict(sorted((d.path, d.make()) for d in shared_downloads(content, urls, pdfs)))


def write_shared_files(
    content: Content,
    urls: UrlMap,
    pdfs: dict[tuple[str, str], bytes],
    out: Path,
    pool: ProcessPoolExecutor,
    workers: int,
) -> dict[str, int]:
    """Make the shared files in the worker processes and write them into the site folder;
    returns their sizes for the download labels, keyed as pages name them (newsroom.shared_link).

    The press kits (each with both languages' texts, Word files and PDFs) are the slow part, so
    they are spread over the workers like the PDFs.
    """
    from generator.newsroom.downloads import shared_downloads, shared_link

    paths = [download.path for download in shared_downloads(content)]
    chunks = [paths[i::workers] for i in range(workers)]
    sizes = {}
    for part in pool.map(
        _make_shared_files, [(content, urls, pdfs, chunk) for chunk in chunks if chunk]
    ):
        for path, data in part.items():
            outputs.write_new(out / path, data)
            sizes[shared_link(path)] = len(data)
    return dict(sorted(sizes.items()))


def _make_shared_files(job: tuple) -> dict[str, bytes]:
    from generator.newsroom.downloads import shared_downloads

    content, urls, pdfs, paths = job
    wanted = set(paths)
    return {d.path: d.make() for d in shared_downloads(content, urls, pdfs) if d.path in wanted}


def build_one_language(
    content: Content,
    urls: UrlMap,
    lang: str,
    work: Path,
    root: Path,
    pdfs: dict[tuple[str, str], bytes],
    shared: dict[str, int],
) -> str:
    """Generate downloads and pages for one language and run MkDocs; returns a progress line."""
    started = time.perf_counter()
    docs = work / "docs" / lang
    downloads, pages = write_docs(content, urls, lang, docs, pdfs, shared)
    rendered = time.perf_counter()
    try:
        build_language(
            root / "mkdocs.yml", language_build(content, urls, lang, docs, work / "site" / lang)
        )
    except BuildFailed as exc:
        raise BuildFailed(_name_sources(str(exc), content, urls, lang)) from None
    sitemap.write_language_sitemap(content, urls, lang, work / "site" / lang)
    finished = time.perf_counter()
    return (
        f"{lang}: {downloads} downloads and {pages} pages in {rendered - started:.1f}s, "
        f"MkDocs in {finished - rendered:.1f}s"
    )


def _name_sources(message: str, content: Content, urls: UrlMap, lang: str) -> str:
    """MkDocs names generated files (om/index.md); editors need the content file behind them."""
    for key in urls.keys():
        doc = urls.doc_file(key, lang)
        if f"'{doc}'" not in message or key[0] not in TYPE_BY_NAME:
            continue
        source = content.records[key[0]][key[1]].path
        if TYPE_BY_NAME[key[0]].per_language_files:
            source = source.replace(".da.md", f".{lang}.md").replace(".en.md", f".{lang}.md")
        message = message.replace(f"'{doc}'", f"'{doc}' (from {source})")
    return message


def write_docs(
    content: Content,
    urls: UrlMap,
    lang: str,
    docs: Path,
    pdfs: Pdfs,
    shared: dict[str, int] | None = None,
    written: list[str] | None = None,
    compiled=None,
    only=None,
) -> tuple[int, int]:
    """Write one language's downloads and Markdown pages into its MkDocs docs folder.

    `pdfs` holds the releases' PDFs (pdf.release_pdfs), rendered once for the whole build.
    `shared` gives the sizes of the files written once for all languages (write_shared_files).
    Without it (the live preview, which serves one language at the server's root) the shared
    files go into the docs folder too, where the pages' relative links find them.
    Files whose bytes are unchanged are not rewritten and files no longer generated are removed;
    the paths of those written and removed are added to `written`, for the live preview, which
    also keeps the compiled templates in `compiled` (render.CompiledTemplates) and renders
    only the pages `only(key)` accepts, leaving the others' files as they are.
    """
    from generator.newsroom.downloads import shared_link

    files, renditions = generate_downloads(content, urls, lang, pdfs)
    sizes = {path: len(data) for path, data in files.items()}
    if shared is None:
        preview_shared = shared_files(content, urls, pdfs)
        shared = {shared_link(path): len(data) for path, data in preview_shared.items()}
        files.update(preview_shared)
    sizes.update(shared)
    pages = render_pages(content, urls, lang, sizes, renditions, compiled, only)
    wanted = dict(files)
    wanted.update((page.path, page.text.encode("utf-8")) for page in pages)
    for path, data in wanted.items():
        target = docs / path
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if written is not None:
            written.append(path)
    if docs.exists() and only is None:
        for existing in sorted(docs.rglob("*"), reverse=True):
            rel = existing.relative_to(docs).as_posix()
            if existing.is_file() and rel not in wanted:
                existing.unlink()
                if written is not None:
                    written.append(rel)
            elif existing.is_dir() and not any(existing.iterdir()):
                existing.rmdir()
    return len(files), len(pages)


def language_build(
    content: Content, urls: UrlMap, lang: str, docs: Path, site_dir: Path
) -> LanguageBuild:
    """The MkDocs settings of one language: names, section-only navigation, theme extras."""
    _ = i18n.translations(lang).gettext
    nav = nav_for(
        lang,
        [(_("Home"), urls.doc_file(("home",), lang))]
        + [
            (_(t.menu), urls.doc_file(("section", t.section), lang))
            for t in CONTENT_TYPES
            if t.menu and ("section", t.section) in urls.paths
        ]
        + (
            [(_("About"), urls.doc_file(("page", "about"), lang))]
            if ("page", "about") in urls.paths
            else []
        ),
    )
    site = content.site
    # Material prints the site name and these extras into HTML unescaped: escape them here.
    name = str(escape(site.text(lang).name))
    extra = extra_settings(
        lang,
        content.languages,
        site.default_language,
        feed_path(lang),
        _("%(name)s: press releases") % {"name": name},
        base_path=urlsplit(site.base_url).path or "/",
    )
    extra["chooser_url"] = site.base_url
    extra["footer"] = footer_settings(content, urls, lang, nav)
    extra["brand_css"] = brand.stylesheet(site.brand)
    # The header logo's size from its file, so the site name beside it does not move as it loads.
    from generator.newsroom.images import intrinsic_size

    extra["logo_size"] = list(intrinsic_size(content.root, site.logo))
    return LanguageBuild(
        lang=lang,
        site_name=name,
        site_description=str(escape(site.text(lang).tagline)),
        site_url=f"{site.base_url}{lang}/",
        docs_dir=docs,
        site_dir=site_dir,
        nav=nav,
        logo=site.logo,
        extra=extra,
    )


def footer_settings(content: Content, urls: UrlMap, lang: str, nav: list) -> dict:
    """What every page's footer shows: the organisation, its contact details, and links to the
    hand-written pages the navigation leaves out (privacy, accessibility), the press room and the
    press feed."""
    _ = i18n.translations(lang).gettext
    site = content.site
    in_nav = {path for entry in nav for path in entry.values()}
    pages = sorted(
        (page.text(lang).title, urls.path(("page", page_id), lang))
        for page_id, page in content.pages.items()
        if urls.doc_file(("page", page_id), lang) not in in_nav
    )
    links = [{"title": title, "path": path} for title, path in pages]
    if ("section", "press") in urls.paths:  # journalists look for it at the foot of any page
        links.append({"title": _("Press room"), "path": urls.path(("section", "press"), lang)})
    links.append({"title": _("Press releases (Atom feed)"), "path": feed_path(lang)})
    return {
        "name": site.text(lang).name,
        "address": site.text(lang).address or "",
        "email": site.email or "",
        "phone": i18n.format_phone(site.phone) if site.phone else "",
        "phone_tel": site.phone or "",
        "links": links,
    }


def generate_downloads(content: Content, urls: UrlMap, lang: str, pdfs: Pdfs) -> tuple[dict, dict]:
    """Every file of a language's own: logos and badges, vCards, feed, PDFs; and the renditions
    of each photo for the pages (the photos themselves are shared: shared_files)."""
    from generator.newsroom import images

    files = {d.path: d.make() for d in outputs.downloads(content, urls, lang, pdfs)}
    return dict(sorted(files.items())), images.image_renditions(content)


def _replace(site_dir: Path, new: Path) -> None:
    """Swap the finished tree in for site_dir; the old one is removed only after the swap."""
    old = None
    try:
        if site_dir.exists():
            old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
            site_dir.rename(old)
        new.rename(site_dir)
    except BaseException:  # interrupted between the two renames: put the old site back
        if old is not None and old.exists() and not site_dir.exists():
            old.rename(site_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
