"""The bundled content carries the facts of the source documents exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from generator.model import load_content

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content", NOW)


def test_sund_vaegt_figures(content):
    sund = content.initiatives["sund-vaegt"]
    assert (sund.start, sund.end) == (date(2021, 11, 23), date(2023, 12, 31))
    assert sund.total_eligible_cost == 92_524_800
    assert sund.eu_amount == 76_580_181
    assert [line.fund.code for line in sund.funding] == ["erdf"]
    assert sund.funding[0].fund.label("da") == "Regionalfonden"
    assert [r.code for r in sund.regions] == ["hovedstaden"]
    assert sund.focus_area.label("da") == "Innovation"
    assert content.organisations[sund.beneficiary].text("da").name == "Danish Life Science Cluster"
    assert sund.is_eu_funded and sund.status == "completed"


def test_national_cluster_programme_figures(content):
    cluster = content.initiatives["klyngeindsats-life-science"]
    assert (cluster.start, cluster.end) == (date(2020, 5, 26), date(2022, 12, 31))
    assert cluster.total_eligible_cost == 25_899_781
    assert [(line.fund.code, line.amount) for line in cluster.funding] == [
        ("decentral", 13_000_000)]
    assert not cluster.is_eu_funded
    assert {r.label("da") for r in cluster.regions} == {
        "Nordjylland", "Midtjylland", "Sydjylland", "Fyn", "Hovedstaden", "Sjælland", "Bornholm"}


def test_region_syddanmark_partnership_budget(content):
    partnership = content.initiatives["region-syddanmark-partnership"]
    assert sum(line.amount for line in partnership.funding) == 3_000_000
    assert "anne-bach-stisen" in partnership.contacts


def test_gold_label_release_and_certifications(content):
    release = content.press_releases["2019-06-19-eu-gold-label"]
    assert release.date == date(2019, 6, 19)
    assert release.contacts == ("christian-graversen", "mette-thiel")
    assert all(q.speaker == "christian-graversen" for q in release.quotes)
    label = content.certifications["welfare-tech-gold-label"]
    assert label.holder == "welfare-tech" and label.times_awarded == 3
    assert (label.valid_until.value.year - label.awarded.value.year) == 3
    assert content.certifications["region-syddanmark-reference-site"].awarded.value == date(
        2016, 12, 1)
    assert {c.holder for c in content.certifications.values()} >= {
        "welfare-tech", "biopeople", "medicon-valley-alliance", "region-syddanmark"}


def test_contact_people(content):
    ceo = content.people["christian-graversen"]
    assert (ceo.phone, ceo.email) == ("+4521288419", "cgra@welfaretech.dk")
    assert content.people["mette-thiel"].phone == "+4520585138"
    anne = content.people["anne-bach-stisen"]
    assert anne.phone == "+4520598951" and anne.text("da").role == "Enhedschef"


def test_welfare_tech_leads_danish_healthtech(content):
    welfare = content.organisations["welfare-tech"]
    assert ("leads", "danish-healthtech") in {(r.type, r.organisation) for r in welfare.relations}
    assert welfare.member_count == 200
