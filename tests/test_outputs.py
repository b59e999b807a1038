"""outputs.py: every output path has one owner, claimed before anything is written."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator import outputs
from generator.clock import build_now
from generator.content.fieldref import bundled_languages, render_field_reference
from generator.content.model import load_content
from generator.errors import ContentInvalid
from generator.languages import language
from generator.outputs import Fixed, FromRecord, Registry, claim_site, reservation
from generator.pipeline import build_site
from generator.site import mkdocs_hooks, sitemap
from generator.site.mkdocs_adapter import BuildFailed
from generator.site.urls import build_url_map

NOW = "2025-01-01T00:00:00+00:00"
ROOT = Path(__file__).resolve().parent.parent


def claims_of(content_dir: Path) -> Registry:
    content = load_content(content_dir, build_now(NOW))
    return claim_site(content, build_url_map(content))


def problems(content_dir: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        claims_of(content_dir)
    return [str(error) for error in caught.value.errors]


def test_paths_that_differ_in_case_or_normalisation_are_one_path():
    registry = Registry()
    first = FromRecord("the file", "content/press/a.yaml", 9, "images[0].file")
    nfc = unicodedata.normalize("NFC", "da/media/Æble.jpg")
    assert registry.claim(nfc, first)
    for twin in ("da/media/æble.jpg", unicodedata.normalize("NFD", nfc), "DA/MEDIA/ÆBLE.JPG"):
        assert not registry.claim(
            twin,
            FromRecord(
                "the file", "content/press/b.yaml", 4, "images[0].file", "rename one of the two"
            ),
        )
    assert [str(e) for e in registry.errors] == [
        "content/press/b.yaml:4: images[0].file: /da/media/æble.jpg is already the file of "
        "content/press/a.yaml:9 (as /da/media/Æble.jpg: addresses that differ only in letter "
        "case or in how a letter is encoded are the same); rename one of the two"
    ]


def test_a_folder_claim_owns_every_file_below_it():
    registry = Registry()
    registry.claim("da/assets/", Fixed("the theme's files (assets/)"))
    page = FromRecord("the page", "content/pages/x.da.md", 3, "slug")
    assert not registry.claim("da/assets/index.html", page)
    assert registry.owner_of("da/assets/javascripts/x.js") == Fixed("the theme's files (assets/)")
    assert [str(e) for e in registry.errors] == [
        "content/pages/x.da.md:3: slug: /da/assets/ is already the theme's files (assets/); "
        "choose another slug"
    ]


def test_two_fixed_outputs_on_one_path_are_a_mistake_of_the_generator():
    registry = Registry()
    registry.claim("da/feed.xml", Fixed("the press feed"))
    with pytest.raises(RuntimeError, match="the sitemap: /da/feed.xml is already the press feed"):
        registry.claim("da/feed.xml", Fixed("the sitemap"))


def test_the_minimal_site_claims_pages_downloads_and_fixed_files(minimal_content):
    registry = claims_of(minimal_content)
    owners = {path: registry.owner_of(path).describe() for path in registry.files()}
    assert owners["da/presse/2024/index.html"] == "the press year archive 2024"
    assert owners["en/press/eu-supports-green-transition/index.html"] == (
        "the page of content/press/2024-03-01-eu-stoette.yaml:24"
    )
    assert owners["media/press/foto.jpg"] == (
        "the file of content/press/2024-03-01-eu-stoette.yaml:9"
    )
    assert owners["da/kontakt/mette-lund.vcf"] == "the vCard of content/people/mette-lund.yaml:1"
    assert owners["en/about/index.html"] == "the page of content/pages/om.en.md:3"
    assert owners["robots.txt"] == "robots.txt"
    assert registry.owner_of("en/search/search_index.json") == Fixed("the search index")


def test_a_release_slug_equal_to_a_year_archive_names_the_archive(minimal_content):
    release = minimal_content / "press" / "2024-03-01-eu-stoette.yaml"
    release.write_text(
        release.read_text(encoding="utf-8").replace(
            "slug: eu-stoetter-groen-omstilling", "slug: '2024'"
        ),
        encoding="utf-8",
    )
    assert problems(minimal_content) == [
        "content/press/2024-03-01-eu-stoette.yaml:19: da.slug: /da/presse/2024/ is already the "
        "press year archive 2024; choose another slug"
    ]


def test_check_reports_a_clash_too(minimal_content, tmp_path):
    import subprocess
    import sys

    page = minimal_content / "pages" / "om.en.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("slug: about", "slug: press"), encoding="utf-8"
    )
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(minimal_content),
            "--now",
            NOW,
            "check",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/pages/om.en.md:3: slug: /en/press/ is already the press room; choose another slug",
        "1 problem found; nothing was built.",
    ]


def test_every_generated_folder_is_a_reserved_slug(minimal_content):
    """A generated page's folder is reserved where a slug could take it, so editors learn
    about a clash before the page it would clash with exists."""
    content = load_content(minimal_content, build_now(NOW))
    urls = build_url_map(content)
    for key in urls.keys():
        if key[0] not in ("section", "facet", "start_year", "press_year"):
            continue
        for lang in content.languages:
            parts = urls.path(key, lang).rstrip("/").split("/")
            sections = language(lang).sections
            section = next(name for name, slug in sections.items() if slug == parts[0])
            assert reservation(None, parts[0], lang) is not None, (key, lang)
            if len(parts) > 1:
                assert reservation(section, parts[1], lang) is not None, (key, lang)
    for name in (*outputs.MKDOCS_OUTPUTS, *sitemap.LANGUAGE_FILES, "media/", "feed.xml"):
        for lang in content.languages:
            slug = name.rstrip("/").removesuffix(".html")
            assert reservation(None, slug, lang) is not None, name


def test_fields_md_lists_every_reserved_slug():
    text = render_field_reference()
    section = text[text.index("## Reserved slugs") :]
    for reserved in outputs.RESERVED:
        assert reserved.owner in section
        for lang in bundled_languages():
            for name in reserved.names[lang]:
                assert f"`{name}`" in section, name
    assert "any four-digit year" in section


def _build(content: Path, site: Path) -> None:
    build_site(content, site, ROOT, build_now(NOW), quiet=True)


def test_two_writers_of_one_file_fail_the_build(minimal_content, tmp_path, monkeypatch):
    # MkDocs writing its own sitemap again, beside sitemap.py's, is a second writer of
    # da/sitemap.xml: the build must stop instead of letting the later one win.
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("online now\n", encoding="utf-8")
    monkeypatch.setattr(mkdocs_hooks, "SKIPPED_TEMPLATES", ())
    with pytest.raises(BuildFailed, match=r"site/da/sitemap\.xml was written twice"):
        _build(minimal_content, site)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_a_file_nobody_claimed_fails_the_build(minimal_content, tmp_path, monkeypatch):
    write_root_files = sitemap.write_root_files

    def with_a_stray(content, urls, out):
        write_root_files(content, urls, out)
        (out / "da" / "stray.txt").write_text("?", encoding="utf-8")
        (out / "favicon.ico").unlink()

    monkeypatch.setattr(sitemap, "write_root_files", with_a_stray)
    with pytest.raises(BuildFailed) as caught:
        _build(minimal_content, tmp_path / "site")
    assert str(caught.value).splitlines() == [
        "The finished site does not match its claimed paths:",
        "da/stray.txt was written, but no output claimed it",
        "favicon.ico was claimed by the site icon, but not written",
    ]
    assert not (tmp_path / "site").exists()


def test_two_terms_whose_labels_make_one_listing_are_both_named(minimal_content):
    taxonomies = minimal_content / "taxonomies.yaml"
    taxonomies.write_text(
        taxonomies.read_text(encoding="utf-8").replace(
            "    en: {label: Funen}\n",
            "    en: {label: Funen}\n  fyn-2:\n    nuts: DK032\n    da: {label: FYN}\n"
            "    en: {label: Funen 2}\n",
        ),
        encoding="utf-8",
    )
    initiative = minimal_content / "initiatives" / "groen-omstilling.yaml"
    initiative.write_text(
        initiative.read_text(encoding="utf-8").replace("regions: [fyn]", "regions: [fyn, fyn-2]"),
        encoding="utf-8",
    )
    assert problems(minimal_content) == [
        "content/taxonomies.yaml:8: regions.fyn-2.da.label: /da/indsatser/region/fyn/ is already "
        "the initiatives region listing of content/taxonomies.yaml:4; give the terms labels that "
        "differ in more than case and accents"
    ]
