"""The editors' field reference (docs/fields.md), generated from the schema in schema.py.

Regenerate it after every change to schema.py:

    python -m generator.content.fieldref > docs/fields.md

tests/test_fieldref.py fails while docs/fields.md is out of date.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

import yaml

from generator import languages as language_table
from generator import paths
from generator.content import schema as s
from generator.content.types import CONTENT_TYPES, ContentType
from generator.content.validate import site_languages
from generator.outputs import RESERVED

COMMAND = "python -m generator.content.fieldref > docs/fields.md"


class Kind(NamedTuple):
    """How to write a value of one kind, said for an editor."""

    name: str
    how: str
    example: str = ""


KINDS: dict[str, Kind] = {
    s.TEXT: Kind(
        "text", "One line of plain text. HTML is shown as text, never run.", "Grøn omstilling"
    ),
    s.PARAGRAPH: Kind(
        "paragraph",
        "Plain text that may run over several lines: write `>-` after "
        "the key and the text on the lines below, indented.",
    ),
    s.MARKDOWN: Kind(
        "Markdown",
        "Markdown: write `|` after the key and the text on the lines "
        "below, indented. Unsafe HTML is removed when the site is built.",
    ),
    s.DATE: Kind("date", "Year-month-day.", "2021-11-23"),
    s.MONTH: Kind(
        "date or month", "Year-month-day, or year and month when the day is not known.", "2019-06"
    ),
    s.PARTIAL_DATE: Kind(
        "partial date",
        "As precise as it is known: year-month-day, year and "
        "month, year and quarter (2020-Q3) or the year alone. Never guess the "
        "part that is not known.",
        "2020-07",
    ),
    s.DATETIME_TZ: Kind(
        "date and time",
        "Year-month-day, a space and hours:minutes: a clock "
        "time in the site's time zone. An offset from UTC may follow "
        "(2026-12-10T08:00:00+01:00); it must be the zone's offset at that "
        "moment.",
        "2026-12-10 08:00",
    ),
    s.DATE_OR_DATETIME: Kind(
        "date, or date and time",
        "A whole day as year-month-day (2026-12-10), or a day and a clock time in the site's "
        "time zone (2026-12-10 09:30). An offset may follow the time; where one of a record's "
        "times has one, all must.",
        "2026-12-10 09:30",
    ),
    s.TIME: Kind("time", "Hours and minutes on the 24-hour clock, in quotes.", '"10:00"'),
    s.AMOUNT: Kind(
        "amount", "Whole Danish kroner, digits only: no dots, spaces, øre or kr.", "92524800"
    ),
    s.COUNT: Kind("whole number", "Digits only.", "200"),
    s.NUMBER: Kind("decimal number", "Digits with a decimal point (not a comma).", "7.46"),
    s.BOOL: Kind("true or false", "`true` or `false`.", "true"),
    s.EMAIL: Kind("email", "An email address.", "navn@example.dk"),
    s.PHONE: Kind(
        "phone",
        "8 digits for a Danish number (spaces allowed), or + and the country code.",
        "21 28 84 19",
    ),
    s.URL: Kind(
        "web address",
        "The full address, starting with https:// (or http://).",
        "https://www.example.dk/",
    ),
    s.SLUG: Kind(
        "slug",
        "The last part of a page address: a-z, 0-9 and - only (write æ, ø and å as ae, oe and aa).",
        "groen-omstilling",
    ),
    s.LANGUAGE: Kind("language", "One of the codes site.yaml lists under `languages:`.", "da"),
    s.LANGUAGE_CODE: Kind(
        "language code",
        "A code from generator/languages.yaml: "
        + ", ".join(f"`{code}`" for code in language_table.codes())
        + ".",
        "da",
    ),
    s.LANGUAGE_SET: Kind(
        "languages", "One language of the site, or a list of them: `da` or `[da, en]`.", "da"
    ),
    s.REF: Kind("id", "The id of another record: its file name without .yaml.", "mette-lund"),
    s.TERM: Kind("code", "A code from content/taxonomies.yaml.", "innovation"),
    s.MEDIA: Kind(
        "file",
        "Path of a file under content/media/, starting with media/.",
        "media/press/rapport.pdf",
    ),
    s.IMAGE: Kind(
        "image",
        "Path of a PNG, JPEG or SVG image under content/media/, starting with media/.",
        "media/press/foto.jpg",
    ),
    s.CHOICE: Kind("choice", "One of the words listed for the field."),
    s.COLOUR: Kind(
        "colour",
        "A colour as `#` and six hexadecimal digits (red, green, blue), in quotes.",
        '"#0b3d5c"',
    ),
    s.TIMEZONE: Kind(
        "time zone",
        "A time zone name from the IANA database (the list in Python's zoneinfo).",
        "Europe/Copenhagen",
    ),
    s.FINGERPRINTS: Kind(
        "fingerprints", "Written by `python build.py translations --import`; leave it as it is."
    ),
    s.LIST: Kind("list", "One item per line, each starting with `- `, or `[a, b]` on one line."),
    s.OBJECT: Kind(
        "keys", "Keys and values indented under the key (or under each `- ` of a list)."
    ),
}


def bundled_languages() -> tuple[str, ...]:
    """The languages of the bundled site (content/site.yaml), which the reference names."""
    data = yaml.safe_load((paths.REPO / "content" / "site.yaml").read_text(encoding="utf-8"))
    return site_languages(data)


def render_field_reference(languages: tuple[str, ...] | None = None) -> str:
    """docs/fields.md: every record type and field of the schema, in Markdown for editors."""
    langs = languages or bundled_languages()
    keys = " and under ".join(f"`{lang}:`" for lang in langs)
    out = [
        "<!-- Generated from generator/content/schema.py; do not edit by hand. Regenerate with:",
        f"     {COMMAND} -->",
        "",
        "# Content fields",
        "",
        (
            "Every record is one YAML file under `content/`; its id is the file name without "
            "`.yaml` (a-z, 0-9 and -). Facts (dates, amounts, codes, references, images) are "
            f"written once; text is written under {keys}, one key per language site.yaml lists "
            "under `languages:`. A record may leave out a language only when it says so with "
            "`only_in:`."
        ),
        "",
        (
            "`python build.py check` lists every problem in the content, with file and line. In "
            "the tables below, `funding[].amount` means the key `amount` in each item of the list "
            f"`funding`, and `{'/'.join(langs)}` means the key is written under each language: "
            + ", ".join(f"`{lang}:`" for lang in langs)
            + "."
        ),
        "",
        (
            f"Files may be at most {s.MAX_FILE_BYTES // 1024} KB and hold at most "
            f"{s.MAX_YAML_NODES:,} values. Indent with spaces, never tabs; a key may appear only "
            "once in the same place; save files as UTF-8."
        ),
        "",
        "## How to write values",
        "",
        "| Value | How to write it | Example |",
        "|---|---|---|",
    ]
    for kind in KINDS.values():
        out.append(f"| {kind.name} | {_cell(kind.how)} | {_code(kind.example)} |")
    out.append("")
    out.extend(_record_section(s.SITE, langs))
    out.extend(_taxonomy_section(langs))
    for content_type in CONTENT_TYPES:
        out.extend(_record_section(content_type.schema, langs, content_type))
    out.extend(_reserved_section(langs))
    return "\n".join(out).rstrip("\n") + "\n"


def _reserved_section(langs: tuple[str, ...]) -> list[str]:
    """The slugs the site keeps for its own pages and files, from the build's own table."""
    out = [
        "## Reserved slugs",
        "",
        (
            "Every address of the site belongs to one page or file. A slug may not take a name "
            "the site keeps for its own pages and files in the same folder; `python build.py "
            "check` names the clash. Addresses that differ only in upper and lower case or in how "
            "a letter such as æ is encoded count as the same address."
        ),
        "",
        "| Folder | Reserved | For |",
        "|---|---|---|",
    ]
    for reserved in RESERVED:
        folders = ", ".join(f"`{reserved.folder(lang)}`" for lang in langs)
        if reserved.pattern_words:
            names = reserved.pattern_words
        elif len({reserved.names[lang] for lang in langs}) == 1:
            names = ", ".join(f"`{n}`" for n in reserved.names[langs[0]])
        else:
            names = "; ".join(
                f"{lang}: " + ", ".join(f"`{n}`" for n in reserved.names[lang]) for lang in langs
            )
        out.append(f"| {folders} | {names} | {_cell(reserved.owner)} |")
    return out + [""]


