"""`build.py translations`: missing, outdated and untranslated texts; a PO round trip for them.

When a translation is imported, a fingerprint of the source text it was made from is written
beside it (`translated:` in the record). When the source text changes later, the fingerprint no
longer matches and the translation is reported as outdated. Files are rewritten with ruamel.yaml,
which keeps the editors' comments and key order.

A translation that only repeats the source is reported as untranslated: a language block written
as a YAML alias of the other (`en: *da`), or a field whose text is the source text word for word
and longer than `MAX_SHARED_WORDS` words. Shorter texts may well be the same in both languages
(proper names, "Interreg Europe"), and so may the fields in `PROPER_NAME_FIELDS`; a text
imported from a PO file unchanged was kept on purpose by the translator.
"""

from __future__ import annotations

import copy
import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.content import schema as s
from generator.content.types import CONTENT_TYPES, TYPE_BY_NAME
from generator.content.validate import Checked, language_name, validate_content
from generator.editor.scaffold import site_languages_of
from generator.errors import UserError
from generator.languages import make_slug, table

TRANSLATABLE = {s.TEXT, s.PARAGRAPH, s.MARKDOWN}
# A text of more words than this, equal in both languages, has not been translated.
MAX_SHARED_WORDS = 3
# Names, and the field a certification is awarded in as its issuer words it: the Danish press
# writes "certificeret inden for Health and medical science".
PROPER_NAME_FIELDS = {"name", "domain"}


