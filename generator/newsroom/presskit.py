"""Press kits and the media kit: deterministic ZIP downloads for journalists, and their size labels.

A release's kit holds its text in both languages (Markdown, Word and PDF), the original photos
with a credits file, the contacts as vCards and the fact sheet. The media kit holds the logos, the
boilerplate, the fact sheet and the press contacts. Entries are sorted and carry a fixed timestamp
and fixed permissions, so the same content gives the same bytes on every machine.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import paths
from generator.content.model import Content, ImageRef, PressRelease
from generator.content.sanitise import markdown_text as md
from generator.i18n import format_date, format_partial_date, format_phone, translations
from generator.languages import in_language, language
from generator.newsroom.downloads import Pdfs
from generator.newsroom.release_docx import release_docx
from generator.newsroom.vcards import vcard
from generator.site.urls import UrlMap

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry
FILE_MODE = 0o100644  # a regular file, rw-r--r--
# Already compressed: deflating them again costs time and saves nothing.
STORED = (".jpg", ".jpeg", ".png", ".pdf", ".zip", ".woff2", ".docx")


def press_kit(release: PressRelease, content: Content, urls: UrlMap, pdfs: Pdfs) -> bytes:
    """One release's press kit as ZIP bytes, published once for every language; its PDFs are
    taken from `pdfs` (pdf.release_pdfs)."""
    entries: dict[str, bytes] = {}
    for lang in _own_languages(release, content):
        entries[f"release-{lang}.md"] = release_markdown(release, content, urls, lang).encode()
        entries[f"release-{lang}.pdf"] = pdfs[(release.id, lang)]
        entries[f"release-{lang}.docx"] = release_docx(release, content, urls, lang)
    for lang in content.languages:
        # The site's fact sheet speaks for the site's organisation; a release issued by another
        # organisation carries that organisation's boilerplate instead.
        if release.issued_by == content.site.organisation:
            entries[f"fact-sheet-{lang}.md"] = fact_sheet(content, lang).encode()
        else:
            entries[f"about-{lang}.md"] = issuer_about_text(release, content, lang).encode()
    names = photo_names(release.images)
    for image, name in zip(release.images, names, strict=True):
        entries[f"photos/{name}"] = (Path(content.root) / image.file).read_bytes()
    if release.images:
        entries["CREDITS.txt"] = credits_text(release, names, content).encode()
    card_lang = _card_language(release, content)
    for person_id in release.contacts:
        if person_id in content.people:
            person = content.people[person_id]
            entries[f"contacts/{person_id}.vcf"] = vcard(person, content, card_lang)
    return deterministic_zip(entries)


def media_kit(content: Content) -> bytes:
    """The newsroom's media kit as ZIP bytes: logos, boilerplate, fact sheet, press contacts."""
    entries: dict[str, bytes] = {}
    logos = _logo_files(content)
    for path, name in zip(logos, _unique_names(logos), strict=True):
        entries[f"logos/{name}"] = (Path(content.root) / path).read_bytes()
    for lang in content.languages:
        entries[f"about-{lang}.md"] = about_text(content, lang).encode()
        entries[f"fact-sheet-{lang}.md"] = fact_sheet(content, lang).encode()
    for person in content.people.values():
        if person.press_contact:
            entries[f"contacts/{person.id}.vcf"] = vcard(
                person, content, content.site.default_language
            )
    return deterministic_zip(entries)


