"""Validation: every problem in every content file, found in one run, before anything is written.

`validate_content` reads the whole `content/` folder, checks each file against `schema.py`, then
checks what only the whole collection can tell (references, duplicate slugs, amounts across funding
lines). It returns plain checked values for `model.py`, or raises `ContentInvalid` with every error
at once.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

from slugify import slugify

from generator import clock
from generator import languages as language_table
from generator.content import colours
from generator.content import schema as s
from generator.content.imagecheck import ImageProblem, check_image
from generator.content.loader import (
    UNREADABLE,
    Document,
    field_name,
    parse_markdown,
    parse_yaml,
    read_text,
)
from generator.content.sanitise import REMOVED_HINT, clean_markdown
from generator.errors import ContentError, ContentInvalid

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = ID_PATTERN
MESSAGE_LANGUAGE = "en"  # the language of check's messages and hints
_INVALID = object()  # a value that failed its check (already reported)
_TOP_LEVEL = {"site.yaml", "taxonomies.yaml", "media", "pages", "README.md"}


@dataclass(frozen=True)
class Month:
    """A date written with or without its day (2016-12 or 2016-12-05)."""

    value: date
    has_day: bool

    def last_day(self) -> date:
        if self.has_day:
            return self.value
        following = date(self.value.year + self.value.month // 12, self.value.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month, the quarter or only the year (2020-07-01, 2020-07,
    2020-Q3, 2020)."""

    value: date  # the first day of the period
    precision: str  # "day", "month", "quarter" or "year"

    @property
    def year(self) -> int:
        return self.value.year

    @property
    def has_day(self) -> bool:
        return self.precision == "day"

    def last_day(self) -> date:
        """The last day of the period the date stands for."""
        if self.precision == "day":
            return self.value
        months = {"month": 1, "quarter": 3, "year": 12}[self.precision]
        month = self.value.month - 1 + months
        following = date(self.value.year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)

    def isoformat(self) -> str:
        """As written in the content: 2020, 2020-07, 2020-Q3 or 2020-07-01."""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "quarter":
            return f"{self.value.year:04d}-Q{(self.value.month - 1) // 3 + 1}"
        if self.precision == "month":
            return self.value.isoformat()[:7]
        return self.value.isoformat()


@dataclass
class Checked:
    """One record after its own checks: converted facts, texts per language, where it came from."""

    id: str
    type: str
    path: str
    facts: dict
    texts: dict[str, dict]
    doc: Document = field(repr=False)


@dataclass
class CheckedContent:
    """Everything under content/, checked: what model.py builds records from."""

    root: Path
    site: Checked | None = None
    taxonomies: dict[str, dict[str, Checked]] = field(default_factory=dict)
    records: dict[str, dict[str, Checked]] = field(default_factory=dict)
    pages: dict[str, dict[str, Checked]] = field(default_factory=dict)  # id -> lang -> page
    warnings: list[ContentError] = field(default_factory=list)  # e.g. HTML removed from a body
    languages: tuple[str, ...] = ()  # the site's, from site.yaml


class _Context:
    def __init__(
        self,
        root: Path,
        doc: Document,
        errors: list[ContentError],
        languages: tuple[str, ...],
        zone: ZoneInfo | None = None,
        warnings: list[ContentError] | None = None,
    ):
        self.root = root
        self.doc = doc
        self.errors = errors
        self.languages = languages
        self.zone = zone  # the site's time zone, None when site.yaml names none that exists
        self.warnings = warnings if warnings is not None else []

    def error(self, keypath: tuple, message: str, hint: str = "") -> object:
        self.errors.append(
            ContentError(self.doc.path, self.doc.line(keypath), field_name(keypath), message, hint)
        )
        return _INVALID

    def warn(self, keypath: tuple, message: str, hint: str = "") -> None:
        self.warnings.append(
            ContentError(self.doc.path, self.doc.line(keypath), field_name(keypath), message, hint)
        )


def validate_content(
    root: Path, parsed: dict | None = None, checked_files: dict | None = None
) -> CheckedContent:
    """Check the content folder; raise ContentInvalid listing every problem found.

    `parsed` keeps the record files parsed by an earlier call (the live preview's), by path:
    a file whose text is unchanged is not parsed again. Its documents are only read.
    `checked_files` keeps each record file's own checks (RecordCache): a file whose bytes, the
    site's languages and time zone and the media files are unchanged is not checked again.
    The checks across records (references, slugs, totals) always run on the whole content.
    """
    root = Path(root)
    errors: list[ContentError] = []
    checked = CheckedContent(root)
    if not root.is_dir():
        raise ContentInvalid(
            [
                ContentError(
                    str(root),
                    1,
                    "file",
                    "content folder not found",
                    "run the command from the site's repository",
                )
            ]
        )
    files = _discover(root, errors)
    site_doc = _parse(root, "site.yaml", errors, required=True)
    languages = checked.languages = site_languages(site_doc.data if site_doc else None)
    if site_doc is not None:
        ctx = _Context(root, site_doc, errors, languages)
        facts, texts = _check_shape(site_doc.data, s.SITE.shape, (), ctx, None)
        if facts is not _INVALID:
            checked.site = Checked("site", "site", site_doc.path, facts, texts, site_doc)
            _check_brand_contrast(facts.get("brand"), ctx)
    zone = _site_zone(site_doc)
    tax_doc = _parse(root, "taxonomies.yaml", errors, required=True)
    if tax_doc is not None:
        checked.taxonomies = _check_taxonomies(root, tax_doc, errors, languages)
    cache = None if checked_files is None else RecordCache(checked_files, root, languages, zone)
    for record_type in s.RECORD_TYPES:
        records = checked.records[record_type.name] = {}
        first_with_id: dict[str, str] = {}  # x.yaml and x.yml would be the same record
        for rel in files.get(record_type.folder, []):
            if cache is None:
                record = _check_record_file(
                    root, rel, record_type, errors, languages, zone, checked.warnings, parsed
                )
            else:
                record = cache.check(rel, record_type, errors, checked.warnings, parsed)
            stem = _stem(rel)
            if stem in first_with_id:
                errors.append(
                    ContentError(
                        rel,
                        1,
                        "file",
                        f"the id '{stem}' is also used by {first_with_id[stem]}",
                        "rename or delete one of the two files",
                    )
                )
                continue
            first_with_id[stem] = rel
            if record is not None:
                records[record.id] = record
    checked.pages = _check_pages(root, files.get("pages", []), errors, languages, checked.warnings)
    # A reference to a file that exists but has errors of its own is not reported again.
    known_ids = {
        t.name: {_stem(rel) for rel in files.get(t.folder, []) if ID_PATTERN.match(_stem(rel))}
        for t in s.RECORD_TYPES
    }
    known_terms = (
        None
        if tax_doc is None
        else {
            name: set(terms) if isinstance(terms, dict) else set()
            for name, terms in ((n, tax_doc.data.get(n)) for n in s.TAXONOMIES)
        }
    )
    _check_references(checked, errors, known_ids, known_terms)
    if errors:
        raise ContentInvalid(errors)
    return checked


def site_languages(data: object) -> tuple[str, ...]:
    """The languages site.yaml builds, as far as the language table knows them. When the list
    cannot be used (it is reported), the language blocks site.yaml itself writes stand in, so
    the rest of the content is checked against what the editor most likely meant."""
    data = data if isinstance(data, dict) else {}
    table = language_table.table()
    listed = data.get("languages")
    if isinstance(listed, list):
        known = tuple(dict.fromkeys(x for x in listed if isinstance(x, str) and x in table))
        if known:
            return known
    return tuple(key for key in data if isinstance(key, str) and key in table) or table.assumed


