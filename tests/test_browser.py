"""The built bundled site in a real browser: Debian's Chromium driven by Python Playwright.

One crawl visits every HTML page of both languages (and the root language chooser) once, runs
axe-core at 1280 px and again after narrowing the same page to 375 px, and records console errors,
uncaught exceptions and every request the browser makes. The tests below read that record. A few
tests then act as a visitor would: switch language, search, download a press kit, and look at the EU
emblem on a phone-sized screen. Requests to anything but the local server are aborted (and
reported), so nothing leaves the machine.
"""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.site.urls import section_slug

# The helpers module is also loaded as a pytest plugin (its fixtures exist once per session); mark
# it for assertion rewriting before importing it, as pytest does with plugins.
pytest.register_assert_rewrite("tests.quality_helpers")
from tests.quality_helpers import (  # noqa: E402
    AXE_JS,
    AXE_TAGS,
    CHROMIUM,
    CHROMIUM_FLAGS,
    BuiltSite,
    SiteServer,
    parse_html,
    require_file,
    require_module,
)

pytest_plugins = ["tests.quality_helpers"]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
TIMEOUT_MS = 20_000
# A word of each language's bundled content that the other language's pages do not contain.
SEARCH_WORDS = {"da": "velfærdsteknologi", "en": "lighthouse"}
EU_FUNDED_INITIATIVE = "en/initiatives/healthy-weight/"


def _lines(items, limit: int = 150) -> str:
    items = list(items)
    shown = "\n".join(f"  {item}" for item in items[:limit])
    return shown + (f"\n  ... and {len(items) - limit} more" if len(items) > limit else "")


# --------------------------------------------------------------------------------------------
# Browser, and a watch on what it does
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium (never a Playwright-downloaded browser), launched once for the module."""
    require_module("playwright", "pip install -r requirements-dev.txt (playwright==1.65.2)")
    require_file(Path(CHROMIUM), "apt-get install chromium")
    require_file(AXE_JS, "run `npm ci` (devDependency axe-core@4.14.1)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@dataclass
class Watch:
    """Everything a browser context did that a test may object to, labelled by the page being
    visited: console errors, uncaught exceptions, requests not for the local server (aborted),
    and main documents that did not load with status 200."""

    origin: str
    current: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)
    console_errors: list[tuple[str, str]] = field(default_factory=list)
    page_errors: list[tuple[str, str]] = field(default_factory=list)
    bad_loads: list[tuple[str, str]] = field(default_factory=list)

    def attach(self, context) -> None:
        context.on("request", lambda request: self.requests.append((self.current, request.url)))
        context.on("console", self._console)
        context.on(
            "weberror", lambda error: self.page_errors.append((self.current, str(error.error)))
        )
        context.route("**/*", self._route)

    def _console(self, message) -> None:
        if message.type == "error":
            where = message.location or {}
            source = f" [{where.get('url')}:{where.get('lineNumber')}]" if where.get("url") else ""
            self.console_errors.append((self.current, message.text + source))

    def _route(self, route) -> None:
        if self.is_local(route.request.url):
            route.fallback()
        else:
            route.abort("blockedbyclient")

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return parts.hostname == "127.0.0.1" and url.startswith(self.origin + "/")

    def goto(self, page, url: str, label: str | None = None):
        """Navigate, labelling what follows; a main document that is not 200 is recorded."""
        self.current = label or url[len(self.origin) + 1 :]
        response = page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        if response is None or response.status != 200:
            self.bad_loads.append((self.current, f"status {response and response.status}"))
        return response

    def problems(self) -> list[tuple[str, str, str]]:
        """(page, kind, text) for every console error, uncaught exception and failed load."""
        return (
            [(page, "console error", text) for page, text in self.console_errors]
            + [(page, "uncaught exception", text) for page, text in self.page_errors]
            + [(page, "did not load", text) for page, text in self.bad_loads]
        )


@pytest.fixture(scope="module")
def watches() -> list[Watch]:
    """Every browser context's watch, for the last two tests of this module."""
    return []


