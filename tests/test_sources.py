"""What the bundled site says about proposals, partial dates, the issuing organisation and sources:
page text in both languages, JSON-LD, the feed, the PDF and the press kit."""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from generator.content.model import initiative_status
from generator.content.validate import PartialDate
from generator.i18n import format_partial_date

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-25T12:00:00+00:00"
PARTNERSHIP = {
    "da": "indsatser/region-syddanmark-partnerskab",
    "en": "initiatives/region-of-southern-denmark-partnership",
}
RELEASE = {"da": "presse/eu-guld-til-sund-erhvervsklynge", "en": "press/eu-gold-for-health-cluster"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sources") / "site"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(ROOT / "content"),
            "--now",
            NOW,
            "--quiet",
            "build",
            "--site",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return out


def page_text(site: Path, lang: str, path: str) -> str:
    """The visible text of a page's article, whitespace collapsed."""
    raw = (site / lang / path / "index.html").read_text(encoding="utf-8")
    article = raw[raw.index("<article") : raw.index("</article>")]
    text = html.unescape(re.sub(r"<[^>]+>", " ", article)).replace("¶", " ")
    return re.sub(r" ([,.)])", r"\1", re.sub(r"\s+", " ", text))


def json_ld(site: Path, lang: str, path: str) -> dict:
    raw = (site / lang / path / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
    return json.loads(block.group(1))


# --- the partnership: a proposal --------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "da",
            [
                "Status Foreslået",
                "Afventer beslutning Om regionen afsætter 3 mio. kr. til partnerskabet – "
                "besluttes af Region Syddanmark",
                "Afventer beslutning Bevillingerne til de nationale klyngeorganisationer – "
                "besluttes af Danmarks Erhvervsfremmebestyrelse og Uddannelses- og "
                "Forskningsministeriet – ventes: 3. kvartal 2020",
                "Region Syddanmark (foreslået) 3.000.000 kr.",
            ],
        ),
        (
            "en",
            [
                "Status Proposed",
                "Decision pending Whether the region sets aside DKK 3 million for the "
                "partnership – decided by Region of Southern Denmark",
                "Decision pending The grants to the national cluster organisations – decided by "
                "Danish Board of Business Development and Danish Ministry of Higher Education and "
                "Science – due: 3rd quarter 2020",
                "Region of Southern Denmark (proposed) DKK 3,000,000 (approx. EUR 402,145)",
            ],
        ),
    ],
)
def test_the_partnership_page_shows_a_proposal(site, lang, expected):
    text = page_text(site, lang, PARTNERSHIP[lang])
    for line in expected:
        assert line in text
    for absent in (
        "Startdato",
        "Slutdato",
        "Start date",
        "End date",
        "Samlede støtteberettigede",
        "Total eligible cost",
        "Anne Bach Stisen",
        "%",
    ):
        assert absent not in text


def test_the_partnership_has_no_dates_or_grant_in_json_ld(site):
    data = json_ld(site, "en", PARTNERSHIP["en"])
    assert "startDate" not in data and "endDate" not in data
    assert data["funding"] == []  # a proposed amount is no MonetaryGrant


def test_a_proposal_is_listed_without_dates_and_left_out_of_the_start_year_facet(site):
    raw = (site / "en" / "initiatives" / "index.html").read_text(encoding="utf-8")
    assert '<span class="status status--proposed">Proposed</span> </p>' in raw  # no dates
    overview = page_text(site, "en", "initiatives")
    assert "Region of Southern Denmark's strategic partnership" in overview
    assert "By start year: 2021 (1) · 2020 (1)" in overview
    assert sorted(p.name for p in (site / "en" / "initiatives" / "start-year").iterdir()) == [
        "2020",
        "2021",
    ]
    danish = page_text(site, "da", "indsatser")
    assert "Efter startår: 2021 (1) · 2020 (1)" in danish
    assert "3 indsatser" in danish and "Foreslået" in danish


# --- certifications: what the release says ----------------------------------------------------


