"""validate.py: every problem in the content, with the exact message an editor reads."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from generator.content import schema as s
from generator.content.model import load_content
from generator.content.validate import PartialDate, validate_content
from generator.errors import ContentError, ContentInvalid

TRILINGUAL = Path(__file__).resolve().parent / "fixtures" / "trilingual" / "content"

INITIATIVE = "initiatives/groen-omstilling.yaml"
PRESS = "press/2024-03-01-eu-stoette.yaml"
ORGANISATION = "organisations/klynge.yaml"
PERSON = "people/mette-lund.yaml"
CERTIFICATION = "certifications/guld.yaml"
NOW = datetime(2025, 1, 1, tzinfo=UTC)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in one file of the content tree."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[str]:
    """Every error line for the content tree, as `build.py check` prints them."""
    try:
        validate_content(root)
    except ContentInvalid as exc:
        return [str(e) for e in exc.errors]
    return []


def test_minimal_fixture_is_valid_and_loads(minimal_content):
    content = load_content(minimal_content, NOW)
    assert content.counts() == {
        "initiatives": 1,
        "press releases": 1,
        "certifications": 1,
        "organisations": 1,
        "people": 1,
        "events": 0,
        "pages": 1,
    }
    release = content.press_releases["2024-03-01-eu-stoette"]
    assert release.embargo == datetime.fromisoformat("2024-03-01T08:00:00+01:00")
    initiative = content.initiatives["groen-omstilling"]
    assert (initiative.start.value, initiative.total_eligible_cost, initiative.eu_amount) == (
        date(2021, 11, 23),
        92524800,
        40000000,
    )
    assert content.people["mette-lund"].phone == "+4521288419"
    assert content.certifications["guld"].awarded == PartialDate(date(2023, 6, 1), "month")


def test_bundled_content_is_valid(repo_root):
    validate_content(repo_root / "content")


# One broken thing per case: (file, text to replace, replacement, the exact error lines).
CASES = {
    "unknown key with a suggestion": (
        INITIATIVE,
        "total_eligible_cost:",
        "total_eligble_cost:",
        [
            (
                "content/initiatives/groen-omstilling.yaml:3: total_eligble_cost: unknown key; did "
                "you mean 'total_eligible_cost'?"
            )
        ],
    ),
    "unknown text key with a suggestion": (
        INITIATIVE,
        "  summary: Virk",
        "  sumary: Virk",
        [
            (
                "content/initiatives/groen-omstilling.yaml:16: da.sumary: unknown key; did you "
                "mean 'summary'?"
            )
        ],
    ),
    "unknown key without a suggestion": (
        PERSON,
        "press_contact: true",
        "press_contact: true\nfavourite_colour: green",
        [
            # the person's facts as schema.py lists them (name, organisation, ...), then da, en
            (
                "content/people/mette-lund.yaml:6: favourite_colour: unknown key; allowed keys "
                f"here: {', '.join(f.name for f in s.PERSON.shape.facts)}, da, en"
            )
        ],
    ),
    "text written as a fact": (
        ORGANISATION,
        "kind: cluster",
        "kind: cluster\nname: Klyngen",
        [
            (
                "content/organisations/klynge.yaml:2: name: unknown key; 'name' is text: write it "
                "under each language (da:, en:)"
            )
        ],
    ),
    "fact written as text": (
        ORGANISATION,
        "  slug: klyngen",
        "  slug: klyngen\n  website: https://x.example/",
        [
            (
                "content/organisations/klynge.yaml:7: da.website: unknown key; 'website' is "
                "written once, outside da: and en:"
            )
        ],
    ),
    "misspelt text written as a fact": (
        CERTIFICATION,
        "holder: klynge",
        "holder: klynge\ndescripton: x",
        [
            (
                "content/certifications/guld.yaml:2: descripton: unknown key; did you mean "
                "'description'? It is text: write it under each language (da:, en:)"
            )
        ],
    ),
    "misspelt language": (
        PERSON,
        "en:\n  role:",
        "eng:\n  role:",
        ["content/people/mette-lund.yaml:8: eng: unknown key; did you mean 'en'?"],
    ),
    "missing required field": (
        INITIATIVE,
        "focus_area: innovation\n",
        "",
        [
            (
                "content/initiatives/groen-omstilling.yaml:1: file: required field 'focus_area' is "
                "missing; add focus_area: — focus area (a code from taxonomies.yaml)"
            )
        ],
    ),
    "missing required field with an example": (
        INITIATIVE,
        "start: 2021-11-23\n",
        "",
        [
            (
                "content/initiatives/groen-omstilling.yaml:1: file: required field 'start' is "
                "missing; add start: 2021-11-23 — first day of the initiative; or write status: "
                "proposed, approved or cancelled when the sources give no dates"
            )
        ],
    ),
    "missing required text": (
        ORGANISATION,
        "  description: Cluster organisation for green health.\n",
        "",
        [
            (
                "content/organisations/klynge.yaml:8: en: required field 'description' is missing; "
                "add description: — what the organisation does"
            )
        ],
    ),
    "empty required field": (
        PERSON,
        "name: Mette Lund",
        "name:",
        ["content/people/mette-lund.yaml:1: name: required field is empty; add name: — full name"],
    ),
    "list instead of text": (
        ORGANISATION,
        "  name: Klyngen",
        "  name: [Klyngen]",
        [
            (
                "content/organisations/klynge.yaml:5: da.name: expected text, got a list; write "
                "one value after name: on the same line"
            )
        ],
    ),
    "text instead of list": (
        INITIATIVE,
        "regions: [fyn]",
        "regions: fyn",
        [
            (
                "content/initiatives/groen-omstilling.yaml:9: regions: expected a list, got 'fyn'; "
                "write one item per line, each starting with '- '"
            )
        ],
    ),
    "text instead of keys": (
        PERSON,
        "  role: Pressechef",
        "  Pressechef",
        [
            (
                "content/people/mette-lund.yaml:6: da: expected the Danish texts as keys and "
                "values, got 'Pressechef'; indent the texts under da:"
            )
        ],
    ),
    "empty list item": (
        INITIATIVE,
        "regions: [fyn]",
        "regions:\n  -\n  - fyn",
        [
            (
                "content/initiatives/groen-omstilling.yaml:10: regions[0]: list item is empty; "
                "fill it in, or delete the line"
            )
        ],
    ),
    "multi-line text": (
        PERSON,
        "  role: Pressechef",
        "  role: |\n    Presse\n    chef",
        [
            (
                "content/people/mette-lund.yaml:7: da.role: text must be on one line; join the "
                "lines, or use a field that allows paragraphs"
            )
        ],
    ),
    "date day first": (
        INITIATIVE,
        "start: 2021-11-23",
        "start: 23.11.2021",
        [
            (
                "content/initiatives/groen-omstilling.yaml:1: start: '23.11.2021' is not a date; "
                "write 2021-11-23"
            )
        ],
    ),
    "date with slashes": (
        INITIATIVE,
        "start: 2021-11-23",
        "start: 2021/11/23",
        [
            (
                "content/initiatives/groen-omstilling.yaml:1: start: '2021/11/23' is not a date; "
                "write 2021-11-23"
            )
        ],
    ),
    "date in words": (
        PRESS,
        "date: 2024-03-01",
        "date: 1. marts 2024",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:1: date: '1. marts 2024' is not a date; "
                "write it as YYYY-MM-DD, e.g. 2019-06-19"
            )
        ],
    ),
    "impossible date": (
        INITIATIVE,
        "start: 2021-11-23",
        "start: 2021-02-30",
        [
            (
                "content/initiatives/groen-omstilling.yaml:1: start: '2021-02-30' is not a real "
                "date; check the day and the month"
            )
        ],
    ),
    "impossible date day first": (
        INITIATIVE,
        "start: 2021-11-23",
        "start: 31.02.2021",
        [
            (
                "content/initiatives/groen-omstilling.yaml:1: start: '31.02.2021' is not a real "
                "date; check the day and the month, and write the date as YYYY-MM-DD"
            )
        ],
    ),
    "implausible year": (
        CERTIFICATION,
        "awarded: 2023-06",
        "awarded: 9999-12",
        [
            (
                "content/certifications/guld.yaml:3: awarded: '9999-12' is not a plausible date; "
                "check the year (from 1900 to 2100)"
            )
        ],
    ),
    "month first": (
        CERTIFICATION,
        "awarded: 2023-06",
        "awarded: 06.2023",
        [
            (
                "content/certifications/guld.yaml:3: awarded: '06.2023' is not a date; write "
                "2023-06, or the full date as YYYY-MM-DD"
            )
        ],
    ),
    "end before start": (
        INITIATIVE,
        "end: 2023-12-31",
        "end: 2020-12-31",
        [
            (
                "content/initiatives/groen-omstilling.yaml:2: end: 2020-12-31 is before the start "
                "date 2021-11-23; check both dates"
            )
        ],
    ),
    "valid until before awarded": (
        CERTIFICATION,
        "valid_until: 2026-06",
        "valid_until: 2020-06",
        [
            (
                "content/certifications/guld.yaml:4: valid_until: 2020-06-30 is before the date it "
                "was awarded (2023-06-01); check both dates"
            )
        ],
    ),
    "embargo in winter with the summer offset": (
        PRESS,
        "embargo: 2024-03-01T08:00:00+01:00",
        "embargo: 2026-12-10T08:00:00+02:00",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:3: embargo: '2026-12-10T08:00:00+02:00' "
                "has the wrong offset for Danish time; +02:00 is summer time, but on 2026-12-10 "
                "Danish time is +01:00: write 2026-12-10T08:00:00+01:00, or leave the offset out"
            )
        ],
    ),
    "embargo in summer with the winter offset": (
        PRESS,
        "embargo: 2024-03-01T08:00:00+01:00",
        "embargo: 2026-06-19T08:00+01:00",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:3: embargo: '2026-06-19T08:00+01:00' "
                "has the wrong offset for Danish time; +01:00 is winter time, but on 2026-06-19 "
                "Danish time is +02:00: write 2026-06-19T08:00:00+02:00, or leave the offset out"
            )
        ],
    ),
    "embargo in UTC": (
        PRESS,
        "embargo: 2024-03-01T08:00:00+01:00",
        "embargo: 2026-12-10T07:00:00Z",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:3: embargo: '2026-12-10T07:00:00Z' has "
                "the wrong offset for Danish time; on 2026-12-10 Danish time is +01:00: write "
                "2026-12-10T08:00:00+01:00 (the same moment), or leave the offset out"
            )
        ],
    ),
    "embargo in the hour skipped in spring": (
        PRESS,
        "embargo: 2024-03-01T08:00:00+01:00",
        "embargo: 2026-03-29 02:30",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:3: embargo: '2026-03-29 02:30' does "
                "not exist in Danish time: that night the clocks go from 02:00 straight to 03:00; "
                "write 2026-03-29T01:30:00+01:00 or 2026-03-29T03:30:00+02:00"
            )
        ],
    ),
    "embargo in the hour repeated in autumn": (
        PRESS,
        "embargo: 2024-03-01T08:00:00+01:00",
        "embargo: 2026-10-25T02:30:00",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:3: embargo: '2026-10-25T02:30:00' "
                "happens twice in Danish time: that night the clocks go back from 03:00 to "
                "02:00; write 2026-10-25T02:30:00+02:00 (summer time) or "
                "2026-10-25T02:30:00+01:00 (winter time)"
            )
        ],
    ),
    "embargo without time": (
        PRESS,
        "embargo: 2024-03-01T08:00:00+01:00",
        "embargo: 2024-03-01",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:3: embargo: '2024-03-01' has no time; "
                "write the date and the time, e.g. 2026-12-10 08:00"
            )
        ],
    ),
    "embargo not a moment": (
        PRESS,
        "embargo: 2024-03-01T08:00:00+01:00",
        "embargo: tomorrow",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:3: embargo: 'tomorrow' is not a date and "
                "time; write it as 2026-12-10 08:00"
            )
        ],
    ),
    "time zone misspelt": (
        "site.yaml",
        "email: kontakt@klynge.example\n",
        "email: kontakt@klynge.example\ntimezone: Europe/Copenhagn\n",
        [
            (
                "content/site.yaml:9: timezone: 'Europe/Copenhagn' is not a time zone; did you "
                "mean 'Europe/Copenhagen'?"
            )
        ],
    ),
    "time zone unknown": (
        "site.yaml",
        "email: kontakt@klynge.example\n",
        "email: kontakt@klynge.example\ntimezone: Mars/Olympus_Mons\n",
        [
            (
                "content/site.yaml:9: timezone: 'Mars/Olympus_Mons' is not a time zone; write a "
                "time zone name from the IANA database, e.g. Europe/Copenhagen"
            )
        ],
    ),
    "time out of range": (
        PRESS,
        'time: "10:00"',
        "time: 25:00",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:2: time: '25:00' is not a time; write it "
                'as "10:00" (in quotes)'
            )
        ],
    ),
    "amount with thousands dots (YAML reads text)": (
        INITIATIVE,
        "total_eligible_cost: 92524800",
        "total_eligible_cost: 92.524.800",
        [
            (
                "content/initiatives/groen-omstilling.yaml:3: total_eligible_cost: '92.524.800' is "
                "not a whole number of kroner; write 92524800"
            )
        ],
    ),
    "amount with one thousands dot (YAML reads a float)": (
        INITIATIVE,
        "total_eligible_cost: 92524800",
        "total_eligible_cost: 92.524",
        [
            (
                "content/initiatives/groen-omstilling.yaml:3: total_eligible_cost: '92.524' is not "
                "a whole number of kroner; write 92524"
            )
        ],
    ),
    "amount with spaces and kr.": (
        INITIATIVE,
        "amount: 40000000",
        "amount: 40 000 000 kr.",
        [
            (
                "content/initiatives/groen-omstilling.yaml:6: funding[0].amount: '40 000 000 kr.' "
                "is not a whole number of kroner; write 40000000"
            )
        ],
    ),
    "amount with øre": (
        INITIATIVE,
        "amount: 40000000",
        "amount: 40000000.50",
        [
            (
                "content/initiatives/groen-omstilling.yaml:6: funding[0].amount: '40000000.50' is "
                "not a whole number of kroner; write the amount in whole kroner with digits only, "
                "e.g. 92524800"
            )
        ],
    ),
    "amount in millions": (
        INITIATIVE,
        "amount: 40000000",
        "amount: 40 mio.",
        [
            (
                "content/initiatives/groen-omstilling.yaml:6: funding[0].amount: '40 mio.' is not "
                "a whole number of kroner; write the amount in whole kroner with digits only, e.g. "
                "92524800"
            )
        ],
    ),
    "negative amount": (
        INITIATIVE,
        "amount: 40000000",
        "amount: -5",
        [
            (
                "content/initiatives/groen-omstilling.yaml:6: funding[0].amount: '-5' is a "
                "negative amount; amounts are 0 or more kroner"
            )
        ],
    ),
    "amount YAML reads as hexadecimal": (
        INITIATIVE,
        "amount: 40000000",
        "amount: 0x10",
        [
            (
                "content/initiatives/groen-omstilling.yaml:6: funding[0].amount: '0x10' is not a "
                "whole number of kroner; write the amount in whole kroner with digits only, e.g. "
                "92524800"
            )
        ],
    ),
    "absurd amount": (
        INITIATIVE,
        "amount: 40000000",
        "amount: 4.000.000.000.000.000.000",
        [
            (
                "content/initiatives/groen-omstilling.yaml:6: funding[0].amount: "
                "'4.000.000.000.000.000.000' is too large to be an amount in kroner; check the "
                "number of digits"
            )
        ],
    ),
    "EU support larger than the total": (
        INITIATIVE,
        "amount: 40000000",
        "amount: 100000000",
        [
            (
                "content/initiatives/groen-omstilling.yaml:4: funding: the EU support (100000000 "
                "kr.) is larger than the total eligible cost (92524800 kr.); check the amounts and "
                "total_eligible_cost"
            )
        ],
    ),
    "funding larger than the total": (
        INITIATIVE,
        "amount: 10000000",
        "amount: 60000000",
        [
            (
                "content/initiatives/groen-omstilling.yaml:4: funding: the funding lines add up to "
                "100000000 kr., more than the total eligible cost (92524800 kr.); check the "
                "amounts and total_eligible_cost"
            )
        ],
    ),
    "count with a thousands dot": (
        ORGANISATION,
        "kind: cluster",
        "kind: cluster\nmember_count: 1.200",
        [
            (
                "content/organisations/klynge.yaml:2: member_count: '1.200' is not a whole number; "
                "write 1200"
            )
        ],
    ),
    "decimal comma": (
        "site.yaml",
        "eur_rate: 7.46",
        "eur_rate: 7,46",
        [
            (
                "content/site.yaml:7: eur_rate: '7,46' is not a positive number; write digits with "
                "a decimal point, e.g. 7.46"
            )
        ],
    ),
    "infinite rate": (
        "site.yaml",
        "eur_rate: 7.46",
        "eur_rate: .inf",
        [
            (
                "content/site.yaml:7: eur_rate: '.inf' is not a positive number; write digits with "
                "a decimal point, e.g. 7.46"
            )
        ],
    ),
    "true in quotes": (
        PERSON,
        "press_contact: true",
        'press_contact: "true"',
        [
            (
                "content/people/mette-lund.yaml:5: press_contact: 'true' is not true or false; "
                "write true or false, without quotes"
            )
        ],
    ),
    "choice with a suggestion": (
        INITIATIVE,
        "contacts: [mette-lund]",
        "contacts: [mette-lund]\nresults_status: expectd",
        [
            (
                "content/initiatives/groen-omstilling.yaml:13: results_status: 'expectd' is not "
                "allowed; did you mean 'expected'?"
            )
        ],
    ),
    "unknown taxonomy code": (
        INITIATIVE,
        "regions: [fyn]",
        "regions: [fyen]",
        [
            (
                "content/initiatives/groen-omstilling.yaml:9: regions[0]: 'fyen' is not a code in "
                "regions; did you mean 'fyn'?"
            )
        ],
    ),
    "unknown taxonomy code without a suggestion": (
        INITIATIVE,
        "focus_area: innovation",
        "focus_area: ../../etc",
        [
            (
                "content/initiatives/groen-omstilling.yaml:10: focus_area: '../../etc' is not a "
                "code in focus_areas; use a code listed under focus_areas: in "
                "content/taxonomies.yaml"
            )
        ],
    ),
    "reference to a record that does not exist": (
        PRESS,
        "contacts: [mette-lund]",
        "contacts: [mette-lunde]",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:14: contacts[0]: there is no person with "
                "the id 'mette-lunde'; did you mean 'mette-lund'?"
            )
        ],
    ),
    "reference without a suggestion": (
        PRESS,
        "initiatives: [groen-omstilling]",
        "initiatives: [bla-bla]",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:15: initiatives[0]: there is no "
                "initiative with the id 'bla-bla'; create content/initiatives/bla-bla.yaml, or "
                "correct the id"
            )
        ],
    ),
    "path traversal in a reference": (
        INITIATIVE,
        "beneficiary: klynge",
        "beneficiary: ../../etc/passwd",
        [
            (
                "content/initiatives/groen-omstilling.yaml:11: beneficiary: '../../etc/passwd' is "
                "not a valid id; write the id of an organisation: its file name in "
                "content/organisations/ without .yaml"
            )
        ],
    ),
    "unsafe slug": (
        ORGANISATION,
        "  slug: klyngen",
        "  slug: Grøn Klynge",
        [
            (
                "content/organisations/klynge.yaml:6: da.slug: 'Grøn Klynge' is not a safe slug; "
                "use only a-z, 0-9 and -, e.g. groen-klynge"
            )
        ],
    ),
    "slug with a path": (
        ORGANISATION,
        "  slug: klyngen",
        "  slug: ../../index",
        [
            (
                "content/organisations/klynge.yaml:6: da.slug: '../../index' is not a safe slug; "
                "use only a-z, 0-9 and -, e.g. index"
            )
        ],
    ),
    "missing media file": (
        PRESS,
        "media/press/foto.jpg",
        "media/press/solnedgang.jpg",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:9: images[0].file: file "
                "'media/press/solnedgang.jpg' not found; add it as "
                "content/media/press/solnedgang.jpg, or correct the path"
            )
        ],
    ),
    "media path leaving content/": (
        PRESS,
        "media/press/foto.jpg",
        "media/../../foto.jpg",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:9: images[0].file: "
                "'media/../../foto.jpg' is outside content/media/; put the file under "
                "content/media/ and write e.g. media/press/photo.jpg"
            )
        ],
    ),
    "absolute media path": (
        PRESS,
        "media/press/foto.jpg",
        "/etc/passwd",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:9: images[0].file: '/etc/passwd' is an "
                "absolute path; write the path relative to content/, e.g. media/press/photo.jpg"
            )
        ],
    ),
    "Windows media path": (
        PRESS,
        "media/press/foto.jpg",
        "'C:\\billeder\\foto.jpg'",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:9: images[0].file: "
                "'C:\\billeder\\foto.jpg' is an absolute path; write the path relative to "
                "content/, e.g. media/press/photo.jpg"
            )
        ],
    ),
    "media path starting with content/": (
        PRESS,
        "media/press/foto.jpg",
        "content/media/press/foto.jpg",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:9: images[0].file: "
                "'content/media/press/foto.jpg' starts with content/; leave it out: write "
                "media/press/foto.jpg"
            )
        ],
    ),
    "image of the wrong type": (
        ORGANISATION,
        "logo: media/logo.png",
        "logo: media/../README.md",
        [
            (
                "content/organisations/klynge.yaml:3: logo: 'media/../README.md' is outside "
                "content/media/; put the file under content/media/ and write e.g. "
                "media/press/photo.jpg"
            )
        ],
    ),
    "malformed email": (
        PERSON,
        "ml@klynge.example",
        "ml(at)klynge.example",
        [
            (
                "content/people/mette-lund.yaml:3: email: 'ml(at)klynge.example' is not an email "
                "address; write it as name@example.dk"
            )
        ],
    ),
    "malformed phone number": (
        PERSON,
        "21 28 84 19",
        "2128 841",
        [
            (
                "content/people/mette-lund.yaml:4: phone: '2128 841' is not a phone number; write "
                "8 digits for a Danish number, e.g. 21 28 84 19, or start with + and the country "
                "code"
            )
        ],
    ),
    "web address without https://": (
        ORGANISATION,
        "https://www.klynge.example/",
        "www.klynge.example",
        [
            (
                "content/organisations/klynge.yaml:2: website: 'www.klynge.example' is not a web "
                "address; write the full address: https://www.klynge.example"
            )
        ],
    ),
    "malformed web address": (
        ORGANISATION,
        "https://www.klynge.example/",
        "http://[::1",
        [
            (
                "content/organisations/klynge.yaml:2: website: 'http://[::1' is not a web address; "
                "write the full address, starting with https://"
            )
        ],
    ),
    "script address": (
        ORGANISATION,
        "https://www.klynge.example/",
        "javascript:alert(1)",
        [
            (
                "content/organisations/klynge.yaml:2: website: 'javascript:alert(1)' is not a web "
                "address; write the full address, starting with https://"
            )
        ],
    ),
    "missing translation": (
        ORGANISATION,
        (
            "en:\n  name: The Cluster\n  slug: the-cluster\n"
            "  description: Cluster organisation for green health.\n"
        ),
        "",
        [
            (
                "content/organisations/klynge.yaml:1: file: the English text is missing (en:); add "
                "en: with name, slug, description, or write only_in: da to publish in one language "
                "only"
            )
        ],
    ),
    "missing translation of a person (no only_in)": (
        PERSON,
        "en:\n  role: Head of press\n",
        "",
        [
            (
                "content/people/mette-lund.yaml:1: file: the English text is missing (en:); add "
                "en: with role"
            )
        ],
    ),
    "missing translation of an image caption": (
        PRESS,
        "    en: {alt: A green leaf, caption: Green transition}\n",
        "",
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:9: images[0]: the English text is "
                "missing (en:); add en: with alt, caption"
            )
        ],
    ),
    "only_in while both languages are there": (
        ORGANISATION,
        "kind: cluster",
        "kind: cluster\nonly_in: en",
        [],
    ),
    "only_in other than da or en": (
        ORGANISATION,
        "kind: cluster",
        "kind: cluster\nonly_in: de",
        [
            (
                "content/organisations/klynge.yaml:2: only_in: 'de' is not a language of the site; "
                "write da or en"
            )
        ],
    ),
    "quote without a speaker": (
        PRESS,
        "  - speaker: mette-lund\n",
        ("  - da: {text: x}\n    en: {text: y}\n  - speaker: mette-lund\n"),
        [
            (
                "content/press/2024-03-01-eu-stoette.yaml:5: quotes[0]: a quote needs a speaker; "
                "add speaker: with a person's id, or name: and a role under da:/en:"
            )
        ],
    ),
    "unsupported tag": (
        PERSON,
        "name: Mette Lund",
        "name: !!binary aGVq",
        [
            (
                "content/people/mette-lund.yaml:1: name: unsupported YAML tag "
                "'tag:yaml.org,2002:binary'; remove the tag"
            )
        ],
    ),
    "duplicate key in a record": (
        PERSON,
        "  role: Pressechef",
        "  role: Pressechef\n  role: Chef",
        [
            (
                "content/people/mette-lund.yaml:8: da.role: key is written twice (first on line "
                "7); keep only one of them"
            )
        ],
    ),
    "unknown taxonomy": (
        "taxonomies.yaml",
        "funds:",
        "fonde:\n  x:\n    da: {label: x}\n    en: {label: x}\nfunds:",
        ["content/taxonomies.yaml:6: fonde: unknown key; did you mean 'funds'?"],
    ),
    "unknown taxonomy without a suggestion": (
        "taxonomies.yaml",
        "funds:",
        ("colours:\n  x:\n    da: {label: x}\n    en: {label: x}\nfunds:"),
        [
            (
                "content/taxonomies.yaml:6: colours: unknown key; allowed keys here: regions, "
                "funds, focus_areas, organisation_kinds"
            )
        ],
    ),
    "unsafe taxonomy code": (
        "taxonomies.yaml",
        "  fyn:",
        "  Fyn og øer:",
        [
            (
                "content/initiatives/groen-omstilling.yaml:9: regions[0]: 'fyn' is not a code in "
                "regions; use a code listed under regions: in content/taxonomies.yaml"
            ),
            (
                "content/taxonomies.yaml:2: regions.Fyn og øer: 'Fyn og øer' is not a safe code; "
                "use only a-z, 0-9 and -"
            ),
        ],
    ),
    "empty taxonomy": (
        "taxonomies.yaml",
        ("focus_areas:\n  innovation:\n    da: {label: Innovation}\n    en: {label: Innovation}\n"),
        "focus_areas:\n",
        [
            (
                "content/initiatives/groen-omstilling.yaml:10: focus_area: 'innovation' is not a "
                "code in focus_areas; use a code listed under focus_areas: in "
                "content/taxonomies.yaml"
            ),
            (
                "content/taxonomies.yaml:15: focus_areas: expected terms as keys and values, got "
                "nothing; write one code per line, e.g. hovedstaden:, with da: and en: labels"
            ),
        ],
    ),
    "page slug": (
        "pages/om.da.md",
        "slug: om",
        "slug: Om os",
        [
            (
                "content/pages/om.da.md:3: slug: 'Om os' is not a safe slug; use only a-z, 0-9 and "
                "-, e.g. om-os"
            )
        ],
    ),
    "page without text": (
        "pages/om.en.md",
        "The Cluster brings companies and researchers together.\n",
        "",
        [
            (
                "content/pages/om.en.md:5: body: page has no text; write the page below the front "
                "matter"
            )
        ],
    ),
    "page front matter with a syntax error": (
        "pages/om.en.md",
        "slug: about",
        "slug: about: us",
        [
            (
                "content/pages/om.en.md:3: file: YAML syntax error at column 12: a colon followed "
                'by a space is not allowed here; put text that contains ": " in quotes, e.g. '
                'title: "Nyt: EU-guld", or check that the line is indented like the keys around '
                "it"
            )
        ],
    ),
    "ongoing initiative without a start": (
        INITIATIVE,
        "start: 2021-11-23\nend: 2023-12-31\n",
        "status: ongoing\n",
        [
            (
                "content/initiatives/groen-omstilling.yaml:1: file: required field 'start' is "
                "missing; add start: 2021-11-23 — an ongoing initiative needs its start"
            )
        ],
    ),
    "unknown initiative status": (
        INITIATIVE,
        "start: 2021-11-23\n",
        "start: 2021-11-23\nstatus: planned\n",
        [
            (
                "content/initiatives/groen-omstilling.yaml:2: status: 'planned' is not allowed; "
                "write one of: proposed, approved, ongoing, completed, cancelled"
            )
        ],
    ),
    "partial date with an impossible quarter": (
        INITIATIVE,
        "start: 2021-11-23",
        "start: 2021-Q5",
        [
            (
                "content/initiatives/groen-omstilling.yaml:1: start: '2021-Q5' is not a date; "
                "write it as YYYY-MM-DD, e.g. 2021-11-23"
            )
        ],
    ),
    "certification without awarded or held_on": (
        CERTIFICATION,
        "awarded: 2023-06\nvalid_until: 2026-06\n",
        "",
        [
            (
                "content/certifications/guld.yaml:1: file: required field 'awarded' is missing; "
                "add awarded: 2019-06 — the date, month or year it was awarded; or held_on: with "
                "a date on which a source says it was held"
            )
        ],
    ),
    "held_on on the day of the release is fine, after it is not": (
        CERTIFICATION,
        "awarded: 2023-06\nvalid_until: 2026-06\n",
        "held_on: 2024-03-02\nstated_in: 2024-03-01-eu-stoette\n",
        [
            (
                "content/certifications/guld.yaml:3: held_on: 2024-03-02 is after the press "
                "release that states it (content/press/2024-03-01-eu-stoette.yaml, 2024-03-01); a "
                "release can only say what was held on or before its own date; check held_on and "
                "stated_in"
            )
        ],
    ),
    "end in the same month as a partial start is fine, a year earlier is not": (
        INITIATIVE,
        "start: 2021-11-23\nend: 2023-12-31",
        "start: 2021-11\nend: 2020",
        [
            (
                "content/initiatives/groen-omstilling.yaml:2: end: 2020 is before the start "
                "2021-11; check both dates"
            )
        ],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_message(minimal_content, case):
    rel, old, new, expected = CASES[case]
    edit(minimal_content, rel, old, new)
    assert problems(minimal_content) == expected


# --- not errors --------------------------------------------------------------------------------


def test_html_in_text_is_not_an_error(minimal_content):
    edit(minimal_content, ORGANISATION, "  name: Klyngen", "  name: <script>alert(1)</script>")
    edit(
        minimal_content,
        PRESS,
        "  body: Klyngen får",
        "  body: <img src=x onerror=alert(1)> Klyngen får",
    )
    checked = validate_content(minimal_content)
    assert (
        checked.records["organisation"]["klynge"].texts["da"]["name"] == "<script>alert(1)</script>"
    )


def test_only_in_allows_one_language(minimal_content):
    edit(
        minimal_content,
        ORGANISATION,
        "en:\n  name: The Cluster\n  slug: the-cluster\n"
        "  description: Cluster organisation for green health.\n",
        "",
    )
    edit(minimal_content, ORGANISATION, "kind: cluster", "kind: cluster\nonly_in: da")
    content = load_content(minimal_content, NOW)
    klynge = content.organisations["klynge"]
    assert klynge.is_fallback("en")
    assert klynge.text("en").name == "Klyngen"


def test_only_in_still_needs_that_language(minimal_content):
    edit(
        minimal_content,
        ORGANISATION,
        "da:\n  name: Klyngen\n  slug: klyngen\n"
        "  description: Klyngeorganisation for grøn sundhed.\n",
        "",
    )
    edit(minimal_content, ORGANISATION, "kind: cluster", "kind: cluster\nonly_in: da")
    assert problems(minimal_content) == [
        (
            "content/organisations/klynge.yaml:1: file: the Danish text is missing (da:); add da: "
            "with name, slug, description"
        )
    ]


def test_digits_are_read_as_decimal(minimal_content):
    edit(minimal_content, INITIATIVE, "amount: 10000000", "amount: 010")
    assert (
        validate_content(minimal_content)
        .records["initiative"]["groen-omstilling"]
        .facts["funding"][1]["facts"]["amount"]
        == 10
    )  # YAML alone would read 010 as 8


# --- checks across files -----------------------------------------------------------------------


def test_duplicate_id(minimal_content):
    (minimal_content / "people" / "mette-lund.yml").write_bytes(
        (minimal_content / PERSON).read_bytes()
    )
    assert problems(minimal_content) == [
        (
            "content/people/mette-lund.yml:1: file: the id 'mette-lund' is also used by "
            "content/people/mette-lund.yaml; rename or delete one of the two files"
        )
    ]


def test_duplicate_slug_within_a_language(minimal_content):
    (minimal_content / "organisations" / "anden.yaml").write_text(
        "kind: cluster\nda:\n  name: Anden\n  slug: klyngen\n  description: x\nen:\n"
        "  name: Other\n  slug: other\n  description: y\n",
        encoding="utf-8",
    )
    assert problems(minimal_content) == [
        (
            "content/organisations/klynge.yaml:6: da.slug: slug 'klyngen' is already used by "
            "content/organisations/anden.yaml:4; choose another slug"
        )
    ]


def test_same_slug_in_two_languages_is_fine(minimal_content):
    edit(minimal_content, ORGANISATION, "slug: the-cluster", "slug: klyngen")
    assert problems(minimal_content) == []


def test_duplicate_page_slug(minimal_content):
    (minimal_content / "pages" / "kontakt.da.md").write_text(
        "---\ntitle: Kontakt\nslug: om\n---\nSkriv til os.\n", encoding="utf-8"
    )
    (minimal_content / "pages" / "kontakt.en.md").write_text(
        "---\ntitle: Contact\nslug: contact\n---\nWrite to us.\n", encoding="utf-8"
    )
    assert problems(minimal_content) == [
        (
            "content/pages/om.da.md:3: slug: slug 'om' is already used by "
            "content/pages/kontakt.da.md:3; choose another slug"
        )
    ]


def test_missing_page_translation(minimal_content):
    (minimal_content / "pages" / "om.en.md").unlink()
    assert problems(minimal_content) == [
        (
            "content/pages/om.da.md:1: file: the English version is missing; add "
            "content/pages/om.en.md"
        )
    ]


def test_a_broken_file_is_not_reported_again_by_references_to_it(minimal_content):
    edit(minimal_content, ORGANISATION, "  name: Klyngen", "  name: Klyngen: grøn")
    assert [line.split(";")[0] for line in problems(minimal_content)] == [
        (
            "content/organisations/klynge.yaml:5: file: YAML syntax error at column 16: a colon "
            "followed by a space is not allowed here"
        )
    ]


def test_codes_are_not_checked_when_taxonomies_cannot_be_read(minimal_content):
    edit(minimal_content, "taxonomies.yaml", "regions:", "regions:\n\tbad")
    assert problems(minimal_content) == [
        (
            "content/taxonomies.yaml:2: file: line is indented with a tab; indent with spaces, not "
            "tabs"
        )
    ]


def test_missing_required_files(minimal_content):
    (minimal_content / "site.yaml").unlink()
    (minimal_content / "taxonomies.yaml").unlink()
    assert problems(minimal_content)[:2] == [
        "content/site.yaml:1: file: file is missing; create content/site.yaml; see docs/fields.md",
        (
            "content/taxonomies.yaml:1: file: file is missing; create content/taxonomies.yaml; see "
            "docs/fields.md"
        ),
    ]


def test_unexpected_files_and_folders(minimal_content):
    (minimal_content / "nyheder").mkdir()
    (minimal_content / "site.yml").write_text("x: 1\n", encoding="utf-8")
    (minimal_content / "people" / "noter.txt").write_text("x\n", encoding="utf-8")
    (minimal_content / "people" / "arkiv").mkdir()
    (minimal_content / "people" / ".DS_Store").write_bytes(b"\0")  # hidden files are ignored
    assert problems(minimal_content) == [
        (
            "content/nyheder:1: file: unexpected file or folder; content/ holds site.yaml, "
            "taxonomies.yaml and the folders certifications, events, initiatives, media, "
            "organisations, pages, people, press"
        ),
        (
            "content/people/arkiv:1: file: unexpected folder; put the files directly in "
            "content/people/"
        ),
        (
            "content/people/noter.txt:1: file: not a .yaml or .yml file; content/people/ holds "
            "only .yaml files"
        ),
        "content/site.yml:1: file: unexpected file or folder; did you mean 'site.yaml'?",
    ]


def test_a_folder_that_is_a_file(minimal_content):
    shutil.rmtree(minimal_content / "media")
    (minimal_content / "media").write_text("x\n", encoding="utf-8")
    assert (
        "content/media:1: file: expected a folder, found a file; make content/media a folder"
    ) in problems(minimal_content)


def test_unsafe_file_name(minimal_content):
    (minimal_content / PERSON).rename(minimal_content / "people" / "Mette Lund.yaml")
    assert problems(minimal_content) == [
        (
            "content/initiatives/groen-omstilling.yaml:12: contacts[0]: there is no person with "
            "the id 'mette-lund'; create content/people/mette-lund.yaml, or correct the id"
        ),
        (
            "content/people/Mette Lund.yaml:1: file: unsafe file name 'Mette Lund'; rename the "
            "file to mette-lund.yaml (a-z, 0-9 and -)"
        ),
        (
            "content/press/2024-03-01-eu-stoette.yaml:5: quotes[0].speaker: there is no person "
            "with the id 'mette-lund'; create content/people/mette-lund.yaml, or correct the id"
        ),
        (
            "content/press/2024-03-01-eu-stoette.yaml:14: contacts[0]: there is no person with the "
            "id 'mette-lund'; create content/people/mette-lund.yaml, or correct the id"
        ),
    ]


def test_symbolic_link_out_of_content(minimal_content, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("name: Hemmelig\n", encoding="utf-8")
    (minimal_content / "people" / "hemmelig.yaml").symlink_to(secret)
    (minimal_content / "media" / "leak.png").symlink_to(minimal_content / "media" / "logo.png")
    outside_image = tmp_path / "outside.png"
    outside_image.write_bytes((minimal_content / "media" / "logo.png").read_bytes())
    (minimal_content / "media" / "outside.png").symlink_to(outside_image)
    edit(minimal_content, ORGANISATION, "logo: media/logo.png", "logo: media/outside.png")
    assert problems(minimal_content) == [
        (
            "content/organisations/klynge.yaml:3: logo: 'media/outside.png' leads outside "
            "content/; replace the symbolic link with the file itself"
        ),
        (
            "content/people/hemmelig.yaml:1: file: symbolic link points outside content/; replace "
            "the link with the file itself"
        ),
    ]


def test_media_that_is_not_a_real_image(minimal_content):
    (minimal_content / "media" / "press" / "foto.jpg").write_bytes(b"<html>not a photo</html>")
    (minimal_content / "media" / "logo.svg").write_text("<html/>", encoding="utf-8")
    (minimal_content / "media" / "badge.svg").write_text("<svg", encoding="utf-8")
    (minimal_content / "media" / "anim.gif").write_bytes(b"GIF89a")
    edit(minimal_content, ORGANISATION, "logo: media/logo.png", "logo: media/anim.gif")
    assert problems(minimal_content) == [
        (
            "content/certifications/guld.yaml:5: badge: 'media/badge.svg' is not a real image; the "
            "file is damaged or is not what its name says; save the image again as PNG, JPEG or SVG"
        ),
        (
            "content/organisations/klynge.yaml:3: logo: 'media/anim.gif' is not a PNG, JPEG or SVG "
            "file; save the image as PNG, JPEG or SVG"
        ),
        (
            "content/press/2024-03-01-eu-stoette.yaml:9: images[0].file: 'media/press/foto.jpg' is "
            "not a real image; the file is damaged or is not what its name says; save the image "
            "again as PNG, JPEG or SVG"
        ),
        (
            "content/site.yaml:5: logo: 'media/logo.svg' is not a real image; the file is damaged "
            "or is not what its name says; save the image again as PNG, JPEG or SVG"
        ),
    ]


def test_png_named_jpg_is_not_what_its_name_says(minimal_content):
    (minimal_content / "media" / "press" / "foto.jpg").write_bytes(
        (minimal_content / "media" / "logo.png").read_bytes()
    )
    assert problems(minimal_content) == [
        (
            "content/press/2024-03-01-eu-stoette.yaml:9: images[0].file: 'media/press/foto.jpg' is "
            "a PNG image, not JPEG as its name says; rename the file to foto.png and write that "
            "name here"
        )
    ]


def test_every_problem_in_one_run_sorted_by_file_and_line(minimal_content):
    edit(minimal_content, PERSON, "email: ml@klynge.example", "email: ml")
    edit(minimal_content, PERSON, "phone: 21 28 84 19", "phone: 12")
    edit(minimal_content, INITIATIVE, "end: 2023-12-31", "end: 31.12.2023")
    edit(minimal_content, INITIATIVE, "start: 2021-11-23", "start: 2021-13-01")
    edit(minimal_content, "site.yaml", "email: kontakt@klynge.example", "email: kontakt")
    found = problems(minimal_content)
    assert [line.split(": ", 1)[0] for line in found] == [
        "content/initiatives/groen-omstilling.yaml:1",
        "content/initiatives/groen-omstilling.yaml:2",
        "content/people/mette-lund.yaml:3",
        "content/people/mette-lund.yaml:4",
        "content/site.yaml:8",
    ]


def test_content_folder_given_as_a_relative_dot(minimal_content, monkeypatch):
    monkeypatch.chdir(minimal_content)
    edit(minimal_content, PERSON, "email: ml@klynge.example", "email: ml")
    assert problems(Path("."))[0].startswith("content/people/mette-lund.yaml:3: email:")


def test_content_folder_missing(tmp_path):
    assert problems(tmp_path / "nowhere") == [
        (
            f"{tmp_path / 'nowhere'}:1: file: content folder not found; run the command from the "
            "site's repository"
        )
    ]


# --- errors.py -----------------------------------------------------------------------------------


def test_errors_are_sorted_and_deduplicated():
    b = ContentError("content/b.yaml", 2, "x", "bad", "fix it")
    a10 = ContentError("content/a.yaml", 10, "y", "bad")
    a9 = ContentError("content/a.yaml", 9, "z", "bad")
    exc = ContentInvalid([b, a10, a9, b])
    assert [str(e) for e in exc.errors] == [
        "content/a.yaml:9: z: bad",
        "content/a.yaml:10: y: bad",
        "content/b.yaml:2: x: bad; fix it",
    ]
    assert str(exc) == "\n".join(str(e) for e in exc.errors)


def test_partial_dates_and_held_on_on_the_release_day_are_valid(minimal_content):
    edit(
        minimal_content,
        INITIATIVE,
        "start: 2021-11-23\nend: 2023-12-31",
        "start: 2021-11\nend: 2021-11-05",
    )
    edit(
        minimal_content,
        CERTIFICATION,
        "awarded: 2023-06\nvalid_until: 2026-06\n",
        "held_on: 2024-03-01\nstated_in: 2024-03-01-eu-stoette\n",
    )
    checked = validate_content(minimal_content)
    facts = checked.records["initiative"]["groen-omstilling"].facts
    assert (facts["start"].isoformat(), facts["end"].isoformat()) == ("2021-11", "2021-11-05")
    assert checked.records["certification"]["guld"].facts["held_on"] == date(2024, 3, 1)


def test_a_proposal_needs_no_dates_and_takes_proposed_amounts(minimal_content):
    edit(
        minimal_content,
        INITIATIVE,
        "start: 2021-11-23\nend: 2023-12-31\ntotal_eligible_cost: 92524800\n",
        "status: proposed\ndecisions:\n"
        "  - by: [klynge]\n    due: 2020-Q3\n    da: {subject: Bevilling}\n"
        "    en: {subject: Grant}\n",
    )
    edit(
        minimal_content,
        INITIATIVE,
        "    amount: 40000000\n",
        "    amount: 40000000\n    status: proposed\n",
    )
    edit(
        minimal_content,
        INITIATIVE,
        "    amount: 10000000\n",
        "    amount: 10000000\n    status: proposed\n",
    )
    content = load_content(minimal_content, datetime(2026, 1, 1, tzinfo=UTC))
    initiative = content.initiatives["groen-omstilling"]
    assert initiative.status == "proposed" and initiative.start is None
    assert not initiative.is_eu_funded and all(line.proposed for line in initiative.funding)
    assert initiative.decisions[0].due.isoformat() == "2020-Q3"


def test_site_languages_must_be_in_the_language_table(minimal_content):
    edit(minimal_content, "site.yaml", "languages: [da, en]", "languages: [da, en, xx]")
    assert problems(minimal_content) == [
        "content/site.yaml:2: languages[2]: 'xx' is not a language Klynge knows; write one of "
        "da, en, de (the codes in generator/languages.yaml)"
    ]


def test_a_language_added_in_site_yaml_is_required_in_every_record(minimal_content):
    edit(minimal_content, "site.yaml", "languages: [da, en]", "languages: [da, en, de]")
    found = problems(minimal_content)
    assert (
        "content/organisations/klynge.yaml:1: file: the German text is missing (de:); add de: "
        "with name, slug, description, or write only_in: [da, en] to publish in these "
        "languages only"
    ) in found


def test_only_in_takes_a_list_of_languages():
    # The trilingual fixture's partner organisation is written in Danish and English only.
    checked = validate_content(TRILINGUAL)
    assert checked.records["organisation"]["partner"].facts["only_in"] == ("da", "en")
    partner = load_content(TRILINGUAL, NOW).organisations["partner"]
    assert partner.is_fallback("de") and not partner.is_fallback("en")
    assert partner.text_language("de") == "da"
    assert partner.text("de").name == "Partnerklyngen"


def test_only_in_list_names_languages_of_the_site(minimal_content):
    edit(minimal_content, ORGANISATION, "kind: cluster", "kind: cluster\nonly_in: [da, de]")
    assert problems(minimal_content) == [
        "content/organisations/klynge.yaml:2: only_in[1]: 'de' is not a language of the site; "
        "write da or en"
    ]


# --- checking again with the preview's cache of each file's own checks --------------------------


def problems_with(root: Path, cache: dict) -> list[str]:
    """The error lines for the content tree, checked with `cache` kept from earlier checks."""
    try:
        validate_content(root, {}, cache)
    except ContentInvalid as exc:
        return [str(e) for e in exc.errors]
    return []


def test_an_error_in_one_record_is_reported_while_the_others_come_from_the_cache(
    minimal_content,
):
    cache: dict = {}
    edit(minimal_content, PERSON, "phone: 21 28 84 19", "phone: call me")
    assert problems_with(minimal_content, cache) == problems(minimal_content) != []
    edit(minimal_content, ORGANISATION, "kind: cluster", "kind: clutser")
    both = problems_with(minimal_content, cache)
    assert both == problems(minimal_content)
    assert [line.split(":", 1)[0] for line in both] == [
        "content/organisations/klynge.yaml",
        "content/people/mette-lund.yaml",
    ]
    edit(minimal_content, PERSON, "phone: call me", "phone: 21 28 84 19")
    edit(minimal_content, ORGANISATION, "kind: clutser", "kind: cluster")
    assert problems_with(minimal_content, cache) == []


def test_a_record_deleted_or_renamed_leaves_its_references_reported(minimal_content):
    cache: dict = {}
    assert problems_with(minimal_content, cache) == []
    (minimal_content / ORGANISATION).rename(minimal_content / "organisations/klyngen.yaml")
    renamed = problems_with(minimal_content, cache)
    assert renamed == problems(minimal_content)
    assert any(
        line.startswith("content/people/mette-lund.yaml:2: organisation: ") for line in renamed
    )
    (minimal_content / "organisations/klyngen.yaml").unlink()
    assert problems_with(minimal_content, cache) == problems(minimal_content) != []


def test_a_media_file_removed_is_reported_for_a_record_checked_before(minimal_content):
    cache: dict = {}
    assert problems_with(minimal_content, cache) == []
    (minimal_content / "media/logo.png").unlink()
    lines = problems_with(minimal_content, cache)
    assert lines == problems(minimal_content)
    assert lines[0].startswith("content/organisations/klynge.yaml:3: logo: file 'media/logo.png'")


def test_warnings_of_a_cached_record_are_reported_each_time(minimal_content):
    cache: dict = {}
    edit(minimal_content, PRESS, "  body: Klyngen får", "  body: <script>x</script> Klyngen får")
    first = [str(w) for w in validate_content(minimal_content, {}, cache).warnings]
    again = [str(w) for w in validate_content(minimal_content, {}, cache).warnings]
    assert first == again == [str(w) for w in validate_content(minimal_content).warnings] != []
