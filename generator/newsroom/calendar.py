"""Events as iCalendar (RFC 5545): one .ics per event for "add to calendar", and a subscription
calendar per language of the upcoming events.

Times are written as clock times in the site's zone (TZID=Europe/Copenhagen) with the zone's
VTIMEZONE, so calendars show them right on both sides of a change to or from summer time; all-day
events are DATE values whose DTEND is the day after the last. The bytes depend only on the content
and the build's "now" (DTSTAMP), and each event's UID only on its file name and the site's host.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from generator.content.model import Content, Event
from generator.i18n import translations
from generator.site.urls import UrlMap, section_slug

if TYPE_CHECKING:
    from generator.outputs import Download

CALENDAR_FILE = "calendar.ics"


def event_ics_path(event: Event, lang: str) -> str:
    """An event's .ics, in its page's folder: arrangementer/<slug>/<slug>.ics."""
    slug = event.text(lang).slug
    return f"{section_slug('events', lang)}/{slug}/{slug}.ics"


def calendar_path(lang: str) -> str:
    """The subscription calendar of a language: arrangementer/calendar.ics."""
    return f"{section_slug('events', lang)}/{CALENDAR_FILE}"


def upcoming(content: Content) -> list[Event]:
    """The events not over at "now", soonest first."""
    return [e for e in content.events.values() if not e.past]


def event_ics(event: Event, content: Content, urls: UrlMap, lang: str) -> bytes:
    """One event as a calendar file, for "add to calendar"."""
    calendar = _calendar(content, event.text(lang).title, lang)
    calendar.add_component(_vevent(event, content, urls, lang))
    return _finish(calendar, content, [event])


def events_calendar(content: Content, urls: UrlMap, lang: str) -> bytes:
    """The upcoming events of the site in `lang`, for subscribing to."""
    _ = translations(lang).gettext
    events = upcoming(content)
    name = f"{content.site.text(lang).name} – {_('Events')}"
    calendar = _calendar(content, name, lang)
    for event in events:
        calendar.add_component(_vevent(event, content, urls, lang))
    return _finish(calendar, content, events)


def event_uid(event: Event, content: Content) -> str:
    """The same in both languages and every build: the file name at the site's host."""
    return f"{event.id}@{urlsplit(content.site.base_url).hostname}"


def _calendar(content: Content, name: str, lang: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{content.site.text(lang).name}//Klynge//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", content.site.timezone)
    return calendar


def _vevent(event: Event, content: Content, urls: UrlMap, lang: str) -> CalendarEvent:
    text = event.text(lang)
    written_in = event.text_language(lang)
    page = urls.url(("event", event.id), lang)
    item = CalendarEvent()
    item.add("uid", event_uid(event, content))
    item.add("dtstamp", content.now.astimezone(UTC))
    item.add("dtstart", _when(event.start, content))
    if event.all_day:
        # DTEND of a DATE event is exclusive: the day after its last day.
        item.add("dtend", event.last_day + timedelta(days=1))
    elif event.end is not None:
        item.add("dtend", _when(event.end, content))
    item.add("summary", text.title, parameters={"LANGUAGE": written_in})
    item.add("description", f"{text.summary}\n\n{page}", parameters={"LANGUAGE": written_in})
    item.add("url", page)
    location = _location(event, content, lang)
    if location:
        item.add("location", location)
    item.add("status", "CONFIRMED")
    item.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return item


def _when(value: date | datetime, content: Content) -> date | datetime:
    """A DATE, or a clock time in the site's zone (written with its TZID)."""
    if isinstance(value, datetime):
        return value.astimezone(content.site.zone)
    return value


def _location(event: Event, content: Content, lang: str) -> str:
    _ = translations(lang).gettext
    if event.online:
        return event.online_url or _("Online")
    venue = event.venue
    if venue is None:
        return ""
    place = " ".join(p for p in (venue.postal_code, venue.city) if p)
    return ", ".join(p for p in (venue.name, venue.address, place) if p)


def _finish(calendar: Calendar, content: Content, events: list[Event]) -> bytes:
    """The calendar with the VTIMEZONE of its timed events' zone, as bytes."""
    if any(not e.all_day for e in events):
        years = [e.first_day.year for e in events] + [e.last_day.year for e in events]
        # The zone's rules for the years the events span, not from 1970: small and stable.
        calendar.add_missing_timezones(date(min(years), 1, 1), date(max(years) + 1, 12, 31))
    return calendar.to_ical()


def calendar_downloads(content: Content, urls: UrlMap, lang: str) -> list[Download]:
    """The .ics of each published event and the language's subscription calendar
    (`outputs.Download`s); none when the site has no events (the section is left out)."""
    from generator.outputs import Download, Fixed, FromRecord

    if not content.events:
        return []
    found = [
        Download(
            calendar_path(lang),
            Fixed("the events calendar"),
            partial(events_calendar, content, urls, lang),
        )
    ]
    for event in content.events.values():
        keypath = (event.text_language(lang), "slug")
        found.append(
            Download(
                event_ics_path(event, lang),
                FromRecord(
                    "the calendar file",
                    event.path,
                    content.line(event.path, keypath),
                    ".".join(keypath),
                ),
                partial(event_ics, event, content, urls, lang),
            )
        )
    return found
