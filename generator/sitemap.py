"""Sitemaps with hreflang alternates, robots.txt, the root language chooser and the root 404 page.

Static hosts differ in which 404.html they serve for a missing address: Cloudflare Pages looks up
the tree (so /da/404.html serves /da/...), GitHub and GitLab Pages serve only the root one, and
Netlify follows `_redirects`. So the root 404.html speaks both languages, and `_redirects` sends
each language's missing addresses to that language's own 404 page where the host supports it.
"""

from __future__ import annotations

import gzip
import html
import io
from pathlib import Path
from urllib.parse import urlsplit

from . import i18n
from .model import Content
from .urls import UrlMap

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# The files this module writes, by path (at the site root, and at each language root), in words.
ROOT_FILES = {"index.html": "the language chooser", "sitemap.xml": "the sitemap index",
              "robots.txt": "robots.txt", "favicon.ico": "the site icon",
              "404.html": "the page-not-found page for addresses without a language",
              "_redirects": "the hosts' redirect rules"}
LANGUAGE_FILES = {"sitemap.xml": "the language's sitemap",
                  "sitemap.xml.gz": "the language's gzipped sitemap"}


def language_sitemap(content: Content, urls: UrlMap, lang: str) -> bytes:
    """One <url> per page of this language, each listing its language versions and x-default."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    for key in sorted(urls.keys(), key=lambda k: urls.path(k, lang)):
        if lang not in urls.native[key]:
            continue  # a fallback page points to its original with a canonical link instead
        lines.append("  <url>")
        lines.append(f"    <loc>{html.escape(urls.url(key, lang))}</loc>")
        alternates = urls.alternates(key)
        if len(alternates) > 1:
            for code, href in sorted(alternates.items()):
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{code}" '
                             f'href="{html.escape(href)}"/>')
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" '
                         f'href="{html.escape(content.site.base_url)}"/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_language_sitemap(content: Content, urls: UrlMap, lang: str, site_dir: Path) -> None:
    """The language's sitemap, gzipped copy included (MkDocs' own, which knows no alternates,
    is switched off by the adapter)."""
    from .outputs import write_new  # outputs reads this module's file names

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
    from .outputs import write_new  # outputs reads this module's file names

    base = content.site.base_url
    index = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for lang in content.languages:
        index.append(f"  <sitemap><loc>{html.escape(base)}{lang}/sitemap.xml</loc></sitemap>")
    index.append("</sitemapindex>")
    favicon = out / content.site.default_language / "assets" / "images" / "favicon.png"
    files = {
        "index.html": language_chooser(content, urls).encode("utf-8"),
        "sitemap.xml": ("\n".join(index) + "\n").encode("utf-8"),
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
    langs = content.languages
    default = site.default_language
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{code}" href="{html.escape(urls.url(("home",), code))}">'
        for code in langs)
    links = "\n".join(
        f'<li><a href="{code}/" hreflang="{code}" lang="{code}">'
        f'{html.escape(site.text(code).name)} – {i18n.OWN_NAMES[code]}</a></li>'
        for code in langs)
    title = " / ".join(dict.fromkeys(site.text(code).name for code in langs))
    prompt = {"da": "Vælg sprog", "en": "Choose a language"}
    heading = " · ".join(f'<span lang="{c}">{prompt.get(c, prompt["en"])}</span>' for c in langs)
    supported = ",".join(f'"{code}"' for code in langs)
    return f"""<!doctype html>
<html lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(site.text(default).tagline)}">
<link rel="canonical" href="{html.escape(site.base_url)}">
{alternates}
<link rel="alternate" hreflang="x-default" href="{html.escape(site.base_url)}">
<link rel="icon" href="{default}/assets/images/favicon.png" type="image/png">
<style>
body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;
min-height:100vh;display:grid;
place-items:center;background:#0b3d5c;color:#fff}}
main{{text-align:center;padding:2rem}}
h1{{font-size:1.5rem;font-weight:500}}
ul{{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap;justify-content:center}}
a{{display:inline-block;padding:.9rem 1.4rem;border-radius:.4rem;background:#fff;color:#0b3d5c;
font-weight:700;text-decoration:none;min-width:12rem}}
a:focus-visible,a:hover{{outline:3px solid #ffcc00;outline-offset:2px}}
</style>
<script>
(function () {{
  var supported = [{supported}];
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {{
    var code = String(wanted[i]).slice(0, 2).toLowerCase();
    if (supported.indexOf(code) >= 0) {{ location.replace(code + "/"); return; }}
  }}
  location.replace("{default}/");
}})();
</script>
</head>
<body>
<main>
<h1>{heading}</h1>
<ul>
{links}
</ul>
</main>
</body>
</html>
"""


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
    langs = content.languages
    default = site.default_language
    base = urlsplit(site.base_url).path or "/"
    parts, titles = [], []
    for code in langs:
        _ = i18n.translations(code).gettext
        titles.append(_("Page not found"))
        parts.append(
            f'<section lang="{code}">\n<h1>{html.escape(_("Page not found"))}</h1>\n'
            f'<p>{html.escape(_("The page you were looking for does not exist, or it has moved."))}'
            f'</p>\n<p><a href="{base}{code}/" hreflang="{code}">'
            f'{html.escape(_("Go to the home page"))} – {html.escape(site.text(code).name)}</a> '
            f'<a href="{base}{code}/?q=" hreflang="{code}">{html.escape(_("Search the site"))}'
            f'</a></p>\n</section>')
    title = " / ".join(dict.fromkeys(titles))
    body = "\n".join(parts)
    return f"""<!doctype html>
<html lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(site.text(default).tagline)}">
<meta name="robots" content="noindex">
<link rel="icon" href="{base}{default}/assets/images/favicon.png" type="image/png">
<style>
body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;
min-height:100vh;display:grid;place-items:center;background:#0b3d5c;color:#fff}}
main{{display:grid;gap:2rem;padding:2rem;max-width:40rem}}
h1{{font-size:1.5rem;font-weight:500;margin:0 0 .5rem}}
p{{margin:.5rem 0}}
a{{display:inline-block;margin:.25rem .5rem .25rem 0;padding:.7rem 1.1rem;border-radius:.4rem;
background:#fff;color:#0b3d5c;font-weight:700;text-decoration:none}}
a:focus-visible,a:hover{{outline:3px solid #ffcc00;outline-offset:2px}}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""
