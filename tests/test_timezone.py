"""The site's time zone: embargoes, "today" and published times are read in it, summer and winter.

Copenhagen changes its clocks on 2026-03-29 (02:00 -> 03:00) and 2026-10-25 (03:00 -> 02:00);
the tests put embargoes and status changes on both sides of each change and check the UTC instant
at which they take effect. Another zone (Pacific/Auckland, America/New_York) proves that any IANA
zone works.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import atoma
import pytest

from generator.clock import build_now
from generator.content.model import load_content
from generator.newsroom.feeds import atom_feed
from generator.site import structured
from generator.site.urls import build_url_map

PRESS = "press/2024-03-01-eu-stoette.yaml"
RELEASE = "2024-03-01-eu-stoette"
INITIATIVE = "initiatives/groen-omstilling.yaml"
CERTIFICATION = "certifications/guld.yaml"
ROOT = Path(__file__).resolve().parent.parent


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_embargo(root: Path, value: str) -> None:
    edit(root, PRESS, "embargo: 2024-03-01T08:00:00+01:00", f"embargo: {value}")


def set_zone(root: Path, zone: str) -> None:
    edit(
        root,
        "site.yaml",
        "email: kontakt@klynge.example\n",
        f"email: kontakt@klynge.example\ntimezone: {zone}\n",
    )


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def published(root: Path, now: datetime) -> bool:
    return RELEASE in load_content(root, now).press_releases


# --- embargoes on the days the clocks change ----------------------------------------------------


@pytest.mark.parametrize(
    ("embargo", "lifts_at"),
    [
        # Spring: before the change Danish time is UTC+1, after it UTC+2.
        ("2026-03-29 01:30", "2026-03-29 00:30"),
        ("2026-03-29T03:30", "2026-03-29 01:30"),
        ("2026-03-29T03:30:00+02:00", "2026-03-29 01:30"),
        # Autumn: 02:00-03:00 happens twice; an offset says which one.
        ("2026-10-25 01:30", "2026-10-24 23:30"),
        ("2026-10-25T02:30:00+02:00", "2026-10-25 00:30"),
        ("2026-10-25T02:30:00+01:00", "2026-10-25 01:30"),
        ("2026-10-25 03:30", "2026-10-25 02:30"),
        # An ordinary winter and summer day.
        ("2026-12-10 08:00", "2026-12-10 07:00"),
        ("2026-06-19 08:00:00", "2026-06-19 06:00"),
    ],
)
def test_a_local_embargo_lifts_at_exactly_the_right_instant(minimal_content, embargo, lifts_at):
    set_embargo(minimal_content, embargo)
    moment = utc(lifts_at)
    assert not published(minimal_content, moment - timedelta(seconds=1))
    assert published(minimal_content, moment)


def test_the_second_half_hour_of_the_repeated_hour_is_not_confused_with_the_first(minimal_content):
    # 02:30 winter time comes after 02:45 summer time, although the clock shows less.
    set_embargo(minimal_content, "2026-10-25T02:30:00+01:00")
    summer_0245 = datetime.fromisoformat("2026-10-25T02:45:00+02:00")
    assert not published(minimal_content, summer_0245)


# --- "today" is the date in the site's zone -----------------------------------------------------


@pytest.mark.parametrize(
    ("end", "last_ongoing", "first_completed"),
    [
        (
            "2026-12-02",
            "2026-12-02 22:59:59",
            "2026-12-02 23:00:00",
        ),  # winter: midnight is 23:00 UTC
        (
            "2026-03-28",
            "2026-03-28 22:59:59",
            "2026-03-28 23:00:00",
        ),  # the night of the spring change
        ("2026-03-29", "2026-03-29 21:59:59", "2026-03-29 22:00:00"),  # first day of summer time
        (
            "2026-10-24",
            "2026-10-24 21:59:59",
            "2026-10-24 22:00:00",
        ),  # the night of the autumn change
        ("2026-10-25", "2026-10-25 22:59:59", "2026-10-25 23:00:00"),  # first day of winter time
    ],
)
def test_an_initiative_is_completed_from_local_midnight(
    minimal_content, end, last_ongoing, first_completed
):
    edit(minimal_content, INITIATIVE, "end: 2023-12-31", f"end: {end}")

    def status(now: str) -> str:
        return load_content(minimal_content, utc(now)).initiatives["groen-omstilling"].status

    assert status(last_ongoing) == "ongoing"
    assert status(first_completed) == "completed"


def test_an_initiative_starts_at_local_midnight(minimal_content):
    edit(minimal_content, INITIATIVE, "start: 2021-11-23", "start: 2026-06-01")
    edit(minimal_content, INITIATIVE, "end: 2023-12-31", "end: 2027-12-31")
    before = load_content(minimal_content, utc("2026-05-31 21:59:59"))
    after = load_content(minimal_content, utc("2026-05-31 22:00:00"))
    assert before.initiatives["groen-omstilling"].status == "planned"
    assert after.initiatives["groen-omstilling"].status == "ongoing"


def test_a_certification_expires_at_local_midnight_with_a_warning_on_its_line(minimal_content):
    edit(minimal_content, CERTIFICATION, "badge:", "featured: true\nbadge:")
    on_last_day = load_content(minimal_content, utc("2026-06-30 21:59:59"))
    expired = load_content(minimal_content, utc("2026-06-30 22:00:00"))
    assert on_last_day.certifications["guld"].valid
    assert on_last_day.warnings == ()
    assert not expired.certifications["guld"].valid
    assert [str(w) for w in expired.warnings] == [
        "content/certifications/guld.yaml:4: valid_until: featured certification expired on "
        "2026-06-30; set featured: false, or renew it and change valid_until"
    ]
    assert (expired.warnings[0].line, expired.warnings[0].field) == (4, "valid_until")


def test_check_and_build_print_warnings_in_the_error_form_and_go_on(minimal_content, tmp_path):
    edit(minimal_content, CERTIFICATION, "badge:", "featured: true\nbadge:")
    line = (
        "warning: content/certifications/guld.yaml:4: valid_until: featured certification "
        "expired on 2026-06-30; set featured: false, or renew it and change valid_until"
    )
    check = run("--now", "2026-07-01 00:00", "check", content=minimal_content)
    assert check.returncode == 0, check.stderr
    assert check.stderr.splitlines() == [line]
    assert check.stdout.startswith("content OK:")
    build = run(
        "--now",
        "2026-07-01 00:00",
        "build",
        "--site",
        str(tmp_path / "site"),
        content=minimal_content,
    )
    assert build.returncode == 0, build.stderr
    assert line in build.stderr.splitlines()
    assert (tmp_path / "site" / "da" / "index.html").is_file()


def run(*args: str, content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--content", str(content), *args],
        capture_output=True,
        text=True,
        cwd=content.parent,
        timeout=600,
    )


# --- feeds and JSON-LD carry the zone's offset of the day ---------------------------------------


@pytest.mark.parametrize(
    ("day", "stamp"),
    [
        ("2026-03-28", "2026-03-28T10:00:00+01:00"),
        ("2026-03-29", "2026-03-29T10:00:00+02:00"),
        ("2026-10-24", "2026-10-24T10:00:00+02:00"),
        ("2026-10-25", "2026-10-25T10:00:00+01:00"),
    ],
)
def test_feed_and_json_ld_timestamps_have_the_offset_of_the_day(minimal_content, day, stamp):
    edit(minimal_content, PRESS, "date: 2024-03-01", f"date: {day}")
    content = load_content(minimal_content, utc("2026-12-31 00:00"))
    urls = build_url_map(content)
    release = content.press_releases[RELEASE]
    feed = atom_feed(content, urls, "da", _no_pdf_sizes(content)).decode()
    assert f"<published>{stamp}</published>" in feed
    assert f"<updated>{stamp}</updated>" in feed
    article = structured.news_article(release, content, urls, "da", [])
    assert (article["datePublished"], article["dateModified"]) == (stamp, stamp)
    assert atoma.parse_atom_bytes(feed.encode()).entries[0].published == datetime.fromisoformat(
        stamp
    )


def _no_pdf_sizes(content) -> dict:
    # The feeds' timestamps do not depend on the PDFs, so these tests need not render them.
    return {(rid, lang): 0 for rid in content.press_releases for lang in content.languages}


# --- any IANA zone ------------------------------------------------------------------------------


def test_another_zone_decides_embargo_status_and_offsets(minimal_content):
    set_zone(minimal_content, "Pacific/Auckland")  # UTC+13 in the southern summer
    set_embargo(minimal_content, "2026-12-10 08:00")
    edit(minimal_content, PRESS, "date: 2024-03-01", "date: 2026-12-10")
    edit(minimal_content, INITIATIVE, "end: 2023-12-31", "end: 2026-12-09")
    before = load_content(minimal_content, utc("2026-12-09 18:59:59"))
    after = load_content(minimal_content, utc("2026-12-09 19:00:00"))
    assert RELEASE not in before.press_releases
    assert RELEASE in after.press_releases
    assert str(after.now) == "2026-12-10 08:00:00+13:00"
    # Auckland's 9 December ended at 11:00 UTC; Copenhagen's would end twelve hours later.
    assert after.initiatives["groen-omstilling"].status == "completed"
    release = after.press_releases[RELEASE]
    assert release.published_at.isoformat() == "2026-12-10T10:00:00+13:00"
    urls = build_url_map(after)
    feed = atom_feed(after, urls, "en", _no_pdf_sizes(after)).decode()
    assert "<published>2026-12-10T10:00:00+13:00</published>" in feed


def test_another_zone_checks_offsets_and_clock_changes_in_its_own_words(minimal_content):
    from generator.errors import ContentInvalid

    set_zone(minimal_content, "America/New_York")
    set_embargo(minimal_content, "2026-12-10T08:00:00-04:00")
    with pytest.raises(ContentInvalid) as caught:
        load_content(minimal_content, utc("2026-01-01 00:00"))
    assert [str(e) for e in caught.value.errors] == [
        "content/press/2024-03-01-eu-stoette.yaml:3: embargo: '2026-12-10T08:00:00-04:00' has the "
        "wrong offset for America/New_York time; -04:00 is summer time, but on 2026-12-10 "
        "America/New_York time is -05:00: write 2026-12-10T08:00:00-05:00, or leave the offset "
        "out"
    ]


def test_now_without_an_offset_is_a_time_in_the_site_zone(minimal_content):
    set_zone(minimal_content, "Pacific/Auckland")
    set_embargo(minimal_content, "2026-12-10 08:00")
    assert not published(minimal_content, build_now("2026-12-10 07:59"))
    assert published(minimal_content, build_now("2026-12-10 08:00"))
    assert published(minimal_content, build_now("2026-12-10T08:00:00+13:00"))
    withheld = run("--now", "2026-12-10T07:59", "check", content=minimal_content)
    shown = run("--now", "2026-12-10T08:00", "check", content=minimal_content)
    assert "(1 withheld: draft or embargoed)" in withheld.stdout
    assert "withheld" not in shown.stdout
    assert "site's time zone" in run("--help", content=minimal_content).stdout


def test_default_zone_is_copenhagen_and_json_ld_is_valid_json(minimal_content):
    content = load_content(minimal_content, utc("2026-06-19 06:00"))
    assert content.site.timezone == "Europe/Copenhagen"
    assert content.now.isoformat() == "2026-06-19T08:00:00+02:00"
    urls = build_url_map(content)
    article = structured.news_article(content.press_releases[RELEASE], content, urls, "en", [])
    assert json.loads(json.dumps(article))["datePublished"] == "2024-03-01T10:00:00+01:00"


def test_a_new_release_is_dated_today_in_the_site_zone(minimal_content):
    # 23:30 UTC on 9 December is already 10 December in Copenhagen.
    result = run(
        "--now", "2026-12-09T23:30:00+00:00", "new", "press", "Nyhed", content=minimal_content
    )
    assert result.returncode == 0, result.stderr
    path = minimal_content / "press" / "2026-12-10-nyhed.yaml"
    assert result.stdout.strip().endswith("press/2026-12-10-nyhed.yaml")
    assert "date: 2026-12-10" in path.read_text(encoding="utf-8")
