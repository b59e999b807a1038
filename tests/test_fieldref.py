"""fieldref.py: docs/fields.md is generated from the schema and must be up to date."""

from __future__ import annotations

import subprocess
import sys

from generator.content import schema as s
from generator.content.fieldref import COMMAND, KINDS, render_field_reference


def _all_fields(shape: s.Shape, prefix: str = ""):
    for spec in shape.facts:
        yield f"{prefix}{spec.name}", spec
        yield from _nested(spec, f"{prefix}{spec.name}")
    for spec in shape.texts:
        yield f"{prefix}da/en.{spec.name}", spec
        yield from _nested(spec, f"{prefix}da/en.{spec.name}")


def _nested(spec: s.Field, key: str):
    if spec.kind == s.LIST and spec.item.kind == s.OBJECT:
        yield from _all_fields(spec.item.shape, f"{key}[].")
    elif spec.kind == s.OBJECT:
        yield from _all_fields(spec.shape, f"{key}.")


def _every_field():
    for record_type in s.ALL_TYPES:
        for key, spec in _all_fields(record_type.shape):
            yield record_type.name, key, spec
    for key, spec in _all_fields(s.TAXONOMY_TERM):
        yield "taxonomy term", key, spec


def test_docs_fields_md_is_up_to_date(repo_root):
    current = (repo_root / "docs" / "fields.md").read_text(encoding="utf-8")
    assert current == render_field_reference(), (
        f"docs/fields.md is out of date; regenerate it with: {COMMAND}"
    )


def test_module_prints_the_reference(repo_root):
    result = subprocess.run(
        [sys.executable, "-m", "generator.content.fieldref"],
        cwd=repo_root,
        capture_output=True,
        check=True,
    )
    assert result.stdout.decode("utf-8") == render_field_reference()


def test_header_says_how_to_regenerate():
    first_lines = render_field_reference().splitlines()[:2]
    assert "do not edit by hand" in first_lines[0]
    assert "python -m generator.content.fieldref > docs/fields.md" in first_lines[1]


def test_every_field_has_a_description_and_a_row():
    text = render_field_reference()
    for record_type, key, spec in _every_field():
        assert spec.doc.strip() and spec.doc.rstrip().endswith("."), (record_type, key)
        assert f"| `{key}` |" in text, (record_type, key)


def test_every_record_type_and_kind_is_described():
    text = render_field_reference()
    for record_type in s.ALL_TYPES:
        assert f"## {record_type.title}\n" in text
        assert record_type.doc.partition(": ")[2] in text
    kinds = {spec.kind for _, _, spec in _every_field()} | {s.LIST, s.OBJECT}
    assert kinds <= set(KINDS)


def test_rows_show_kind_requirement_and_example():
    text = render_field_reference()
    assert "| `date` | date | yes | Date of the release. Example: `2019-06-19` |" in text
    assert (
        "| `start` | partial date |  | First day of the initiative; a year or a month when the day "
        "is not known. Example: `2021-11-23` |" in text
    )
    assert (
        "| `sources[].title` | text | yes | Title of the source document or page, as written in "
        "it. Example: `EU-guld til sund erhvervsklynge` |" in text
    )
    assert (
        "| `funding[].fund` | code from `funds` | yes | The fund (a code from taxonomies.yaml "
        "funds). |" in text
    )
    assert (
        "| `contacts` | list; each item: id of a person (content/people/) |  | Contact "
        "persons. |" in text
    )
    assert "| `images[].da/en.alt` | text | yes |" in text
    assert "| `results_status` | one of `expected`, `achieved` |  |" in text


def test_markdown_tables_are_well_formed():
    for line in render_field_reference().splitlines():
        if line.startswith("|"):
            cells = line.replace("\\|", "").count("|")
            assert cells in (4, 5), line  # 3 or 4 columns
