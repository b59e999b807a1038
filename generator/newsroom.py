"""Where the newsroom's downloads live in each language, and how pages label them."""

from __future__ import annotations

from .model import Content, PressRelease
from .urls import SECTIONS, UrlMap

KIT_SUFFIX = {"da": "pressekit", "en": "press-kit"}
MEDIA_KIT = {"da": "mediekit.zip", "en": "media-kit.zip"}


def release_folder(release: PressRelease, lang: str) -> str:
    return f"{SECTIONS['press'][lang]}/{release.text(lang).slug}"


def release_pdf_path(release: PressRelease, lang: str) -> str:
    return f"{release_folder(release, lang)}/{release.text(lang).slug}.pdf"


def press_kit_path(release: PressRelease, lang: str) -> str:
    slug = release.text(lang).slug
    return f"{release_folder(release, lang)}/{slug}-{KIT_SUFFIX[lang]}.zip"


def media_kit_path(lang: str) -> str:
    return f"{SECTIONS['press'][lang]}/{MEDIA_KIT[lang]}"


def feed_path(lang: str) -> str:
    # At the language root: Material's script looks for sitemap.xml beside every rel=alternate
    # link, and the language's sitemap is there.
    return "feed.xml"


def vcard_path(person_id: str, lang: str) -> str:
    return f"{SECTIONS['contacts'][lang]}/{person_id}.vcf"


def release_downloads(release: PressRelease, urls: UrlMap, lang: str, _) -> list:
    """(label, path) of each download offered on a release page."""
    return [(_("Press kit with photos, texts and contacts"), press_kit_path(release, lang)),
            (_("The release as PDF"), release_pdf_path(release, lang))]


def newsroom_downloads(content: Content, urls: UrlMap, lang: str) -> dict:
    """What the press room page offers besides the releases."""
    site = content.site
    logos = [(f"{site.text(lang).name} (SVG)", site.logo), (f"{site.text(lang).name} (PNG)",
                                                          site.logo_png)]
    return {"feed_path": feed_path(lang), "media_kit": media_kit_path(lang), "logos": logos}
