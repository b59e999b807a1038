"""Validation: every problem in every content file, found in one run, before anything is written.

`validate_content` reads the whole `content/` folder, checks each file against `schema.py`, then checks
what only the whole collection can tell (references, duplicate slugs, amounts across funding lines).
It returns plain checked values for `model.py`, or raises `ContentInvalid` with every error at once.
"""

from __future__ import annotations

import difflib
import os
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError
from slugify import slugify

from . import schema as s
from .errors import ContentError, ContentInvalid
from .loader import Document, field_name, parse_markdown, parse_yaml, read_text

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = ID_PATTERN
LANGUAGE_NAMES = {"da": "Danish", "en": "English"}
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


class _Context:
    def __init__(self, root: Path, doc: Document, errors: list[ContentError],
                 languages: tuple[str, ...]):
        self.root = root
        self.doc = doc
        self.errors = errors
        self.languages = languages

    def error(self, keypath: tuple, message: str, hint: str = "") -> object:
        self.errors.append(ContentError(self.doc.path, self.doc.line(keypath),
                                        field_name(keypath), message, hint))
        return _INVALID


def validate_content(root: Path) -> CheckedContent:
    """Check the content folder; raise ContentInvalid listing every problem found."""
    root = Path(root)
    errors: list[ContentError] = []
    checked = CheckedContent(root)
    if not root.is_dir():
        raise ContentInvalid([ContentError(str(root), 1, "file", "content folder not found",
                                           "run the command from the site's repository")])
    files = _discover(root, errors)
    languages = s.LANGUAGES
    site_doc = _parse(root, "site.yaml", errors, required=True)
    if site_doc is not None:
        ctx = _Context(root, site_doc, errors, languages)
        facts, texts = _check_shape(site_doc.data, s.SITE.shape, (), ctx, None)
        if facts is not _INVALID:
            checked.site = Checked("site", "site", site_doc.path, facts, texts, site_doc)
    tax_doc = _parse(root, "taxonomies.yaml", errors, required=True)
    if tax_doc is not None:
        checked.taxonomies = _check_taxonomies(root, tax_doc, errors, languages)
    for record_type in s.RECORD_TYPES:
        checked.records[record_type.name] = {}
        for rel in files.get(record_type.folder, []):
            record = _check_record_file(root, rel, record_type, errors, languages)
            if record is not None:
                others = checked.records[record_type.name]
                if record.id in others:
                    errors.append(ContentError(rel, 1, "file", f"duplicate id '{record.id}' "
                                               f"(also {others[record.id].path})",
                                               "rename one of the two files"))
                else:
                    others[record.id] = record
    checked.pages = _check_pages(root, files.get("pages", []), errors, languages)
    _check_references(checked, errors)
    if errors:
        raise ContentInvalid(errors)
    return checked


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
            errors.append(ContentError(rel, 1, "file", "symbolic link points outside content/",
                                       "replace the link with the file itself"))
            continue
        if entry.name not in folders and entry.name not in _TOP_LEVEL:
            hint = _did_you_mean(entry.name, sorted(folders | _TOP_LEVEL)) or \
                "content/ holds site.yaml, taxonomies.yaml and the folders " + \
                ", ".join(sorted(folders | {"media"}))
            errors.append(ContentError(rel, 1, "file", "unexpected file or folder", hint))
            continue
        if entry.name in folders and entry.is_dir():
            found[entry.name] = _files_in(root, entry, base, errors, entry.name)
    return found


def _files_in(root: Path, folder: Path, base: Path, errors: list[ContentError], name: str
              ) -> list[str]:
    suffixes = (".md",) if name == "pages" else (".yaml", ".yml")
    out = []
    for path in sorted(folder.iterdir()):
        rel = _rel(root, path)
        if path.name.startswith("."):
            continue
        if path.is_symlink() and not _inside(path, base):
            errors.append(ContentError(rel, 1, "file", "symbolic link points outside content/",
                                       "replace the link with the file itself"))
        elif path.is_dir():
            errors.append(ContentError(rel, 1, "file", "unexpected folder",
                                       f"put the files directly in content/{name}/"))
        elif path.suffix not in suffixes:
            errors.append(ContentError(rel, 1, "file", f"not a {' or '.join(suffixes)} file",
                                       f"content/{name}/ holds only {suffixes[0]} files"))
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
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def _parse(root: Path, name: str, errors: list[ContentError], required: bool = False
           ) -> Document | None:
    path = root / name
    rel = _rel(root, path)
    if not path.exists():
        if required:
            errors.append(ContentError(rel, 1, "file", "file is missing",
                                       f"create {rel}; see docs/fields.md"))
        return None
    text = read_text(path, rel, errors)
    if text is None:
        return None
    doc = parse_yaml(text, rel, errors)
    if doc is not None and not isinstance(doc.data, dict):
        errors.append(ContentError(rel, 1, "file", "expected keys and values at the top level",
                                   "write one 'key: value' per line"))
        return None
    return doc


