"""Sitemaps with hreflang alternates, robots.txt, the root language chooser and the root 404 page.

Static hosts differ in which 404.html they serve for a missing address: Cloudflare Pages looks up
the tree (so /da/404.html serves /da/...), GitHub and GitLab Pages serve only the root one, and
Netlify follows `_redirects`. So the root 404.html speaks both languages, and `_redirects` sends
each language's missing addresses to that language's own 404 page where the host supports it.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import i18n, languages, paths
from generator.content import colours
from generator.content.model import Content
from generator.site.urls import UrlMap

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# The files this module writes, by path (at the site root, and at each language root), in words.
ROOT_FILES = {
    "index.html": "the language chooser",
    "sitemap.xml": "the sitemap index",
    "robots.txt": "robots.txt",
    "favicon.ico": "the site icon",
    "404.html": "the page-not-found page for addresses without a language",
    "_redirects": "the hosts' redirect rules",
}
LANGUAGE_FILES = {
    "sitemap.xml": "the language's sitemap",
    "sitemap.xml.gz": "the language's gzipped sitemap",
}


def language_sitemap(content: Content, urls: UrlMap, lang: str) -> bytes:
    """One <url> per page of this language, each listing its language versions and x-default."""
    urlset = ElementTree.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for key in sorted(urls.keys(), key=lambda k: urls.path(k, lang)):
        if lang not in urls.native[key] or key in urls.unlisted:
            continue  # a fallback page points to its original with a canonical link instead
        url = ElementTree.SubElement(urlset, "url")
        ElementTree.SubElement(url, "loc").text = urls.url(key, lang)
        alternates = urls.alternates(key)
        if len(alternates) > 1:
            for code, href in [*sorted(alternates.items()), ("x-default", content.site.base_url)]:
                # The prefix is declared on <urlset>; ElementTree writes the name as given.
                attributes = {"rel": "alternate", "hreflang": code, "href": href}
                ElementTree.SubElement(url, "xhtml:link", attributes)
    return _xml(urlset)


def sitemap_index(content: Content) -> bytes:
    """The sitemap index at the site's root: one <sitemap> per language's sitemap."""
    index = ElementTree.Element("sitemapindex", {"xmlns": SITEMAP_NS})
    for lang in content.languages:
        sitemap = ElementTree.SubElement(index, "sitemap")
        ElementTree.SubElement(sitemap, "loc").text = f"{content.site.base_url}{lang}/sitemap.xml"
    ElementTree.indent(index)
    for sitemap in index:
        sitemap.text = sitemap[0].tail = None  # one line per sitemap
    return _xml(index, indent=False)


def _xml(root: ElementTree.Element, indent: bool = True) -> bytes:
    if indent:
        ElementTree.indent(root)
    xml = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'.encode()


def write_language_sitemap(content: Content, urls: UrlMap, lang: str, site_dir: Path) -> None:
    """The language's sitemap, gzipped copy included (MkDocs' own, which knows no alternates,
    is switched off by the adapter)."""
    from generator.outputs import write_new  # outputs reads this module's file names

    data = language_sitemap(content, urls, lang)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=buffer, mode="wb", mtime=0) as handle:
        handle.write(data)
    files = {"sitemap.xml": data, "sitemap.xml.gz": buffer.getvalue()}
    for name in LANGUAGE_FILES:
        write_new(site_dir / name, files[name])


def write_root_files(content: Content, urls: UrlMap, out: Path) -> None:
    """site/index.html (language chooser), site/404.html, site/_redirects, site/sitemap.xml
    (index), site/robots.txt and site/favicon.ico."""
    from generator.outputs import write_new  # outputs reads this module's file names

    base = content.site.base_url
    favicon = out / content.site.default_language / "assets" / "images" / "favicon.png"
    files = {
        "index.html": language_chooser(content, urls).encode("utf-8"),
        "sitemap.xml": sitemap_index(content),
        "robots.txt": f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n".encode(),
        "favicon.ico": favicon.read_bytes(),
        "404.html": not_found_page(content).encode("utf-8"),
        "_redirects": host_redirects(content).encode("utf-8"),
    }
    for name in ROOT_FILES:
        write_new(out / name, files[name])


def language_chooser(content: Content, urls: UrlMap) -> str:
    """The x-default page: sends the visitor to the preferred language; plain links otherwise."""
    site = content.site
    default = site.default_language
    choices = [
        {
            "code": code,
            "home_url": urls.url(("home",), code),
            "prompt": languages.language(code).choose_language,
            "site_name": site.text(code).name,
            "own_name": languages.language(code).own_name,
        }
        for code in content.languages
    ]
    return _root_page(
        "chooser.html.j2",
        content,
        languages=choices,
        codes=list(content.languages),
        base_url=site.base_url,
        icon=f"{default}/assets/images/favicon.png",
    )


def host_redirects(content: Content) -> str:
    """Netlify's `_redirects`: a missing address under /da/ gets /da/404.html, with status 404.

    Netlify applies a rule only when no file matches the address. GitLab and Cloudflare Pages
    read the same file but accept no 404 rules; they skip these lines.
    """
    base = urlsplit(content.site.base_url).path or "/"
    lines = ["# Netlify: each language's own 404 page for a missing address in that language."]
    lines += [f"{base}{lang}/*  {base}{lang}/404.html  404" for lang in content.languages]
    return "\n".join(lines) + "\n"


def not_found_page(content: Content) -> str:
    """site/404.html: for a missing address outside the languages, or on hosts that serve only
    the root 404 page. It says the same in every language, each part marked with its `lang`.

    Hosts serve it at any depth, so it needs nothing but itself, and its links start at the
    site's root path.
    """
    site = content.site
    base = urlsplit(site.base_url).path or "/"
    parts = []
    for code in content.languages:
        _ = i18n.translations(code).gettext
        parts.append(
            {
                "code": code,
                "heading": _("Page not found"),
                "text": _("The page you were looking for does not exist, or it has moved."),
                "home": _("Go to the home page"),
                "site_name": site.text(code).name,
                "search": _("Search the site"),
            }
        )
    return _root_page(
        "not_found.html.j2",
        content,
        parts=parts,
        base=base,
        title=" / ".join(dict.fromkeys(part["heading"] for part in parts)),
        icon=f"{base}{site.default_language}/assets/images/favicon.png",
    )


def _root_page(template: str, content: Content, **values) -> str:
    """One of the pages at the site's root, outside the language builds, from its template."""
    site = content.site
    values.setdefault(
        "title", " / ".join(dict.fromkeys(site.text(code).name for code in content.languages))
    )
    brand = site.brand
    return _ROOT_TEMPLATES.get_template(template).render(
        default=site.default_language,
        description=site.text(site.default_language).tagline,
        # The site's main colour (site.yaml brand:), else the theme's.
        primary=(brand.primary if brand else None) or colours.DEFAULT_PRIMARY,
        **values,
    )


_ROOT_TEMPLATES = Environment(
    loader=FileSystemLoader(str(paths.TEMPLATES / "root")),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
