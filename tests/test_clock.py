"""The build's one "now" and the site's time zone: --now, SOURCE_DATE_EPOCH, clock changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from generator.clock import (
    build_now,
    clock_change,
    format_offset,
    gap_readings,
    in_zone,
    local_choices,
    offsets_of_year,
    season_of,
    zone_label,
)

CPH = ZoneInfo("Europe/Copenhagen")


def test_now_comes_from_the_option_then_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764752400")
    assert build_now() == datetime(2025, 12, 3, 9, 0, tzinfo=UTC)
    assert build_now("2026-12-03T10:00:00+01:00") == datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    # Without an offset it is a wall-clock time in the site's zone, read once site.yaml is known.
    assert build_now("2026-12-03 09:00") == datetime(2026, 12, 3, 9, 0)


def test_a_wall_clock_time_takes_the_offset_of_its_day():
    assert in_zone(datetime(2026, 1, 15, 9), CPH).isoformat() == "2026-01-15T09:00:00+01:00"
    assert in_zone(datetime(2026, 7, 15, 9), CPH).isoformat() == "2026-07-15T09:00:00+02:00"
    assert season_of(datetime(2026, 7, 15, 9, tzinfo=UTC), CPH) == "summer time"
    assert season_of(datetime(2026, 1, 15, 9, tzinfo=UTC), CPH) == "winter time"


def test_the_skipped_and_the_repeated_hour():
    skipped = datetime(2026, 3, 29, 2, 30)
    assert local_choices(skipped, CPH) == []
    assert [m.isoformat() for m in gap_readings(skipped, CPH)] == [
        "2026-03-29T01:30:00+01:00",
        "2026-03-29T03:30:00+02:00",
    ]
    repeated = datetime(2026, 10, 25, 2, 30)
    assert [m.isoformat() for m in local_choices(repeated, CPH)] == [
        "2026-10-25T02:30:00+02:00",
        "2026-10-25T02:30:00+01:00",
    ]
    before, after = clock_change(
        datetime(2026, 3, 29, 0, 0, tzinfo=UTC), datetime(2026, 3, 29, 3, 0, tzinfo=UTC), CPH
    )
    assert (before, after) == (datetime(2026, 3, 29, 2, 0), datetime(2026, 3, 29, 3, 0))


def test_messages_name_the_zone_and_its_offsets():
    assert zone_label(CPH) == "Danish time"
    assert zone_label(ZoneInfo("America/New_York")) == "America/New_York time"
    assert offsets_of_year(2026, CPH) == {
        timedelta(hours=1): "winter time",
        timedelta(hours=2): "summer time",
    }
    assert offsets_of_year(2026, ZoneInfo("Asia/Kathmandu")) == {}
    assert [format_offset(timedelta(minutes=m)) for m in (120, -300, 345)] == [
        "+02:00",
        "-05:00",
        "+05:45",
    ]
