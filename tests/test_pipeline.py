"""The build's steps: a language's docs folder and MkDocs settings, the folders beside site/."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator.clock import build_now
from generator.content.model import load_content
from generator.errors import UserError
from generator.pipeline import (
    language_build,
    prepare_work_folder,
    remove_stale_folders,
    write_docs,
)
from generator.site.urls import build_url_map

NOW = "2026-12-03T09:00:00+01:00"


@pytest.fixture
def site(minimal_content):
    content = load_content(minimal_content, build_now(NOW))
    urls = build_url_map(content)
    # The PDFs are rendered once per build and handed over; their bytes are not looked into here.
    pdfs = {
        (rid, lang): b"%PDF-" + rid.encode()
        for rid in content.press_releases
        for lang in content.languages
    }
    return content, urls, pdfs


def test_write_docs_writes_pages_and_downloads_and_only_what_changed(site, tmp_path):
    content, urls, pdfs = site
    docs = tmp_path / "docs"
    downloads, pages = write_docs(content, urls, "en", docs, pdfs)
    assert (docs / "index.md").is_file()
    pdf = next(docs.glob("press/*/*.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF-")
    (docs / "press" / "left-over.md").write_text("old", encoding="utf-8")
    os.utime(pdf, (0, 0))
    assert write_docs(content, urls, "en", docs, pdfs) == (downloads, pages)
    # Unchanged files keep their time (the preview's watcher sees real changes only); files
    # no longer generated are gone.
    assert pdf.stat().st_mtime == 0
    assert not (docs / "press" / "left-over.md").exists()


def test_each_language_has_its_own_names_navigation_and_address(site, tmp_path):
    content, urls, _ = site
    build = language_build(content, urls, "da", tmp_path / "docs", tmp_path / "site")
    assert build.site_url.endswith("/da/")
    assert build.nav[0] == {"Forside": "index.md"}
    assert build.extra["footer"]["links"][-1]["title"] == "Pressemeddelelser (Atom-feed)"


def test_a_site_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "site").write_text("not a folder")
    with pytest.raises(UserError) as raised:
        prepare_work_folder(tmp_path / "site" / "out")
    assert str(raised.value) == (
        f"{tmp_path / 'site'} is a file, not a folder; "
        "remove it, or build elsewhere with --site DIR"
    )


def test_folders_of_killed_builds_are_removed_and_running_ones_kept(tmp_path):
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = tmp_path / f".site-build-{finished.stdout.strip()}-x"
    running = tmp_path / f".site-build-{os.getppid()}-y"
    other = tmp_path / ".site-notes"
    for folder in (dead, running, other):
        folder.mkdir()
    assert remove_stale_folders(tmp_path / "site") == [dead]
    assert running.is_dir() and other.is_dir()
