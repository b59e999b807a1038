"""The content-type registry: every type is complete, and the registry alone drives `new`, the field
reference, the URLs and the pages."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.content import schema as s
from generator.content.fieldref import render_field_reference
from generator.content.model import Record, load_content
from generator.content.types import CONTENT_TYPES, TYPE_BY_KIND, ContentType
from generator.editor.scaffold import new_record
from generator.languages import table
from generator.paths import TEMPLATES
from generator.pipeline import language_build
from generator.site import urls as urls_module
from generator.site.urls import build_url_map

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-03-02T10:00:00+01:00"


def _catalogue(lang: str):
    path = ROOT / "theme" / "locales" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=lambda t: t.name)
def test_every_type_has_its_schema_templates_and_catalogue_strings(content_type: ContentType):
    assert content_type.schema in (*s.RECORD_TYPES, s.PAGE)
    assert content_type.name == content_type.schema.name
    assert issubclass(content_type.model, Record)
    for template in (content_type.template, content_type.listing):
        if template:
            assert (TEMPLATES / template).is_file(), template
    if content_type.listing:
        for lang in table().codes:
            assert content_type.section in table()[lang].sections, "a section slug per language"
        assert content_type.labels, "a listing needs its heading in the catalogues"
    strings = [*(content_type.labels or ()), *([content_type.menu] if content_type.menu else [])]
    for lang in ("da", "en"):
        catalogue = _catalogue(lang)
        for msgid in strings:
            assert catalogue.get(msgid) is not None and catalogue.get(msgid).string, (lang, msgid)


def test_the_registry_lists_every_schema_type_once():
    """validate.py reads schema.RECORD_TYPES; the rest of the build reads the registry."""
    assert [t.schema for t in CONTENT_TYPES] == [*s.RECORD_TYPES, s.PAGE]
    for attribute in ("name", "kind", "collection"):
        values = [getattr(t, attribute) for t in CONTENT_TYPES]
        assert len(values) == len(set(values)), attribute


def test_model_collections_and_counts_follow_the_registry(minimal_content):
    content = load_content(minimal_content, datetime(2026, 3, 2, 10))
    assert list(content.records) == [t.name for t in CONTENT_TYPES]
    for content_type in CONTENT_TYPES:
        assert getattr(content, content_type.collection) is content.records[content_type.name]
    assert list(content.counts()) == [t.collection.replace("_", " ") for t in CONTENT_TYPES]
    with pytest.raises(AttributeError):
        content.no_such_collection  # noqa: B018


def test_urls_give_each_record_of_a_type_with_pages_a_page(minimal_content):
    content = load_content(minimal_content, datetime(2026, 3, 2, 10))
    urls = build_url_map(content)
    for content_type in CONTENT_TYPES:
        keys = {key for key in urls.keys() if key[0] == content_type.name}
        expected = {(content_type.name, rid) for rid in content.records[content_type.name]}
        assert keys == (expected if content_type.has_pages else set()), content_type.name


def test_a_type_hidden_when_empty_has_no_section_page_and_no_menu_entry(
    minimal_content, monkeypatch, tmp_path
):
    content = load_content(minimal_content, datetime(2026, 3, 2, 10))
    content = dataclasses.replace(content, records={**content.records, "press_release": {}})
    registry = tuple(
        dataclasses.replace(t, hide_when_empty=t.name == "press_release") for t in CONTENT_TYPES
    )
    monkeypatch.setattr(urls_module, "CONTENT_TYPES", registry)
    urls = build_url_map(content)
    assert ("section", "press") not in urls.paths
    assert ("section", "certifications") in urls.paths
    nav = language_build(content, urls, "da", tmp_path / "docs", tmp_path / "site").nav
    paths = [path for entry in nav for path in entry.values()]
    assert "presse/index.md" not in paths and "certificeringer/index.md" in paths


def test_new_knows_every_kind_of_the_registry(tmp_path, copy_minimal):
    content_dir = copy_minimal(tmp_path)
    for content_type in CONTENT_TYPES:
        path = new_record(content_dir, content_type.kind, "Ny ting", datetime(2026, 3, 2, 10))
        assert path.parent == content_dir / content_type.folder
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "new", "--help"], capture_output=True, text=True
    )
    assert "{" + ",".join(t.kind for t in CONTENT_TYPES) + "}" in result.stdout
    assert set(TYPE_BY_KIND) == {t.kind for t in CONTENT_TYPES}


def test_field_reference_has_a_section_per_type():
    reference = render_field_reference()
    for content_type in CONTENT_TYPES:
        assert f"## {content_type.schema.title}\n" in reference
        assert f'`python3 build.py new {content_type.kind} "Title"`' in reference


# --- adding a type: the files it touches, and nothing else ------------------------------------

REPORT_SCHEMA = """
REPORT = RecordType(
    "report",
    "reports",
    "Report",
    "content/reports/<id>.yaml: a published report.",
    Shape(
        facts=(
            Field("date", DATE, "Publication date.", required=True, example="2026-01-15"),
            _refs("initiatives", "initiative", "Related initiatives."),
            ONLY_IN,
            TRANSLATED,
        ),
        texts=(
            Field("title", TEXT, "Title of the report.", required=True),
            Field("slug", SLUG, "Last part of the page address.", required=True),
            Field("summary", PARAGRAPH, "What the report finds.", required=True),
        ),
    ),
)
RECORD_TYPES = (*RECORD_TYPES, REPORT)
ALL_TYPES = (SITE, *RECORD_TYPES, PAGE)
TYPE_BY_NAME = {t.name: t for t in ALL_TYPES}
"""

REPORT_MODEL = """

