"""brand.py and site.yaml `brand:`: the settings are checked, and applied to the built pages."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content import colours
from generator.content import schema as s
from generator.content.model import BrandSettings
from generator.site import brand

ROOT = Path(__file__).resolve().parent.parent
THEME_CSS = ROOT / "theme" / "assets" / "stylesheets" / "klynge.css"
FONTS = ROOT / "theme" / "assets" / "fonts"


def _brand(**settings) -> BrandSettings:
    return BrandSettings(
        **{"primary": None, "accent": None, "hero": None, "typeface": None, **settings}
    )


def _check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "build.py", "--content", str(content), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _add_brand(content: Path, lines: str) -> None:
    site = content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "brand:\n" + lines, encoding="utf-8")


# --- the style sheet -----------------------------------------------------------------------------


def test_without_brand_settings_nothing_overrides_the_theme():
    assert brand.stylesheet(None) == ""
    assert brand.stylesheet(_brand()) == ""
    assert brand.stylesheet(_brand(typeface="system")) == ""


def test_a_primary_colour_sets_materials_colours_and_the_hero_and_footer():
    css = brand.stylesheet(_brand(primary="#5c2d91"))
    assert css == (
        ":root {\n"
        "  --md-primary-fg-color: #5c2d91;\n"
        "  --md-primary-fg-color--light: #7947b2;\n"
        "  --md-primary-fg-color--dark: #3f1e65;\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-typeset-a-color: #5c2d91;\n"
        "  --klynge-footer-fg: #e3e8ec;\n"
        "  --klynge-hero-bg: #5c2d91;\n"
        "  --klynge-hero-fg: #ffffff;\n"
        "}\n"
    )


def test_accent_hero_and_typeface_each_set_their_own_properties():
    css = brand.stylesheet(_brand(accent="#00695c", hero="#1a237e", typeface="source-sans-3"))
    assert "--md-accent-fg-color: #00695c;" in css
    assert "--md-accent-fg-color--transparent: rgba(0, 105, 92, 0.1);" in css
    assert "--klynge-hero-bg: #1a237e;" in css
    assert "--md-primary-fg-color" not in css  # primary left out: the theme's stays
    assert '--md-text-font: "Source Sans 3";' in css
    assert css.endswith(
        'body, input { font-family: "Source Sans 3", system-ui, -apple-system, "Segoe UI", '
        "Roboto, Arial, sans-serif; }\n"
    )


def test_the_theme_defaults_are_the_colours_the_contrast_check_assumes():
    css = THEME_CSS.read_text(encoding="utf-8")
    root = dict(re.findall(r"(--[\w-]+):\s*([^;]+);", css.split("}", 1)[0] + css))
    assert root["--md-primary-fg-color"] == colours.DEFAULT_PRIMARY
    assert root["--md-primary-fg-color--dark"] == colours.darker_shade(colours.DEFAULT_PRIMARY)
    assert root["--md-accent-fg-color"] == colours.DEFAULT_ACCENT
    assert root["--klynge-hero-bg"] == colours.DEFAULT_PRIMARY
    assert root["--klynge-footer-fg"] == colours.FOOTER_TEXT
    assert root["--klynge-gold"] == colours.HERO_EYEBROW


@pytest.mark.parametrize("typeface", [t for t in s.TYPEFACES if t != "system"])
def test_every_typeface_is_self_hosted_with_its_licence(typeface):
    family = brand.FAMILIES[typeface]
    css = THEME_CSS.read_text(encoding="utf-8")
    faces = re.findall(
        r'@font-face \{ font-family: "' + re.escape(family) + r'";[^}]*url\("\.\./fonts/([^"]+)"\)',
        css,
    )
    assert faces, f"no @font-face for {family} in klynge.css"
    for name in faces:
        assert (FONTS / name).is_file(), name
        assert name.endswith(".woff2") and "-latin-" in name
    assert list(FONTS.glob(f"LICENCE-{faces[0].split('-latin-')[0]}*.txt"))
    assert set(brand.FAMILIES) == set(s.TYPEFACES)


# --- content errors ------------------------------------------------------------------------------


def test_a_low_contrast_primary_is_a_content_error_naming_the_nearest_passing_colour(
    minimal_content,
):
    _add_brand(minimal_content, '  primary: "#5b9bd5"\n  hero: "#0b3d5c"\n')
    result = _check(minimal_content)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[0] == (
        "content/site.yaml:21: brand.primary: '#5b9bd5' gives the header's white text on it a "
        'contrast of 2.96:1, below the 4.5:1 WCAG AA asks of text; use "#307abd", the nearest '
        "shade of the same hue that passes (4.52:1)"
    )


def test_the_hinted_colour_passes(minimal_content):
    _add_brand(minimal_content, '  primary: "#307abd"\n  hero: "#0b3d5c"\n')
    result = _check(minimal_content)
    assert result.returncode == 0, result.stderr


def test_an_unknown_typeface_is_a_content_error_listing_the_choices(minimal_content):
    _add_brand(minimal_content, "  typeface: Comic Sans\n")
    result = _check(minimal_content)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[0] == (
        "content/site.yaml:21: brand.typeface: 'Comic Sans' is not allowed; write one of: "
        "system, ubuntu, source-sans-3, atkinson-hyperlegible"
    )


def test_a_misspelt_typeface_is_named(minimal_content):
    _add_brand(minimal_content, "  typeface: source-sans\n")
    assert _check(minimal_content).stderr.strip().splitlines()[0] == (
        "content/site.yaml:21: brand.typeface: 'source-sans' is not allowed; did you mean "
        "'source-sans-3'?"
    )


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "  accent: #b3261e\n",
            "content/site.yaml:21: brand.accent: the colour is missing; a # outside quotes "
            'starts a comment in YAML: write accent: "#rrggbb", e.g. accent: "#b3261e"',
        ),
        (
            '  accent: "#b32"\n',
            "content/site.yaml:21: brand.accent: '#b32' is not a colour; write all six digits: "
            '"#bb3322"',
        ),
        (
            "  accent: red\n",
            "content/site.yaml:21: brand.accent: 'red' is not a colour; write # and six "
            'hexadecimal digits in quotes, e.g. accent: "#0b3d5c"',
        ),
    ],
)
def test_a_colour_that_is_not_rrggbb_is_a_content_error(minimal_content, line, expected):
    _add_brand(minimal_content, line)
    assert _check(minimal_content).stderr.strip().splitlines()[0] == expected


def test_the_bundled_site_keeps_the_theme_look():
    from datetime import UTC, datetime

    from generator.content.model import load_content

    content = load_content(ROOT / "content", datetime(2026, 11, 25, 12, tzinfo=UTC))
    assert brand.stylesheet(content.site.brand) == ""


def test_settings_reach_the_model(minimal_content):
    from datetime import UTC, datetime

    from generator.content.model import load_content

    _add_brand(minimal_content, '  accent: "#00695C"\n  typeface: ubuntu\n')
    content = load_content(minimal_content, datetime(2026, 11, 25, 12, tzinfo=UTC))
    assert content.site.brand == _brand(accent="#00695c", typeface="ubuntu")


@pytest.mark.parametrize("guide", ["docs/editors-guide.md", "docs/redaktoervejledning.md"])
def test_the_guides_show_the_message_check_prints(tmp_path, guide):
    shown = next(
        line
        for line in (ROOT / guide).read_text(encoding="utf-8").splitlines()
        if line.startswith("content/site.yaml:") and "brand.primary" in line
    )
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    site = content / "site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(
        text.replace(
            "social: []\n", 'social: []\nbrand:\n  primary: "#5b9bd5"\n  hero: "#1a237e"\n'
        ),
        encoding="utf-8",
    )
    assert _check(content).stderr.splitlines()[0] == shown
