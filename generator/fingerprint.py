"""A build's fingerprint: one digest of everything that decides the bytes of the site.

The hourly rebuild exists only so that a release appears when its embargo lifts: "now" moves,
nothing else does. The fingerprint covers every input file (content, generator code and
templates, theme, mkdocs.yml), the versions of Python and the tools, and the content model as
built at "now" (which releases are published, initiative status, certification validity, past
and upcoming events), so a new "now" changes it only when it changes what is published.

The fingerprint of the site a build made is kept in the build cache ($KLYNGE_CACHE, else .cache/
in the repository), never in the site, together with a digest of that site's files: a later
build with the same fingerprint, finding site/ exactly as it was left, has nothing to do.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sys
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum
from importlib import metadata
from pathlib import Path, PurePath

from generator import paths
from generator.content.model import Content

# Raise it when the build's outputs change in a way the inputs below do not show.
FORMAT = "1"
# The inputs of the generator's own, relative to the repository: code, templates, theme.
GENERATOR_INPUTS = ("build.py", "mkdocs.yml", "generator", "theme")
IGNORED_NAMES = ("__pycache__",)
IGNORED_SUFFIXES = (".pyc",)
# The packages that make the pages and files, whatever requirements.txt says.
CORE_PACKAGES = ("mkdocs", "mkdocs-material", "jinja2", "markdown", "weasyprint", "babel")


def fingerprint(content: Content, files: str) -> str:
    """The fingerprint of a build of `content` (the model at its "now") from input files whose
    digest is `files` (files_digest)."""
    return hashlib.sha256(
        f"klynge-site {FORMAT}\0{files}\0{model_digest(content)}".encode()
    ).hexdigest()


def files_digest(content_dir: Path, root: Path) -> str:
    """The digest of the tools' versions and every input file: content, code, templates, theme.

    Taken before the build reads them: a file saved during the build then makes the recorded
    fingerprint older than the site, never newer, and the next build builds again.
    """
    digest = hashlib.sha256(tool_versions().encode())
    for name in GENERATOR_INPUTS:
        _add_files(digest, Path(root) / name, name)
    _add_files(digest, Path(content_dir), "content")
    return digest.hexdigest()


def tool_versions() -> str:
    """Python's version and that of every package requirements.txt names and of the packages
    those need in turn (their own requirements float within ranges: a new Markdown extension or
    PDF library may change the output), one per line."""
    lines = [f"python {sys.version}"]
    requirements = paths.REPO / "requirements.txt"
    waiting = list(CORE_PACKAGES)  # also where a copy of the generator has no requirements.txt
    if requirements.is_file():
        waiting += [
            line.split("#", 1)[0].split("==", 1)[0].strip()
            for line in requirements.read_text(encoding="utf-8").splitlines()
        ]
    seen: set[str] = set()
    while waiting:
        name = re.sub(r"[-_.]+", "-", waiting.pop()).lower()
        if not name or name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            lines.append(f"{name} missing")
            continue
        lines.append(f"{name} {dist.version}")
        for requirement in dist.requires or ():
            if "extra ==" not in requirement:  # optional extras are not installed for the build
                waiting.append(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0])
    return "\n".join(sorted(lines)) + "\n"


def _add_files(digest, top: Path, label: str) -> None:
    """Each file below `top` (or `top` itself), by path relative to it and its bytes."""
    if top.is_file():
        found = [top]
    else:
        found = sorted(
            p
            for p in top.rglob("*")
            if p.is_file()
            and not any(part in IGNORED_NAMES for part in p.relative_to(top).parts)
            and p.suffix not in IGNORED_SUFFIXES
        )
    for path in found:
        try:
            data = path.read_bytes()
        except OSError as exc:  # the content check reports it; the fingerprint only notes it
            data = f"unreadable: {exc.strerror}".encode()
        rel = path.relative_to(top).as_posix() if path != top else ""
        digest.update(f"{label}/{rel}\0{len(data)}\0".encode())
        digest.update(data)


def model_digest(content: Content) -> str:
    """The digest of the content model as built at "now", without "now" itself.

    Everything the model derives from "now" (published releases, statuses, validity, past events)
    is in its records; "now" itself is left out because the pages never show it. The one output
    that does is the events' iCalendar files (DTSTAMP), so "now" counts only when there are events.
    """
    model = {
        field.name: getattr(content, field.name)
        for field in dataclasses.fields(content)
        if field.name != "now"
    }
    if content.events:
        model["now (iCalendar DTSTAMP)"] = content.now
    text = json.dumps(canonical(model), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def canonical(value):
    """`value` as plain JSON data with one spelling for one value: dataclasses by field, sets
    sorted, dates and times in ISO form. Raises TypeError for a type it does not know, so that a
    new kind of value in the model cannot slip out of the fingerprint unseen."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Enum):
        return [type(value).__name__, canonical(value.value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            type(value).__name__,
            {f.name: canonical(getattr(value, f.name)) for f in dataclasses.fields(value)},
        ]
    if isinstance(value, Mapping):
        return [[canonical(k), canonical(v)] for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((canonical(v) for v in value), key=json.dumps)
    if isinstance(value, datetime | date | time):
        return [type(value).__name__, value.isoformat(), str(getattr(value, "tzinfo", None))]
    if isinstance(value, timedelta):
        return ["timedelta", value.total_seconds()]
    if isinstance(value, tzinfo):
        return ["tzinfo", str(value)]
    if isinstance(value, PurePath):
        return ["path", str(value)]
    raise TypeError(f"the fingerprint does not know how to read a {type(value).__name__}")


# --- the record of the last build ---------------------------------------------------------------


def record_path(site_dir: Path) -> Path:
    """Where the fingerprint of the site in `site_dir` is kept: one file per site folder."""
    key = hashlib.sha256(str(Path(site_dir).resolve()).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("KLYNGE_CACHE") or paths.REPO / ".cache")
    return cache / "sites" / f"{key}.json"


def site_digest(site_dir: Path) -> str:
    """The digest of every file of a built site, by path and bytes: a site changed by hand, or
    restored from elsewhere, is not the one the fingerprint was recorded for."""
    digest = hashlib.sha256()
    _add_files(digest, Path(site_dir), "site")
    return digest.hexdigest()


def is_up_to_date(site_dir: Path, current: str) -> bool:
    """True when site_dir holds exactly the files of a build whose fingerprint is `current`."""
    try:
        recorded = json.loads(record_path(site_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict) or recorded.get("fingerprint") != current:
        return False
    return Path(site_dir).is_dir() and recorded.get("site") == site_digest(site_dir)


def forget(site_dir: Path) -> None:
    """Drop the record of site_dir before it is replaced: a build killed during the swap must not
    leave a record that describes another site."""
    record_path(site_dir).unlink(missing_ok=True)


def remember(site_dir: Path, current: str) -> None:
    """Record that site_dir now holds the build whose fingerprint is `current`.

    Written beside its final name and renamed over it, so a killed build leaves either no record
    or a whole one. A cache that cannot be written only means the next build does the work again.
    """
    record = record_path(site_dir)
    data = json.dumps(
        {"fingerprint": current, "site": site_digest(site_dir), "folder": str(site_dir)},
        indent=1,
    )
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        partial = record.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(data + "\n", encoding="utf-8")
        partial.replace(record)
    except OSError:
        pass
