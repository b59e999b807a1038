"""The card-block Markdown extension: pages come out exactly as without it."""

from __future__ import annotations

import markdown
import pytest

from generator.site import markdown_raw

PLAIN = ["attr_list", "md_in_html", "tables", "admonition", "def_list", "toc"]
WITH_CARDS = ["attr_list", "md_in_html", markdown_raw.makeExtension(), "tables", "admonition"]
WITH_CARDS += ["def_list", "toc"]

CARDS = """<div class="klynge-cards" data-search-exclude>
<div class="klynge-card">
<div class="klynge-card__body">
<h3 class="t"><a href="../x/" lang="da">Grøn <em>omstilling</em> &amp; mere</a></h3>
<p class="klynge-card__text">Resumé.</p>
</div>
</div>
<div class="klynge-card">
<div class="klynge-card__body">
<h3 class="klynge-card__title"><a class="klynge-card__link" href="../y/">Anden</a></h3>

<p class="klynge-card__text">Efter en tom linje.</p>
</div>
</div>
</div>"""

PAGES = {
    "cards between headings": f"# Indsatser\n\n## Nu\n\n{CARDS}\n\n## Før\n\n{CARDS}\n",
    "cards at the end": f"# Indsatser\n\n{CARDS}\n",
    "cards then text": f"{CARDS}\n\n**Efter:** [link](../y/)\n",
    "cards right after text": f"Tekst\n{CARDS}\n\nMere\n",
    "cards with a div on one line": CARDS.replace("<h3", '<div class="x">indre</div>\n<h3', 1)
    + "\n",
    "cards with one div too few": "\n".join(CARDS.splitlines()[:-1]) + "\n\nslut\n",
    "no end": "# Indsatser\n\n" + CARDS.removesuffix("</div>") + "\nslut\n",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_are_the_same_with_and_without_the_extension(name):
    text = PAGES[name]
    assert markdown.markdown(text, extensions=WITH_CARDS) == markdown.markdown(
        text, extensions=PLAIN
    )


def test_the_cards_come_out_as_written():
    html = markdown.markdown(f"# Indsatser\n\n{CARDS}\n\nslut\n", extensions=WITH_CARDS)
    assert CARDS in html
    assert html.endswith("<p>slut</p>")


def test_card_blocks_after_a_blank_line_with_their_divs_on_lines_of_their_own_pass_through():
    lines = ["tekst", *CARDS.splitlines()]
    assert markdown_raw._block_end(lines, 1) is None
    lines = ["", *CARDS.splitlines()]
    assert markdown_raw._block_end(lines, 1) == len(lines) - 1
    inline = ["", *CARDS.replace("<h3", "<div>x</div><h3", 1).splitlines()]
    assert markdown_raw._block_end(inline, 1) is None
    unclosed = ["", *CARDS.splitlines()[:-1]]
    assert markdown_raw._block_end(unclosed, 1) is None


def test_a_card_block_is_stored_whole_before_the_html_block_step():
    md = markdown.Markdown(extensions=WITH_CARDS)
    lines = md.preprocessors["klynge_card_blocks"].run(["", *CARDS.splitlines(), "", "slut"])
    assert lines == ["", md.htmlStash.get_placeholder(0), "", "", "slut"]
    assert md.htmlStash.rawHtmlBlocks == [CARDS + "\n"]
