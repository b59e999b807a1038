"""Where the newsroom's downloads live, and how pages label them.

Most downloads belong to one language (its PDFs, vCards, feed). Photos and the ZIP kits are the
same in every language, so they are written once, beside the language folders, and pages link
to them relatively (so a site under a sub-path such as https://example.org/klynge/ works):

    site/media/...              photos: originals and web renditions, at their content path
    site/press-kits/<id>.zip    one press kit per release, holding both languages' texts
    site/press-kits/media-kit.zip
"""

from __future__ import annotations

from . import images
from .model import Content, PressRelease
from .urls import SECTIONS, UrlMap

PRESS_KITS = "press-kits"


def release_folder(release: PressRelease, lang: str) -> str:
    return f"{SECTIONS['press'][lang]}/{release.text(lang).slug}"


def release_pdf_path(release: PressRelease, lang: str) -> str:
    return f"{release_folder(release, lang)}/{release.text(lang).slug}.pdf"


def press_kit_path(release: PressRelease) -> str:
    """A release's press kit, relative to the site root: named by the release's file, which is
    the same in both languages."""
    return f"{PRESS_KITS}/{release.id}.zip"


def media_kit_path() -> str:
    """The media kit, relative to the site root."""
    return f"{PRESS_KITS}/media-kit.zip"


def shared_paths(content: Content) -> list[str]:
    """Every file written once for all languages, relative to the site root: the photos
    (originals and renditions), each published release's press kit and the media kit."""
    # content.press_releases holds published releases only (no drafts, no embargoed ones).
    kits = [press_kit_path(release) for release in content.press_releases.values()]
    return sorted([*images.photo_paths(content), *kits, media_kit_path()])


def shared_link(path: str) -> str:
    """How pages name a shared file to their link helpers: its site-root path with a leading /
    (page templates turn it into a relative link)."""
    return "/" + path


def feed_path(lang: str) -> str:
    # At the language root: Material's script looks for sitemap.xml beside every rel=alternate
    # link, and the language's sitemap is there.
    return "feed.xml"


def vcard_path(person_id: str, lang: str) -> str:
    return f"{SECTIONS['contacts'][lang]}/{person_id}.vcf"


def release_downloads(release: PressRelease, urls: UrlMap, lang: str, _) -> list:
    """(label, path) of each download offered on a release page."""
    return [(_("Press kit with photos, texts and contacts"),
             shared_link(press_kit_path(release))),
            (_("The release as PDF"), release_pdf_path(release, lang))]


def newsroom_downloads(content: Content, urls: UrlMap, lang: str) -> dict:
    """What the press room page offers besides the releases."""
    site = content.site
    logos = [(f"{site.text(lang).name} (SVG)", site.logo), (f"{site.text(lang).name} (PNG)",
                                                          site.logo_png)]
    return {"feed_path": feed_path(lang), "media_kit": shared_link(media_kit_path()),
            "logos": logos}