@pytest.mark.parametrize(
    "lang, path, sentence",
    [
        (
            "da",
            "certificeringer/biopeople-guldcertificering",
            "BioPeople havde den pr. 19. juni 2019; hvornår den blev tildelt, er ikke oplyst.",
        ),
        (
            "en",
            "certifications/biopeople-gold-label",
            "BioPeople held it on 19 June 2019; when it was awarded is not stated.",
        ),
        (
            "en",
            "certifications/medicon-valley-alliance-gold-label",
            "Medicon Valley Alliance held it on 19 June 2019; when it was awarded is not stated.",
        ),
        (
            "en",
            "certifications/welfare-tech-gold-label",
            "Welfare Tech held it on 19 June 2019; when it was awarded is not stated.",
        ),
    ],
)
def test_gold_labels_say_when_they_were_held(site, lang, path, sentence):
    text = page_text(site, lang, path)
    assert sentence in text
    assert (
        "Havde den pr. 19. juni 2019 (pressemeddelelse: EU-guld til sund erhvervsklynge)"
        if lang == "da"
        else "Held on 19 June 2019 (press release: EU gold for Danish health cluster)"
    ) in text
    assert (
        "Tildelt" not in text
        and "Awarded" not in text
        and "juni 2019 " not in text.replace("19. juni 2019", "")
    )


def test_a_month_award_is_shown_as_a_month(site):
    assert "Tildelt december 2016" in page_text(
        site, "da", "certificeringer/region-syddanmark-reference-site"
    )
    text = page_text(site, "en", "certifications/region-of-southern-denmark-reference-site")
    assert "Awarded December 2016" in text and "Issued by" not in text


# --- the 2019 release is Welfare Tech's everywhere --------------------------------------------


@pytest.mark.parametrize(
    "lang, meta, about",
    [
        (
            "da",
            "Pressemeddelelse · Welfare Tech · 19. juni 2019",
            "Om Welfare Tech Danmarks største",
        ),
        (
            "en",
            "Press release · Welfare Tech · 19 June 2019",
            "About Welfare Tech Denmark's largest",
        ),
    ],
)
def test_the_release_page_is_signed_by_welfare_tech(site, lang, meta, about):
    text = page_text(site, lang, RELEASE[lang])
    assert meta in text and about in text
    assert "Om Danish Life Science Cluster" not in text
    assert "About Danish Life Science Cluster" not in text
    newsroom = page_text(site, lang, "presse" if lang == "da" else "press")
    # The release's card in the press room names its publisher after the date.
    assert (
        "19. juni 2019 · Welfare Tech Tre" if lang == "da" else "19 June 2019 · Welfare Tech Three"
    ) in newsroom


def test_json_ld_author_and_publisher_are_welfare_tech(site):
    data = json_ld(site, "en", RELEASE["en"])
    for key in ("author", "publisher"):
        assert data[key]["name"] == "Welfare Tech"
        assert data[key]["logo"]["url"].endswith("/en/media/logos/welfare-tech.png")
    assert data["isBasedOn"] == [
        {
            "@type": "CreativeWork",
            "name": "EU-guld til sund erhvervsklynge",
            "publisher": {"@type": "Organization", "name": "Welfare Tech"},
            "datePublished": "2019-06-19",
        }
    ]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_feed_entry_author_is_welfare_tech(site, lang):
    feed = (site / lang / "feed.xml").read_text(encoding="utf-8")
    entry = feed[feed.index("<entry") :]
    assert "<author>\n      <name>Welfare Tech</name>" in entry
    head = feed[: feed.index("<entry")]
    assert "<name>Danish Life Science Cluster</name>" in head


