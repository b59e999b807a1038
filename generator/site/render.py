"""Rendering: Jinja templates turn the model into one Markdown file per page and language.

Text from content files is escaped on output (HTML and Markdown syntax alike), so it is shown as
typed and never runs; only Markdown bodies are passed through as Markdown, and the MkDocs adapter
sanitises the resulting HTML. Each page's front matter carries what the theme needs for its head:
the translation map entries, canonical URL, Open Graph data and JSON-LD.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from generator import i18n, languages, paths
from generator.content.model import Content, Initiative
from generator.content.types import CONTENT_TYPES, TYPE_BY_NAME, ContentType
from generator.newsroom import images
from generator.newsroom.downloads import human_size
from generator.site import charts, structured
from generator.site.urls import UrlMap, listing_page_key, relative

TEMPLATES = paths.TEMPLATES

# What Markdown, attr_list and tables could read as syntax, and what HTML could read as markup.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|&]")


def escape_text(value: object) -> Markup:
    """Plain text made safe to embed in Markdown: every syntax character becomes an entity."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = str(value)
    return Markup(_MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text))


@dataclass(frozen=True)
class RenderedPage:
    """One generated Markdown file for MkDocs."""

    key: tuple
    path: str
    text: str


class PageRenderer:
    """Renders every page of one language."""

    def __init__(
        self,
        content: Content,
        urls: UrlMap,
        lang: str,
        files: dict[str, int],
        compiled: BytecodeCache | None = None,
        only: Callable[[tuple], bool] | None = None,
    ):
        self.only = only  # which pages to render (the live preview's); None: all
        self.content = content
        self.urls = urls
        self.lang = lang
        self.files = files  # published downloads: path -> size in bytes
        self.env = _environment(compiled)
        gettext = i18n.translations(lang)
        self.env.globals.update(
            _=gettext.gettext,
            ngettext=gettext.ngettext,
            content=content,
            site=content.site,
            lang=lang,
            other_langs=[x for x in content.languages if x != lang],
            fmt_date=lambda d: i18n.format_date(d, lang),
            fmt_month=lambda m: (
                i18n.format_date(m.value, lang) if m.has_day else i18n.format_month(m.value, lang)
            ),
            fmt_partial=lambda p: i18n.format_partial_date(p, lang),
            dkk=lambda n: i18n.format_dkk(n, lang),
            eur=lambda n: i18n.format_eur(n / content.site.eur_rate, lang),
            rate=lambda x: i18n.format_rate(x, lang),
            number=lambda n: i18n.format_number(n, lang),
            phone=i18n.format_phone,
            language_name=lambda code: languages.name(code, lang),
            in_lang=lambda texts: languages.in_language(texts, lang),
            sections=languages.language(lang).sections,
            euro_amounts=languages.language(lang).euro_amounts,
            md_body=md_body,
            text_lang=lambda record: _text_lang(record, lang),
            link_lang=lambda record: _link_lang(record, lang),
            heading_lang=lambda record: _link_lang(record, lang, heading=True),
            span_lang=lambda record, text: _span_lang(record, text, lang),
            once=_once({}),
        )

    def wanted(self, key: tuple) -> bool:
        """Whether the page `key` is to be rendered (the preview renders only what a save
        changes): callers skip working out a page's values when it is not."""
        return self.only is None or self.only(key)

    def render(
        self, key: tuple, template: str, title: str, description: str = "", **extra
    ) -> RenderedPage | None:
        if not self.wanted(key):
            return None
        lang = self.lang
        doc_file = self.urls.doc_file(key, lang)

        def link(target: tuple, anchor: str = "") -> str:
            return relative(doc_file, self.urls.doc_file(target, lang)) + (
                f"#{anchor}" if anchor else ""
            )

        def file_link(path: str) -> str:
            if path.startswith("/"):  # a file shared by all languages, at the site root
                return relative(f"{lang}/{doc_file}", path[1:])
            return relative(doc_file, path)

        def href(target: tuple) -> str:
            # For raw HTML blocks, whose links MkDocs leaves as they are.
            return _relative_url(
                f"/{lang}/{self.urls.path(key, lang)}", f"/{lang}/{self.urls.path(target, lang)}"
            )

        record = extra.get("record")
        original_href = ""
        if record is not None and record.is_fallback(lang):  # the notice links to the original
            source = record.text_language(lang)
            original_href = _relative_url(
                f"/{lang}/{self.urls.path(key, lang)}", f"/{source}/{self.urls.path(key, source)}"
            )
        body = self.env.get_template(template).render(
            key=key,
            link=link,
            file_link=file_link,
            href=href,
            page_url=self.urls.url(key, lang),
            files=self.files,
            original_href=original_href,
            **extra,
        )
        meta = self._front_matter(key, title, description, extra)
        # JSON is YAML too, and much faster to write than PyYAML's emitter.
        front = json.dumps(meta, ensure_ascii=False, sort_keys=True)
        return RenderedPage(key, doc_file, f"---\n{front}\n---\n\n{body.strip()}\n")

    def _front_matter(self, key: tuple, title: str, description: str, extra: dict) -> dict:
        urls, lang = self.urls, self.lang
        record = extra.get("record")
        fallback = record is not None and record.is_fallback(lang)
        canonical_lang = record.text_language(lang) if fallback else lang
        # MkDocs' templates print meta values without escaping, so they are escaped here.
        meta = {
            "title": str(escape(title)),
            "description": str(
                escape(_one_line(description or self.content.site.text(lang).tagline))
            ),
            "canonical": urls.url(key, canonical_lang),
            "alternates": urls.alternates(key) if not fallback else {},
            "switch": {
                other: _relative_url(
                    f"/{lang}/{urls.path(key, lang)}", f"/{other}/{urls.path(key, other)}"
                )
                for other in self.content.languages
            },
            "og_type": extra.get("og_type", "website"),
            "og_image": extra.get("og_image")
            or urls.base_url + lang + "/" + self.content.site.logo_png,
            "jsonld": structured.to_script_json(extra.get("jsonld")) if extra.get("jsonld") else "",
        }
        if fallback:
            meta["fallback_from"] = record.text_language(lang)
        if extra.get("hide"):
            meta["hide"] = extra["hide"]
        elif key[0] in PLAIN_KINDS:
            # A listing or a short page is read down the page: the sections are in the tabs, and
            # a listing's headings are a list of groups, not a table of contents.
            meta["hide"] = ["navigation", "toc"]
        pager = extra.get("pager")
        if pager:
            meta["prev"] = pager["prev"] or ""
            meta["next"] = pager["next"] or ""
        if record is not None and key[0] in TYPE_BY_NAME:
            meta["breadcrumbs"] = self._breadcrumbs(key, title)
        if key[0] in TYPE_BY_NAME and not TYPE_BY_NAME[key[0]].search:
            meta["search"] = {"exclude": True}
        return meta

    def _breadcrumbs(self, key: tuple, title: str) -> dict:
        """The trail of a record page: home, its section, the page itself (the last has no link),
        and the same trail as schema.org BreadcrumbList JSON-LD."""
        _ = self.env.globals["_"]
        urls, lang = self.urls, self.lang
        trail = [(self.content.site.text(lang).name, ("home",))]
        section = TYPE_BY_NAME[key[0]].section
        if section and ("section", section) in urls.paths:
            trail.append((_(TYPE_BY_NAME[key[0]].labels[1]), ("section", section)))
        trail.append((title, key))
        here = f"/{lang}/{urls.path(key, lang)}"
        items = [
            {
                "title": str(escape(name)),
                "href": _relative_url(here, f"/{lang}/{urls.path(target, lang)}")
                if target != key
                else "",
            }
            for name, target in trail
        ]
        return {
            "label": str(escape(_("Breadcrumb"))),
            "items": items,
            "jsonld": structured.to_script_json(
                structured.breadcrumb_list([(name, urls.url(t, lang)) for name, t in trail])
            ),
        }


