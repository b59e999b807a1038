"""The content schema: every record type and field, declared once, with a description for editors.

Validation (`validate.py`) and the editors' field reference (`fieldref.py`) are both driven by this
module, so a field cannot be documented without being checked, or checked without being documented.
Facts (dates, amounts, references) are written once; fields in `texts` live under `da:` / `en:`.
"""

from __future__ import annotations

from dataclasses import dataclass

# Field kinds. Each is checked and converted by validate.py.
TEXT = "text"  # one line of plain text; HTML is shown as text, never run
PARAGRAPH = "paragraph"  # plain text that may span lines
MARKDOWN = "markdown"  # Markdown body, sanitised
DATE = "date"  # ISO date, 2021-11-23
MONTH = "month"  # ISO date or year and month, 2016-12
PARTIAL_DATE = "partial_date"  # a year, year and month, quarter or full date: 2020, 2019-06
DATETIME_TZ = "datetime"  # date and time in the site's zone, 2026-12-10 08:00 (offset optional)
TIME = "time"  # 24-hour time, "10:00"
# A whole day (2026-12-10) or a clock time on a day in the site's zone (2026-12-10 09:30; offset
# optional)
DATE_OR_DATETIME = "date_or_datetime"
AMOUNT = "amount"  # whole, non-negative Danish kroner
COUNT = "count"  # whole, non-negative number
NUMBER = "number"  # positive decimal number
BOOL = "bool"
EMAIL = "email"
PHONE = "phone"
URL = "url"  # https:// or http:// address
SLUG = "slug"  # a-z, 0-9 and -
LANGUAGE = "language"  # a language of the site (site.yaml languages:)
LANGUAGE_CODE = "language_code"  # a language of the table, generator/languages.yaml
LANGUAGE_SET = "language_set"  # one language of the site, or a list of them
REF = "ref"  # the id of another record (target = record type)
TERM = "term"  # a code from content/taxonomies.yaml (target = taxonomy name)
MEDIA = "media"  # a file under content/media/
IMAGE = "image"  # an image file (PNG, JPEG or SVG) under content/media/
LIST = "list"  # a list of `item`
OBJECT = "object"  # a nested mapping of `shape`
CHOICE = "choice"  # one of `choices`
TIMEZONE = "timezone"  # an IANA time zone name, Europe/Copenhagen
FINGERPRINTS = "fingerprints"  # {lang: {field: fingerprint}}, written by `build.py translations`
COLOUR = "colour"  # a colour as #rrggbb

# The self-hosted typefaces a site may choose (theme/assets/fonts); system uses the visitor's own.
TYPEFACES = ("system", "ubuntu", "source-sans-3", "atkinson-hyperlegible")