@pytest.mark.parametrize("lang, about", [("da", "Om Welfare Tech"), ("en", "About Welfare Tech")])
def test_pdf_names_welfare_tech(site, lang, about):
    slug = RELEASE[lang].rsplit("/", 1)[1]
    data = (site / lang / RELEASE[lang] / f"{slug}.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert about in text and "Odense, " in text
    # The site's organisation appears only as the illustration's credit.
    assert text.count("Danish Life Science Cluster") == 1
    assert "Danish Life Science Cluster (illustration)" in text
    assert reader.metadata.author == "Welfare Tech"


def test_press_kit_carries_welfare_techs_boilerplate(site):
    path = site / "press-kits" / "2019-06-19-eu-gold-label.zip"
    with zipfile.ZipFile(path) as kit:
        names = kit.namelist()
        assert "about-da.md" in names and "about-en.md" in names
        assert not any(name.startswith("fact-sheet") for name in names)
        assert kit.read("about-en.md").decode().startswith("# About Welfare Tech\n")
        release = kit.read("release-da.md").decode()
        word = docx.Document(io.BytesIO(kit.read("release-en.docx")))
    assert "Pressemeddelelse · Welfare Tech · 19. juni 2019" in release
    paragraphs = [p.text for p in word.paragraphs]
    assert "Press release · Welfare Tech · 19 June 2019" in paragraphs
    assert (
        "About Welfare Tech" in paragraphs and "About Danish Life Science Cluster" not in paragraphs
    )
    assert "EU-guld til sund erhvervsklynge. Welfare Tech, 19 June 2019" in paragraphs
    assert word.core_properties.author == "Welfare Tech"
    assert "## Om Welfare Tech" in release and "Om Danish Life Science Cluster" not in release
    assert "- EU-guld til sund erhvervsklynge. Welfare Tech, 19. juni 2019" in release


# --- sources on every record page ---------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, path, line",
    [
        (
            "da",
            "indsatser/sund-vaegt",
            "Kilder Erhvervsfyrtårn Hovedstaden for life science - Sund Vægt",
        ),
        (
            "en",
            "initiatives/healthy-weight",
            "Sources Erhvervsfyrtårn Hovedstaden for life science - Sund Vægt",
        ),
        (
            "da",
            PARTNERSHIP["da"],
            "Kilder Samarbejde med landsdækkende sundhedsklynge for life "
            "science og velfærdsteknologi (BILAG 1 – beskrivelse af initiativ)",
        ),
        (
            "da",
            RELEASE["da"],
            "Kilder EU-guld til sund erhvervsklynge. Welfare Tech, 19. juni 2019",
        ),
        (
            "en",
            RELEASE["en"],
            "Sources EU-guld til sund erhvervsklynge. Welfare Tech, 19 June 2019",
        ),
        ("en", "certifications/biopeople-gold-label", "Sources EU-guld til sund erhvervsklynge."),
        ("da", "netvaerk/syddansk-ecosystem", "Kilder Syddansk ECOsystem - en del af ECHAlliance"),
    ],
)
def test_sources_are_shown_on_the_page(site, lang, path, line):
    assert line in page_text(site, lang, path)


def test_every_record_page_shows_sources_and_carries_them_as_is_based_on(site):
    for lang, word in (("da", "Kilder"), ("en", "Sources")):
        pages = [
            p
            for p in (site / lang).glob("*/*/index.html")
            if p.parent.parent.name
            in (
                "indsatser",
                "certificeringer",
                "netvaerk",
                "presse",
                "initiatives",
                "certifications",
                "network",
                "press",
            )
            and not p.parent.name.isdigit()
            and p.parent.name != "start-year"
        ]
        records = [p for p in pages if '"@type"' in p.read_text(encoding="utf-8")]
        assert len(records) == 3 + 1 + 4 + 19, lang
        for page in records:
            rel = page.parent.relative_to(site / lang).as_posix()
            assert f"{word} " in page_text(site, lang, rel), rel
            assert json_ld(site, lang, rel)["isBasedOn"], rel


# --- the site organisation: only what is known --------------------------------------------------


def test_no_invented_address_for_the_site_organisation(site):
    for lang in ("da", "en"):
        for path in (
            "index.html",
            "kontakt/index.html" if lang == "da" else "contact/index.html",
            "om/index.html" if lang == "da" else "about/index.html",
        ):
            raw = (site / lang / path).read_text(encoding="utf-8")
            assert "Odense og København" not in raw and "Odense and Copenhagen" not in raw
        assert "address" not in json_ld(site, lang, ".")
    with zipfile.ZipFile(site / "press-kits" / "media-kit.zip") as kit:
        about = kit.read("about-da.md").decode()
    assert "Odense" not in about


