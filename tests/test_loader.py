"""loader.py: safe YAML with the line of every key, and the exact message for unreadable files."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from generator.content import loader
from generator.content.loader import (
    MAX_YAML_DEPTH,
    UNREADABLE,
    parse_markdown,
    parse_yaml,
    read_text,
)
from generator.content.schema import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parent.parent
LIBYAML = loader._FAST_LOADER  # before any test switches it off


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def parser(request, monkeypatch):
    """Every test runs with libyaml's parser (used when installed) and with PyYAML's own."""
    if request.param == "python":
        monkeypatch.setattr(loader, "_FAST_LOADER", None)
    elif loader._FAST_LOADER is None:
        pytest.skip("PyYAML is installed without libyaml")
    return request.param


def parse(text: str) -> tuple[object, list[str]]:
    """(data or None, error lines) for YAML text read as content/x.yaml."""
    errors = []
    doc = parse_yaml(text, "content/x.yaml", errors)
    return (doc.data if doc else None), [str(e) for e in errors]


def read(tmp_path: Path, data: bytes) -> tuple[str | None, list[str]]:
    path = tmp_path / "x.yaml"
    path.write_bytes(data)
    errors = []
    text = read_text(path, "content/x.yaml", errors)
    return text, [str(e) for e in errors]


# --- values and their lines --------------------------------------------------------------------


def test_values_keep_their_lines_and_raw_text():
    errors = []
    doc = parse_yaml(
        "title: Grøn\nfunding:\n  - fund: erdf\n    amount: 92524800\n"
        "start: 2021-11-23\nda:\n  lead: >-\n    two\n    lines\n",
        "content/x.yaml",
        errors,
    )
    assert errors == []
    assert doc.data == {
        "title": "Grøn",
        "funding": [{"fund": "erdf", "amount": 92524800}],
        "start": "2021-11-23",
        "da": {"lead": "two lines"},
    }
    assert doc.line(("title",)) == 1
    assert doc.line(("funding",)) == 2
    assert doc.line(("funding", 0)) == 3
    assert doc.line(("funding", 0, "amount")) == 4
    assert doc.line(("da", "lead")) == 7
    assert doc.line(("da", "missing")) == 6  # the nearest enclosing key
    assert doc.line(()) == 1
    assert doc.raw[("start",)] == "2021-11-23"  # dates stay text: validation parses them
    assert doc.raw[("funding", 0, "amount")] == "92524800"


def test_aliases_are_remembered_with_the_value_they_repeat():
    errors = []
    doc = parse_yaml(
        "da: &da\n  title: Grøn\n  aims: [Mindre CO2]\nen: *da\nx: &x Sund\ny: *x\nz: Sund\n",
        "content/x.yaml",
        errors,
    )
    assert errors == []
    assert doc.data["en"] == doc.data["da"]
    assert doc.aliases == {
        ("en",): ("da",),
        ("en", "title"): ("da", "title"),
        ("en", "aims"): ("da", "aims"),
        ("en", "aims", 0): ("da", "aims", 0),
        ("y",): ("x",),
    }  # z is written out: equal, but no alias


def test_front_matter_lines_count_from_the_top_of_the_page():
    errors = []
    doc = parse_markdown(
        "---\ntitle: Om\nslug: om\n---\n\nTekst.\n", "content/pages/om.da.md", errors
    )
    assert errors == []
    assert doc.data == {"title": "Om", "slug": "om"}
    assert doc.line(("slug",)) == 3
    assert doc.body == "\nTekst.\n"
    assert doc.body_line == 5


def test_yaml_reads_these_as_numbers_and_validation_sees_the_raw_text():
    data, errors = parse("a: 0x10\nb: 010\nc: 92.524\nd: 92.524.800\n")
    assert errors == []
    assert data == {"a": 16, "b": 8, "c": 92.524, "d": "92.524.800"}


# --- syntax ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: Nyt: guld\n",
            (
                "content/x.yaml:1: file: YAML syntax error at column 11: a colon followed by a "
                'space is not allowed here; put text that contains ": " in quotes, e.g. title: '
                '"Nyt: EU-guld", or check that the line is indented like the keys around it'
            ),
        ),
        (
            'a: 1\nname: "Mette Lund\nb: 2\n',
            (
                "content/x.yaml:2: file: YAML syntax error at column 7: a quotation mark is never "
                "closed; end the text with the same kind of quotation mark it starts with"
            ),
        ),
        (
            "a: 1\nregions: [fyn, sjaelland\nb: 2\n",
            (
                "content/x.yaml:2: file: YAML syntax error at column 10: a list that starts with [ "
                "is never closed; end it with ] and separate the items with commas"
            ),
        ),
        (
            "a: 1\nda: {label: Fyn\n",
            (
                "content/x.yaml:2: file: YAML syntax error at column 5: a group that starts with { "
                "is never closed; end it with } and separate the entries with commas"
            ),
        ),
        (
            "title: *ny*\n",
            (
                "content/x.yaml:1: file: YAML syntax error at column 8: text that starts with * or "
                '& must be in quotes; put the value in quotes, e.g. "*new*"'
            ),
        ),
        (
            "title: *ny\n",
            (
                "content/x.yaml:1: file: YAML syntax error at column 8: text that starts with * or "
                '& must be in quotes; put the value in quotes, e.g. "*new*"'
            ),
        ),
        (
            "title: @klynge\n",
            (
                "content/x.yaml:1: file: YAML syntax error at column 8: this value must be in "
                'quotes; put the value in quotes, e.g. "@name"'
            ),
        ),
        (
            "a: b\n- c\n",
            (
                "content/x.yaml:2: file: YAML syntax error at column 1: this line does not fit "
                "with the lines above it; check that it is indented like the keys around it, that "
                "list items start with '- ', and that quoted text has nothing after the closing "
                "quote"
            ),
        ),
        (
            "a: 1\n---\nb: 2\n",
            (
                "content/x.yaml:2: file: YAML syntax error at column 1: the file holds more than "
                "one document; remove the --- line"
            ),
        ),
        (
            'a: "C:\\q"\n',
            (
                "content/x.yaml:1: file: YAML syntax error at column 8: unknown escape sequence "
                "with \\ in double quotes; write \\\\ for a backslash, or use single quotes"
            ),
        ),
    ],
)
def test_syntax_errors_have_line_column_and_plain_words(text, expected):
    assert parse(text) == (None, [expected])


def test_syntax_error_in_front_matter_counts_the_opening_dashes():
    errors = []
    assert (
        parse_markdown(
            "---\ntitle: Om\nslug: om: os\n---\nTekst\n", "content/pages/om.da.md", errors
        )
        is None
    )
    assert [str(e).split(";")[0] for e in errors] == [
        (
            "content/pages/om.da.md:3: file: YAML syntax error at column 9: a colon followed by a "
            "space is not allowed here"
        )
    ]


def test_tab_indentation_is_reported_at_the_first_tab():
    assert parse("da:\n\ttitle: x\n\tslug: y\n\tlead: z\n") == (
        None,
        [
            (
                "content/x.yaml:2: file: line is indented with a tab; indent with spaces, not tabs "
                "(2 more lines below too)"
            )
        ],
    )
    assert parse("da:\n  title: x\n \tslug: y\n") == (
        None,
        ["content/x.yaml:3: file: line is indented with a tab; indent with spaces, not tabs"],
    )


def test_tabs_inside_a_line_are_fine():
    assert parse("title: 'a\tb'\n") == ({"title": "a\tb"}, [])


def test_control_character():
    assert parse("a: 1\ntitle: Gr\x01n\n") == (
        None,
        [
            (
                "content/x.yaml:2: file: invisible control character U+0001 at column 10; delete "
                "it; it often comes from text copied out of another program"
            )
        ],
    )


def test_duplicate_keys_are_errors_at_every_level():
    data, errors = parse("title: a\nda:\n  lead: x\n  lead: y\ntitle: b\n")
    assert errors == [
        "content/x.yaml:4: da.lead: key is written twice (first on line 3); keep only one of them",
        "content/x.yaml:5: title: key is written twice (first on line 1); keep only one of them",
    ]
    assert data == {"title": "a", "da": {"lead": "x"}}  # the rest is still checked


def test_keys_must_be_names():
    assert parse("? [a, b]\n: 1\n~: 2\nok: 3\n") == (
        {"ok": 3},
        [
            (
                "content/x.yaml:1: file: a key must be a name; write the key as plain text "
                "followed by a colon"
            ),
            (
                "content/x.yaml:3: file: a key must be a name; write the key as plain text "
                "followed by a colon"
            ),
        ],
    )


def test_merge_keys_and_tags_are_refused():
    data, errors = parse(
        "base: &b {x: 1}\nother:\n  <<: *b\nblob: !!binary aGVq\nobj: !thing {a: 1}\n"
    )
    assert errors == [
        "content/x.yaml:3: other.<<: merge keys (<<) are not supported; write the keys out in full",
        "content/x.yaml:4: blob: unsupported YAML tag 'tag:yaml.org,2002:binary'; remove the tag",
        "content/x.yaml:5: obj: unsupported YAML tag '!thing'; remove the tag",
    ]
    assert data["blob"] is UNREADABLE and data["obj"] is UNREADABLE


def test_comments_only():
    assert parse("# nothing yet\n") == (
        None,
        ["content/x.yaml:1: file: file has no content; fill it in, or delete it"],
    )


def test_page_without_front_matter():
    errors = []
    assert parse_markdown("# Om\n", "content/pages/om.da.md", errors) is None
    assert [str(e) for e in errors] == [
        (
            "content/pages/om.da.md:1: file: page has no front matter; start the file with ---, "
            "title:, slug:, then ---"
        )
    ]
    errors = []
    assert parse_markdown("---\n---\nTekst\n", "content/pages/om.da.md", errors) is None
    assert [str(e) for e in errors] == [
        (
            "content/pages/om.da.md:1: file: page front matter is empty; write title: and slug: "
            "between the --- lines"
        )
    ]


# --- aliases, size and nesting: a hostile file must not stall or exhaust the build -------------

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_fails_fast():
    # CPU time, not the clock: other processes on a busy machine must not fail the test.
    started = time.process_time()
    assert parse(BILLION_LAUGHS) == (
        None,
        [
            (
                "content/x.yaml:5: e: aliases make this expand to more than 20,000 values; write "
                "the values out without aliases (* and &)"
            )
        ],
    )
    assert time.process_time() - started < 0.5


def test_alias_bomb_uses_bounded_memory():
    tracemalloc.start()
    try:
        parse(BILLION_LAUGHS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024  # expanded, it would be 9**9 values: gigabytes


def test_small_aliases_are_expanded():
    data, errors = parse("a: &x [1, 2]\nb: *x\n")
    assert errors == []
    assert data == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "a: &a {b: *a}\n", "&a [x, *a]\n"])
def test_alias_inside_itself(text):
    assert parse(text) == (
        None,
        [
            (
                "content/x.yaml:1: file: an alias refers to the value it is in; write the values "
                "out without aliases"
            )
        ],
    )


def test_too_many_values_fails_before_reading_the_whole_file():
    text = "".join(f"k{i}: v\n" for i in range(25_000))
    started = time.process_time()
    assert parse(text) == (
        None,
        [
            (
                "content/x.yaml:1: file: file holds more than 20,000 values; split it up, or move "
                "long lists into several files"
            )
        ],
    )
    assert time.process_time() - started < 5


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: " + "[" * 200_000, 1),  # PyYAML would scan this for minutes
        ("a:" + " [" * (MAX_YAML_DEPTH + 1) + "]" * (MAX_YAML_DEPTH + 1) + "\n", 1),
        ("- " * 5000 + "x\n", 1),
        ("".join(" " * i + f"k{i}:\n" for i in range(100)), MAX_YAML_DEPTH),
    ],
)
def test_deep_nesting_is_refused_quickly(text, line):
    started = time.process_time()
    assert parse(text) == (
        None,
        [
            (
                f"content/x.yaml:{line}: file: values are nested more than {MAX_YAML_DEPTH} "
                "levels deep; check the indentation and the brackets"
            )
        ],
    )
    assert time.process_time() - started < 1


# --- reading files -----------------------------------------------------------------------------


def test_reads_utf8_and_drops_bom_and_windows_line_ends(tmp_path):
    assert read(tmp_path, "\ufefftitle: Grøn\r\nslug: x\r\n".encode()) == (
        "title: Grøn\nslug: x\n",
        [],
    )


def test_latin1_file(tmp_path):
    assert read(tmp_path, "a: 1\ntitle: Grøn omstilling\n".encode("latin-1")) == (
        None,
        [
            (
                "content/x.yaml:2: file: file is not saved as UTF-8 (byte 0xf8 at column 10); save "
                "it again with the encoding UTF-8; Danish letters (æ, ø, å) saved in another "
                "encoding are the usual cause"
            )
        ],
    )


def test_binary_file(tmp_path):
    assert read(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == (
        None,
        [
            (
                "content/x.yaml:1: file: file is binary, not text; content files must be YAML or "
                "Markdown text"
            )
        ],
    )


@pytest.mark.parametrize("data", [b"", b"  \n\n"])
def test_empty_file(tmp_path, data):
    assert read(tmp_path, data) == (
        None,
        ["content/x.yaml:1: file: file is empty; fill it in, or delete it"],
    )


def test_file_over_the_size_limit_is_not_read(tmp_path):
    assert MAX_FILE_BYTES == 512 * 1024
    assert read(tmp_path, b"# padding\n" * 60_000) == (
        None,
        [
            (
                "content/x.yaml:1: file: file is too large (586 KB; the limit is 512 KB); split it "
                "up, or move long text into a Markdown page"
            )
        ],
    )
    assert read(tmp_path, b"#" * MAX_FILE_BYTES)[1] == []


def test_not_a_regular_file(tmp_path):
    errors = []
    assert read_text(tmp_path, "content/x.yaml", errors) is None
    assert [str(e) for e in errors] == [
        "content/x.yaml:1: file: not a regular file; replace it with an ordinary text file"
    ]


def _parsed(path: Path) -> tuple:
    errors = []
    text = read_text(path, "content/x.yaml", errors)
    if text is None:
        return ("unreadable", [str(e) for e in errors])
    parse = parse_markdown if path.suffix == ".md" else parse_yaml
    doc = parse(text, "content/x.yaml", errors)
    if doc is None:
        return ("invalid", [str(e) for e in errors])
    return (repr(doc.data), doc.lines, doc.raw, [str(e) for e in errors])


def test_both_parsers_read_every_content_file_the_same(monkeypatch):
    files = sorted(
        p
        for folder in ("content", "tests/fixtures", "tests/bad_content")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in (".yaml", ".yml", ".md") and p.is_file() and p.name != "case.yaml"
    )
    assert len(files) > 80
    monkeypatch.setattr(loader, "_FAST_LOADER", LIBYAML)
    fast = [_parsed(p) for p in files]
    monkeypatch.setattr(loader, "_FAST_LOADER", None)
    assert [_parsed(p) for p in files] == fast
