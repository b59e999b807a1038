"""A Markdown extension that passes the listings' card blocks through without parsing them.

Python-Markdown reads every raw HTML block tag by tag to find where it ends; a listing of a few
hundred initiative cards took most of a large site's page-conversion time that way. The card
blocks (templates/_cards.md.j2, initiative_cards) are plain HTML that Markdown leaves as it is
anyway, and they have a known first and last line, so they are stored as they are before the
HTML block step runs. The pages come out byte for byte as before.
"""

from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

# The first and last line of a block of cards (templates/_cards.md.j2, initiative_cards).
CARDS_START = '<div class="klynge-cards" data-search-exclude>'
CARDS_END = "</div>"


class _CardBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        n = 0
        while n < len(lines):
            end = _block_end(lines, n) if lines[n] == CARDS_START else None
            if end is None:
                out.append(lines[n])
                n += 1
                continue
            raw = "\n".join(lines[n : end + 1])
            # As the HTML block step stores a block: with the line break before a blank line.
            if end + 1 < len(lines) and not lines[end + 1].strip():
                raw += "\n"
            out.extend([self.md.htmlStash.store(raw), ""])
            n = end + 1
        return out


def _block_end(lines: list[str], start: int) -> int | None:
    """The line that closes the card block opened at `start`, when it stands alone after a
    blank line and every <div> inside closes on a line of its own before it; None otherwise
    (Markdown then reads it as usual)."""
    if start > 0 and lines[start - 1].strip():
        return None
    depth = 1
    for n in range(start + 1, len(lines)):
        line = lines[n]
        if line == CARDS_END:
            depth -= 1
            if depth == 0:
                return n
            continue
        opened, closed = line.count("<div"), line.count("</div>")
        # A card's own <div> opens alone on its line; anything else is left to Markdown.
        if closed or opened > 1 or (opened and not line.startswith("<div")):
            return None
        depth += opened
    return None


class CardBlocksExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before the HTML block step (priority 20), after whitespace is normalised (30).
        md.preprocessors.register(_CardBlocks(md), "klynge_card_blocks", 25)


def makeExtension(**kwargs) -> CardBlocksExtension:  # noqa: N802 (Python-Markdown's name)
    return CardBlocksExtension(**kwargs)
