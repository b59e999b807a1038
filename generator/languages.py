"""The language table: every language a site can be built in, read from generator/languages.yaml.

Everything that differs between languages and is not a UI string lives in that one file: the Babel
locale, names, section and facet slugs, the EU funding statement, the search stemmer. The code asks
this module and never compares a language code with a literal, so adding a language is data only.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import yaml
from babel import Locale, UnknownLocaleError
from slugify import slugify

T = TypeVar("T")
TABLE = Path(__file__).resolve().parent / "languages.yaml"
_TEXT_FIELDS = ("locale", "own_name", "og_locale", "search", "choose_language", "eu_statement")
_SLUG_MAPS = ("sections", "facets")
_FORMATS = ("amount", "amount_code", "percent")


class LanguageTableError(Exception):
    """generator/languages.yaml cannot be used; the message says where and what to write."""


@dataclass(frozen=True)
class Language:
    """One language of the table."""

    code: str
    locale: str  # Babel locale, da_DK
    own_name: str  # Dansk
    names: Mapping[str, str]  # this language's name written in each language: {"en": "Danish"}
    og_locale: str
    search: str  # lunr stemmer of the site search
    choose_language: str
    eu_statement: str
    euro_amounts: bool
    sections: Mapping[str, str]  # section name -> URL slug
    facets: Mapping[str, str]  # taxonomy -> URL slug
    start_year: str
    page: str  # the folder of a listing's numbered pages: /en/initiatives/page/2/
    amount_pattern: str  # Babel pattern of kroner amounts, with the currency's symbol
    amount_code_pattern: str  # Babel pattern of euro amounts, with the ISO code
    percent_pattern: str

    def name_in(self, lang: str) -> str:
        """This language's name written in `lang`: Language('da').name_in('en') == 'Danish'."""
        return self.names[lang]


@dataclass(frozen=True)
class LanguageTable:
    """All languages, in the table's order, and the letters slugs spell out."""

    languages: Mapping[str, Language]
    slug_letters: tuple[tuple[str, str], ...]
    assumed: tuple[str, ...]  # the languages of a site whose site.yaml cannot say

    def __getitem__(self, code: str) -> Language:
        return self.languages[code]

    def __contains__(self, code: object) -> bool:
        return code in self.languages

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.languages)


@functools.cache
def table(path: Path = TABLE) -> LanguageTable:
    """The language table, checked once per process."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LanguageTableError(f"{path}: cannot be read: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("languages"), list):
        raise LanguageTableError(f"{path}: expected `languages:` with a list of languages")
    letters = data.get("slug_letters") or {}
    if not isinstance(letters, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in letters.items()
    ):
        raise LanguageTableError(f"{path}: slug_letters: expected letter: spelling pairs")
    languages: dict[str, Language] = {}
    for index, entry in enumerate(data["languages"]):
        language = _language(entry, f"{path}: languages[{index}]")
        if language.code in languages:
            raise LanguageTableError(f"{path}: language '{language.code}' is listed twice")
        languages[language.code] = language
    if not languages:
        raise LanguageTableError(f"{path}: the table lists no language")
    _check_across(languages, path)
    assumed = data.get("assumed_languages")
    if not isinstance(assumed, list) or not assumed or not set(assumed) <= set(languages):
        raise LanguageTableError(
            f"{path}: assumed_languages: expected a list of codes of the table, e.g. [da, en]"
        )
    return LanguageTable(MappingProxyType(languages), tuple(letters.items()), tuple(assumed))


def language(code: str) -> Language:
    """The table's entry for `code`; KeyError for a code not in the table."""
    return table()[code]


def codes() -> tuple[str, ...]:
    """Every language code of the table, in its order."""
    return table().codes


def name(code: str, lang: str) -> str:
    """The name of language `code` written in `lang`: name('de', 'da') == 'tysk'."""
    return language(code).name_in(lang)


