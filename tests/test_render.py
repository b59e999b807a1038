"""Page rendering: Markdown page bodies per language, without loading the PDF renderer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import outputs
from generator.clock import build_now
from generator.content.model import load_content
from generator.newsroom import images
from generator.newsroom.downloads import shared_downloads, shared_link
from generator.site.render import render_pages
from generator.site.urls import build_url_map

REPO = Path(__file__).resolve().parent.parent


def test_rendering_pages_does_not_load_weasyprint():
    # Pages only label the PDFs' sizes; the build renders PDFs once and hands them over, so the
    # preview and `check` start without WeasyPrint's seconds of import time.
    script = "import sys, generator.site.render; print('weasyprint' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


FIXTURE = REPO / "tests" / "fixtures" / "newsroom" / "content"
DANISH_ONLY = "press/nyt-kontor-i-aeroeskoebing/index.md"


@pytest.fixture(scope="module")
def pages():
    content = load_content(FIXTURE, build_now("2026-11-25T12:00:00+00:00"))
    urls = build_url_map(content)
    rendered = {}
    for lang in content.languages:
        # The sizes the build measured: every own download 2.4 MB, every shared one 312 kB.
        sizes = {d.path: 2_400_000 for d in outputs.downloads(content, urls, lang)}
        sizes.update({shared_link(d.path): 312_400 for d in shared_downloads(content)})
        found = render_pages(content, urls, lang, sizes, images.image_renditions(content))
        rendered[lang] = {page.path: page.text for page in found}
    return rendered


def test_every_page_of_a_language_is_rendered_at_its_own_path(pages):
    assert sorted(pages["en"])[:4] == [
        "certifications/gold-label/index.md",
        "certifications/index.md",
        "contact/index.md",
        "index.md",
    ]
    assert "presse/tolv-netvaerksmoeder/index.md" in pages["da"]
    assert "press/twelve-network-meetings/index.md" in pages["en"]


def test_a_release_page_labels_its_downloads_with_their_sizes(pages):
    english = pages["en"]["press/eu-support-for-green-hospitals/index.md"]
    assert "(ZIP, 312 kB)" in english and "(PDF, 2.4 MB)" in english
    danish = pages["da"]["presse/eu-stoette-til-groenne-hospitaler/index.md"]
    assert "(ZIP, 312 kB)" in danish and "(PDF, 2,4 MB)" in danish
    assert '<time datetime="2026-03-02">2. marts 2026</time>' in danish


def test_a_one_language_release_says_so_in_the_visitors_language(pages):
    page = pages["en"][DANISH_ONLY]
    assert '"canonical": "https://www.klynge.example/da/presse/nyt-kontor-i-aeroeskoebing/"' in page
    assert '!!! note "Only available in Danish"' in page
    assert '# Nyt kontor i Ærøskøbing { lang="da" }' in page
    assert '<span class="release-kind">Press release</span>' in page
