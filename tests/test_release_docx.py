"""Releases as Word documents: the page's text in order, safe, dated by the release."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from generator.clock import build_now
from generator.content.model import load_content
from generator.newsroom.release_docx import release_docx
from generator.site.urls import build_url_map

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NOW = "2026-11-25T12:00:00+00:00"
EU_RELEASE = "2026-03-02-eu-stoette"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("docx") / "content"
    shutil.copytree(FIXTURE, root)
    content = load_content(root, build_now(NOW))
    return content, build_url_map(content)


def _zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_word_documents_are_deterministic_and_dated_by_the_release(site):
    content, urls = site
    release = content.press_releases[EU_RELEASE]
    first = release_docx(release, content, urls, "en")
    assert release_docx(release, content, urls, "en") == first
    infos = _zip(first).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    document = Document(io.BytesIO(first))
    props = document.core_properties
    assert (props.created.isoformat(), props.modified.isoformat()) == (
        "2026-03-02T08:30:00+00:00",
        "2026-03-02T08:30:00+00:00",
    )  # 09:30 in Copenhagen
    assert (props.author, props.language) == ("Cluster for Green Health", "en")
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "EU support for green hospitals on Funen"
    assert "Co-funded by the European Union" in texts
    assert "Quote" in texts and "Facts" in texts and "Press contacts" in texts
    danish = [
        p.text for p in Document(io.BytesIO(release_docx(release, content, urls, "da"))).paragraphs
    ]
    assert not any("<script>" in t or "<img" in t or "sporing" in t for t in texts + danish)


def test_a_one_language_release_keeps_its_language_on_the_other_site(site):
    content, urls = site
    release = content.press_releases["2026-06-01-kun-paa-dansk"]
    texts = _paragraphs(release_docx(release, content, urls, "en"))
    assert texts[0] == "Nyt kontor i Ærøskøbing"