def language_name(lang: str) -> str:
    """The name of a language as check's messages (written in English) give it: Danish."""
    return language_table.name(lang, MESSAGE_LANGUAGE)


def _site_zone(site_doc: Document | None) -> ZoneInfo | None:
    """The zone site.yaml names (Europe/Copenhagen when it names none); None when it is wrong."""
    data = site_doc.data if site_doc is not None else {}
    name = data.get("timezone") if isinstance(data, dict) else None
    if name is None or name == "":
        return ZoneInfo(clock.DEFAULT_TIMEZONE)
    if not isinstance(name, str) or not _is_zone(name.strip()):
        return None
    return ZoneInfo(name.strip())


# --- files -------------------------------------------------------------------------------------


def _discover(root: Path, errors: list[ContentError]) -> dict[str, list[str]]:
    """Content files per folder, as paths relative to the repository ('content/press/x.yaml')."""
    folders = {t.folder for t in s.RECORD_TYPES} | {"pages"}
    found: dict[str, list[str]] = {}
    base = root.resolve()
    for entry in sorted(root.iterdir()):
        rel = _rel(root, entry)
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not _inside(entry, base):
            errors.append(
                ContentError(
                    rel,
                    1,
                    "file",
                    "symbolic link points outside content/",
                    "replace the link with the file itself",
                )
            )
            continue
        if entry.name not in folders and entry.name not in _TOP_LEVEL:
            hint = _did_you_mean(
                entry.name, sorted(folders | _TOP_LEVEL)
            ) or "content/ holds site.yaml, taxonomies.yaml and the folders " + ", ".join(
                sorted(folders | {"media"})
            )
            errors.append(ContentError(rel, 1, "file", "unexpected file or folder", hint))
            continue
        if entry.name in folders | {"media"} and not entry.is_dir():
            errors.append(
                ContentError(
                    rel, 1, "file", "expected a folder, found a file", f"make {rel} a folder"
                )
            )
        elif entry.name in folders:
            found[entry.name] = _files_in(root, entry, base, errors, entry.name)
    return found


def _files_in(
    root: Path, folder: Path, base: Path, errors: list[ContentError], name: str
) -> list[str]:
    suffixes = (".md",) if name == "pages" else (".yaml", ".yml")
    out = []
    for path in sorted(folder.iterdir()):
        rel = _rel(root, path)
        if path.name.startswith("."):
            continue
        if path.is_symlink() and not _inside(path, base):
            errors.append(
                ContentError(
                    rel,
                    1,
                    "file",
                    "symbolic link points outside content/",
                    "replace the link with the file itself",
                )
            )
        elif path.is_dir():
            errors.append(
                ContentError(
                    rel,
                    1,
                    "file",
                    "unexpected folder",
                    f"put the files directly in content/{name}/",
                )
            )
        elif path.suffix not in suffixes:
            errors.append(
                ContentError(
                    rel,
                    1,
                    "file",
                    f"not a {' or '.join(suffixes)} file",
                    f"content/{name}/ holds only {suffixes[0]} files",
                )
            )
        else:
            out.append(rel)
    return out


def _inside(path: Path, base: Path) -> bool:
    try:
        path.resolve().relative_to(base)
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def _rel(root: Path, path: Path) -> str:
    return f"{root.absolute().name}/{path.relative_to(root).as_posix()}"


def _parse(
    root: Path,
    name: str,
    errors: list[ContentError],
    required: bool = False,
    parsed: dict | None = None,
) -> Document | None:
    path = root / name
    rel = _rel(root, path)
    if path.is_symlink() and not _inside(path, root.resolve()):
        return None  # reported by _discover
    if not path.exists():
        if required:
            errors.append(
                ContentError(rel, 1, "file", "file is missing", f"create {rel}; see docs/fields.md")
            )
        return None
    text = read_text(path, rel, errors)
    if text is None:
        return None
    if parsed is not None and rel in parsed and parsed[rel][0] == text:
        return parsed[rel][1]
    before = len(errors)
    doc = parse_yaml(text, rel, errors)
    if parsed is not None and len(errors) == before and doc is not None:
        if doc.data is not UNREADABLE and isinstance(doc.data, dict):
            parsed[rel] = (text, doc)
    if doc is not None and doc.data is UNREADABLE:
        return None
    if doc is not None and not isinstance(doc.data, dict):
        errors.append(
            ContentError(
                rel,
                1,
                "file",
                "expected keys and values at the top level",
                "write one 'key: value' per line",
            )
        )
        return None
    return doc


def _stem(rel: str) -> str:
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _record_id(rel: str, errors: list[ContentError]) -> str | None:
    stem = _stem(rel)
    if not ID_PATTERN.match(stem):
        errors.append(
            ContentError(
                rel,
                1,
                "file",
                f"unsafe file name '{stem}'",
                f"rename the file to {slugify(stem) or 'a-name'}"
                f"{'.' + rel.rsplit('.', 1)[-1]} (a-z, 0-9 and -)",
            )
        )
        return None
    return stem


class RecordCache:
    """The results of each record file's own checks, kept between calls of validate_content.

    An entry is used again only while everything those checks read is unchanged: the file's
    bytes, the site's languages and time zone, and the names, sizes and times of the files
    under media/ (a record names photos and logos there). Its errors and warnings are reported
    again, in the same place, each time.
    """

    def __init__(self, store: dict, root: Path, languages: tuple[str, ...], zone):
        self.store = store
        self.root = root
        self.depends = (languages, getattr(zone, "key", None), _media_state(root))
        for rel in [rel for rel, entry in store.items() if entry[1] != self.depends]:
            del store[rel]  # checked against other languages, zone or media: stale

    def check(
        self,
        rel: str,
        record_type: s.RecordType,
        errors: list[ContentError],
        warnings: list[ContentError],
        parsed: dict | None,
    ) -> Checked | None:
        path = self.root / rel.split("/", 1)[1]
        try:
            data = None if path.is_symlink() else path.read_bytes()
        except OSError:
            data = None
        entry = self.store.get(rel)
        if data is not None and entry is not None and entry[0] == data:
            errors.extend(entry[2])
            warnings.extend(entry[3])
            return entry[4]
        own_errors: list[ContentError] = []
        own_warnings: list[ContentError] = []
        languages, zone = self.depends[0], _zone_of(self.depends[1])
        record = _check_record_file(
            self.root, rel, record_type, own_errors, languages, zone, own_warnings, parsed
        )
        errors.extend(own_errors)
        warnings.extend(own_warnings)
        if data is not None:
            self.store[rel] = (data, self.depends, own_errors, own_warnings, record)
        else:
            self.store.pop(rel, None)
        return record


def _zone_of(key: str | None) -> ZoneInfo | None:
    return None if key is None else ZoneInfo(key)


def _media_state(root: Path) -> tuple:
    """Name, size and modification time of every file under media/, to notice any change."""
    state = []
    for folder, dirs, names in os.walk(root / "media"):
        dirs.sort()
        for name in sorted(names):
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            state.append((folder, name, info.st_size, info.st_mtime_ns))
    return tuple(state)


