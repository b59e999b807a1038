"""A release as a Word document (.docx), for journalists who paste text into their own systems.

The same text as the page and the PDF, in the same order: headline, date, lead, body (headings,
paragraphs, lists; links as their text followed by the address), quotes with their speaker, the
facts, photo credits, press contacts and the boilerplate. The body is the sanitised Markdown of
the model, turned into HTML as for the PDF and walked into Word paragraphs. The bytes depend on
the content alone: the document's dates are the release date and the ZIP entries carry fixed
times (presskit.deterministic_zip).
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC
from html.parser import HTMLParser

from docx import Document
from docx.text.paragraph import Paragraph

from generator.content.model import Content, PressRelease
from generator.i18n import format_date, format_phone, translations
from generator.languages import language
from generator.newsroom.pdf import body_html
from generator.site.urls import UrlMap


def release_docx(release: PressRelease, content: Content, urls: UrlMap, lang: str) -> bytes:
    """The release in `lang` as .docx bytes."""
    from generator.newsroom.presskit import _pick, deterministic_zip, photo_names, source_line

    _ = translations(lang).gettext
    text = release.text(lang)
    issuer, about = content.boilerplate(release, lang)
    document = Document()
    document.add_heading(text.title, level=0)
    byline = [_("Press release")] + (
        [issuer] if release.issued_by != content.site.organisation else []
    )
    document.add_paragraph(" · ".join([*byline, format_date(release.date, lang)]))
    document.add_paragraph().add_run(" ".join(text.lead.split())).bold = True
    if any(
        content.initiatives[i].is_eu_funded for i in release.initiatives if i in content.initiatives
    ):
        document.add_paragraph(language(lang).eu_statement)
    _BodyWriter(document).feed(str(body_html(text.body)))
    if release.quotes:
        document.add_heading(
            translations(lang).ngettext("Quote", "Quotes", len(release.quotes)), level=1
        )
        for quote in release.quotes:
            name, role = quote.attribution(content.people, lang)
            document.add_paragraph(" ".join(quote.text_in(lang).split()), style="Quote")
            document.add_paragraph(f"– {name}{', ' + role if role else ''}")
    if text.facts:
        document.add_heading(_("Facts"), level=1)
        for fact in text.facts:
            document.add_paragraph(fact, style="List Bullet")
    if release.images:
        document.add_heading(_("Photos"), level=1)
        for image, name in zip(release.images, photo_names(release.images), strict=True):
            document.add_paragraph(
                f"photos/{name}: {_pick(image.caption, lang, release)} "
                f"({_('Photo')}: {image.credit} · {_('Licence')}: {image.licence})",
                style="List Bullet",
            )
    contacts = [content.people[p] for p in release.contacts if p in content.people]
    if contacts:
        document.add_heading(_("Press contacts"), level=1)
        for person in contacts:
            details = [person.name, person.text(lang).role]
            if person.phone:
                details.append(f"{_('Phone')}: {format_phone(person.phone)}")
            if person.email:
                details.append(f"{_('Email')}: {person.email}")
            document.add_paragraph(" · ".join(details))
    if release.sources:
        document.add_heading(_("Sources"), level=1)
        for source in release.sources:
            document.add_paragraph(source_line(source, lang, escape=str), style="List Bullet")
    document.add_heading(_("About %(name)s") % {"name": issuer}, level=1)
    document.add_paragraph(" ".join(about.split()))
    document.add_paragraph(urls.url(("press_release", release.id), lang))
    _set_properties(document, release, content, text.title, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    return deterministic_zip(entries)


def _set_properties(
    document, release: PressRelease, content: Content, title: str, lang: str
) -> None:
    # python-docx's template carries its own author and dates; every value is set here instead.
    # The publication moment (its date and time in the site's zone), stored in UTC as Word does.
    moment = release.published_at.astimezone(UTC).replace(tzinfo=None)
    props = document.core_properties
    organisation = content.boilerplate(release, lang)[0]  # the issuing organisation
    props.author = organisation
    props.last_modified_by = organisation
    props.title = title
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.language = lang
    props.revision = 1
    props.created = moment
    props.modified = moment
    props.last_printed = moment


class _BodyWriter(HTMLParser):
    """Walks the body's sanitised HTML into Word paragraphs, runs and list items."""

    _HEADINGS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}

    def __init__(self, document):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.paragraph: Paragraph | None = None
        self.style: str | None = None  # of the next paragraph, made when text arrives
        self.lists: list[str] = []  # "ul" or "ol", innermost last
        self.bold = self.italic = 0
        self.link: str | None = None
        self.quote = False

    def handle_starttag(self, tag, attrs):
        if tag in self._HEADINGS:
            self.paragraph = self.document.add_heading(level=self._HEADINGS[tag])
        elif tag == "p":
            if not (self.lists and self.paragraph is not None and not self.paragraph.text):
                self.paragraph, self.style = None, "Quote" if self.quote else None
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            self.paragraph = None
            self.style = "List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet"
        elif tag == "blockquote":
            self.quote = True
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.link = dict(attrs).get("href")
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()

    def handle_endtag(self, tag):
        if tag in self._HEADINGS or tag == "p" or tag == "li":
            self._finish()
            if not self.lists or tag == "li":
                self.paragraph, self.style = None, None
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "blockquote":
            self.quote = False
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag == "a":
            if (
                self.link
                and self.paragraph is not None
                and self.link.startswith(("http://", "https://", "mailto:"))
            ):
                # Journalists paste plain text: the address follows the link's words.
                self.paragraph.add_run(f" ({self.link.removeprefix('mailto:')})")
            self.link = None

    def handle_data(self, data):
        text = " ".join(data.split())
        text = (
            (" " if data[:1].isspace() else "")
            + text
            + (" " if data[-1:].isspace() and text else "")
        )
        if self.paragraph is None:
            text = text.lstrip()
            if not text:
                return
            self.paragraph = self.document.add_paragraph(style=self.style)
        elif not self.paragraph.text or self.paragraph.text.endswith(" "):
            text = text.lstrip()  # HTML shows one space where the source has several
        if not text:
            return
        run = self.paragraph.add_run(text)
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None

    def _finish(self) -> None:
        if self.paragraph is not None and self.paragraph.runs:
            last = self.paragraph.runs[-1]
            last.text = last.text.rstrip()