def _new_context(browser, server: SiteServer, viewport: dict, watches: list[Watch]):
    """A fresh context (own profile state) whose doings are watched and kept in ``watches``."""
    context = browser.new_context(viewport=viewport, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    watch = Watch(server.origin)
    watch.attach(context)
    watches.append(watch)
    return context, watch


def _settle(page) -> None:
    """Wait two animation frames, so layout and resize handlers have run."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


# --------------------------------------------------------------------------------------------
# The crawl: every page, axe at two widths, everything the browser did
# --------------------------------------------------------------------------------------------

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


@dataclass
class Crawl:
    watch: Watch
    pages: list[str]
    # page label -> width -> violations
    violations: dict[str, dict[int, list[dict]]]
    seconds: float


def _run_axe(page) -> list[dict]:
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        {
            "id": v["id"],
            "impact": v.get("impact"),
            "help": v.get("help"),
            "nodes": [
                (
                    " ".join(map(str, n.get("target", []))),
                    " ".join((n.get("failureSummary") or "").split())[:400],
                )
                for n in v.get("nodes", [])
            ],
        }
        for v in result["violations"]
    ]


def _strip_redirect(route) -> None:
    """Serve the root language chooser without its redirecting script, as a visitor without
    JavaScript sees it (with the script, the browser leaves the page at once)."""
    response = route.fetch()
    body = re.sub(r"(?is)<script\b(?![^>]*\bsrc=)[^>]*>.*?</script>", "", response.text())
    route.fulfill(response=response, body=body)


@pytest.fixture(scope="module")
def crawl(browser, built_site: BuiltSite, site_server: SiteServer, watches: list[Watch]) -> Crawl:
    started = time.perf_counter()
    pages = built_site.html_pages()
    assert pages, f"no HTML pages in {built_site.root}"
    context, watch = _new_context(browser, site_server, DESKTOP, watches)
    page = context.new_page()
    violations: dict[str, dict[int, list[dict]]] = {}
    labels = []
    try:
        for path in pages:
            label = built_site.rel(path)
            labels.append(label)
            url = site_server.url(path)
            chooser = path.parent == built_site.root
            if chooser:
                page.route(url, _strip_redirect)
            page.set_viewport_size(DESKTOP)
            watch.goto(page, url, label)
            if chooser:
                page.unroute(url)
            page.add_script_tag(path=str(AXE_JS))
            desktop = _run_axe(page)
            page.set_viewport_size(PHONE)
            _settle(page)
            violations[label] = {DESKTOP["width"]: desktop, PHONE["width"]: _run_axe(page)}
    finally:
        context.close()
    seconds = time.perf_counter() - started
    print(
        f"\n[browser] crawled {len(pages)} pages (axe at 1280 and 375 px) in {seconds:.1f}s",
        flush=True,
    )
    return Crawl(watch, labels, violations, seconds)


def _axe_report(crawl: Crawl, pages: list[str], per_group: int = 8) -> list[str]:
    """One entry per (rule, element, message), with the pages (and widths) where it occurs."""
    groups: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for label in pages:
        for width, found in crawl.violations[label].items():
            for v in found:
                for target, summary in v["nodes"]:
                    key = (v["id"], v["impact"], v["help"], target, summary)
                    groups[key][label].append(width)
    report = []
    widths = {DESKTOP["width"], PHONE["width"]}
    for (rule, impact, help_, target, summary), where in sorted(
        groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))
    ):
        places = [
            label if set(w) == widths else f"{label} (at {'/'.join(map(str, w))} px only)"
            for label, w in where.items()
        ]
        more = f" ... and {len(places) - per_group} more" if len(places) > per_group else ""
        report.append(
            f"{rule} [{impact}] {help_}\n      element: {target}\n      {summary}\n"
            f"      on {len(places)} page(s): {', '.join(places[:per_group])}{more}"
        )
    return report


@pytest.mark.parametrize("section", ["da", "en", "chooser"])
def test_axe_finds_no_wcag_violations_at_1280_and_375_px(crawl: Crawl, section: str) -> None:
    pages = [
        p
        for p in crawl.pages
        if (p.startswith(f"{section}/") if section != "chooser" else "/" not in p)
    ]
    assert pages, f"no pages for {section}"
    report = _axe_report(crawl, pages)
    if report:
        rules = defaultdict(set)
        for label in pages:
            for found in crawl.violations[label].values():
                for v in found:
                    rules[v["id"]].add(label)
        summary = ", ".join(
            f"{rule} on {len(p)} of {len(pages)} pages" for rule, p in sorted(rules.items())
        )
        pytest.fail(
            f"axe-core ({', '.join(AXE_TAGS)}) on the {section} pages: {summary}\n"
            + _lines(report, 300),
            pytrace=False,
        )


def test_axe_finds_no_wcag_violations_on_the_events_pages(
    browser, events_site: BuiltSite, watches: list[Watch]
) -> None:
    """The bundled content has no events, banner photo, portraits or member logos: the events
    section, each event page, the home pages with their events block, banner photo and member
    logos, and the press rooms with a contact's portrait are checked on the events site, at
    both widths."""
    pages = [
        p
        for p in events_site.html_pages()
        if re.match(
            r"(da/arrangementer|en/events)/|(da|en|da/presse|en/press)/index\.html$",
            events_site.rel(p),
        )
    ]
    assert len(pages) == 2 + 2 + 2 + 6 * 2, [events_site.rel(p) for p in pages]
    with SiteServer(events_site) as server:
        context, watch = _new_context(browser, server, DESKTOP, watches)
        page = context.new_page()
        violations: dict[str, dict[int, list[dict]]] = {}
        try:
            for path in pages:
                label = events_site.rel(path)
                page.set_viewport_size(DESKTOP)
                watch.goto(page, server.url(path), label)
                page.add_script_tag(path=str(AXE_JS))
                desktop = _run_axe(page)
                page.set_viewport_size(PHONE)
                _settle(page)
                violations[label] = {DESKTOP["width"]: desktop, PHONE["width"]: _run_axe(page)}
        finally:
            context.close()
    labels = list(violations)
    report = _axe_report(Crawl(watch, labels, violations, 0.0), labels)
    if report:
        pytest.fail(f"axe-core on the events pages:\n{_lines(report, 300)}", pytrace=False)


# --------------------------------------------------------------------------------------------
# A visitor's actions
# --------------------------------------------------------------------------------------------


def _alternate(built_site: BuiltSite, page_url_path: str, lang: str) -> str:
    """The production URL of a page's hreflang alternate in ``lang``."""
    page = built_site.root / page_url_path / "index.html"
    for attrs in parse_html(page).links("alternate"):
        if attrs.get("hreflang") == lang:
            return attrs["href"]
    pytest.fail(f"{page_url_path} has no <link rel=alternate hreflang={lang}>", pytrace=False)


def _switch_language(page, lang: str) -> None:
    """Open Material's language menu in the header (it opens on hover) and click a language."""
    page.locator(".md-header .md-select").first.hover()
    link = page.locator(f".md-header a.md-select__link[hreflang={lang}]").first
    link.wait_for(state="visible")
    link.click()


def test_language_switcher_leads_to_the_counterpart_page(
    browser, built_site: BuiltSite, site_server: SiteServer, watches: list[Watch]
) -> None:
    start = EU_FUNDED_INITIATIVE
    danish = _alternate(built_site, start, "da")
    assert danish.rstrip("/") != f"{built_site.base_url}da", (
        f"the Danish alternate of {start} is the Danish home page, not its counterpart"
    )
    context, watch = _new_context(browser, site_server, DESKTOP, watches)
    try:
        page = context.new_page()
        watch.goto(page, site_server.url(start))
        _switch_language(page, "da")
        page.wait_for_url(site_server.local(danish))
        watch.current = f"{start} -> da"
        assert page.locator("html").get_attribute("lang") == "da"
        assert page.locator("link[rel=canonical]").get_attribute("href") == danish
        _switch_language(page, "en")
        page.wait_for_url(site_server.url(start))
        assert page.locator("html").get_attribute("lang") == "en"
        page.wait_for_load_state("load")
    finally:
        context.close()


@pytest.mark.parametrize("lang", sorted(SEARCH_WORDS))
def test_search_finds_a_word_of_the_language(
    browser, site_server: SiteServer, watches: list[Watch], lang: str
) -> None:
    word = SEARCH_WORDS[lang]
    context, watch = _new_context(browser, site_server, DESKTOP, watches)
    try:
        page = context.new_page()
        watch.goto(page, site_server.url(f"{lang}/"))
        box = page.locator(".md-search__input")
        box.click()
        box.press_sequentially(word, delay=15)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="visible")
        hrefs = [
            a.get_attribute("href") or ""
            for a in page.locator(".md-search-result__item a.md-search-result__link").all()
        ]
        marks = [m.inner_text().lower() for m in page.locator(".md-search-result mark").all()]
        meta = page.locator(".md-search-result__meta").inner_text()
    finally:
        context.close()
    assert hrefs, f"no result links for {word!r} on the {lang} site ({meta!r})"
    wrong = [h for h in hrefs if not h.startswith(f"{site_server.origin}/{lang}/")]
    assert not wrong, f"{lang} search for {word!r} leads outside /{lang}/: {wrong}"
    assert any(word[:6] in m for m in marks), (
        f"no highlighted match of {word!r} in the {lang} results: marks {marks[:10]}, {meta!r}"
    )


