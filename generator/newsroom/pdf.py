"""Press releases as PDF: WeasyPrint renders an autoescaped HTML template with print CSS.

The PDF is made from the same text as the release page, with dates (also the PDF's metadata dates)
taken from the release, so the same content always gives the same bytes. WeasyPrint may only read
local files: the content's media, our fonts and the EU emblem; it never goes on the network.
"""

from __future__ import annotations

import base64
import functools
import gc
import hashlib
import multiprocessing.util
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.request import url2pathname

import markdown
import nh3
import weasyprint
from fontTools.ttLib import woff2
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from generator import paths
from generator.content.model import Content, ImageRef, PressRelease
from generator.i18n import format_date, format_phone, translations
from generator.languages import in_language, language
from generator.newsroom.images import encode_rendition, web_rendition
from generator.site.urls import UrlMap

REPO = paths.REPO
TEMPLATES = paths.TEMPLATES / "pdf"
FONTS = REPO / "theme" / "assets" / "fonts"
EU_EMBLEM = REPO / "theme" / "assets" / "images" / "eu-emblem.svg"
FONT_FACES = (  # (weight, style, file): Ubuntu is one of the typefaces the EU rules allow
    (400, "normal", "ubuntu-latin-400-normal.woff2"),
    (500, "normal", "ubuntu-latin-500-normal.woff2"),
    (700, "normal", "ubuntu-latin-700-normal.woff2"),
    (400, "italic", "ubuntu-latin-400-italic.woff2"),
)
# Release bodies are Markdown written by editors: keep structure and links, drop images (the PDF
# must not fetch anything from the network) and anything else that could run or load.
BODY_TAGS = nh3.ALLOWED_TAGS - {"img", "area", "map", "details", "summary"}


@dataclass(frozen=True)
class PdfQuote:
    text: str
    name: str
    role: str | None


@dataclass(frozen=True)
class PdfPhoto:
    file: str  # the original's file name, as in the press kit
    src: str
    alt: str
    caption: str
    credit: str
    licence: str


@dataclass(frozen=True)
class PdfContact:
    name: str
    role: str
    organisation: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class PdfInitiative:
    title: str
    funds: str


def release_pdfs(
    content: Content, urls: UrlMap, keys: Iterable[tuple[str, str]] | None = None
) -> dict[tuple[str, str], bytes]:
    """The PDFs of published releases keyed by (release id, language): those of `keys`, or
    every release in every language. The build renders them once and hands them to the press
    kits, the language builds and the feeds."""
    if keys is None:
        keys = [(rid, lang) for rid in content.press_releases for lang in content.languages]
    return {
        (rid, lang): release_pdf(content.press_releases[rid], content, urls, lang)
        for rid, lang in keys
    }


def release_pdf(release: PressRelease, content: Content, urls: UrlMap, lang: str) -> bytes:
    """The release as an A4 PDF in `lang`."""
    html = release_html(release, content, urls, lang)
    logo = Path(content.root) / _issuer_logo(release, content)
    svgs = [Path(content.root) / i.file for i in release.images if i.file.lower().endswith(".svg")]
    local_files = (
        logo,
        EU_EMBLEM,
        TEMPLATES / "print.css",
        *(FONTS / f for *_, f in FONT_FACES if (FONTS / f).exists()),
        *svgs,
    )
    # File contents are part of the cache key, so a replaced logo or font renders anew.
    signature = tuple(hashlib.sha256(p.read_bytes()).hexdigest() for p in local_files)
    roots = (
        str(Path(content.root).resolve()),
        str(REPO / "theme" / "assets"),
        str(TEMPLATES),
        str(_truetype_fonts().resolve()),
    )
    return _cached_render(html, roots, signature)


def _cache_dir() -> Path:
    """Where rendered PDFs are kept between builds: $KLYNGE_CACHE or .cache/ in the repository."""
    return Path(os.environ.get("KLYNGE_CACHE") or REPO / ".cache") / "pdf"


