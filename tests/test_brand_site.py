"""A second site with its own look (tests/fixtures/othersite): its pages carry its colours,
typeface and logo, not the bundled organisation's, and pass the same checkers as the bundled site
(Nu Html Checker, lychee, axe-core at 1280 and 375 px)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

# The checks are the bundled site's own, run on this site: mark their modules for assertion
# rewriting before importing them, as pytest does with plugins.
pytest.register_assert_rewrite("tests.quality_helpers", "tests.test_quality", "tests.test_browser")
from tests import test_browser as browser_checks  # noqa: E402
from tests import test_quality as quality_checks  # noqa: E402
from tests.quality_helpers import (  # noqa: E402
    AXE_JS,
    BUILD_NOW,
    ROOT,
    BuiltSite,
    SiteServer,
    run_tool,
)

pytest_plugins = ["tests.quality_helpers"]

# Debian's Chromium, launched once for this module, as in test_browser.py.
browser = browser_checks.browser
watches = browser_checks.watches

OTHERSITE = ROOT / "tests" / "fixtures" / "othersite"
BASE_URL = "https://www.nordlys-havklynge.example/"
PRIMARY, ACCENT, HERO = "#5c2d91", "#00695c", "#1a237e"
FAMILY = "Atkinson Hyperlegible"


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture built once, as of BUILD_NOW."""
    site = tmp_path_factory.mktemp("othersite") / "site"
    result = run_tool(
        [sys.executable, "build.py", "--content", str(OTHERSITE), "--now", BUILD_NOW]
        + ["--quiet", "build", "--site", str(site)],
        timeout=600,
        cwd=ROOT,
    )
    if result.returncode != 0 or not (site / "da" / "index.html").is_file():
        pytest.fail(
            f"building {OTHERSITE} failed (exit {result.returncode}):\n{result.stderr}",
            pytrace=False,
        )
    return BuiltSite(site, BASE_URL, ("da", "en"))


def _style_blocks(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return "\n".join(re.findall(r"<style>(.*?)</style>", text, re.S))


def test_every_page_carries_the_sites_colours_typeface_and_logo(other_site: BuiltSite):
    pages = other_site.html_pages("da") + other_site.html_pages("en")
    assert len(pages) > 20
    wrong = []
    for page in pages:
        style = _style_blocks(page)
        logos = re.findall(r'<img src="([^"]+)" alt="logo"[^>]*>', page.read_text(encoding="utf-8"))
        checks = {
            "primary": f"--md-primary-fg-color: {PRIMARY};" in style,
            "accent": f"--md-accent-fg-color: {ACCENT};" in style,
            "hero": f"--klynge-hero-bg: {HERO};" in style,
            "typeface": f'font-family: "{FAMILY}",' in style,
            "logo": bool(logos) and all(src.endswith("media/logos/nordlys.svg") for src in logos),
            "not the bundled look": "#0b3d5c" not in style,
            "not the bundled organisation": "Danish Life Science" not in page.read_text("utf-8"),
        }
        wrong += [f"{other_site.rel(page)}: {what}" for what, ok in checks.items() if not ok]
    for page in other_site.html_pages(""):  # the language chooser and 404 page at the root
        text = page.read_text(encoding="utf-8")
        if PRIMARY not in text or "#0b3d5c" in text:
            wrong.append(f"{other_site.rel(page)}: primary")
    assert not wrong, "\n".join(wrong)
    assert (other_site.root / "da" / "media" / "logos" / "nordlys.svg").is_file()
    fonts = other_site.root / "da" / "assets" / "fonts"
    assert (fonts / "atkinson-hyperlegible-latin-400-normal.woff2").is_file()


def test_the_browser_shows_the_sites_colours_and_typeface(browser, other_site: BuiltSite, watches):
    with SiteServer(other_site) as server:
        context, watch = browser_checks._new_context(
            browser, server, browser_checks.DESKTOP, watches
        )
        page = context.new_page()
        try:
            watch.goto(page, server.url("en/"), "en/")
            page.evaluate("() => document.fonts.ready")
            seen = page.evaluate(
                """family => ({
                  header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
                  headerText: getComputedStyle(document.querySelector('.md-header')).color,
                  hero: getComputedStyle(document.querySelector('.hero')).backgroundColor,
                  body: getComputedStyle(document.body).fontFamily,
                  loaded: document.fonts.check('16px "' + family + '"')
                    && [...document.fonts].some(f => f.family.replace(/"/g, '') === family
                                                  && f.status === 'loaded'),
                  logo: document.querySelector('.md-header .md-logo img').getAttribute('src'),
                })""",
                FAMILY,
            )
        finally:
            context.close()
    assert seen == {
        "header": "rgb(92, 45, 145)",
        "headerText": "rgb(255, 255, 255)",
        "hero": "rgb(26, 35, 126)",
        "body": f'"{FAMILY}", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
        "loaded": True,
        "logo": "media/logos/nordlys.svg",
    }
    assert not watch.problems(), watch.problems()


def test_every_page_is_valid_html_nu_checker(other_site: BuiltSite, tmp_path: Path) -> None:
    quality_checks.test_every_page_is_valid_html_nu_checker(other_site, tmp_path)


def test_no_broken_links_or_fragments_lychee(other_site: BuiltSite, tmp_path: Path) -> None:
    quality_checks.test_no_broken_links_or_fragments_lychee(other_site, tmp_path)


def test_axe_finds_no_wcag_violations_at_1280_and_375_px(
    browser, other_site: BuiltSite, watches
) -> None:
    desktop, phone = browser_checks.DESKTOP, browser_checks.PHONE
    pages = other_site.html_pages("da") + other_site.html_pages("en")
    violations: dict[str, dict[int, list[dict]]] = {}
    with SiteServer(other_site) as server:
        context, watch = browser_checks._new_context(browser, server, desktop, watches)
        page = context.new_page()
        try:
            for path in pages:
                label = other_site.rel(path)
                page.set_viewport_size(desktop)
                watch.goto(page, server.url(path), label)
                page.add_script_tag(path=str(AXE_JS))
                at_desktop = browser_checks._run_axe(page)
                page.set_viewport_size(phone)
                browser_checks._settle(page)
                violations[label] = {
                    desktop["width"]: at_desktop,
                    phone["width"]: browser_checks._run_axe(page),
                }
        finally:
            context.close()
    labels = list(violations)
    report = browser_checks._axe_report(
        browser_checks.Crawl(watch, labels, violations, 0.0), labels
    )
    if report:
        pytest.fail("axe-core on the second site:\n" + "\n".join(report), pytrace=False)
    assert not watch.problems(), watch.problems()