def _pages_with_json_ld(built_site: BuiltSite, lang: str, type_: str) -> list[Path]:
    found = []
    for page in built_site.html_pages(lang):
        for attrs, text, _line in parse_html(page).scripts:
            if attrs.get("type") == "application/ld+json" and f'"{type_}"' in text:
                try:
                    data = json.loads(text)
                except ValueError:
                    continue
                if isinstance(data, dict) and data.get("@type") == type_:
                    found.append(page)
    return found


def test_press_kit_link_on_the_english_release_downloads_a_zip(
    browser, built_site: BuiltSite, site_server: SiteServer, watches: list[Watch]
) -> None:
    releases = _pages_with_json_ld(built_site, "en", "NewsArticle")
    assert releases, "no English press release page (NewsArticle JSON-LD) in the built site"
    release = releases[0]
    context, watch = _new_context(browser, site_server, DESKTOP, watches)
    try:
        page = context.new_page()
        watch.goto(page, site_server.url(release))
        zips = page.locator('.md-content a[href$=".zip"]')
        kits = [a for a in zips.all() if "kit" in (a.get_attribute("href") or "").lower()]
        assert kits or zips.count(), f"no .zip link on {built_site.rel(release)}"
        link = kits[0] if kits else zips.first
        href = link.get_attribute("href")
        with page.expect_download() as info:
            link.click()
        download = info.value
        data = Path(download.path()).read_bytes()
        name = download.suggested_filename
    finally:
        context.close()
    assert name.endswith(".zip"), f"{href} downloads as {name!r}"
    assert data[:4] == b"PK\x03\x04", f"{href} is not a ZIP: starts with {data[:16]!r}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None, f"{href}: a corrupt member"
        assert archive.namelist(), f"{href}: an empty ZIP"


