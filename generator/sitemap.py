"""Sitemaps with hreflang alternates, robots.txt and the root language chooser page."""

from __future__ import annotations

import gzip
import html
import io
from pathlib import Path

from . import i18n
from .model import Content
from .urls import UrlMap

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# The files this module writes, by path (at the site root, and at each language root), in words.
ROOT_FILES = {"index.html": "the language chooser", "sitemap.xml": "the sitemap index",
              "robots.txt": "robots.txt", "favicon.ico": "the site icon"}
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
    """site/index.html (language chooser), site/sitemap.xml (index), site/robots.txt and
    site/favicon.ico."""
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
