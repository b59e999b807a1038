"""Where the newsroom's downloads live, and how pages label them.

Most downloads belong to one language (its PDFs, vCards, feed). Photos and the ZIP kits are the
same in every language, so they are written once, beside the language folders, and pages link
to them relatively (so a site under a sub-path such as https://example.org/klynge/ works):

    site/media/...              photos: originals and web renditions, at their content path
    site/press-kits/<id>.zip    one press kit per release, holding both languages' texts
    site/press-kits/media-kit.zip
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from generator.content.model import Content, PressRelease
from generator.newsroom import images
from generator.site.urls import UrlMap, section_slug

if TYPE_CHECKING:
    from generator.outputs import Download

PRESS_KITS = "press-kits"


def release_folder(release: PressRelease, lang: str) -> str:
    return f"{section_slug('press', lang)}/{release.text(lang).slug}"


def release_pdf_path(release: PressRelease, lang: str) -> str:
    return f"{release_folder(release, lang)}/{release.text(lang).slug}.pdf"


def press_kit_path(release: PressRelease) -> str:
    """A release's press kit, relative to the site root: named by the release's file, which is
    the same in both languages."""
    return f"{PRESS_KITS}/{release.id}.zip"


def media_kit_path() -> str:
    """The media kit, relative to the site root."""
    return f"{PRESS_KITS}/media-kit.zip"


def shared_link(path: str) -> str:
    """How pages name a shared file to their link helpers: its site-root path with a leading /
    (page templates turn it into a relative link)."""
    return "/" + path


def feed_path(lang: str) -> str:
    # At the language root: Material's script looks for sitemap.xml beside every rel=alternate
    # link, and the language's sitemap is there.
    return "feed.xml"


def vcard_path(person_id: str, lang: str) -> str:
    return f"{section_slug('contacts', lang)}/{person_id}.vcf"


def release_downloads(release: PressRelease, urls: UrlMap, lang: str, _) -> list:
    """(label, path) of each download offered on a release page."""
    return [
        (_("Press kit with photos, texts and contacts"), shared_link(press_kit_path(release))),
        (_("The release as PDF"), release_pdf_path(release, lang)),
    ]


def newsroom_downloads(content: Content, urls: UrlMap, lang: str) -> dict:
    """What the press room page offers besides the releases."""
    site = content.site
    logos = [
        (f"{site.text(lang).name} (SVG)", site.logo),
        (f"{site.text(lang).name} (PNG)", site.logo_png),
    ]
    return {
        "feed_path": feed_path(lang),
        "media_kit": shared_link(media_kit_path()),
        "logos": logos,
    }


def press_downloads(content: Content, urls: UrlMap, lang: str) -> list[Download]:
    """The press room's files of `lang` itself (`outputs.Download`s): each published release's
    PDF. The bytes are made only when the build asks for them."""
    from generator.outputs import Download, FromRecord

    found = []
    # content.press_releases holds published releases only (no drafts, no embargoed ones).
    for release in content.press_releases.values():
        keypath = (release.text_language(lang), "slug")
        found.append(
            Download(
                release_pdf_path(release, lang),
                FromRecord(
                    "the PDF", release.path, content.line(release.path, keypath), ".".join(keypath)
                ),
                partial(_release_pdf, release, content, urls, lang),
            )
        )
    return found


def shared_downloads(content: Content, urls: UrlMap | None = None) -> list[Download]:
    """Every file written once for all languages (`outputs.Download`s, relative to the site
    root): the photos (originals and renditions), each published release's press kit and the
    media kit. Without `urls` only the paths and owners are of use (`check`)."""
    from generator.outputs import Download, Fixed, FromRecord

    found = images.photo_downloads(content)
    found.append(Download(media_kit_path(), Fixed("the media kit"), partial(_media_kit, content)))
    for release in content.press_releases.values():
        found.append(
            Download(
                press_kit_path(release),
                FromRecord("the press kit", release.path, 1, "file", "rename one of the two files"),
                partial(_press_kit, release, content, urls),
            )
        )
    return found


def shared_paths(content: Content) -> list[str]:
    """The paths of shared_downloads, without making the files."""
    return sorted(download.path for download in shared_downloads(content))


def feed_download(content: Content, urls: UrlMap, lang: str) -> Download:
    """The press feed of `lang` as an `outputs.Download`."""
    from generator.outputs import Download, Fixed

    return Download(feed_path(lang), Fixed("the press feed"), partial(_feed, content, urls, lang))


# The makers import the PDF and ZIP modules only when bytes are wanted: `check` lists the paths
# without loading WeasyPrint.
def _media_kit(content: Content) -> bytes:
    from generator.newsroom.presskit import media_kit

    return media_kit(content)


def _press_kit(release: PressRelease, content: Content, urls: UrlMap) -> bytes:
    from generator.newsroom.presskit import press_kit

    return press_kit(release, content, urls)


def _release_pdf(release: PressRelease, content: Content, urls: UrlMap, lang: str) -> bytes:
    from generator.newsroom.pdf import release_pdf

    return release_pdf(release, content, urls, lang)


def _feed(content: Content, urls: UrlMap, lang: str) -> bytes:
    from generator.newsroom.feeds import atom_feed

    return atom_feed(content, urls, lang)