def fingerprint(text: str) -> str:
    """A short, stable fingerprint of a source text."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Gap:
    """One field of one record whose translation is missing or older than its source."""

    path: str
    line: int
    field: str
    source_lang: str
    target_lang: str
    source: str
    current: str  # the existing (outdated) translation, or ""
    outdated: bool
    untranslated: str = ""  # "alias" or "same" when the translation only repeats the source

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: {self.target_lang}.{self.field}"
        source = language_name(self.source_lang)
        if self.untranslated == "alias":
            return (
                f"{where}: untranslated; the {language_name(self.target_lang)} block is a "
                f"YAML alias of the {source} one"
            )
        if self.untranslated:
            return f"{where}: untranslated; the same text as in {source}"
        if self.outdated:
            return f"{where}: outdated; the {source} text has changed since it was translated"
        return f"{where}: missing in {language_name(self.target_lang)}"


def _as_text(value: object) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value).strip()


def find_gaps(content_dir: Path, target: str) -> list[Gap]:
    """Every missing or outdated translation into `target`, sorted by file and line."""
    checked = validate_content(content_dir)
    gaps = []
    for type_name, records in checked.records.items():
        shape = TYPE_BY_NAME[type_name].schema.shape
        for record in records.values():
            gaps.extend(_record_gaps(record, shape, target, checked.languages))
    return sorted(gaps, key=lambda g: (g.path, g.line, g.field))


def _record_gaps(
    record: Checked, shape: s.Shape, target: str, languages: tuple[str, ...]
) -> list[Gap]:
    # Translated from the first language the record is published in, other than the target.
    source = next((x for x in record.facts.get("only_in") or languages if x != target), None)
    if source is None or source not in record.texts:
        return []
    prints = (record.facts.get("translated") or {}).get(target, {})
    block = record.texts.get(target, {})
    line = record.doc.line((target,)) if target in record.texts else 1
    aliased = record.doc.aliases.get((target,)) == (source,)  # en: *da
    gaps = []
    for spec in shape.texts:
        if spec.kind not in TRANSLATABLE and not (
            spec.kind == s.LIST and spec.item.kind in TRANSLATABLE
        ):
            continue
        original = _as_text(record.texts[source].get(spec.name))
        if not original:
            continue
        current = _as_text(block.get(spec.name))
        known = prints.get(spec.name)
        if not current:
            gaps.append(Gap(record.path, line, spec.name, source, target, original, "", False))
        elif known and known != fingerprint(original):
            gaps.append(
                Gap(
                    record.path,
                    record.doc.line((target, spec.name)),
                    spec.name,
                    source,
                    target,
                    original,
                    current,
                    True,
                )
            )
        elif aliased:
            gaps.append(
                Gap(record.path, line, spec.name, source, target, original, "", False, "alias")
            )
        elif _repeats(spec, original, current) and known != fingerprint(original):
            gaps.append(
                Gap(
                    record.path,
                    record.doc.line((target, spec.name)),
                    spec.name,
                    source,
                    target,
                    original,
                    "",
                    False,
                    "same",
                )
            )
    return gaps


def _repeats(spec: s.Field, original: str, current: str) -> bool:
    """True when `current` is the source text itself and too long to be the same by right."""
    if spec.name in PROPER_NAME_FIELDS or " ".join(original.split()) != " ".join(current.split()):
        return False
    items = original.splitlines() if spec.kind == s.LIST else [original]
    return any(len(item.split()) > MAX_SHARED_WORDS for item in items)


def export_po(gaps: list[Gap], target: str, out: Path) -> None:
    """A PO file with one message per gap; the translator fills in msgstr."""
    catalog = Catalog(locale=target, project="Klynge content", fuzzy=False)
    for gap in gaps:
        catalog.add(
            gap.source,
            gap.current,
            context=f"{gap.path}#{gap.field}",
            flags=("fuzzy",) if gap.outdated else (),
            auto_comments=["One line per item."]
            if "\n" in gap.source and gap.field in _LIST_FIELDS
            else [],
        )
    with out.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True)


_LIST_FIELDS = {
    spec.name for t in CONTENT_TYPES for spec in t.schema.shape.texts if spec.kind == s.LIST
}


def import_po(content_dir: Path, po_file: Path, target: str) -> int:
    """Write the translated messages of a PO file into the YAML files; returns how many."""
    catalog = _read_catalog(po_file, target)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)  # the style of the bundled content
    by_file: dict[str, list] = {}
    for message in catalog:
        if not message.id or not message.string or message.fuzzy or not message.context:
            continue
        path, _, field = message.context.rpartition("#")
        by_file.setdefault(path, []).append((field, message.id, message.string))
    for rel in by_file:  # every file named must exist before any is written
        if "/" not in rel or not (Path(content_dir) / rel.split("/", 1)[1]).is_file():
            raise UserError(
                f"{po_file} names {rel}, which is not a content file here",
                "import the PO file into the site it was exported from",
            )
    written = 0
    for rel, entries in sorted(by_file.items()):
        path = Path(content_dir) / rel.split("/", 1)[1]
        data = yaml.load(path.read_text(encoding="utf-8"))
        block = data.get(target)
        copied = any(
            block is value for lang, value in data.items() if lang != target and lang in table()
        )
        if block is None:
            block = data[target] = CommentedMap()
        elif copied:  # en: *da: translate a copy, or the Danish block would change too
            block = data[target] = copy.deepcopy(block)
            block.pop("slug", None)  # the address follows the translated title
        prints = data.setdefault("translated", CommentedMap()).setdefault(target, CommentedMap())
        for field, source, text in entries:
            if field in _LIST_FIELDS:
                block[field] = CommentedSeq(
                    line.strip() for line in text.splitlines() if line.strip()
                )
            elif "\n" in text:
                block[field] = LiteralScalarString(text.rstrip() + "\n")
            else:
                block[field] = text
            prints[field] = fingerprint(source)
            written += 1
        title = block.get("title") or block.get("name")
        if title and not block.get("slug"):  # a new language block needs its own address
            block["slug"] = make_slug(str(title))
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
        only_in = data.get("only_in")
        if only_in and target not in (only_in if isinstance(only_in, list) else [only_in]):
            written_in = ", ".join(only_in) if isinstance(only_in, list) else only_in
            print(
                f"{rel}: now translated; add {target} to `only_in: {written_in}`, or remove it "
                "to publish it in every language"
            )
    return written


def _read_catalog(po_file: Path, target: str) -> Catalog:
    """The PO file's messages; UserError when it is missing or not a PO file."""
    not_po = UserError(
        f"{po_file} is not a PO file",
        "give the file that `translations --export` wrote, after translation",
    )
    try:
        data = po_file.read_bytes()
    except FileNotFoundError:
        raise UserError(
            f"{po_file} not found", "give the file that `translations --export` wrote"
        ) from None
    except IsADirectoryError:
        raise not_po from None
    if b"msgid" not in data:  # Babel reads an empty or unrelated file as an empty catalogue
        raise not_po
    try:
        return read_po(io.BytesIO(data), locale=target, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError):
        raise not_po from None


def run_translations(
    content_dir: Path, now: datetime, lang: str, export: Path | None, import_: Path | None
) -> int:
    """Report gaps into `lang` (or into every language but the site's first); with --export write
    them to a PO file, with --import read one."""
    if lang is None:
        targets = site_languages_of(content_dir)[1:]
        if (export or import_) and len(targets) != 1:
            raise UserError(
                "--export and --import work on one language",
                "add --lang and one of " + ", ".join(targets),
            )
        if not export and not import_:
            for target in targets:
                run_translations(content_dir, now, target, None, None)
            return 0
        lang = targets[0] if targets else ""
    if import_:
        count = import_po(content_dir, import_, lang)
        print(f"{count} translation{'s' if count != 1 else ''} written from {import_}")
        validate_content(content_dir)  # the result must still pass check
        return 0
    gaps = find_gaps(content_dir, lang)
    for gap in gaps:
        print(gap)
    outdated = sum(1 for g in gaps if g.outdated)
    untranslated = sum(1 for g in gaps if g.untranslated)
    missing = len(gaps) - outdated - untranslated
    print(
        f"{language_name(lang)}: {missing} missing, {outdated} outdated, "
        f"{untranslated} untranslated"
    )
    if export:
        export_po(gaps, lang, export)
        print(f"{len(gaps)} text{'s' if len(gaps) != 1 else ''} exported to {export}")
    return 0
