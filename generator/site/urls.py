"""Addresses: per-language slugs and paths, and one translation map from page key to URL per
language.

A page key names what a page shows, independent of language: ("initiative", "sund-vaegt"),
("facet", "regions", "hovedstaden"), ("section", "press"). Records link to each other by key, never
by path, so a slug can change in one language without breaking anything.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator import languages as language_table
from generator.content.model import Content
from generator.content.types import CONTENT_TYPES, TYPE_BY_NAME, ContentType

PageKey = tuple

# The facets of the initiatives listing: taxonomies whose terms get a page each.
FACET_TAXONOMIES = ("regions", "funds", "focus_areas")
# The sections whose listing is split into numbered pages of site.yaml's page_size records.
PAGED_SECTIONS = {
    "initiatives": "initiative",
    "press": "press_release",
    "organisations": "organisation",
    "events": "event",
}
make_slug = language_table.make_slug


def section_slug(section: str, lang: str) -> str:
    """A section's folder in a language: ('organisations', 'da') -> 'netvaerk'."""
    return language_table.language(lang).sections[section]


@dataclass(frozen=True)
class UrlMap:
    """Where every page lives in each language."""

    base_url: str
    languages: tuple[str, ...]
    paths: dict  # key -> {lang: path relative to the language root, '' or ending in '/'}
    native: dict  # key -> languages that have their own text (the hreflang set)
    unlisted: frozenset = frozenset()  # keys of pages left out of the sitemaps

    def path(self, key: PageKey, lang: str) -> str:
        return self.paths[key][lang]

    def url(self, key: PageKey, lang: str) -> str:
        """Absolute URL of a page."""
        return f"{self.base_url}{lang}/{self.paths[key][lang]}"

    def doc_file(self, key: PageKey, lang: str) -> str:
        """The Markdown file MkDocs builds this page from."""
        return self.paths[key][lang] + "index.md"

    def alternates(self, key: PageKey) -> dict[str, str]:
        """Absolute URLs of a page in every language that has its own text."""
        return {lang: self.url(key, lang) for lang in self.native[key]}

    def keys(self) -> list[PageKey]:
        return list(self.paths)


def relative(source_file: str, target_file: str) -> str:
    """Relative path from one file in the docs folder to another."""
    return posixpath.relpath(target_file, posixpath.dirname(source_file) or ".")


def build_url_map(content: Content) -> UrlMap:
    """Every page of the site and its path in each language."""
    languages = content.languages
    paths: dict = {}
    native: dict = {}

    def add(key: PageKey, per_lang: dict[str, str], own: tuple[str, ...] = languages) -> None:
        paths[key] = per_lang
        native[key] = own

    add(("home",), {lang: "" for lang in languages})
    for content_type in CONTENT_TYPES:
        if has_section_page(content_type, content):
            section = content_type.section
            add(
                ("section", section),
                {lang: f"{section_slug(section, lang)}/" for lang in languages},
            )
    for section, type_name in PAGED_SECTIONS.items():
        if ("section", section) not in paths:
            continue
        for number in range(2, page_count(len(content.records[type_name]), content) + 1):
            add(
                ("listing_page", section, number),
                {lang: listing_page_path(section, number, lang) for lang in languages},
            )
    for taxonomy in FACET_TAXONOMIES:
        used = _used_terms(content, taxonomy)
        for code, term in content.taxonomies[taxonomy].items():
            if code in used:
                add(
                    ("facet", taxonomy, code),
                    {
                        lang: f"{section_slug('initiatives', lang)}/"
                        f"{language_table.language(lang).facets[taxonomy]}/"
                        f"{make_slug(term.label(lang))}/"
                        for lang in languages
                    },
                )
    for year in sorted({i.start.year for i in content.initiatives.values() if i.start}):
        add(
            ("start_year", year),
            {
                lang: f"{section_slug('initiatives', lang)}/"
                f"{language_table.language(lang).start_year}/{year}/"
                for lang in languages
            },
        )
    for year in sorted({r.date.year for r in content.press_releases.values()}):
        add(
            ("press_year", year),
            {lang: f"{section_slug('press', lang)}/{year}/" for lang in languages},
        )
    for content_type in CONTENT_TYPES:
        if not content_type.has_pages:
            continue
        for record_id, record in content.records[content_type.name].items():
            add(
                (content_type.name, record_id),
                {lang: record_path(content_type.section, record, lang) for lang in languages},
                tuple(lang for lang in languages if not record.is_fallback(lang)),
            )
    unlisted = frozenset(
        key for key in paths if key[0] in TYPE_BY_NAME and not TYPE_BY_NAME[key[0]].sitemap
    )
    return UrlMap(content.site.base_url, languages, paths, native, unlisted)


def page_count(records: int, content: Content) -> int:
    """How many numbered pages a listing of `records` records takes (at least one)."""
    size = content.site.page_size
    return max(1, -(-records // size))


def listing_page_path(section: str, number: int, lang: str) -> str:
    """The path of a listing's page `number` (1 is the section page itself)."""
    folder = f"{section_slug(section, lang)}/"
    if number == 1:
        return folder
    return f"{folder}{language_table.language(lang).page}/{number}/"


def listing_page_key(section: str, number: int) -> PageKey:
    """The page key of a listing's page `number`: the section's own for the first."""
    return ("section", section) if number == 1 else ("listing_page", section, number)


def has_section_page(content_type: ContentType, content: Content) -> bool:
    """True when a type's section page is made: it has one, and records or no need of them."""
    if not (content_type.section and content_type.listing):
        return False
    return bool(content.records[content_type.name]) or not content_type.hide_when_empty


def record_path(section: str | None, record, lang: str) -> str:
    """A record page's path: its slug in its section's folder, or at the language's root."""
    folder = f"{section_slug(section, lang)}/" if section else ""
    return f"{folder}{record.text(lang).slug}/"


def _used_terms(content: Content, taxonomy: str) -> set[str]:
    used: set[str] = set()
    for initiative in content.initiatives.values():
        if taxonomy == "regions":
            used.update(term.code for term in initiative.regions)
        elif taxonomy == "funds":
            used.update(line.fund.code for line in initiative.funding)
        else:
            used.add(initiative.focus_area.code)
    return used
