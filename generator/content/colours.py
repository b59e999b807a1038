"""Colour maths for the brand settings: WCAG 2.x contrast, shades of a colour, and the check that
every text/background pair the brand colours produce is readable.

Colours are written as #rrggbb. The pairs below are the places the theme puts text on a brand
colour, or a brand colour as text on white; each must reach WCAG 2.x level AA.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")

# The theme's own look (theme/assets/stylesheets/klynge.css), used for every brand colour a
# site leaves out.
DEFAULT_PRIMARY = "#0b3d5c"
DEFAULT_ACCENT = "#b3261e"
WHITE = "#ffffff"
# Text colours the theme puts on brand colours.
HEADER_TEXT = WHITE
HERO_TEXT = WHITE
HERO_EYEBROW = "#ffcc00"
FOOTER_TEXT = "#e3e8ec"

# WCAG 2.x AA (1.4.3) for text below 18pt (or 14pt bold). Every pair below includes text of
# that size (links, the header's title, the hero's lines), so none may use the 3:1 of large text.
NORMAL_TEXT = 4.5
# Lightness moves in steps this small when looking for the nearest shade that passes.
LIGHTNESS_STEP = 0.005


def is_hex(text: str) -> bool:
    return bool(HEX.match(text))


def rgb(colour: str) -> tuple[int, int, int]:
    """#rrggbb as three numbers from 0 to 255."""
    if not is_hex(colour):
        raise ValueError(f"'{colour}' is not a #rrggbb colour")
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def hex_of(red: float, green: float, blue: float) -> str:
    """Three numbers from 0 to 1 as #rrggbb."""
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in (red, green, blue))


def luminance(colour: str) -> float:
    """Relative luminance as WCAG 2.x defines it (sRGB, 0 for black to 1 for white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ratio_text(ratio: float) -> str:
    """A contrast ratio as people write it: 4.48:1. Rounded down, so a ratio shown as passing
    does pass."""
    return f"{int(ratio * 100) / 100:.2f}:1"


def hls(colour: str) -> tuple[float, float, float]:
    return colorsys.rgb_to_hls(*(c / 255 for c in rgb(colour)))


def with_lightness(colour: str, lightness: float, saturation: float | None = None) -> str:
    """The colour with the same hue and another HSL lightness (and, if given, saturation)."""
    hue, _, sat = hls(colour)
    return hex_of(
        *colorsys.hls_to_rgb(
            hue, max(0.0, min(1.0, lightness)), sat if saturation is None else saturation
        )
    )


def lighter_shade(colour: str) -> str:
    """Material's --md-primary-fg-color--light: the same hue, lighter and a little greyer."""
    _, lightness, saturation = hls(colour)
    return with_lightness(colour, lightness + 0.116, saturation * 0.81)


def darker_shade(colour: str) -> str:
    """Material's --md-primary-fg-color--dark: the same hue, darker and a little more saturated
    (the theme's own #072a40 for its #0b3d5c)."""
    _, lightness, saturation = hls(colour)
    return with_lightness(colour, lightness * 0.69, min(1.0, saturation * 1.02))


def nearest_passing(colour: str, passes: Callable[[str], bool]) -> str | None:
    """The shade of the same hue nearest in HSL lightness for which `passes` holds; at equal
    distance the darker one. None when no lightness passes."""
    _, lightness, _ = hls(colour)
    steps = int(1 / LIGHTNESS_STEP) + 1
    for step in range(1, steps + 1):
        for sign in (-1, 1):
            shade = with_lightness(colour, lightness + sign * step * LIGHTNESS_STEP)
            if shade != colour and passes(shade):
                return shade
    return None


@dataclass(frozen=True)
class Pair:
    """Text of one colour on a background of another, where the theme shows it."""

    field: str  # the brand setting the pair depends on: primary, accent or hero
    where: str  # what the visitor reads, e.g. "white header text on the primary colour"
    text: Callable[[str], str]  # the text colour, given the setting's value
    background: Callable[[str], str]  # the background colour, given the setting's value
    minimum: float


PAIRS = (
    Pair(
        "primary", "the header's white text on it", lambda c: HEADER_TEXT, lambda c: c, NORMAL_TEXT
    ),
    Pair("primary", "headings and links in it on white", lambda c: c, lambda c: WHITE, NORMAL_TEXT),
    Pair(
        "primary",
        f"the footer's text ({FOOTER_TEXT}) on its darker shade",
        lambda c: FOOTER_TEXT,
        darker_shade,
        NORMAL_TEXT,
    ),
    Pair(
        "accent",
        "hovered links in it on white",
        lambda c: c,
        lambda c: WHITE,
        NORMAL_TEXT,
    ),
    Pair("accent", "white button text on it", lambda c: WHITE, lambda c: c, NORMAL_TEXT),
    Pair("hero", "the hero's white text on it", lambda c: HERO_TEXT, lambda c: c, NORMAL_TEXT),
    Pair(
        "hero",
        f"the hero's line above the heading ({HERO_EYEBROW}) on it",
        lambda c: HERO_EYEBROW,
        lambda c: c,
        NORMAL_TEXT,
    ),
)


@dataclass(frozen=True)
class ContrastProblem:
    """A brand setting whose colour makes a pair unreadable, with the nearest one that passes."""

    field: str
    message: str
    hint: str


def check_contrast(settings: Mapping[str, str | None]) -> list[ContrastProblem]:
    """One problem per brand colour (primary, accent, hero) that fails a pair, in that order.

    Without a hero colour the hero shows the primary one, so the primary colour must then pass
    the hero's pairs too.
    """
    problems = []
    for field in ("primary", "accent", "hero"):
        colour = settings.get(field)
        if not colour:
            continue
        colour = colour.lower()
        shown_on = {field} | (
            {"hero"} if field == "primary" and not settings.get("hero") else set()
        )
        pairs = [pair for pair in PAIRS if pair.field in shown_on]

        def passes(candidate: str, pairs=pairs) -> bool:
            return all(_ratio(pair, candidate) >= pair.minimum for pair in pairs)

        failing = next((pair for pair in pairs if _ratio(pair, colour) < pair.minimum), None)
        if failing is None:
            continue
        ratio = _ratio(failing, colour)
        message = (
            f"'{colour}' gives {failing.where} a contrast of {ratio_text(ratio)}, below the "
            f"{failing.minimum:g}:1 WCAG AA asks of text"
        )
        shade = nearest_passing(colour, passes)
        hint = (
            f'use "{shade}", the nearest shade of the same hue that passes '
            f"({ratio_text(_ratio(failing, shade))})"
            if shade
            else "choose a darker or a lighter colour"
        )
        problems.append(ContrastProblem(field, message, hint))
    return problems


def _ratio(pair: Pair, colour: str) -> float:
    return contrast(pair.text(colour), pair.background(colour))
