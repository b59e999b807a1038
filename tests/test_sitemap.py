"""Sitemaps with hreflang alternates, the sitemap index, robots.txt and the hosts' 404 rules."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.clock import build_now
from generator.content.model import load_content
from generator.site.sitemap import host_redirects, language_sitemap, sitemap_index
from generator.site.urls import build_url_map

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def site():
    content = load_content(FIXTURE, build_now("2026-11-25T12:00:00+00:00"))
    return content, build_url_map(content)


def test_each_page_lists_its_language_versions_and_x_default(site):
    data = language_sitemap(*site, "en")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns=')
    root = ElementTree.fromstring(data)
    entry = next(
        url
        for url in root.findall("s:url", NS)
        if url.findtext("s:loc", namespaces=NS).endswith("/press/eu-support-for-green-hospitals/")
    )
    links = [(a.get("hreflang"), a.get("href")) for a in entry.findall("x:link", NS)]
    assert links == [
        ("da", "https://www.klynge.example/da/presse/eu-stoette-til-groenne-hospitaler/"),
        ("en", "https://www.klynge.example/en/press/eu-support-for-green-hospitals/"),
        ("x-default", "https://www.klynge.example/"),
    ]


def test_a_fallback_page_is_left_to_its_original(site):
    english = language_sitemap(*site, "en").decode()
    danish = language_sitemap(*site, "da").decode()
    assert "nyt-kontor-i-aeroeskoebing" not in english
    assert "<loc>https://www.klynge.example/da/presse/nyt-kontor-i-aeroeskoebing/</loc>" in danish
    # With no other language version, the page has no alternates at all.
    assert danish.count('hreflang="x-default"') == danish.count("<url>") - 1


def test_the_index_names_each_language_sitemap(site):
    content, _ = site
    assert sitemap_index(content).decode() == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "  <sitemap><loc>https://www.klynge.example/da/sitemap.xml</loc></sitemap>\n"
        "  <sitemap><loc>https://www.klynge.example/en/sitemap.xml</loc></sitemap>\n"
        "</sitemapindex>\n"
    )


def test_each_language_gets_its_own_404_page_on_netlify(site):
    content, _ = site
    assert host_redirects(content).splitlines()[1:] == [
        "/da/*  /da/404.html  404",
        "/en/*  /en/404.html  404",
    ]
