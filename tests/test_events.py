"""Events: the section, the pages, the home page block, the calendar files and the structured data
of a site with events, in both languages; a site without events has none of it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.content.validate import validate_content
from generator.errors import ContentInvalid
from tests.conftest import EVENTS_NOW, ROOT, copy_events_site


def _build(content: Path, site: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--content", str(content), "--now", EVENTS_NOW]
        + ["--quiet", "build", "--site", str(site)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("events-site")
    _build(copy_events_site(folder), folder / "site")
    return folder / "site"


def _text(path: Path) -> str:
    """The visible text of a page's article, one line per block."""
    html = path.read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S).group()
    text = re.sub(r"<[^>]+>", " ", article).replace("¶", "")
    return re.sub(r"\s*\n\s*", "\n", re.sub(r"[ \t]+", " ", text)).strip()


def _jsonld(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )


def test_the_section_lists_upcoming_events_soonest_first_then_past_ones_by_year(site):
    da = _text(site / "da/arrangementer/index.html")
    order = [
        "Kommende arrangementer",
        "Webinar om EU-midler",
        "3. december 2026, 14.00–15.00 · Online",
        "Netværksmøde om grøn sundhed",
        "10. december 2026, 09.30–15.00 · Odense",
        "Temadag om bæredygtige hospitaler",
        "20. januar 2027 · Aarhus",
        "Morgenmøde for nye medlemmer",
        "Konference om grøn sundhed 2027",
        "8. juni 2027, 09.00 – 9. juni 2027, 15.30 · Odense SØ",
        "Abonnér på kalenderen (.ics)",
        "Afholdte arrangementer 2025",
        "Årsmøde 2025",
        "12. juni 2025, 13.00–16.00 · Odense · Afholdt",
    ]
    positions = [da.index(line) for line in order]
    assert positions == sorted(positions), da
    en = _text(site / "en/events/index.html")
    assert "Upcoming events" in en and "Past events 2025" in en
    assert "10–12 Dec" not in en and "3 December 2026, 14:00–15:00 · Online" in en
    assert "12 June 2025, 13:00–16:00 · Odense · Past event" in en
    assert 'href="calendar.ics"' in (site / "en/events/index.html").read_text(encoding="utf-8")


def test_an_event_page_gives_the_facts_the_address_and_a_calendar_file(site):
    page = site / "da/arrangementer/netvaerksmoede-groen-sundhed/index.html"
    da = _text(page)
    for line in (
        "Netværksmøde om grøn sundhed",
        "Hvornår\n10. december 2026, 09.30–15.00",
        "Hvor\nOdense Rådhus, Odense",
        "Sprog\ndansk",
        "Pris\nGratis",
        "Tilmelding\nTilmeld dig (senest 1. december 2026)",
        "Arrangør\nKlyngen for Grøn Sundhed",
        "Adresse\nOdense Rådhus\nFlakhaven 2\n5000 Odense",
        "Føj til kalender (.ics)",
    ):
        assert line in da, (line, da)
    html = page.read_text(encoding="utf-8")
    assert '<p class="event-address">' in html
    assert 'href="netvaerksmoede-groen-sundhed.ics"' in html
    assert (page.parent / "netvaerksmoede-groen-sundhed.ics").is_file()
    assert 'property="og:image"' in html and "solnedgang-over-odense" in html
    en = _text(site / "en/events/conference-2027/index.html")
    assert "When\n8 June 2027, 09:00 – 9 June 2027, 15:30" in en
    assert "Price\nDKK 1,200" in en
    assert "Languages\nDanish, English" in en
    assert "Registration\nSign up (by 15 May 2027, 12:00)" in en


def test_a_past_event_stays_and_says_it_has_taken_place(site):
    da = _text(site / "da/arrangementer/aarsmoede-2025/index.html")
    assert "Arrangementet er afholdt." in da
    assert "Føj til kalender" not in da  # nothing to add any more
    assert "Pris\n250 kr." in da


def test_an_online_event_has_no_address(site):
    en = _text(site / "en/events/webinar-eu-funding/index.html")
    assert "Where\nOnline: https://webinar.example.org/eu-midler" in en
    assert "Address" not in en


def test_an_event_in_one_language_is_shown_in_it_on_the_other_site(site):
    page = site / "en/events/morgenmoede-nye-medlemmer/index.html"
    html = page.read_text(encoding="utf-8")
    assert 'lang="da"' in html and "Morgenmøde for nye medlemmer" in html
    # Its canonical address is the Danish page; the English one is no translation of it.
    assert (
        '<link rel="canonical" href="https://www.klynge.example/da/arrangementer/'
        'morgenmoede-nye-medlemmer/">' in html
    )


def test_the_home_page_shows_the_next_three_events(site):
    da = _text(site / "da/index.html")
    block = da[da.index("Kommende arrangementer") : da.index("Alle arrangementer")]
    assert [line for line in block.split("\n")[1:] if line] == [
        "Webinar om EU-midler",
        "3. december 2026, 14.00–15.00",
        "Netværksmøde om grøn sundhed",
        "10. december 2026, 09.30–15.00",
        "Temadag om bæredygtige hospitaler",
        "20. januar 2027",
    ]
    assert 'href="arrangementer/"' in (site / "da/index.html").read_text(encoding="utf-8")


