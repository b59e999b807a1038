"""The bundled content states only what its source documents state.

The five source documents are kept in tests/fixtures/sources/. Every date, amount, address,
email, phone number, member count, website and contact assignment the site shows must be written
in one of them, and every record cites the documents it comes from.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from generator.content.model import load_content
from generator.content.validate import PartialDate

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "fixtures" / "sources"
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content", NOW)


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))}
    assert len(texts) == 5
    return texts


def stated_dates(text: str) -> set[str]:
    """Every date a Danish text writes, as partial ISO dates (2019-06-19, 2016-12, 2020-Q3)."""
    found = set()
    for day, month, year in re.findall(r"\b(\d{2})\.(\d{2})\.(\d{4})\b", text):
        found.add(f"{year}-{month}-{day}")
    names = "|".join(MONTHS)
    for day, month, year in re.findall(rf"\b(\d{{1,2}})\. ({names}) (\d{{4}})", text):
        found.add(f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}")
    for month, year in re.findall(rf"(?<!\d\. )\b({names}) (\d{{4}})", text):
        found.add(f"{year}-{MONTHS.index(month) + 1:02d}")
    for quarter, year in re.findall(r"\b([1-4])\. kvartal (\d{4})", text):
        found.add(f"{year}-Q{quarter}")
    return found


def stated_amounts(text: str) -> set[int]:
    """Every amount in kroner a Danish text writes: 92.524.800, 933.334 kr., 3,3 mio. kr."""
    found = {int(x.replace(".", "")) for x in re.findall(r"\b\d{1,3}(?:\.\d{3})+\b", text)}
    for number in re.findall(r"\b(\d+(?:,\d+)?) mio\. kr\.", text):
        found.add(round(float(number.replace(",", ".")) * 1_000_000))
    return found


def all_records(content):
    for group in (
        content.initiatives,
        content.press_releases,
        content.certifications,
        content.organisations,
        content.people,
    ):
        yield from group.values()


def cited(record, seeds) -> list[str]:
    """The texts of the source documents a record cites."""
    return [text for text in seeds.values() for source in record.sources if source.title in text]


# --- the helpers read the sources as intended -----------------------------------------------


def test_the_date_and_amount_readers_find_what_the_sources_write(seeds):
    dates = set().union(*(stated_dates(t) for t in seeds.values()))
    assert {
        "2021-11-23",
        "2023-12-31",
        "2020-05-26",
        "2022-12-31",
        "2019-06-19",
        "2016-12",
        "2020-Q3",
    } <= dates
    assert "2019-06" not in dates and "2020-07-01" not in dates
    amounts = set().union(*(stated_amounts(t) for t in seeds.values()))
    assert {
        92_524_800,
        76_580_181,
        25_899_781,
        13_000_000,
        933_334,
        3_300_000,
        3_000_000,
    } <= amounts


# --- every record cites its sources, and the citations are true ------------------------------


def test_every_record_cites_a_source_document(content, seeds):
    for record in all_records(content):
        assert record.sources, f"{record.path} cites no source"
        for source in record.sources:
            matches = [name for name, text in seeds.items() if source.title in text]
            assert matches, f"{record.path}: no source document is titled {source.title!r}"
            text = seeds[matches[0]]
            if source.publisher:
                assert source.publisher in text, (record.path, source.publisher)
            if source.date:
                assert source.date.isoformat() in stated_dates(text), (record.path, source.date)
            if source.document:
                assert source.document in text, (record.path, source.document)


def test_the_gold_label_release_is_cited_with_title_publisher_and_date(content):
    (source,) = content.press_releases["2019-06-19-eu-gold-label"].sources
    assert (source.title, source.publisher, source.date.isoformat()) == (
        "EU-guld til sund erhvervsklynge",
        "Welfare Tech",
        "2019-06-19",
    )


# --- dates, amounts, addresses, contacts: only what a cited source states -------------------


def test_every_date_shown_is_stated_in_a_cited_source(content, seeds):
    for record in all_records(content):
        stated = set().union(set(), *(stated_dates(t) for t in cited(record, seeds)))
        shown: list = []
        if record in content.initiatives.values():
            shown += [record.start, record.end] + [d.due for d in record.decisions]
        if record in content.certifications.values():
            shown += [record.awarded, record.valid_until]
            shown += [PartialDate(record.held_on, "day")] if record.held_on else []
        if record in content.press_releases.values():
            shown.append(PartialDate(record.date, "day"))
        for value in shown:
            if value is None:
                continue
            written = (
                value.isoformat()
                if isinstance(value, PartialDate)
                else (value.value.isoformat() if value.has_day else value.value.isoformat()[:7])
            )
            assert written in stated, f"{record.path}: {written} is in none of its sources"


def test_every_amount_shown_is_stated_in_a_cited_source(content, seeds):
    for initiative in content.initiatives.values():
        stated = set().union(*(stated_amounts(t) for t in cited(initiative, seeds)))
        amounts = [line.amount for line in initiative.funding]
        if initiative.total_eligible_cost is not None:
            amounts.append(initiative.total_eligible_cost)
        for amount in amounts:
            assert amount in stated, f"{initiative.path}: {amount} kr. is in none of its sources"


def test_no_address_email_or_phone_of_the_site_organisation_is_invented(content, seeds):
    site = content.site
    every_text = "\n".join(seeds.values())
    for lang in content.languages:
        assert site.text(lang).address is None
    assert site.phone is None
    # The only email is a placeholder on the site's own reserved .example domain (RFC 2606).
    domain = site.base_url.split("//", 1)[1].strip("/")
    assert site.email is None or (
        site.email.endswith("@" + domain.removeprefix("www.")) and domain.endswith(".example")
    )
    for org in content.organisations.values():
        assert org.website is None or org.website in every_text, org.path
        for city in org.text("da").offices:
            name = org.text("da").name
            assert any(
                name in t and re.search(rf"kontorer i [^.]*{city}", t) for t in cited(org, seeds)
            ), (org.path, city)
        if org.member_count is not None:
            assert any(
                f"{org.text('da').name}" in t and f"{org.member_count} medlemmer" in t
                for t in cited(org, seeds)
            ), org.path


def test_contact_details_and_employers_are_stated_next_to_the_person(content, seeds):
    for person in content.people.values():
        lines = [line for text in cited(person, seeds) for line in text.splitlines()]
        named = [i for i, line in enumerate(lines) if person.name in line]
        assert named, f"{person.path}: no cited source names {person.name}"
        near = "\n".join("\n".join(lines[i : i + 12]) for i in named)
        if person.email:
            assert person.email in near, person.path
        if person.phone:
            digits = person.phone.removeprefix("+45")
            assert digits in re.sub(r"\s", "", near), person.path
        if person.organisation:
            employer = content.organisations[person.organisation].text("da").name
            assert any(person.name in line and employer in line for line in lines), person.path
        assert person.text("da").role.split(",")[0].lower() in near.lower(), person.path


def test_contacts_are_assigned_only_where_a_source_names_them(content, seeds):
    holders = [
        *content.initiatives.values(),
        *content.press_releases.values(),
        *content.organisations.values(),
    ]
    for record in holders:
        for person_id in record.contacts:
            name = content.people[person_id].name
            assert any(name in t for t in cited(record, seeds)), (record.path, name)


# --- what the issue found invented ------------------------------------------------------------


def test_the_partnership_is_a_proposal_without_dates(content):
    partnership = content.initiatives["region-syddanmark-partnership"]
    assert partnership.status == "proposed"
    assert partnership.start is None and partnership.end is None
    assert partnership.total_eligible_cost is None
    assert [(line.fund.code, line.amount, line.proposed) for line in partnership.funding] == [
        ("region-syddanmark", 3_000_000, True)
    ]
    assert not partnership.contacts
    assert [(d.by, d.due.isoformat() if d.due else None) for d in partnership.decisions] == [
        (("region-syddanmark",), None),
        (("danmarks-erhvervsfremmebestyrelse", "uddannelses-og-forskningsministeriet"), "2020-Q3"),
    ]


def test_the_partnership_prose_is_not_copied_from_its_source(content, seeds):
    """No run of eight words of the Danish text is taken over from the decision proposal."""
    source = seeds["region-syddanmark-bilag-1.txt"]

    def words(text: str) -> list[str]:
        return re.findall(r"[\wæøå]+", text.lower())

    runs = {tuple(w[i : i + 8]) for w in [words(source)] for i in range(len(w) - 7)}
    text = content.initiatives["region-syddanmark-partnership"].text("da")
    prose = " ".join([text.summary, *text.aims, *text.results, text.body])
    mine = words(prose)
    copied = [
        " ".join(mine[i : i + 8]) for i in range(len(mine) - 7) if tuple(mine[i : i + 8]) in runs
    ]
    assert copied == []


def test_gold_labels_say_only_that_they_were_held_on_the_release_date(content):
    release = content.press_releases["2019-06-19-eu-gold-label"]
    for cert_id in (
        "welfare-tech-gold-label",
        "biopeople-gold-label",
        "medicon-valley-alliance-gold-label",
    ):
        cert = content.certifications[cert_id]
        assert cert.awarded is None and cert.valid_until is None
        assert (cert.held_on, cert.stated_in) == (release.date, release.id)
    assert content.certifications["welfare-tech-gold-label"].times_awarded == 3
    assert (
        content.certifications["region-syddanmark-reference-site"].awarded.isoformat() == "2016-12"
    )


def test_the_2019_release_is_welfare_techs(content):
    release = content.press_releases["2019-06-19-eu-gold-label"]
    assert release.issued_by == "welfare-tech"
    assert content.boilerplate(release, "da")[0] == "Welfare Tech"
    assert release.contacts == ("christian-graversen", "mette-thiel")
    assert all(q.speaker == "christian-graversen" for q in release.quotes)


# --- the facts the sources do state are carried exactly ---------------------------------------


def test_sund_vaegt_figures(content):
    sund = content.initiatives["sund-vaegt"]
    assert (sund.start.isoformat(), sund.end.isoformat()) == ("2021-11-23", "2023-12-31")
    assert sund.total_eligible_cost == 92_524_800
    assert sund.eu_amount == 76_580_181
    assert [line.fund.code for line in sund.funding] == ["erdf"]
    assert sund.funding[0].fund.label("da") == "Regionalfonden"
    assert [r.code for r in sund.regions] == ["hovedstaden"]
    assert content.organisations[sund.beneficiary].text("da").name == "Danish Life Science Cluster"
    assert sund.is_eu_funded and sund.status == "completed"


def test_national_cluster_programme_figures(content):
    cluster = content.initiatives["klyngeindsats-life-science"]
    assert (cluster.start.value, cluster.end.value) == (date(2020, 5, 26), date(2022, 12, 31))
    assert cluster.total_eligible_cost == 25_899_781
    assert [(line.fund.code, line.amount) for line in cluster.funding] == [
        ("decentral", 13_000_000)
    ]
    assert not cluster.is_eu_funded
    assert {r.label("da") for r in cluster.regions} == {
        "Nordjylland",
        "Midtjylland",
        "Sydjylland",
        "Fyn",
        "Hovedstaden",
        "Sjælland",
        "Bornholm",
    }


def test_contact_people(content):
    ceo = content.people["christian-graversen"]
    assert (ceo.phone, ceo.email, ceo.organisation) == (
        "+4521288419",
        "cgra@welfaretech.dk",
        "welfare-tech",
    )
    assert content.people["mette-thiel"].phone == "+4520585138"
    anne = content.people["anne-bach-stisen"]
    assert anne.phone == "+4520598951" and anne.text("da").role == "Enhedschef"
    assert anne.organisation is None
    assert "anne-bach-stisen" in content.organisations["syddansk-ecosystem"].contacts


def test_welfare_tech_leads_danish_healthtech(content):
    welfare = content.organisations["welfare-tech"]
    assert ("leads", "danish-healthtech") in {(r.type, r.organisation) for r in welfare.relations}
    assert welfare.member_count == 200
    assert welfare.text("da").offices == ("Odense", "København")
