"""Where the newsroom's downloads live, and how pages label them.

Most downloads belong to one language (its PDFs, vCards, feed). Photos and the ZIP kits are the
same in every language, so they are written once, beside the language folders, and pages link
to them relatively (so a site under a sub-path such as https://example.org/klynge/ works):

    site/media/...              photos: originals and web renditions, at their content path
    site/press-kits/<id>.zip    one press kit per release, holding both languages' texts
    site/press-kits/media-kit.zip
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from babel.numbers import format_decimal
from babel.units import format_unit

from generator.content.model import Content, PressRelease
from generator.i18n import babel_locale
from generator.newsroom import images
from generator.site.urls import UrlMap, section_slug

if TYPE_CHECKING:
    from generator.outputs import Download

PRESS_KITS = "press-kits"
# The PDFs of a build, rendered once before anything else (pdf.release_pdfs), by (id, language).
Pdfs = Mapping[tuple[str, str], bytes]


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


def human_size(n_bytes: int, lang: str, file_type: str = "ZIP") -> str:
    """A download's label: 'ZIP, 2,4 MB' (da) / 'ZIP, 2.4 MB' (en); kB and MB are 1000-based."""
    if n_bytes < 1000:
        return f"{file_type}, {format_decimal(n_bytes, locale=babel_locale(lang))} B"
    units = ("digital-kilobyte", "digital-megabyte", "digital-gigabyte")
    value, step = n_bytes / 1000, 0
    while True:
        # One decimal below 10 (2,4 MB), none above (312 kB); a figure that would read 1000 or
        # more moves up a unit, so there is never a "1.000 kB".
        shown = round(value, 1) if round(value, 1) < 10 else round(value)
        if shown < 1000 or step == len(units) - 1:
            break
        value, step = value / 1000, step + 1
    pattern = "#,##0.0" if shown < 10 else "#,##0"
    size = format_unit(
        shown, units[step], length="short", format=pattern, locale=babel_locale(lang)
    )
    return f"{file_type}, {size}"


def press_downloads(
    content: Content, urls: UrlMap, lang: str, pdfs: Pdfs | None = None
) -> list[Download]:
    """The press room's files of `lang` itself (`outputs.Download`s): each published release's
    PDF, taken from `pdfs` when the build asks for the bytes (without them only the paths and
    owners are of use: `check`)."""
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
                partial(_rendered, pdfs, release.id, lang),
            )
        )
    return found


def shared_downloads(
    content: Content, urls: UrlMap | None = None, pdfs: Pdfs | None = None
) -> list[Download]:
    """Every file written once for all languages (`outputs.Download`s, relative to the site
    root): the photos (originals and renditions), each published release's press kit (holding
    the release's `pdfs`) and the media kit. Without `urls` and `pdfs` only the paths and owners
    are of use (`check`)."""
    from generator.outputs import Download, Fixed, FromRecord

    found = images.photo_downloads(content)
    found.append(Download(media_kit_path(), Fixed("the media kit"), partial(_media_kit, content)))
    if content.site.editor is not None:  # site.yaml `editor:` turns the web editor on
        from generator.editor import cms

        for path in cms.admin_paths():
            found.append(
                Download(path, Fixed("the web editor"), partial(cms.admin_file, content.root, path))
            )
    for release in content.press_releases.values():
        found.append(
            Download(
                press_kit_path(release),
                FromRecord("the press kit", release.path, 1, "file", "rename one of the two files"),
                partial(_press_kit, release, content, urls, pdfs),
            )
        )
    return found


def feed_download(content: Content, urls: UrlMap, lang: str, pdfs: Pdfs | None = None) -> Download:
    """The press feed of `lang` as an `outputs.Download`; its enclosures give the sizes of
    `pdfs`."""
    from generator.outputs import Download, Fixed

    return Download(
        feed_path(lang), Fixed("the press feed"), partial(_feed, content, urls, lang, pdfs)
    )


# The makers import the ZIP and feed modules only when bytes are wanted: `check` lists the paths
# without loading them.
def _media_kit(content: Content) -> bytes:
    from generator.newsroom.presskit import media_kit

    return media_kit(content)


def _press_kit(release: PressRelease, content: Content, urls: UrlMap, pdfs: Pdfs) -> bytes:
    from generator.newsroom.presskit import press_kit

    return press_kit(release, content, urls, pdfs)


def _rendered(pdfs: Pdfs | None, release_id: str, lang: str) -> bytes:
    if pdfs is None:
        raise ValueError("render the PDFs first (pdf.release_pdfs) and pass them in")
    return pdfs[(release_id, lang)]


def _feed(content: Content, urls: UrlMap, lang: str, pdfs: Pdfs) -> bytes:
    from generator.newsroom.feeds import atom_feed

    sizes = {key: len(data) for key, data in (pdfs or {}).items()}
    return atom_feed(content, urls, lang, sizes)
