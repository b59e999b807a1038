"""The site's own look: the CSS custom properties and typeface that site.yaml `brand:` sets.

The theme's stylesheet (theme/assets/stylesheets/klynge.css) holds the default look; this module
writes only what a site changes, as a style sheet that theme/main.html puts into every page's
head after the theme's. Without `brand:` it is empty, so the theme's look is unchanged.
"""

from __future__ import annotations

from generator.content import colours
from generator.content.model import BrandSettings

# The CSS family of each typeface of schema.TYPEFACES; klynge.css declares their @font-face
# rules, which a browser only downloads for the family a page uses.
FAMILIES = {
    "system": None,
    "ubuntu": "Ubuntu",
    "source-sans-3": "Source Sans 3",
    "atkinson-hyperlegible": "Atkinson Hyperlegible",
}
# What follows the chosen family, and the whole stack for `system`, as in klynge.css.
SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'


def custom_properties(brand: BrandSettings | None) -> dict[str, str]:
    """The CSS custom properties the settings change, by name, in a fixed order."""
    if brand is None:
        return {}
    out: dict[str, str] = {}
    if brand.primary:
        out.update(
            {
                "--md-primary-fg-color": brand.primary,
                "--md-primary-fg-color--light": colours.lighter_shade(brand.primary),
                "--md-primary-fg-color--dark": colours.darker_shade(brand.primary),
                "--md-primary-bg-color": colours.HEADER_TEXT,
                "--md-typeset-a-color": brand.primary,
                "--klynge-footer-fg": colours.FOOTER_TEXT,
            }
        )
    if brand.accent:
        red, green, blue = colours.rgb(brand.accent)
        out.update(
            {
                "--md-accent-fg-color": brand.accent,
                "--md-accent-fg-color--transparent": f"rgba({red}, {green}, {blue}, 0.1)",
                "--md-accent-bg-color": colours.WHITE,
            }
        )
    hero = brand.hero or brand.primary
    if hero:
        out.update({"--klynge-hero-bg": hero, "--klynge-hero-fg": colours.HERO_TEXT})
    family = FAMILIES[brand.typeface or "system"]
    if family:
        out["--md-text-font"] = f'"{family}"'
    return out


def stylesheet(brand: BrandSettings | None) -> str:
    """The CSS of the settings: custom properties on :root, and the typeface's font stack
    (klynge.css names the system fonts on body directly, so the family is set there too)."""
    properties = custom_properties(brand)
    if not properties:
        return ""
    lines = [":root {"] + [f"  {name}: {value};" for name, value in properties.items()] + ["}"]
    family = FAMILIES[brand.typeface or "system"] if brand else None
    if family:
        lines.append(f'body, input {{ font-family: "{family}", {SYSTEM_FONTS}; }}')
    return "\n".join(lines) + "\n"
