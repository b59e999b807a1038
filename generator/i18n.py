"""Language: Babel formatting of dates, money, numbers and phone numbers, and gettext UI strings.

Our own UI strings live in theme/locales/<lang>/LC_MESSAGES/messages.po (msgids in English). The
catalogues are compiled in memory at build time, so no .mo file is ever committed or stale.
"""

from __future__ import annotations

import functools
import gettext
import io
from datetime import date, datetime

from babel.dates import format_date as babel_format_date
from babel.dates import format_interval, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent

from generator import languages, paths

LOCALE_DIR = paths.THEME / "locales"


def babel_locale(lang: str) -> str:
    """The Babel locale of a language: da_DK."""
    return languages.language(lang).locale


@functools.lru_cache(maxsize=4096)  # listings print the same dates over and over
def format_date(value: date, lang: str) -> str:
    """23. november 2021 (da) / 23 November 2021 (en)."""
    return babel_format_date(value, "long", locale=babel_locale(lang))


def format_month(value: date, lang: str) -> str:
    """november 2021 (da) / November 2021 (en)."""
    return babel_format_date(value, "LLLL y", locale=babel_locale(lang))


def format_partial_date(value, lang: str) -> str:
    """A date as precise as it is known: 19. juni 2019 / juni 2019 / 3. kvartal 2020 / 2020."""
    patterns = {"month": "LLLL y", "quarter": "QQQQ y", "year": "y"}
    if value.precision == "day":
        return format_date(value.value, lang)
    return babel_format_date(value.value, patterns[value.precision], locale=babel_locale(lang))


def format_clock(value: datetime, lang: str) -> str:
    """09.30 (da) / 09:30 (en)."""
    return format_time(value, "short", locale=babel_locale(lang))


def format_moment(value: date | datetime, lang: str) -> str:
    """A day, or a day and a clock time: 10. december 2026, 09.30 / 10 December 2026, 09:30."""
    if not isinstance(value, datetime):
        return format_date(value, lang)
    return f"{format_date(value.date(), lang)}, {format_clock(value, lang)}"


def format_event_period(start: date | datetime, end: date | datetime | None, lang: str) -> str:
    """When an event takes place, as short as is clear: 10.–12. dec. 2026 (whole days),
    10. december 2026, 09.30–15.00 (one day), or both moments in full."""
    if end is None or end == start:
        return format_moment(start, lang)
    if not isinstance(start, datetime):
        return format_interval(start, end, "yMMMMd", locale=babel_locale(lang))
    if start.date() == end.date():
        clock = format_interval(start.time(), end.time(), "Hm", locale=babel_locale(lang))
        return f"{format_date(start.date(), lang)}, {clock}"
    return f"{format_moment(start, lang)} – {format_moment(end, lang)}"


def format_dkk(amount: int, lang: str) -> str:
    """92.524.800 kr. (da) / DKK 92,524,800 (en) / 92.524.800 DKK (de): the language's pattern."""
    pattern = languages.language(lang).amount_pattern
    return format_currency(amount, "DKK", pattern, locale=babel_locale(lang), currency_digits=False)


def format_eur(amount: float, lang: str) -> str:
    """An amount in euro, whole euros: EUR 12,402,788."""
    pattern = languages.language(lang).amount_code_pattern
    return format_currency(
        round(amount), "EUR", pattern, locale=babel_locale(lang), currency_digits=False
    )


def format_number(value: float, lang: str) -> str:
    return format_decimal(value, locale=babel_locale(lang))


def format_rate(value: float, lang: str) -> str:
    """A share as a percentage with one decimal: 82,8 % (da) / 82.8% (en)."""
    pattern = languages.language(lang).percent_pattern
    return format_percent(value, pattern, locale=babel_locale(lang)).replace("\xa0", " ")


def format_phone(e164: str) -> str:
    """+4521288419 -> 21 28 84 19; other countries keep their international form."""
    if e164.startswith("+45") and len(e164) == 11:
        digits = e164[3:]
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    return e164


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The UI string catalogue for `lang`, compiled from its .po file."""
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=babel_locale(lang))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
