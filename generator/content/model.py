"""The content model: frozen records built from checked content, with one "now" for the whole build.

Facts are attributes of the record; translatable text sits in one text block per language. Press
releases that are drafts or still under embargo at "now" are left out here, once, so no later step
can publish them by accident.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar
from zoneinfo import ZoneInfo

from generator.clock import DEFAULT_TIMEZONE, in_zone
from generator.content import schema as s
from generator.content.validate import (
    Checked,
    CheckedContent,
    Month,
    PartialDate,
    validate_content,
)
from generator.errors import ContentError
from generator.languages import in_language, shown_language

if TYPE_CHECKING:  # types.py imports the record classes from here
    from generator.content.types import ContentType

T = TypeVar("T")


@dataclass(frozen=True)
class Term:
    """A code from a controlled vocabulary, with a label per language."""

    code: str
    labels: Mapping[str, str]
    nuts: str | None = None
    eu: bool = False

    def label(self, lang: str) -> str:
        return self.labels[lang]


@dataclass(frozen=True)
class ImageRef:
    """An image with what a journalist needs to use it."""

    file: str
    credit: str
    licence: str
    alt: Mapping[str, str]
    caption: Mapping[str, str]


@dataclass(frozen=True)
class Link:
    url: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class FundingLine:
    fund: Term
    amount: int
    status: str | None = None  # granted (also when not written) or proposed

    @property
    def proposed(self) -> bool:
        """An amount proposed, not (yet) granted."""
        return self.status == "proposed"

    @property
    def eu(self) -> bool:
        """EU money that has been granted (a proposed EU amount shows no emblem)."""
        return self.fund.eu and not self.proposed


@dataclass(frozen=True)
class Source:
    """A document a record's facts come from."""

    title: str
    publisher: str | None
    date: PartialDate | None
    url: str | None
    document: str | None


@dataclass(frozen=True)
class Decision:
    """A decision a proposed initiative waits for."""

    by: tuple[str, ...]  # organisation ids
    due: PartialDate | None
    subject: Mapping[str, str]


@dataclass(frozen=True)
class Quote:
    speaker: str | None  # a person's id
    name: str | None
    role: Mapping[str, str]
    text: Mapping[str, str]

    def text_in(self, lang: str) -> str:
        """The quote in `lang`, or in the one language it was written in."""
        return in_language(self.text, lang)

    def attribution(self, people: Mapping[str, Person], lang: str) -> tuple[str, str | None]:
        """The speaker's name and role: from the person record, or as written in the quote."""
        if self.speaker:
            person = people[self.speaker]
            return person.name, person.text(lang).role
        return self.name or "", in_language(self.role, lang)


@dataclass(frozen=True)
class KeyFigure:
    value: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class EditorSettings:
    """site.yaml `editor:`: the web editor under /admin/ and the repository it saves to."""

    backend: str
    repo: str
    branch: str | None
    auth_url: str | None
    app_id: str | None
    editorial_workflow: bool


@dataclass(frozen=True)
class BrandSettings:
    """site.yaml `brand:`: the site's own colours (#rrggbb) and typeface; None keeps the theme's."""

    primary: str | None
    accent: str | None
    hero: str | None
    typeface: str | None


@dataclass(frozen=True)
class Relation:
    type: str
    organisation: str


@dataclass(frozen=True)
class Record(Generic[T]):
    """Base of every record: an id, the file it came from, and its text per language."""

    id: str
    path: str
    texts: Mapping[str, T]
    only_in: tuple[str, ...]  # the languages it is published in; () for every language
    sources: tuple[Source, ...] = field(default=(), kw_only=True)

    def text(self, lang: str) -> T:
        """The text in `lang`, or in the first language the record is written in."""
        return self.texts[self.text_language(lang)]

    def text_language(self, lang: str) -> str:
        """The language of the text a page in `lang` shows: `lang`, unless it borrows."""
        return shown_language(self.texts, lang, self.only_in)

    def is_fallback(self, lang: str) -> bool:
        """True when `lang` shows the text of another language."""
        return lang not in self.texts

    @classmethod
    def withheld(cls, facts: Mapping, ctx: BuildContext) -> bool:
        """True when a record is left out of the site at "now" (a draft, an embargo)."""
        return False

    @classmethod
    def derive(cls, checked: Checked, ctx: BuildContext) -> dict:
        """Values the record holds beyond its fields, or in place of them, as of "now"."""
        return {}