def _check_record_file(
    root: Path,
    rel: str,
    record_type: s.RecordType,
    errors: list[ContentError],
    languages: tuple[str, ...],
    zone: ZoneInfo | None,
    warnings: list[ContentError] | None = None,
    parsed: dict | None = None,
) -> Checked | None:
    record_id = _record_id(rel, errors)
    doc = _parse(root, rel.split("/", 1)[1], errors, parsed=parsed)
    if doc is None or record_id is None:
        return None
    ctx = _Context(root, doc, errors, languages, zone, warnings)
    facts, texts = _check_shape(doc.data, record_type.shape, (), ctx, _only_in_of(ctx))
    if facts is _INVALID:
        return None
    record = Checked(record_id, record_type.name, rel, facts, texts, doc)
    _check_record_rules(record, ctx)
    return record


# --- shapes and values ---------------------------------------------------------------------------


def _check_shape(
    value: object, shape: s.Shape, path: tuple, ctx: _Context, only_in: tuple[str, ...]
) -> tuple:
    """Check a mapping against a shape: (facts, texts per language), or (_INVALID, None)."""
    if value is UNREADABLE:
        return _INVALID, None
    if not isinstance(value, dict):
        ctx.error(
            path,
            f"expected keys and values, got {_kind_of(value)}",
            "write 'key: value' lines indented under this key",
        )
        return _INVALID, None
    fact_names = [f.name for f in shape.facts]
    text_names = [f.name for f in shape.texts]
    allowed = fact_names + (list(ctx.languages) if shape.texts else [])
    facts: dict = {}
    # A misspelt key is reported once, as unknown, not a second time as a missing field.
    misspelt = {
        _unknown_key(key, path, allowed, text_names, ctx) for key in value if key not in allowed
    }
    for spec in shape.facts:
        facts[spec.name] = _check_field(spec, value, path, ctx, spec.name in misspelt)
    texts: dict[str, dict] = {}
    if shape.texts:
        for lang in ctx.languages:
            block = value.get(lang)
            if block is UNREADABLE:
                continue
            if block is None:
                if lang in misspelt:
                    continue
                if not only_in or lang in only_in:
                    required = [f.name for f in shape.texts if f.required]
                    hint = (
                        f"add {lang}: with " + ", ".join(required)
                        if required
                        else f"add {lang}: with the {language_name(lang)} texts"
                    )
                    if shape.fact("only_in") and not only_in:
                        hint += _only_in_hint(value, lang, ctx)
                    ctx.error(path, f"the {language_name(lang)} text is missing ({lang}:)", hint)
                continue
            if not isinstance(block, dict):
                ctx.error(
                    path + (lang,),
                    f"expected the {language_name(lang)} texts as keys "
                    f"and values, got {_kind_of(block)}",
                    "indent the texts under " + lang + ":",
                )
                continue
            misspelt_texts = {
                _unknown_key(key, path + (lang,), text_names, fact_names, ctx, in_lang=True)
                for key in block
                if key not in text_names
            }
            texts[lang] = {
                t.name: _check_field(t, block, path + (lang,), ctx, t.name in misspelt_texts)
                for t in shape.texts
            }
    return facts, texts


def _unknown_key(
    key: str,
    path: tuple,
    allowed: list[str],
    elsewhere: list[str],
    ctx: _Context,
    in_lang: bool = False,
) -> str | None:
    """Report a key the schema does not know; return the allowed key it is close to, if any."""
    where = (
        "is written once, outside da: and en:"
        if in_lang
        else "is text: write it under each language (da:, en:)"
    )
    meant = _closest(key, allowed)
    if key in elsewhere:
        hint = f"'{key}' {where}"
    elif meant:
        hint = _did_you_mean(key, allowed)
    elif _did_you_mean(key, elsewhere):
        hint = f"{_did_you_mean(key, elsewhere)} It {where}"
    else:
        hint = "allowed keys here: " + ", ".join(allowed)
    ctx.error(path + (key,), "unknown key", hint)
    return meant if key not in elsewhere else None


def _closest(word: str, options: list[str]) -> str | None:
    match = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    return match[0] if match else None


def _did_you_mean(word: str, options: list[str]) -> str:
    match = _closest(word, options)
    return f"did you mean '{match}'?" if match else ""


def _check_field(
    spec: s.Field, container: dict, path: tuple, ctx: _Context, misspelt: bool = False
) -> object:
    keypath = path + (spec.name,)
    value = container.get(spec.name)
    if value is UNREADABLE:
        return _INVALID
    empty = value is None or value == "" or value == []
    if empty:
        if misspelt:
            return _INVALID
        if spec.kind == s.COLOUR and value is None and spec.name in container:
            # primary: #0b3d5c without quotes: YAML reads everything from # on as a comment.
            return ctx.error(
                keypath,
                "the colour is missing",
                f'a # outside quotes starts a comment in YAML: write {spec.name}: "#rrggbb", '
                f"e.g. {spec.name}: {spec.example}",
            )
        if spec.required:
            example = f" {spec.example}" if spec.example else ""
            hint = f"add {spec.name}:{example} — {spec.doc[0].lower()}{spec.doc[1:].rstrip('.')}"
            if spec.name in container:
                ctx.error(keypath, "required field is empty", hint)
            else:
                ctx.error(path, f"required field '{spec.name}' is missing", hint)
            return _INVALID
        return [] if spec.kind == s.LIST else None
    return _check_value(spec, value, keypath, ctx)


def _check_value(spec: s.Field, value: object, keypath: tuple, ctx: _Context) -> object:
    if value is UNREADABLE:  # already reported by the loader
        return _INVALID
    raw = ctx.doc.raw.get(keypath)
    kind = spec.kind
    if kind == s.LIST:
        if not isinstance(value, list):
            return ctx.error(
                keypath,
                f"expected a list, got {_kind_of(value)}",
                "write one item per line, each starting with '- '",
            )
        items = [
            _check_value(spec.item, item, keypath + (i,), ctx)
            if item is not None
            else ctx.error(keypath + (i,), "list item is empty", "fill it in, or delete the line")
            for i, item in enumerate(value)
        ]
        return _INVALID if any(i is _INVALID for i in items) else items
    if kind == s.FINGERPRINTS:
        return _fingerprints(value, keypath, ctx)
    if kind == s.OBJECT:
        facts, texts = _check_shape(value, spec.shape, keypath, ctx, _only_in_of(ctx))
        if facts is _INVALID:
            return _INVALID
        return {"facts": facts, "texts": texts, "line": ctx.doc.line(keypath)}
    if kind == s.LANGUAGE_SET:
        return _language_set(spec, value, raw if raw is not None else str(value), keypath, ctx)
    if isinstance(value, (list, dict)):
        example = f", e.g. {spec.name}: {spec.example}" if spec.example else ""
        return ctx.error(
            keypath,
            f"expected {_expected(spec)}, got {_kind_of(value)}",
            f"write one value after {spec.name}: on the same line{example}",
        )
    checker = _CHECKERS[kind]
    return checker(spec, value, raw if raw is not None else str(value), keypath, ctx)


def _fingerprints(value: object, keypath: tuple, ctx: _Context) -> object:
    hint = "leave this to `python build.py translations --import`, or delete it"
    if not isinstance(value, dict):
        return ctx.error(
            keypath, f"expected fingerprints per language, got {_kind_of(value)}", hint
        )
    for lang, fields in value.items():
        if (
            lang not in ctx.languages
            or not isinstance(fields, dict)
            or not all(
                isinstance(v, str) and re.fullmatch(r"[0-9a-f]{8,64}", v) for v in fields.values()
            )
        ):
            return ctx.error(keypath + (lang,), "is not a list of fingerprints", hint)
    return {lang: dict(fields) for lang, fields in value.items()}


