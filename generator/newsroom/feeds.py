"""The press room's Atom 1.0 feed, one per language, with each release's PDF as an enclosure.

Every timestamp comes from the releases themselves (the newest one dates the feed), so the feed
changes only when the releases do, never because a build ran later.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

from generator.content.model import Content, PressRelease
from generator.i18n import translations
from generator.newsroom.downloads import feed_path, release_pdf_path
from generator.site.urls import UrlMap

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"  # Atom requires <updated>; an empty feed has no date


def atom_feed(
    content: Content, urls: UrlMap, lang: str, pdf_sizes: Mapping[tuple[str, str], int]
) -> bytes:
    """The Atom feed of published releases in `lang`, newest first, as UTF-8 XML; `pdf_sizes`
    gives each release's PDF size in bytes by (release id, language)."""
    _ = translations(lang).gettext
    site = content.site
    name = site.text(lang).name
    base = f"{site.base_url}{lang}/"
    feed_url = base + feed_path(lang)
    # Releases written in one language only are published on both sites, so they are in both feeds.
    releases = sorted(
        content.press_releases.values(), key=lambda r: (r.published_at, r.id), reverse=True
    )

    feed = ElementTree.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    _text(feed, "id", feed_url)
    _text(feed, "title", f"{name} – {_('Press releases')}")
    _text(feed, "subtitle", site.text(lang).tagline)
    _text(feed, "updated", _stamp(releases[0].published_at) if releases else EMPTY_FEED_UPDATED)
    author = ElementTree.SubElement(feed, "author")
    _text(author, "name", name)
    _text(author, "uri", base)
    _link(feed, "self", feed_url, "application/atom+xml")
    _link(feed, "alternate", urls.url(("section", "press"), lang), "text/html")
    _text(feed, "logo", base + site.logo_png)
    for release in releases:
        _entry(feed, release, content, urls, lang, name, pdf_sizes)
    ElementTree.indent(feed)
    xml = ElementTree.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'.encode()


def entry_id(release: PressRelease, content: Content) -> str:
    """A tag: URI (RFC 4151) that stays the same when a slug or the site's address changes."""
    host = urlsplit(content.site.base_url).hostname
    return f"tag:{host},{release.date.isoformat()}:press/{release.id}"


def _entry(
    feed: ElementTree.Element,
    release: PressRelease,
    content: Content,
    urls: UrlMap,
    lang: str,
    site_name: str,
    pdf_sizes: Mapping[tuple[str, str], int],
) -> None:
    text = release.text(lang)
    entry = ElementTree.SubElement(feed, "entry")
    if release.is_fallback(lang):
        entry.set(XML_LANG, release.text_language(lang))
    _text(entry, "id", entry_id(release, content))
    _text(entry, "title", text.title)
    moment = _stamp(release.published_at)
    _text(entry, "published", moment)
    _text(entry, "updated", moment)
    author = ElementTree.SubElement(entry, "author")
    _text(author, "name", content.boilerplate(release, lang)[0])
    _link(entry, "alternate", urls.url(("press_release", release.id), lang), "text/html")
    enclosure = _link(
        entry,
        "enclosure",
        f"{content.site.base_url}{lang}/{release_pdf_path(release, lang)}",
        "application/pdf",
    )
    enclosure.set("length", str(pdf_sizes[(release.id, lang)]))
    _text(entry, "summary", " ".join(text.lead.split())).set("type", "text")


def _text(parent: ElementTree.Element, tag: str, value: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag)
    element.text = value
    return element


def _link(parent: ElementTree.Element, rel: str, href: str, kind: str) -> ElementTree.Element:
    return ElementTree.SubElement(parent, "link", {"rel": rel, "href": href, "type": kind})


def _stamp(moment: datetime) -> str:
    """RFC 3339 with the Copenhagen offset: 2026-03-02T09:30:00+01:00."""
    return moment.isoformat(timespec="seconds")
