"""Editors' Markdown made safe before any output uses it, and plain text made inert in Markdown.

Pages are sanitised again as HTML (mkdocs_hooks); this step removes the same dangerous parts from
the Markdown source itself, so the texts in press kits (which journalists open in editors that
render Markdown or HTML) carry no script either, and `check` can say what it removed.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Removed with everything inside them: they run code, load other pages, or take input.
DANGEROUS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "noscript",
    "template",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "svg",
    "math",
    "link",
    "meta",
    "base",
}
_VOID = {"link", "meta", "base", "input", "embed", "img", "br", "hr", "source", "wbr"}
_URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "data",
    "cite",
}
_UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data(?!:image/(png|jpeg|gif|webp)))\s*:", re.I)
# [text](javascript:...) and ![alt](javascript:...), and [ref]: javascript:... definitions.
_MD_LINK = re.compile(
    r"(!?)\[([^\]\n]*)\]\(\s*<?\s*((?:javascript|vbscript|data)\s*:[^)\n]*)\)", re.I
)
_MD_DEFINITION = re.compile(
    r"^ {0,3}\[[^\]\n]+\]:\s*<?\s*(?:javascript|vbscript|data)\s*:.*$", re.I | re.M
)
REMOVED_HINT = "write the text without HTML, or link to the page instead"


def clean_markdown(text: str) -> tuple[str, list[str]]:
    """The Markdown without dangerous HTML elements, event-handler attributes and script links;
    and what was removed, one phrase each ('<script> element', 'onclick= attribute',
    'javascript: link'), in the order found, without repeats."""
    cleaner = _Cleaner()
    cleaner.feed(text)
    cleaner.close()
    cleaned = "".join(cleaner.out)
    removed = cleaner.removed

    def plain(match: re.Match) -> str:
        removed.append(f"{match.group(3).split(':', 1)[0].strip().lower()}: link")
        return match.group(2)

    cleaned = _MD_LINK.sub(plain, cleaned)
    if _MD_DEFINITION.search(cleaned):
        removed.append("javascript: link")
        cleaned = _MD_DEFINITION.sub("", cleaned)
    return cleaned, list(dict.fromkeys(removed))


class _Cleaner(HTMLParser):
    """Copies Markdown through, rewriting each HTML tag without its dangerous parts."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.removed: list[str] = []
        self.skipping: str | None = None  # the dangerous element being dropped
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, self.get_starttag_text() or "", closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, self.get_starttag_text() or "", closed=True)

    def _start(self, tag: str, attrs: list, raw: str, closed: bool) -> None:
        if self.skipping:
            if tag == self.skipping and not closed:
                self.depth += 1
            return
        if ":" in tag or "@" in raw:  # a Markdown autolink: <https://...> or <name@host>
            if _UNSAFE_URL.match(raw[1:]):
                self.removed.append(f"{raw[1:].split(':', 1)[0].strip().lower()}: link")
                return
            self.out.append(raw)
            return
        if tag in DANGEROUS:
            self.removed.append(f"<{tag}> element")
            if not closed and tag not in _VOID:
                self.skipping, self.depth = tag, 1
            return
        kept = []
        for name, value in attrs:
            if name.startswith("on"):
                self.removed.append(f"{name}= attribute")
            elif name in _URL_ATTRIBUTES and value and _UNSAFE_URL.match(value):
                self.removed.append(f"{value.split(':', 1)[0].strip().lower()}: link")
            elif value is None:
                kept.append(f" {name}")
            else:
                kept.append(f' {name}="{html.escape(value, quote=True)}"')
        self.out.append(f"<{tag}{''.join(kept)}{' /' if closed else ''}>")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping:
                self.depth -= 1
                if self.depth == 0:
                    self.skipping = None
            return
        if tag not in DANGEROUS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(data)

    def handle_entityref(self, name):
        if not self.skipping:
            self.out.append(f"&{name};")

    def handle_charref(self, name):
        if not self.skipping:
            self.out.append(f"&#{name};")

    def handle_comment(self, data):
        pass  # pages drop comments too

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


_MARKDOWN_SYNTAX = re.compile(r"([\\`\[\]{}<>])")


def markdown_text(text: str) -> str:
    """Plain text for a Markdown file, shown as typed: every character that could start HTML, a
    link, code or an attribute list is escaped with a backslash."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", text)
