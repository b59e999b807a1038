"""calendar.py: each event's .ics and the subscription calendar, read back with icalendar."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from generator.content.model import load_content
from generator.newsroom.calendar import (
    calendar_downloads,
    calendar_path,
    event_ics,
    event_ics_path,
    events_calendar,
)
from generator.site.urls import build_url_map
from tests.conftest import EVENTS_NOW, copy_events_site

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = load_content(
        copy_events_site(tmp_path_factory.mktemp("events")), datetime.fromisoformat(EVENTS_NOW)
    )
    return content, build_url_map(content)


def _events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_a_timed_event_is_written_in_the_sites_zone_with_its_vtimezone(site):
    content, urls = site
    data = event_ics(content.events["2027-06-08-konference"], content, urls, "da")
    assert b"DTSTART;TZID=Europe/Copenhagen:20270608T090000\r\n" in data
    assert b"DTEND;TZID=Europe/Copenhagen:20270609T153000\r\n" in data
    calendar = Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    event = calendar.walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    assert start == datetime(2027, 6, 8, 9, 0, tzinfo=COPENHAGEN)
    assert start.utcoffset().total_seconds() == 2 * 3600  # summer time
    assert str(event["SUMMARY"]) == "Konference om grøn sundhed 2027"
    assert str(event["LOCATION"]) == "Odense Congress Center, Ørbækvej 350, 5220 Odense SØ"
    assert str(event["URL"]) == "https://www.klynge.example/da/arrangementer/konference-2027/"
    assert str(event["UID"]) == "2027-06-08-konference@www.klynge.example"
    assert event.decoded("DTSTAMP") == datetime.fromisoformat(EVENTS_NOW)


def test_an_all_day_event_is_dates_with_the_day_after_as_its_end(site):
    content, urls = site
    data = event_ics(content.events["2027-01-20-temadag"], content, urls, "en")
    assert b"DTSTART;VALUE=DATE:20270120\r\n" in data
    assert b"DTEND;VALUE=DATE:20270121\r\n" in data
    assert b"BEGIN:VTIMEZONE" not in data  # no clock times, no zone
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == date(2027, 1, 20)
    assert str(event["SUMMARY"]) == "Theme day on sustainable hospitals"


def test_an_online_event_gives_its_address_on_the_web_as_location(site):
    content, urls = site
    event = Calendar.from_ical(
        event_ics(content.events["2026-12-03-webinar"], content, urls, "en")
    ).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "https://webinar.example.org/eu-midler"


def test_the_subscription_calendar_holds_the_upcoming_published_events(site):
    content, urls = site
    events = _events(events_calendar(content, urls, "en"))
    assert sorted(uid.split("@")[0] for uid in events) == [
        "2026-12-03-webinar",
        "2026-12-10-netvaerksmoede",
        "2027-01-20-temadag",
        "2027-02-02-morgenmoede",
        "2027-06-08-konference",
    ]  # not the past annual meeting, never the draft
    # A Danish-only event is in the English calendar too, marked as Danish.
    summary = events["2027-02-02-morgenmoede@www.klynge.example"]["SUMMARY"]
    assert str(summary) == "Morgenmøde for nye medlemmer"
    assert summary.params["LANGUAGE"] == "da"
    calendar = Calendar.from_ical(events_calendar(content, urls, "da"))
    assert str(calendar["X-WR-CALNAME"]) == "Klyngen for Grøn Sundhed – Arrangementer"


def test_the_bytes_are_the_same_every_time(site):
    content, urls = site
    assert events_calendar(content, urls, "da") == events_calendar(content, urls, "da")
    event = content.events["2026-12-10-netvaerksmoede"]
    assert event_ics(event, content, urls, "da") == event_ics(event, content, urls, "da")


def test_downloads_claim_each_event_and_the_calendar_and_nothing_without_events(site):
    content, urls = site
    paths = [d.path for d in calendar_downloads(content, urls, "da")]
    assert calendar_path("da") == "arrangementer/calendar.ics"
    assert paths[0] == "arrangementer/calendar.ics"
    assert event_ics_path(content.events["2027-06-08-konference"], "da") in paths
    assert "arrangementer/hemmeligt-arrangement/hemmeligt-arrangement.ics" not in paths
    assert len(paths) == 7
    empty = dataclasses.replace(content, records={**content.records, "event": {}})
    assert calendar_downloads(empty, urls, "da") == []