def _cached_render(html: str, roots: tuple[str, ...], signature: tuple) -> bytes:
    """A PDF from the cache when the same HTML, files and WeasyPrint made it before.

    Rendering is the slowest step of a build; the output depends only on the key's inputs, so a
    cached PDF is byte for byte the one a fresh render would give.
    """
    key = hashlib.sha256("\0".join((weasyprint.__version__, html, *signature)).encode()).hexdigest()
    cached = _cache_dir() / key[:2] / f"{key}.pdf"
    if cached.is_file():
        return cached.read_bytes()
    data = _render(html, roots, signature)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(cached)
    except OSError:
        pass  # a read-only checkout still builds, only more slowly
    return data


def body_html(text: str) -> Markup:
    """Markdown to sanitised HTML: whatever an editor writes, no script or remote file survives."""
    html = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return Markup(nh3.clean(html, tags=BODY_TAGS))


def _issuer_logo(release: PressRelease, content: Content) -> str:
    """The logo of the organisation that issued the release; the site's when it has none."""
    if release.issued_by != content.site.organisation:
        logo = content.organisations[release.issued_by].logo
        if logo:
            return logo
    return content.site.logo


def _issuer_contact(release: PressRelease, content: Content, lang: str) -> list[str]:
    """The issuer's contact line under the boilerplate: only details the content states."""
    site = content.site
    if release.issued_by == site.organisation:
        details = [
            site.text(lang).address,
            site.email,
            format_phone(site.phone) if site.phone else None,
            f"{site.base_url}{lang}/",
        ]
    else:
        org = content.organisations[release.issued_by]
        details = [", ".join(org.text(lang).offices) or None, org.website]
    return [d for d in details if d]


def release_html(release: PressRelease, content: Content, urls: UrlMap, lang: str) -> str:
    """The HTML the PDF is rendered from (exposed for tests and debugging)."""
    site = content.site
    issuer_name, about = content.boilerplate(release, lang)
    text = release.text(lang)
    fallback = release.text_language(lang)
    eu_initiatives = [
        content.initiatives[i]
        for i in release.initiatives
        if i in content.initiatives and content.initiatives[i].is_eu_funded
    ]
    context = {
        "_": translations(lang).gettext,
        "lang": lang if not release.is_fallback(lang) else fallback,
        "text": text,
        "site_name": issuer_name,
        "about": about,
        "contact_details": _issuer_contact(release, content, lang),
        "site_url": f"{site.base_url}{lang}/",
        "release_url": urls.url(("press_release", release.id), lang),
        "logo_src": (Path(content.root) / _issuer_logo(release, content)).resolve().as_uri(),
        "emblem_src": EU_EMBLEM.as_uri(),
        "eu": bool(eu_initiatives),
        # The wording is fixed by Regulation (EU) 2021/1060, Annex IX: the language table holds it.
        "eu_statement": language(lang).eu_statement,
        "date_iso": release.date.isoformat(),
        "date_text": format_date(release.date, lang),
        "published": release.published_at.isoformat(),
        "body_html": body_html(text.body),
        "quotes": [_quote(q, content, lang) for q in release.quotes],
        "photos": [_photo(image, content, lang, fallback) for image in release.images],
        "initiatives": [
            _initiative(content.initiatives[i], lang)
            for i in release.initiatives
            if i in content.initiatives
        ],
        "contacts": [
            _contact(content, pid, lang) for pid in release.contacts if pid in content.people
        ],
    }
    return _environment().get_template("release.html").render(context)


def _pick(texts: dict, lang: str, fallback: str) -> str | None:
    # Text blocks of a one-language release exist in that language only.
    return in_language(texts, lang, (fallback,))


def _quote(quote, content: Content, lang: str) -> PdfQuote:
    return PdfQuote(quote.text_in(lang), *quote.attribution(content.people, lang))