@dataclass(frozen=True)
class ReportText:
    title: str
    slug: str
    summary: str


@dataclass(frozen=True)
class Report(Record[ReportText]):
    date: date
    initiatives: tuple[str, ...]
"""

REPORT_ENTRY = """
from generator.content.model import Report  # noqa: E402

CONTENT_TYPES = (
    *CONTENT_TYPES,
    ContentType(
        name="report",
        schema=s.REPORT,
        model=Report,
        collection="reports",
        kind="report",
        section="reports",
        template="report.md.j2",
        listing="reports.md.j2",
        labels=(_("Report"), _("Reports")),
        menu=_("Reports"),
        order=lambda r: r.date,
        newest_first=True,
        search=False,
        sitemap=False,
    ),
)
TYPE_BY_NAME = {t.name: t for t in CONTENT_TYPES}
TYPE_BY_KIND = {t.kind: t for t in CONTENT_TYPES}
TYPE_BY_COLLECTION = {t.collection: t for t in CONTENT_TYPES}
"""

REPORT_PAGE = """\
# {{ record.text(lang).title }}{{ heading_lang(record) }}

{{ record.text(lang).summary }}

{{ fmt_date(record.date) }}
"""

REPORT_LISTING = """\
# {{ heading }}

{% for r in items %}
- [{{ r.text(lang).title }}]({{ link(("report", r.id)) }}){{ link_lang(r) }}, {{ fmt_date(r.date) }}
{% endfor %}
"""

REPORT_FILE = """\
date: 2026-01-15
da:
  title: Årsrapport 2025
  slug: aarsrapport-2025
  summary: Klyngens år i tal.
en:
  title: Annual report 2025
  slug: annual-report-2025
  summary: The cluster's year in figures.
"""


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _add_report_type(repo: Path) -> None:
    """What adding a content type takes: its schema, its model class, one registry entry, its
    templates, its catalogue strings, and its section's slug in each language."""
    _append(repo / "generator/content/schema.py", REPORT_SCHEMA)
    _append(repo / "generator/content/model.py", REPORT_MODEL)
    _append(repo / "generator/content/types.py", REPORT_ENTRY)
    (repo / "generator/templates/report.md.j2").write_text(REPORT_PAGE, encoding="utf-8")
    (repo / "generator/templates/reports.md.j2").write_text(REPORT_LISTING, encoding="utf-8")
    for lang, one, many in (
        ("da", "Rapport", "Rapporter"),
        ("en", "Report", "Reports"),
        ("de", "Bericht", "Berichte"),
    ):
        _append(
            repo / f"theme/locales/{lang}/LC_MESSAGES/messages.po",
            f'\nmsgid "Report"\nmsgstr "{one}"\n\nmsgid "Reports"\nmsgstr "{many}"\n',
        )
    # The section's slug per language, in the language table.
    for own, slug in (
        ("arrangementer", "rapporter"),
        ("events", "reports"),
        ("veranstaltungen", "berichte"),
    ):
        _replace(
            repo / "generator/languages.yaml",
            f"      events: {own}\n",
            f"      events: {own}\n      reports: {slug}\n",
        )


def test_a_type_added_through_the_registry_gets_its_pages(tmp_path, copy_minimal):
    repo = tmp_path / "repo"
    for name in ("generator", "theme"):
        shutil.copytree(
            ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    for name in ("build.py", "mkdocs.yml"):
        shutil.copy2(ROOT / name, repo / name)
    _add_report_type(repo)
    content = copy_minimal(repo)
    (content / "reports").mkdir()
    (content / "reports" / "aarsrapport-2025.yaml").write_text(REPORT_FILE, encoding="utf-8")

    def build_py(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(repo / "build.py"), "--now", NOW, *args],
            capture_output=True,
            text=True,
            cwd=repo,
        )

    result = build_py("--quiet", "build")
    assert result.returncode == 0, result.stderr
    site = repo / "site"
    da = (site / "da/rapporter/aarsrapport-2025/index.html").read_text(encoding="utf-8")
    en = (site / "en/reports/annual-report-2025/index.html").read_text(encoding="utf-8")
    assert "Årsrapport 2025" in da and "Annual report 2025" in en
    assert 'hreflang="en"' in da and "/en/reports/annual-report-2025/" in da
    listing = (site / "da/rapporter/index.html").read_text(encoding="utf-8")
    assert "aarsrapport-2025/" in listing and "Rapporter" in listing
    home = (site / "da/index.html").read_text(encoding="utf-8")
    assert 'href="rapporter/"' in home, "the section is in the navigation"
    # search=False and sitemap=False keep the record pages out of the index and the sitemap.
    sitemap = (site / "da/sitemap.xml").read_text(encoding="utf-8")
    assert "/da/rapporter/" in sitemap and "/da/rapporter/aarsrapport-2025/" not in sitemap
    index = (site / "da/search/search_index.json").read_text(encoding="utf-8")
    assert "rapporter/" in index and "aarsrapport-2025/" not in index

    result = build_py("new", "report", "Rapport om sundhed")
    assert result.returncode == 0, result.stderr
    scaffold = Path(result.stdout.strip())
    assert scaffold == content / "reports" / "rapport-om-sundhed.yaml"
    assert "summary:" in scaffold.read_text(encoding="utf-8")

    reference = subprocess.run(
        [sys.executable, "-m", "generator.content.fieldref"],
        capture_output=True,
        text=True,
        cwd=repo,
    )
    assert "## Report\n" in reference.stdout
    assert '`python3 build.py new report "Title"`' in reference.stdout
    assert "| `da/en.summary` | paragraph | yes |" in reference.stdout