@dataclass(frozen=True)
class SiteText:
    name: str
    tagline: str
    about: str
    address: str | None


# Records per listing page when site.yaml gives no page_size.
DEFAULT_PAGE_SIZE = 24


@dataclass(frozen=True)
class Site(Record[SiteText]):
    base_url: str
    languages: tuple[str, ...]
    default_language: str
    organisation: str
    logo: str
    logo_png: str
    eur_rate: float
    email: str | None
    phone: str | None
    social: tuple[Link, ...]
    key_figures: tuple[KeyFigure, ...]
    timezone: str = DEFAULT_TIMEZONE  # IANA name; every date and time is read in this zone
    editor: EditorSettings | None = None  # the web editor is built into /admin/ when set
    brand: BrandSettings | None = None  # the theme's own look when None
    hero_image: ImageRef | None = None  # the home page's banner photo, if any
    page_size: int = DEFAULT_PAGE_SIZE  # records per listing page

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @classmethod
    def derive(cls, checked: Checked, ctx: BuildContext) -> dict:
        f = checked.facts
        return {
            "base_url": f["base_url"].rstrip("/") + "/",
            "timezone": f["timezone"] or DEFAULT_TIMEZONE,
            "page_size": f["page_size"] or DEFAULT_PAGE_SIZE,
        }


@dataclass(frozen=True)
class InitiativeText:
    title: str
    slug: str
    summary: str
    programme: str | None
    aims: tuple[str, ...]
    results: tuple[str, ...]
    body: str | None


@dataclass(frozen=True)
class Initiative(Record[InitiativeText]):
    start: PartialDate | None
    end: PartialDate | None
    total_eligible_cost: int | None
    funding: tuple[FundingLine, ...]
    regions: tuple[Term, ...]
    focus_area: Term
    beneficiary: str
    partners: tuple[str, ...]
    contacts: tuple[str, ...]
    results_status: str
    operation_code: str | None
    links: tuple[Link, ...]
    images: tuple[ImageRef, ...]
    # planned, ongoing or completed where the dates decide it at "now"; otherwise the stated
    # status (proposed, approved, ongoing, completed or cancelled)
    status: str
    decisions: tuple[Decision, ...] = ()

    @property
    def eu_amount(self) -> int:
        return sum(line.amount for line in self.funding if line.eu)

    @property
    def is_eu_funded(self) -> bool:
        return any(line.eu for line in self.funding)

    @property
    def eu_funds(self) -> tuple[Term, ...]:
        return tuple(line.fund for line in self.funding if line.eu)

    @property
    def has_eu_figures(self) -> bool:
        """True when the EU sentence's figures (EU amount and total eligible cost) are known."""
        return self.is_eu_funded and bool(self.total_eligible_cost)

    def rate(self, amount: int) -> float | None:
        """Share of the total eligible cost, 0..1; None when the total is not known."""
        return amount / self.total_eligible_cost if self.total_eligible_cost else None

    @classmethod
    def derive(cls, checked: Checked, ctx: BuildContext) -> dict:
        f = checked.facts
        return {
            "status": initiative_status(f["status"], f["start"], f["end"], ctx.today),
            "results_status": f["results_status"] or "expected",
        }


@dataclass(frozen=True)
class PressText:
    title: str
    slug: str
    lead: str
    body: str
    facts: tuple[str, ...]


