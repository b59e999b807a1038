"""`build.py new`: a new content file with every field of its type, in both languages, explained.

The scaffold is generated from schema.py, so it always matches what `check` expects. Required fields
are left empty: `check` then says exactly what is still to fill in.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import yaml

from generator.clock import DEFAULT_TIMEZONE, in_zone
from generator.content import schema as s
from generator.content.types import TYPE_BY_KIND, ContentType
from generator.content.validate import site_languages
from generator.errors import UserError
from generator.i18n import translations
from generator.languages import make_slug


class ScaffoldError(UserError):
    """The new file cannot be written (it exists, or the title makes no id)."""


def new_record(content_dir: Path, kind: str, title: str, now: datetime) -> Path:
    """Write the scaffold for a new record and return its path."""
    content_type = TYPE_BY_KIND[kind]
    record_type = content_type.schema
    now = in_zone(now, _site_zone(Path(content_dir)))  # "today" is the date in the site's zone
    record_id = new_record_id(content_type, title, now)
    folder = Path(content_dir) / record_type.folder
    folder.mkdir(parents=True, exist_ok=True)
    if content_type.per_language_files:
        languages = site_languages_of(Path(content_dir))
        paths = [folder / f"{record_id}.{lang}.md" for lang in languages]
        for path in paths:
            if path.exists():
                raise ScaffoldError(f"{path} already exists", "choose another title")
        for lang, path in zip(languages, paths, strict=True):
            path.write_text(_page(title, lang), encoding="utf-8")
        return paths[0]
    path = folder / f"{record_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists", "choose another title")
    path.write_text(
        _yaml(record_type, title, now, site_languages_of(Path(content_dir))), encoding="utf-8"
    )
    return path


def new_record_id(content_type: ContentType, title: str, now: datetime) -> str:
    """The id (file name) `new` gives a record titled `title`: its slug, after today's date in the
    site's zone for dated types. The web editor names new files the same way."""
    record_id = make_slug(title)
    if not record_id:
        raise ScaffoldError(f"cannot make a file name from {title!r}", "use letters or digits")
    if content_type.dated_ids:
        record_id = f"{now.date().isoformat()}-{record_id}"
    return record_id


def site_zone(content_dir: Path) -> ZoneInfo:
    """The zone site.yaml names (Copenhagen when it names none): where "today" is."""
    return _site_zone(content_dir)


def site_languages_of(content_dir: Path) -> tuple[str, ...]:
    """The languages site.yaml lists (as `check` reads them), the first being the source."""
    try:
        data = yaml.safe_load((content_dir / "site.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None
    return site_languages(data)


def _site_zone(content_dir: Path) -> ZoneInfo:
    """The zone site.yaml names; Copenhagen when it names none (or one `check` will refuse)."""
    try:
        data = yaml.safe_load((content_dir / "site.yaml").read_text(encoding="utf-8"))
        name = data.get("timezone") if isinstance(data, dict) else None
        return (
            ZoneInfo(name)
            if isinstance(name, str) and name in available_timezones()
            else ZoneInfo(DEFAULT_TIMEZONE)
        )
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def _page(title: str, lang: str) -> str:
    _ = translations(lang).gettext
    heading, prompt = _("Heading"), _("Write the page here.")
    slug = make_slug(title)
    return (
        f"---\ntitle: {_quote(title)}\nslug: {slug}\n"
        f"description:   # one sentence for search engines and link previews\n---\n\n"
        f"## {heading}\n\n"
        f"{prompt}\n"
    )


def _yaml(record_type: s.RecordType, title: str, now: datetime, languages: tuple[str, ...]) -> str:
    lines = [
        f"# {record_type.doc}",
        "# Fill in every empty field; `python build.py check` lists "
        "what is missing. Field reference: docs/fields.md",
        "",
    ]
    for spec in record_type.shape.facts:
        lines.extend(_field(spec, "", now, title))
    for lang in languages:
        lines.append(f"{lang}:")
        for spec in record_type.shape.texts:
            # The title is written in the source language, the first of the site.
            lines.extend(_field(spec, "  ", now, title if lang == languages[0] else ""))
    return "\n".join(lines) + "\n"


def _field(spec: s.Field, indent: str, now: datetime, title: str) -> list[str]:
    comment = f"  # {'required: ' if spec.required else ''}{spec.doc}"
    if spec.kind == s.FINGERPRINTS:
        return []  # written by `build.py translations --import`, never by hand
    if spec.name == "only_in":
        return [f"{indent}# only_in: da{comment.replace('  #', '  ', 1)}"]
    value = ""
    if spec.name in ("title", "name") and title and spec.kind == s.TEXT:
        value = _quote(title)
    elif spec.name == "slug" and title:
        value = make_slug(title)
    elif spec.kind == s.DATE and spec.name in ("date", "start"):
        value = now.date().isoformat()
    elif spec.kind == s.BOOL:
        value = "false"
    elif spec.kind == s.LIST:
        value = "[]" if not spec.required else ""
    return [f"{indent}{spec.name}: {value}".rstrip() + comment]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
