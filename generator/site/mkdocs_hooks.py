"""MkDocs hooks: sanitise every page's HTML, so nothing from a Markdown body can run in a browser.

Loaded by the adapter through MkDocs' `hooks` setting. Text fields are already escaped by the
renderer; this catches raw HTML in Markdown bodies (script, event handlers, javascript: links).
"""

from __future__ import annotations

import html

import nh3

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    # The charts' inline SVG (generator/site/charts.py): shapes, text and links, nothing that runs.
    "desc",
    "g",
    "polygon",
    "rect",
    "svg",
    "text",
    "title",
    "tspan",
}
_ATTRIBUTES = {
    "*": {"class", "id", "lang", "title", "role", "aria-label", "aria-hidden", "hidden"},
    "a": {"href", "hreflang", "rel", "download", "type", "aria-current"},
    "div": {"data-search-exclude"},
    "ul": {"data-search-exclude"},
    "img": {
        "src",
        "srcset",
        "sizes",
        "alt",
        "width",
        "height",
        "loading",
        "decoding",
        "fetchpriority",
    },
    "time": {"datetime"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
    "svg": {"viewBox", "xmlns", "aria-labelledby", "aria-describedby"},
    "rect": {"x", "y", "width", "height"},
    "polygon": {"points"},
    "text": {"x", "y", "text-anchor"},
    "tspan": {"x", "dy"},
}


def sanitise(html: str) -> str:
    """Keep the markup pages need; drop scripts, event handlers and unsafe URLs."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        link_rel=None,
        url_schemes={"http", "https", "mailto", "tel"},
        strip_comments=True,
    )


def on_page_content(html: str, page, config, files) -> str:
    return sanitise(html)


def _valid_toggles(output: str, config) -> str:
    # Material's search dialog has no accessible name (an ARIA requirement for role=dialog).
    label = html.escape(config.extra.get("search_label", "Search"))
    output = output.replace(
        'data-md-component="search" role="dialog">',
        f'data-md-component="search" role="dialog" aria-label="{label}">',
    )
    # Material's drawer and search toggles carry autocomplete="off", which HTML allows on text
    # inputs only; the Nu Html Checker reports it on every page.
    return output.replace(
        'type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"'
    ).replace('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"')


def on_post_page(output: str, page, config) -> str:
    return _valid_toggles(output, config)


# Theme templates MkDocs must not write: sitemap.py writes the sitemap (with hreflang
# alternates), and every file of the site has one writer. MkDocs skips a template that renders
# empty.
SKIPPED_TEMPLATES = ("sitemap.xml",)


def on_post_template(output_content: str, template_name: str, config) -> str:
    from generator.site import mkdocs_hooks as shared  # MkDocs loads this file as its own module

    if template_name in shared.SKIPPED_TEMPLATES:
        return ""
    return _valid_toggles(output_content, config)
