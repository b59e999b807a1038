"""UI string catalogues and language formatting.

The messages are extracted from the current code and templates with Babel, using the mapping in
babel.cfg and the same keywords as the documented `pybabel extract` command, so a string added to
the code fails here (naming the string and where it is used) until both catalogues translate it,
even if nobody has re-run extract/update yet. See babel.cfg for the workflow.
"""

from __future__ import annotations

import ast
import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.pofile import read_po
from babel.util import pathmatch

from generator import i18n, languages

ROOT = Path(__file__).resolve().parent.parent

try:  # Babel >= 2.14
    from babel.messages.frontend import parse_mapping_cfg as _parse_mapping
except ImportError:  # pragma: no cover
    from babel.messages.frontend import parse_mapping as _parse_mapping

LANGUAGES = languages.codes()
# The keywords of the documented command: --no-default-keywords -k _ -k gettext -k ngettext:1,2
KEYWORDS = parse_keywords(["_", "gettext", "ngettext:1,2"])
PLURAL_FORMS = (2, "(n != 1)")  # nplurals=2; plural=(n != 1); for both Danish and English

# Python %-format placeholders: %(name)s, %(num)d, %s, %.1f ... ("%%" is a literal percent sign).
_FLAGS = r"[#0 +\-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?"
_PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]*)\))?(?P<spec>" + _FLAGS + r"[diouxXeEfFgGcrsa%])")
_NAMED = re.compile(r"%\((?P<name>[^)]*)\)" + _FLAGS + r"[diouxXeEfFgGcrsa]")


# --- extraction -----------------------------------------------------------------------------


def _mapping():
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        return _parse_mapping(handle)


def _directory_filter(method_map):
    """Walk only the top-level folders the mapping can match (not site/, node_modules/ ...) and
    skip hidden and private folders such as __pycache__, as pybabel does by default."""
    tops = {pattern.split("/", 1)[0] for pattern, _ in method_map}

    def accept(dirpath: str) -> bool:
        parts = Path(os.path.relpath(dirpath, ROOT)).parts
        return (not parts or parts[0] in tops) and not parts[-1].startswith((".", "_"))

    return accept


def _extract() -> dict:
    """{msgid: {"plural": msgid_plural or None, "where": [file:line, ...]}}, as pybabel sees it."""
    method_map, options_map = _mapping()
    found: dict = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=KEYWORDS,
        directory_filter=_directory_filter(method_map),
    ):
        singular, plural = (message, None) if isinstance(message, str) else message[:2]
        entry = found.setdefault(singular, {"plural": plural, "where": []})
        entry["plural"] = entry["plural"] or plural
        entry["where"].append(f"{filename}:{lineno}")
    return found


def _python_calls() -> dict:
    """The same calls found through Python's own parser, which also sees _("...") inside
    f-strings; Babel's tokenizer-based extractor misses those before Python 3.12."""
    method_map, _options = _mapping()
    accept = _directory_filter(method_map)
    found: dict = {}
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if accept(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            rel = Path(os.path.relpath(os.path.join(dirpath, name), ROOT)).as_posix()
            method = next((m for pattern, m in method_map if pathmatch(pattern, rel)), None)
            if method != "python":
                continue
            tree = ast.parse((ROOT / rel).read_bytes(), filename=rel)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                fname = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if fname not in KEYWORDS:
                    continue
                indices = KEYWORDS[fname] or (1,)
                args = [node.args[i - 1] if len(node.args) >= i else None for i in indices]
                if not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value
                    for a in args
                ):
                    continue
                entry = found.setdefault(
                    args[0].value, {"plural": args[1].value if len(args) > 1 else None, "where": []}
                )
                entry["where"].append(f"{rel}:{node.lineno}")
    return found


@pytest.fixture(scope="module")
def extracted() -> dict:
    found = _extract()
    assert found, "no UI strings extracted: is babel.cfg's mapping still right?"
    # Strings only pybabel misses are checked too (and flagged by the test below).
    for msgid, entry in _python_calls().items():
        found.setdefault(msgid, {"plural": entry["plural"], "where": entry["where"]})
    return found


def _catalog(lang: str):
    path = ROOT / "theme" / "locales" / lang / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"{path.relative_to(ROOT)} is missing (pybabel init, see babel.cfg)"
    with path.open("rb") as handle:
        return read_po(handle, locale=i18n.babel_locale(lang))


@pytest.fixture(scope="module", params=LANGUAGES)
def catalog(request):
    return request.param, _catalog(request.param)


def _forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


# --- (a) every extracted string is translated -----------------------------------------------