def _record_id(rel: str, errors: list[ContentError]) -> str | None:
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if not ID_PATTERN.match(stem):
        errors.append(ContentError(rel, 1, "file", f"unsafe file name '{stem}'",
                                   f"rename the file to {slugify(stem) or 'a-name'}"
                                   f"{'.' + rel.rsplit('.', 1)[-1]} (a-z, 0-9 and -)"))
        return None
    return stem


def _check_record_file(root: Path, rel: str, record_type: s.RecordType,
                       errors: list[ContentError], languages: tuple[str, ...]) -> Checked | None:
    record_id = _record_id(rel, errors)
    doc = _parse(root, rel.split("/", 1)[1], errors)
    if doc is None or record_id is None:
        return None
    ctx = _Context(root, doc, errors, languages)
    only_in = doc.data.get("only_in") if isinstance(doc.data, dict) else None
    only_in = only_in if only_in in languages else None
    facts, texts = _check_shape(doc.data, record_type.shape, (), ctx, only_in)
    if facts is _INVALID:
        return None
    record = Checked(record_id, record_type.name, rel, facts, texts, doc)
    _check_record_rules(record, ctx)
    return record


# --- shapes and values ---------------------------------------------------------------------------

def _check_shape(value: object, shape: s.Shape, path: tuple, ctx: _Context,
                 only_in: str | None) -> tuple:
    """Check a mapping against a shape: (facts, texts per language), or (_INVALID, None)."""
    if not isinstance(value, dict):
        ctx.error(path, f"expected keys and values, got {_kind_of(value)}",
                  "write 'key: value' lines indented under this key")
        return _INVALID, None
    fact_names = [f.name for f in shape.facts]
    text_names = [f.name for f in shape.texts]
    allowed = fact_names + (list(ctx.languages) if shape.texts else [])
    facts: dict = {}
    for key in value:
        if key not in allowed:
            _unknown_key(key, path, allowed, text_names, ctx)
    for spec in shape.facts:
        facts[spec.name] = _check_field(spec, value, path, ctx)
    texts: dict[str, dict] = {}
    if shape.texts:
        for lang in ctx.languages:
            block = value.get(lang)
            if block is None:
                if only_in is None or lang == only_in:
                    ctx.error(path, f"missing {LANGUAGE_NAMES[lang]} text ({lang}:)",
                              f"add {lang}: with " + ", ".join(
                                  f.name for f in shape.texts if f.required)
                              + (" or set only_in to publish in one language"
                                 if not path else ""))
                continue
            if not isinstance(block, dict):
                ctx.error(path + (lang,), f"expected the {LANGUAGE_NAMES[lang]} texts as keys "
                          f"and values, got {_kind_of(block)}",
                          "indent the texts under " + lang + ":")
                continue
            for key in block:
                if key not in text_names:
                    _unknown_key(key, path + (lang,), text_names, fact_names, ctx, in_lang=True)
            texts[lang] = {t.name: _check_field(t, block, path + (lang,), ctx)
                           for t in shape.texts}
    return facts, texts


def _unknown_key(key: str, path: tuple, allowed: list[str], elsewhere: list[str],
                 ctx: _Context, in_lang: bool = False) -> None:
    if key in elsewhere:
        hint = (f"'{key}' is written once, outside da: and en:" if in_lang
                else f"'{key}' is text: put it under each language (da:, en:)")
    else:
        hint = _did_you_mean(key, allowed) or "allowed keys: " + ", ".join(allowed)
    ctx.error(path + (key,), "unknown key", hint)


def _did_you_mean(word: str, options: list[str]) -> str:
    match = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else ""


def _check_field(spec: s.Field, container: dict, path: tuple, ctx: _Context) -> object:
    keypath = path + (spec.name,)
    value = container.get(spec.name)
    empty = value is None or value == "" or value == []
    if empty:
        if spec.required:
            hint = f"add {spec.name}: ({spec.doc[0].lower()}{spec.doc[1:].rstrip('.')})"
            if spec.name in container:
                ctx.error(keypath, "required field is empty", hint)
            else:
                ctx.error(path, f"required field '{spec.name}' is missing", hint)
            return _INVALID
        return [] if spec.kind == s.LIST else None
    return _check_value(spec, value, keypath, ctx)


