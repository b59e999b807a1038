"""Atom feeds: valid for feed readers, dated by the releases, never by the build."""

from __future__ import annotations

import shutil
from pathlib import Path

import atoma
import feedparser
import pytest

from generator.clock import build_now
from generator.content.model import load_content
from generator.newsroom import pdf
from generator.newsroom.feeds import atom_feed
from generator.site.urls import build_url_map

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NOW = "2026-11-25T12:00:00+00:00"
IDS = {
    "2026-06-01-kun-paa-dansk": "tag:www.klynge.example,2026-06-01:press/2026-06-01-kun-paa-dansk",
    "2026-05-10-lokale-netvaerk": (
        "tag:www.klynge.example,2026-05-10:press/2026-05-10-lokale-netvaerk"
    ),
    "2026-03-02-eu-stoette": "tag:www.klynge.example,2026-03-02:press/2026-03-02-eu-stoette",
}


def _load(root: Path, now: str = NOW):
    content = load_content(root, build_now(now))
    return content, build_url_map(content)


def built_feed(content, urls, lang: str) -> bytes:
    """The feed as the build makes it, with the sizes of the rendered PDFs."""
    sizes = {key: len(data) for key, data in pdf.release_pdfs(content, urls).items()}
    return atom_feed(content, urls, lang, sizes)


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("feeds") / "content"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.fixture(scope="module")
def site(root):
    return _load(root)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_feed_parses_cleanly(site, lang):
    content, urls = site
    data = built_feed(content, urls, lang)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<feed')
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = atoma.parse_atom_bytes(data)
    assert [entry.id_ for entry in feed.entries] == list(IDS.values())


def test_feed_head(site):
    content, urls = site
    feed = atoma.parse_atom_bytes(built_feed(content, urls, "da"))
    assert feed.id_ == "https://www.klynge.example/da/feed.xml"
    assert feed.title.value.startswith("Klyngen for Grøn Sundhed – ")
    assert feed.subtitle.value.startswith("Vi forbinder virksomheder")
    assert feed.authors[0].name == "Klyngen for Grøn Sundhed"
    links = {link.rel: link.href for link in feed.links}
    assert links == {
        "self": "https://www.klynge.example/da/feed.xml",
        "alternate": "https://www.klynge.example/da/presse/",
    }
    # The newest entry dates the feed.
    assert feed.updated == feed.entries[0].updated
    assert feed.updated.isoformat() == "2026-06-01T14:00:00+02:00"


def test_entries(site):
    content, urls = site
    parsed = feedparser.parse(built_feed(content, urls, "en"))
    assert len(parsed.entries) == 3
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.updated and entry.published and entry.summary
        release = content.press_releases[entry.id.rsplit("/", 1)[1]]
        alternate = next(link for link in entry.links if link.rel == "alternate")
        assert alternate.href == urls.url(("press_release", release.id), "en")
        enclosure = next(link for link in entry.links if link.rel == "enclosure")
        assert enclosure.type == "application/pdf"
        assert enclosure.href.startswith(alternate.href) and enclosure.href.endswith(".pdf")
        assert int(enclosure.length) == len(pdf.release_pdf(release, content, urls, "en"))
    eu = next(e for e in parsed.entries if e.id == IDS["2026-03-02-eu-stoette"])
    assert eu.title == "EU support for green hospitals on Funen"
    assert eu.published == "2026-03-02T09:30:00+01:00"
    assert eu.updated == eu.published


def test_one_language_release_is_in_both_feeds(site):
    content, urls = site
    english = atoma.parse_atom_bytes(built_feed(content, urls, "en"))
    danish_only = english.entries[0]
    assert danish_only.id_ == IDS["2026-06-01-kun-paa-dansk"]
    assert danish_only.title.value == "Nyt kontor i Ærøskøbing"
    danish = atoma.parse_atom_bytes(built_feed(content, urls, "da"))
    assert [e.id_ for e in danish.entries] == [e.id_ for e in english.entries]


def test_withheld_releases_are_not_in_the_feed(site):
    content, urls = site
    for lang in ("da", "en"):
        data = built_feed(content, urls, lang)
        for word in (b"udkast", b"HEMMELIGT", b"SECRET", b"embargo", b"EMBARGO"):
            assert word not in data


def test_feed_ignores_the_clock(root, site):
    content, urls = site
    later = _load(root, "2026-11-30T09:00:00+01:00")
    assert built_feed(*later, "da") == built_feed(content, urls, "da")


def test_empty_feed_has_a_fixed_date(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    for path in (root / "press").glob("*.yaml"):
        path.unlink()
    content, urls = _load(root)
    data = built_feed(content, urls, "en")
    assert b"<updated>1970-01-01T00:00:00Z</updated>" in data
    assert feedparser.parse(data).bozo == 0
    assert atoma.parse_atom_bytes(data).entries == []
