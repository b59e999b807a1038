"""The content model: frozen records built from checked content, with one "now" for the whole build.

Facts are attributes of the record; translatable text sits in one text block per language. Press
releases that are drafts or still under embargo at "now" are left out here, once, so no later step
can publish them by accident.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from generator.clock import DEFAULT_TIMEZONE, in_zone
from generator.content import schema as s
from generator.content.validate import CheckedContent, Month, PartialDate, validate_content
from generator.errors import ContentError, sort_errors

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
    proposed: bool = False  # an amount proposed, not (yet) granted

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
        return self.text.get(lang) or next(iter(self.text.values()))

    def attribution(self, people: Mapping[str, Person], lang: str) -> tuple[str, str | None]:
        """The speaker's name and role: from the person record, or as written in the quote."""
        if self.speaker:
            person = people[self.speaker]
            return person.name, person.text(lang).role
        return self.name or "", self.role.get(lang) or next(iter(self.role.values()), None)


@dataclass(frozen=True)
class KeyFigure:
    value: str
    label: Mapping[str, str]


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
    only_in: str | None
    sources: tuple[Source, ...] = field(default=(), kw_only=True)

    def text(self, lang: str) -> T:
        """The text in `lang`, or in the record's only language when it has one."""
        return self.texts.get(lang) or self.texts[self.only_in]

    def is_fallback(self, lang: str) -> bool:
        """True when `lang` shows the text of another language."""
        return lang not in self.texts


@dataclass(frozen=True)
class SiteText:
    name: str
    tagline: str
    about: str
    address: str | None


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

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


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

    @property
    def known_since(self) -> date:
        """The earliest day it is known to have been held, for sorting."""
        return self.awarded.value if self.awarded else self.held_on


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
    initiatives: Mapping[str, Initiative]
    press_releases: Mapping[str, PressRelease]  # published at "now" only
    certifications: Mapping[str, Certification]
    organisations: Mapping[str, Organisation]
    people: Mapping[str, Person]
    pages: Mapping[str, Page]
    withheld: tuple[str, ...] = ()  # ids of drafts and embargoed releases, for the build log
    # Problems that do not stop the build, printed as `warning: path:line: field: message; hint`.
    warnings: tuple[ContentError, ...] = field(default=())
    # Line of every slug and file field, by content file and key path: output paths come from
    # these fields, so a clash of two paths is reported at the line that made each.
    lines: Mapping[str, Mapping[tuple, int]] = field(default_factory=dict)

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
        return {
            "initiatives": len(self.initiatives),
            "press releases": len(self.press_releases),
            "certifications": len(self.certifications),
            "organisations": len(self.organisations),
            "people": len(self.people),
            "pages": len(self.pages),
        }

    def line(self, path: str, keypath: tuple) -> int:
        """The line of a slug or file field in a content file (1 when unknown)."""
        return self.lines.get(path, {}).get(keypath, 1)


def load_content(root: Path, now: datetime) -> Content:
    """Validate content/ and build the model as of `now` (raises ContentInvalid).

    A naive `now` is a clock time in the site's zone.
    """
    return build_model(validate_content(root), now)


