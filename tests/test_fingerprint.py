"""The build's fingerprint: a build with nothing changed but "now" leaves site/ as it is, and
every change that alters the site (an embargo lifting, a content file, a template, a theme file)
rebuilds it, byte for byte as a cold build of the same inputs at the same "now" would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import fingerprint
from generator.clock import build_now
from generator.content.model import load_content
from tests.conftest import EVENTS_NOW, copy_events_site

ROOT = Path(__file__).resolve().parent.parent
# The minimal fixture's release is under embargo until 2024-03-01 08:00 Danish time (07:00 UTC).
EMBARGOED = "2024-03-01T06:00:00+00:00"
STILL_EMBARGOED = "2024-03-01T06:59:00+00:00"
LIFTED = "2024-03-01T07:00:00+00:00"
RELEASE_PAGE = "en/press/eu-supports-green-transition/index.html"
UP_TO_DATE = "is up to date: nothing it is built from has changed"


def build(checkout: Path, content: Path, site: Path, now: str, cache: Path):
    result = subprocess.run(
        [
            sys.executable,
            str(checkout / "build.py"),
            "--content",
            str(content),
            "--now",
            now,
            "build",
            "--site",
            str(site),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "KLYNGE_CACHE": str(cache)},
    )
    assert result.returncode == 0, result.stderr
    return result


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_same_bytes(built: Path, cold: Path) -> None:
    got, want = files_of(built), files_of(cold)
    assert sorted(got) == sorted(want)
    differing = [path for path in want if got[path] != want[path]]
    assert differing == []


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A copy of the generator, its templates and theme, to change without touching the repo."""
    target = tmp_path / "checkout"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("generator", "theme"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    for name in ("build.py", "mkdocs.yml", "requirements.txt"):
        shutil.copy2(ROOT / name, target / name)
    return target


def test_only_now_changed_leaves_the_site_as_a_cold_build_makes_it(
    tmp_path, minimal_content, checkout
):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(checkout, minimal_content, site, EMBARGOED, cache)
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    again = build(checkout, minimal_content, site, STILL_EMBARGOED, cache)
    assert f"{site} {UP_TO_DATE}" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == before
    cold = tmp_path / "cold"
    build(checkout, minimal_content, cold, STILL_EMBARGOED, tmp_path / "cold-cache")
    assert_same_bytes(site, cold)


def test_a_lifted_embargo_publishes_the_release_as_a_cold_build_does(
    tmp_path, minimal_content, checkout
):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(checkout, minimal_content, site, EMBARGOED, cache)
    assert not (site / RELEASE_PAGE).exists()
    lifted = build(checkout, minimal_content, site, LIFTED, cache)
    assert UP_TO_DATE not in lifted.stderr
    assert "EU supports green transition" in (site / RELEASE_PAGE).read_text(encoding="utf-8")
    cold = tmp_path / "cold"
    build(checkout, minimal_content, cold, LIFTED, tmp_path / "cold-cache")
    assert_same_bytes(site, cold)


@pytest.mark.parametrize(
    ("changed", "old", "new", "page", "shown"),
    [
        (
            "content/initiatives/groen-omstilling.yaml",
            "title: Green transition",
            "title: Greener transition",
            "en/initiatives/index.html",
            "Greener transition",
        ),
        (
            "checkout/generator/templates/initiatives.md.j2",
            "",
            "Template changed here\n\n",
            "en/initiatives/index.html",
            "Template changed here",
        ),
        (
            "checkout/theme/assets/stylesheets/klynge.css",
            "",
            "/* theme changed here */\n",
            "en/assets/stylesheets/klynge.css",
            "theme changed here",
        ),
    ],
    ids=["content file", "template", "theme file"],
)
def test_a_changed_input_rebuilds_the_site_as_a_cold_build_does(
    tmp_path, minimal_content, checkout, changed, old, new, page, shown
):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(checkout, minimal_content, site, LIFTED, cache)
    assert shown not in (site / page).read_text(encoding="utf-8")
    target = tmp_path / changed
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1) if old else new + text, encoding="utf-8")
    again = build(checkout, minimal_content, site, LIFTED, cache)
    assert UP_TO_DATE not in again.stderr
    assert shown in (site / page).read_text(encoding="utf-8")
    cold = tmp_path / "cold"
    build(checkout, minimal_content, cold, LIFTED, tmp_path / "cold-cache")
    assert_same_bytes(site, cold)