@dataclass(frozen=True)
class Field:
    """One key in a content file."""

    name: str
    kind: str
    doc: str
    required: bool = False
    target: str | None = None
    item: Field | None = None
    shape: Shape | None = None
    choices: tuple[str, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class Shape:
    """The keys of a mapping: facts written once, texts written under each language key."""

    facts: tuple[Field, ...]
    texts: tuple[Field, ...] = ()

    def fact(self, name: str) -> Field | None:
        return next((f for f in self.facts if f.name == name), None)


@dataclass(frozen=True)
class RecordType:
    """A kind of record: one YAML file per record in `folder`, the id being the file name."""

    name: str
    folder: str
    title: str
    doc: str
    shape: Shape


def _list(name: str, item: Field, doc: str, required: bool = False, example: str = "") -> Field:
    return Field(name, LIST, doc, required=required, item=item, example=example)


def _obj(name: str, shape: Shape, doc: str) -> Field:
    return Field(name, OBJECT, doc, shape=shape)


def _ref(name: str, target: str, doc: str, required: bool = False) -> Field:
    return Field(name, REF, doc, required=required, target=target)


def _refs(name: str, target: str, doc: str) -> Field:
    return _list(name, Field("item", REF, doc, target=target), doc)


TRANSLATED = Field(
    "translated",
    FINGERPRINTS,
    "Written by `build.py translations --import`: per language and field, a fingerprint of the "
    "source text the translation was made from, so outdated translations can be listed. "
    "Leave it as it is.",
)

ONLY_IN = Field(
    "only_in",
    LANGUAGE_SET,
    "Publish this record only in these languages: one code, or a list such as [da, en]. The "
    "other languages' sites show it with a notice that it is only available in the first of "
    "them. Leave out to require every language of the site.",
    example="da",
)

IMAGE_SHAPE = Shape(
    facts=(
        Field(
            "file",
            IMAGE,
            "Path of the original image under content/, e.g. media/press/x.png.",
            required=True,
            example="media/press/gold-label.png",
        ),
        Field(
            "credit",
            TEXT,
            "Photographer or owner, as it must be credited.",
            required=True,
            example="Klynge / illustration",
        ),
        Field(
            "licence",
            TEXT,
            "Licence under which journalists may use the image.",
            required=True,
            example="CC BY 4.0",
        ),
    ),
    texts=(
        Field(
            "alt",
            TEXT,
            "Alternative text: what the image shows, for screen readers.",
            required=True,
        ),
        Field(
            "caption", TEXT, "Caption shown under the image and in the press kit.", required=True
        ),
    ),
)

LINK_SHAPE = Shape(
    facts=(Field("url", URL, "Address of the page.", required=True),),
    texts=(Field("label", TEXT, "Link text.", required=True),),
)

SOURCE_SHAPE = Shape(
    facts=(
        Field(
            "title",
            TEXT,
            "Title of the source document or page, as written in it.",
            required=True,
            example="EU-guld til sund erhvervsklynge",
        ),
        Field(
            "publisher", TEXT, "Who published it, when the source says so.", example="Welfare Tech"
        ),
        Field(
            "date",
            PARTIAL_DATE,
            "When it was published, when the source says so.",
            example="2019-06-19",
        ),
        Field("url", URL, "Address of the source, if it is on the web."),
        Field(
            "document", TEXT, "Name of the document (file, case or annex), if it has no address."
        ),
    ),
)

SOURCES = _list(
    "sources",
    _obj("item", SOURCE_SHAPE, "A source."),
    'The documents the facts of this record come from. Shown under "Sources" on the page '
    "and given to search engines as isBasedOn.",
)

SITE = RecordType(
    "site",
    "",
    "Site",
    "content/site.yaml: the organisation behind the site and site-wide settings.",
    Shape(
        facts=(
            Field(
                "base_url",
                URL,
                "Public address of the site, ending in /.",
                required=True,
                example="https://www.example.org/",
            ),
            _list(
                "languages",
                Field("item", LANGUAGE_CODE, "Language code."),
                "Languages of the site, codes from generator/languages.yaml; the first is the "
                "source language.",
                required=True,
            ),
            Field(
                "default_language",
                LANGUAGE,
                "Language chosen when the browser prefers neither.",
                required=True,
            ),
            _ref(
                "organisation",
                "organisation",
                "The organisation that runs the site.",
                required=True,
            ),
            Field("logo", IMAGE, "Site logo (SVG) under content/media/.", required=True),
            Field(
                "logo_png",
                IMAGE,
                "The same logo as PNG, for the media kit and feeds.",
                required=True,
            ),
            Field(
                "eur_rate",
                NUMBER,
                "Danish kroner per euro, for approximate euro amounts on the pages of languages "
                "that show them (English, German).",
                required=True,
                example="7.46",
            ),
            Field("email", EMAIL, "General contact email, if the organisation has one."),
            Field("phone", PHONE, "General phone number."),
            Field(
                "timezone",
                TIMEZONE,
                "Time zone of the site (an IANA name). Embargoes, release "
                'times and --now without an offset are clock times in this zone, and "today" '
                "(initiative status, certification validity) is the date there. Leave out for "
                "Europe/Copenhagen.",
                example="Europe/Copenhagen",
            ),
            Field(
                "page_size",
                COUNT,
                "How many records a listing page shows (initiatives, press releases, "
                "organisations, events) before the rest go on numbered pages 2, 3, ... "
                "Leave out (or write 0) for 24.",
                example="24",
            ),
            _list(
                "social",
                _obj("item", LINK_SHAPE, "A social media profile."),
                "Links to the organisation's social media profiles.",
            ),
            _obj(
                "editor",
                Shape(
                    facts=(
                        Field(
                            "backend",
                            CHOICE,
                            "Where the content's repository is: github or gitlab.",
                            required=True,
                            choices=("github", "gitlab"),
                            example="github",
                        ),
                        Field(
                            "repo",
                            TEXT,
                            "The repository, as owner/name (on GitLab: group/project).",
                            required=True,
                            example="klynge/website",
                        ),
                        Field(
                            "branch",
                            TEXT,
                            "The branch the site is built from. Leave out for main.",
                            example="main",
                        ),
                        Field(
                            "auth_url",
                            URL,
                            "Address of the sign-in service for GitHub (an OAuth proxy the team "
                            "runs, or Netlify's); for GitLab, of a self-hosted GitLab. Leave "
                            "out for gitlab.com.",
                        ),
                        Field(
                            "app_id",
                            TEXT,
                            "GitLab only: the Application ID of the OAuth application the team "
                            "made in GitLab for the editor (sign-in with PKCE, no secret).",
                        ),
                        Field(
                            "editorial_workflow",
                            BOOL,
                            "true: a save becomes a pull (merge) request, checked by CI before "
                            "it is merged; false: a save is a commit on the branch.",
                        ),
                    )
                ),
                "The web editor under /admin/ (Decap CMS, set up from this schema): leave out "
                "to build the site without it.",
            ),
            _obj(
                "brand",
                Shape(
                    facts=(
                        Field(
                            "primary",
                            COLOUR,
                            "Main colour, as #rrggbb: the header, headings and links. White "
                            "text must be readable on it and it on white (contrast 4.5:1). "
                            "Leave out for the theme's #0b3d5c.",
                            example='"#0b3d5c"',
                        ),
                        Field(
                            "accent",
                            COLOUR,
                            "Colour of links under the pointer and of buttons, as #rrggbb; "
                            "readable on white and with white text on it. Leave out for the "
                            "theme's #b3261e.",
                            example='"#b3261e"',
                        ),
                        Field(
                            "hero",
                            COLOUR,
                            "Background of the home page's banner, as #rrggbb, under white "
                            "text. Leave out for the primary colour.",
                            example='"#0b3d5c"',
                        ),
                        Field(
                            "typeface",
                            CHOICE,
                            "Typeface of the text, one of the self-hosted ones; system uses "
                            "the visitor's own. Leave out for system.",
                            choices=TYPEFACES,
                            example="source-sans-3",
                        ),
                    )
                ),
                "The site's own colours and typeface. Every colour left out (or the whole "
                "setting) keeps the theme's look. The build checks that text stays readable "
                "(WCAG AA contrast) on every colour given and names the nearest one that is.",
            ),
            _list(
                "key_figures",
                _obj(
                    "item",
                    Shape(
                        facts=(Field("value", TEXT, "The figure, e.g. 200 or 5.", required=True),),
                        texts=(Field("label", TEXT, "What the figure counts.", required=True),),
                    ),
                    "A key figure.",
                ),
                "Key figures shown on the home page and in the fact sheet.",
            ),
            _obj(
                "hero_image",
                IMAGE_SHAPE,
                "A photo beside the tagline at the top of the home page, with its credit and "
                "licence. Leave out for a plain coloured banner.",
            ),
        ),
        texts=(
            Field("name", TEXT, "Name of the site as shown in the header.", required=True),
            Field("tagline", TEXT, "One sentence under the name on the home page.", required=True),
            Field(
                "about",
                PARAGRAPH,
                "Boilerplate 'about us' text for press releases and the press room.",
                required=True,
            ),
            Field("address", TEXT, "Postal address, if known; leave out rather than guess."),
        ),
    ),
)

TAXONOMY_TERM = Shape(
    facts=(
        Field("nuts", TEXT, "NUTS code of a region, e.g. DK01.", example="DK01"),
        Field("eu", BOOL, "For funds: true when the fund is EU money (shows the EU emblem)."),
    ),
    texts=(Field("label", TEXT, "Name of the term in this language.", required=True),),
)

TAXONOMIES = ("regions", "funds", "focus_areas", "organisation_kinds")
INITIATIVE_STATUSES = ("proposed", "approved", "ongoing", "completed", "cancelled")
# Statuses under which an initiative may leave out its start and end dates.
UNDATED_STATUSES = ("proposed", "approved", "cancelled")

INITIATIVE = RecordType(
    "initiative",
    "initiatives",
    "Initiative",
    "content/initiatives/<id>.yaml: a project or initiative funded by EU or national money.",
    Shape(
        facts=(
            Field(
                "status",
                CHOICE,
                "Where the initiative stands. Without it, start and end "
                "are required and the status shown is derived from them; ongoing and "
                "completed need a start; proposed, approved and cancelled initiatives may "
                "leave out both dates. Dates, where given, decide the status shown.",
                choices=INITIATIVE_STATUSES,
                example="proposed",
            ),
            _list(
                "decisions",
                _obj(
                    "item",
                    Shape(
                        facts=(
                            _refs("by", "organisation", "The organisations that decide."),
                            Field(
                                "due",
                                PARTIAL_DATE,
                                "When the decision is due, if known.",
                                example="2020-Q3",
                            ),
                        ),
                        texts=(Field("subject", TEXT, "What is to be decided.", required=True),),
                    ),
                    "A pending decision.",
                ),
                "Decisions a proposed initiative waits for: who decides what, and when.",
            ),
            Field(
                "start",
                PARTIAL_DATE,
                "First day of the initiative; a year or a month when the day is not known.",
                example="2021-11-23",
            ),
            Field(
                "end",
                PARTIAL_DATE,
                "Last day of the initiative; a year or a month when the day is not known.",
                example="2023-12-31",
            ),
            Field(
                "total_eligible_cost",
                AMOUNT,
                "Total eligible cost in whole kroner, digits only, if known.",
                example="92524800",
            ),
            _list(
                "funding",
                _obj(
                    "item",
                    Shape(
                        facts=(
                            Field(
                                "fund",
                                TERM,
                                "The fund (a code from taxonomies.yaml funds).",
                                required=True,
                                target="funds",
                            ),
                            Field(
                                "amount",
                                AMOUNT,
                                "Support from this fund in whole kroner.",
                                required=True,
                            ),
                            Field(
                                "status",
                                CHOICE,
                                "granted (the default) or proposed: an amount not yet decided.",
                                choices=("granted", "proposed"),
                                example="proposed",
                            ),
                        )
                    ),
                    "One funding line.",
                ),
                "Funding lines: which fund gives (or is proposed to give) how much.",
            ),
            _list(
                "regions",
                Field("item", TERM, "Region code.", target="regions"),
                "Regions the initiative covers (codes from taxonomies.yaml).",
                required=True,
            ),
            Field(
                "focus_area",
                TERM,
                "Focus area (a code from taxonomies.yaml).",
                required=True,
                target="focus_areas",
            ),
            _ref(
                "beneficiary",
                "organisation",
                "The organisation that receives the support.",
                required=True,
            ),
            _refs("partners", "organisation", "Partner organisations."),
            _refs("contacts", "person", "Contact persons."),
            Field(
                "results_status",
                CHOICE,
                "Whether the results are expected or achieved.",
                choices=("expected", "achieved"),
                example="expected",
            ),
            Field("operation_code", TEXT, "The operation's code in the programme, if any."),
            _list(
                "links",
                _obj("item", LINK_SHAPE, "A link."),
                "External links, for example the initiative's page in a public project database.",
            ),
            _list("images", _obj("item", IMAGE_SHAPE, "An image."), "Images with credits."),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("title", TEXT, "Title of the initiative.", required=True),
            Field(
                "slug",
                SLUG,
                "Last part of the page address in this language.",
                required=True,
                example="healthy-weight",
            ),
            Field("summary", PARAGRAPH, "Two or three sentences: what and why.", required=True),
            Field("programme", TEXT, "Programme the money comes from."),
            _list(
                "aims",
                Field("item", TEXT, "One aim."),
                "What the initiative sets out to do.",
                required=True,
            ),
            _list(
                "results",
                Field("item", TEXT, "One result."),
                "Expected or achieved results.",
                required=True,
            ),
            Field("body", MARKDOWN, "Description in Markdown."),
        ),
    ),
)

PRESS_RELEASE = RecordType(
    "press_release",
    "press",
    "Press release",
    "content/press/<id>.yaml: a press release.",
    Shape(
        facts=(
            Field("date", DATE, "Date of the release.", required=True, example="2019-06-19"),
            Field(
                "time",
                TIME,
                "Time of the release (24-hour clock), in the site's time zone.",
                example="10:00",
            ),
            Field(
                "embargo",
                DATETIME_TZ,
                "Not published before this moment: date and clock time "
                "in the site's time zone (Danish time unless site.yaml says otherwise), summer "
                "or winter. An offset may be added, but it must be the zone's offset at that "
                "moment (+01:00 in Danish winter time, +02:00 in summer time).",
                example="2026-12-10 08:00",
            ),
            Field("draft", BOOL, "true keeps the release out of the site entirely."),
            _ref(
                "issued_by",
                "organisation",
                "The organisation that issued it, if not the "
                "site's own; its name, logo and description then sign the release.",
            ),
            _list(
                "quotes",
                _obj(
                    "item",
                    Shape(
                        facts=(
                            _ref("speaker", "person", "Who is quoted (a person's id)."),
                            Field(
                                "name", TEXT, "Name of the speaker, when not a person on the site."
                            ),
                        ),
                        texts=(
                            Field("role", TEXT, "Speaker's role, when not a person on the site."),
                            Field(
                                "text",
                                PARAGRAPH,
                                "The quote, without quotation marks.",
                                required=True,
                            ),
                        ),
                    ),
                    "A quote.",
                ),
                "Quotes with the speaker's name and role.",
            ),
            _list("images", _obj("item", IMAGE_SHAPE, "A photo."), "Photos for the release."),
            _refs("contacts", "person", "Press contacts for this release."),
            _refs("initiatives", "initiative", "Related initiatives."),
            _refs("certifications", "certification", "Related certifications."),
            _refs("organisations", "organisation", "Related organisations."),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("title", TEXT, "Headline.", required=True),
            Field("slug", SLUG, "Last part of the page address in this language.", required=True),
            Field(
                "lead",
                PARAGRAPH,
                "Lead paragraph: the news in two or three sentences.",
                required=True,
            ),
            Field("body", MARKDOWN, "The release in Markdown.", required=True),
            _list("facts", Field("item", TEXT, "One fact."), "Fact box: short facts."),
        ),
    ),
)

CERTIFICATION = RecordType(
    "certification",
    "certifications",
    "Certification",
    "content/certifications/<id>.yaml: a certification, label or recognition.",
    Shape(
        facts=(
            _ref("holder", "organisation", "Organisation that holds it.", required=True),
            Field("issuer", TEXT, "Programme or issuer, as written by them, if known."),
            Field(
                "awarded",
                PARTIAL_DATE,
                "Date (or year and month, or year) it was awarded. "
                "Write held_on instead when a source only says it was held on a date.",
                example="2019-06",
            ),
            Field(
                "held_on",
                DATE,
                "A date on which a source says the holder held it, when the "
                "award date is not known.",
                example="2019-06-19",
            ),
            _ref(
                "stated_in",
                "press_release",
                "The press release that states held_on; held_on cannot be later than its date.",
            ),
            Field("valid_until", MONTH, "Last date it is valid."),
            Field("times_awarded", COUNT, "How many times the holder has received it."),
            Field(
                "featured",
                BOOL,
                "true shows it on the home page as current; the build warns "
                "when a featured certification has expired.",
            ),
            Field("badge", IMAGE, "Badge image (never an imitation of the issuer's logo)."),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("name", TEXT, "Name of the certification.", required=True),
            Field("slug", SLUG, "Last part of the page address in this language.", required=True),
            Field("level", TEXT, "Level, e.g. Gold or four stars."),
            Field("domain", TEXT, "Field it was awarded in."),
            Field("description", PARAGRAPH, "What it means and why it matters.", required=True),
        ),
    ),
)

ORGANISATION = RecordType(
    "organisation",
    "organisations",
    "Organisation",
    "content/organisations/<id>.yaml: an organisation, network or project in the ecosystem.",
    Shape(
        facts=(
            Field(
                "kind",
                TERM,
                "Kind of organisation (a code from taxonomies.yaml).",
                required=True,
                target="organisation_kinds",
            ),
            Field("website", URL, "Website."),
            Field("member_count", COUNT, "Number of members (approximate is fine)."),
            _list(
                "relations",
                _obj(
                    "item",
                    Shape(
                        facts=(
                            Field(
                                "type",
                                CHOICE,
                                "How this organisation relates to the other.",
                                required=True,
                                choices=(
                                    "leads",
                                    "member_of",
                                    "partner_of",
                                    "part_of",
                                    "initiated_by",
                                    "funded_by",
                                ),
                            ),
                            _ref(
                                "organisation",
                                "organisation",
                                "The other organisation.",
                                required=True,
                            ),
                        )
                    ),
                    "A relation.",
                ),
                "Relations to other organisations.",
            ),
            Field("logo", IMAGE, "Logo under content/media/."),
            _refs("contacts", "person", "Contact persons named for this organisation."),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("name", TEXT, "Name in this language.", required=True),
            Field("slug", SLUG, "Last part of the page address in this language.", required=True),
            Field("description", PARAGRAPH, "What the organisation does.", required=True),
            _list("offices", Field("item", TEXT, "City."), "Offices (city names)."),
            _list("offers", Field("item", TEXT, "One offer."), "What it offers its members."),
        ),
    ),
)

PERSON = RecordType(
    "person",
    "people",
    "Person",
    "content/people/<id>.yaml: a contact person.",
    Shape(
        facts=(
            Field("name", TEXT, "Full name.", required=True),
            _ref("organisation", "organisation", "Where the person works, if known."),
            Field("email", EMAIL, "Email address."),
            Field(
                "phone", PHONE, "Phone number, Danish numbers with 8 digits.", example="21 28 84 19"
            ),
            Field("press_contact", BOOL, "true lists the person as a press contact."),
            _list(
                "languages",
                Field("item", LANGUAGE, "Language code."),
                "Languages the person speaks with the press.",
            ),
            _obj(
                "photo",
                IMAGE_SHAPE,
                "A portrait for the contact cards, with its credit and licence. Leave out when "
                "there is no photo the person has agreed to publish.",
            ),
            SOURCES,
            TRANSLATED,
        ),
        texts=(
            Field("role", TEXT, "Job title.", required=True),
            Field("department", TEXT, "Department or unit."),
            Field("topics", TEXT, "Topics journalists can ask about."),
        ),
    ),
)

PAGE = RecordType(
    "page",
    "pages",
    "Page",
    "content/pages/<id>.<lang>.md: a hand-written page, one file per language, "
    "linked by the id in the file name.",
    Shape(
        facts=(
            Field("title", TEXT, "Title of the page.", required=True),
            Field("slug", SLUG, "Last part of the page address.", required=True),
            Field("description", TEXT, "One sentence for search engines and link previews."),
        ),
    ),
)


EVENT_LANGUAGES = _list(
    "languages",
    Field("item", LANGUAGE, "Language code."),
    "The language(s) the event is held in.",
    required=True,
    example="[da]",
)

VENUE_SHAPE = Shape(
    facts=(
        Field("name", TEXT, "Name of the place.", required=True, example="Odense Rådhus"),
        Field("address", TEXT, "Street and number.", example="Flakhaven 2"),
        Field("postal_code", TEXT, "Postal code.", example="5000"),
        Field("city", TEXT, "Town or city.", required=True, example="Odense"),
    ),
)

EVENT = RecordType(
    "event",
    "events",
    "Event",
    "content/events/<id>.yaml: a conference, meeting, webinar or other dated event.",
    Shape(
        facts=(
            Field(
                "start",
                DATE_OR_DATETIME,
                "When the event begins: a date and clock time in the site's time zone, or a date "
                "alone for an all-day event.",
                required=True,
                example="2026-12-10 09:30",
            ),
            Field(
                "end",
                DATE_OR_DATETIME,
                "When it ends: a date and clock time, or the last day of an all-day event. "
                "Leave out when it ends the day it starts and the end time is not known.",
                example="2026-12-10 15:00",
            ),
            Field(
                "online",
                BOOL,
                "true for an event held online only; it then has no venue and no address.",
            ),
            _obj("venue", VENUE_SHAPE, "Where the event is held (no venue for online events)."),
            Field("online_url", URL, "Address where an online event is followed, if public."),
            Field("registration_url", URL, "Where to sign up."),
            Field(
                "registration_deadline",
                DATE_OR_DATETIME,
                "Last day (or moment) to sign up; not after the start.",
                example="2026-12-01",
            ),
            Field("price", AMOUNT, "Price in whole kroner, digits only; leave out when free."),
            Field("free", BOOL, "true when taking part costs nothing."),
            _ref("organiser", "organisation", "The organisation that holds the event.", True),
            _refs("partners", "organisation", "Partner organisations."),
            _refs("initiatives", "initiative", "Related initiatives."),
            _refs("contacts", "person", "Contact persons for the event."),
            EVENT_LANGUAGES,
            _obj("image", IMAGE_SHAPE, "An image for the event page and link previews."),
            Field("draft", BOOL, "true keeps the event out of the site entirely."),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("title", TEXT, "Title of the event.", required=True),
            Field("slug", SLUG, "Last part of the page address in this language.", required=True),
            Field("summary", PARAGRAPH, "Two or three sentences: what, for whom.", required=True),
            Field("body", MARKDOWN, "Programme and details in Markdown."),
        ),
    ),
)

RECORD_TYPES = (INITIATIVE, PRESS_RELEASE, CERTIFICATION, ORGANISATION, EVENT, PERSON)
ALL_TYPES = (SITE, *RECORD_TYPES, PAGE)
TYPE_BY_NAME = {t.name: t for t in ALL_TYPES}

# Limits that keep a hostile or broken file from stalling the build.
MAX_FILE_BYTES = 512 * 1024
MAX_YAML_NODES = 20_000
