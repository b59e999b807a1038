"""Content errors: one line per problem, as `path:line: field: message; hint`, sorted, once."""

from __future__ import annotations

from generator.errors import ContentError, ContentInvalid, UserError


def test_a_content_error_reads_as_path_line_field_message_and_hint():
    error = ContentError("content/press/a.yaml", 12, "date", "'19.06.2019' is not a date")
    assert str(error) == "content/press/a.yaml:12: date: '19.06.2019' is not a date"
    hinted = ContentError("content/a.yaml", 3, "slug", "taken", "choose another")
    assert str(hinted) == "content/a.yaml:3: slug: taken; choose another"


def test_content_invalid_lists_every_problem_sorted_by_file_and_line_once():
    b12 = ContentError("content/b.yaml", 12, "x", "late")
    b2 = ContentError("content/b.yaml", 2, "y", "early")
    a9 = ContentError("content/a.yaml", 9, "z", "first file")
    raised = ContentInvalid([b12, b2, a9, b2])
    assert raised.errors == [a9, b2, b12]
    assert str(raised) == (
        "content/a.yaml:9: z: first file\ncontent/b.yaml:2: y: early\ncontent/b.yaml:12: x: late"
    )


def test_a_user_error_carries_its_hint():
    error = UserError("port 8000 is in use", "choose another with --port")
    assert str(error) == "port 8000 is in use; choose another with --port"
    assert (error.message, error.hint) == ("port 8000 is in use", "choose another with --port")
    assert str(UserError("no hint")) == "no hint"