def _language(entry: object, where: str) -> Language:
    if not isinstance(entry, dict):
        raise LanguageTableError(f"{where}: expected the keys of one language")
    code = entry.get("code")
    if not isinstance(code, str) or not code.isalpha() or not code.islower():
        raise LanguageTableError(f"{where}: code: expected a lower-case language code such as de")
    where = f"{where} ({code})"
    for key in (*_TEXT_FIELDS, "start_year", "page"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise LanguageTableError(f"{where}: {key}: missing or not a text")
    if not isinstance(entry.get("euro_amounts"), bool):
        raise LanguageTableError(f"{where}: euro_amounts: write true or false")
    try:
        locale = Locale.parse(entry["locale"])
    except (ValueError, UnknownLocaleError):
        raise LanguageTableError(
            f"{where}: locale: '{entry['locale']}' is not a locale Babel knows; write e.g. de_DE"
        ) from None
    maps = {}
    for key in ("names", *_SLUG_MAPS):
        value = entry.get(key)
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in value.items()
        ):
            raise LanguageTableError(f"{where}: {key}: expected name: text pairs")
        maps[key] = MappingProxyType(dict(value))
    formats = entry.get("formats") or {}
    if not isinstance(formats, dict) or set(formats) - set(_FORMATS):
        raise LanguageTableError(f"{where}: formats: only {', '.join(_FORMATS)} may be set")
    defaults = _locale_patterns(locale)
    return Language(
        code=code,
        locale=entry["locale"],
        own_name=entry["own_name"],
        names=maps["names"],
        og_locale=entry["og_locale"],
        search=entry["search"],
        choose_language=entry["choose_language"],
        eu_statement=entry["eu_statement"],
        euro_amounts=entry["euro_amounts"],
        sections=maps["sections"],
        facets=maps["facets"],
        start_year=entry["start_year"],
        page=entry["page"],
        amount_pattern=formats.get("amount", defaults["amount"]),
        amount_code_pattern=formats.get("amount_code", defaults["amount_code"]),
        percent_pattern=formats.get("percent", defaults["percent"]),
    )


def _locale_patterns(locale: Locale) -> dict[str, str]:
    """The locale's own currency and percent patterns: whole amounts, percentages to one decimal."""
    currency = locale.currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
    percent = locale.percent_formats[None].pattern.split(";")[0].replace("0%", "0.0%")
    percent = percent.replace("0\xa0%", "0.0\xa0%")
    return {
        "amount": currency,
        "amount_code": currency.replace("¤", "¤¤"),
        "percent": percent,
    }


def _check_across(languages: dict[str, Language], path: Path) -> None:
    """Every language names every other one, and has a slug for every section and facet."""
    first = next(iter(languages.values()))
    for language in languages.values():
        where = f"{path}: language '{language.code}'"
        missing = [code for code in languages if code not in language.names]
        if missing:
            raise LanguageTableError(f"{where}: names: its name in {', '.join(missing)} is missing")
        for key in _SLUG_MAPS:
            wanted = set(getattr(first, key))
            have = set(getattr(language, key))
            if wanted != have:
                differ = sorted(wanted ^ have)
                raise LanguageTableError(
                    f"{where}: {key}: {', '.join(differ)} must be given in every language "
                    f"or in none"
                )


def shown_language(texts: Mapping[str, object], lang: str, order: Iterable[str] = ()) -> str:
    """The language whose text a page in `lang` shows: `lang` itself when written, else the
    first of `order` that is, else the first written at all."""
    if lang in texts:
        return lang
    return next((code for code in order if code in texts), next(iter(texts), lang))


def in_language(texts: Mapping[str, T], lang: str, order: Iterable[str] = ()) -> T | None:
    """This text in `lang`, else in the first language of `order` that has it, else in the first
    language it was written in; None when nothing was written."""
    return texts.get(shown_language(texts, lang, order))


def make_slug(text: str) -> str:
    """A URL slug with the table's letters spelt out: 'Sund Vægt' -> 'sund-vaegt'."""
    return slugify(text, replacements=[list(pair) for pair in table().slug_letters])