def _record_section(
    record_type: s.RecordType, langs: tuple[str, ...], content_type: ContentType | None = None
) -> list[str]:
    path, _, about = record_type.doc.partition(": ")
    out = [f"## {record_type.title}", "", f"`{path}`: {_cell(about)}", ""]
    if content_type is not None:
        out += [f'Start one with `python3 build.py new {content_type.kind} "Title"`.', ""]
    shape = record_type.shape
    if content_type is not None and content_type.per_language_files:
        out += [
            (
                "The front matter, between two `---` lines at the top of the file, holds "
                "these keys; the page's text in Markdown follows it."
            ),
            "",
        ]
    out += _table(_rows(shape, "", langs))
    return out


def _taxonomy_section(langs: tuple[str, ...]) -> list[str]:
    names = ", ".join(f"`{name}`" for name in s.TAXONOMIES)
    out = [
        "## Taxonomies",
        "",
        (
            f"`content/taxonomies.yaml`: the controlled vocabularies {names}. Under each, every "
            "code (a-z, 0-9 and -) holds these keys; records refer to a term by its code."
        ),
        "",
    ]
    return out + _table(_rows(s.TAXONOMY_TERM, "", langs))


def _rows(shape: s.Shape, prefix: str, langs: tuple[str, ...]) -> list[tuple[str, s.Field]]:
    """(dotted key, field) for every key of a shape, nested shapes after their parent."""
    rows: list[tuple[str, s.Field]] = []
    for spec in shape.facts:
        rows += _field_rows(f"{prefix}{spec.name}", spec, langs)
    for spec in shape.texts:
        rows += _field_rows(f"{prefix}{'/'.join(langs)}.{spec.name}", spec, langs)
    return rows


