"""Download paths and labels: where the newsroom's files live and how pages name their size."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.clock import build_now
from generator.content.model import load_content
from generator.newsroom.downloads import (
    human_size,
    media_kit_path,
    press_downloads,
    press_kit_path,
    release_downloads,
    release_pdf_path,
    shared_downloads,
    shared_link,
)
from generator.site.urls import build_url_map

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NOW = "2026-11-25T12:00:00+00:00"
EU_RELEASE = "2026-03-02-eu-stoette"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("downloads") / "content"
    shutil.copytree(FIXTURE, root)
    content = load_content(root, build_now(NOW))
    return content, build_url_map(content)


def test_release_pdf_lives_in_the_release_folder_of_each_language(site):
    content, _ = site
    release = content.press_releases[EU_RELEASE]
    assert release_pdf_path(release, "da") == (
        "presse/eu-stoette-til-groenne-hospitaler/eu-stoette-til-groenne-hospitaler.pdf"
    )
    assert release_pdf_path(release, "en") == (
        "press/eu-support-for-green-hospitals/eu-support-for-green-hospitals.pdf"
    )


def test_kits_are_named_by_the_release_file_in_both_languages(site):
    content, urls = site
    release = content.press_releases[EU_RELEASE]
    assert press_kit_path(release) == "press-kits/2026-03-02-eu-stoette.zip"
    assert media_kit_path() == "press-kits/media-kit.zip"
    assert shared_link(press_kit_path(release)) == "/press-kits/2026-03-02-eu-stoette.zip"
    labels = [label for label, _ in release_downloads(release, urls, "en", str)]
    assert labels == ["Press kit with photos, texts and contacts", "The release as PDF"]


def test_paths_are_known_without_rendering_anything(site):
    content, _ = site
    # `check` claims these paths; without the PDFs nothing is rendered.
    assert sorted(d.path for d in press_downloads(content, None, "da")) == [
        "presse/eu-stoette-til-groenne-hospitaler/eu-stoette-til-groenne-hospitaler.pdf",
        "presse/nyt-kontor-i-aeroeskoebing/nyt-kontor-i-aeroeskoebing.pdf",
        "presse/tolv-netvaerksmoeder/tolv-netvaerksmoeder.pdf",
    ]
    kits = [d.path for d in shared_downloads(content) if d.path.startswith("press-kits/")]
    assert sorted(kits) == [
        "press-kits/2026-03-02-eu-stoette.zip",
        "press-kits/2026-05-10-lokale-netvaerk.zip",
        "press-kits/2026-06-01-kun-paa-dansk.zip",
        "press-kits/media-kit.zip",
    ]


def test_the_pdf_download_hands_out_the_rendered_bytes(site):
    content, urls = site
    release = content.press_releases[EU_RELEASE]
    pdfs = {
        (rid, lang): f"{rid}/{lang}".encode()
        for rid in content.press_releases
        for lang in content.languages
    }
    made = {d.path: d.make() for d in press_downloads(content, urls, "en", pdfs)}
    assert made[release_pdf_path(release, "en")] == b"2026-03-02-eu-stoette/en"
    with pytest.raises(ValueError, match="render the PDFs first"):
        press_downloads(content, urls, "en")[0].make()


@pytest.mark.parametrize(
    ("size", "lang", "kind", "label"),
    [
        (2_400_000, "da", "ZIP", "ZIP, 2,4 MB"),
        (2_400_000, "en", "ZIP", "ZIP, 2.4 MB"),
        (312_400, "da", "PDF", "PDF, 312 kB"),
        (999_999, "en", "ZIP", "ZIP, 1.0 MB"),
        (1_234, "da", "ZIP", "ZIP, 1,2 kB"),
        (640, "en", "ZIP", "ZIP, 640 B"),
        (12_600_000, "da", "ZIP", "ZIP, 13 MB"),
    ],
)
def test_human_size(size, lang, kind, label):
    assert human_size(size, lang, kind) == label