@dataclass(frozen=True)
class PressRelease(Record[PressText]):
    issued_by: str  # the issuing organisation's id (the site's organisation unless written)
    date: date
    time: time | None
    embargo: datetime | None
    quotes: tuple[Quote, ...]
    images: tuple[ImageRef, ...]
    contacts: tuple[str, ...]
    initiatives: tuple[str, ...]
    certifications: tuple[str, ...]
    organisations: tuple[str, ...]
    # When it was published: its date and time (midnight without one) in the site's zone, with
    # that zone's offset on the day (+01:00 or +02:00 in Copenhagen).
    published_at: datetime

    @classmethod
    def withheld(cls, facts: Mapping, ctx: BuildContext) -> bool:
        """Drafts, and releases still under embargo at "now"."""
        return bool(facts["draft"]) or (facts["embargo"] is not None and facts["embargo"] > ctx.now)

    @classmethod
    def derive(cls, checked: Checked, ctx: BuildContext) -> dict:
        f = checked.facts
        published = in_zone(datetime.combine(f["date"], f["time"] or time(0)), ctx.zone)
        return {"issued_by": f["issued_by"] or ctx.organisation, "published_at": published}


@dataclass(frozen=True)
class CertificationText:
    name: str
    slug: str
    level: str | None
    domain: str | None
    description: str


@dataclass(frozen=True)
class Certification(Record[CertificationText]):
    holder: str
    issuer: str | None
    awarded: PartialDate | None
    held_on: date | None  # a day a source says it was held, when the award date is unknown
    stated_in: str | None  # the press release that says so
    valid_until: Month | None
    times_awarded: int | None
    featured: bool
    badge: str | None
    valid: bool  # still valid at "now"
    status: str  # at "now": "upcoming" (not yet awarded), "valid" or "expired"

    @property
    def known_since(self) -> date:
        """The earliest day it is known to have been held, for sorting."""
        return self.awarded.value if self.awarded else self.held_on

    @classmethod
    def derive(cls, checked: Checked, ctx: BuildContext) -> dict:
        f = checked.facts
        valid = f["valid_until"] is None or f["valid_until"].last_day() >= ctx.today
        if f["featured"] and not valid:
            ctx.warnings.append(
                ContentError(
                    checked.path,
                    checked.doc.line(("valid_until",)),
                    "valid_until",
                    f"featured certification expired on {f['valid_until'].last_day().isoformat()}",
                    "set featured: false, or renew it and change valid_until",
                )
            )
        since = f["awarded"].value if f["awarded"] else f["held_on"]
        if since is not None and since > ctx.today:
            status = "upcoming"
        else:
            status = "valid" if valid else "expired"
        return {"valid": valid, "status": status}


@dataclass(frozen=True)
class OrganisationText:
    name: str
    slug: str
    description: str
    offices: tuple[str, ...]
    offers: tuple[str, ...]


@dataclass(frozen=True)
class Organisation(Record[OrganisationText]):
    kind: Term
    website: str | None
    member_count: int | None
    relations: tuple[Relation, ...]
    logo: str | None
    contacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonText:
    role: str
    department: str | None
    topics: str | None


@dataclass(frozen=True)
class Person(Record[PersonText]):
    name: str
    organisation: str | None
    email: str | None
    phone: str | None
    press_contact: bool
    languages: tuple[str, ...]
    photo: ImageRef | None = None  # a portrait for the contact cards, if any


@dataclass(frozen=True)
class Venue:
    """Where an event is held: a named place with its address."""

    name: str
    address: str | None
    postal_code: str | None
    city: str


@dataclass(frozen=True)
class EventText:
    title: str
    slug: str
    summary: str
    body: str | None


@dataclass(frozen=True)
class Event(Record[EventText]):
    # A whole day (date) or a moment in the site's zone (datetime); the end is the last day of
    # an all-day event, and None when not known.
    start: date | datetime
    end: date | datetime | None
    online: bool
    venue: Venue | None
    online_url: str | None
    registration_url: str | None
    registration_deadline: date | datetime | None
    price: int | None
    free: bool
    organiser: str
    partners: tuple[str, ...]
    initiatives: tuple[str, ...]
    contacts: tuple[str, ...]
    languages: tuple[str, ...]
    image: ImageRef | None
    past: bool  # over at "now": its end (or its start) lies before it

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def first_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def last_day(self) -> date:
        end = self.end or self.start
        return end.date() if isinstance(end, datetime) else end

    @classmethod
    def withheld(cls, facts: Mapping, ctx: BuildContext) -> bool:
        return bool(facts["draft"])

    @classmethod
    def derive(cls, checked: Checked, ctx: BuildContext) -> dict:
        f = checked.facts
        end = f["end"] or f["start"]
        past = end < ctx.now if isinstance(end, datetime) else end < ctx.today
        return {"past": past}