def _field_rows(key: str, spec: s.Field, langs: tuple[str, ...]) -> list[tuple[str, s.Field]]:
    rows = [(key, spec)]
    inner = spec.item if spec.kind == s.LIST else spec
    if inner is not None and inner.kind == s.OBJECT and inner.shape is not None:
        rows += _rows(inner.shape, f"{key}[]." if spec.kind == s.LIST else f"{key}.", langs)
    return rows


def _table(rows: list[tuple[str, s.Field]]) -> list[str]:
    out = ["| Key | Value | Required | Description |", "|---|---|---|---|"]
    for key, spec in rows:
        description = _cell(spec.doc)
        if spec.example:
            description += f" Example: {_code(spec.example)}"
        out.append(
            f"| `{key}` | {_value(spec)} | {'yes' if spec.required else ''} | {description} |"
        )
    return out + [""]


def _value(spec: s.Field) -> str:
    if spec.kind == s.LIST and spec.item is not None:
        return f"list; each item: {_value(spec.item)}"
    if spec.kind == s.OBJECT:
        return "keys (below)"
    if spec.kind == s.CHOICE:
        return "one of " + ", ".join(f"`{c}`" for c in spec.choices)
    name = KINDS[spec.kind].name
    if spec.kind == s.REF and spec.target:
        target = s.TYPE_BY_NAME[spec.target]
        noun = target.title.lower()
        article = "an" if noun[0] in "aeiou" else "a"
        return f"{name} of {article} {noun} (content/{target.folder}/)"
    if spec.kind == s.TERM and spec.target:
        return f"{name} from `{spec.target}`"
    return name


def _cell(text: str) -> str:
    """Text that is safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _code(text: str) -> str:
    if not text:
        return ""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


if __name__ == "__main__":
    sys.stdout.write(render_field_reference())