def test_eu_emblem_is_visible_at_375_px_without_horizontal_scrolling(
    browser, site_server: SiteServer, watches: list[Watch]
) -> None:
    context, watch = _new_context(browser, site_server, PHONE, watches)
    try:
        page = context.new_page()
        watch.goto(page, site_server.url(EU_FUNDED_INITIATIVE))
        emblem = page.locator("img.eu-emblem").first
        emblem.wait_for(state="visible")
        emblem.scroll_into_view_if_needed()
        _settle(page)
        loaded = emblem.evaluate("img => img.complete && img.naturalWidth > 0")
        in_content = emblem.evaluate("img => !!img.closest('main, article, .md-content')")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        box = emblem.bounding_box()
    finally:
        context.close()
    assert loaded, "the EU emblem image did not load"
    assert in_content, "the EU emblem is not in the main content"
    assert scroll_width <= PHONE["width"], (
        f"the page scrolls sideways at {PHONE['width']} px: scrollWidth {scroll_width}"
    )
    assert box and box["width"] > 0 and box["height"] > 0, f"emblem box {box}"
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
        f"the emblem sticks out of the {PHONE['width']} px viewport: {box}"
    )


# Cards laid out as grids: (section, what, a card's selector, most columns at 375 px). Logos are
# small enough for two in a row on a phone.
CARD_GRIDS = (
    ("certifications", "certification cards", ".cert-grid > ul > li", 1),
    ("organisations", "logo wall", "ul.logo-wall > li", 2),
    ("", "certification cards on the home page", ".klynge-cards > *", 1),
)


@pytest.mark.parametrize(("section", "what", "selector", "phone_columns"), CARD_GRIDS)
def test_cards_sit_side_by_side_at_1280_px_and_narrow_at_375(
    browser, site_server: SiteServer, watches: list[Watch], section, what, selector, phone_columns
) -> None:
    path = f"en/{section_slug(section, 'en')}/" if section else "en/"
    columns = {}
    for viewport in (DESKTOP, PHONE):
        context, watch = _new_context(browser, site_server, viewport, watches)
        try:
            page = context.new_page()
            watch.goto(page, site_server.url(path))
            lefts = page.eval_on_selector_all(
                selector, "cards => cards.map(c => Math.round(c.getBoundingClientRect().left))"
            )
        finally:
            context.close()
        assert len(lefts) >= 2, f"{path}: fewer than two {what} ({selector})"
        columns[viewport["width"]] = len(set(lefts))
    assert columns[DESKTOP["width"]] >= 2, f"{path}: the {what} stand in one column at 1280 px"
    assert columns[PHONE["width"]] <= phone_columns, f"{path}: the {what} make {columns} columns"


