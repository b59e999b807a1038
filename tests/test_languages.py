"""The language table (generator/languages.yaml): its contents, and how a broken one is reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator import languages
from generator.languages import LanguageTableError

TABLE = yaml.safe_load(languages.TABLE.read_text(encoding="utf-8"))


def test_the_table_lists_danish_english_and_german():
    table = languages.table()
    assert table.codes == ("da", "en", "de")
    assert table["de"].locale == "de_DE"
    assert table["de"].sections["events"] == "veranstaltungen"
    assert table["da"].sections["events"] == "arrangementer"
    assert table["en"].sections["events"] == "events"
    assert languages.name("de", "da") == "tysk"
    assert languages.name("da", "en") == "Danish"


def test_the_eu_statement_is_the_regulation_wording():
    assert languages.language("da").eu_statement == "Medfinansieret af Den Europæiske Union"
    assert languages.language("en").eu_statement == "Co-funded by the European Union"
    assert languages.language("de").eu_statement == "Kofinanziert von der Europäischen Union"


def test_german_number_patterns_come_from_babel():
    de = languages.language("de")
    assert (de.amount_pattern, de.amount_code_pattern) == ("#,##0\xa0¤", "#,##0\xa0¤¤")
    assert de.percent_pattern == "#,##0.0\xa0%"


def test_slug_letters_cover_danish_and_german():
    letters = dict(languages.table().slug_letters)
    assert [letters[c] for c in "æøåäöüß"] == ["ae", "oe", "aa", "ae", "oe", "ue", "ss"]


def _broken(tmp_path: Path, change) -> str:
    data = yaml.safe_load(languages.TABLE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "languages.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LanguageTableError) as caught:
        languages.table(path)
    return str(caught.value).replace(str(path), "languages.yaml")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["languages"][2].update(locale="xx_YY"),
            "languages.yaml: languages[2] (de): locale: 'xx_YY' is not a locale Babel knows; "
            "write e.g. de_DE",
        ),
        (
            lambda d: d["languages"][2]["sections"].pop("press"),
            "languages.yaml: language 'de': sections: press must be given in every language "
            "or in none",
        ),
        (
            lambda d: d["languages"][0]["names"].pop("de"),
            "languages.yaml: language 'da': names: its name in de is missing",
        ),
        (
            lambda d: d["languages"][1].pop("eu_statement"),
            "languages.yaml: languages[1] (en): eu_statement: missing or not a text",
        ),
        (
            lambda d: d["languages"].append(dict(d["languages"][0])),
            "languages.yaml: language 'da' is listed twice",
        ),
        (
            lambda d: d["languages"][0].update(code="DA"),
            "languages.yaml: languages[0]: code: expected a lower-case language code such as de",
        ),
        (
            lambda d: d["languages"][0].update(formats={"money": "#"}),
            "languages.yaml: languages[0] (da): formats: only amount, amount_code, percent may "
            "be set",
        ),
    ],
)
def test_a_broken_table_is_reported_with_where_and_what(tmp_path, change, message):
    assert _broken(tmp_path, change) == message


def test_an_unreadable_table_is_reported(tmp_path):
    path = tmp_path / "languages.yaml"
    path.write_text("languages: [", encoding="utf-8")
    with pytest.raises(LanguageTableError, match=re.escape(f"{path}: cannot be read")):
        languages.table(path)


def test_assumed_languages_must_be_in_the_table(tmp_path):
    message = _broken(tmp_path, lambda d: d.update(assumed_languages=["da", "fr"]))
    assert message == (
        "languages.yaml: assumed_languages: expected a list of codes of the table, e.g. [da, en]"
    )


def test_in_language_falls_back_in_order_then_to_the_first_text():
    texts = {"da": "Grøn", "en": "Green"}
    assert languages.in_language(texts, "en") == "Green"
    assert languages.in_language(texts, "de") == "Grøn"
    assert languages.in_language(texts, "de", ("en", "da")) == "Green"
    assert languages.shown_language(texts, "de", ("fr",)) == "da"
    assert languages.in_language({}, "de") is None


def test_make_slug_spells_out_danish_and_german_letters():
    assert languages.make_slug("Sund Vægt på Ærø") == "sund-vaegt-paa-aeroe"
    assert languages.make_slug("Grüner Wandel für Straße") == "gruener-wandel-fuer-strasse"