def deterministic_zip(entries: dict[str, bytes]) -> bytes:
    """A ZIP of `entries` (name -> bytes) whose bytes depend on the entries alone."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.create_system = 3  # Unix, whatever the build machine, so the mode bits count
            info.external_attr = FILE_MODE << 16
            stored = name.lower().endswith(STORED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[name], compresslevel=None if stored else 9)
    return buffer.getvalue()


def release_markdown(release: PressRelease, content: Content, urls: UrlMap, lang: str) -> str:
    """The release as Markdown, for journalists who paste text into their own systems.

    Text fields are escaped (`md`) so that they show as typed, as on the pages; the body is the
    editor's Markdown, already without the HTML the pages' sanitiser drops (sanitise.py).
    """
    text = release.text(lang)
    issuer, about = content.boilerplate(release, lang)
    quotes = []
    for quote in release.quotes:
        person = content.people.get(quote.speaker) if quote.speaker else None
        quotes.append(
            {
                "text": _pick(quote.text, lang, release),
                "name": (person.name if person else quote.name) or "",
                "role": person.text(lang).role if person else _pick(quote.role, lang, release),
            }
        )
    photos = [
        {
            "name": name,
            "caption": _pick(image.caption, lang, release),
            "credit": image.credit,
            "licence": image.licence,
        }
        for image, name in zip(release.images, photo_names(release.images), strict=True)
    ]
    eu = any(
        i in content.initiatives and content.initiatives[i].is_eu_funded
        for i in release.initiatives
    )
    contacts = [
        {
            "name": person.name,
            "role": person.text(lang).role,
            "phone": format_phone(person.phone) if person.phone else None,
            "email": person.email,
        }
        for person in (content.people[p] for p in release.contacts if p in content.people)
    ]
    return _render(
        "release.md.j2",
        lang,
        title=text.title,
        issuer=issuer,
        other_issuer=release.issued_by != content.site.organisation,
        date_text=format_date(release.date, lang),
        lead=text.lead,
        body=text.body.strip(),
        quotes=quotes,
        facts=text.facts,
        photos=photos,
        eu_statement=language(lang).eu_statement if eu else None,
        contacts=contacts,
        sources=[source_line(source, lang) for source in release.sources],
        about=about,
        release_url=urls.url(("press_release", release.id), lang),
    )


def source_line(source, lang: str, escape=md) -> str:
    """A source as one line: title (document). Publisher, date. URL; its texts escaped for
    Markdown unless another `escape` is given (`str` for plain text)."""
    line = escape(source.title) + (f" ({escape(source.document)})" if source.document else "")
    if source.publisher:
        line += f". {escape(source.publisher)}"
    if source.date:
        line += (", " if source.publisher else ". ") + format_partial_date(source.date, lang)
    return line + (f". {source.url}" if source.url else "")


def issuer_about_text(release: PressRelease, content: Content, lang: str) -> str:
    """The boilerplate of the organisation that issued a release, as Markdown."""
    name, about = content.boilerplate(release, lang)
    return _render("about.md.j2", lang, name=name, about=about, site_url=None, contact=None)


def fact_sheet(content: Content, lang: str) -> str:
    """Key figures and the boilerplate as Markdown."""
    site = content.site.text(lang)
    figures = [
        {
            "value": figure.value,
            "label": in_language(figure.label, lang),
        }
        for figure in content.site.key_figures
    ]
    return _render(
        "fact-sheet.md.j2",
        lang,
        name=site.name,
        tagline=site.tagline,
        figures=figures,
        about=site.about,
        **_contact(content, lang),
    )


def about_text(content: Content, lang: str) -> str:
    """The boilerplate 'about us' text as Markdown, with the organisation's contact details."""
    site = content.site.text(lang)
    return _render("about.md.j2", lang, name=site.name, about=site.about, **_contact(content, lang))


def credits_text(release: PressRelease, names: list[str], content: Content) -> str:
    """Credit and licence of every photo, with captions in every language (one file for all)."""
    photos = [
        {
            "name": name,
            "captions": [
                (lang, image.caption[lang]) for lang in content.languages if lang in image.caption
            ],
            "credit": image.credit,
            "licence": image.licence,
        }
        for image, name in zip(release.images, names, strict=True)
    ]
    return _render("credits.txt.j2", content.site.default_language, photos=photos)


def photo_names(images: tuple[ImageRef, ...]) -> list[str]:
    """File names of the photos inside a kit: the originals' names, made unique."""
    return _unique_names([image.file for image in images])


def _unique_names(paths: list[str]) -> list[str]:
    # Two originals may share a name in different folders; number the later ones.
    names: list[str] = []
    for path in paths:
        name = posixpath.basename(path)
        stem, ext = posixpath.splitext(name)
        counter = 2
        while name in names:
            name = f"{stem}-{counter}{ext}"
            counter += 1
        names.append(name)
    return names


def _logo_files(content: Content) -> list[str]:
    """Logo files for the media kit: the site's, then every organisation's, each in SVG and PNG
    where the other format lies next to it with the same name."""
    found: list[str] = []
    referenced = [content.site.logo, content.site.logo_png]
    referenced += [o.logo for o in content.organisations.values() if o.logo]
    for path in referenced:
        stem, _ = posixpath.splitext(path)
        for candidate in (path, stem + ".svg", stem + ".png"):
            if candidate not in found and (Path(content.root) / candidate).is_file():
                found.append(candidate)
    return found


def _contact(content: Content, lang: str) -> dict:
    """The site's contact line (address, email, phone; None without any) and its address."""
    site = content.site
    details = [md(detail) for detail in (site.text(lang).address, site.email) if detail]
    if site.phone:
        details.append(format_phone(site.phone))
    return {"contact": " · ".join(details) or None, "site_url": f"{site.base_url}{lang}/"}


def _own_languages(release: PressRelease, content: Content) -> list[str]:
    # A one-language release has one text; a copy under the other language's name would mislead.
    return [lang for lang in content.languages if not release.is_fallback(lang)]


def _card_language(release: PressRelease, content: Content) -> str:
    return release.only_in[0] if release.only_in else content.site.default_language


def _pick(texts, lang: str, release: PressRelease) -> str:
    if not texts:
        return ""
    return in_language(texts, lang, release.only_in)


def _one_line(text: str) -> str:
    return " ".join(text.split())


@functools.cache
def _environment() -> Environment:
    # Plain text, not HTML: the `md` filter escapes what Markdown would read as markup.
    env = Environment(
        loader=FileSystemLoader(str(paths.TEMPLATES / "presskit")),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["one_line"] = _one_line
    return env


def _render(template: str, lang: str, **context) -> str:
    return _environment().get_template(template).render(_=translations(lang).gettext, **context)