# Listings and the short hand-written pages: they show neither the section navigation nor a table
# of contents.
PLAIN_KINDS = ("section", "listing_page", "facet", "start_year", "press_year", "page")


def resolve_pages(r: PageRenderer, section: str, records: list) -> list[tuple[tuple, list, dict]]:
    """A section's listing cut into pages of site.yaml's page_size records: (page key, records,
    pager) per page, the pager holding the numbered links and the previous and next page."""
    size = r.content.site.page_size
    count = max(1, -(-len(records) // size))
    keys = [listing_page_key(section, n) for n in range(1, count + 1)]
    pages = []
    for index, key in enumerate(keys):
        here = f"/{r.lang}/{r.urls.path(key, r.lang)}"

        def href(target: tuple, here: str = here) -> str:
            return _relative_url(here, f"/{r.lang}/{r.urls.path(target, r.lang)}")

        pager = {
            "current": index + 1,
            "pages": [(n + 1, href(k)) for n, k in enumerate(keys)] if count > 1 else [],
            "prev": href(keys[index - 1]) if index > 0 else None,
            "next": href(keys[index + 1]) if index + 1 < count else None,
        }
        pages.append((key, records[index * size : (index + 1) * size], pager))
    return pages


def page_title(r: PageRenderer, title: str, number: int) -> str:
    """A listing's title with its page number from the second page on."""
    if number == 1:
        return title
    _ = r.env.globals["_"]
    return _("%(title)s, page %(number)d") % {"title": title, "number": number}


def _relative_url(source: str, target: str) -> str:
    """A link between two directory URLs of the site that works on any host."""
    return posixpath.relpath(target, source).rstrip("/") + "/"


def _text_lang(record, lang: str) -> Markup:
    """` lang="da"` for raw HTML holding a record's text borrowed from its only language."""
    if record is None or not record.is_fallback(lang):
        return Markup("")
    return Markup(f' lang="{record.text_language(lang)}"')


def _span_lang(record, text: object, lang: str) -> Markup:
    """Inline text of a record, in a `<span lang="da">` when borrowed from its only language."""
    if record is None or not record.is_fallback(lang):
        return escape_text(text)
    return (
        Markup(f'<span lang="{record.text_language(lang)}">')
        + escape_text(text)
        + Markup("</span>")
    )


def _link_lang(record, lang: str, heading: bool = False) -> Markup:
    """`{ lang="da" }` (attr_list) right after a Markdown link of borrowed text, or after a space
    at the end of a heading."""
    if record is None or not record.is_fallback(lang):
        return Markup("")
    return Markup(f'{" " if heading else ""}{{ lang="{record.text_language(lang)}" }}')


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + " …"


def md_body(text: str | None) -> Markup:
    """A Markdown body from content, its headings moved below the page title (## and deeper)."""
    if not text:
        return Markup("")
    lines = []
    fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence and re.match(r"^#(?!#)\s", line):
            line = "#" + line
        lines.append(line)
    return Markup("\n".join(lines))


class CompiledTemplates(BytecodeCache):
    """The templates compiled once and kept in memory, for a process that renders pages again
    and again (the live preview). A changed template is compiled anew (its checksum differs)."""

    def __init__(self):
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


def _environment(compiled: BytecodeCache | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=compiled,
        undefined=StrictUndefined,
        autoescape=True,
        finalize=escape_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["e"] = escape_text
    env.filters["attr"] = lambda v: Markup(html.escape(str(v), quote=True))
    env.filters["tojson"] = lambda v: Markup(json.dumps(v))
    return env


def _image_sizes(content_root, measured: dict) -> Callable:
    """`image_size(path)`: an image's (width, height) for its width/height attributes, read from
    the file under content/ once per language (`/media/...` and `media/...` alike)."""

    def image_size(path: str) -> tuple[int, int]:
        path = path.lstrip("/")
        if path not in measured:
            measured[path] = images.intrinsic_size(content_root, path)
        return measured[path]

    return image_size


def _once(made: dict) -> Callable:
    """`once(macro, record, *args)`: the macro's output, made on the first call for these
    arguments and repeated after (a card that several listings of a language show alike)."""

    def once(macro, record, *args):
        key = (macro.name, id(record), *args)
        if key not in made:
            made[key] = (record, macro(record, *args))  # the record keeps its id unique
        return made[key][1]

    return once


def eu_statement(lang: str) -> str:
    """The EU funding statement as Regulation (EU) 2021/1060 words it, from the language table."""
    return languages.language(lang).eu_statement


# --- render: every page of a language, section by section -------------------------------------


def render_pages(
    content: Content,
    urls: UrlMap,
    lang: str,
    files: dict[str, int],
    renditions: dict,
    compiled: BytecodeCache | None = None,
    only: Callable[[tuple], bool] | None = None,
) -> list[RenderedPage]:
    """Every page of the site in one language: the home page, then each content type's section
    and record pages, made by the type's generator (GENERATORS, else generate_records).

    `compiled` keeps the compiled templates between calls (CompiledTemplates); `only(key)` says
    which pages to render, when not all (the live preview after a save)."""
    r = PageRenderer(content, urls, lang, files, compiled, only)
    _ = r.env.globals["_"]
    g = r.env.globals
    g["renditions"] = renditions
    g["image_size"] = _image_sizes(content.root, {})
    g["eu_statement"] = eu_statement(lang)
    g["money"] = lambda n: _money(n, content, lang)
    g["size_label"] = lambda path: human_size(files[path], lang, path.rsplit(".", 1)[-1].upper())
    g["validity"] = lambda c: _validity(c, lang, _)
    g["issuer_name"] = lambda x: issuer_name(x, content, lang)
    g["boilerplate"] = lambda x: content.boilerplate(x, lang)
    g["event_period"] = lambda e: i18n.format_event_period(e.start, e.end, lang)
    g["fmt_moment"] = lambda m: i18n.format_moment(m, lang)
    g["event_place"] = lambda e: _("Online") if e.online else (e.venue.city if e.venue else "")
    pages = list(generate_home(r))
    for content_type in CONTENT_TYPES:
        generate = GENERATORS.get(content_type.name, generate_records)
        pages.extend(generate(r, content_type))
    return [page for page in pages if page is not None]


# --- resolve: what a section's pages list ------------------------------------------------------


def resolve_current(initiatives: list[Initiative]) -> tuple[list[Initiative], bool]:
    """The initiatives the home page shows, and whether they are current: the current ones, else
    the three that ended last (those whose end is not known last)."""
    current = [i for i in initiatives if i.status not in FINISHED]
    if current:
        return current, True
    ended = sorted(
        initiatives, key=lambda i: (i.end.last_day() if i.end else date.min, i.id), reverse=True
    )
    return ended[:3], False


def resolve_facets(r: PageRenderer, initiatives: list[Initiative]) -> list:
    """The initiatives overview's facet lists: (title, [(label, page key, count)])."""
    _ = r.env.globals["_"]
    facets = []
    for taxonomy, title in (
        ("regions", _("By region")),
        ("funds", _("By fund")),
        ("focus_areas", _("By focus area")),
    ):
        entries = []
        for code, term in r.content.taxonomies[taxonomy].items():
            key = ("facet", taxonomy, code)
            if key in r.urls.paths:
                count = sum(1 for i in initiatives if _matches(i, taxonomy, code))
                entries.append((term.label(r.lang), key, count))
        facets.append((title, entries))
    years = _start_years(initiatives)
    facets.append(
        (
            _("By start year"),
            [
                (
                    str(y),
                    ("start_year", y),
                    sum(1 for i in initiatives if i.start and i.start.year == y),
                )
                for y in years
            ],
        )
    )
    return facets


def resolve_members(content: Content) -> list:
    """The organisations with a logo that the content records as members or partners of the
    site's organisation (either side may state a partnership), by name in the site's language."""
    own = content.site.organisation
    organisations = content.organisations
    stated = {
        o.id
        for o in organisations.values()
        for rel in o.relations
        if rel.organisation == own and rel.type in ("member_of", "partner_of")
    }
    if own in organisations:
        stated |= {
            rel.organisation for rel in organisations[own].relations if rel.type == "partner_of"
        }
    found = [organisations[i] for i in stated if i in organisations and organisations[i].logo]
    default = content.site.default_language
    return sorted(found, key=lambda o: (o.text(default).name.casefold(), o.id))


def _start_years(initiatives: list[Initiative]) -> list[int]:
    # An initiative whose start is not known is left out of the year facet, never guessed into a
    # year; it stays in the overview and the other facets.
    return sorted({i.start.year for i in initiatives if i.start}, reverse=True)


# --- generate: the pages of each section -------------------------------------------------------


def generate_home(r: PageRenderer) -> Iterator[RenderedPage]:
    content, lang = r.content, r.lang
    site = content.site
    current, has_current = resolve_current(list(content.initiatives.values()))
    certs_home = [c for c in content.certifications.values() if c.valid and c.featured] or [
        c for c in content.certifications.values() if c.valid
    ]
    yield r.render(
        ("home",),
        "home.md.j2",
        site.text(lang).name,
        site.text(lang).about,
        current=current[:6],
        has_current=has_current,
        latest=list(content.press_releases.values())[:3],
        certifications=certs_home,
        upcoming_events=[e for e in content.events.values() if not e.past][:3],
        members=resolve_members(content),
        hide=["navigation", "toc"],
        jsonld=structured.organization(content, r.urls, lang),
    )


def generate_initiatives(r: PageRenderer, content_type: ContentType) -> Iterator[RenderedPage]:
    """The overview, the facet and start-year listings, and a page per initiative."""
    content, urls, lang = r.content, r.urls, r.lang
    _, ngettext = r.env.globals["_"], r.env.globals["ngettext"]
    initiatives = list(content.initiatives.values())
    releases = list(content.press_releases.values())
    overview_intro = ngettext(
        "%(num)d initiative funded by EU and national money.",
        "%(num)d initiatives funded by EU and national money.",
        len(initiatives),
    ) % {"num": len(initiatives)}
    facets = resolve_facets(r, initiatives)
    overview = ("section", content_type.section)
    funding = charts.overview_charts(
        initiatives, content.taxonomies, _chart_formats(r), _listing_href(r, overview)
    )
    in_order = [i for group in _by_status(initiatives).values() for i in group]
    for key, items, pager in resolve_pages(r, content_type.section, in_order):
        yield r.render(
            key,
            content_type.listing,
            page_title(r, _("Initiatives"), pager["current"]),
            overview_intro,
            heading=page_title(r, _("Initiatives"), pager["current"]),
            intro=overview_intro,
            **_by_status(items),
            facets=facets,
            pager=pager,
            # The funding figures are of all initiatives: on the first page only.
            charts=funding if pager["current"] == 1 else [],
        )
    for taxonomy in ("regions", "funds", "focus_areas"):
        for code, term in content.taxonomies[taxonomy].items():
            key = ("facet", taxonomy, code)
            if key not in urls.paths:
                continue
            items = [i for i in initiatives if _matches(i, taxonomy, code)]
            heading = _("Initiatives: %(label)s") % {"label": term.label(lang)}
            yield _listing(r, key, heading, items, lang, ngettext)
    for year in _start_years(initiatives):
        items = [i for i in initiatives if i.start and i.start.year == year]
        heading = _("Initiatives started in %(year)s") % {"year": year}
        yield _listing(r, ("start_year", year), heading, items, lang, ngettext)
    for i in initiatives:
        if not r.wanted((content_type.name, i.id)):
            continue  # its chart, EU sentence and JSON-LD cost more than the check
        t = i.text(lang)
        yield r.render(
            (content_type.name, i.id),
            content_type.template,
            t.title,
            t.summary,
            record=i,
            beneficiary=content.organisations[i.beneficiary],
            partners=[content.organisations[p] for p in i.partners],
            contacts=[content.people[p] for p in i.contacts],
            releases=[x for x in releases if i.id in x.initiatives],
            decisions=[(d, [content.organisations[o] for o in d.by]) for d in i.decisions],
            eu_sentence=eu_sentence(i, content, lang) if i.has_eu_figures else "",
            funding_chart=charts.share_bar(i, _chart_formats(r)),
            og_type="article",
            jsonld=structured.project(i, content, urls, lang),
        )


def generate_press(r: PageRenderer, content_type: ContentType) -> Iterator[RenderedPage]:
    """The press room, the year archives, and a page per press release."""
    from generator.newsroom.downloads import newsroom_downloads, release_downloads

    content, urls, lang = r.content, r.urls, r.lang
    _ = r.env.globals["_"]
    renditions = r.env.globals["renditions"]
    releases = list(content.press_releases.values())
    by_year = _by_year(releases)
    pages = resolve_pages(r, content_type.section, releases)
    key, first, pager = pages[0]
    yield r.render(
        key,
        content_type.listing,
        _("Press room"),
        _("Press releases, press contacts, photos and the media kit."),
        heading=_("Press room"),
        intro=_(
            "Press releases, press contacts, photos and logos for "
            "journalists. Everything here may be used in coverage "
            "of our work; photos carry their credit and licence."
        ),
        by_year=_by_year(first),
        newsroom=True,
        press_contacts=[p for p in content.people.values() if p.press_contact],
        photos=[img for x in releases for img in x.images],
        pager=pager,
        **newsroom_downloads(content, urls, lang),
    )
    for key, items, pager in pages[1:]:
        title = page_title(r, _("Press releases"), pager["current"])
        yield r.render(
            key,
            content_type.listing,
            title,
            heading=title,
            intro="",
            by_year=_by_year(items),
            newsroom=False,
            pager=pager,
        )
    for year, items in by_year:
        yield r.render(
            ("press_year", year),
            content_type.listing,
            _("Press releases %(year)s") % {"year": year},
            heading=_("Press releases %(year)s") % {"year": year},
            intro="",
            by_year=[(year, items)],
            newsroom=False,
            pager=None,
        )
    for x in releases:
        t = x.text(lang)
        related = [content.initiatives[i] for i in x.initiatives]
        images = [
            structured.image_object(
                urls.base_url + img.file,
                languages.in_language(img.caption, lang) or "",
                img.credit,
                img.licence,
            )
            for img in x.images
        ]
        yield r.render(
            (content_type.name, x.id),
            content_type.template,
            t.title,
            t.lead,
            record=x,
            quotes=[_quote(q, content, lang) for q in x.quotes],
            contacts=[content.people[p] for p in x.contacts],
            initiatives=related,
            eu_initiatives=[i for i in related if i.is_eu_funded],
            issuer=content.organisations[x.issued_by],
            certifications=[content.certifications[c] for c in x.certifications],
            organisations=[content.organisations[o] for o in x.organisations],
            downloads=release_downloads(x, urls, lang, _),
            og_type="article",
            og_image=(
                urls.base_url + renditions[x.images[0].file][-1].path
                if x.images and renditions.get(x.images[0].file)
                else None
            ),
            jsonld=structured.news_article(x, content, urls, lang, images),
        )


def generate_certifications(r: PageRenderer, content_type: ContentType) -> Iterator[RenderedPage]:
    """The certifications listing and a page per certification."""
    content, lang = r.content, r.lang
    _ = r.env.globals["_"]
    certs = list(content.certifications.values())
    releases = list(content.press_releases.values())
    yield r.render(
        ("section", content_type.section),
        content_type.listing,
        _("Certifications and recognitions"),
        heading=_("Certifications and recognitions"),
        intro=_(
            "Labels and recognitions held by the cluster and its partners, with their validity."
        ),
        items=certs,
    )
    for c in certs:
        t = c.text(lang)
        yield r.render(
            (content_type.name, c.id),
            content_type.template,
            t.name,
            t.description,
            record=c,
            holder=content.organisations[c.holder],
            stated_in=content.press_releases.get(c.stated_in or ""),
            releases=[x for x in releases if c.id in x.certifications],
            jsonld=structured.certification(c, content, r.urls, lang),
        )


def generate_organisations(r: PageRenderer, content_type: ContentType) -> Iterator[RenderedPage]:
    """The network listing, grouped by kind, and a page per organisation."""
    content, lang = r.content, r.lang
    _ = r.env.globals["_"]
    own_kind = content.organisations[content.site.organisation].kind.code

    def order(o) -> tuple:
        # Grouped by kind, the site's own kind first, then the others by name; within a kind by
        # name.
        kind = o.kind.code != own_kind, o.kind.label(lang).lower()
        return (*kind, o.text(lang).name.lower(), o.id)

    in_order = sorted(content.organisations.values(), key=order)
    for key, items, pager in resolve_pages(r, content_type.section, in_order):
        groups: dict[str, list] = {}
        for o in items:
            groups.setdefault(o.kind.label(lang), []).append(o)
        title = page_title(r, _("Network and organisations"), pager["current"])
        yield r.render(
            key,
            content_type.listing,
            title,
            heading=title,
            intro=_(
                "The organisations, networks and projects of the ecosystem, "
                "and how they are connected."
            ),
            groups=list(groups.items()),
            pager=pager,
        )
    initiatives = list(content.initiatives.values())
    for o in content.organisations.values():
        t = o.text(lang)
        yield r.render(
            (content_type.name, o.id),
            content_type.template,
            t.name,
            t.description,
            record=o,
            relations=_relations(o, content, _),
            initiatives=[i for i in initiatives if o.id == i.beneficiary or o.id in i.partners],
            certifications=[c for c in content.certifications.values() if c.holder == o.id],
            people=[
                p for p in content.people.values() if p.organisation == o.id or p.id in o.contacts
            ],
            jsonld=structured.organisation_page(o, content, r.urls, lang),
        )


def generate_contacts(r: PageRenderer, content_type: ContentType) -> Iterator[RenderedPage]:
    """The contact page: every person (people have no page of their own)."""
    _ = r.env.globals["_"]
    yield r.render(
        ("section", content_type.section),
        content_type.listing,
        _("Contact"),
        heading=_("Contact"),
        people=list(r.content.people.values()),
        jsonld=structured.contacts_page(r.content, r.lang),
    )


def generate_events(r: PageRenderer, content_type: ContentType) -> Iterator[RenderedPage]:
    """The events section (upcoming first, then past ones by year) and a page per event."""
    from generator.newsroom.calendar import calendar_path, event_ics_path

    content, urls, lang = r.content, r.urls, r.lang
    _ = r.env.globals["_"]
    events = list(content.events.values())
    if ("section", content_type.section) not in urls.paths:
        return
    past = sorted((e for e in events if e.past), key=lambda e: (e.first_day, e.id), reverse=True)
    past_by_year: dict[int, list] = {}
    for e in past:
        past_by_year.setdefault(e.first_day.year, []).append(e)
    intro = _("Conferences, network meetings and webinars: what is coming up, and what has been.")
    upcoming = [e for e in events if not e.past]
    for key, items, pager in resolve_pages(r, content_type.section, upcoming + past):
        shown = {e.id for e in items}
        title = page_title(r, _("Events"), pager["current"])
        yield r.render(
            key,
            content_type.listing,
            title,
            intro,
            heading=title,
            intro=intro,
            first_page=pager["current"] == 1,
            upcoming=[e for e in upcoming if e.id in shown],
            past_by_year=[
                (year, [e for e in group if e.id in shown])
                for year, group in sorted(past_by_year.items(), reverse=True)
                if any(e.id in shown for e in group)
            ],
            calendar_path=calendar_path(lang),
            pager=pager,
        )
    renditions = r.env.globals["renditions"]
    for e in events:
        t = e.text(lang)
        image = e.image
        yield r.render(
            (content_type.name, e.id),
            content_type.template,
            t.title,
            t.summary,
            record=e,
            organiser=content.organisations[e.organiser],
            partners=[content.organisations[o] for o in e.partners],
            initiatives=[content.initiatives[i] for i in e.initiatives],
            contacts=[content.people[p] for p in e.contacts],
            ics_path=event_ics_path(e, lang),
            og_image=(
                urls.base_url + renditions[image.file][-1].path
                if image and renditions.get(image.file)
                else None
            ),
            jsonld=structured.event(e, content, urls, lang),
        )


def generate_records(r: PageRenderer, content_type: ContentType) -> Iterator[RenderedPage]:
    """A type's section page listing its records as `items`, and a page per record with the
    record as `record`: what a type needs that has no generator of its own."""
    records = list(r.content.records[content_type.name].values())
    if ("section", content_type.section) in r.urls.paths:
        _ = r.env.globals["_"]
        heading = _(content_type.labels[1])
        yield r.render(
            ("section", content_type.section),
            content_type.listing,
            heading,
            heading=heading,
            items=records,
        )
    if content_type.has_pages:
        for record in records:
            title, description = _title_and_description(record.text(r.lang))
            yield r.render(
                (content_type.name, record.id),
                content_type.template,
                title,
                description,
                record=record,
            )


def _title_and_description(text) -> tuple[str, str]:
    """A record's page title (its title or name) and the one-sentence text for its head."""
    title = getattr(text, "title", None) or getattr(text, "name", "")
    for name in ("summary", "lead", "description"):
        if getattr(text, name, None):
            return title, getattr(text, name)
    return title, ""


# The content types whose pages need more than generate_records gives them.
GENERATORS: dict[str, Callable[[PageRenderer, ContentType], Iterator[RenderedPage]]] = {
    "initiative": generate_initiatives,
    "press_release": generate_press,
    "certification": generate_certifications,
    "organisation": generate_organisations,
    "person": generate_contacts,
    "event": generate_events,
}


def _listing(
    r: PageRenderer, key: tuple, heading: str, items: list, lang: str, ngettext
) -> RenderedPage:
    intro = ngettext("%(num)d initiative.", "%(num)d initiatives.", len(items)) % {
        "num": len(items)
    }
    return r.render(
        key,
        "initiatives.md.j2",
        heading,
        intro,
        heading=heading,
        intro=intro,
        **_by_status(items),
        facets=[],
        charts=[],
        pager=None,
    )


def _chart_formats(r: PageRenderer) -> charts.Formats:
    """The fact tables' formatting, for the charts."""
    g = r.env.globals
    return charts.Formats(r.lang, g["money"], g["rate"], g["_"], g["ngettext"])


def _listing_href(r: PageRenderer, source: tuple) -> Callable[[tuple], str | None]:
    """Links from a raw HTML block on page `source` to listings, None where none exists."""
    urls, lang = r.urls, r.lang

    def href(target: tuple) -> str | None:
        if target not in urls.paths:
            return None
        return _relative_url(
            f"/{lang}/{urls.path(source, lang)}", f"/{lang}/{urls.path(target, lang)}"
        )

    return href


FINISHED = ("completed", "cancelled")


def _by_status(items: list) -> dict[str, list]:
    """Listing groups: current (proposed, approved, planned, ongoing), completed, cancelled."""
    return {
        "ongoing": [i for i in items if i.status not in FINISHED],
        "completed": [i for i in items if i.status == "completed"],
        "cancelled": [i for i in items if i.status == "cancelled"],
    }


def _matches(initiative: Initiative, taxonomy: str, code: str) -> bool:
    if taxonomy == "regions":
        return any(t.code == code for t in initiative.regions)
    if taxonomy == "funds":
        return any(line.fund.code == code for line in initiative.funding)
    return initiative.focus_area.code == code


def _by_year(releases: list) -> list:
    years: dict[int, list] = {}
    for x in releases:
        years.setdefault(x.date.year, []).append(x)
    return sorted(years.items(), reverse=True)


def issuer_name(release, content: Content, lang: str) -> str:
    """The name of the organisation that issued a release."""
    return content.organisations[release.issued_by].text(lang).name


def _money(amount: int, content: Content, lang: str) -> str:
    text = i18n.format_dkk(amount, lang)
    if languages.language(lang).euro_amounts:
        approx = i18n.format_eur(amount / content.site.eur_rate, lang)
        _ = i18n.translations(lang).gettext
        approx = _("approx. %(amount)s") % {"amount": approx}
        text += f" ({approx})"
    return text


def eu_sentence(initiative: Initiative, content: Content, lang: str) -> str:
    """The sentence that highlights the EU support, with the rate computed from the amounts."""
    _ = i18n.translations(lang).gettext
    funds = ", ".join(dict.fromkeys(f.label(lang) for f in initiative.eu_funds))
    return _(
        "%(title)s is co-funded by the European Union through the %(fund)s with "
        "%(eu)s of a total eligible cost of %(total)s, a co-financing rate of "
        "%(rate)s."
    ) % {
        "title": initiative.text(lang).title,
        "fund": funds,
        "eu": _money(initiative.eu_amount, content, lang),
        "total": _money(initiative.total_eligible_cost, content, lang),
        "rate": i18n.format_rate(initiative.rate(initiative.eu_amount), lang),
    }


def _validity(cert, lang: str, _) -> str:
    if cert.valid_until is None:
        return _("No end date given")
    until = (
        i18n.format_date(cert.valid_until.value, lang)
        if cert.valid_until.has_day
        else i18n.format_month(cert.valid_until.value, lang)
    )
    if cert.valid:
        return _("Valid until %(date)s") % {"date": until}
    return _("Expired %(date)s") % {"date": until}


def _quote(quote, content: Content, lang: str) -> dict:
    name, role = quote.attribution(content.people, lang)
    if quote.speaker:  # on the page, a person on the site is named with their organisation
        person = content.people[quote.speaker]
        if person.organisation:  # where a source names it
            role = f"{role}, {content.organisations[person.organisation].text(lang).name}"
    return {"name": name, "role": role or "", "text": quote.text_in(lang)}


def _relations(org, content: Content, _) -> list:
    labels = {
        "leads": _("Leads"),
        "member_of": _("Member of"),
        "partner_of": _("Partner of"),
        "part_of": _("Part of"),
        "initiated_by": _("Initiated by"),
        "funded_by": _("Funded by"),
    }
    inverse = {
        "leads": _("Led by"),
        "member_of": _("Has as member"),
        "partner_of": _("Partner of"),
        "part_of": _("Includes"),
        "initiated_by": _("Initiated"),
        "funded_by": _("Funds"),
    }
    out = [(labels[rel.type], content.organisations[rel.organisation]) for rel in org.relations]
    for other in content.organisations.values():
        for rel in other.relations:
            if rel.organisation == org.id:
                out.append((inverse[rel.type], other))
    return out
