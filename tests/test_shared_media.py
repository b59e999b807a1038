"""Photos and kits are written once for both languages: a large photo grows site/ by about twice
its size (the original and the press kit), and every page reaches the shared files through
relative links, also when the site lives under a sub-path."""

from __future__ import annotations

import html as _html
import importlib.util
import io
import re
import zipfile
from pathlib import Path

import pytest

from tests.test_build import ROOT, run_build

NOW = "2025-01-01T00:00:00+00:00"
SUB_PATH = "https://example.github.io/klynge/"


def _bench():
    spec = importlib.util.spec_from_file_location("media_size", ROOT / "bench" / "media_size.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _with_photo(content: Path, photo: Path) -> None:
    (content / "media" / "press" / "stort-foto.jpg").write_bytes(photo.read_bytes())
    release = content / "press" / "2024-03-01-eu-stoette.yaml"
    text = release.read_text(encoding="utf-8")
    release.write_text(
        text.replace(
            "images:\n",
            (
                "images:\n  - file: media/press/stort-foto.jpg\n    credit: Klyngen\n"
                "    licence: CC BY 4.0\n    da: {alt: Et foto, caption: Et foto}\n"
                "    en: {alt: A photo, caption: A photo}\n"
            ),
            1,
        ),
        encoding="utf-8",
    )
    text = release.read_text(encoding="utf-8")
    for lang, intro in (
        ("da", "Klyngen får støtte fra Regionalfonden."),
        ("en", "The Cluster receives support from the European Regional Development Fund."),
    ):
        release.write_text(
            text.replace(
                f"  body: {intro}",
                (
                    f"  body: |\n    {intro} Læs **mere** på [projektets side](https://projekt.example/).\n"
                    "\n    ## Tre mål\n\n    - Mindre energi\n    - Færre engangsprodukter\n"
                    f"    - Nye job ({lang})\n"
                ),
            ),
            encoding="utf-8",
        )
        text = release.read_text(encoding="utf-8")
    site = content / "site.yaml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("https://www.klynge.example/", SUB_PATH),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory, copy_minimal):
    work = tmp_path_factory.mktemp("shared")
    photo = work / "photo.jpg"
    photo_size = _bench().make_photo(photo, 3)
    before, after = copy_minimal(work / "before"), copy_minimal(work / "after")
    _with_photo(after, photo)
    sites = {}
    for name, content in (("before", before), ("after", after)):
        sites[name] = work / name / "site"
        result = run_build(content, sites[name], now=NOW)
        assert result.returncode == 0, result.stderr
    return photo.read_bytes(), photo_size, sites["before"], sites["after"]


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_a_large_photo_grows_the_site_by_at_most_2_2_times_its_size(builds):
    photo, photo_size, before, after = builds
    assert photo_size > 2_500_000
    assert _size(after) - _size(before) <= 2.2 * photo_size


def test_the_original_is_written_once_and_the_kit_once(builds):
    photo, _, _, site = builds
    copies = [
        p.relative_to(site).as_posix() for p in site.rglob("*.jpg") if p.read_bytes() == photo
    ]
    assert copies == ["media/press/stort-foto.jpg"]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.zip")) == [
        "press-kits/2024-03-01-eu-stoette.zip",
        "press-kits/media-kit.zip",
    ]
    with zipfile.ZipFile(site / "press-kits/2024-03-01-eu-stoette.zip") as kit:
        assert kit.read("photos/stort-foto.jpg") == photo
        assert {"release-da.md", "release-en.md", "release-da.pdf", "release-en.pdf"} <= set(
            kit.namelist()
        )


def test_pages_reach_shared_files_by_relative_links_with_sizes(builds):
    _, photo_size, _, site = builds
    pages = {
        "da": site / "da/presse/eu-stoetter-groen-omstilling/index.html",
        "en": site / "en/press/eu-supports-green-transition/index.html",
    }
    for lang, page in pages.items():
        html = page.read_text(encoding="utf-8")
        kit = re.search(r'<a href="([^"]+)">[^<]+</a> \(ZIP, ([^)]+)\)', html)
        assert kit.group(1) == "../../../press-kits/2024-03-01-eu-stoette.zip"
        kit_size = (site / "press-kits/2024-03-01-eu-stoette.zip").stat().st_size
        assert kit.group(2) == f"{kit_size / 1e6:.1f} MB".replace(".", "," if lang == "da" else ".")
        original = re.search(r'<a href="([^"]+)" download="">[^<]+</a> \(JPG, ([^)]+)\)', html)
        assert original.group(1) == "../../../media/press/stort-foto.jpg"
        assert original.group(2).endswith(" MB")
        for link in re.findall(r'(?:href|src)="([^"#]+)"', html) + re.findall(
            r'srcset="([^"]+)"', html
        ):
            for url in re.split(r" \d+w,? ?", link):
                if url and "://" not in url and not url.startswith(("mailto:", "tel:")):
                    assert (page.parent / url).resolve().exists(), (page, url)
        assert f'content="{SUB_PATH}media/web/stort-foto-960.jpg"' in html  # og:image


