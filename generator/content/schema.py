"""The content schema: every record type and field, declared once, with a description for editors.

Validation (`validate.py`) and the editors' field reference (`fieldref.py`) are both driven by this
module, so a field cannot be documented without being checked, or checked without being documented.
Facts (dates, amounts, references) are written once; fields in `texts` live under `da:` / `en:`.
Each field is described twice: `doc` in English for the field reference (docs/fields.md), `da` in
Danish for the web editor, whose interface is Danish (editor/cms.py shows it as the help text).
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
    da: str = ""  # the description in Danish: the web editor's help text (its UI is Danish)


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
    da: str = ""  # the description in Danish, shown by the web editor


def _list(
    name: str, item: Field, doc: str, required: bool = False, example: str = "", da: str = ""
) -> Field:
    return Field(name, LIST, doc, required=required, item=item, example=example, da=da)


def _obj(name: str, shape: Shape, doc: str, da: str = "") -> Field:
    return Field(name, OBJECT, doc, shape=shape, da=da)


def _ref(name: str, target: str, doc: str, required: bool = False, da: str = "") -> Field:
    return Field(name, REF, doc, required=required, target=target, da=da)


def _refs(name: str, target: str, doc: str, da: str = "") -> Field:
    return _list(name, Field("item", REF, doc, target=target, da=da), doc, da=da)


TRANSLATED = Field(
    "translated",
    FINGERPRINTS,
    "Written by `build.py translations --import`: per language and field, a fingerprint of the "
    "source text the translation was made from, so outdated translations can be listed. "
    "Leave it as it is.",
    da=(
        "Skrives af `build.py translations --import`: for hvert sprog og felt et fingeraftryk af "
        "den kildetekst, oversættelsen er lavet ud fra, så forældede oversættelser kan findes. "
        "Lad det stå, som det er."
    ),
)

ONLY_IN = Field(
    "only_in",
    LANGUAGE_SET,
    "Publish this record only in these languages: one code, or a list such as [da, en]. The "
    "other languages' sites show it with a notice that it is only available in the first of "
    "them. Leave out to require every language of the site.",
    da=(
        "Udgiv kun denne post på disse sprog: én kode eller en liste som [da, en]. De andre "
        "sprogs sider viser den med en besked om, at den kun findes på det første af dem. Udelad "
        "for at kræve alle sitets sprog."
    ),
    example="da",
)

IMAGE_SHAPE = Shape(
    facts=(
        Field(
            "file",
            IMAGE,
            "Path of the original image under content/, e.g. media/press/x.png.",
            da="Stien til originalbilledet under content/, fx media/press/x.png.",
            required=True,
            example="media/press/gold-label.png",
        ),
        Field(
            "credit",
            TEXT,
            "Photographer or owner, as it must be credited.",
            da="Fotograf eller ejer, sådan som vedkommende skal krediteres.",
            required=True,
            example="Klynge / illustration",
        ),
        Field(
            "licence",
            TEXT,
            "Licence under which journalists may use the image.",
            da="Den licens, journalister må bruge billedet under.",
            required=True,
            example="CC BY 4.0",
        ),
    ),
    texts=(
        Field(
            "alt",
            TEXT,
            "Alternative text: what the image shows, for screen readers.",
            da="Alternativ tekst: hvad billedet viser, til skærmlæsere.",
            required=True,
        ),
        Field(
            "caption",
            TEXT,
            "Caption shown under the image and in the press kit.",
            da="Billedtekst under billedet og i pressematerialet.",
            required=True,
        ),
    ),
)

LINK_SHAPE = Shape(
    facts=(Field("url", URL, "Address of the page.", da="Sidens adresse.", required=True),),
    texts=(Field("label", TEXT, "Link text.", da="Linkets tekst.", required=True),),
)

SOURCE_SHAPE = Shape(
    facts=(
        Field(
            "title",
            TEXT,
            "Title of the source document or page, as written in it.",
            da="Titlen på kildedokumentet eller siden, som den står i kilden.",
            required=True,
            example="EU-guld til sund erhvervsklynge",
        ),
        Field(
            "publisher",
            TEXT,
            "Who published it, when the source says so.",
            da="Hvem der har udgivet den, når kilden oplyser det.",
            example="Welfare Tech",
        ),
        Field(
            "date",
            PARTIAL_DATE,
            "When it was published, when the source says so.",
            da="Hvornår den blev udgivet, når kilden oplyser det.",
            example="2019-06-19",
        ),
        Field(
            "url",
            URL,
            "Address of the source, if it is on the web.",
            da="Kildens adresse, hvis den ligger på nettet.",
        ),
        Field(
            "document",
            TEXT,
            "Name of the document (file, case or annex), if it has no address.",
            da="Dokumentets navn (fil, sag eller bilag), hvis det ikke har en adresse.",
        ),
    ),
)

SOURCES = _list(
    "sources",
    _obj("item", SOURCE_SHAPE, "A source.", da="En kilde."),
    'The documents the facts of this record come from. Shown under "Sources" on the page '
    "and given to search engines as isBasedOn.",
    da=(
        'De dokumenter, oplysningerne i denne post stammer fra. Vises under "Kilder" på siden og '
        "gives til søgemaskiner som isBasedOn."
    ),
)

SITE = RecordType(
    "site",
    "",
    "Site",
    "content/site.yaml: the organisation behind the site and site-wide settings.",
    da="content/site.yaml: organisationen bag sitet og indstillinger for hele sitet.",
    shape=Shape(
        facts=(
            Field(
                "base_url",
                URL,
                "Public address of the site, ending in /.",
                da="Sitets offentlige adresse, der slutter med /.",
                required=True,
                example="https://www.example.org/",
            ),
            _list(
                "languages",
                Field("item", LANGUAGE_CODE, "Language code.", da="Sprogkode."),
                "Languages of the site, codes from generator/languages.yaml; the first is the "
                "source language.",
                da=(
                    "Sitets sprog som koder fra generator/languages.yaml; det første er "
                    "kildesproget, som de andre oversættes fra."
                ),
                required=True,
            ),
            Field(
                "default_language",
                LANGUAGE,
                "Language chosen when the browser prefers neither.",
                da=(
                    "Det sprog, der vises, når browseren hverken foretrækker det ene eller det "
                    "andet."
                ),
                required=True,
            ),
            _ref(
                "organisation",
                "organisation",
                "The organisation that runs the site.",
                da="Den organisation, der står bag sitet.",
                required=True,
            ),
            Field(
                "logo",
                IMAGE,
                "Site logo (SVG) under content/media/.",
                da="Sitets logo (SVG) i content/media/.",
                required=True,
            ),
            Field(
                "logo_png",
                IMAGE,
                "The same logo as PNG, for the media kit and feeds.",
                da="Det samme logo som PNG, til pressematerialet og feeds.",
                required=True,
            ),
            Field(
                "eur_rate",
                NUMBER,
                "Danish kroner per euro, for approximate euro amounts on the pages of languages "
                "that show them (English, German).",
                da=(
                    "Antal kroner pr. euro; bruges til de omtrentlige euro-beløb på sider på "
                    "sprog, der viser dem (engelsk, tysk)."
                ),
                required=True,
                example="7.46",
            ),
            Field(
                "email",
                EMAIL,
                "General contact email, if the organisation has one.",
                da="Fælles e-mailadresse, hvis organisationen har en.",
            ),
            Field("phone", PHONE, "General phone number.", da="Fælles telefonnummer."),
            Field(
                "timezone",
                TIMEZONE,
                "Time zone of the site (an IANA name). Embargoes, release "
                'times and --now without an offset are clock times in this zone, and "today" '
                "(initiative status, certification validity) is the date there. Leave out for "
                "Europe/Copenhagen.",
                da=(
                    "Sitets tidszone (et IANA-navn). Embargoer, udsendelsestidspunkter og --now "
                    'uden forskydning er klokkeslæt i denne zone, og "i dag" (indsatsers status, '
                    "certificeringers gyldighed) er datoen dér. Udelad for Europe/Copenhagen."
                ),
                example="Europe/Copenhagen",
            ),
            Field(
                "page_size",
                COUNT,
                "How many records a listing page shows (initiatives, press releases, "
                "organisations, events) before the rest go on numbered pages 2, 3, ... "
                "Leave out (or write 0) for 24.",
                da=(
                    "Hvor mange poster en oversigtsside viser (indsatser, pressemeddelelser, "
                    "organisationer, arrangementer), før resten kommer på nummererede sider "
                    "2, 3, ... Udelad (eller skriv 0) for 24."
                ),
                example="24",
            ),
            _list(
                "social",
                _obj(
                    "item",
                    LINK_SHAPE,
                    "A social media profile.",
                    da="En profil på et socialt medie.",
                ),
                "Links to the organisation's social media profiles.",
                da="Links til organisationens profiler på sociale medier.",
            ),
            _obj(
                "editor",
                Shape(
                    facts=(
                        Field(
                            "backend",
                            CHOICE,
                            "Where the content's repository is: github or gitlab.",
                            da="Hvor indholdets repository ligger: github eller gitlab.",
                            required=True,
                            choices=("github", "gitlab"),
                            example="github",
                        ),
                        Field(
                            "repo",
                            TEXT,
                            "The repository, as owner/name (on GitLab: group/project).",
                            da="Repositoryet som ejer/navn (på GitLab: gruppe/projekt).",
                            required=True,
                            example="klynge/website",
                        ),
                        Field(
                            "branch",
                            TEXT,
                            "The branch the site is built from. Leave out for main.",
                            da="Den gren, sitet bygges fra. Udelad for main.",
                            example="main",
                        ),
                        Field(
                            "auth_url",
                            URL,
                            "Address of the sign-in service for GitHub (an OAuth proxy the team "
                            "runs, or Netlify's); for GitLab, of a self-hosted GitLab. Leave "
                            "out for gitlab.com.",
                            da=(
                                "Adressen på login-tjenesten til GitHub (en OAuth-proxy, som "
                                "holdet selv driver, eller Netlifys); til GitLab adressen på en "
                                "GitLab, I selv driver. Udelad for gitlab.com."
                            ),
                        ),
                        Field(
                            "app_id",
                            TEXT,
                            "GitLab only: the Application ID of the OAuth application the team "
                            "made in GitLab for the editor (sign-in with PKCE, no secret).",
                            da=(
                                "Kun GitLab: Application ID for den OAuth-applikation, holdet har"
                                " oprettet i GitLab til redaktøren (login med PKCE, uden "
                                "hemmelighed)."
                            ),
                        ),
                        Field(
                            "editorial_workflow",
                            BOOL,
                            "true: a save becomes a pull (merge) request, checked by CI before "
                            "it is merged; false: a save is a commit on the branch.",
                            da=(
                                "Slået til: en gemning bliver til en pull (merge) request, som CI "
                                "tjekker, før den flettes ind; slået fra: en gemning er et "
                                "commit direkte på grenen."
                            ),
                        ),
                    )
                ),
                "The web editor under /admin/ (Decap CMS, set up from this schema): leave out "
                "to build the site without it.",
                da=(
                    "Webredaktøren under /admin/ (Decap CMS, sat op ud fra skemaet): udelad for "
                    "at bygge sitet uden den."
                ),
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
                            da=(
                                "Hovedfarve som #rrggbb: toppen, overskrifter og links. Hvid "
                                "tekst skal kunne læses på den og den på hvid (kontrast 4,5:1). "
                                "Udelad for temaets #0b3d5c."
                            ),
                            example='"#0b3d5c"',
                        ),
                        Field(
                            "accent",
                            COLOUR,
                            "Colour of links under the pointer and of buttons, as #rrggbb; "
                            "readable on white and with white text on it. Leave out for the "
                            "theme's #b3261e.",
                            da=(
                                "Farve på links under markøren og på knapper, som #rrggbb; "
                                "læselig på hvid og med hvid tekst på. Udelad for temaets "
                                "#b3261e."
                            ),
                            example='"#b3261e"',
                        ),
                        Field(
                            "hero",
                            COLOUR,
                            "Background of the home page's banner, as #rrggbb, under white "
                            "text. Leave out for the primary colour.",
                            da=(
                                "Baggrunden i forsidens banner, som #rrggbb, under hvid tekst. "
                                "Udelad for hovedfarven."
                            ),
                            example='"#0b3d5c"',
                        ),
                        Field(
                            "typeface",
                            CHOICE,
                            "Typeface of the text, one of the self-hosted ones; system uses "
                            "the visitor's own. Leave out for system.",
                            da=(
                                "Tekstens skrifttype, en af dem sitet selv har med; system "
                                "bruger den besøgendes egen. Udelad for system."
                            ),
                            choices=TYPEFACES,
                            example="source-sans-3",
                        ),
                    )
                ),
                "The site's own colours and typeface. Every colour left out (or the whole "
                "setting) keeps the theme's look. The build checks that text stays readable "
                "(WCAG AA contrast) on every colour given and names the nearest one that is.",
                da=(
                    "Sitets egne farver og skrifttype. Hver farve, der udelades (eller hele "
                    "indstillingen), beholder temaets udseende. Bygningen kontrollerer, at "
                    "teksten kan læses (WCAG AA-kontrast) på hver angivet farve, og nævner den "
                    "nærmeste, der kan."
                ),
            ),
            _list(
                "key_figures",
                _obj(
                    "item",
                    Shape(
                        facts=(
                            Field(
                                "value",
                                TEXT,
                                "The figure, e.g. 200 or 5.",
                                da="Tallet, fx 200 eller 5.",
                                required=True,
                            ),
                        ),
                        texts=(
                            Field(
                                "label",
                                TEXT,
                                "What the figure counts.",
                                da="Hvad tallet tæller.",
                                required=True,
                            ),
                        ),
                    ),
                    "A key figure.",
                    da="Et nøgletal.",
                ),
                "Key figures shown on the home page and in the fact sheet.",
                da="Nøgletal, der vises på forsiden og i faktaarket.",
            ),
            _obj(
                "hero_image",
                IMAGE_SHAPE,
                "A photo beside the tagline at the top of the home page, with its credit and "
                "licence. Leave out for a plain coloured banner.",
                da=(
                    "Et foto ved siden af sloganet øverst på forsiden, med kreditering og "
                    "licens. Udelad for et ensfarvet banner."
                ),
            ),
        ),
        texts=(
            Field(
                "name",
                TEXT,
                "Name of the site as shown in the header.",
                da="Sitets navn, som det står i sidehovedet.",
                required=True,
            ),
            Field(
                "tagline",
                TEXT,
                "One sentence under the name on the home page.",
                da="Én sætning under navnet på forsiden.",
                required=True,
            ),
            Field(
                "about",
                PARAGRAPH,
                "Boilerplate 'about us' text for press releases and the press room.",
                da='Fast "om os"-tekst til pressemeddelelser og presserummet.',
                required=True,
            ),
            Field(
                "address",
                TEXT,
                "Postal address, if known; leave out rather than guess.",
                da="Postadresse, hvis den kendes; udelad hellere end at gætte.",
            ),
        ),
    ),
)

TAXONOMY_TERM = Shape(
    facts=(
        Field(
            "nuts",
            TEXT,
            "NUTS code of a region, e.g. DK01.",
            da="Regionens NUTS-kode, fx DK01.",
            example="DK01",
        ),
        Field(
            "eu",
            BOOL,
            "For funds: true when the fund is EU money (shows the EU emblem).",
            da="For fonde: slået til, når fonden er EU-midler (viser EU-emblemet).",
        ),
    ),
    texts=(
        Field(
            "label",
            TEXT,
            "Name of the term in this language.",
            da="Betegnelsens navn på dette sprog.",
            required=True,
        ),
    ),
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
    da=(
        "content/initiatives/<id>.yaml: et projekt eller en indsats, "
        "finansieret af EU-midler eller nationale midler."
    ),
    shape=Shape(
        facts=(
            Field(
                "status",
                CHOICE,
                "Where the initiative stands. Without it, start and end "
                "are required and the status shown is derived from them; ongoing and "
                "completed need a start; proposed, approved and cancelled initiatives may "
                "leave out both dates. Dates, where given, decide the status shown.",
                da=(
                    "Hvor indsatsen står. Uden status skal start og slut udfyldes, og den viste "
                    "status udledes af dem; ongoing og completed kræver en start; proposed, "
                    "approved og cancelled må udelade begge datoer. Hvor datoer er angivet, afgør"
                    " de den viste status."
                ),
                choices=INITIATIVE_STATUSES,
                example="proposed",
            ),
            _list(
                "decisions",
                _obj(
                    "item",
                    Shape(
                        facts=(
                            _refs(
                                "by",
                                "organisation",
                                "The organisations that decide.",
                                da="De organisationer, der træffer beslutningen.",
                            ),
                            Field(
                                "due",
                                PARTIAL_DATE,
                                "When the decision is due, if known.",
                                da="Hvornår beslutningen ventes, hvis det vides.",
                                example="2020-Q3",
                            ),
                        ),
                        texts=(
                            Field(
                                "subject",
                                TEXT,
                                "What is to be decided.",
                                da="Hvad der skal besluttes.",
                                required=True,
                            ),
                        ),
                    ),
                    "A pending decision.",
                    da="En beslutning, der venter.",
                ),
                "Decisions a proposed initiative waits for: who decides what, and when.",
                da=(
                    "De beslutninger, en foreslået indsats venter på: hvem der beslutter hvad, og"
                    " hvornår."
                ),
            ),
            Field(
                "start",
                PARTIAL_DATE,
                "First day of the initiative; a year or a month when the day is not known.",
                da="Indsatsens første dag; et år eller en måned, når dagen ikke kendes.",
                example="2021-11-23",
            ),
            Field(
                "end",
                PARTIAL_DATE,
                "Last day of the initiative; a year or a month when the day is not known.",
                da="Indsatsens sidste dag; et år eller en måned, når dagen ikke kendes.",
                example="2023-12-31",
            ),
            Field(
                "total_eligible_cost",
                AMOUNT,
                "Total eligible cost in whole kroner, digits only, if known.",
                da="Samlede støtteberettigede udgifter i hele kroner, kun cifre, hvis de kendes.",
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
                                da="Fonden (en kode fra funds i taxonomies.yaml).",
                                required=True,
                                target="funds",
                            ),
                            Field(
                                "amount",
                                AMOUNT,
                                "Support from this fund in whole kroner.",
                                da="Støtten fra denne fond i hele kroner.",
                                required=True,
                            ),
                            Field(
                                "status",
                                CHOICE,
                                "granted (the default) or proposed: an amount not yet decided.",
                                da=(
                                    "granted (bevilget, standard) eller proposed (foreslået): et "
                                    "beløb, der endnu ikke er besluttet."
                                ),
                                choices=("granted", "proposed"),
                                example="proposed",
                            ),
                        )
                    ),
                    "One funding line.",
                    da="Én finansieringslinje.",
                ),
                "Funding lines: which fund gives (or is proposed to give) how much.",
                da=(
                    "Finansieringslinjer: hvilken fond der giver (eller foreslås at give) hvor "
                    "meget."
                ),
            ),
            _list(
                "regions",
                Field("item", TERM, "Region code.", da="Regionens kode.", target="regions"),
                "Regions the initiative covers (codes from taxonomies.yaml).",
                da="De regioner, indsatsen dækker (koder fra taxonomies.yaml).",
                required=True,
            ),
            Field(
                "focus_area",
                TERM,
                "Focus area (a code from taxonomies.yaml).",
                da="Fokusområde (en kode fra taxonomies.yaml).",
                required=True,
                target="focus_areas",
            ),
            _ref(
                "beneficiary",
                "organisation",
                "The organisation that receives the support.",
                da="Den organisation, der modtager støtten.",
                required=True,
            ),
            _refs(
                "partners", "organisation", "Partner organisations.", da="Partnerorganisationer."
            ),
            _refs("contacts", "person", "Contact persons.", da="Kontaktpersoner."),
            Field(
                "results_status",
                CHOICE,
                "Whether the results are expected or achieved.",
                da="Om resultaterne er forventede eller opnåede.",
                choices=("expected", "achieved"),
                example="expected",
            ),
            Field(
                "operation_code",
                TEXT,
                "The operation's code in the programme, if any.",
                da="Operationens kode i programmet, hvis den har en.",
            ),
            _list(
                "links",
                _obj("item", LINK_SHAPE, "A link.", da="Et link."),
                "External links, for example the initiative's page in a public project database.",
                da="Eksterne links, fx indsatsens side i en offentlig projektdatabase.",
            ),
            _list(
                "images",
                _obj("item", IMAGE_SHAPE, "An image.", da="Et billede."),
                "Images with credits.",
                da="Billeder med kreditering.",
            ),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("title", TEXT, "Title of the initiative.", da="Indsatsens titel.", required=True),
            Field(
                "slug",
                SLUG,
                "Last part of the page address in this language.",
                da="Sidste del af sidens adresse på dette sprog.",
                required=True,
                example="healthy-weight",
            ),
            Field(
                "summary",
                PARAGRAPH,
                "Two or three sentences: what and why.",
                da="To eller tre sætninger: hvad og hvorfor.",
                required=True,
            ),
            Field(
                "programme",
                TEXT,
                "Programme the money comes from.",
                da="Det program, pengene kommer fra.",
            ),
            _list(
                "aims",
                Field("item", TEXT, "One aim.", da="Ét mål."),
                "What the initiative sets out to do.",
                da="Hvad indsatsen vil opnå.",
                required=True,
            ),
            _list(
                "results",
                Field("item", TEXT, "One result.", da="Ét resultat."),
                "Expected or achieved results.",
                da="Forventede eller opnåede resultater.",
                required=True,
            ),
            Field("body", MARKDOWN, "Description in Markdown.", da="Beskrivelse i Markdown."),
        ),
    ),
)

PRESS_RELEASE = RecordType(
    "press_release",
    "press",
    "Press release",
    "content/press/<id>.yaml: a press release.",
    da="content/press/<id>.yaml: en pressemeddelelse.",
    shape=Shape(
        facts=(
            Field(
                "date",
                DATE,
                "Date of the release.",
                da="Pressemeddelelsens dato.",
                required=True,
                example="2019-06-19",
            ),
            Field(
                "time",
                TIME,
                "Time of the release (24-hour clock), in the site's time zone.",
                da="Tidspunktet for udsendelsen (24-timers ur) i sitets tidszone.",
                example="10:00",
            ),
            Field(
                "embargo",
                DATETIME_TZ,
                "Not published before this moment: date and clock time "
                "in the site's time zone (Danish time unless site.yaml says otherwise), summer "
                "or winter. An offset may be added, but it must be the zone's offset at that "
                "moment (+01:00 in Danish winter time, +02:00 in summer time).",
                da=(
                    "Udgives ikke før dette tidspunkt: dato og klokkeslæt i sitets tidszone "
                    "(dansk tid, medmindre site.yaml siger andet), sommer- eller vintertid. En "
                    "forskydning må tilføjes, men den skal være zonens forskydning på det "
                    "tidspunkt (+01:00 i dansk vintertid, +02:00 i sommertid)."
                ),
                example="2026-12-10 08:00",
            ),
            Field(
                "draft",
                BOOL,
                "true keeps the release out of the site entirely.",
                da="Slået til: pressemeddelelsen holdes helt uden for sitet.",
            ),
            _ref(
                "issued_by",
                "organisation",
                "The organisation that issued it, if not the "
                "site's own; its name, logo and description then sign the release.",
                da=(
                    "Den organisation, der har udsendt den, hvis det ikke er sitets egen; dens "
                    "navn, logo og beskrivelse står så under pressemeddelelsen."
                ),
            ),
            _list(
                "quotes",
                _obj(
                    "item",
                    Shape(
                        facts=(
                            _ref(
                                "speaker",
                                "person",
                                "Who is quoted (a person's id).",
                                da="Hvem der citeres (en persons id).",
                            ),
                            Field(
                                "name",
                                TEXT,
                                "Name of the speaker, when not a person on the site.",
                                da="Den citeredes navn, når personen ikke findes på sitet.",
                            ),
                        ),
                        texts=(
                            Field(
                                "role",
                                TEXT,
                                "Speaker's role, when not a person on the site.",
                                da="Den citeredes rolle, når personen ikke findes på sitet.",
                            ),
                            Field(
                                "text",
                                PARAGRAPH,
                                "The quote, without quotation marks.",
                                da="Citatet, uden anførselstegn.",
                                required=True,
                            ),
                        ),
                    ),
                    "A quote.",
                    da="Et citat.",
                ),
                "Quotes with the speaker's name and role.",
                da="Citater med den citeredes navn og rolle.",
            ),
            _list(
                "images",
                _obj("item", IMAGE_SHAPE, "A photo.", da="Et foto."),
                "Photos for the release.",
                da="Fotos til pressemeddelelsen.",
            ),
            _refs(
                "contacts",
                "person",
                "Press contacts for this release.",
                da="Pressekontakter for denne pressemeddelelse.",
            ),
            _refs("initiatives", "initiative", "Related initiatives.", da="Relaterede indsatser."),
            _refs(
                "certifications",
                "certification",
                "Related certifications.",
                da="Relaterede certificeringer.",
            ),
            _refs(
                "organisations",
                "organisation",
                "Related organisations.",
                da="Relaterede organisationer.",
            ),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("title", TEXT, "Headline.", da="Overskrift.", required=True),
            Field(
                "slug",
                SLUG,
                "Last part of the page address in this language.",
                da="Sidste del af sidens adresse på dette sprog.",
                required=True,
            ),
            Field(
                "lead",
                PARAGRAPH,
                "Lead paragraph: the news in two or three sentences.",
                da="Indledning: nyheden i to eller tre sætninger.",
                required=True,
            ),
            Field(
                "body",
                MARKDOWN,
                "The release in Markdown.",
                da="Pressemeddelelsen i Markdown.",
                required=True,
            ),
            _list(
                "facts",
                Field("item", TEXT, "One fact.", da="Ét faktum."),
                "Fact box: short facts.",
                da="Faktaboks: korte fakta.",
            ),
        ),
    ),
)

CERTIFICATION = RecordType(
    "certification",
    "certifications",
    "Certification",
    "content/certifications/<id>.yaml: a certification, label or recognition.",
    da="content/certifications/<id>.yaml: en certificering, et mærke eller en anerkendelse.",
    shape=Shape(
        facts=(
            _ref(
                "holder",
                "organisation",
                "Organisation that holds it.",
                da="Den organisation, der har certificeringen.",
                required=True,
            ),
            Field(
                "issuer",
                TEXT,
                "Programme or issuer, as written by them, if known.",
                da="Programmet eller udstederen, skrevet som de selv skriver det, hvis det kendes.",
            ),
            Field(
                "awarded",
                PARTIAL_DATE,
                "Date (or year and month, or year) it was awarded. "
                "Write held_on instead when a source only says it was held on a date.",
                da=(
                    "Datoen (eller år og måned, eller år) for tildelingen. Skriv i stedet "
                    "held_on, når en kilde kun siger, at den var opnået på en bestemt dato."
                ),
                example="2019-06",
            ),
            Field(
                "held_on",
                DATE,
                "A date on which a source says the holder held it, when the "
                "award date is not known.",
                da=(
                    "En dato, hvor en kilde siger, at indehaveren havde certificeringen, når "
                    "tildelingsdatoen ikke kendes."
                ),
                example="2019-06-19",
            ),
            _ref(
                "stated_in",
                "press_release",
                "The press release that states held_on; held_on cannot be later than its date.",
                da=(
                    "Den pressemeddelelse, der oplyser held_on; held_on kan ikke ligge efter dens"
                    " dato."
                ),
            ),
            Field(
                "valid_until",
                MONTH,
                "Last date it is valid.",
                da="Sidste dato, certificeringen gælder.",
            ),
            Field(
                "times_awarded",
                COUNT,
                "How many times the holder has received it.",
                da="Hvor mange gange indehaveren har fået den.",
            ),
            Field(
                "featured",
                BOOL,
                "true shows it on the home page as current; the build warns "
                "when a featured certification has expired.",
                da=(
                    "Slået til: certificeringen vises på forsiden som gældende; bygningen "
                    "advarer, når en fremhævet certificering er udløbet."
                ),
            ),
            Field(
                "badge",
                IMAGE,
                "Badge image (never an imitation of the issuer's logo).",
                da="Mærkets billede (aldrig en efterligning af udstederens logo).",
            ),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field(
                "name",
                TEXT,
                "Name of the certification.",
                da="Certificeringens navn.",
                required=True,
            ),
            Field(
                "slug",
                SLUG,
                "Last part of the page address in this language.",
                da="Sidste del af sidens adresse på dette sprog.",
                required=True,
            ),
            Field(
                "level",
                TEXT,
                "Level, e.g. Gold or four stars.",
                da="Niveau, fx Guld eller fire stjerner.",
            ),
            Field(
                "domain",
                TEXT,
                "Field it was awarded in.",
                da="Det område, den er tildelt inden for.",
            ),
            Field(
                "description",
                PARAGRAPH,
                "What it means and why it matters.",
                da="Hvad den betyder, og hvorfor den er vigtig.",
                required=True,
            ),
        ),
    ),
)

ORGANISATION = RecordType(
    "organisation",
    "organisations",
    "Organisation",
    "content/organisations/<id>.yaml: an organisation, network or project in the ecosystem.",
    da=(
        "content/organisations/<id>.yaml: en organisation, et "
        "netværk eller et projekt i økosystemet."
    ),
    shape=Shape(
        facts=(
            Field(
                "kind",
                TERM,
                "Kind of organisation (a code from taxonomies.yaml).",
                da="Organisationstype (en kode fra taxonomies.yaml).",
                required=True,
                target="organisation_kinds",
            ),
            Field("website", URL, "Website.", da="Websted."),
            Field(
                "member_count",
                COUNT,
                "Number of members (approximate is fine).",
                da="Antal medlemmer (et omtrentligt tal er fint).",
            ),
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
                                da="Hvordan denne organisation hænger sammen med den anden.",
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
                                da="Den anden organisation.",
                                required=True,
                            ),
                        )
                    ),
                    "A relation.",
                    da="En forbindelse.",
                ),
                "Relations to other organisations.",
                da="Forbindelser til andre organisationer.",
            ),
            Field("logo", IMAGE, "Logo under content/media/.", da="Logo i content/media/."),
            _refs(
                "contacts",
                "person",
                "Contact persons named for this organisation.",
                da="Kontaktpersoner, der er nævnt for denne organisation.",
            ),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field(
                "name", TEXT, "Name in this language.", da="Navnet på dette sprog.", required=True
            ),
            Field(
                "slug",
                SLUG,
                "Last part of the page address in this language.",
                da="Sidste del af sidens adresse på dette sprog.",
                required=True,
            ),
            Field(
                "description",
                PARAGRAPH,
                "What the organisation does.",
                da="Hvad organisationen laver.",
                required=True,
            ),
            _list(
                "offices",
                Field("item", TEXT, "City.", da="By."),
                "Offices (city names).",
                da="Kontorer (bynavne).",
            ),
            _list(
                "offers",
                Field("item", TEXT, "One offer.", da="Ét tilbud."),
                "What it offers its members.",
                da="Hvad den tilbyder sine medlemmer.",
            ),
        ),
    ),
)

PERSON = RecordType(
    "person",
    "people",
    "Person",
    "content/people/<id>.yaml: a contact person.",
    da="content/people/<id>.yaml: en kontaktperson.",
    shape=Shape(
        facts=(
            Field("name", TEXT, "Full name.", da="Fulde navn.", required=True),
            _ref(
                "organisation",
                "organisation",
                "Where the person works, if known.",
                da="Hvor personen arbejder, hvis det vides.",
            ),
            Field("email", EMAIL, "Email address.", da="E-mailadresse."),
            Field(
                "phone",
                PHONE,
                "Phone number, Danish numbers with 8 digits.",
                da="Telefonnummer; danske numre har 8 cifre.",
                example="21 28 84 19",
            ),
            Field(
                "press_contact",
                BOOL,
                "true lists the person as a press contact.",
                da="Slået til: personen vises som pressekontakt.",
            ),
            _list(
                "languages",
                Field("item", LANGUAGE, "Language code.", da="Sprogkode."),
                "Languages the person speaks with the press.",
                da="De sprog, personen taler med pressen på.",
            ),
            _obj(
                "photo",
                IMAGE_SHAPE,
                "A portrait for the contact cards, with its credit and licence. Leave out when "
                "there is no photo the person has agreed to publish.",
                da=(
                    "Et portræt til kontaktkortene, med kreditering og licens. Udelad, når "
                    "der ikke er et foto, personen har sagt ja til at offentliggøre."
                ),
            ),
            SOURCES,
            TRANSLATED,
        ),
        texts=(
            Field("role", TEXT, "Job title.", da="Stillingsbetegnelse.", required=True),
            Field("department", TEXT, "Department or unit.", da="Afdeling eller enhed."),
            Field(
                "topics",
                TEXT,
                "Topics journalists can ask about.",
                da="Emner, journalister kan spørge om.",
            ),
        ),
    ),
)

PAGE = RecordType(
    "page",
    "pages",
    "Page",
    "content/pages/<id>.<lang>.md: a hand-written page, one file per language, "
    "linked by the id in the file name.",
    da=(
        "content/pages/<id>.<sprog>.md: en side skrevet i hånden, én "
        "fil pr. sprog, forbundet af id'et i filnavnet."
    ),
    shape=Shape(
        facts=(
            Field("title", TEXT, "Title of the page.", da="Sidens titel.", required=True),
            Field(
                "slug",
                SLUG,
                "Last part of the page address.",
                da="Sidste del af sidens adresse.",
                required=True,
            ),
            Field(
                "description",
                TEXT,
                "One sentence for search engines and link previews.",
                da="Én sætning til søgemaskiner og linkforhåndsvisninger.",
            ),
        ),
    ),
)


EVENT_LANGUAGES = _list(
    "languages",
    Field("item", LANGUAGE, "Language code.", da="Sprogkode."),
    "The language(s) the event is held in.",
    da="Det eller de sprog, arrangementet holdes på.",
    required=True,
    example="[da]",
)

VENUE_SHAPE = Shape(
    facts=(
        Field(
            "name",
            TEXT,
            "Name of the place.",
            da="Stedets navn.",
            required=True,
            example="Odense Rådhus",
        ),
        Field("address", TEXT, "Street and number.", da="Gade og nummer.", example="Flakhaven 2"),
        Field("postal_code", TEXT, "Postal code.", da="Postnummer.", example="5000"),
        Field("city", TEXT, "Town or city.", da="By.", required=True, example="Odense"),
    ),
)

EVENT = RecordType(
    "event",
    "events",
    "Event",
    "content/events/<id>.yaml: a conference, meeting, webinar or other dated event.",
    da=(
        "content/events/<id>.yaml: en konference, et møde, et "
        "webinar eller et andet arrangement med en dato."
    ),
    shape=Shape(
        facts=(
            Field(
                "start",
                DATE_OR_DATETIME,
                "When the event begins: a date and clock time in the site's time zone, or a date "
                "alone for an all-day event.",
                da=(
                    "Hvornår arrangementet begynder: dato og klokkeslæt i sitets tidszone, eller "
                    "kun en dato for et heldagsarrangement."
                ),
                required=True,
                example="2026-12-10 09:30",
            ),
            Field(
                "end",
                DATE_OR_DATETIME,
                "When it ends: a date and clock time, or the last day of an all-day event. "
                "Leave out when it ends the day it starts and the end time is not known.",
                da=(
                    "Hvornår det slutter: dato og klokkeslæt, eller sidste dag for et "
                    "heldagsarrangement. Udelad, når det slutter samme dag, som det begynder, og "
                    "sluttidspunktet ikke kendes."
                ),
                example="2026-12-10 15:00",
            ),
            Field(
                "online",
                BOOL,
                "true for an event held online only; it then has no venue and no address.",
                da=(
                    "Slået til for et arrangement, der kun holdes online; det har så intet "
                    "sted og ingen adresse."
                ),
            ),
            _obj(
                "venue",
                VENUE_SHAPE,
                "Where the event is held (no venue for online events).",
                da="Hvor arrangementet holdes (intet sted for onlinearrangementer).",
            ),
            Field(
                "online_url",
                URL,
                "Address where an online event is followed, if public.",
                da="Adressen, hvor et onlinearrangement kan følges, hvis den er offentlig.",
            ),
            Field("registration_url", URL, "Where to sign up.", da="Hvor man tilmelder sig."),
            Field(
                "registration_deadline",
                DATE_OR_DATETIME,
                "Last day (or moment) to sign up; not after the start.",
                da="Sidste dag (eller tidspunkt) for tilmelding; ikke efter starten.",
                example="2026-12-01",
            ),
            Field(
                "price",
                AMOUNT,
                "Price in whole kroner, digits only; leave out when free.",
                da="Pris i hele kroner, kun cifre; udelad, når det er gratis.",
            ),
            Field(
                "free",
                BOOL,
                "true when taking part costs nothing.",
                da="Slået til, når det ikke koster noget at deltage.",
            ),
            _ref(
                "organiser",
                "organisation",
                "The organisation that holds the event.",
                True,
                da="Den organisation, der holder arrangementet.",
            ),
            _refs(
                "partners", "organisation", "Partner organisations.", da="Partnerorganisationer."
            ),
            _refs("initiatives", "initiative", "Related initiatives.", da="Relaterede indsatser."),
            _refs(
                "contacts",
                "person",
                "Contact persons for the event.",
                da="Kontaktpersoner for arrangementet.",
            ),
            EVENT_LANGUAGES,
            _obj(
                "image",
                IMAGE_SHAPE,
                "An image for the event page and link previews.",
                da="Et billede til arrangementets side og til linkforhåndsvisninger.",
            ),
            Field(
                "draft",
                BOOL,
                "true keeps the event out of the site entirely.",
                da="Slået til: arrangementet holdes helt uden for sitet.",
            ),
            SOURCES,
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("title", TEXT, "Title of the event.", da="Arrangementets titel.", required=True),
            Field(
                "slug",
                SLUG,
                "Last part of the page address in this language.",
                da="Sidste del af sidens adresse på dette sprog.",
                required=True,
            ),
            Field(
                "summary",
                PARAGRAPH,
                "Two or three sentences: what, for whom.",
                da="To eller tre sætninger: hvad og for hvem.",
                required=True,
            ),
            Field(
                "body",
                MARKDOWN,
                "Programme and details in Markdown.",
                da="Program og detaljer i Markdown.",
            ),
        ),
    ),
)

RECORD_TYPES = (INITIATIVE, PRESS_RELEASE, CERTIFICATION, ORGANISATION, EVENT, PERSON)
ALL_TYPES = (SITE, *RECORD_TYPES, PAGE)
TYPE_BY_NAME = {t.name: t for t in ALL_TYPES}

# Limits that keep a hostile or broken file from stalling the build.
MAX_FILE_BYTES = 512 * 1024
MAX_YAML_NODES = 20_000
