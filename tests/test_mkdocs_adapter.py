"""The MkDocs adapter: one strict MkDocs build per language, with per-language settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.mkdocs_adapter import (
    BuildFailed,
    LanguageBuild,
    build_language,
    extra_settings,
    nav_for,
)

ROOT = Path(__file__).resolve().parent.parent


def test_navigation_lists_sections_as_title_and_file():
    assert nav_for("da", [("Forside", "index.md"), ("Presse", "presse/index.md")]) == [
        {"Forside": "index.md"},
        {"Presse": "presse/index.md"},
    ]


def test_extra_settings_speak_the_language_and_link_every_language():
    extra = extra_settings("da", ("da", "en"), "da", "feed.xml", "Pressemeddelelser", "/klynge/")
    assert extra["alternate"] == [
        {"name": "Dansk", "lang": "da", "link": "/klynge/da/"},
        {"name": "English", "lang": "en", "link": "/klynge/en/"},
    ]
    assert extra["og_locale"] == "da_DK" and extra["og_locale_alternates"] == ["en_GB"]
    assert extra["home_path"] == "/klynge/da/"
    assert extra["search_label"] == "Søg"
    assert extra["fallback_notice"]["en"] == "Denne side findes kun på engelsk."


def _build(tmp_path: Path, page: str) -> tuple[LanguageBuild, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(page, encoding="utf-8")
    site = tmp_path / "site"
    build = LanguageBuild(
        lang="en",
        site_name="Test site",
        site_description="A test",
        site_url="https://example.org/en/",
        docs_dir=docs,
        site_dir=site,
        nav=nav_for("en", [("Home", "index.md")]),
        logo="media/logo.svg",
        extra={
            **extra_settings("en", ("en",), "en", "feed.xml", "Press"),
            "footer": {"name": "Test site", "address": "", "email": "", "phone": "", "links": []},
        },
    )
    return build, site


def test_a_language_builds_in_english_with_its_own_search_index(tmp_path):
    build, site = _build(tmp_path, "# Welcome\n\nHello.\n")
    build_language(ROOT / "mkdocs.yml", build)
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    assert "Welcome" in page
    assert (site / "search" / "search_index.json").is_file()
    assert not (site / "sitemap.xml").exists()  # sitemap.py writes ours


def test_a_warning_fails_the_build_and_is_reported(tmp_path):
    build, _ = _build(tmp_path, "# Welcome\n\n[gone](missing.md)\n")
    with pytest.raises(BuildFailed, match="missing.md"):
        build_language(ROOT / "mkdocs.yml", build)