def _blocks(html: str) -> list[str]:
    """The text of every heading, paragraph and list item of a page's article."""
    article = html[html.index("<article") : html.index("</article>")]
    # The breadcrumb trail leads back to the site; it is not the release's text.
    article = re.sub(r'<nav class="breadcrumbs".*?</nav>', "", article, flags=re.S)
    blocks = re.findall(r"<(h1|h2|p|li)\b[^>]*>(.*?)</\1>", article, re.S)
    texts = [
        " ".join(_html.unescape(re.sub(r"<[^>]+>", " ", inner)).split()) for _tag, inner in blocks
    ]
    return [t.replace("¶", "").replace(" .", ".").replace(" ,", ",").strip() for t in texts]


def test_the_word_document_has_the_page_text(builds):
    from docx import Document

    _, _, _, site = builds
    pages = {
        "da": site / "da/presse/eu-stoetter-groen-omstilling/index.html",
        "en": site / "en/press/eu-supports-green-transition/index.html",
    }
    with zipfile.ZipFile(site / "press-kits/2024-03-01-eu-stoette.zip") as kit:
        for lang, page in pages.items():
            document = Document(io.BytesIO(kit.read(f"release-{lang}.docx")))
            paragraphs = [
                re.sub(r" \(https?://[^)]*\)", "", " ".join(p.text.split()))
                for p in document.paragraphs
            ]
            blocks = _blocks(page.read_text(encoding="utf-8"))
            lead = {"da": "Klyngen får støtte fra EU.", "en": "The Cluster receives EU support."}[
                lang
            ]
            assert lead in blocks and lead in paragraphs
            assert paragraphs[0] == blocks[0]  # the headline
            body = [
                b
                for b in blocks
                if "projektets side" in b
                or b in ("Tre mål", "Mindre energi", "Færre engangsprodukter", f"Nye job ({lang})")
            ]
            assert len(body) == 5, blocks
            assert [p for p in paragraphs if p in body] == body
            styles = {p.text: p.style.name for p in document.paragraphs}
            assert styles["Tre mål"] == "Heading 1"
            assert styles["Mindre energi"] == "List Bullet"
            assert any(
                "projektets side (https://projekt.example/)" in p.text for p in document.paragraphs
            )


def test_the_preview_serves_shared_files_from_its_one_language_folder(tmp_path, copy_minimal):
    from generator.clock import build_now
    from generator.content.model import load_content
    from generator.newsroom.pdf import release_pdfs
    from generator.pipeline import write_docs
    from generator.site.urls import build_url_map

    content = load_content(copy_minimal(tmp_path), build_now(NOW))
    urls = build_url_map(content)
    docs = tmp_path / "docs"
    write_docs(content, urls, "en", docs, release_pdfs(content, urls))
    assert (docs / "press-kits/2024-03-01-eu-stoette.zip").is_file()
    assert (docs / "media/press/foto.jpg").is_file()
    page = (docs / "press/eu-supports-green-transition/index.md").read_text(encoding="utf-8")
    # The preview serves the language at /, where ../../../ stops at the root: /press-kits/...
    assert 'href="../../../press-kits/2024-03-01-eu-stoette.zip"' in page


def test_check_lists_exactly_the_shared_files_the_build_writes(tmp_path, copy_minimal):
    from generator.clock import build_now
    from generator.content.model import load_content
    from generator.newsroom.downloads import shared_downloads
    from generator.newsroom.pdf import release_pdfs
    from generator.pipeline import shared_files
    from generator.site.urls import build_url_map

    content = load_content(copy_minimal(tmp_path), build_now(NOW))
    urls = build_url_map(content)
    # `check` claims the paths without making the files; the build makes exactly those.
    assert (
        sorted(download.path for download in shared_downloads(content))
        == sorted(shared_files(content, urls, release_pdfs(content, urls)))
        == [
            "media/press/foto.jpg",
            "media/web/foto-16.jpg",
            "press-kits/2024-03-01-eu-stoette.zip",
            "press-kits/media-kit.zip",
        ]
    )
