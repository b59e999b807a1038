"""Shared fixtures: the repository root and the minimal valid content tree, copied per test."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal"
# The newsroom fixture with six events and a draft laid over it (tests/fixtures/events/README.md).
EVENTS_NOW = "2026-11-25T12:00:00+00:00"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _copy_minimal(dest: Path) -> Path:
    """Copy tests/fixtures/minimal to `dest`/content (so errors read content/...) and return it."""
    target = Path(dest) / "content"
    shutil.copytree(MINIMAL, target)
    return target


def copy_events_site(dest: Path) -> Path:
    """Copy the newsroom fixture with the events laid over it to `dest`/content; return it."""
    target = Path(dest) / "content"
    shutil.copytree(FIXTURES / "newsroom" / "content", target)
    shutil.copytree(FIXTURES / "events" / "events", target / "events")
    return target


def add_showcase(content: Path) -> None:
    """Lay over a copy of the newsroom fixture what the bundled content has none of: a banner
    photo on the home page, a press contact's portrait and a member organisation with a logo."""
    site = content / "site.yaml"
    site.write_text(
        site.read_text(encoding="utf-8") + "hero_image:\n"
        "  file: media/press/solnedgang-over-odense.jpg\n"
        "  credit: Åse Mølgaard / Klyngen\n"
        "  licence: CC BY 4.0\n"
        "  da: {alt: Solnedgang over Odense, caption: Odense ved aftenstid.}\n"
        "  en: {alt: Sunset over Odense, caption: Odense in the evening.}\n",
        encoding="utf-8",
    )
    person = content / "people" / "mette-lund.yaml"
    person.write_text(
        person.read_text(encoding="utf-8") + "photo:\n"
        "  file: media/initiatives/vaerksted.jpg\n"
        "  credit: Karl Foto\n"
        "  licence: CC BY-ND 4.0\n"
        "  da: {alt: Mette Lund i værkstedet, caption: Mette Lund.}\n"
        "  en: {alt: Mette Lund in the workshop, caption: Mette Lund.}\n",
        encoding="utf-8",
    )
    region = content / "organisations" / "region-oest.yaml"
    region.write_text(
        "relations:\n  - type: member_of\n    organisation: klynge\n"
        + region.read_text(encoding="utf-8"),
        encoding="utf-8",
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root, where build.py is."""
    return ROOT


@pytest.fixture(scope="session")
def copy_minimal():
    """A function: copy_minimal(folder) copies the minimal content tree to folder/content."""
    return _copy_minimal


@pytest.fixture
def minimal_content(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid content tree, at tmp_path/content."""
    return _copy_minimal(tmp_path)


@pytest.fixture(scope="session", autouse=True)
def _pdf_cache(tmp_path_factory):
    """Tests start with an empty PDF cache of their own, never the repository's .cache/."""
    import os

    folder = tmp_path_factory.mktemp("pdf-cache")
    previous = os.environ.get("KLYNGE_CACHE")
    os.environ["KLYNGE_CACHE"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("KLYNGE_CACHE", None)
    else:
        os.environ["KLYNGE_CACHE"] = previous
