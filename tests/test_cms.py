"""The web editor's configuration (generator/editor/cms.py): made from the schema, so every field
an editor can write in a file is a field of the form."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from generator.content import schema as s
from generator.content.model import load_content
from generator.content.types import CONTENT_TYPES
from generator.editor import cms
from generator.newsroom.downloads import shared_downloads

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
LANGS = ("da", "en")


def _collection(config: dict, content_type) -> dict:
    return next(c for c in config["collections"] if c["name"] == content_type.collection)


def _missing(shape: s.Shape, fields: list[dict], where: str) -> list[str]:
    """Every schema field of `shape` the form lacks, walking lists, objects and languages."""
    by_name = {f["name"]: f for f in fields}
    missing = []
    for spec in shape.facts:
        missing += _missing_field(spec, by_name.get(spec.name), f"{where}{spec.name}")
    for lang in LANGS if shape.texts else ():
        group = by_name.get(lang)
        if group is None:
            missing.append(f"{where}{lang}")
            continue
        texts = {f["name"]: f for f in group["fields"]}
        for spec in shape.texts:
            missing += _missing_field(spec, texts.get(spec.name), f"{where}{lang}.{spec.name}")
    return missing


def _missing_field(spec: s.Field, field: dict | None, where: str) -> list[str]:
    if field is None:
        return [where]
    if field.get("required") != spec.required or not field.get("hint", "").endswith(spec.da):
        return [f"{where} (required or help text)"]
    if spec.kind == s.OBJECT:
        return _missing(spec.shape, field["fields"], f"{where}.")
    if spec.kind == s.LIST and spec.item.kind == s.OBJECT:
        return _missing(spec.item.shape, field["fields"], f"{where}[].")
    return []


def test_every_field_of_the_schema_is_a_field_of_the_form():
    config = cms.cms_config(CONTENT)
    yaml_types = [t for t in CONTENT_TYPES if not t.per_language_files]
    assert [c["name"] for c in config["collections"]] == [t.collection for t in yaml_types]
    for content_type in yaml_types:
        collection = _collection(config, content_type)
        assert collection["folder"] == f"content/{content_type.folder}"
        assert _missing(content_type.schema.shape, collection["fields"], "") == []


def _fields_without_danish_help(shape: s.Shape, where: str) -> list[str]:
    missing = []
    for spec in shape.facts + shape.texts:
        if not spec.da.strip() or spec.da == spec.doc:
            missing.append(f"{where}{spec.name}")
        if spec.shape is not None:
            missing += _fields_without_danish_help(spec.shape, f"{where}{spec.name}.")
        if spec.item is not None and spec.item.shape is not None:
            missing += _fields_without_danish_help(spec.item.shape, f"{where}{spec.name}[].")
    return missing


def test_every_field_of_the_schema_has_a_danish_help_text():
    shapes = [(t.name, t.shape) for t in s.ALL_TYPES] + [("taxonomies", s.TAXONOMY_TERM)]
    missing = [m for name, shape in shapes for m in _fields_without_danish_help(shape, f"{name}.")]
    assert missing == []


def test_a_field_without_a_danish_help_text_is_found():
    shape = s.Shape(facts=(s.Field("x", s.TEXT, "An English description only."),))
    assert _fields_without_danish_help(shape, "test.") == ["test.x"]


def test_the_help_texts_shown_in_the_editor_have_no_english_description():
    config = cms.cms_config(CONTENT)
    hints = []

    def collect(fields):
        for field in fields:
            hints.append(field.get("hint", ""))
            collect(field.get("fields", []))
            if "field" in field:
                collect([field["field"]])

    for collection in config["collections"]:
        collect(collection.get("fields", []))
        for file in collection.get("files", []):
            collect(file.get("fields", []))
    english = {spec.doc for t in s.ALL_TYPES for spec in _schema_fields(t.shape)}
    assert len(hints) > 150
    assert [h for h in hints if any(doc in h for doc in english if len(doc) > 12)] == []


def _schema_fields(shape: s.Shape):
    for spec in shape.facts + shape.texts:
        yield spec
        if spec.shape is not None:
            yield from _schema_fields(spec.shape)
        if spec.item is not None:
            yield spec.item
            if spec.item.shape is not None:
                yield from _schema_fields(spec.item.shape)


def test_a_field_missing_from_the_form_is_found():
    config = cms.cms_config(CONTENT)
    press = next(t for t in CONTENT_TYPES if t.name == "press_release")
    fields = _collection(config, press)["fields"]
    images = next(f for f in fields if f["name"] == "images")
    images["fields"] = [f for f in images["fields"] if f["name"] != "credit"]
    assert _missing(press.schema.shape, fields, "") == ["images[].credit"]


def _field(config: dict, collection: str, *names: str) -> dict:
    fields = next(c for c in config["collections"] if c["name"] == collection)["fields"]
    for name in names:
        found = next(f for f in fields if f["name"] == name)
        fields = found.get("fields", [])
    return found


def test_fields_have_danish_labels_danish_help_and_the_widgets_their_kind_needs():
    config = cms.cms_config(CONTENT)
    assert config["locale"] == "da"
    title = _field(config, "press_releases", "da", "title")
    assert (title["label"], title["hint"], title["required"]) == (
        "Titel",
        "Én linje tekst. Overskrift.",
        True,
    )
    embargo = _field(config, "press_releases", "embargo")
    assert embargo["widget"] == "datetime" and embargo["format"] == "YYYY-MM-DD HH:mm"
    assert embargo["hint"].startswith(
        "Dato og klokkeslæt i sitets tidszone (Europe/Copenhagen). Udgives ikke før dette"
    )
    assert _field(config, "press_releases", "time")["pattern"][0] == r"^([01]\d|2[0-3]):[0-5]\d$"
    assert _field(config, "press_releases", "da", "body")["widget"] == "markdown"
    assert _field(config, "press_releases", "images", "file")["widget"] == "image"
    assert config["media_folder"] == "content/media" and config["public_folder"] == "media"
    speaker = _field(config, "press_releases", "quotes", "speaker")
    assert (speaker["widget"], speaker["collection"], speaker["value_field"]) == (
        "relation",
        "people",
        "{{slug}}",
    )
    assert _field(config, "initiatives", "beneficiary")["collection"] == "organisations"
    assert _field(config, "press_releases", "initiatives")["field"]["collection"] == "initiatives"
    fund = _field(config, "initiatives", "funding", "fund")
    assert fund["widget"] == "select"
    assert fund["options"][0] == {
        "label": "Regionalfonden / European Regional Development Fund",
        "value": "erdf",
    }
    aims = _field(config, "initiatives", "da", "aims")
    assert (aims["widget"], aims["field"]["widget"], aims["required"]) == ("list", "string", True)
    amount = _field(config, "initiatives", "funding", "amount")
    assert (amount["widget"], amount["value_type"], amount["min"]) == ("number", "int", 0)


def test_each_image_field_lists_and_stores_its_files_in_its_kinds_folder():
    config = cms.cms_config(CONTENT)
    # The bundled files are where these folders say: press photos, logos and badges by kind.
    assert sorted(p.name for p in (CONTENT / "media").iterdir()) == ["badges", "logos", "press"]
    expected = {
        ("press_releases", "images", "file"): "press",
        ("certifications", "badge"): "badges",
        ("organisations", "logo"): "logos",
        ("initiatives", "images", "file"): "initiatives",
        ("events", "image", "file"): "events",
        ("people", "photo", "file"): "people",
    }
    for where, folder in expected.items():
        field = _field(config, *where)
        # A leading / is the repository's root (Decap): without it, beside the entry's file.
        assert (field["media_folder"], field["public_folder"]) == (
            f"/content/media/{folder}",
            f"media/{folder}",
        ), where
        assert field["hint"].startswith(
            f"Et billede (PNG, JPEG eller SVG) i content/media/{folder}/. "
        ), where
    # Every image field of every collection has its folder.
    found = []

    def walk(fields):
        for field in fields:
            if field.get("widget") in ("image", "file"):
                found.append(field)
            walk(field.get("fields", []))
            walk([field["field"]] if "field" in field else [])

    for collection in config["collections"]:
        walk(collection["fields"])
    assert len(found) == len(expected)
    assert all(f["media_folder"].startswith("/content/media/") for f in found)


def test_an_uploaded_file_gets_a_plain_file_name():
    assert cms.cms_config(CONTENT)["slug"] == {
        "encoding": "ascii",
        "clean_accents": True,
        "sanitize_replacement": "-",
    }


def test_every_content_type_has_a_danish_description_and_the_editor_shows_it():
    missing = [t.name for t in s.ALL_TYPES if not t.da or t.da == t.doc]
    assert missing == []
    config = cms.cms_config(CONTENT)
    for content_type in CONTENT_TYPES:
        if content_type.per_language_files:
            continue
        record = content_type.schema
        description = _collection(config, content_type)["description"]
        assert description == record.da
        assert description.startswith(f"content/{record.folder}/<id>.yaml: ")
    assert _collection(config, next(t for t in CONTENT_TYPES if t.name == "person"))[
        "description"
    ] == ("content/people/<id>.yaml: en kontaktperson.")


def test_region_options_carry_both_languages_labels():
    regions = _field(cms.cms_config(CONTENT), "initiatives", "regions")["field"]
    assert regions["widget"] == "select"
    assert {"label": "Syddanmark / Region of Southern Denmark", "value": "syddanmark"} in regions[
        "options"
    ]


def _with_editor(tmp_path: Path, editor: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with (content / "site.yaml").open("a", encoding="utf-8") as out:
        out.write(editor)
    return content


def test_github_backend_and_editorial_workflow_come_from_site_yaml(tmp_path):
    content = _with_editor(
        tmp_path,
        "editor:\n  backend: github\n  repo: klynge/website\n  branch: live\n"
        "  auth_url: https://auth.example.org/\n  editorial_workflow: true\n",
    )
    config = cms.cms_config(content)
    assert config["backend"] == {
        "name": "github",
        "repo": "klynge/website",
        "branch": "live",
        "base_url": "https://auth.example.org",
    }
    assert config["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in config


def test_gitlab_backend_signs_in_with_the_teams_application(tmp_path):
    content = _with_editor(
        tmp_path, "editor:\n  backend: gitlab\n  repo: klynge/website\n  app_id: abc123\n"
    )
    config = cms.cms_config(content)
    assert config["backend"] == {
        "name": "gitlab",
        "repo": "klynge/website",
        "branch": "main",
        "auth_type": "pkce",
        "app_id": "abc123",
    }
    assert "publish_mode" not in config


def test_the_local_configuration_points_at_the_local_backend_only():
    config = cms.cms_config(CONTENT, "http://127.0.0.1:8081/api/v1")
    assert config["local_backend"] == {
        "url": "http://127.0.0.1:8081/api/v1",
        "allowed_hosts": ["127.0.0.1"],
    }


def test_admin_files_load_the_cms_from_the_same_folder():
    files = cms.admin_files(CONTENT)
    assert sorted(files) == cms.admin_paths()
    page = files["admin/index.html"].decode()
    assert '<script src="decap-cms.js"></script>' in page and "http" not in page
    assert yaml.safe_load(files["admin/config.yml"]) == cms.cms_config(CONTENT)
    assert files["admin/decap-cms.js"] == (cms.DECAP_DIST / "decap-cms.js").read_bytes()
    assert cms.admin_file(CONTENT, "admin/config.yml") == files["admin/config.yml"]


NOW = datetime(2026, 12, 11, tzinfo=UTC)


def test_the_editor_is_in_the_site_only_when_site_yaml_enables_it(tmp_path):
    plain = load_content(CONTENT, NOW)
    assert not [d for d in shared_downloads(plain) if d.path.startswith("admin/")]
    content = load_content(
        _with_editor(tmp_path, "editor:\n  backend: github\n  repo: klynge/website\n"), NOW
    )
    admin = [d for d in shared_downloads(content) if d.path.startswith("admin/")]
    assert sorted(d.path for d in admin) == cms.admin_paths()
    assert {d.owner.describe() for d in admin} == {"the web editor"}


def test_a_wrong_backend_is_a_content_error(tmp_path):
    from generator.errors import ContentInvalid

    content = _with_editor(tmp_path, "editor:\n  backend: bitbucket\n  repo: klynge/website\n")
    with pytest.raises(ContentInvalid, match="editor.backend"):
        load_content(content, NOW)


def _all_fields(fields: list[dict]):
    for field in fields:
        yield field
        yield from _all_fields(field.get("fields", []))
        if "field" in field:
            yield from _all_fields([field["field"]])


def test_every_field_of_the_form_has_a_danish_label():
    config = cms.cms_config(CONTENT)
    unlabelled = {
        f["name"]
        for c in config["collections"]
        for f in _all_fields(c["fields"])
        if f["label"] == f["name"]
    }
    assert unlabelled == set()
    languages = [f["label"] for f in _field(config, "press_releases", "images")["fields"][-2:]]
    assert languages == ["Dansk", "Engelsk"]
