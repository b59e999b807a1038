"""A site in Danish, English and German, made from data only: the trilingual fixture
(tests/fixtures/trilingual/content, `languages: [da, en, de]`), the German entry of the language
table and the German UI catalogue.

The German pages get German slugs, number formats, the German EU statement and a German search
index; hreflang, the switcher, sitemaps, feeds and PDFs cover all three languages; and the site
passes the same external checkers and browser checks as the bundled site (the quality tests are
run here against this build, with the fixtures below in place of the bundled ones).
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

pytest.register_assert_rewrite("tests.quality_helpers")
from tests import test_browser as browser_checks  # noqa: E402
from tests import test_quality as quality_checks  # noqa: E402
from tests.quality_helpers import BuiltSite, SiteServer, parse_html  # noqa: E402

# The browser module's fixtures, instantiated again for this module (they are module-scoped).
from tests.test_browser import browser, crawl, watches  # noqa: E402, F401

pytest_plugins = ["tests.quality_helpers"]

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "fixtures" / "trilingual" / "content"
NOW = "2026-11-25 12:00"
BASE = "https://www.klynge.example/"
LANGUAGES = ("da", "en", "de")
INITIATIVE = {
    "da": "da/indsatser/groen-omstilling/",
    "en": "en/initiatives/green-transition/",
    "de": "de/initiativen/gruener-wandel/",
}
NAMES = {"da": "Dansk", "en": "English", "de": "Deutsch"}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The trilingual fixture built once for this module (replaces the bundled site here)."""
    site = tmp_path_factory.mktemp("trilingual") / "site"
    result = subprocess.run(
        [sys.executable, "build.py", "--content", str(CONTENT), "--now", NOW, "--quiet"]
        + ["build", "--site", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site, BASE, LANGUAGES)


@pytest.fixture(scope="module")
def site_server(built_site: BuiltSite):
    with SiteServer(built_site) as server:
        yield server


def _page(site: BuiltSite, path: str) -> str:
    return (site.root / path / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    # Collapse ASCII white space only: the no-break spaces of German amounts are kept.
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", "\xa0"))


# --- German made from data -------------------------------------------------------------------


def test_german_pages_have_german_slugs(built_site: BuiltSite) -> None:
    for path in (
        "de/initiativen/gruener-wandel/",
        "de/initiativen/region/fuenen/",
        "de/initiativen/fonds/europaeischer-fonds-fuer-regionale-entwicklung/",
        "de/initiativen/schwerpunkt/innovation/",
        "de/initiativen/startjahr/2021/",
        "de/presse/eu-foerdert-den-gruenen-wandel/",
        "de/presse/2024/",
        "de/zertifizierungen/gold-label/",
        "de/netzwerk/das-cluster/",
        "de/kontakt/",
        "de/ueber-uns/",
        "de/veranstaltungen/",
        "de/veranstaltungen/thementag-zum-gruenen-wandel/",
    ):
        assert (built_site.root / path / "index.html").is_file(), path


def test_german_amounts_dates_and_eu_statement(built_site: BuiltSite) -> None:
    text = _text(_page(built_site, INITIATIVE["de"]))
    assert "92.524.800\xa0DKK (ca. 12.402.788\xa0EUR)" in text
    assert "23. November 2021" in text
    assert "Kofinanziert von der Europäischen Union" in text
    assert "Medfinansieret" not in text and "Co-funded" not in text
    # Danish and English keep their formats.
    assert "92.524.800 kr." in _text(_page(built_site, INITIATIVE["da"]))
    assert "DKK 92,524,800 (approx. EUR 12,402,788)" in _text(_page(built_site, INITIATIVE["en"]))


def test_german_event_page_and_calendar(built_site: BuiltSite) -> None:
    folder = "de/veranstaltungen/thementag-zum-gruenen-wandel/"
    assert "10. März 2027, 09:30–15:00 Uhr" in _text(_page(built_site, folder))
    ics = (built_site.root / folder / "thementag-zum-gruenen-wandel.ics").read_text("utf-8")
    assert "SUMMARY;LANGUAGE=de:Thementag zum grünen Wandel" in ics
    assert (built_site.root / "de/veranstaltungen/calendar.ics").is_file()


def test_hreflang_is_reciprocal_among_all_three_and_x_default(built_site: BuiltSite) -> None:
    expected = {lang: BASE + path for lang, path in INITIATIVE.items()} | {"x-default": BASE}
    for path in INITIATIVE.values():
        links = parse_html(built_site.root / path / "index.html").links("alternate")
        found = {a["hreflang"]: a["href"] for a in links if a.get("hreflang")}
        assert found == expected, path


def test_switcher_offers_both_other_languages(built_site: BuiltSite) -> None:
    link = re.compile(r'hreflang="(\w+)" lang="\w+" class="md-select__link">([^<]+)<')
    for lang, path in INITIATIVE.items():
        offered = dict(link.findall(_page(built_site, path)))
        # Every other language by its own name (the menu also names the current one).
        assert {code: offered.get(code) for code in NAMES if code != lang} == {
            code: name for code, name in NAMES.items() if code != lang
        }, (lang, offered)


def test_untranslated_record_shows_the_german_fallback_notice(built_site: BuiltSite) -> None:
    html = _page(built_site, "de/netzwerk/partnerklyngen/")
    text = _text(html)
    assert "Nur auf Dänisch verfügbar" in text
    assert "Diese Seite ist nicht übersetzt. Sie wird auf Dänisch angezeigt." in text
    assert f'<link rel="canonical" href="{BASE}da/netvaerk/partnerklyngen/">' in html
    links = parse_html(built_site.root / "de/netzwerk/partnerklyngen/index.html").links("alternate")
    assert not [a for a in links if a.get("hreflang") == "de"]
    danish = parse_html(built_site.root / "da/netvaerk/partnerklyngen/index.html")
    assert {a["hreflang"] for a in danish.links("alternate") if a.get("hreflang")} == {
        "da",
        "en",
        "x-default",
    }


def test_german_search_index_uses_the_german_stemmer(built_site: BuiltSite) -> None:
    for lang in LANGUAGES:
        index = json.loads((built_site.root / lang / "search/search_index.json").read_text())
        assert index["config"]["lang"] == [lang]
    index = json.loads((built_site.root / "de/search/search_index.json").read_text())
    assert any("Weniger Emissionen" in doc["text"] for doc in index["docs"])


def test_sitemaps_and_feeds_cover_german(built_site: BuiltSite) -> None:
    root = (built_site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{BASE}de/sitemap.xml" in root
    german = (built_site.root / "de/sitemap.xml").read_text(encoding="utf-8")
    assert f"{BASE}de/initiativen/gruener-wandel/" in german
    feed = (built_site.root / "de/feed.xml").read_text(encoding="utf-8")
    assert "EU fördert den grünen Wandel" in feed


def test_the_root_chooser_offers_all_three(built_site: BuiltSite) -> None:
    html = (built_site.root / "index.html").read_text(encoding="utf-8")
    for name, prompt in (
        ("Dansk", "Vælg sprog"),
        ("English", "Choose a language"),
        ("Deutsch", "Sprache wählen"),
    ):
        assert name in html and prompt in html


def test_german_pdf_and_press_kit(built_site: BuiltSite) -> None:
    pdf = built_site.root / "de/presse/eu-foerdert-den-gruenen-wandel"
    pdf = pdf / "eu-foerdert-den-gruenen-wandel.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    text = " ".join(text.split())
    assert "EU fördert den grünen Wandel" in text
    assert "Kofinanziert von der Europäischen Union" in text
    assert "Pressekontakt" in text or "Pressesprecherin" in text
    with zipfile.ZipFile(built_site.root / "press-kits/2024-03-01-eu-stoette.zip") as kit:
        assert {"release-de.pdf", "release-de.docx", "fact-sheet-de.md"} <= set(kit.namelist())
        assert "EU fördert den grünen Wandel" in kit.read("release-de.md").decode("utf-8")


def test_page_not_found_speaks_all_three(built_site: BuiltSite) -> None:
    root = (built_site.root / "404.html").read_text(encoding="utf-8")
    for lang, heading in (
        ("da", "Siden blev ikke fundet"),
        ("en", "Page not found"),
        ("de", "Seite nicht gefunden"),
    ):
        assert f'<section lang="{lang}">\n<h1>{heading}</h1>' in root
    german = (built_site.root / "de/404.html").read_text(encoding="utf-8")
    assert "Seite nicht gefunden" in german
    assert "/de/* " in (built_site.root / "_redirects").read_text(encoding="utf-8")


def test_vcards_exist_for_every_language(built_site: BuiltSite) -> None:
    for folder in ("da/kontakt", "en/contact", "de/kontakt"):
        assert (built_site.root / folder / "mette-lund.vcf").is_file(), folder


def test_german_needs_no_python() -> None:
    """Everything German is data: no generator module holds the code or a German value."""
    from generator import languages

    german = languages.language("de")
    english = languages.language("en")
    values = {"de", german.locale, german.own_name, german.eu_statement, german.start_year}
    values |= {slug for slug in german.sections.values() if slug not in english.sections.values()}
    values |= {slug for slug in german.facets.values() if slug not in english.facets.values()}
    found = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in values:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not found, found


# --- the bundled site's quality gates, on this build ------------------------------------------


def test_valid_html_nu_checker(built_site: BuiltSite, tmp_path: Path) -> None:
    quality_checks.test_every_page_is_valid_html_nu_checker(built_site, tmp_path)


def test_no_broken_links_lychee(built_site: BuiltSite, tmp_path: Path) -> None:
    quality_checks.test_no_broken_links_or_fragments_lychee(built_site, tmp_path)


def test_sitemaps_validate_against_xsd(built_site: BuiltSite, tmp_path: Path) -> None:
    quality_checks.test_sitemaps_validate_against_sitemaps_org_xsd(built_site, tmp_path)


def test_sitemap_index_lists_every_language(built_site: BuiltSite) -> None:
    quality_checks.test_sitemap_index_lists_every_language_sitemap(built_site)


def test_feeds_parse(built_site: BuiltSite) -> None:
    quality_checks.test_every_feed_parses_with_feedparser_and_atoma(built_site)


def test_json_ld(built_site: BuiltSite) -> None:
    quality_checks.test_json_ld_parses_and_has_the_required_properties(built_site)


def test_nothing_loaded_from_outside(built_site: BuiltSite) -> None:
    quality_checks.test_nothing_is_loaded_from_outside_the_site(built_site)


@pytest.mark.parametrize("section", [*LANGUAGES, "chooser"])
def test_axe(crawl, section: str) -> None:  # noqa: F811
    browser_checks.test_axe_finds_no_wcag_violations_at_1280_and_375_px(crawl, section)


def test_switcher_goes_round_all_three_languages(
    browser,  # noqa: F811
    built_site: BuiltSite,
    site_server: SiteServer,
    watches,  # noqa: F811
) -> None:
    context, watch = browser_checks._new_context(
        browser, site_server, browser_checks.DESKTOP, watches
    )
    try:
        page = context.new_page()
        watch.goto(page, site_server.url(INITIATIVE["de"]))
        for lang in ("da", "en", "de"):
            offered = page.locator(".md-header a.md-select__link").evaluate_all(
                "links => links.map(a => a.getAttribute('hreflang'))"
            )
            current = page.locator("html").get_attribute("lang")
            assert set(offered) >= {x for x in LANGUAGES if x != current}, offered
            browser_checks._switch_language(page, lang)
            page.wait_for_url(site_server.url(INITIATIVE[lang]))
            watch.current = f"{INITIATIVE['de']} -> {lang}"
            assert page.locator("html").get_attribute("lang") == lang
            canonical = page.locator("link[rel=canonical]").get_attribute("href")
            assert canonical == BASE + INITIATIVE[lang]
    finally:
        context.close()


def test_german_search_finds_a_german_word(
    browser,  # noqa: F811
    site_server: SiteServer,
    watches,  # noqa: F811
) -> None:
    context, watch = browser_checks._new_context(
        browser, site_server, browser_checks.DESKTOP, watches
    )
    try:
        page = context.new_page()
        watch.goto(page, site_server.url("de/"))
        box = page.locator(".md-search__input")
        box.click()
        box.press_sequentially("Emissionen", delay=15)
        page.locator(".md-search-result__item").first.wait_for(state="visible")
        hrefs = [
            a.get_attribute("href") or ""
            for a in page.locator(".md-search-result__item a.md-search-result__link").all()
        ]
    finally:
        context.close()
    assert hrefs and all(h.startswith(f"{site_server.origin}/de/") for h in hrefs), hrefs


def test_no_console_errors(crawl, watches) -> None:  # noqa: F811
    browser_checks.test_no_console_errors_on_any_visited_page(crawl, watches)


def test_every_request_is_local(crawl, watches) -> None:  # noqa: F811
    browser_checks.test_every_request_goes_to_the_local_server(crawl, watches)
