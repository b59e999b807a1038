"""Press kits and the media kit: the listed entries, fixed timestamps, same bytes every run."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
import vobject

from generator.clock import build_now
from generator.content.model import load_content
from generator.newsroom import images, pdf
from generator.newsroom.downloads import press_downloads, shared_downloads
from generator.newsroom.presskit import media_kit, press_kit
from generator.site.urls import build_url_map

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NOW = "2026-11-25T12:00:00+00:00"
EU_RELEASE = "2026-03-02-eu-stoette"
WITHHELD = (
    b"HEMMELIGT",
    b"SECRET",
    b"hemmeligt-udkast",
    b"secret-draft",
    b"EMBARGO",
    b"embargonyhed",
    b"embargoed-news",
    b"embargo-foto",
    b"udkast",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("presskit") / "content"
    shutil.copytree(FIXTURE, root)
    content = load_content(root, build_now(NOW))
    urls = build_url_map(content)
    return content, urls, pdf.release_pdfs(content, urls)


def kit_files(content, urls, pdfs) -> dict[str, bytes]:
    """The ZIP files the build writes beside the language folders, as it makes them."""
    return {
        d.path: d.make()
        for d in shared_downloads(content, urls, pdfs)
        if d.path.startswith("press-kits/")
    }


def release_pdf_files(content, urls, pdfs, lang) -> dict[str, bytes]:
    return {d.path: d.make() for d in press_downloads(content, urls, lang, pdfs)}


def _zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_press_kit_holds_the_listed_entries(site):
    content, urls, pdfs = site
    archive = _zip(press_kit(content.press_releases[EU_RELEASE], content, urls, pdfs))
    assert archive.namelist() == [
        "CREDITS.txt",
        "contacts/mette-lund.vcf",
        "contacts/soeren-aakjaer.vcf",
        "fact-sheet-da.md",
        "fact-sheet-en.md",
        "photos/diagram.png",
        "photos/solnedgang-over-odense.jpg",
        "release-da.docx",
        "release-da.md",
        "release-da.pdf",
        "release-en.docx",
        "release-en.md",
        "release-en.pdf",
    ]
    assert archive.testzip() is None
    for name in ("diagram.png", "solnedgang-over-odense.jpg"):
        original = (content.root / "media" / "press" / name).read_bytes()
        assert archive.read(f"photos/{name}") == original
    assert archive.read("release-da.pdf").startswith(b"%PDF-")


def test_press_kit_texts(site):
    content, urls, pdfs = site
    archive = _zip(press_kit(content.press_releases[EU_RELEASE], content, urls, pdfs))
    danish = archive.read("release-da.md").decode("utf-8")
    assert danish.startswith("# EU-støtte til grønne hospitaler på Fyn\n")
    assert "> Det er en stor dag for de grønne hospitaler på Fyn og i Ærøskøbing." in danish
    assert "21 28 84 19" in danish
    assert "Medfinansieret af Den Europæiske Union" in danish
    assert "Co-funded by the European Union" in archive.read("release-en.md").decode()
    credits = archive.read("CREDITS.txt").decode("utf-8")
    assert "File: photos/solnedgang-over-odense.jpg" in credits
    assert "Caption (da): Solen går ned over Odense, hvor projektet har base." in credits
    assert "Caption (en): The sun sets over Odense, where the project is based." in credits
    assert "Credit: Åse Mølgaard / Klyngen" in credits
    assert "Licence: Fri til redaktionel brug" in credits
    facts = archive.read("fact-sheet-da.md").decode("utf-8")
    assert "- **120** medlemsvirksomheder" in facts
    assert "Klyngen for Grøn Sundhed er en klyngeorganisation" in facts
    card = vobject.readOne(archive.read("contacts/soeren-aakjaer.vcf").decode("utf-8"))
    assert card.tel.value == "+4521288419"


def test_zip_entries_have_fixed_time_and_mode(site):
    content, urls, pdfs = site
    for data in kit_files(content, urls, pdfs).values():
        if not data.startswith(b"PK"):
            continue
        infos = _zip(data).infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        for info in infos:
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr == 0o100644 << 16
            assert info.create_system == 3


def test_two_runs_are_byte_identical(site):
    content, urls, pdfs = site
    first = kit_files(content, urls, pdfs) | release_pdf_files(content, urls, pdfs, "da")
    pdf._render.cache_clear()
    images._encode.cache_clear()
    again = pdf.release_pdfs(content, urls)
    assert kit_files(content, urls, again) | release_pdf_files(content, urls, again, "da") == first


def test_one_language_release_has_one_text(site):
    content, urls, pdfs = site
    archive = _zip(
        press_kit(content.press_releases["2026-06-01-kun-paa-dansk"], content, urls, pdfs)
    )
    assert archive.namelist() == [
        "contacts/mette-lund.vcf",
        "fact-sheet-da.md",
        "fact-sheet-en.md",
        "release-da.docx",
        "release-da.md",
        "release-da.pdf",
    ]


def test_media_kit(site):
    content, _, _ = site
    archive = _zip(media_kit(content))
    assert archive.namelist() == [
        "about-da.md",
        "about-en.md",
        "contacts/mette-lund.vcf",
        "contacts/soeren-aakjaer.vcf",
        "fact-sheet-da.md",
        "fact-sheet-en.md",
        "logos/klynge.png",
        "logos/klynge.svg",
        "logos/region-oest.png",
    ]
    assert archive.read("about-en.md").decode().startswith("# About Cluster for Green Health\n")
    assert (
        archive.read("logos/klynge.svg") == (content.root / "media/logos/klynge.svg").read_bytes()
    )
    assert media_kit(content) == archive.fp.getvalue()


def test_kits_are_shared_and_pdfs_are_per_language(site):
    content, urls, pdfs = site
    assert sorted(kit_files(content, urls, pdfs)) == [
        "press-kits/2026-03-02-eu-stoette.zip",
        "press-kits/2026-05-10-lokale-netvaerk.zip",
        "press-kits/2026-06-01-kun-paa-dansk.zip",
        "press-kits/media-kit.zip",
    ]
    assert sorted(release_pdf_files(content, urls, pdfs, "da")) == [
        "presse/eu-stoette-til-groenne-hospitaler/eu-stoette-til-groenne-hospitaler.pdf",
        "presse/nyt-kontor-i-aeroeskoebing/nyt-kontor-i-aeroeskoebing.pdf",
        "presse/tolv-netvaerksmoeder/tolv-netvaerksmoeder.pdf",
    ]
    assert "press/eu-support-for-green-hospitals/eu-support-for-green-hospitals.pdf" in (
        release_pdf_files(content, urls, pdfs, "en")
    )


def test_withheld_releases_are_in_no_kit(site):
    content, urls, pdfs = site
    for lang in ("da", "en"):
        files = kit_files(content, urls, pdfs) | release_pdf_files(content, urls, pdfs, lang)
        for path, data in files.items():
            assert not any(word.decode() in path for word in WITHHELD)
            if data.startswith(b"PK"):
                archive = _zip(data)
                for name in archive.namelist():
                    body = archive.read(name)
                    assert not any(word in body or word.decode() in name for word in WITHHELD)