# The rendered size of the chart text against the body text's, in CSS pixels.
CHART_TEXT = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize);
  const sizes = [...document.querySelectorAll('.chart svg')].map(svg => {
    const label = svg.querySelector('text');
    return parseFloat(getComputedStyle(label).fontSize) * svg.getBoundingClientRect().width
      / svg.viewBox.baseVal.width;
  });
  return {body, sizes};
}"""


def test_chart_text_stays_near_body_size_at_1280_and_readable_at_375_px(
    browser, site_server: SiteServer, watches: list[Watch]
) -> None:
    for viewport, lowest, highest in ((DESKTOP, 0.75, 1.0), (PHONE, 0.65, 1.0)):
        context, watch = _new_context(browser, site_server, viewport, watches)
        try:
            page = context.new_page()
            watch.goto(page, site_server.url("en/initiatives/"))
            found = page.evaluate(CHART_TEXT)
        finally:
            context.close()
        assert len(found["sizes"]) >= 2, "the initiatives overview shows fewer than two charts"
        for size in found["sizes"]:
            ratio = size / found["body"]
            assert lowest <= ratio <= highest, (
                f"at {viewport['width']} px chart text is {size:.1f} px, body {found['body']} px"
            )


# The layout shift a visitor saw while the page loaded (Cumulative Layout Shift).
LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 500);
})"""


@pytest.mark.parametrize("section", ["", "press", "organisations", "certifications"])
def test_logos_badges_and_thumbnails_do_not_shift_the_page_as_they_load(
    browser, site_server: SiteServer, watches: list[Watch], section: str
) -> None:
    path = f"da/{section_slug(section, 'da')}/" if section else "da/"
    for viewport in (DESKTOP, PHONE):
        context, watch = _new_context(browser, site_server, viewport, watches)
        try:
            page = context.new_page()
            # Images arrive late, as on a slow line, so a missing size would show as a shift.
            page.route("**/*.{svg,png,jpg}", lambda route: (time.sleep(0.2), route.continue_()))
            watch.goto(page, site_server.url(path))
            page.wait_for_load_state("load")
            shift = page.evaluate(LAYOUT_SHIFT)
        finally:
            context.close()
        assert shift < 0.01, f"{path} at {viewport['width']} px: layout shift {shift:.3f}"


# --------------------------------------------------------------------------------------------
# What the browser did on every page visited above (these run last: pytest keeps file order)
# --------------------------------------------------------------------------------------------


def _grouped(items: list[tuple[str, str]], what: str, examples: int = 3) -> list[str]:
    """(page, text) pairs grouped by the text with its URL reduced to the file name, so one cause
    repeated on every page reads as one line, with a count and example pages."""
    groups: dict[str, list[str]] = defaultdict(list)
    for page, text in items:
        key = re.sub(r"(https?://[^/\s\]]+)?/(?:[^/\s\]]+/)*([^/\s\]]*)", r"\1/.../\2", text)
        groups[key].append(f"{page}: {text}")
    lines = []
    for key, hits in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"{len(hits)} x {what}: {key}")
        lines += [f"    e.g. {hit}" for hit in hits[:examples]]
    return lines


def test_no_console_errors_on_any_visited_page(crawl: Crawl, watches: list[Watch]) -> None:
    problems = list(
        dict.fromkeys(
            (page, f"{kind}: {text}") for watch in watches for page, kind, text in watch.problems()
        )
    )
    if problems:
        pytest.fail(
            f"{len(problems)} console errors, exceptions or failed loads while visiting "
            f"the {len(crawl.pages)} pages and doing the actions above:\n"
            + _lines(_grouped(problems, "on a page")),
            pytrace=False,
        )


def test_every_request_goes_to_the_local_server(crawl: Crawl, watches: list[Watch]) -> None:
    local = [url for watch in watches for _page, url in watch.requests if watch.is_local(url)]
    assert len(local) >= len(crawl.pages), "the crawl recorded too few requests to be believed"
    foreign = sorted(
        {
            (page, url)
            for watch in watches
            for page, url in watch.requests
            if not watch.is_local(url)
        }
    )
    if foreign:
        hosts = sorted({urlsplit(url).netloc for _page, url in foreign})
        pytest.fail(
            f"{len(foreign)} requests to {', '.join(hosts)} (aborted; only "
            f"{crawl.watch.origin} may be asked):\n" + _lines(_grouped(foreign, "request")),
            pytrace=False,
        )