def _check_value(spec: s.Field, value: object, keypath: tuple, ctx: _Context) -> object:
    raw = ctx.doc.raw.get(keypath)
    kind = spec.kind
    if kind == s.LIST:
        if not isinstance(value, list):
            return ctx.error(keypath, f"expected a list, got {_kind_of(value)}",
                             "write one item per line, each starting with '- '")
        items = [_check_value(spec.item, item, keypath + (i,), ctx)
                 for i, item in enumerate(value)]
        return _INVALID if any(i is _INVALID for i in items) else items
    if kind == s.OBJECT:
        facts, texts = _check_shape(value, spec.shape, keypath, ctx, _only_in_of(ctx))
        if facts is _INVALID:
            return _INVALID
        return {"facts": facts, "texts": texts, "line": ctx.doc.line(keypath)}
    if isinstance(value, (list, dict)):
        return ctx.error(keypath, f"expected {_expected(spec)}, got {_kind_of(value)}",
                         f"write a single value, e.g. {spec.name}: {spec.example or '...'}")
    checker = _CHECKERS[kind]
    return checker(spec, value, raw if raw is not None else str(value), keypath, ctx)


def _only_in_of(ctx: _Context) -> str | None:
    data = ctx.doc.data
    value = data.get("only_in") if isinstance(data, dict) else None
    return value if value in ctx.languages else None