def _only_in_of(ctx: _Context) -> tuple[str, ...]:
    """The languages `only_in:` of the file names, those of the site; () when it names none."""
    data = ctx.doc.data
    value = data.get("only_in") if isinstance(data, dict) else None
    listed = value if isinstance(value, list) else [value]
    return tuple(x for x in ctx.languages if x in listed)


def _only_in_hint(value: dict, missing: str, ctx: _Context) -> str:
    """How to publish a record in the languages it is written in."""
    written = [x for x in ctx.languages if x != missing and value.get(x) is not None]
    written = written or [x for x in ctx.languages if x != missing][:1]
    if len(written) == 1:
        return f", or write only_in: {written[0]} to publish in one language only"
    return f", or write only_in: [{', '.join(written)}] to publish in these languages only"


def _kind_of(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "keys and values"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return f"'{value}'"


def _expected(spec: s.Field) -> str:
    return {
        s.TEXT: "text",
        s.PARAGRAPH: "text",
        s.MARKDOWN: "Markdown text",
        s.DATE: "a date",
        s.MONTH: "a date",
        s.PARTIAL_DATE: "a date",
        s.DATETIME_TZ: "a date and time",
        s.DATE_OR_DATETIME: "a date, or a date and time",
        s.AMOUNT: "an amount",
        s.COUNT: "a number",
        s.NUMBER: "a number",
        s.BOOL: "true or false",
    }.get(spec.kind, "a single value")


def _text(spec, value, raw, keypath, ctx):
    text = raw.strip()
    if spec.kind == s.TEXT and "\n" in text:
        return ctx.error(
            keypath,
            "text must be on one line",
            "join the lines, or use a field that allows paragraphs",
        )
    if not text:
        return ctx.error(keypath, "text is empty", "fill it in or remove the key")
    return text


def _markdown(spec, value, raw, keypath, ctx):
    # The same dangerous parts the pages' sanitiser drops, removed here once, so that press kits
    # and PDFs use the same text, and the editor learns what was dropped.
    text, removed = clean_markdown(raw.strip())
    for what in removed:
        ctx.warn(keypath, f"removed {what}", REMOVED_HINT)
    return text.strip() + "\n"


_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_YMD = re.compile(r"^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MY = re.compile(r"^(\d{1,2})[./-](\d{4})$")
# A year outside this range is a typo; the range also keeps date arithmetic far from its limits.
YEARS = range(1900, 2101)
_MOMENT_EXAMPLE = "2026-12-10 08:00"


def _date(spec, value, raw, keypath, ctx):
    raw = raw.strip()
    if _ISO_DATE.match(raw):
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            return ctx.error(keypath, f"'{raw}' is not a real date", "check the day and the month")
        if day.year not in YEARS:
            return ctx.error(
                keypath,
                f"'{raw}' is not a plausible date",
                f"check the year (from {YEARS[0]} to {YEARS[-1]})",
            )
        return day
    dmy, ymd = _DMY.match(raw), _YMD.match(raw)
    if dmy or ymd:
        day, month, year = (int(g) for g in (dmy.groups() if dmy else ymd.groups()[::-1]))
        try:
            iso = date(year, month, day).isoformat()
        except ValueError:
            return ctx.error(
                keypath,
                f"'{raw}' is not a real date",
                "check the day and the month, and write the date as YYYY-MM-DD",
            )
        return ctx.error(keypath, f"'{raw}' is not a date", f"write {iso}")
    return ctx.error(
        keypath,
        f"'{raw}' is not a date",
        f"write it as YYYY-MM-DD, e.g. {spec.example or '2021-11-23'}",
    )


def _month(spec, value, raw, keypath, ctx):
    raw = raw.strip()
    match, written = _ISO_MONTH.match(raw), _MY.match(raw)
    if written:
        month, year = int(written.group(1)), int(written.group(2))
        if 1 <= month <= 12:
            return ctx.error(
                keypath,
                f"'{raw}' is not a date",
                f"write {year:04d}-{month:02d}, or the full date as YYYY-MM-DD",
            )
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            return ctx.error(keypath, f"'{raw}' is not a real month", "check the month")
        if year not in YEARS:
            return ctx.error(
                keypath,
                f"'{raw}' is not a plausible date",
                f"check the year (from {YEARS[0]} to {YEARS[-1]})",
            )
        return Month(date(year, month, 1), has_day=False)
    result = _date(spec, value, raw, keypath, ctx)
    return result if result is _INVALID else Month(result, has_day=True)


_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")


def _partial_date(spec, value, raw, keypath, ctx):
    """A year (2020), a quarter (2020-Q3), a month (2020-07) or a full date (2020-07-01)."""
    raw = raw.strip()
    year, quarter = _YEAR.match(raw), _QUARTER.match(raw)
    if year or quarter:
        number = int((year or quarter).group(1))
        if number not in YEARS:
            return ctx.error(
                keypath,
                f"'{raw}' is not a plausible date",
                f"check the year (from {YEARS[0]} to {YEARS[-1]})",
            )
        if year:
            return PartialDate(date(number, 1, 1), "year")
        return PartialDate(date(number, 3 * int(quarter.group(2)) - 2, 1), "quarter")
    result = _month(spec, value, raw, keypath, ctx)
    if result is _INVALID:
        return result
    return PartialDate(result.value, "day" if result.has_day else "month")


def _datetime(spec, value, raw, keypath, ctx):
    raw = raw.strip()
    if _ISO_DATE.match(raw) or _DMY.match(raw) or _YMD.match(raw):
        return ctx.error(
            keypath, f"'{raw}' has no time", f"write the date and the time, e.g. {_MOMENT_EXAMPLE}"
        )
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return ctx.error(
            keypath, f"'{raw}' is not a date and time", f"write it as {_MOMENT_EXAMPLE}"
        )
    if moment.year not in YEARS:
        return ctx.error(
            keypath,
            f"'{raw}' is not a plausible date",
            f"check the year (from {YEARS[0]} to {YEARS[-1]})",
        )
    zone = ctx.zone
    if zone is None:  # site.yaml's timezone is wrong, and reported: nothing to compare with
        return moment
    if moment.tzinfo is not None:
        return _moment_with_offset(moment, raw, keypath, ctx, zone)
    return _local_moment(moment, raw, keypath, ctx, zone)


def _date_or_datetime(spec, value, raw, keypath, ctx):
    """A whole day (2026-12-10), or a moment on a day (2026-12-10 09:30) as _datetime reads it."""
    text = raw.strip()
    if _ISO_DATE.match(text) or _DMY.match(text) or _YMD.match(text):
        return _date(spec, value, text, keypath, ctx)
    return _datetime(spec, value, text, keypath, ctx)


def _local_moment(
    moment: datetime,
    raw: str,
    keypath: tuple,
    ctx: _Context,
    zone: ZoneInfo,
    time_only: bool = False,
) -> object:
    """A clock time in the site's zone as a moment; an error where the clocks skip or repeat it.

    With time_only the field holds a clock time alone, so the hint names times, not moments.
    """
    choices = clock.local_choices(moment, zone)
    if len(choices) == 1:
        return choices[0]
    label = clock.zone_label(zone)
    first, second = choices or clock.gap_readings(moment, zone)
    before, after = clock.clock_change(first, second, zone)
    early, late = sorted((before, after), key=lambda t: t.time())
    if not choices:
        message = (
            f"'{raw}' does not exist in {label}: that night the clocks go from "
            f"{before:%H:%M} straight to {after:%H:%M}"
        )
        hint = f"write {_stamp(first)} or {_stamp(second)}"
    else:
        message = (
            f"'{raw}' happens twice in {label}: that night the clocks go back from "
            f"{before:%H:%M} to {after:%H:%M}"
        )
        hint = (
            f"write {_stamp(first)} ({clock.season_of(first, zone)}) or "
            f"{_stamp(second)} ({clock.season_of(second, zone)})"
        )
    if time_only:
        hint = f"write a time before {early:%H:%M} or from {late:%H:%M}"
    return ctx.error(keypath, message, hint)


def _moment_with_offset(
    moment: datetime, raw: str, keypath: tuple, ctx: _Context, zone: ZoneInfo
) -> object:
    """A moment written with an offset must use the offset the site's zone has at that moment."""
    local = clock.in_zone(moment, zone)
    written = moment.utcoffset()
    if written == local.utcoffset():
        return local
    label = clock.zone_label(zone)
    wall = moment.replace(tzinfo=None)
    seasons = clock.offsets_of_year(wall.year, zone)
    meant = clock.local_choices(wall, zone)
    if written in seasons and len(meant) == 1:
        # Summer and winter time mixed up: the clock time is what the editor meant.
        fixed = meant[0]
        hint = (
            f"{clock.format_offset(written)} is {seasons[written]}, but on "
            f"{fixed.date().isoformat()} {label} is {clock.format_offset(fixed.utcoffset())}"
            f": write {_stamp(fixed)}, or leave the offset out"
        )
    else:
        hint = (
            f"on {local.date().isoformat()} {label} is "
            f"{clock.format_offset(local.utcoffset())}: write {_stamp(local)} (the same "
            "moment), or leave the offset out"
        )
    return ctx.error(keypath, f"'{raw}' has the wrong offset for {label}", hint)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _timezone(spec, value, raw, keypath, ctx):
    name = raw.strip()
    if _is_zone(name):
        return name
    names = _zone_names()
    same = [known for known in names if known.lower() == name.lower()]
    hint = (
        f"did you mean '{same[0]}'?" if same else _did_you_mean(name, sorted(names))
    ) or f"write a time zone name from the IANA database, e.g. {clock.DEFAULT_TIMEZONE}"
    return ctx.error(keypath, f"'{raw}' is not a time zone", hint)


@functools.cache
def _zone_names() -> frozenset[str]:
    # Listing the zones reads the whole time zone database (about 0.1 s): only when it is needed.
    return frozenset(available_timezones())


def _is_zone(name: str) -> bool:
    return name == clock.DEFAULT_TIMEZONE or name in _zone_names()


def _time(spec, value, raw, keypath, ctx):
    match = re.match(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$", raw.strip())
    if not match:
        return ctx.error(keypath, f"'{raw}' is not a time", 'write it as "10:00" (in quotes)')
    return time(int(match.group(1)), int(match.group(2)))


_AMOUNT_EXAMPLE = "write the amount in whole kroner with digits only, e.g. 92524800"
# 92.524.800 or 92 524 800: thousands separators, the digits can be recovered.
_GROUPED = re.compile(r"^\d{1,3}(?:([., _'])\d{3})(?:\1\d{3})*$")
_CURRENCY = re.compile(r"^(?:dkk|kr\.?)\s*|\s*(?:dkk|kr\.?|kroner)$", re.IGNORECASE)
_MAX_DIGITS = 15  # a quadrillion kroner is certainly a typo, and keeps int() cheap


def _digits(raw: str) -> str | None:
    """The whole number a human meant by `raw` (digits, or digits in groups of three), if any."""
    text = _CURRENCY.sub("", raw.strip())
    if _GROUPED.match(text):
        return re.sub(r"\D", "", text)
    return text if text.isascii() and text.isdigit() else None


def _amount(spec, value, raw, keypath, ctx):
    # The raw text decides, not YAML's reading of it: YAML reads 010 as 8 and 0x10 as 16.
    text = raw.strip()
    if text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS:
        return int(text)
    if re.fullmatch(r"-\s*[\d.,\s]+", text):
        return ctx.error(keypath, f"'{raw}' is a negative amount", "amounts are 0 or more kroner")
    digits = _digits(text)
    if digits is not None and len(digits) > _MAX_DIGITS:
        return ctx.error(
            keypath, f"'{raw}' is too large to be an amount in kroner", "check the number of digits"
        )
    hint = f"write {digits}" if digits else _AMOUNT_EXAMPLE
    return ctx.error(keypath, f"'{raw}' is not a whole number of kroner", hint)


def _count(spec, value, raw, keypath, ctx):
    text = raw.strip()
    if text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS:
        return int(text)
    digits = _digits(text)
    hint = (
        f"write {digits}"
        if digits and len(digits) <= _MAX_DIGITS
        else f"write digits only, e.g. {spec.example or 200}"
    )
    return ctx.error(keypath, f"'{raw}' is not a whole number", hint)


def _number(spec, value, raw, keypath, ctx):
    text = raw.strip()
    if re.fullmatch(r"\d{1,9}(?:\.\d{1,9})?", text) and float(text) > 0:
        return float(text)
    return ctx.error(
        keypath,
        f"'{raw}' is not a positive number",
        f"write digits with a decimal point, e.g. {spec.example or '7.46'}",
    )


def _bool(spec, value, raw, keypath, ctx):
    if not isinstance(value, bool):
        hint = (
            "write true or false, without quotes"
            if raw.strip().lower() in ("true", "false")
            else "write true or false"
        )
        return ctx.error(keypath, f"'{raw}' is not true or false", hint)
    return value


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _email(spec, value, raw, keypath, ctx):
    if not _EMAIL.match(raw.strip()):
        return ctx.error(keypath, f"'{raw}' is not an email address", "write it as name@example.dk")
    return raw.strip()


def _phone(spec, value, raw, keypath, ctx):
    text = raw.strip()
    compact = re.sub(r"[\s-]", "", text)
    if re.fullmatch(r"\d{8}", compact):
        return "+45" + compact
    if re.fullmatch(r"\+45\d{8}", compact) or re.fullmatch(r"\+(?!45)\d{7,15}", compact):
        return compact
    return ctx.error(
        keypath,
        f"'{raw}' is not a phone number",
        "write 8 digits for a Danish number, e.g. 21 28 84 19, or start with + "
        "and the country code",
    )


def _url(spec, value, raw, keypath, ctx):
    text = raw.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed [ in the host
        parts, host = None, None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not host
        or re.search(r"[\s<>\"'\x00-\x1f]", text)
    ):
        looks_like_host = re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", text)
        hint = (
            f"write the full address: https://{text}"
            if looks_like_host and not (parts and parts.scheme)
            else "write the full address, starting with https://"
        )
        return ctx.error(keypath, f"'{raw}' is not a web address", hint)
    return text


def _slug(spec, value, raw, keypath, ctx):
    if not SLUG_PATTERN.match(raw):
        suggestion = language_table.make_slug(raw)
        return ctx.error(
            keypath,
            f"'{raw}' is not a safe slug",
            f"use only a-z, 0-9 and -, e.g. {suggestion or 'my-page'}",
        )
    return raw


def _language(spec, value, raw, keypath, ctx):
    if raw not in ctx.languages:
        return ctx.error(
            keypath, f"'{raw}' is not a language of the site", "write " + " or ".join(ctx.languages)
        )
    return raw


def _language_code(spec, value, raw, keypath, ctx):
    table = language_table.table()
    if raw not in table:
        return ctx.error(
            keypath,
            f"'{raw}' is not a language Klynge knows",
            "write one of " + ", ".join(table.codes) + " (the codes in generator/languages.yaml)",
        )
    return raw


def _language_set(spec, value, raw, keypath, ctx):
    """One language of the site, or a list of them: always a tuple."""
    if not isinstance(value, list):
        checked = _language(spec, value, raw, keypath, ctx)
        return _INVALID if checked is _INVALID else (checked,)
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            return ctx.error(keypath + (index,), "expected a language code", "write e.g. da")
        items.append(_language(spec, item, item, keypath + (index,), ctx))
    if not items:
        return ctx.error(keypath, "the list names no language", "write e.g. only_in: da")
    return _INVALID if _INVALID in items else tuple(dict.fromkeys(items))


def _ref(spec, value, raw, keypath, ctx):
    if not ID_PATTERN.match(raw):
        target = s.TYPE_BY_NAME[spec.target]
        return ctx.error(
            keypath,
            f"'{raw}' is not a valid id",
            f"write the id of {_a(target.title.lower())}: its file name in "
            f"content/{target.folder}/ without .yaml",
        )
    return raw


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _term(spec, value, raw, keypath, ctx):
    # Any text can be compared with the codes; _check_references says which codes exist.
    return raw.strip()


def _colour(spec, value, raw, keypath, ctx):
    text = raw.strip().strip("'\"")
    if colours.is_hex(text):
        return text.lower()
    short = re.fullmatch(r"#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])", text)
    hint = (
        f'write all six digits: "#{"".join(c * 2 for c in short.groups()).lower()}"'
        if short
        else f'write # and six hexadecimal digits in quotes, e.g. {spec.name}: "#0b3d5c"'
    )
    return ctx.error(keypath, f"'{raw}' is not a colour", hint)


def _check_brand_contrast(brand: object, ctx: _Context) -> None:
    """Every text/background pair the brand colours make must reach WCAG AA contrast."""
    if not isinstance(brand, dict):
        return
    # A colour already reported as not a colour is left out of the contrast check.
    settings = {k: v for k, v in brand["facts"].items() if isinstance(v, str)}
    for problem in colours.check_contrast(settings):
        ctx.error(("brand", problem.field), problem.message, problem.hint)


def _choice(spec, value, raw, keypath, ctx):
    if raw not in spec.choices:
        hint = _did_you_mean(raw, list(spec.choices)) or "write one of: " + ", ".join(spec.choices)
        return ctx.error(keypath, f"'{raw}' is not allowed", hint)
    return raw


_MEDIA_EXAMPLE = "media/press/photo.jpg"


def _media(spec, value, raw, keypath, ctx):
    text = raw.strip()
    if re.search(r"[\x00-\x1f\x7f]", text) or len(text) > 255:
        return ctx.error(
            keypath,
            f"'{raw}' is not a file path",
            f"write the path under content/, e.g. {_MEDIA_EXAMPLE}",
        )
    if text.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", text):
        return ctx.error(
            keypath,
            f"'{raw}' is an absolute path",
            f"write the path relative to content/, e.g. {_MEDIA_EXAMPLE}",
        )
    if "\\" in text:
        return ctx.error(
            keypath,
            f"'{raw}' contains backslashes",
            f"write / instead of \\: {text.replace(chr(92), '/')}",
        )
    if text.startswith("content/media/") and ".." not in text.split("/"):
        return ctx.error(
            keypath,
            f"'{raw}' starts with content/",
            f"leave it out: write {text.removeprefix('content/')}",
        )
    if ".." in text.split("/") or not text.startswith("media/"):
        return ctx.error(
            keypath,
            f"'{raw}' is outside content/media/",
            f"put the file under content/media/ and write e.g. {_MEDIA_EXAMPLE}",
        )
    path = ctx.root / text
    if not _inside(path, ctx.root.resolve()):
        return ctx.error(
            keypath,
            f"'{raw}' leads outside content/",
            "replace the symbolic link with the file itself",
        )
    if not _exists_as_written(path):
        meant = _closest_media(ctx.root, text)
        return ctx.error(
            keypath,
            f"file '{text}' not found",
            f"did you mean '{meant}'?"
            if meant
            else f"add it as content/{text}, or correct the path",
        )
    if spec.kind == s.IMAGE:
        if path.suffix.lower() not in (".png", ".jpg", ".jpeg", ".svg"):
            return ctx.error(
                keypath,
                f"'{text}' is not a PNG, JPEG or SVG file",
                "save the image as PNG, JPEG or SVG",
            )
        try:
            check_image(path, text)
        except ImageProblem as problem:
            return ctx.error(keypath, problem.message, problem.hint)
    return text


def _exists_as_written(path: Path) -> bool:
    """True when the file exists with exactly this name: a case-insensitive file system (macOS,
    Windows) would find Foto.JPG for foto.jpg, and the site's Linux build would not."""
    try:
        return path.is_file() and path.name in os.listdir(path.parent)
    except OSError:
        return False


def _closest_media(root: Path, text: str) -> str | None:
    """The file under content/media/ the editor probably meant: the same path in other letter
    case, else the closest path."""
    media = root / "media"
    try:
        files = sorted(p.relative_to(root).as_posix() for p in media.rglob("*") if p.is_file())
    except OSError:
        return None
    same_case = [f for f in files if f.lower() == text.lower()]
    if same_case:
        return same_case[0]
    match = difflib.get_close_matches(text.lower(), [f.lower() for f in files], n=1, cutoff=0.9)
    return next(f for f in files if f.lower() == match[0]) if match else None


_CHECKERS = {
    s.TEXT: _text,
    s.PARAGRAPH: _text,
    s.MARKDOWN: _markdown,
    s.DATE: _date,
    s.MONTH: _month,
    s.PARTIAL_DATE: _partial_date,
    s.DATETIME_TZ: _datetime,
    s.DATE_OR_DATETIME: _date_or_datetime,
    s.TIME: _time,
    s.AMOUNT: _amount,
    s.COUNT: _count,
    s.NUMBER: _number,
    s.BOOL: _bool,
    s.EMAIL: _email,
    s.PHONE: _phone,
    s.URL: _url,
    s.SLUG: _slug,
    s.LANGUAGE: _language,
    s.LANGUAGE_CODE: _language_code,
    s.LANGUAGE_SET: _language_set,
    s.REF: _ref,
    s.TERM: _term,
    s.MEDIA: _media,
    s.IMAGE: _media,
    s.CHOICE: _choice,
    s.TIMEZONE: _timezone,
    s.COLOUR: _colour,
}


# --- rules that span fields of one record ------------------------------------------------------


def _check_record_rules(record: Checked, ctx: _Context) -> None:
    facts = record.facts
    if record.type == "initiative":
        _check_initiative_dates(facts, ctx)
        status = facts["status"]
        lines = facts["funding"] if isinstance(facts["funding"], list) else []
        if status == "proposed":
            for index, line in enumerate(lines):
                if isinstance(line, dict) and line["facts"]["status"] in (None, "granted"):
                    ctx.error(
                        ("funding", index),
                        "a proposed initiative cannot have granted funding",
                        "write status: proposed on this funding line, or set "
                        "the initiative's status to approved once the money is granted",
                    )
    if record.type == "certification":
        awarded, until = facts["awarded"], facts["valid_until"]
        if (
            isinstance(awarded, PartialDate)
            and isinstance(until, Month)
            and until.last_day() < awarded.value
        ):
            ctx.error(
                ("valid_until",),
                f"{until.last_day().isoformat()} is before the date it "
                f"was awarded ({awarded.value.isoformat()})",
                "check both dates",
            )
        if awarded is None and facts["held_on"] is None:
            ctx.error(
                (),
                "required field 'awarded' is missing",
                "add awarded: 2019-06 — the date, month or year it was awarded; or "
                "held_on: with a date on which a source says it was held",
            )
        if facts["held_on"] is not None and facts["stated_in"] is None:
            ctx.error(
                (),
                "required field 'stated_in' is missing",
                "add stated_in: with the id of the press release that says it was held "
                "on that date",
            )
    if record.type == "event":
        _check_event(facts, ctx)
    if record.type == "press_release":
        day, clock_time = facts["date"], facts["time"]
        if ctx.zone is not None and isinstance(day, date) and isinstance(clock_time, time):
            # The release's moment is its date and time in the site's zone: it must be one.
            wall = datetime.combine(day, clock_time)
            _local_moment(
                wall,
                f"{day.isoformat()} {clock_time:%H:%M}",
                ("time",),
                ctx,
                ctx.zone,
                time_only=True,
            )
        quotes = facts["quotes"] if isinstance(facts["quotes"], list) else []
        for index, quote in enumerate(quotes):
            if (
                isinstance(quote, dict)
                and not quote["facts"]["speaker"]
                and not quote["facts"]["name"]
            ):
                ctx.error(
                    ("quotes", index),
                    "a quote needs a speaker",
                    "add speaker: with a person's id, or name: and a role under da:/en:",
                )


# An offset written after a clock time: +01:00, -0500, Z.
_OFFSET = re.compile(r"\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:[+-]\d\d:?\d\d|Z)$", re.IGNORECASE)
_EVENT_MOMENTS = ("start", "end", "registration_deadline")


def _check_event(facts: dict, ctx: _Context) -> None:
    """An event's times agree with each other, and an online event has no address."""
    written = {
        name: str(ctx.doc.raw.get((name,)) or ctx.doc.data.get(name)).strip()
        for name in _EVENT_MOMENTS
        if isinstance(facts[name], datetime)
    }
    with_offset = [name for name, raw in written.items() if _OFFSET.search(raw)]
    if with_offset:
        for name in written:
            if name not in with_offset:
                ctx.error(
                    (name,),
                    "missing time zone offset where one is given",
                    f"{with_offset[0]} has an offset: write one here too "
                    f"(e.g. {facts[name].isoformat(timespec='minutes')}), or leave out all offsets",
                )
    start, end = facts["start"], facts["end"]
    if _comparable(start, end) and _moment_order(end, ends=True) < _moment_order(start):
        ctx.error(
            ("end",),
            f"the end {_written(end)} is before the start {_written(start)}",
            "check both; an all-day event ends on its last day",
        )
    deadline = facts["registration_deadline"]
    if _comparable(deadline, start) and _moment_order(deadline) > _moment_order(start, ends=True):
        ctx.error(
            ("registration_deadline",),
            f"the registration deadline {_written(deadline)} is after the start {_written(start)}",
            "set a deadline on or before the start",
        )
    venue = facts["venue"]
    if facts["online"] is True and isinstance(venue, dict) and venue["facts"].get("address"):
        ctx.error(
            ("venue", "address"),
            "an online event cannot have an address",
            "remove the venue, or set online: false for an event held at a place",
        )


def _comparable(*values: object) -> bool:
    return all(isinstance(v, (date, datetime)) for v in values)


def _moment_order(value: date | datetime, ends: bool = False) -> tuple:
    """A sort key on one time line: a whole day counts from its start, or to its end (`ends`)."""
    if isinstance(value, datetime):
        return (value.date(), 1, value.replace(tzinfo=None).time())
    return (value, 2 if ends else 0, time(0))


def _written(value: date | datetime) -> str:
    """A day or a clock time as editors write it: 2026-12-10 or 2026-12-10 09:30."""
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, datetime) else value.isoformat()


def _check_initiative_dates(facts: dict, ctx: _Context) -> None:
    start, end, status = facts["start"], facts["end"], facts["status"]
    if status is _INVALID:
        return
    needed = () if status in s.UNDATED_STATUSES else ("start",) if status else ("start", "end")
    for name in needed:
        if facts[name] is None and name not in ctx.doc.data:
            spec = s.INITIATIVE.shape.fact(name)
            if status:
                hint = f"add {name}: {spec.example} — an {status} initiative needs its start"
            else:
                hint = (
                    f"add {name}: {spec.example} — {spec.doc[0].lower()}"
                    f"{spec.doc[1:].split(';')[0]}; or write status: proposed, approved or "
                    "cancelled when the sources give no dates"
                )
            ctx.error((), f"required field '{name}' is missing", hint)
    if (
        isinstance(start, PartialDate)
        and isinstance(end, PartialDate)
        and end.last_day() < start.value
    ):
        what = "start date" if start.has_day else "start"
        ctx.error(
            ("end",),
            f"{end.isoformat()} is before the {what} {start.isoformat()}",
            "check both dates",
        )


# --- taxonomies and pages ----------------------------------------------------------------------


def _check_taxonomies(
    root: Path, doc: Document, errors: list[ContentError], languages: tuple[str, ...]
) -> dict[str, dict[str, Checked]]:
    ctx = _Context(root, doc, errors, languages)
    result: dict[str, dict[str, Checked]] = {name: {} for name in s.TAXONOMIES}
    for name, terms in doc.data.items():
        if name not in s.TAXONOMIES:
            _unknown_key(name, (), list(s.TAXONOMIES), [], ctx)
            continue
        if terms is UNREADABLE:
            continue
        if not isinstance(terms, dict):
            ctx.error(
                (name,),
                f"expected terms as keys and values, got {_kind_of(terms)}",
                "write one code per line, e.g. hovedstaden:, with da: and en: labels",
            )
            continue
        for code, term in terms.items():
            if not ID_PATTERN.match(str(code)):
                ctx.error((name, code), f"'{code}' is not a safe code", "use only a-z, 0-9 and -")
                continue
            facts, texts = _check_shape(term, s.TAXONOMY_TERM, (name, code), ctx, None)
            if facts is not _INVALID:
                result[name][code] = Checked(code, name, doc.path, facts, texts, doc)
    return result


_PAGE_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md$")


def _check_pages(
    root: Path,
    rels: list[str],
    errors: list[ContentError],
    languages: tuple[str, ...],
    warnings: list[ContentError] | None = None,
) -> dict[str, dict[str, Checked]]:
    pages: dict[str, dict[str, Checked]] = {}
    written: set[tuple[str, str]] = set()  # (id, language) of every page file, valid or not
    for rel in rels:
        name = rel.rsplit("/", 1)[-1]
        match = _PAGE_NAME.match(name)
        if not match or match.group("lang") not in languages:
            errors.append(
                ContentError(
                    rel,
                    1,
                    "file",
                    "page file name must be <id>.<lang>.md",
                    "e.g. about.da.md and about.en.md",
                )
            )
            continue
        page_id, lang = match.group("id"), match.group("lang")
        written.add((page_id, lang))
        if not ID_PATTERN.match(page_id):
            errors.append(
                ContentError(
                    rel,
                    1,
                    "file",
                    f"unsafe file name '{page_id}'",
                    f"rename it to {slugify(page_id) or 'page'}.{lang}.md",
                )
            )
            continue
        text = read_text(root / rel.split("/", 1)[1], rel, errors)
        doc = parse_markdown(text, rel, errors) if text is not None else None
        if doc is None or doc.data is UNREADABLE:
            continue
        if not isinstance(doc.data, dict):
            errors.append(
                ContentError(
                    rel,
                    2,
                    "file",
                    "front matter must be keys and values",
                    "write title: and slug: between the --- lines",
                )
            )
            continue
        ctx = _Context(root, doc, errors, languages)
        facts, _ = _check_shape(doc.data, s.PAGE.shape, (), ctx, None)
        if facts is _INVALID:
            continue
        if not doc.body.strip():
            errors.append(
                ContentError(
                    rel,
                    doc.body_line,
                    "body",
                    "page has no text",
                    "write the page below the front matter",
                )
            )
        for what in clean_markdown(doc.body)[1]:  # the page's sanitiser drops these
            if warnings is not None:
                warnings.append(
                    ContentError(rel, doc.body_line, "body", f"removed {what}", REMOVED_HINT)
                )
        pages.setdefault(page_id, {})[lang] = Checked(page_id, "page", rel, facts, {}, doc)
    for page_id, versions in sorted(pages.items()):
        for lang in languages:
            if lang not in versions and (page_id, lang) not in written:
                present = next(iter(versions.values()))
                folder = present.path.rsplit("/", 1)[0]
                errors.append(
                    ContentError(
                        present.path,
                        1,
                        "file",
                        f"the {language_name(lang)} version is missing",
                        f"add {folder}/{page_id}.{lang}.md",
                    )
                )
    return pages


# --- references across records -----------------------------------------------------------------


def _check_references(
    content: CheckedContent,
    errors: list[ContentError],
    ids: dict[str, set[str]],
    terms: dict[str, set[str]] | None,
) -> None:
    """References, terms, slugs and amounts that only the whole collection can check.

    `ids` and `terms` hold every id and code written in the content, valid or not; `terms` is
    None when taxonomies.yaml could not be read, and codes are then not checked.
    """
    checked_all = list(content.records.values())
    targets = [content.site] if content.site else []
    for group in checked_all:
        targets.extend(group.values())
    for record in targets:
        record_type = s.TYPE_BY_NAME[record.type]
        _walk_refs(record, record_type.shape, record.facts, (), ids, terms, errors)
    for records in content.records.values():
        seen: dict[tuple[str, str], Checked] = {}
        for record in records.values():
            for lang, texts in record.texts.items():
                slug = texts.get("slug")
                if not isinstance(slug, str):
                    continue
                other = seen.get((lang, slug))
                if other is not None:
                    errors.append(
                        ContentError(
                            record.path,
                            record.doc.line((lang, "slug")),
                            f"{lang}.slug",
                            f"slug '{slug}' is already used by {other.path}:"
                            f"{other.doc.line((lang, 'slug'))}",
                            "choose another slug",
                        )
                    )
                else:
                    seen[(lang, slug)] = record
    for lang in content.languages:
        seen_pages: dict[str, Checked] = {}
        for versions in content.pages.values():
            page = versions.get(lang)
            if page is None or not isinstance(page.facts.get("slug"), str):
                continue
            slug = page.facts["slug"]
            if slug in seen_pages:
                other = seen_pages[slug]
                errors.append(
                    ContentError(
                        page.path,
                        page.doc.line(("slug",)),
                        "slug",
                        f"slug '{slug}' is already used by {other.path}:"
                        f"{other.doc.line(('slug',))}",
                        "choose another slug",
                    )
                )
            seen_pages[slug] = page
    _check_eu_total(content, errors)
    _check_held_on(content, errors)


def _check_held_on(content: CheckedContent, errors: list[ContentError]) -> None:
    """A release cannot state that a certification was held on a day after its own date."""
    releases = content.records.get("press_release", {})
    for record in content.records.get("certification", {}).values():
        held_on, stated_in = record.facts.get("held_on"), record.facts.get("stated_in")
        release = releases.get(stated_in) if isinstance(stated_in, str) else None
        if not isinstance(held_on, date) or release is None:
            continue
        issued = release.facts.get("date")
        if isinstance(issued, date) and held_on > issued:
            errors.append(
                ContentError(
                    record.path,
                    record.doc.line(("held_on",)),
                    "held_on",
                    f"{held_on.isoformat()} is after the press release that states it "
                    f"({release.path}, {issued.isoformat()})",
                    "a release can only say what was held on or before its own date; check held_on "
                    "and stated_in",
                )
            )


def _walk_refs(
    record: Checked,
    shape: s.Shape,
    facts: dict,
    path: tuple,
    ids,
    terms,
    errors: list[ContentError],
) -> None:
    for spec in shape.facts:
        value = facts.get(spec.name)
        _check_ref_value(record, spec, value, path + (spec.name,), ids, terms, errors)


def _check_ref_value(record, spec, value, path, ids, terms, errors) -> None:
    if value is None or value is _INVALID:
        return
    if spec.kind == s.LIST:
        for index, item in enumerate(value):
            _check_ref_value(record, spec.item, item, path + (index,), ids, terms, errors)
    elif spec.kind == s.OBJECT:
        _walk_refs(record, spec.shape, value["facts"], path, ids, terms, errors)
    elif spec.kind == s.REF:
        known = ids.get(spec.target, set())
        if value not in known:
            target = s.TYPE_BY_NAME[spec.target]
            hint = (
                _did_you_mean(value, sorted(known))
                or f"create content/{target.folder}/{value}.yaml, or correct the id"
            )
            errors.append(
                ContentError(
                    record.path,
                    record.doc.line(path),
                    field_name(path),
                    f"there is no {target.title.lower()} with the id '{value}'",
                    hint,
                )
            )
    elif spec.kind == s.TERM and terms is not None:
        known = terms.get(spec.target, set())
        if value not in known:
            hint = (
                _did_you_mean(value, sorted(known))
                or f"use a code listed under {spec.target}: in content/taxonomies.yaml"
            )
            errors.append(
                ContentError(
                    record.path,
                    record.doc.line(path),
                    field_name(path),
                    f"'{value}' is not a code in {spec.target}",
                    hint,
                )
            )


def _check_eu_total(content: CheckedContent, errors: list[ContentError]) -> None:
    funds = content.taxonomies.get("funds", {})
    for record in content.records.get("initiative", {}).values():
        total = record.facts.get("total_eligible_cost")
        lines = record.facts.get("funding")
        if not isinstance(total, int) or not isinstance(lines, list):
            continue
        amounts = [
            (line["facts"]["fund"], line["facts"]["amount"])
            for line in lines
            if isinstance(line["facts"]["amount"], int)
        ]
        eu = sum(amount for fund, amount in amounts if fund in funds and funds[fund].facts["eu"])
        funded = sum(amount for _, amount in amounts)
        at = record.doc.line(("funding",))
        if eu > total:
            errors.append(
                ContentError(
                    record.path,
                    at,
                    "funding",
                    f"the EU support ({eu} kr.) is larger than the total "
                    f"eligible cost ({total} kr.)",
                    "check the amounts and total_eligible_cost",
                )
            )
        elif funded > total:
            errors.append(
                ContentError(
                    record.path,
                    at,
                    "funding",
                    f"the funding lines add up to {funded} kr., more than the "
                    f"total eligible cost ({total} kr.)",
                    "check the amounts and total_eligible_cost",
                )
            )