def test_no_page_fetches_a_sitemap(crawl: Crawl, watches: list[Watch]) -> None:
    # Material's script fetches and parses the sitemap.xml beside every <link rel=alternate>: for
    # the feed link, that is the language's whole sitemap, on every page view.
    asked = sorted(
        {
            (page, url)
            for watch in watches
            for page, url in watch.requests
            if urlsplit(url).path.endswith(("sitemap.xml", "sitemap.xml.gz"))
        }
    )
    assert not asked, "pages fetched a sitemap:\n" + _lines(_grouped(asked, "request"))


# --------------------------------------------------------------------------------------------
# Numbered listing pages and printing
# --------------------------------------------------------------------------------------------


def test_axe_finds_no_wcag_violations_on_numbered_listing_pages(
    browser, paged_site: BuiltSite, watches: list[Watch]
) -> None:
    """The bundled listings fit one page: with two records a page (the paged site) the
    initiatives and the network run over numbered pages, checked here at both widths."""
    pages = [
        paged_site.root / path / "index.html"
        for path in (
            "en/initiatives",
            "en/initiatives/page/2",
            "da/indsatser/side/2",
            "en/network/page/3",
            "da/netvaerk",
        )
    ]
    with SiteServer(paged_site) as server:
        context, watch = _new_context(browser, server, DESKTOP, watches)
        page = context.new_page()
        violations: dict[str, dict[int, list[dict]]] = {}
        try:
            for path in pages:
                label = paged_site.rel(path)
                page.set_viewport_size(DESKTOP)
                watch.goto(page, server.url(path), label)
                assert page.locator("nav.pager a[aria-current=page]").count() == 1, label
                page.add_script_tag(path=str(AXE_JS))
                desktop = _run_axe(page)
                page.set_viewport_size(PHONE)
                _settle(page)
                violations[label] = {DESKTOP["width"]: desktop, PHONE["width"]: _run_axe(page)}
        finally:
            context.close()
    labels = list(violations)
    report = _axe_report(Crawl(watch, labels, violations, 0.0), labels)
    if report:
        pytest.fail(f"axe-core on the numbered pages:\n{_lines(report, 300)}", pytrace=False)


PRINT_CHECK = """() => {
  const shown = el => el && getComputedStyle(el).display !== 'none'
    && !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const chrome = ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-search', '.md-footer',
                  'nav.breadcrumbs', '.md-top']
    .filter(sel => [...document.querySelectorAll(sel)].some(shown));
  const body = getComputedStyle(document.body);
  const links = [...document.querySelectorAll('.md-content a[href^="http"]')]
    .map(a => getComputedStyle(a, '::after').content);
  return {chrome, colour: body.color, background: body.backgroundColor, links,
          title: shown(document.querySelector('.md-content h1'))};
}"""


def test_an_event_and_a_release_print_as_documents_with_link_addresses(
    browser, events_site: BuiltSite, watches: list[Watch]
) -> None:
    """Printed from the browser, a page shows its text alone, black on white, with the address
    of each link to another site after the link."""
    event = next(
        p
        for p in sorted((events_site.root / "en" / "events").glob("*/index.html"))
        if "https://tilmelding.example.org/" in p.read_text(encoding="utf-8")
    )
    release = next(
        p
        for p in sorted((events_site.root / "en" / "press").glob("*/index.html"))
        if not p.parent.name.isdigit()
    )
    results = {}
    with SiteServer(events_site) as server:
        context, watch = _new_context(browser, server, DESKTOP, watches)
        page = context.new_page()
        try:
            page.emulate_media(media="print")
            for path in (event, release):
                watch.goto(page, server.url(path), events_site.rel(path))
                results[events_site.rel(path)] = page.evaluate(PRINT_CHECK)
            pdf = page.pdf(format="A4")
        finally:
            context.close()
    assert pdf.startswith(b"%PDF"), "Chromium printed no PDF"
    for label, result in results.items():
        assert result["chrome"] == [], f"{label}: printed with {result['chrome']}"
        assert result["title"], f"{label}: the title is not printed"
        assert result["colour"] == "rgb(0, 0, 0)", f"{label}: text colour {result['colour']}"
        assert result["background"] == "rgb(255, 255, 255)", label
    event_links = results[events_site.rel(event)]["links"]
    assert any("https://tilmelding.example.org/" in text for text in event_links), event_links
