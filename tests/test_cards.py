"""The cards of the home page and the press room (generator/templates/_cards.md.j2): what a
visitor sees in each language, on the bundled site and on the events site with its showcase
(a banner photo, a press contact's portrait, a member's logo), and the portrait's checks."""

from __future__ import annotations

import re
from pathlib import Path

from tests.quality_helpers import BuiltSite
from tests.test_validate import PERSON, edit, problems

pytest_plugins = ["tests.quality_helpers"]

PORTRAIT = """photo:
  file: media/press/foto.jpg
  credit: Karl Foto
  licence: CC BY 4.0
  da: {alt: Mette Lund, caption: Mette Lund.}
  en: {alt: Mette Lund, caption: Mette Lund.}
"""


def _page(site: BuiltSite, rel: str) -> str:
    return (site.root / rel).read_text(encoding="utf-8")


def _cards(html: str) -> list[tuple[str, str]]:
    """(href, title) of every card heading link, in page order."""
    return re.findall(
        r'<h3 class="klynge-card__title"><a class="klynge-card__link" href="([^"]+)"[^>]*>'
        r"([^<]+)</a></h3>",
        html,
    )


def test_bundled_home_shows_news_and_certifications_as_cards(built_site: BuiltSite) -> None:
    da, en = _page(built_site, "da/index.html"), _page(built_site, "en/index.html")
    assert ("presse/eu-guld-til-sund-erhvervsklynge/", "EU-guld til sund erhvervsklynge") in _cards(
        da
    )
    assert ("press/eu-gold-for-health-cluster/", "EU gold for Danish health cluster") in _cards(en)
    gold = "Gold Label of the European Cluster Excellence Initiative"
    assert ("certifications/welfare-tech-gold-label/", gold) in _cards(en)
    assert (
        "certificeringer/welfare-tech-guldcertificering/",
        "Guldcertificering fra European Cluster Excellence Initiative",
    ) in _cards(da)
    # The release photo is a decorative thumbnail beside the linked title.
    assert (
        '<img class="klynge-card__image" src="../media/web/gold-label-illustration-480.jpg" '
        'width="480" height="300" alt=""'
    ) in en
    # Badges carry the size their file states, so the cards keep their place while they load.
    assert (
        '<img class="klynge-card__badge" src="media/badges/gold-label.svg" width="240" '
        'height="240" alt="">'
    ) in en
    # The header logo too, on every page: the site name beside it stays put while it loads.
    logo = (
        '<img src="media/logos/danish-life-science-cluster.svg" alt="logo" width="600" '
        'height="160">'
    )
    assert logo in en and logo in da
    # No banner photo and no member logos: the bundled content states neither.
    assert "hero__figure" not in en and "klynge-logos" not in en
    assert '<h2 id="for-the-press">For the press' in en
    assert '<h2 id="til-pressen">Til pressen' in da
    assert 'href="press/">Go to the press room</a>' in en


def test_home_shows_banner_photo_and_member_logos(events_site: BuiltSite) -> None:
    en, da = _page(events_site, "en/index.html"), _page(events_site, "da/index.html")
    assert 'alt="Sunset over Odense"' in en and 'alt="Solnedgang over Odense"' in da
    assert "Photo: Åse Mølgaard / Klyngen · Licence: CC BY 4.0" in en
    assert "Foto: Åse Mølgaard / Klyngen · Licens: CC BY 4.0" in da
    assert (
        '<li><a href="network/region-east/"><img src="media/logos/region-oest.png" '
        'width="300" height="300" alt="Region East"></a></li>'
    ) in en
    assert '<h2 id="members-and-partners">Members and partners' in en
    assert '<h2 id="medlemmer-og-partnere">Medlemmer og partnere' in da
    assert ("initiatives/green-hospitals/", "Green hospitals") in _cards(en)


def test_press_contact_card_shows_portrait_and_credit(events_site: BuiltSite) -> None:
    en = _page(events_site, "en/press/index.html")
    card = en[en.index('<div class="klynge-card klynge-card--person">') :]
    card = card[: card.index("</ul>")]
    assert 'alt="Mette Lund in the workshop"' in card
    assert "Photo: Karl Foto · Licence: CC BY-ND 4.0" in card
    assert '<h3 class="klynge-card__title">Mette Lund</h3>' in card
    assert '<a href="mailto:mette.lund@klynge.example">' in card
    assert '<a href="../contact/mette-lund.vcf">Download contact card (vCard)</a>' in card
    da = _page(events_site, "da/presse/index.html")
    assert "Foto: Karl Foto · Licens: CC BY-ND 4.0" in da
    assert 'alt="Mette Lund i værkstedet"' in da


def test_press_room_lists_releases_and_logo_previews_as_cards(events_site: BuiltSite) -> None:
    en = _page(events_site, "en/press/index.html")
    assert ("twelve-network-meetings/", "Twelve network meetings for small companies") in [
        (h.rsplit("/", 2)[-2] + "/", t) for h, t in _cards(en)
    ]
    assert (
        '<span class="klynge-card__preview"><img src="../media/logos/klynge.svg" width="300" '
        'height="100" alt="" loading="lazy"></span>'
    ) in en


def test_portrait_without_credit_or_licence_is_an_error(minimal_content: Path) -> None:
    edit(minimal_content, PERSON, "press_contact: true\n", "press_contact: true\n" + PORTRAIT)
    assert problems(minimal_content) == []
    edit(minimal_content, PERSON, "  credit: Karl Foto\n  licence: CC BY 4.0\n", "")
    assert problems(minimal_content) == [
        "content/people/mette-lund.yaml:6: photo: required field 'credit' is missing; add "
        "credit: Klynge / illustration — photographer or owner, as it must be credited",
        "content/people/mette-lund.yaml:6: photo: required field 'licence' is missing; add "
        "licence: CC BY 4.0 — licence under which journalists may use the image",
    ]


def test_press_room_shows_the_key_figures_as_the_home_pages_strip(built_site: BuiltSite) -> None:
    for lang, press, label in (
        ("en", "press", "universities in the partnership"),
        ("da", "presse", "universiteter i partnerskabet"),
    ):
        strips = [
            page.split('<div class="key-figures key-figures--strip">', 1)[1].split(
                "</div>\n</div>"
            )[0]
            for page in (
                _page(built_site, f"{lang}/index.html"),
                _page(built_site, f"{lang}/{press}/index.html"),
            )
        ]
        assert strips[0] == strips[1]
        assert (
            f'<div class="key-figure"><span class="key-figure__value">5</span> '
            f'<span class="key-figure__label">{label}</span>'
        ) in strips[1]
    assert (
        "<table"
        not in _page(built_site, "en/press/index.html")
        .split("Key figures", 1)[1]
        .split("About us")[0]
    )


def test_initiatives_overview_shows_the_home_pages_cards_grouped_by_status(
    built_site: BuiltSite,
) -> None:
    en = _page(built_site, "en/initiatives/index.html")
    completed = en.split('<h2 id="completed">', 1)[1]
    assert (
        "healthy-weight/",
        "Business Lighthouse Capital Region for Life Science – Healthy Weight",
    ) in (_cards(completed))
    assert '<div class="klynge-cards" data-search-exclude="">' in en
    assert 'class="grid cards"' not in en
    da = _page(built_site, "da/indsatser/index.html")
    assert any(href == "sund-vaegt/" for href, _ in _cards(da))
    # The home page shows the same card for the same initiative.
    home = _page(built_site, "en/index.html")
    card = '<p class="klynge-card__meta"><span class="status status--proposed">Proposed</span>'
    assert card in home and card in en
