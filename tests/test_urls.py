"""Addresses: per-language paths, the translation map and relative links between pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clock import build_now
from generator.content.model import load_content
from generator.site.urls import build_url_map, make_slug, relative

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
DANISH_ONLY = ("press_release", "2026-06-01-kun-paa-dansk")


@pytest.fixture(scope="module")
def urls():
    return build_url_map(load_content(FIXTURE, build_now("2026-11-25T12:00:00+00:00")))


def test_slugs_transliterate_danish_letters():
    assert make_slug("Sund Vægt") == "sund-vaegt"
    assert make_slug("Ærø og Åbenrå") == "aeroe-og-aabenraa"


def test_each_record_has_its_own_slug_in_each_language(urls):
    key = ("press_release", "2026-03-02-eu-stoette")
    assert urls.path(key, "da") == "presse/eu-stoette-til-groenne-hospitaler/"
    assert urls.url(key, "en") == (
        "https://www.klynge.example/en/press/eu-support-for-green-hospitals/"
    )
    assert urls.doc_file(key, "en") == "press/eu-support-for-green-hospitals/index.md"
    assert urls.alternates(key) == {
        "da": "https://www.klynge.example/da/presse/eu-stoette-til-groenne-hospitaler/",
        "en": "https://www.klynge.example/en/press/eu-support-for-green-hospitals/",
    }


def test_a_one_language_release_has_one_alternate_but_a_page_in_both(urls):
    assert urls.path(DANISH_ONLY, "en") == "press/nyt-kontor-i-aeroeskoebing/"
    assert urls.alternates(DANISH_ONLY) == {
        "da": "https://www.klynge.example/da/presse/nyt-kontor-i-aeroeskoebing/"
    }


def test_listings_exist_for_used_terms_and_years_only(urls):
    keys = set(urls.keys())
    assert ("facet", "regions", "syddanmark") in keys
    assert urls.path(("facet", "funds", "erdf"), "en") == (
        "initiatives/fund/european-regional-development-fund/"
    )
    assert urls.path(("start_year", 2024), "da") == "indsatser/startaar/2024/"
    assert [k for k in keys if k[0] == "press_year"] == [("press_year", 2026)]


def test_relative_links_between_docs_files():
    assert relative("presse/a/index.md", "indsatser/b/index.md") == "../../indsatser/b/index.md"
    assert relative("index.md", "presse/index.md") == "presse/index.md"
