"""The model: frozen records as of "now": withheld releases, statuses, fallbacks, boilerplate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.clock import build_now
from generator.content.model import initiative_status, load_content
from generator.content.validate import PartialDate

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURE, build_now("2026-11-25T12:00:00+00:00"))


def test_drafts_and_embargoed_releases_are_withheld_until_their_time(content):
    assert content.withheld == ("2026-11-20-udkast", "2026-12-01-embargo")
    assert list(content.press_releases) == [
        "2026-06-01-kun-paa-dansk",
        "2026-05-10-lokale-netvaerk",
        "2026-03-02-eu-stoette",
    ]
    later = load_content(FIXTURE, build_now("2026-12-31T12:00:00+00:00"))
    assert later.withheld == ("2026-11-20-udkast",)


def test_counts_name_each_collection(content):
    assert content.counts() == {
        "initiatives": 2,
        "press releases": 3,
        "certifications": 1,
        "organisations": 2,
        "events": 0,
        "people": 3,
        "pages": 0,
    }


def test_a_one_language_record_shows_its_own_text_everywhere(content):
    release = content.press_releases["2026-06-01-kun-paa-dansk"]
    assert release.is_fallback("en") and not release.is_fallback("da")
    assert release.text("en").title == release.text("da").title == "Nyt kontor i Ærøskøbing"


def test_eu_figures_and_release_times(content):
    initiative = content.initiatives["eu-projekt"]
    assert (initiative.eu_amount, initiative.is_eu_funded) == (4_000_000, True)
    assert initiative.rate(initiative.eu_amount) == 0.4
    assert [line.fund.code for line in initiative.funding] == ["erdf", "decentral"]
    release = content.press_releases["2026-05-10-lokale-netvaerk"]
    assert release.published_at.isoformat() == "2026-05-10T00:00:00+02:00"  # no time: midnight
    assert content.boilerplate(release, "en")[0] == "Cluster for Green Health"


@pytest.mark.parametrize(
    ("stated", "today", "status"),
    [
        (None, date(2023, 12, 31), "planned"),
        (None, date(2024, 6, 1), "ongoing"),
        (None, date(2025, 1, 1), "completed"),
        ("proposed", date(2024, 6, 1), "proposed"),
        ("cancelled", date(2023, 1, 1), "cancelled"),
    ],
)
def test_the_dates_decide_an_initiatives_status(stated, today, status):
    start = PartialDate(date(2024, 1, 1), "day")
    end = PartialDate(date(2024, 12, 1), "month")  # the whole of December 2024
    assert initiative_status(stated, start, end, today) == status
    assert initiative_status(None, start, end, date(2024, 12, 31)) == "ongoing"
