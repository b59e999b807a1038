"""vCards: one per person and language, readable by a vCard parser, Danish letters intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import vobject

from generator.clock import build_now
from generator.content.model import load_content
from generator.newsroom.vcards import vcard, vcard_downloads
from generator.site.urls import build_url_map

FIXTURE = Path(__file__).parent / "fixtures" / "newsroom" / "content"
NOW = "2026-11-25T12:00:00+00:00"


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = tmp_path_factory.mktemp("vcards") / "content"
    shutil.copytree(FIXTURE, root)
    return load_content(root, build_now(NOW))


@pytest.fixture(scope="module")
def urls(content):
    return build_url_map(content)


def vcard_files(content, urls, lang: str) -> dict[str, bytes]:
    """The vCards as the build writes them, by path relative to the language root."""
    return {d.path: d.make() for d in vcard_downloads(content, urls, lang)}


def test_every_person_has_a_vcard_in_the_contacts_section(content, urls):
    assert sorted(vcard_files(content, urls, "da")) == [
        "kontakt/jens-hansen.vcf",
        "kontakt/mette-lund.vcf",
        "kontakt/soeren-aakjaer.vcf",
    ]
    assert sorted(vcard_files(content, urls, "en")) == [
        "contact/jens-hansen.vcf",
        "contact/mette-lund.vcf",
        "contact/soeren-aakjaer.vcf",
    ]


def test_vcard_parses_back_with_name_phone_email_and_danish_letters(content):
    data = vcard(content.people["soeren-aakjaer"], content, "da")
    card = vobject.readOne(data.decode("utf-8"))
    assert card.version.value == "3.0"
    assert card.fn.value == "Søren Åkjær"
    assert card.n.value.family == "Åkjær"
    assert card.n.value.given == "Søren"
    assert card.tel.value == "+4521288419"
    assert card.tel.params["TYPE"] == ["CELL"]
    assert card.email.value == "soeren.aakjaer@klynge.example"
    assert card.org.value == ["Klyngen for Grøn Sundhed"]
    assert card.title.value == "Direktør"
    assert [line.value for line in card.contents["lang"]] == ["da", "en"]
    assert card.url.value == "https://www.klynge.example/da/"


def test_vcard_follows_the_language(content):
    card = vobject.readOne(vcard(content.people["soeren-aakjaer"], content, "en").decode())
    assert card.org.value == ["Cluster for Green Health"]
    assert card.title.value == "Chief Executive"
    assert card.url.value == "https://www.klynge.example/en/"


def test_vcard_is_utf8_with_crlf_line_endings(content):
    data = vcard(content.people["mette-lund"], content, "da")
    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert data.endswith(b"END:VCARD\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    card = vobject.readOne(data.decode("utf-8"))
    # A comma in a role is escaped in the file and comes back whole.
    assert card.title.value == "Kommunikationschef, pressekontakt"


def test_person_without_phone_or_email_has_neither(content):
    card = vobject.readOne(vcard(content.people["jens-hansen"], content, "da").decode())
    assert "tel" not in card.contents
    assert "email" not in card.contents
    assert card.org.value == ["Region Øst"]


def test_vcards_are_deterministic(content, urls):
    assert vcard_files(content, urls, "da") == vcard_files(content, urls, "da")
