"""`build.py translations`: what is missing in a language, record by record and field by field."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from . import schema as s
from .validate import LANGUAGE_NAMES, validate_content


def missing_translations(content_dir: Path) -> list[str]:
    """One line per record and field whose text exists in one language but not in the other."""
    checked = validate_content(content_dir)
    lines = []
    for type_name, records in checked.records.items():
        shape = s.TYPE_BY_NAME[type_name].shape
        for record in records.values():
            present = set(record.texts)
            for lang in s.LANGUAGES:
                if lang in present:
                    for spec in shape.texts:
                        if record.texts[lang].get(spec.name) in (None, [], "") and any(
                                record.texts[other].get(spec.name) not in (None, [], "")
                                for other in present - {lang}):
                            line = record.doc.line((lang,))
                            lines.append(f"{record.path}:{line}: {lang}.{spec.name}: missing in "
                                         f"{LANGUAGE_NAMES[lang]}")
                else:
                    lines.append(f"{record.path}:1: {lang}: the whole {LANGUAGE_NAMES[lang]} "
                                 f"text is missing (published with only_in)")
    return sorted(lines)


def run_translations(content_dir: Path, now: datetime, lang: str, export: Path | None,
                     import_: Path | None) -> int:
    """Print every missing translation; exit 0 either way (a gap is allowed, not an error)."""
    if export or import_:
        raise SystemExit("PO export and import are not available yet; translate in the YAML "
                         "files under da: and en:")
    lines = missing_translations(content_dir)
    for line in lines:
        print(line)
    print(f"{len(lines)} missing translation{'s' if len(lines) != 1 else ''}")
    return 0
