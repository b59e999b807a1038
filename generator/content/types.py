"""The content types: one entry per kind of record, read by every step that handles records.

The model, the URLs, the pages, the navigation, `build.py new`, the field reference and
`translations` all go through `CONTENT_TYPES`, so a new type is its schema (a RecordType in
schema.py, listed in RECORD_TYPES), its model class (model.py: its facts and its text per language
as two frozen dataclasses, and `derive` for values computed at "now"), its templates, its catalogue
strings, its section's slug per language (generator/languages.yaml), and one entry here; a type
whose pages need more than the record (or its section more than the list of records) adds its page
generator to render.GENERATORS. The order of `CONTENT_TYPES` is the order of the sections in the
navigation and of the pages in the build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from generator.content import schema as s
from generator.content.model import (
    Certification,
    Event,
    Initiative,
    Organisation,
    Page,
    Person,
    PressRelease,
    Record,
    event_order,
)


def _(message: str) -> str:
    """Marks a catalogue string for `pybabel extract`; the pages translate it where shown."""
    return message


def _by_id(record: Record) -> tuple:
    return ()  # ties are broken by the id


@dataclass(frozen=True)
class ContentType:
    """What the build needs to know of one kind of record."""

    name: str  # the schema's record type name, and the first part of its page keys
    schema: s.RecordType  # its fields: validation, the field reference, the scaffold
    model: type[Record]  # the frozen record class build_model makes of each file
    collection: str  # the Content attribute holding its records: content.press_releases
    kind: str  # what `build.py new KIND "Title"` calls it
    # The section listing its records (a section of generator/languages.yaml, which holds its
    # slug per language); None when it has none. Its record pages live under the section's
    # folder, or at the root of the language when it has no section.
    section: str | None = None
    template: str | None = None  # the template of a record's page; None: no page per record
    listing: str | None = None  # the template of the section page
    # Catalogue strings (msgids in theme/locales): one record and several, for headings.
    labels: tuple[str, str] | None = None
    menu: str | None = None  # the section's title in the navigation; None: not in it
    # Sort key of the records (the id breaks ties); newest_first reverses the order.
    order: Callable[[Record], object] = _by_id
    newest_first: bool = False
    dated_ids: bool = False  # `new` puts today's date in front of the id: 2026-12-10-title
    per_language_files: bool = False  # one Markdown file per language, not one YAML file
    # With no records, its section page is left out of the site and the navigation (no empty
    # page); otherwise the section says it has none.
    hide_when_empty: bool = False
    search: bool = True  # its record pages are in the language's search index
    sitemap: bool = True  # its record pages are in the language's sitemap

    @property
    def folder(self) -> str:
        """Its folder under content/."""
        return self.schema.folder

    @property
    def has_pages(self) -> bool:
        return self.template is not None


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType(
        name="initiative",
        schema=s.INITIATIVE,
        model=Initiative,
        collection="initiatives",
        kind="initiative",
        section="initiatives",
        template="initiative.md.j2",
        listing="initiatives.md.j2",
        labels=(_("Initiative"), _("Initiatives")),
        menu=_("Initiatives"),
        # Newest start first; initiatives whose start is not known come last.
        order=lambda i: (i.start is not None, i.start.value if i.start else date.min),
        newest_first=True,
    ),
    ContentType(
        name="press_release",
        schema=s.PRESS_RELEASE,
        model=PressRelease,
        collection="press_releases",
        kind="press",
        section="press",
        template="release.md.j2",
        listing="press.md.j2",
        labels=(_("Press release"), _("Press releases")),
        menu=_("Press"),
        order=lambda r: (r.date, r.time or time(0)),
        newest_first=True,
        dated_ids=True,
    ),
    ContentType(
        name="certification",
        schema=s.CERTIFICATION,
        model=Certification,
        collection="certifications",
        kind="certification",
        section="certifications",
        template="certification.md.j2",
        listing="certifications.md.j2",
        labels=(_("Certification"), _("Certifications")),
        menu=_("Certifications"),
        order=lambda c: c.known_since,
        newest_first=True,
    ),
    ContentType(
        name="organisation",
        schema=s.ORGANISATION,
        model=Organisation,
        collection="organisations",
        kind="organisation",
        section="organisations",
        template="organisation.md.j2",
        listing="organisations.md.j2",
        labels=(_("Organisation"), _("Organisations")),
        menu=_("Network"),
    ),
    ContentType(
        name="event",
        schema=s.EVENT,
        model=Event,
        collection="events",
        kind="event",
        section="events",
        template="event.md.j2",
        listing="events.md.j2",
        labels=(_("Event"), _("Events")),
        menu=_("Events"),
        order=event_order,
        hide_when_empty=True,
    ),
    ContentType(
        name="person",
        schema=s.PERSON,
        model=Person,
        collection="people",
        kind="person",
        section="contacts",
        listing="contacts.md.j2",
        labels=(_("Contact"), _("Contacts")),
        menu=_("Contact"),
    ),
    ContentType(
        name="page",
        schema=s.PAGE,
        model=Page,
        collection="pages",
        kind="page",
        template="page.md.j2",
        per_language_files=True,
    ),
)

TYPE_BY_NAME = {t.name: t for t in CONTENT_TYPES}
TYPE_BY_KIND = {t.kind: t for t in CONTENT_TYPES}
TYPE_BY_COLLECTION = {t.collection: t for t in CONTENT_TYPES}
