"""Release PDFs: the text comes out right, the EU statement only when due, same bytes every run."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.clock import build_now
from generator.content.model import load_content
from generator.i18n import translations
from generator.newsroom import pdf
from generator.site.urls import build_url_map

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NOW = "2026-11-25T12:00:00+00:00"
EU_RELEASE = "2026-03-02-eu-stoette"
LOCAL_RELEASE = "2026-05-10-lokale-netvaerk"


def _load(root: Path):
    content = load_content(root, build_now(NOW))
    return content, build_url_map(content)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdf") / "content"
    shutil.copytree(FIXTURE, root)
    return _load(root)


def _pdf(site, release_id: str, lang: str) -> bytes:
    content, urls = site
    return pdf.release_pdf(content.press_releases[release_id], content, urls, lang)


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_danish_pdf_text(site):
    text = _text(_pdf(site, EU_RELEASE, "da"))
    assert "EU-støtte til grønne hospitaler på Fyn" in text
    assert "Det er en stor dag for de grønne hospitaler på Fyn og i Ærøskøbing." in text
    assert "æ" in text and "ø" in text and "å" in text
    assert "Søren Åkjær" in text
    assert "21 28 84 19" in text
    assert "2. marts 2026" in text
    assert translations("da").gettext("Press release").upper() in text
    assert "Medfinansieret af Den Europæiske Union" in text
    assert "Åse Mølgaard / Klyngen" in text and "CC BY 4.0" in text
    assert "Klyngen for Grøn Sundhed er en klyngeorganisation" in text
    # Markdown became formatted text; the script and its text were dropped.
    assert "**" not in text
    assert "ikke her" not in text


def test_english_pdf_carries_the_english_statement(site):
    text = _text(_pdf(site, EU_RELEASE, "en"))
    assert "EU support for green hospitals on Funen" in text
    assert "Co-funded by the European Union" in text
    assert "Medfinansieret" not in text


def test_no_eu_statement_without_an_eu_funded_initiative(site):
    for lang in ("da", "en"):
        text = _text(_pdf(site, LOCAL_RELEASE, lang))
        assert "Medfinansieret af Den Europæiske Union" not in text
        assert "Co-funded by the European Union" not in text
    text = _text(_pdf(site, LOCAL_RELEASE, "da"))
    assert "Netværkene giver de små virksomheder et sted at mødes." in text
    assert "Birte Ørum, Formand for Region Øst" in text


def test_eu_block_follows_the_visibility_rules(site):
    content, urls = site
    html = pdf.release_html(content.press_releases[EU_RELEASE], content, urls, "da")
    assert 'class="eu-statement">Medfinansieret af Den Europæiske Union</span>' in html
    assert pdf.EU_EMBLEM.as_uri() in html
    css = (pdf.TEMPLATES / "print.css").read_text(encoding="utf-8")
    statement_rule = css.split(".eu .eu-statement {", 1)[1].split("}", 1)[0]
    assert "color: #003399" in statement_rule
    assert "font-style: normal" in statement_rule
    assert '"Ubuntu"' in statement_rule


def test_ubuntu_font_is_embedded(site):
    reader = PdfReader(io.BytesIO(_pdf(site, EU_RELEASE, "da")))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Ubuntu" in name for name in fonts)


def test_metadata_dates_come_from_the_release(site):
    meta = PdfReader(io.BytesIO(_pdf(site, EU_RELEASE, "da"))).metadata
    assert meta["/CreationDate"] == "D:20260302093000+01'00"
    assert meta["/ModDate"] == "D:20260302093000+01'00"
    assert meta["/Title"] == "EU-støtte til grønne hospitaler på Fyn"
    assert meta["/Author"] == "Klyngen for Grøn Sundhed"


def test_pdf_is_byte_identical_across_runs_and_checkouts(site, tmp_path, monkeypatch):
    monkeypatch.setenv("KLYNGE_CACHE", str(tmp_path / "cache-1"))
    first = _pdf(site, EU_RELEASE, "da")
    pdf._render.cache_clear()
    monkeypatch.setenv("KLYNGE_CACHE", str(tmp_path / "cache-2"))
    assert _pdf(site, EU_RELEASE, "da") == first
    # Another checkout in another folder gives the same bytes.
    other = tmp_path / "elsewhere" / "content"
    shutil.copytree(FIXTURE, other)
    pdf._render.cache_clear()
    monkeypatch.setenv("KLYNGE_CACHE", str(tmp_path / "cache-3"))
    assert _pdf(_load(other), EU_RELEASE, "da") == first


def test_a_pdf_is_the_same_whatever_was_rendered_before_it(site, tmp_path, monkeypatch):
    # The PDFs of a build share fonts and stylesheets; none may leave a trace in the next one.
    def fresh(release_id: str, lang: str, cache: str) -> bytes:
        pdf._render.cache_clear()
        pdf._renderer.cache_clear()
        monkeypatch.setenv("KLYNGE_CACHE", str(tmp_path / cache))
        return _pdf(site, release_id, lang)

    alone = fresh(LOCAL_RELEASE, "en", "alone")
    fresh(EU_RELEASE, "da", "after")
    _pdf(site, EU_RELEASE, "en")
    assert _pdf(site, LOCAL_RELEASE, "en") == alone


def test_editor_text_is_inert(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    path = root / "press" / "2026-05-10-lokale-netvaerk.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "title: Tolv netværksmøder for små virksomheder",
        "title: '<script>alert(1)</script> <b>Tolv</b> møder'",
    )
    path.write_text(text, encoding="utf-8")
    content, urls = _load(root)
    html = pdf.release_html(content.press_releases[LOCAL_RELEASE], content, urls, "da")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Tolv&lt;/b&gt; møder" in html
    assert "<script" not in html
    eu = pdf.release_html(content.press_releases[EU_RELEASE], content, urls, "da")
    # The body's <script> and <img> are dropped: a PDF runs nothing and shows only the photos.
    assert "<script" not in eu and 'alt="sporing"' not in eu


def test_body_html_is_sanitised():
    html = pdf.body_html(
        '## Titel\n\n<img src="https://x.example/a.png"><a href="javascript:x()">'
        "a</a> <iframe src='https://x.example'></iframe>\n"
    )
    assert "<h2>Titel</h2>" in html
    assert "img" not in html and "iframe" not in html and "javascript" not in html


def test_fetcher_reads_local_files_only(tmp_path):
    fetcher = pdf._LocalFetcher((str(tmp_path),))
    with pytest.raises(ValueError):
        fetcher.fetch("https://tracker.example/pixel.png")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    (tmp_path / "ok.txt").write_text("ok")
    assert fetcher.fetch((tmp_path / "ok.txt").as_uri()).read() == b"ok"


def test_release_pdfs_cover_published_releases_in_every_language(site):
    content, urls = site
    rendered = pdf.release_pdfs(content, urls)
    assert sorted(rendered) == [
        ("2026-03-02-eu-stoette", "da"),
        ("2026-03-02-eu-stoette", "en"),
        ("2026-05-10-lokale-netvaerk", "da"),
        ("2026-05-10-lokale-netvaerk", "en"),
        ("2026-06-01-kun-paa-dansk", "da"),
        ("2026-06-01-kun-paa-dansk", "en"),
    ]
    # The Danish-only release is published on the English site too, in Danish.
    assert "Nyt kontor i Ærøskøbing" in _text(rendered[("2026-06-01-kun-paa-dansk", "en")])
    english = {key: data for key, data in rendered.items() if key[1] == "en"}
    for data in english.values():
        assert "EMBARGO" not in _text(data) and "UDKAST" not in _text(data)
