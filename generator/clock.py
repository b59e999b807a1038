"""The build's one notion of "now", and the site's time zone that every date and time is read in.

"Now" comes from --now, else SOURCE_DATE_EPOCH, else the clock. Times written without an offset
(an embargo, a release's date and time, a --now without one) are wall-clock times in the site's
zone (`site.yaml timezone:`), summer or winter; "today" is the date there, not in UTC.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Europe/Copenhagen"


def build_now(option: str | None = None) -> datetime:
    """The moment that decides embargoes, initiative status and certification validity.

    A --now without an offset is returned naive: it is a time in the site's zone, which is known
    only once site.yaml has been read (see `in_zone`).
    """
    if option:
        moment = datetime.fromisoformat(option)
        if moment.tzinfo is None:
            return moment
        return moment.astimezone(UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    """`moment` as a time in the site's zone; a naive moment is taken as wall-clock time there.

    The result carries a fixed offset (+01:00 or +02:00 in Copenhagen), not the zone itself:
    Python compares two times of one zone by their wall clocks, which is wrong in the hour that
    happens twice when the clocks go back.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    local = moment.astimezone(UTC).astimezone(zone)
    return local.replace(tzinfo=timezone(local.utcoffset()), fold=0)


def local_choices(wall: datetime, zone: ZoneInfo) -> list[datetime]:
    """The moments a wall-clock time stands for in `zone`, earliest first.

    One for an ordinary time, none when the clocks skip it (spring forward, see `gap_readings`),
    two when it happens twice (fall back).
    """
    found: dict[timedelta, datetime] = {}
    for fold in (0, 1):
        moment = in_zone(wall.replace(tzinfo=zone, fold=fold), zone)
        if moment.replace(tzinfo=None) == wall:
            found.setdefault(moment.utcoffset(), moment)
    return sorted(found.values())


def gap_readings(wall: datetime, zone: ZoneInfo) -> list[datetime]:
    """For a wall-clock time the clocks skip: what it means read with the offset before the
    change and with the offset after it, as valid times in `zone`, earliest first."""
    readings = {in_zone(wall.replace(tzinfo=zone, fold=fold), zone) for fold in (0, 1)}
    return sorted(readings)


def clock_change(first: datetime, second: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Where the clocks change between two moments of different offset: the wall-clock time just
    before the change and the one it becomes (02:00 and 03:00 when summer time begins)."""
    moment = first.astimezone(UTC).replace(second=0, microsecond=0)
    end = second.astimezone(UTC)
    offset = in_zone(moment, zone).utcoffset()
    while moment < end and in_zone(moment, zone).utcoffset() == offset:
        moment += timedelta(minutes=1)
    after = in_zone(moment, zone)
    return (after - after.utcoffset() + offset).replace(tzinfo=None), after.replace(tzinfo=None)


def zone_label(zone: ZoneInfo) -> str:
    """How messages name the site's time: "Danish time", or "America/New_York time"."""
    return "Danish time" if zone.key == DEFAULT_TIMEZONE else f"{zone.key} time"


def season_of(moment: datetime, zone: ZoneInfo) -> str:
    """ "summer time" or "winter time": whether daylight saving time applies at that moment."""
    local = moment.astimezone(UTC).astimezone(zone)
    return "summer time" if local.dst() else "winter time"


def offsets_of_year(year: int, zone: ZoneInfo) -> dict[timedelta, str]:
    """The offsets `zone` uses in `year`, each named by its season, when it uses more than one."""
    found: dict[timedelta, str] = {}
    for month in range(1, 13):
        for day in (1, 15):
            moment = in_zone(datetime(year, month, day, 12), zone)
            found.setdefault(moment.utcoffset(), season_of(moment, zone))
    return found if len(found) > 1 else {}


def format_offset(offset: timedelta) -> str:
    """+02:00, -05:00, +05:45."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
