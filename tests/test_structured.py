"""JSON-LD: what search engines read about the organisation, releases, projects and people."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.clock import build_now
from generator.content.model import load_content
from generator.content.validate import PartialDate
from generator.site import structured
from generator.site.urls import build_url_map
from tests.quality_helpers import BuiltSite

pytest_plugins = ["tests.quality_helpers"]

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"


@pytest.fixture(scope="module")
def site():
    content = load_content(FIXTURE, build_now("2026-11-25T12:00:00+00:00"))
    return content, build_url_map(content)


def test_script_json_cannot_end_its_script_element():
    text = structured.to_script_json({"name": "</script><b>A & B</b>"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><b>A & B</b>"}


def test_a_one_language_release_on_the_other_site_points_to_its_original(site):
    content, urls = site
    release = content.press_releases["2026-06-01-kun-paa-dansk"]
    article = structured.news_article(release, content, urls, "en", [])
    assert article["inLanguage"] == "da"
    assert article["mainEntityOfPage"] == (
        "https://www.klynge.example/da/presse/nyt-kontor-i-aeroeskoebing/"
    )
    assert article["headline"] == "Nyt kontor i Ærøskøbing"


def test_a_release_in_both_languages_is_its_own_page_in_each(site):
    content, urls = site
    release = content.press_releases["2026-03-02-eu-stoette"]
    article = structured.news_article(release, content, urls, "en", [])
    assert (article["@type"], article["inLanguage"]) == ("NewsArticle", "en")
    assert article["mainEntityOfPage"] == (
        "https://www.klynge.example/en/press/eu-support-for-green-hospitals/"
    )
    assert article["datePublished"] == "2026-03-02T09:30:00+01:00"
    assert article["publisher"]["name"] == "Cluster for Green Health"


def test_the_organisation_states_only_what_the_content_states(site):
    content, urls = site
    org = structured.organization(content, urls, "da")
    assert org["name"] == "Klyngen for Grøn Sundhed"
    assert org["url"] == "https://www.klynge.example/da/"
    assert org["email"] == "kontakt@klynge.example"
    assert [c["name"] for c in org["contactPoint"]] == ["Mette Lund", "Søren Åkjær"]
    assert all(c["contactType"] == "press" for c in org["contactPoint"])


def test_dates_are_as_precise_as_known():
    assert structured.schema_date(PartialDate(date(2020, 7, 1), "day")) == "2020-07-01"
    assert structured.schema_date(PartialDate(date(2020, 7, 1), "month")) == "2020-07"
    assert structured.schema_date(PartialDate(date(2020, 7, 1), "quarter")) == "2020"
    assert structured.schema_date(PartialDate(date(2020, 1, 1), "year")) == "2020"


def test_projects_list_granted_money_only(site):
    content, urls = site
    project = structured.project(content.initiatives["eu-projekt"], content, urls, "en")
    assert project["@type"] == "Project"
    assert project["url"] == "https://www.klynge.example/en/initiatives/green-hospitals/"
    assert [(g["name"], g["amount"]["value"]) for g in project["funding"]] == [
        ("European Regional Development Fund", 4000000),
        ("Decentralised business promotion funds", 2000000),
    ]


def test_breadcrumb_list_numbers_the_trail_from_the_home_page():
    trail = [("Klyngen", "https://k.example/da/"), ("Indsatser", "https://k.example/da/indsatser/")]
    assert structured.breadcrumb_list(trail) == {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Klyngen", "item": trail[0][1]},
            {"@type": "ListItem", "position": 2, "name": "Indsatser", "item": trail[1][1]},
        ],
    }


_CRUMB = re.compile(r'<li><a href="([^"]*)">([^<]*)</a></li>|<span aria-current="page">([^<]*)<')


@pytest.mark.parametrize(
    ("lang", "path", "names"),
    [
        ("da", "da/indsatser/sund-vaegt/", ["Danish Life Science Cluster", "Indsatser"]),
        (
            "en",
            "en/press/eu-gold-for-health-cluster/",
            ["Danish Life Science Cluster", "Press releases"],
        ),
    ],
)
def test_record_pages_carry_their_visible_breadcrumbs_as_json_ld(
    built_site: BuiltSite, lang: str, path: str, names: list[str]
) -> None:
    checked, seen = 0, False
    for page in built_site.html_pages(lang):
        text = page.read_text("utf-8")
        if 'class="breadcrumbs"' not in text:
            continue
        url = built_site.base_url + built_site.url_path(page)
        nav = text.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
        visible = [
            (html.unescape(link or current), urljoin(url, href) if link else url)
            for href, link, current in _CRUMB.findall(nav)
        ]
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text)
        lists = [d for d in map(json.loads, scripts) if d.get("@type") == "BreadcrumbList"]
        assert len(lists) == 1, built_site.rel(page)
        assert [(i["name"], i["item"]) for i in lists[0]["itemListElement"]] == visible
        positions = [i["position"] for i in lists[0]["itemListElement"]]
        assert positions == list(range(1, len(visible) + 1))
        if built_site.url_path(page) == path:
            assert [name for name, _ in visible[: len(names)]] == names
            seen = True
        checked += 1
    assert seen and checked >= 5