def _photo(image: ImageRef, content: Content, lang: str, fallback: str) -> PdfPhoto:
    renditions = web_rendition(content.root, image.file)
    if image.file.lower().endswith(".svg"):
        src = (Path(content.root) / image.file).resolve().as_uri()
    else:
        # The smallest rendition is plenty for a 50 mm print and keeps the PDF small.
        small = renditions[0]
        data = encode_rendition(content.root, image.file, small)
        kind = "image/png" if small.path.endswith(".png") else "image/jpeg"
        src = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return PdfPhoto(
        image.file.rsplit("/", 1)[-1],
        src,
        _pick(image.alt, lang, fallback) or "",
        _pick(image.caption, lang, fallback) or "",
        image.credit,
        image.licence,
    )


def _contact(content: Content, person_id: str, lang: str) -> PdfContact:
    person = content.people[person_id]
    organisation = content.organisations.get(person.organisation or "")
    return PdfContact(
        person.name,
        person.text(lang).role,
        organisation.text(lang).name if organisation else None,
        format_phone(person.phone) if person.phone else None,
        person.email,
    )


def _initiative(initiative, lang: str) -> PdfInitiative:
    # Fund names appear as text (the EU rules forbid home-made EU badges).
    funds = ", ".join(line.fund.label(lang) for line in initiative.funding)
    return PdfInitiative(initiative.text(lang).title, funds)


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.lru_cache(maxsize=1)
def _truetype_fonts() -> Path:
    """The web fonts unpacked to TrueType once per process.

    WeasyPrint would otherwise decompress every WOFF2 file again for each PDF, which took most of
    the time of a release's PDF.
    """
    folder = Path(tempfile.mkdtemp(prefix="klynge-fonts-"))
    # Removed when the process ends: multiprocessing runs these finalizers in the build's worker
    # processes too, which end without running atexit handlers.
    multiprocessing.util.Finalize(None, _remove_font_folders, args=(folder,), exitpriority=0)
    for *_, name in FONT_FACES:
        if (FONTS / name).exists():
            woff2.decompress(str(FONTS / name), str(folder / (Path(name).stem + ".ttf")))
    return folder


def _remove_font_folders(folder: Path) -> None:
    # WeasyPrint removes the folder of its FontConfiguration when that is freed.
    _renderer.cache_clear()
    gc.collect()
    shutil.rmtree(folder, ignore_errors=True)


def _font_faces() -> str:
    folder = _truetype_fonts()
    return "\n".join(
        f'@font-face {{ font-family: "Ubuntu"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{(folder / (Path(name).stem + ".ttf")).as_uri()}") format("truetype"); }}'
        for weight, style, name in FONT_FACES
        if (FONTS / name).exists()
    )


class _LocalFetcher(URLFetcher):
    """Lets WeasyPrint read data: URLs and files under the given folders, and nothing else."""

    def __init__(self, roots: tuple[str, ...]):
        super().__init__(allowed_protocols={"file", "data"})
        self._roots = tuple(Path(r) for r in roots)

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            path = Path(url2pathname(url.split("?", 1)[0].removeprefix("file://"))).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"refusing to read {path}: outside content and theme")
        elif not url.startswith("data:"):
            raise ValueError(f"refusing to fetch {url}: PDFs use local files only")
        return super().fetch(url, headers)


@functools.lru_cache(maxsize=128)
def _render(html: str, roots: tuple[str, ...], signature: tuple) -> bytes:
    # `signature` (the bytes of the files the PDF reads) only keys the caches.
    fetcher, fonts, stylesheets, images = _renderer(roots, signature)
    document = HTML(string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=stylesheets, font_config=fonts, pdf_tags=True, cache=images
    )


@functools.lru_cache(maxsize=4)
def _renderer(roots: tuple[str, ...], signature: tuple) -> tuple:
    """The fetcher, fonts, parsed stylesheets and image cache that every PDF of a build shares.

    Parsing the stylesheets and loading the fonts once per process, not once per PDF, saves about
    a third of a release's rendering time; the PDFs are byte for byte the same.
    """
    fetcher = _LocalFetcher(roots)
    fonts = FontConfiguration()
    stylesheets = [
        CSS(string=_font_faces(), font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(TEMPLATES / "print.css"), font_config=fonts, url_fetcher=fetcher),
    ]
    return fetcher, fonts, stylesheets, {}