def event_order(event: Event) -> tuple:
    """Events by when they begin: a whole day before the timed events of that day."""
    start = event.start
    return (event.first_day, start.time() if isinstance(start, datetime) else time(0))


@dataclass(frozen=True)
class PageText:
    title: str
    slug: str
    description: str | None
    body: str


@dataclass(frozen=True)
class Page(Record[PageText]):
    pass


@dataclass(frozen=True)
class Content:
    """Everything the site is built from, as of `now` (a time in the site's zone)."""

    root: Path
    now: datetime
    site: Site
    taxonomies: Mapping[str, Mapping[str, Term]]
    # The records of each content type (types.py), by type name and id, in the type's order;
    # press releases published at "now" only. Also read as content.initiatives,
    # content.press_releases ...: a type's collection name.
    records: Mapping[str, Mapping[str, Record]]
    withheld: tuple[str, ...] = ()  # ids of drafts and embargoed releases, for the build log
    # Problems that do not stop the build, printed as `warning: path:line: field: message; hint`.
    warnings: tuple[ContentError, ...] = field(default=())
    # Line of every slug and file field, by content file and key path: output paths come from
    # these fields, so a clash of two paths is reported at the line that made each.
    lines: Mapping[str, Mapping[tuple, int]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Mapping[str, Record]:
        """The records of the content type whose collection is `name`: content.initiatives."""
        records = self.__dict__.get("records")  # missing while an unpickled copy is filled in
        type_name = _type_by_collection().get(name)
        if records is None or type_name is None:
            raise AttributeError(name)
        return records[type_name]

    @property
    def languages(self) -> tuple[str, ...]:
        return self.site.languages

    def boilerplate(self, release: PressRelease, lang: str) -> tuple[str, str]:
        """The issuing organisation's name and 'about' text for a release.

        The site's own organisation speaks with the site's name and `about` text; another
        organisation (a predecessor, a partner) with its own name and description.
        """
        if release.issued_by == self.site.organisation:
            return self.site.text(lang).name, self.site.text(lang).about
        text = self.organisations[release.issued_by].text(lang)
        return text.name, text.description

    def counts(self) -> dict[str, int]:
        """How many records of each type, for the build log: {"press releases": 4, ...}."""
        from generator.content.types import CONTENT_TYPES

        return {t.collection.replace("_", " "): len(self.records[t.name]) for t in CONTENT_TYPES}

    def line(self, path: str, keypath: tuple) -> int:
        """The line of a slug or file field in a content file (1 when unknown)."""
        return self.lines.get(path, {}).get(keypath, 1)


@functools.cache
def _type_by_collection() -> dict[str, str]:
    """Content type names by collection name: {"press_releases": "press_release", ...}."""
    from generator.content.types import CONTENT_TYPES  # types.py imports this module

    return {t.collection: t.name for t in CONTENT_TYPES}


def load_content(
    root: Path, now: datetime, parsed: dict | None = None, checked_files: dict | None = None
) -> Content:
    """Validate content/ and build the model as of `now` (raises ContentInvalid).

    A naive `now` is a clock time in the site's zone. `parsed` and `checked_files` keep parsed
    and checked files between calls (validate.validate_content).
    """
    return build_model(validate_content(root, parsed, checked_files), now)


@dataclass
class BuildContext:
    """What records are built with: the vocabularies, "now", and the warnings found on the way."""

    taxonomies: Mapping[str, Mapping[str, Term]]
    zone: ZoneInfo  # the site's
    now: datetime  # in the site's zone
    organisation: str = ""  # the site's organisation
    warnings: list[ContentError] = field(default_factory=list)

    @property
    def today(self) -> date:
        """Today in the site's zone: a day ends at local midnight, not at UTC's."""
        return self.now.date()


def build_model(checked: CheckedContent, now: datetime) -> Content:
    """The frozen records of every content type, as of `now`, in each type's order."""
    from generator.content.types import CONTENT_TYPES

    taxonomies = {
        name: {
            code: Term(code, _labels(term.texts), term.facts["nuts"], bool(term.facts["eu"]))
            for code, term in sorted(terms.items())
        }
        for name, terms in checked.taxonomies.items()
    }
    site_zone = ZoneInfo(checked.site.facts["timezone"] or DEFAULT_TIMEZONE)
    ctx = BuildContext(
        taxonomies, site_zone, in_zone(now, site_zone), warnings=list(checked.warnings)
    )
    site = build_record(Site, s.SITE.shape, checked.site, ctx)
    ctx.organisation = site.organisation
    records, withheld = {}, []
    for content_type in CONTENT_TYPES:
        model, shape = content_type.model, content_type.schema.shape
        built = {}
        for rid, record in _checked_records(checked, content_type):
            if model.withheld(record.facts, ctx):
                withheld.append(rid)
            else:
                built[rid] = build_record(model, shape, record, ctx)
        records[content_type.name] = dict(
            sorted(
                built.items(),
                key=lambda kv, order=content_type.order: (order(kv[1]), kv[0]),
                reverse=content_type.newest_first,
            )
        )
    return Content(
        root=checked.root,
        now=ctx.now,
        site=site,
        taxonomies=taxonomies,
        records=records,
        withheld=tuple(sorted(withheld)),
        warnings=tuple(sorted(set(ctx.warnings))),
        lines=_path_field_lines(checked),
    )


def _checked_records(
    checked: CheckedContent, content_type: ContentType
) -> list[tuple[str, Checked]]:
    """The checked files of a type; a page's language versions as one record."""
    if not content_type.per_language_files:
        return list(checked.records.get(content_type.name, {}).items())
    found = []
    for pid, versions in checked.pages.items():
        first = next(iter(versions.values()))
        texts = {lang: {**p.facts, "body": p.doc.body} for lang, p in versions.items()}
        found.append((pid, Checked(pid, first.type, first.path, {}, texts, first.doc)))
    return found


def build_record(model: type[Record], shape: s.Shape, checked: Checked, ctx: BuildContext):
    """A record of `model` from its checked file: each schema field the model has, converted by
    the field's kind, and the values the model derives at "now"."""
    text_class, text_fields, fact_fields = _plan(model, shape)
    texts = {
        lang: text_class(
            **{name: _value(spec, values.get(name), hint, ctx) for name, spec, hint in text_fields}
        )
        for lang, values in checked.texts.items()
    }
    facts = {
        name: _value(spec, checked.facts.get(name), hint, ctx) for name, spec, hint in fact_fields
    }
    facts.update(model.derive(checked, ctx))
    return model(checked.id, checked.path, texts, checked.facts.get("only_in") or (), **facts)


@functools.cache
def _plan(model: type[Record], shape: s.Shape) -> tuple:
    """The text class, and (name, field, type hint) of each text and fact field the model holds;
    worked out once per model, not once per record."""
    text_class = _text_class(model)
    text_hints, hints = _hints(text_class), _hints(model)
    text_fields = tuple(
        (name, spec, text_hints[name]) for name, spec in _text_fields(text_class, shape).items()
    )
    fact_fields = tuple(
        (spec.name, spec, hints[spec.name])
        for spec in shape.facts
        if spec.name in hints and spec.name not in _RECORD_FIELDS
    )
    return text_class, text_fields, fact_fields


# Set from the file itself, never from a schema field of the same name.
_RECORD_FIELDS = ("id", "path", "texts", "only_in")


def _value(spec: s.Field, value, hint, ctx: BuildContext):
    """A checked value as the model holds it: lists as tuples, codes as terms, nested mappings
    as their model class (found from the model's type hint), missing booleans as false."""
    if spec.kind == s.LIST:
        item_hint = typing.get_args(hint)[0] if typing.get_args(hint) else object
        return tuple(_value(spec.item, item, item_hint, ctx) for item in value or ())
    if spec.kind == s.BOOL:
        return bool(value)
    if value is None:
        return None
    if spec.kind == s.TERM:
        return ctx.taxonomies[spec.target][value]
    if spec.kind == s.OBJECT:
        return _build_object(_class_of(hint), spec.shape, value, ctx)
    return value


def _build_object(cls: type, shape: s.Shape, item: Mapping, ctx: BuildContext):
    """A nested item (an image, a link, a quote): its facts, and its texts as {lang: text}."""
    hints = _hints(cls)
    values = {
        spec.name: _value(spec, item["facts"].get(spec.name), hints[spec.name], ctx)
        for spec in shape.facts
        if spec.name in hints
    }
    for spec in shape.texts:
        values[spec.name] = {
            lang: text[spec.name]
            for lang, text in item["texts"].items()
            if text.get(spec.name) is not None
        }
    return cls(**values)


@functools.cache
def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls)


