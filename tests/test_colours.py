"""colours.py: WCAG contrast, shades of a colour, and the brand colours' contrast check."""

from __future__ import annotations

import pytest

from generator.content import colours


@pytest.mark.parametrize(
    "foreground, background, expected",
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),
        ("#767676", "#ffffff", 4.54),
        ("#595959", "#ffffff", 7.0),
        ("#0000ff", "#ffffff", 8.59),
    ],
)
def test_contrast_is_the_wcag_ratio_either_way_round(foreground, background, expected):
    assert colours.contrast(foreground, background) == pytest.approx(expected, abs=0.005)
    assert colours.contrast(background, foreground) == colours.contrast(foreground, background)


def test_a_ratio_is_shown_rounded_down_so_a_failing_one_never_reads_as_passing():
    assert colours.ratio_text(colours.contrast("#777777", "#ffffff")) == "4.47:1"
    assert colours.ratio_text(21.0) == "21.00:1"


def test_rgb_reads_hex_in_either_case_and_refuses_anything_else():
    assert colours.rgb("#0B3d5c") == (11, 61, 92)
    with pytest.raises(ValueError, match="'#fff' is not a #rrggbb colour"):
        colours.rgb("#fff")


def test_the_theme_colour_keeps_its_dark_shade_and_gets_a_light_one_of_its_hue():
    assert colours.darker_shade(colours.DEFAULT_PRIMARY) == "#072a40"
    assert colours.lighter_shade(colours.DEFAULT_PRIMARY) == "#1d5d85"


def test_with_lightness_keeps_the_hue():
    assert colours.with_lightness("#ff0000", 0.25) == "#800000"
    assert colours.with_lightness("#ff0000", 1.5) == "#ffffff"


def test_nearest_passing_moves_lightness_in_small_steps_to_the_first_that_passes():
    shade = colours.nearest_passing(
        "#777777", lambda c: colours.contrast(c, "#ffffff") >= colours.NORMAL_TEXT
    )
    assert shade == "#767676"  # the well-known lightest grey that passes on white
    assert colours.nearest_passing("#777777", lambda c: False) is None


def test_the_theme_colours_pass_every_pair():
    settings = {"primary": colours.DEFAULT_PRIMARY, "accent": colours.DEFAULT_ACCENT}
    assert colours.check_contrast(settings) == []


def test_a_light_primary_is_reported_with_the_nearest_passing_shade():
    (problem,) = colours.check_contrast({"primary": "#5B9BD5", "hero": "#0b3d5c"})
    assert problem.field == "primary"
    assert problem.message == (
        "'#5b9bd5' gives the header's white text on it a contrast of 2.96:1, below the 4.5:1 "
        "WCAG AA asks of text"
    )
    assert problem.hint == ('use "#307abd", the nearest shade of the same hue that passes (4.52:1)')
    assert colours.check_contrast({"primary": "#307abd", "hero": "#0b3d5c"}) == []


def test_without_a_hero_colour_the_primary_must_also_carry_the_hero_text():
    # White text passes on #2f6fa6, the hero's gold line above the heading does not.
    (problem,) = colours.check_contrast({"primary": "#2f6fa6"})
    assert problem.message == (
        "'#2f6fa6' gives the hero's line above the heading (#ffcc00) on it a contrast of "
        "3.52:1, below the 4.5:1 WCAG AA asks of text"
    )
    assert problem.hint == 'use "#285e8c", the nearest shade of the same hue that passes (4.52:1)'
    assert colours.check_contrast({"primary": "#2f6fa6", "hero": "#1a237e"}) == []


def test_accent_and_hero_are_checked_on_their_own_pairs():
    problems = colours.check_contrast({"accent": "#ff9900", "hero": "#9fa8da"})
    assert [(p.field, p.message) for p in problems] == [
        (
            "accent",
            "'#ff9900' gives hovered links in it on white a contrast of 2.14:1, below the 4.5:1 "
            "WCAG AA asks of text",
        ),
        (
            "hero",
            "'#9fa8da' gives the hero's white text on it a contrast of 2.31:1, below the 4.5:1 "
            "WCAG AA asks of text",
        ),
    ]
    assert problems[0].hint == (
        'use "#a86500", the nearest shade of the same hue that passes (4.63:1)'
    )
