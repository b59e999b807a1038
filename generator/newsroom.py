"""Where the newsroom's downloads live in each language, and how pages label them."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from .model import Content, PressRelease
from .urls import SECTIONS, UrlMap

if TYPE_CHECKING:
    from .outputs import Download

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


def press_downloads(content: Content, urls: UrlMap, lang: str) -> list[Download]:
    """The press room's files in `lang` (`outputs.Download`s): the media kit and each published
    release's press kit and PDF. The bytes are made only when the build asks for them."""
    from .outputs import Download, Fixed, FromRecord

    found = [Download(media_kit_path(lang), Fixed("the media kit"), partial(_media_kit, content))]
    # content.press_releases holds published releases only (no drafts, no embargoed ones).
    for release in content.press_releases.values():
        keypath = (lang, "slug") if lang in release.texts else (release.only_in, "slug")
        line, name = content.line(release.path, keypath), ".".join(keypath)
        found.append(Download(press_kit_path(release, lang),
                              FromRecord("the press kit", release.path, line, name),
                              partial(_press_kit, release, content, urls)))
        found.append(Download(release_pdf_path(release, lang),
                              FromRecord("the PDF", release.path, line, name),
                              partial(_release_pdf, release, content, urls, lang)))
    return found


def feed_download(content: Content, urls: UrlMap, lang: str) -> Download:
    """The press feed of `lang` as an `outputs.Download`."""
    from .outputs import Download, Fixed

    return Download(feed_path(lang), Fixed("the press feed"), partial(_feed, content, urls, lang))


# The makers import the PDF and ZIP modules only when bytes are wanted: `check` lists the paths
# without loading WeasyPrint.
def _media_kit(content: Content) -> bytes:
    from .presskit import media_kit

    return media_kit(content)


def _press_kit(release: PressRelease, content: Content, urls: UrlMap) -> bytes:
    from .presskit import press_kit

    return press_kit(release, content, urls)


def _release_pdf(release: PressRelease, content: Content, urls: UrlMap, lang: str) -> bytes:
    from .pdf import release_pdf

    return release_pdf(release, content, urls, lang)


def _feed(content: Content, urls: UrlMap, lang: str) -> bytes:
    from .feeds import atom_feed

    return atom_feed(content, urls, lang)
