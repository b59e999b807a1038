"""The content schema: every field documented and typed; references point at record types."""

from __future__ import annotations

from generator.content import schema as s


def _fields(shape: s.Shape, prefix: str = ""):
    for field in (*shape.facts, *shape.texts):
        yield prefix + field.name, field
        item = field.item or field
        if item.shape is not None:
            yield from _fields(item.shape, f"{prefix}{field.name}.")


def test_every_field_tells_editors_what_it_is():
    undocumented = [
        f"{t.name}.{path}"
        for t in s.ALL_TYPES
        for path, field in _fields(t.shape)
        if not field.doc.strip()
    ]
    assert undocumented == []


def test_references_point_at_record_types_and_lists_say_what_they_hold():
    for record_type in s.ALL_TYPES:
        for path, field in _fields(record_type.shape):
            if field.kind == s.REF:
                assert field.target in s.TYPE_BY_NAME, f"{record_type.name}.{path}"
            if field.kind == s.LIST:
                assert field.item is not None, f"{record_type.name}.{path}"
            if field.kind == s.CHOICE:
                assert field.choices, f"{record_type.name}.{path}"


def test_a_press_release_needs_a_date_and_per_language_title_and_slug():
    shape = s.PRESS_RELEASE.shape
    assert shape.fact("date").required and shape.fact("date").kind == s.DATE
    assert shape.fact("embargo").kind == s.DATETIME_TZ
    required_texts = {f.name for f in shape.texts if f.required}
    assert {"title", "slug"} <= required_texts
    assert s.PRESS_RELEASE.folder == "press"


def test_record_types_are_found_by_name():
    assert [t.name for t in s.RECORD_TYPES] == [
        "initiative",
        "press_release",
        "certification",
        "organisation",
        "event",
        "person",
    ]
    assert s.TYPE_BY_NAME["site"] is s.SITE and s.TYPE_BY_NAME["page"] is s.PAGE
