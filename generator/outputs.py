"""Who writes each file of the site: every output path is claimed once, before anything is written.

The registry is filled from the functions that decide the paths (the URL map for pages, the
download lists of images, vCards and the press room, the fixed names of MkDocs' and our own root
files), so it cannot drift from what the build writes. A second claim of one path is a content
error naming both owners. Paths that differ only in letter case or Unicode normalisation count as
the same path: a case-insensitive host or a Mac would serve one for the other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import paths
from generator.content.model import Content
from generator.content.types import TYPE_BY_NAME
from generator.errors import ContentError, ContentInvalid
from generator.languages import codes, language
from generator.newsroom.downloads import (
    Pdfs,
    feed_download,
    feed_path,
    press_downloads,
    shared_downloads,
)
from generator.site.mkdocs_adapter import MKDOCS_OUTPUTS
from generator.site.sitemap import LANGUAGE_FILES, ROOT_FILES
from generator.site.urls import FACET_TAXONOMIES, PAGED_SECTIONS, UrlMap, section_slug

THEME_IMAGES = paths.THEME / "assets" / "images"

EU_EMBLEM = "media/eu-emblem.svg"  # the theme's emblem, beside the media files pages link to
SLUG_HINT = "choose another slug"
RESERVED_HINT = "choose another slug (docs/fields.md lists the reserved ones)"


@dataclass(frozen=True)
class Fixed:
    """An output the generator always makes, whatever the content: a listing, a feed, assets."""

    words: str  # "the press room", "the search index"

    def describe(self) -> str:
        return self.words


@dataclass(frozen=True)
class FromRecord:
    """An output whose path comes from one field of one content file (a slug, a media file)."""

    what: str  # "the page", "the PDF", "the image"
    path: str  # the content file
    line: int
    field: str  # the field whose value made the path, e.g. "da.slug", "images[0].file"
    hint: str = SLUG_HINT  # what to do when this claim comes second

    def describe(self) -> str:
        return f"{self.what} of {self.path}:{self.line}"


Owner = Fixed | FromRecord


@dataclass(frozen=True)
class Download:
    """A file a language's pages link to: its path (relative to the language root), whose it
    is, and how to make its bytes. Claims read `path` and `owner`; the build calls `make()`."""

    path: str
    owner: Owner
    make: Callable[[], bytes] = field(compare=False, repr=False)


def path_key(path: str) -> str:
    """What makes two paths the same on any host: NFC normalisation and case folded."""
    return unicodedata.normalize("NFC", path).casefold()


def shown(path: str) -> str:
    """A site path as a visitor sees it: /da/presse/2019/ for da/presse/2019/index.html."""
    return "/" + path.removesuffix("index.html")


class Registry:
    """Every path the build writes, with its one owner. Folder claims end in '/' and own all
    files below them (MkDocs' assets/ and search/)."""

    def __init__(self) -> None:
        self.claims: dict[str, tuple[str, Owner]] = {}  # path_key -> (path as claimed, owner)
        self.errors: list[ContentError] = []

    def claim(self, path: str, owner: Owner) -> bool:
        """Record `owner` as the writer of `path`; a second claim is recorded as an error."""
        key = path_key(path)
        holder = self.owner_of(path)
        if holder is None and key.endswith("/"):
            holder = next((o for k, (_, o) in self.claims.items() if k.startswith(key)), None)
        if holder is not None:
            held = self.claims.get(key, (path,))[0]
            twin = (
                ""
                if held == path
                else (
                    f" (as {shown(held)}: addresses that differ only in letter case or in how a "
                    "letter is encoded are the same)"
                )
            )
            self.refuse(owner, f"{shown(path)} is already {holder.describe()}{twin}")
            return False
        self.claims[key] = (path, owner)
        return True

    def refuse(self, owner: Owner, message: str, hint: str | None = None) -> None:
        if not isinstance(owner, FromRecord):
            # Two fixed outputs on one path is a mistake in the generator, not in the content.
            raise RuntimeError(f"{owner.describe()}: {message}")
        if any(
            (e.path, e.line, e.field) == (owner.path, owner.line, owner.field) for e in self.errors
        ):
            return  # one field, one report: its other files (renditions, PDF) clash alike
        self.errors.append(
            ContentError(
                owner.path, owner.line, owner.field, message, owner.hint if hint is None else hint
            )
        )

    def owner_of(self, path: str) -> Owner | None:
        """Who writes `path`: its own claim, or the claim of a folder it lies in."""
        key = path_key(path)
        if key in self.claims:
            return self.claims[key][1]
        parts = key.split("/")
        for end in range(len(parts) - 1, 0, -1):
            folder = "/".join(parts[:end]) + "/"
            if folder in self.claims:
                return self.claims[folder][1]
        return None

    def files(self) -> list[str]:
        """Every claimed file (folders left out), as claimed."""
        return sorted(path for path, _ in self.claims.values() if not path.endswith("/"))


# --- reserved slugs --------------------------------------------------------------------------


@dataclass(frozen=True)
class Reservation:
    """Names in one folder of each language that the generator keeps for its own outputs."""

    section: str | None  # a section of the language table, or None for the language root
    names: dict[str, tuple[str, ...]]  # per language
    owner: str  # what uses them, in words
    pattern: str = ""  # a regular expression for a family of names (the years)
    pattern_words: str = ""  # the family, in words

    def folder(self, lang: str) -> str:
        return f"/{lang}/{section_slug(self.section, lang)}/" if self.section else f"/{lang}/"

    def holds(self, slug: str, lang: str) -> bool:
        return slug in self.names.get(lang, ()) or bool(
            self.pattern and re.fullmatch(self.pattern, slug)
        )


def _each_language(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {lang: names for lang in codes()}


RESERVED = (
    Reservation(
        None,
        {lang: tuple(language(lang).sections.values()) for lang in codes()},
        "the sections",
    ),
    Reservation(
        None,
        _each_language(tuple(name.rstrip("/").removesuffix(".html") for name in MKDOCS_OUTPUTS)),
        "the theme's files, the search index and the page-not-found page",
    ),
    Reservation(None, _each_language(("media",)), "images, logos and other files"),
    Reservation(
        None,
        {lang: (*LANGUAGE_FILES, feed_path(lang)) for lang in codes()},
        "the sitemap and the press feed",
    ),
    Reservation(
        "press", _each_language(()), "the press year archives", r"[0-9]{4}", "any four-digit year"
    ),
    Reservation(
        "initiatives",
        {
            lang: (*(language(lang).facets[t] for t in FACET_TAXONOMIES), language(lang).start_year)
            for lang in codes()
        },
        "the initiatives' region, fund, focus area and start-year listings",
    ),
    *(
        Reservation(
            section,
            {lang: (language(lang).page,) for lang in codes()},
            "the numbered pages of the listing",
        )
        for section in PAGED_SECTIONS
    ),
)


def reservation(section: str | None, slug: str, lang: str) -> Reservation | None:
    """The reservation that keeps `slug` out of a folder, if any."""
    return next((r for r in RESERVED if r.section == section and r.holds(slug, lang)), None)


# --- what the build writes ---------------------------------------------------------------------

SECTION_WORDS = {
    "initiatives": "the initiatives listing",
    "press": "the press room",
    "certifications": "the certifications listing",
    "organisations": "the network listing",
    "contacts": "the contact page",
}
FACET_WORDS = {"regions": "region", "funds": "fund", "focus_areas": "focus area"}


def downloads(
    content: Content, urls: UrlMap, lang: str, pdfs: Pdfs | None = None
) -> list[Download]:
    """Every file a language's pages link to, in the order the build makes them; the release
    PDFs and the feed's enclosure sizes come from `pdfs` (pdf.release_pdfs)."""
    from generator.newsroom import calendar, images, vcards

    found = [Download(EU_EMBLEM, Fixed("the EU emblem"), _eu_emblem)]
    found += images.media_downloads(content)
    found += vcards.vcard_downloads(content, urls, lang)
    found += press_downloads(content, urls, lang, pdfs)
    found.append(feed_download(content, urls, lang, pdfs))
    found += calendar.calendar_downloads(content, urls, lang)
    return found


def _eu_emblem() -> bytes:
    return (THEME_IMAGES / "eu-emblem.svg").read_bytes()


def page_owner(content: Content, key: tuple, lang: str) -> Owner:
    """Who a page of the URL map belongs to, in words and, for a record, by file and line."""
    kind = key[0]
    if kind == "home":
        return Fixed("the home page")
    if kind == "section":
        return Fixed(SECTION_WORDS.get(key[1], f"the {key[1]} listing"))
    if kind == "press_year":
        return Fixed(f"the press year archive {key[1]}")
    if kind == "listing_page":
        return Fixed(f"page {key[2]} of {SECTION_WORDS.get(key[1], f'the {key[1]} listing')}")
    if kind == "start_year":
        return Fixed(f"the initiatives start-year archive {key[1]}")
    if kind == "facet":
        path = content.site.path.rsplit("/", 1)[0] + "/taxonomies.yaml"
        keypath = (key[1], key[2], lang, "label")
        return FromRecord(
            f"the initiatives {FACET_WORDS[key[1]]} listing",
            path,
            content.line(path, keypath),
            ".".join(keypath),
            "give the terms labels that differ in more than case and accents",
        )
    record = content.records[kind][key[1]]
    if TYPE_BY_NAME[kind].per_language_files:
        path = re.sub(r"\.[a-z]+\.md$", f".{lang}.md", record.path)
        return FromRecord("the page", path, content.line(path, ("slug",)), "slug")
    keypath = (record.text_language(lang), "slug")
    return FromRecord(
        "the page", record.path, content.line(record.path, keypath), ".".join(keypath)
    )


def _slug_of(content: Content, key: tuple, lang: str) -> tuple[str | None, str] | None:
    """(section, slug) of a page whose address an editor chose; None for generated pages."""
    content_type = TYPE_BY_NAME.get(key[0])
    if content_type is None:
        return None
    return content_type.section, content.records[key[0]][key[1]].text(lang).slug


def claim_site(content: Content, urls: UrlMap) -> Registry:
    """Claim every path the build will write, in every language, before anything is written.

    Fixed outputs claim first, then records in the order of their files and lines, so a clash is
    reported at the later file. Raises ContentInvalid with every clash and reserved slug.
    """
    registry = Registry()
    claims: list[tuple[str, Owner, tuple | None]] = []  # path, owner, (folder, slug) to check
    for name, words in ROOT_FILES.items():
        claims.append((name, Fixed(words), None))
    for download in shared_downloads(content, urls):  # beside the language folders
        claims.append((download.path, download.owner, None))
    for lang in content.languages:
        for name, words in {**MKDOCS_OUTPUTS, **LANGUAGE_FILES}.items():
            claims.append((f"{lang}/{name}", Fixed(words), None))
        for key in urls.keys():
            claims.append(
                (
                    f"{lang}/{urls.path(key, lang)}index.html",
                    page_owner(content, key, lang),
                    _slug_of(content, key, lang),
                )
            )
        for download in downloads(content, urls, lang):
            claims.append((f"{lang}/{download.path}", download.owner, None))

    def order(claim: tuple) -> tuple:
        owner = claim[1]
        return (1, owner.path, owner.line, owner.field) if isinstance(owner, FromRecord) else (0,)

    for path, owner, slug_in in sorted(claims, key=order):
        lang = path.split("/", 1)[0]
        reserved = reservation(*slug_in, lang) if slug_in else None
        if reserved is not None and registry.owner_of(path) is None:
            family = f" ({reserved.pattern_words})" if reserved.pattern_words else ""
            registry.refuse(
                owner,
                f"'{slug_in[1]}' is reserved in {reserved.folder(lang)} for "
                f"{reserved.owner}{family}",
                RESERVED_HINT,
            )
            continue
        registry.claim(path, owner)
    if registry.errors:
        raise ContentInvalid(registry.errors)
    return registry


def check_written(registry: Registry, site_dir: Path) -> list[str]:
    """What is wrong with a finished site folder: files nobody claimed, spelt otherwise than
    claimed, or claimed and not written. Empty when every file has exactly its one owner."""
    problems = []
    written = sorted(
        p.relative_to(site_dir).as_posix() for p in Path(site_dir).rglob("*") if p.is_file()
    )
    for path in written:
        key = path_key(path)
        if registry.owner_of(path) is None:
            problems.append(f"{path} was written, but no output claimed it")
        elif key in registry.claims and registry.claims[key][0] != path:
            problems.append(f"{path} was written, but claimed as {registry.claims[key][0]}")
    on_disk = set(written)
    problems += [
        f"{path} was claimed by {registry.owner_of(path).describe()}, but not written"
        for path in registry.files()
        if path not in on_disk
    ]
    return problems


def write_new(target: Path, data: bytes) -> None:
    """Write a file of the finished site that no other writer may have written before."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise WrittenTwice(f"{target} was written twice") from None


class WrittenTwice(Exception):
    """Two writers produced the same file: a mistake in the generator, never in the content."""