def test_extraction_finds_python_and_template_strings(extracted):
    sources = {
        w.split(":", 1)[0].rsplit(".", 1)[-1] for e in extracted.values() for w in e["where"]
    }
    assert "py" in sources, "nothing extracted from generator/*.py"
    assert "j2" in sources, "nothing extracted from the Jinja templates (generator/templates/**.j2)"
    assert any(e["plural"] for e in extracted.values()), "no ngettext() plural extracted"


def test_pybabel_sees_every_python_string():
    """A string used only inside an f-string, f"{_('Facts')}", is invisible to `pybabel extract`
    on Python < 3.12: it never reaches the catalogues, and `pybabel update` would delete a
    hand-added entry as obsolete. Such a call must be moved out of the f-string."""
    babel_ids = _extract()
    hidden = {
        msgid: entry["where"] for msgid, entry in _python_calls().items() if msgid not in babel_ids
    }
    assert not hidden, (
        "pybabel extract cannot see these strings (a _() call inside an f-string?); assign "
        "the translation to a variable first:\n  "
        + "\n  ".join(f"{msgid!r} ({', '.join(where)})" for msgid, where in sorted(hidden.items()))
    )


def test_catalogue_headers(catalog):
    lang, cat = catalog
    assert cat.charset.lower() == "utf-8", f"{lang}: charset is {cat.charset}"
    assert (cat.num_plurals, cat.plural_expr) == PLURAL_FORMS, (
        f"{lang}: Plural-Forms is {cat.plural_forms!r}, expected "
        f"'nplurals={PLURAL_FORMS[0]}; plural={PLURAL_FORMS[1]};'"
    )
    assert not cat.fuzzy, f"{lang}: the catalogue header is marked fuzzy"


def test_every_string_is_translated(extracted, catalog):
    lang, cat = catalog
    problems = []
    for msgid, entry in sorted(extracted.items()):
        where = ", ".join(entry["where"][:3]) + (" ..." if len(entry["where"]) > 3 else "")
        message = cat.get(msgid)
        if message is None:
            problems.append(f"missing: {msgid!r} ({where})")
            continue
        if entry["plural"]:
            if not message.pluralizable:
                problems.append(f"not a plural entry: {msgid!r} ({where})")
                continue
            if message.id[1] != entry["plural"]:
                problems.append(
                    f"plural msgid differs: {message.id[1]!r} in the catalogue, "
                    f"{entry['plural']!r} in the code ({where})"
                )
                continue
            forms = _forms(message)
            if len(forms) != cat.num_plurals or not all(forms):
                problems.append(f"untranslated plural form: {msgid!r} ({where})")
        elif message.pluralizable:
            problems.append(f"plural entry for a singular string: {msgid!r} ({where})")
        elif not message.string:
            problems.append(f"untranslated: {msgid!r} ({where})")
    assert not problems, (
        f"theme/locales/{lang}/LC_MESSAGES/messages.po is out of date with the code "
        f"(run the extract/update commands in babel.cfg and translate):\n  " + "\n  ".join(problems)
    )


# --- (b) no fuzzy entries --------------------------------------------------------------------


def test_no_fuzzy_entries(catalog):
    lang, cat = catalog
    # The build compiles without fuzzy entries, so a fuzzy translation would silently be English.
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert not fuzzy, f"{lang}: fuzzy entries (check the translation, drop the flag): {fuzzy}"


# --- (c) placeholders survive translation ----------------------------------------------------


def _placeholders(text: str, python_format: bool):
    named = sorted(f"%({m['name']}){m.group()[-1]}" for m in _NAMED.finditer(text))
    positional = (
        [m.group() for m in _PLACEHOLDER.finditer(text) if m["name"] is None]
        if python_format
        else []
    )
    return named, positional


@pytest.mark.parametrize(
    "text, expected",
    [
        ("%(num)d initiatives in %(year)s", (["%(num)d", "%(year)s"], [])),
        ("82 % of %(total)s", (["%(total)s"], [])),
    ],
)
def test_placeholder_parser(text, expected):
    assert _placeholders(text, python_format=False) == expected


def test_placeholders_match(catalog):
    lang, cat = catalog
    problems = []
    for message in cat:
        if not message.id or not message.string:
            continue
        ids = list(message.id) if message.pluralizable else [message.id]
        python_format = "python-format" in message.flags  # set by pybabel extract
        for index, form in enumerate(_forms(message)):
            source = ids[min(index, len(ids) - 1)]  # msgstr[0] <- msgid, others <- msgid_plural
            if form and _placeholders(form, python_format) != _placeholders(source, python_format):
                problems.append(f"{source!r} -> {form!r}")
    assert not problems, f"{lang}: placeholders differ:\n  " + "\n  ".join(problems)