def build_model(checked: CheckedContent, now: datetime) -> Content:
    taxonomies = {
        name: {
            code: Term(code, _labels(term.texts), term.facts["nuts"], bool(term.facts["eu"]))
            for code, term in sorted(terms.items())
        }
        for name, terms in checked.taxonomies.items()
    }
    site_in = checked.site
    f = site_in.facts
    site = Site(
        "site",
        site_in.path,
        {lang: SiteText(**t) for lang, t in site_in.texts.items()},
        None,
        base_url=f["base_url"].rstrip("/") + "/",
        languages=tuple(f["languages"]),
        default_language=f["default_language"],
        organisation=f["organisation"],
        logo=f["logo"],
        logo_png=f["logo_png"],
        eur_rate=f["eur_rate"],
        email=f["email"],
        phone=f["phone"],
        social=tuple(_link(x) for x in f["social"]),
        key_figures=tuple(
            KeyFigure(x["facts"]["value"], _labels(x["texts"])) for x in f["key_figures"]
        ),
        timezone=f["timezone"] or DEFAULT_TIMEZONE,
    )
    zone = site.zone
    now = in_zone(now, zone)
    records = checked.records
    today = now.date()  # in the site's zone: a day ends at local midnight, not at UTC's
    initiatives = {}
    for rid, r in records["initiative"].items():
        f = r.facts
        status = initiative_status(f["status"], f["start"], f["end"], today)
        initiatives[rid] = Initiative(
            rid,
            r.path,
            {
                lang: InitiativeText(
                    title=t["title"],
                    slug=t["slug"],
                    summary=t["summary"],
                    programme=t["programme"],
                    aims=tuple(t["aims"]),
                    results=tuple(t["results"]),
                    body=t["body"],
                )
                for lang, t in r.texts.items()
            },
            f["only_in"],
            start=f["start"],
            end=f["end"],
            total_eligible_cost=f["total_eligible_cost"],
            funding=tuple(
                FundingLine(
                    taxonomies["funds"][x["facts"]["fund"]],
                    x["facts"]["amount"],
                    x["facts"]["status"] == "proposed",
                )
                for x in f["funding"]
            ),
            regions=tuple(taxonomies["regions"][code] for code in f["regions"]),
            focus_area=taxonomies["focus_areas"][f["focus_area"]],
            beneficiary=f["beneficiary"],
            partners=tuple(f["partners"]),
            contacts=tuple(f["contacts"]),
            results_status=f["results_status"] or "expected",
            operation_code=f["operation_code"],
            links=tuple(_link(x) for x in f["links"]),
            images=tuple(_image(x) for x in f["images"]),
            status=status,
            decisions=tuple(
                Decision(
                    tuple(x["facts"]["by"]),
                    x["facts"]["due"],
                    {lang: t["subject"] for lang, t in x["texts"].items()},
                )
                for x in f["decisions"]
            ),
            sources=_sources(f),
        )
    press, withheld = {}, []
    for rid, r in records["press_release"].items():
        f = r.facts
        if f["draft"] or (f["embargo"] is not None and f["embargo"] > now):
            withheld.append(rid)
            continue
        press[rid] = PressRelease(
            rid,
            r.path,
            {
                lang: PressText(
                    title=t["title"],
                    slug=t["slug"],
                    lead=t["lead"],
                    body=t["body"],
                    facts=tuple(t["facts"]),
                )
                for lang, t in r.texts.items()
            },
            f["only_in"],
            issued_by=f["issued_by"] or site.organisation,
            sources=_sources(f),
            date=f["date"],
            time=f["time"],
            embargo=f["embargo"],
            published_at=in_zone(datetime.combine(f["date"], f["time"] or time(0)), zone),
            quotes=tuple(
                Quote(
                    q["facts"]["speaker"],
                    q["facts"]["name"],
                    {lang: t["role"] for lang, t in q["texts"].items() if t["role"]},
                    {lang: t["text"] for lang, t in q["texts"].items()},
                )
                for q in f["quotes"]
            ),
            images=tuple(_image(x) for x in f["images"]),
            contacts=tuple(f["contacts"]),
            initiatives=tuple(f["initiatives"]),
            certifications=tuple(f["certifications"]),
            organisations=tuple(f["organisations"]),
        )
    certifications, warnings = {}, list(checked.warnings)
    for rid, r in records["certification"].items():
        f = r.facts
        valid = f["valid_until"] is None or f["valid_until"].last_day() >= today
        if f["featured"] and not valid:
            warnings.append(
                ContentError(
                    r.path,
                    r.doc.line(("valid_until",)),
                    "valid_until",
                    f"featured certification expired on {f['valid_until'].last_day().isoformat()}",
                    "set featured: false, or renew it and change valid_until",
                )
            )
        certifications[rid] = Certification(
            rid,
            r.path,
            {lang: CertificationText(**t) for lang, t in r.texts.items()},
            f["only_in"],
            holder=f["holder"],
            issuer=f["issuer"],
            awarded=f["awarded"],
            held_on=f["held_on"],
            stated_in=f["stated_in"],
            sources=_sources(f),
            valid_until=f["valid_until"],
            times_awarded=f["times_awarded"],
            featured=bool(f["featured"]),
            badge=f["badge"],
            valid=valid,
        )
    organisations = {}
    for rid, r in records["organisation"].items():
        f = r.facts
        organisations[rid] = Organisation(
            rid,
            r.path,
            {
                lang: OrganisationText(
                    name=t["name"],
                    slug=t["slug"],
                    description=t["description"],
                    offices=tuple(t["offices"]),
                    offers=tuple(t["offers"]),
                )
                for lang, t in r.texts.items()
            },
            f["only_in"],
            kind=taxonomies["organisation_kinds"][f["kind"]],
            website=f["website"],
            member_count=f["member_count"],
            relations=tuple(
                Relation(x["facts"]["type"], x["facts"]["organisation"]) for x in f["relations"]
            ),
            logo=f["logo"],
            contacts=tuple(f["contacts"]),
            sources=_sources(f),
        )
    people = {}
    for rid, r in records["person"].items():
        f = r.facts
        people[rid] = Person(
            rid,
            r.path,
            {lang: PersonText(**t) for lang, t in r.texts.items()},
            None,
            name=f["name"],
            organisation=f["organisation"],
            email=f["email"],
            phone=f["phone"],
            press_contact=bool(f["press_contact"]),
            languages=tuple(f["languages"] or ()),
            sources=_sources(f),
        )
    pages = {}
    for pid, versions in checked.pages.items():
        pages[pid] = Page(
            pid,
            next(iter(versions.values())).path,
            {
                lang: PageText(
                    title=p.facts["title"],
                    slug=p.facts["slug"],
                    description=p.facts["description"],
                    body=p.doc.body,
                )
                for lang, p in versions.items()
            },
            None,
        )
    return Content(
        root=checked.root,
        now=now,
        site=site,
        taxonomies=taxonomies,
        # Newest start first; initiatives whose start is not known come last.
        initiatives=dict(
            sorted(
                initiatives.items(),
                key=lambda kv: (
                    kv[1].start is not None,
                    kv[1].start.value if kv[1].start else date.min,
                    kv[0],
                ),
                reverse=True,
            )
        ),
        press_releases=dict(
            sorted(
                press.items(),
                key=lambda kv: (kv[1].date, kv[1].time or time(0), kv[0]),
                reverse=True,
            )
        ),
        certifications=dict(
            sorted(certifications.items(), key=lambda kv: (kv[1].known_since, kv[0]), reverse=True)
        ),
        organisations=dict(sorted(organisations.items())),
        people=dict(sorted(people.items())),
        pages=dict(sorted(pages.items())),
        withheld=tuple(sorted(withheld)),
        warnings=tuple(sort_errors(warnings)),
        lines=_path_field_lines(checked),
    )


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


def _sources(facts: Mapping) -> tuple[Source, ...]:
    return tuple(
        Source(
            x["facts"]["title"],
            x["facts"]["publisher"],
            x["facts"]["date"],
            x["facts"]["url"],
            x["facts"]["document"],
        )
        for x in facts.get("sources") or ()
    )


def _labels(texts: Mapping[str, Mapping]) -> dict[str, str]:
    return {lang: t["label"] for lang, t in texts.items()}


def _link(item: Mapping) -> Link:
    return Link(item["facts"]["url"], _labels(item["texts"]))


def _image(item: Mapping) -> ImageRef:
    f, texts = item["facts"], item["texts"]
    return ImageRef(
        f["file"],
        f["credit"],
        f["licence"],
        {lang: t["alt"] for lang, t in texts.items()},
        {lang: t["caption"] for lang, t in texts.items()},
    )