@functools.cache
def _text_class(model: type[Record]) -> type:
    """The class of a record's text per language: T of Record[T]."""
    base = next(b for b in model.__orig_bases__ if typing.get_origin(b) is Record)
    return typing.get_args(base)[0]


def _text_fields(text_class: type, shape: s.Shape) -> dict[str, s.Field]:
    """The text class's fields and how each is written: a text field, else (a page's front
    matter) a fact field, else (a page's body) Markdown."""
    specs = {spec.name: spec for spec in (*shape.facts, *shape.texts)}
    return {f.name: specs.get(f.name, s.Field(f.name, s.MARKDOWN, "")) for f in fields(text_class)}


def _class_of(hint) -> type:
    """The class in a hint such as `ImageRef` or `Source | None`."""
    if isinstance(hint, type):
        return hint
    return next(arg for arg in typing.get_args(hint) if arg is not type(None))


def _path_field_lines(checked: CheckedContent) -> dict[str, dict[tuple, int]]:
    """Lines of the fields that decide output paths (slugs, media files), per content file."""
    names = _path_field_names(record_type.shape for record_type in s.ALL_TYPES)
    documents = [checked.site] if checked.site else []
    documents += [r for records in checked.records.values() for r in records.values()]
    documents += [p for versions in checked.pages.values() for p in versions.values()]
    lines = {
        c.path: {key: line for key, line in c.doc.lines.items() if key and key[-1] in names}
        for c in documents
    }
    # Facet pages are named after the taxonomy labels.
    for terms in checked.taxonomies.values():
        for term in terms.values():
            lines[term.path] = {
                key: line
                for key, line in term.doc.lines.items()
                if len(key) == 4 and key[-1] == "label"
            }
    return lines


def _path_field_names(shapes) -> set[str]:
    names: set[str] = set()
    for shape in shapes:
        for spec in (*shape.facts, *shape.texts):
            inner = spec.item if spec.kind == s.LIST else spec
            if spec.kind in (s.SLUG, s.MEDIA, s.IMAGE):
                names.add(spec.name)
            elif inner is not None and inner.kind == s.OBJECT and inner.shape is not None:
                names |= _path_field_names([inner.shape])
    return names


def initiative_status(
    stated: str | None, start: PartialDate | None, end: PartialDate | None, today: date
) -> str:
    """The status shown: decided by the dates where they tell, else the stated status.

    A proposal or a cancelled initiative is what it says, whatever its dates; otherwise a
    passed end means completed, a future start planned, and a day between known dates ongoing.
    """
    if stated in ("proposed", "cancelled"):
        return stated
    if end is not None and today > end.last_day():
        return "completed"
    if start is not None and today < start.value:
        return "planned"
    if start is not None and end is not None:
        return "ongoing"
    return stated or "ongoing"


def _labels(texts: Mapping[str, Mapping]) -> dict[str, str]:
    return {lang: t["label"] for lang, t in texts.items()}