def test_event_pages_carry_schema_org_events(site):
    data = _jsonld(site / "da/arrangementer/netvaerksmoede-groen-sundhed/index.html")
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-12-10T09:30:00+01:00"
    assert data["endDate"] == "2026-12-10T15:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Odense Rådhus",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Flakhaven 2",
            "postalCode": "5000",
            "addressLocality": "Odense",
        },
    }
    assert data["offers"]["price"] == 0 and data["offers"]["priceCurrency"] == "DKK"
    assert data["organizer"]["name"] == "Klyngen for Grøn Sundhed"
    online = _jsonld(site / "en/events/webinar-eu-funding/index.html")
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"]["@type"] == "VirtualLocation"
    paid = _jsonld(site / "en/events/conference-2027/index.html")
    assert paid["offers"]["price"] == 1200
    all_day = _jsonld(site / "en/events/theme-day-sustainable-hospitals/index.html")
    assert all_day["startDate"] == "2027-01-20" and "endDate" not in all_day


def test_the_calendar_feed_of_each_language_holds_the_upcoming_events(site):
    for path, first in (
        ("da/arrangementer/calendar.ics", "Webinar om EU-midler"),
        ("en/events/calendar.ics", "Webinar on EU funding"),
    ):
        calendar = Calendar.from_ical((site / path).read_bytes())
        events = calendar.walk("VEVENT")
        assert len(events) == 5
        assert str(events[0]["SUMMARY"]) == first
        assert b"TZID=Europe/Copenhagen" in (site / path).read_bytes()


def test_a_draft_event_leaves_no_trace(site):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".ics", ".txt"):
            data = path.read_text(encoding="utf-8", errors="replace")
            for word in ("HEMMELIGT ARRANGEMENT", "SECRET EVENT", "hemmeligt-arrangement"):
                assert word not in data, (path, word)


def test_event_pages_are_in_the_sitemap_and_the_search_index(site):
    sitemap = (site / "en/sitemap.xml").read_text(encoding="utf-8")
    assert "https://www.klynge.example/en/events/conference-2027/" in sitemap
    index = (site / "da/search/search_index.json").read_text(encoding="utf-8")
    assert "arrangementer/konference-2027/" in index


def test_a_site_without_events_has_no_events_section(tmp_path, copy_minimal):
    _build(copy_minimal(tmp_path), tmp_path / "site")
    site = tmp_path / "site"
    assert not (site / "da/arrangementer").exists() and not (site / "en/events").exists()
    home = (site / "da/index.html").read_text(encoding="utf-8")
    assert "arrangementer/" not in home and "Kommende arrangementer" not in home


def test_new_event_writes_a_scaffold_that_check_then_explains(tmp_path, copy_minimal):
    content = copy_minimal(tmp_path)

    def build_py(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "--content", str(content), *args],
            capture_output=True,
            text=True,
        )

    result = build_py("--now", "2026-03-02T10:00", "new", "event", "Netværksmøde i Odense")
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path == content / "events" / "netvaerksmoede-i-odense.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Netværksmøde i Odense"' in text and "registration_deadline:" in text
    check = build_py("check")
    assert check.returncode == 1
    assert check.stderr.splitlines()[0] == (
        "content/events/netvaerksmoede-i-odense.yaml:4: start: required field is empty; add "
        "start: 2026-12-10 09:30 — when the event begins: a date and clock time in the site's "
        "time zone, or a date alone for an all-day event"
    )


EVENT = """\
start: 2025-05-20 14:00
{extra}venue: {{name: Klyngens hus, city: Odense}}
free: true
organiser: klynge
languages: [da]
da: {{title: Møde, slug: moede, summary: Et møde.}}
en: {{title: Meeting, slug: meeting, summary: A meeting.}}
"""


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "end: 2025-05-20 10:00\n",
            "content/events/moede.yaml:2: end: the end 2025-05-20 10:00 is before the start "
            "2025-05-20 14:00; check both; an all-day event ends on its last day",
        ),
        (
            "registration_deadline: 2025-05-21\n",
            "content/events/moede.yaml:2: registration_deadline: the registration deadline "
            "2025-05-21 is after the start 2025-05-20 14:00; set a deadline on or before the start",
        ),
        (
            "end: 2025-05-20 16:00+02:00\n",
            "content/events/moede.yaml:1: start: missing time zone offset where one is given; end "
            "has an offset: write one here too (e.g. 2025-05-20T14:00+02:00), or leave out all "
            "offsets",
        ),
        (
            "online: true\n",
            None,  # a venue without an address is allowed for an online event
        ),
    ],
)
def test_event_times_and_places_are_checked(tmp_path, copy_minimal, extra, expected):
    content = copy_minimal(tmp_path)
    (content / "events").mkdir()
    (content / "events" / "moede.yaml").write_text(EVENT.format(extra=extra), encoding="utf-8")
    try:
        validate_content(content)
        problems = []
    except ContentInvalid as exc:
        problems = [str(e).replace(str(tmp_path) + "/", "") for e in exc.errors]
    assert problems == ([expected] if expected else [])


def test_an_online_event_with_an_address_is_refused(tmp_path, copy_minimal):
    content = copy_minimal(tmp_path)
    (content / "events").mkdir()
    text = EVENT.format(extra="online: true\n").replace(
        "venue: {name: Klyngens hus, city: Odense}",
        "venue: {name: Klyngens hus, address: Æblevej 5, city: Odense}",
    )
    (content / "events" / "moede.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        validate_content(content)
    assert [str(e).replace(str(tmp_path) + "/", "") for e in caught.value.errors] == [
        "content/events/moede.yaml:3: venue.address: an online event cannot have an address; "
        "remove the venue, or set online: false for an event held at a place"
    ]