def test_a_site_changed_by_hand_is_rebuilt(tmp_path, minimal_content, checkout):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(checkout, minimal_content, site, LIFTED, cache)
    wanted = (site / RELEASE_PAGE).read_bytes()
    (site / RELEASE_PAGE).write_text("edited", encoding="utf-8")
    again = build(checkout, minimal_content, site, LIFTED, cache)
    assert UP_TO_DATE not in again.stderr
    assert (site / RELEASE_PAGE).read_bytes() == wanted


# --- the fingerprint itself ----------------------------------------------------------------------


def test_a_new_now_that_publishes_nothing_new_keeps_the_fingerprint(minimal_content):
    def at(now: str) -> str:
        files = fingerprint.files_digest(minimal_content, ROOT)
        return fingerprint.fingerprint(load_content(minimal_content, build_now(now)), files)

    assert at(EMBARGOED) == at(STILL_EMBARGOED)
    assert at(EMBARGOED) != at(LIFTED)


def test_a_new_day_that_finishes_an_initiative_changes_the_fingerprint(minimal_content):
    # groen-omstilling ends 2023-12-31: on 2024-01-01 (Danish time) it is completed, not ongoing.
    def at(now: str) -> str:
        return fingerprint.model_digest(load_content(minimal_content, build_now(now)))

    assert at("2023-12-31T12:00:00+00:00") == at("2023-12-31T22:00:00+00:00")
    assert at("2023-12-31T12:00:00+00:00") != at("2023-12-31T23:00:00+00:00")  # Danish midnight


def test_with_events_every_now_counts_because_calendars_carry_it(tmp_path):
    content = copy_events_site(tmp_path)
    later = EVENTS_NOW.replace("12:00:00", "13:00:00")
    first = fingerprint.model_digest(load_content(content, build_now(EVENTS_NOW)))
    assert first != fingerprint.model_digest(load_content(content, build_now(later)))


def test_an_unknown_kind_of_value_is_refused_not_skipped():
    with pytest.raises(TypeError, match="does not know how to read a object"):
        fingerprint.canonical({"x": object()})


def test_sets_read_the_same_in_any_order():
    assert fingerprint.canonical({"b", "a", "c"}) == fingerprint.canonical({"c", "b", "a"})


def test_the_record_is_dropped_before_the_site_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("KLYNGE_CACHE", str(tmp_path / "cache"))
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en" / "index.html").write_text("one", encoding="utf-8")
    fingerprint.remember(site, "abc")
    assert fingerprint.is_up_to_date(site, "abc")
    assert not fingerprint.is_up_to_date(site, "abd")
    assert not fingerprint.is_up_to_date(tmp_path / "elsewhere", "abc")
    # A build killed after forget() and before remember() leaves no record: the next rebuilds.
    fingerprint.forget(site)
    assert not fingerprint.is_up_to_date(site, "abc")
    assert list((tmp_path / "cache" / "sites").iterdir()) == []


def test_a_broken_record_means_a_rebuild(tmp_path, monkeypatch):
    monkeypatch.setenv("KLYNGE_CACHE", str(tmp_path / "cache"))
    site = tmp_path / "site"
    site.mkdir()
    record = fingerprint.record_path(site)
    record.parent.mkdir(parents=True)
    record.write_text('{"fingerprint": "abc", "si', encoding="utf-8")  # cut off by a kill
    assert not fingerprint.is_up_to_date(site, "abc")


# Where the generator reads "now" (or "today"), and why the fingerprint covers each.
NOW_READERS = {
    "generator/clock.py": "makes it",
    "generator/content/model.py": "derives from it what the model holds: in model_digest",
    "generator/content/schema.py": "a hint's words",
    "generator/content/types.py": "`new` names files by today's date, not an output",
    "generator/fingerprint.py": "counts it when calendars carry it",
    "generator/newsroom/calendar.py": "DTSTAMP: counted by model_digest when there are events",
    "generator/pipeline.py": "the build log",
}


def test_every_reader_of_now_is_known_to_the_fingerprint():
    # An output that shows "now" some other way would leave site/ stale: it must be counted in
    # fingerprint.model_digest, and then named here.
    readers = sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("generator", "theme")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in (".py", ".j2", ".html")
        and "editor" not in p.parts  # the editor and preview build nothing into site/
        and re.search(r"\bnow\b|\btoday\b", p.read_text(encoding="utf-8"))
    )
    assert readers == sorted(NOW_READERS)
