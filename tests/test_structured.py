"""JSON-LD: what search engines read about the organisation, releases, projects and people."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from generator.clock import build_now
from generator.content.model import load_content
from generator.content.validate import PartialDate
from generator.site import structured
from generator.site.urls import build_url_map

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