# --- runtime: catalogues compiled in memory --------------------------------------------------


def test_english_catalogue_is_the_identity():
    cat = _catalog("en")
    different = [
        m.id for m in cat if m.id and _forms(m) != (list(m.id) if m.pluralizable else [m.id])
    ]
    assert not different, f"en: msgstr should repeat the msgid: {different}"


def test_plurals_through_compiled_catalogue():
    cat = _catalog("da")
    plurals = [m for m in cat if m.id and m.pluralizable and not m.fuzzy]
    assert plurals, "da: no plural entries"
    translations = i18n.translations("da")
    for message in plurals:
        one, many = message.string
        singular, plural = message.id
        assert translations.ngettext(singular, plural, 1) == one
        assert translations.ngettext(singular, plural, 0) == many  # "0 indsatser"
        assert translations.ngettext(singular, plural, 3) == many
    english = i18n.translations("en")
    singular, plural = plurals[0].id
    assert english.ngettext(singular, plural, 1) == singular
    assert english.ngettext(singular, plural, 2) == plural


def test_plural_example_in_danish():
    translations = i18n.translations("da")
    one = translations.ngettext("%(num)d initiative.", "%(num)d initiatives.", 1)
    many = translations.ngettext("%(num)d initiative.", "%(num)d initiatives.", 3)
    if one == "%(num)d initiative.":
        pytest.skip("this string is no longer used in the code")
    assert one % {"num": 1} == "1 indsats."
    assert many % {"num": 3} == "3 indsatser."


# Agreed Danish terminology, checked where the msgid exists.
GLOSSARY_DA = {
    "Press room": "Presserum",
    "Initiatives": "Indsatser",
    "Key figures": "Nøgletal",
    "Ongoing": "I gang",
    "Completed": "Afsluttet",
    "Planned": "Planlagt",
    "Expected results": "Forventede resultater",
    "Total eligible cost": "Samlede støtteberettigede udgifter",
    "Beneficiary": "Støttemodtager",
    "Focus area": "Indsatsområde",
    "EU support": "EU-støtte",
    "Press release": "Pressemeddelelse",
}


def test_danish_terminology():
    cat = _catalog("da")
    wrong = {
        msgid: cat[msgid].string
        for msgid, term in GLOSSARY_DA.items()
        if msgid in cat and cat[msgid].string and cat[msgid].string != term
    }
    assert not wrong, f"da: agreed terms translated differently: {wrong}"
    translations = i18n.translations("da")
    for msgid, term in GLOSSARY_DA.items():
        if msgid in cat:
            assert translations.gettext(msgid) == term


# --- (d) formatting through Babel ------------------------------------------------------------


def test_format_dkk():
    assert i18n.format_dkk(92524800, "da") == "92.524.800 kr."
    assert i18n.format_dkk(92524800, "en") == "DKK 92,524,800"


def test_format_date():
    assert i18n.format_date(date(2021, 11, 23), "da") == "23. november 2021"
    assert i18n.format_date(date(2021, 11, 23), "en") == "23 November 2021"


def test_format_phone():
    assert i18n.format_phone("+4521288419") == "21 28 84 19"
    assert i18n.format_phone("+442079460000") == "+442079460000"


def test_format_rate():
    assert i18n.format_rate(0.828, "da") == "82,8 %"
    assert i18n.format_rate(0.828, "en") == "82.8%"
    assert i18n.format_rate(0.5, "da") == "50,0 %"
    assert i18n.format_rate(0.5, "en") == "50.0%"


@pytest.mark.parametrize(
    ("start", "end", "da", "en"),
    [
        (date(2027, 1, 20), None, "20. januar 2027", "20 January 2027"),
        (date(2027, 1, 20), date(2027, 1, 22), "20.–22. jan. 2027", "20–22 Jan 2027"),
        (
            datetime(2026, 12, 10, 9, 30),
            datetime(2026, 12, 10, 15, 0),
            "10. december 2026, 09.30–15.00",
            "10 December 2026, 09:30–15:00",
        ),
        (
            datetime(2027, 6, 8, 9, 0),
            datetime(2027, 6, 9, 15, 30),
            "8. juni 2027, 09.00 – 9. juni 2027, 15.30",
            "8 June 2027, 09:00 – 9 June 2027, 15:30",
        ),
    ],
)
def test_event_periods_are_as_short_as_is_clear(start, end, da, en):
    assert i18n.format_event_period(start, end, "da") == da
    assert i18n.format_event_period(start, end, "en") == en
