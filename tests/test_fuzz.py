"""Property tests: random and mutated content loads or fails with ContentInvalid, never crashes.

Every outcome other than success must be a list of ContentErrors that an editor can act on: a
file under content/, a line number within the file, one line of text each.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content import schema as s
from generator.content.loader import parse_markdown, parse_yaml, read_text
from generator.content.model import load_content
from generator.errors import ContentError, ContentInvalid

NOW = datetime(2025, 1, 1, tzinfo=UTC)
FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

RECORD_FILES = {
    "initiatives/groen-omstilling.yaml": s.INITIATIVE,
    "press/2024-03-01-eu-stoette.yaml": s.PRESS_RELEASE,
    "organisations/klynge.yaml": s.ORGANISATION,
    "people/mette-lund.yaml": s.PERSON,
    "certifications/guld.yaml": s.CERTIFICATION,
    "site.yaml": s.SITE,
}
EDITABLE = [*RECORD_FILES, "taxonomies.yaml", "pages/om.da.md"]

# Each edited file is checked in the smallest tree in which it is valid, which keeps the examples
# fast; site.yaml, taxonomies.yaml and the organisation that runs the site are always needed.
CORE = {"site.yaml", "taxonomies.yaml", "organisations/klynge.yaml"}
PERSON = "people/mette-lund.yaml"
INITIATIVE = "initiatives/groen-omstilling.yaml"
TREES = {
    "site.yaml": CORE,
    "taxonomies.yaml": CORE | {PERSON, INITIATIVE},
    "organisations/klynge.yaml": CORE,
    PERSON: CORE | {PERSON},
    "certifications/guld.yaml": CORE | {"certifications/guld.yaml"},
    INITIATIVE: CORE | {PERSON, INITIATIVE},
    "press/2024-03-01-eu-stoette.yaml": CORE
    | {PERSON, INITIATIVE, "certifications/guld.yaml", "press/2024-03-01-eu-stoette.yaml"},
    "pages/om.da.md": CORE | {"pages/om.da.md", "pages/om.en.md"},
}

# Values that have tripped YAML or validators before, mixed into the random ones.
NASTY = [
    "",
    "~",
    "null",
    "0",
    "-1",
    "010",
    "0x1F",
    "1_000",
    "92.524",
    "92.524.800",
    "1e400",
    ".nan",
    ".inf",
    "-.inf",
    "yes",
    "no",
    "'true'",
    "2021-11-23",
    "2021-02-30",
    "23.11.2021",
    "0000-01-01",
    "9999-12-31",
    "2019-06-19T08:00:00+02:00",
    "2019-06-19T08:00:00",
    "10:00",
    "25:61",
    "[]",
    "{}",
    "[a, [b, [c]]]",
    "{a: {b: 1}}",
    "&x a",
    "*x",
    "!!binary aGVq",
    "!!python/object x",
    "'../../etc/passwd'",
    "/etc/passwd",
    "media/../../x.png",
    "media/",
    "'C:\\x'",
    '"a\\x00b"',
    "http://[::1",
    "https://",
    "javascript:alert(1)",
    "a@b",
    "+45",
    "9" * 4400,
    "x" * 300,
    "<script>alert(1)</script>",
    "æøå",
    '"\\u2028"',
    "|\n  block",
    ">-\n  folded",
]


@pytest.fixture(scope="module")
def trees(tmp_path_factory, copy_minimal) -> dict[str, Path]:
    """For each editable file, a valid tree to edit it in; each example restores what it edits."""
    out = {}
    for rel, keep in TREES.items():
        root = copy_minimal(tmp_path_factory.mktemp("fuzz"))
        for path in sorted(root.rglob("*"), reverse=True):
            name = path.relative_to(root).as_posix()
            if path.is_file() and name.endswith((".yaml", ".md")) and name not in keep:
                path.unlink()
        load_content(root, NOW)  # valid before the fuzzing starts
        out[rel] = root
    return out


def assert_content_errors(errors: list, root_name: str = "content") -> None:
    assert errors, "ContentInvalid without errors"
    for error in errors:
        assert isinstance(error, ContentError)
        assert error.path.startswith(f"{root_name}/") or error.path == "x.yaml", error
        assert isinstance(error.line, int) and error.line >= 1, error
        assert "\n" not in str(error) or "\n" in error.message, error


def check_tree(root: Path) -> None:
    """Load the tree as `build.py check` does: success, or ContentInvalid with good errors."""
    try:
        load_content(root, NOW)
    except ContentInvalid as exc:
        assert_content_errors(exc.errors)


def with_file(root: Path, rel: str, data: bytes) -> None:
    """Check the tree with `rel` replaced by `data`, then put the original back."""
    path = root / rel
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        check_tree(root)
    finally:
        path.write_bytes(original)


def _max_line(text: str) -> int:
    return text.count("\n") + 2


# --- the loader on its own -------------------------------------------------------------------


@FUZZ
@given(st.text(max_size=400))
def test_random_text_never_crashes_the_yaml_parser(text):
    errors: list = []
    doc = parse_yaml(text, "x.yaml", errors)
    if doc is None:
        assert_content_errors(errors)
        assert all(e.line <= _max_line(text) + 1 for e in errors), errors
    errors = []
    if parse_markdown(text, "x.yaml", errors) is None:
        assert_content_errors(errors)


YAMLISH = st.text(
    alphabet=st.sampled_from(list("abc: -\n\t[]{},&*!|>'\"#?%@`~.0129\\")), max_size=200
)


@FUZZ
@given(YAMLISH)
def test_yaml_punctuation_never_crashes_the_yaml_parser(text):
    errors: list = []
    if parse_yaml(text, "x.yaml", errors) is None:
        assert_content_errors(errors)
        assert all(e.line <= _max_line(text) for e in errors), errors


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_never_crash_the_reader(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "bytes.yaml"
    path.write_bytes(data)
    errors: list = []
    text = read_text(path, "x.yaml", errors)
    if text is None:
        assert_content_errors(errors)
    else:
        assert errors == []


# --- whole content trees ---------------------------------------------------------------------


@st.composite
def mutated_file(draw):
    """A file of the minimal tree with a few lines deleted, duplicated, replaced or garbled."""
    rel = draw(st.sampled_from(EDITABLE))
    lines = (
        (Path(__file__).parent / "fixtures" / "minimal" / rel)
        .read_text(encoding="utf-8")
        .splitlines(keepends=True)
    )
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "text", "indent", "chars"]))
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            value = draw(st.sampled_from(NASTY) | st.text(max_size=30))
            lines[index] = f"{key}: {value}\n"
        elif action == "text":
            lines[index] = draw(st.text(max_size=60)) + "\n"
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["", " ", "   ", "\t", "- "])) + line.lstrip()
        else:
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.text(max_size=5)) + line[at:]
    return rel, "".join(lines).encode("utf-8", "surrogatepass")


@FUZZ
@given(mutated_file())
def test_mutated_content_loads_or_fails_with_content_errors(trees, mutation):
    rel, data = mutation
    with_file(trees[rel], rel, data)


def _keys(record_type: s.RecordType) -> list[str]:
    shape = record_type.shape
    names = [f.name for f in shape.facts] + [f.name for f in shape.texts]
    for spec in (*shape.facts, *shape.texts):
        inner = spec.item if spec.kind == s.LIST else spec
        if inner is not None and inner.shape is not None:
            names += [f.name for f in (*inner.shape.facts, *inner.shape.texts)]
    return [*names, "da", "en", "only_in"]


def _values(keys: list[str]):
    scalars = (
        st.sampled_from(NASTY)
        | st.text(max_size=20)
        | st.integers()
        | st.booleans()
        | st.floats()
        | st.none()
        | st.dates().map(str)
    )
    mappings = st.dictionaries(st.sampled_from(keys), scalars, max_size=3)
    return (
        scalars
        | st.lists(scalars, max_size=3)
        | mappings
        | st.lists(
            mappings | st.dictionaries(st.sampled_from(["da", "en"]), mappings, max_size=2),
            max_size=2,
        )
    )


@st.composite
def structured_record(draw):
    """A record file of a random type whose keys are mostly the schema's own, with random values.

    Starting from the valid record and replacing a few values keeps the success path in play.
    """
    rel = draw(st.sampled_from(list(RECORD_FILES)))
    keys = _keys(RECORD_FILES[rel])
    data = yaml.safe_load(
        (Path(__file__).parent / "fixtures" / "minimal" / rel).read_text(encoding="utf-8")
    )
    for _ in range(draw(st.integers(1, 4))):
        target = data
        language = draw(st.sampled_from([None, "da", "en"]))
        if language and isinstance(data.get(language), dict):
            target = data[language]
        target[draw(st.sampled_from(keys))] = draw(_values(keys))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return rel, text.encode("utf-8", "surrogatepass")


@FUZZ
@given(structured_record())
def test_random_values_load_or_fail_with_content_errors(trees, record):
    rel, data = record
    with_file(trees[rel], rel, data)


def test_the_trees_are_restored_after_fuzzing(trees):
    """Each example put back what it changed."""
    for root in trees.values():
        load_content(root, NOW)