def _kind_of(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "keys and values"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return f"'{value}'"


def _expected(spec: s.Field) -> str:
    return {
        s.TEXT: "text", s.PARAGRAPH: "text", s.MARKDOWN: "Markdown text",
        s.DATE: "a date", s.MONTH: "a date", s.DATETIME_TZ: "a date and time",
        s.AMOUNT: "an amount", s.COUNT: "a number", s.NUMBER: "a number",
        s.BOOL: "true or false",
    }.get(spec.kind, "a single value")


def _text(spec, value, raw, keypath, ctx):
    text = raw.strip()
    if spec.kind == s.TEXT and "\n" in text:
        return ctx.error(keypath, "text must be on one line",
                         "join the lines, or use a field that allows paragraphs")
    if not text:
        return ctx.error(keypath, "text is empty", "fill it in or remove the key")
    return text


def _markdown(spec, value, raw, keypath, ctx):
    return raw.strip() + "\n"


_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _date(spec, value, raw, keypath, ctx):
    raw = raw.strip()
    if isinstance(value, date):
        return value
    if _ISO_DATE.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return ctx.error(keypath, f"'{raw}' is not a real date",
                             "check the day and the month")
    match = _DMY.match(raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            iso = date(year, month, day).isoformat()
            return ctx.error(keypath, f"'{raw}' is not an ISO date", f"write {iso}")
        except ValueError:
            return ctx.error(keypath, f"'{raw}' is not a real date",
                             "check the day and the month, and write it as YYYY-MM-DD")
    return ctx.error(keypath, f"'{raw}' is not a date",
                     f"write it as YYYY-MM-DD, e.g. {spec.example or '2021-11-23'}")


def _month(spec, value, raw, keypath, ctx):
    raw = raw.strip()
    match = _ISO_MONTH.match(raw)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            return ctx.error(keypath, f"'{raw}' is not a real month", "check the month")
        return Month(date(year, month, 1), has_day=False)
    result = _date(spec, value, raw, keypath, ctx)
    return result if result is _INVALID else Month(result, has_day=True)


def _datetime(spec, value, raw, keypath, ctx):
    raw = raw.strip()
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        if _DMY.match(raw) or _ISO_DATE.match(raw):
            return ctx.error(keypath, f"'{raw}' has no time and no timezone",
                             "write it as 2019-06-19T08:00:00+02:00")
        return ctx.error(keypath, f"'{raw}' is not a date and time",
                         "write it as 2019-06-19T08:00:00+02:00")
    if moment.tzinfo is None or len(raw) <= 10:
        return ctx.error(keypath, f"'{raw}' has no timezone",
                         f"add one, e.g. {moment.strftime('%Y-%m-%dT%H:%M:%S')}+02:00 for "
                         "Danish summer time or +01:00 for winter time")
    return moment


def _time(spec, value, raw, keypath, ctx):
    match = re.match(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$", raw.strip())
    if not match:
        return ctx.error(keypath, f"'{raw}' is not a time", 'write it as "10:00" (in quotes)')
    return time(int(match.group(1)), int(match.group(2)))


def _amount(spec, value, raw, keypath, ctx):
    digits = re.sub(r"[.,\s_]", "", raw.strip())
    if isinstance(value, bool) or not isinstance(value, int) or "_" in raw:
        hint = (f"write {digits}" if digits.isdigit()
                else "write the amount in whole kroner, digits only, e.g. 92524800")
        return ctx.error(keypath, f"'{raw}' is not a whole number of kroner", hint)
    if value < 0:
        return ctx.error(keypath, f"{value} is negative", "amounts are 0 or more kroner")
    return value


def _count(spec, value, raw, keypath, ctx):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return ctx.error(keypath, f"'{raw}' is not a whole number",
                         "write digits only, e.g. 200")
    return value


def _number(spec, value, raw, keypath, ctx):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return ctx.error(keypath, f"'{raw}' is not a positive number",
                         f"write digits with a decimal point, e.g. {spec.example or '7.46'}")
    return float(value)


def _bool(spec, value, raw, keypath, ctx):
    if not isinstance(value, bool):
        return ctx.error(keypath, f"'{raw}' is not true or false", "write true or false")
    return value


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _email(spec, value, raw, keypath, ctx):
    if not _EMAIL.match(raw.strip()):
        return ctx.error(keypath, f"'{raw}' is not an email address",
                         "write it as name@example.dk")
    return raw.strip()


def _phone(spec, value, raw, keypath, ctx):
    text = raw.strip()
    compact = re.sub(r"[\s-]", "", text)
    if re.fullmatch(r"\d{8}", compact):
        return "+45" + compact
    if re.fullmatch(r"\+45\d{8}", compact) or re.fullmatch(r"\+(?!45)\d{7,15}", compact):
        return compact
    return ctx.error(keypath, f"'{raw}' is not a phone number",
                     "write 8 digits for a Danish number, e.g. 21 28 84 19, or start with + "
                     "and the country code")


def _url(spec, value, raw, keypath, ctx):
    text = raw.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"']", text):
        return ctx.error(keypath, f"'{raw}' is not a web address",
                         "write the full address, starting with https://")
    return text


def _slug(spec, value, raw, keypath, ctx):
    if not SLUG_PATTERN.match(raw):
        suggestion = slugify(raw, replacements=[["æ", "ae"], ["ø", "oe"], ["å", "aa"],
                                                ["Æ", "Ae"], ["Ø", "Oe"], ["Å", "Aa"]])
        return ctx.error(keypath, f"'{raw}' is not a safe slug",
                         f"use only a-z, 0-9 and -, e.g. {suggestion or 'my-page'}")
    return raw


def _language(spec, value, raw, keypath, ctx):
    if raw not in ctx.languages:
        return ctx.error(keypath, f"'{raw}' is not a language of the site",
                         "write " + " or ".join(ctx.languages))
    return raw


def _ref(spec, value, raw, keypath, ctx):
    if not ID_PATTERN.match(raw):
        return ctx.error(keypath, f"'{raw}' is not a safe id",
                         f"write the file name of the {spec.target} without .yaml")
    return raw


def _choice(spec, value, raw, keypath, ctx):
    if raw not in spec.choices:
        hint = _did_you_mean(raw, list(spec.choices)) or "write one of: " + ", ".join(
            spec.choices)
        return ctx.error(keypath, f"'{raw}' is not allowed", hint)
    return raw


def _media(spec, value, raw, keypath, ctx):
    text = raw.strip()
    if text.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", text) or "\\" in text:
        return ctx.error(keypath, f"'{raw}' is an absolute path",
                         "write the path relative to content/, e.g. media/press/photo.jpg")
    if ".." in text.split("/") or not text.startswith("media/"):
        return ctx.error(keypath, f"'{raw}' is outside content/media/",
                         "put the file under content/media/ and write e.g. media/press/photo.jpg")
    path = ctx.root / text
    if not _inside(path, ctx.root.resolve()):
        return ctx.error(keypath, f"'{raw}' leads outside content/",
                         "replace the symbolic link with the file itself")
    if not path.is_file():
        return ctx.error(keypath, f"file '{text}' not found",
                         f"add it as content/{text}, or correct the path")
    if spec.kind == s.IMAGE and not _is_image(path):
        return ctx.error(keypath, f"'{text}' is not a real image",
                         "use a PNG, JPEG or SVG file")
    return text


def _is_image(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix == ".svg":
        try:
            return ElementTree.parse(path).getroot().tag.endswith("svg")
        except ElementTree.ParseError:
            return False
    if suffix not in (".png", ".jpg", ".jpeg"):
        return False
    try:
        with Image.open(path) as image:
            image.verify()
            return image.format in ("PNG", "JPEG")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False


_CHECKERS = {
    s.TEXT: _text, s.PARAGRAPH: _text, s.MARKDOWN: _markdown, s.DATE: _date, s.MONTH: _month,
    s.DATETIME_TZ: _datetime, s.TIME: _time, s.AMOUNT: _amount, s.COUNT: _count,
    s.NUMBER: _number, s.BOOL: _bool, s.EMAIL: _email, s.PHONE: _phone, s.URL: _url,
    s.SLUG: _slug, s.LANGUAGE: _language, s.REF: _ref, s.TERM: _ref, s.MEDIA: _media,
    s.IMAGE: _media, s.CHOICE: _choice,
}


# --- rules that span fields of one record ------------------------------------------------------

def _check_record_rules(record: Checked, ctx: _Context) -> None:
    facts = record.facts
    if record.type == "initiative":
        start, end, total = facts["start"], facts["end"], facts["total_eligible_cost"]
        if isinstance(start, date) and isinstance(end, date) and end < start:
            ctx.error(("end",), f"end {end.isoformat()} is before start {start.isoformat()}",
                      "check both dates")
        lines = facts["funding"] if isinstance(facts["funding"], list) else []
        if isinstance(total, int) and lines:
            funded = sum(line["facts"]["amount"] for line in lines
                         if isinstance(line["facts"]["amount"], int))
            if funded > total:
                ctx.error(("funding",), f"the funding lines add up to {funded}, more than the "
                          f"total eligible cost of {total}", "check the amounts")
    if record.type == "certification":
        awarded, until = facts["awarded"], facts["valid_until"]
        if isinstance(awarded, Month) and isinstance(until, Month) and \
                until.last_day() < awarded.value:
            ctx.error(("valid_until",), "valid_until is before the date it was awarded",
                      "check both dates")
    if record.type == "press_release":
        for index, quote in enumerate(facts["quotes"] or []):
            if isinstance(quote, dict) and not quote["facts"]["speaker"] and \
                    not quote["facts"]["name"]:
                ctx.error(("quotes", index), "a quote needs a speaker",
                          "add speaker: with a person's id, or name: and a role under da:/en:")


# --- taxonomies and pages ----------------------------------------------------------------------

def _check_taxonomies(root: Path, doc: Document, errors: list[ContentError],
                      languages: tuple[str, ...]) -> dict[str, dict[str, Checked]]:
    ctx = _Context(root, doc, errors, languages)
    result: dict[str, dict[str, Checked]] = {name: {} for name in s.TAXONOMIES}
    for name, terms in doc.data.items():
        if name not in s.TAXONOMIES:
            _unknown_key(name, (), list(s.TAXONOMIES), [], ctx)
            continue
        if not isinstance(terms, dict):
            ctx.error((name,), f"expected terms as keys and values, got {_kind_of(terms)}",
                      "write one code per line, e.g. hovedstaden:, with da: and en: labels")
            continue
        for code, term in terms.items():
            if not ID_PATTERN.match(str(code)):
                ctx.error((name, code), f"'{code}' is not a safe code",
                          "use only a-z, 0-9 and -")
                continue
            facts, texts = _check_shape(term, s.TAXONOMY_TERM, (name, code), ctx, None)
            if facts is not _INVALID:
                result[name][code] = Checked(code, name, doc.path, facts, texts, doc)
    return result


_PAGE_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md$")


def _check_pages(root: Path, rels: list[str], errors: list[ContentError],
                 languages: tuple[str, ...]) -> dict[str, dict[str, Checked]]:
    pages: dict[str, dict[str, Checked]] = {}
    for rel in rels:
        name = rel.rsplit("/", 1)[-1]
        match = _PAGE_NAME.match(name)
        if not match or match.group("lang") not in languages:
            errors.append(ContentError(rel, 1, "file", "page file name must be <id>.<lang>.md",
                                       "e.g. about.da.md and about.en.md"))
            continue
        page_id, lang = match.group("id"), match.group("lang")
        if not ID_PATTERN.match(page_id):
            errors.append(ContentError(rel, 1, "file", f"unsafe file name '{page_id}'",
                                       f"rename it to {slugify(page_id) or 'page'}.{lang}.md"))
            continue
        text = read_text(root / rel.split("/", 1)[1], rel, errors)
        doc = parse_markdown(text, rel, errors) if text is not None else None
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            errors.append(ContentError(rel, 2, "file", "front matter must be keys and values",
                                       "write title: and slug: between the --- lines"))
            continue
        ctx = _Context(root, doc, errors, languages)
        facts, _ = _check_shape(doc.data, s.PAGE.shape, (), ctx, None)
        if facts is _INVALID:
            continue
        if not doc.body.strip():
            errors.append(ContentError(rel, doc.body_line, "body", "page has no text",
                                       "write the page below the front matter"))
        pages.setdefault(page_id, {})[lang] = Checked(page_id, "page", rel, facts, {}, doc)
    for page_id, versions in sorted(pages.items()):
        for lang in languages:
            if lang not in versions:
                present = next(iter(versions.values()))
                errors.append(ContentError(
                    present.path, 1, "file", f"missing {LANGUAGE_NAMES[lang]} version",
                    f"add content/pages/{page_id}.{lang}.md"))
    return pages


# --- references across records -----------------------------------------------------------------

def _check_references(content: CheckedContent, errors: list[ContentError]) -> None:
    ids = {name: set(records) for name, records in content.records.items()}
    terms = {name: set(codes) for name, codes in content.taxonomies.items()}
    checked_all = list(content.records.values())
    targets = [content.site] if content.site else []
    for group in checked_all:
        targets.extend(group.values())
    for record in targets:
        record_type = s.TYPE_BY_NAME[record.type]
        _walk_refs(record, record_type.shape, record.facts, (), ids, terms, errors)
    for type_name, records in content.records.items():
        seen: dict[tuple[str, str], Checked] = {}
        for record in records.values():
            for lang, texts in record.texts.items():
                slug = texts.get("slug")
                if not isinstance(slug, str):
                    continue
                other = seen.get((lang, slug))
                if other is not None:
                    errors.append(ContentError(
                        record.path, record.doc.line((lang, "slug")), f"{lang}.slug",
                        f"slug '{slug}' is already used by {other.path}",
                        "choose another slug"))
                else:
                    seen[(lang, slug)] = record
    for lang in s.LANGUAGES:
        seen_pages: dict[str, Checked] = {}
        for versions in content.pages.values():
            page = versions.get(lang)
            if page is None or not isinstance(page.facts.get("slug"), str):
                continue
            slug = page.facts["slug"]
            if slug in seen_pages:
                errors.append(ContentError(page.path, page.doc.line(("slug",)), "slug",
                                           f"slug '{slug}' is already used by "
                                           f"{seen_pages[slug].path}", "choose another slug"))
            seen_pages[slug] = page
    _check_eu_total(content, errors)


def _walk_refs(record: Checked, shape: s.Shape, facts: dict, path: tuple, ids, terms,
               errors: list[ContentError]) -> None:
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
            hint = _did_you_mean(value, sorted(known)) or \
                f"create content/{s.TYPE_BY_NAME[spec.target].folder}/{value}.yaml"
            errors.append(ContentError(record.path, record.doc.line(path), field_name(path),
                                       f"no {spec.target} with id '{value}'", hint))
    elif spec.kind == s.TERM:
        known = terms.get(spec.target, set())
        if value not in known:
            hint = _did_you_mean(value, sorted(known)) or \
                f"add it under {spec.target}: in content/taxonomies.yaml"
            errors.append(ContentError(record.path, record.doc.line(path), field_name(path),
                                       f"'{value}' is not a code in {spec.target}", hint))


def _check_eu_total(content: CheckedContent, errors: list[ContentError]) -> None:
    funds = content.taxonomies.get("funds", {})
    for record in content.records.get("initiative", {}).values():
        total = record.facts.get("total_eligible_cost")
        lines = record.facts.get("funding")
        if not isinstance(total, int) or not isinstance(lines, list):
            continue
        eu = sum(line["facts"]["amount"] for line in lines
                 if isinstance(line["facts"]["amount"], int)
                 and line["facts"]["fund"] in funds and funds[line["facts"]["fund"]].facts["eu"])
        if eu > total:
            errors.append(ContentError(record.path, record.doc.line(("funding",)), "funding",
                                       f"EU support {eu} is larger than the total eligible "
                                       f"cost {total}", "check the amounts"))
