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