# --- the rules behind the pages ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value, da, en",
    [
        (PartialDate(date(2019, 6, 19), "day"), "19. juni 2019", "19 June 2019"),
        (PartialDate(date(2019, 6, 1), "month"), "juni 2019", "June 2019"),
        (PartialDate(date(2020, 7, 1), "quarter"), "3. kvartal 2020", "3rd quarter 2020"),
        (PartialDate(date(2020, 1, 1), "year"), "2020", "2020"),
    ],
)
def test_partial_dates_are_formatted_per_language(value, da, en):
    assert (format_partial_date(value, "da"), format_partial_date(value, "en")) == (da, en)


@pytest.mark.parametrize(
    "stated, start, end, status",
    [
        (None, "2021-11-23", "2023-12-31", "completed"),
        ("proposed", "2020", None, "proposed"),
        ("cancelled", "2027", "2028", "cancelled"),
        ("approved", None, None, "approved"),
        ("approved", "2027-03", None, "planned"),
        ("approved", "2026", "2027", "ongoing"),
        ("ongoing", "2020", None, "ongoing"),
        ("completed", "2020", None, "completed"),
        ("ongoing", "2020", "2025-12", "completed"),
    ],
)
def test_status_is_derived_from_the_dates_where_they_tell(stated, start, end, status):
    def partial(text):
        if text is None:
            return None
        parts = [int(x) for x in text.split("-")]
        precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
        return PartialDate(date(*(parts + [1] * (3 - len(parts)))), precision)

    today = date(2026, 11, 25)
    assert initiative_status(stated, partial(start), partial(end), today) == status


def test_partial_date_periods():
    assert PartialDate(date(2020, 7, 1), "quarter").last_day() == date(2020, 9, 30)
    assert PartialDate(date(2020, 1, 1), "year").last_day() == date(2020, 12, 31)
    assert PartialDate(date(2020, 2, 1), "month").last_day() == date(2020, 2, 29)
    assert PartialDate(date(2020, 7, 1), "quarter").isoformat() == "2020-Q3"


def build_site(content: Path, out: Path) -> Path:
    """Build `content` into `out` as of NOW; the build must succeed."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--content",
            str(content),
            "--now",
            NOW,
            "--quiet",
            "build",
            "--site",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_eu_sentence_and_rates_only_when_the_total_is_known(tmp_path, copy_minimal):
    content = copy_minimal(tmp_path)
    path = content / "initiatives" / "groen-omstilling.yaml"
    text = path.read_text(encoding="utf-8").replace("total_eligible_cost: 92524800\n", "")
    path.write_text(
        text.replace("end: 2023-12-31\n", "end: 2023\nstatus: completed\n"), encoding="utf-8"
    )
    out = build_site(content, tmp_path / "site")
    page = page_text(out, "en", "initiatives/green-transition")
    assert "Co-funded by the European Union" in page  # the emblem rules do not change
    assert "co-financing rate" not in page and "%" not in page
    assert "Total eligible cost" not in page
    assert "Start date 23 November 2021 End date 2023" in page
    danish = page_text(out, "da", "indsatser/groen-omstilling")
    assert "Slutdato 2023" in danish and "Afsluttet" in danish


def test_a_quoted_person_without_a_known_employer_is_named_with_their_role_only(
    tmp_path, copy_minimal
):
    content = copy_minimal(tmp_path)
    person = content / "people" / "mette-lund.yaml"
    person.write_text(
        person.read_text(encoding="utf-8").replace("organisation: klynge\n", ""), encoding="utf-8"
    )
    out = build_site(content, tmp_path / "site")
    release = page_text(out, "en", "press/eu-supports-green-transition")
    assert "Mette Lund, Head of press" in release
    assert "Head of press, Klyngen" not in release
