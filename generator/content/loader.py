"""Reading content files: safe YAML that remembers the line of every key, and Markdown front matter.

PyYAML's own constructor forgets where values came from, silently keeps the last of two duplicate
keys and expands aliases without limit. Here the node tree is walked by hand instead, so that every
value keeps its line, duplicates are errors and an alias bomb stops after `MAX_YAML_NODES` nodes.
Files are also refused before parsing when they are too large, tab-indented or nested too deeply.
libyaml parses when it is installed (it is much faster); a file it rejects is parsed again by
PyYAML, whose error messages `_SYNTAX_PROBLEMS` rewords for editors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.content.schema import MAX_FILE_BYTES, MAX_YAML_NODES
from generator.errors import ContentError

KeyPath = tuple  # ("da", "title") or ("funding", 0, "amount")

# Deeper than this is never a content file; it also keeps Python's recursion limit out of reach.
MAX_YAML_DEPTH = 40

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_CONSTRUCTOR = yaml.SafeLoader("")
# The line breaks YAML counts (PyYAML's reader), so our line numbers agree with its marks.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


@dataclass
class Document:
    """One parsed content file: its data, the line of every key and the raw text of every scalar."""

    path: str
    data: object
    lines: dict[KeyPath, int] = field(default_factory=dict)
    raw: dict[KeyPath, str] = field(default_factory=dict)
    # Values written as a YAML alias (en: *da): key path -> key path of the value it repeats.
    aliases: dict[KeyPath, KeyPath] = field(default_factory=dict)
    body: str = ""  # Markdown after the front matter (pages only)
    body_line: int = 1

    def line(self, keypath: KeyPath) -> int:
        """The line of a key, or of the nearest enclosing key that has one."""
        while keypath:
            if keypath in self.lines:
                return self.lines[keypath]
            keypath = keypath[:-1]
        return 1


# The value of a node that was reported as unreadable (an unsupported tag): validation skips it.
class _Unreadable:
    def __repr__(self) -> str:
        return "UNREADABLE"


UNREADABLE = _Unreadable()


class _TooManyNodes(Exception):
    def __init__(self, path: KeyPath = (), line: int = 1):
        self.path = path  # the top-level key whose value grew too large, when known
        self.line = line


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


class _SelfReference(Exception):
    def __init__(self, line: int):
        self.line = line


class _Limits:
    """PyYAML's composer, stopped early when a file has too many values or too deep ones."""

    composed = 0
    depth = 0

    def compose_node(self, parent, index):
        self.composed += 1
        if self.composed > MAX_YAML_NODES:
            raise _TooManyNodes
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Limits, yaml.SafeLoader):
    """Pure Python: slower, but its error messages are the ones _SYNTAX_PROBLEMS explains."""


if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser

    class _FastLoader(_Limits, yaml.composer.Composer, CParser, yaml.resolver.Resolver):
        """libyaml's parser, about eight times faster, under the same Python composer.

        Only the parsing events come from C. libyaml's own composer recurses without limit and
        crashes the interpreter on deeply nested input; PyYAML's, with _Limits, stops in time.
        """

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _FAST_LOADER: type | None = _FastLoader
else:  # pragma: no cover - PyYAML built without libyaml
    _FAST_LOADER = None


def _compose(text: str) -> yaml.Node | None:
    """The node tree of one YAML document, by libyaml when it can; errors as PyYAML words them."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # parse again in Python, whose message and position _syntax_error explains
    return yaml.compose(text, Loader=_Loader)


def _flow_depth(text: str) -> int:
    """How deep [ and { nest at most, counted roughly (brackets in quotes count too).

    PyYAML's scanner slows down with the square of the nesting of [ and {, so a file of a few
    hundred kilobytes of [[[[ would take minutes; such a file is refused before it is parsed.
    """
    depth = deepest = 0
    for match in re.finditer(r"[\[\]{}]", text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def read_text(path: Path, rel: str, errors: list[ContentError]) -> str | None:
    """The file's text, or None after reporting why it cannot be read as UTF-8 text."""
    try:
        if not path.is_file():
            errors.append(
                ContentError(
                    rel, 1, "file", "not a regular file", "replace it with an ordinary text file"
                )
            )
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        errors.append(
            ContentError(
                rel,
                1,
                "file",
                f"file cannot be read ({exc.strerror})",
                "check that the file exists and is readable",
            )
        )
        return None
    if len(data) > MAX_FILE_BYTES:
        size = path.stat().st_size
        errors.append(
            ContentError(
                rel,
                1,
                "file",
                f"file is too large ({_kib(size)}; the limit is {_kib(MAX_FILE_BYTES)})",
                "split it up, or move long text into a Markdown page",
            )
        )
        return None
    if not data.strip():
        errors.append(ContentError(rel, 1, "file", "file is empty", "fill it in, or delete it"))
        return None
    if b"\0" in data:
        errors.append(
            ContentError(
                rel,
                1,
                "file",
                "file is binary, not text",
                "content files must be YAML or Markdown text",
            )
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        errors.append(
            ContentError(
                rel,
                line,
                "file",
                f"file is not saved as UTF-8 (byte 0x{data[exc.start]:02x} at column {column})",
                "save it again with the encoding UTF-8; Danish letters (æ, ø, "
                "å) saved in another encoding are the usual cause",
            )
        )
        return None
    # A byte-order mark and Windows line ends are harmless: drop them so that the front matter
    # of a page is found. Neither changes line numbers.
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _kib(size: int) -> str:
    return f"{size / 1024:,.0f} KB"


def parse_yaml(
    text: str, rel: str, errors: list[ContentError], first_line: int = 1
) -> Document | None:
    """Parse YAML text into a Document; on any problem report it and return None."""
    offset = first_line - 1
    tabbed = [
        number
        for number, line in enumerate(_LINE_BREAK.split(text), start=first_line)
        if re.match(r"^ *\t", line)
    ]
    if tabbed:
        more = len(tabbed) - 1
        errors.append(
            ContentError(
                rel,
                tabbed[0],
                "file",
                "line is indented with a tab",
                "indent with spaces, not tabs"
                + (f" ({more} more line{'s' if more > 1 else ''} below too)" if more else ""),
            )
        )
        return None
    if _flow_depth(text) > MAX_YAML_DEPTH:
        errors.append(_too_deep(rel, first_line))
        return None
    try:
        root = _compose(text)
    except _TooManyNodes:
        errors.append(
            ContentError(
                rel,
                first_line,
                "file",
                f"file holds more than {MAX_YAML_NODES:,} values",
                "split it up, or move long lists into several files",
            )
        )
        return None
    except _TooDeep as exc:
        errors.append(_too_deep(rel, exc.line + offset))
        return None
    except yaml.MarkedYAMLError as exc:
        errors.append(_syntax_error(exc, rel, offset))
        return None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = len(_LINE_BREAK.findall(before)) + first_line
        column = len(_LINE_BREAK.split(before)[-1]) + 1
        errors.append(
            ContentError(
                rel,
                line,
                "file",
                f"invisible control character U+{exc.character:04X} at column {column}",
                "delete it; it often comes from text copied out of another program",
            )
        )
        return None
    except yaml.YAMLError as exc:
        errors.append(
            ContentError(rel, first_line, "file", f"YAML error: {exc}", "check the file's syntax")
        )
        return None
    except RecursionError:
        errors.append(_too_deep(rel, first_line))
        return None
    if root is None:
        errors.append(
            ContentError(rel, first_line, "file", "file has no content", "fill it in, or delete it")
        )
        return None
    doc = Document(rel, None)
    budget = [MAX_YAML_NODES]
    before = len(errors)
    try:
        doc.data = _convert(root, (), doc, budget, errors, offset, (), {})
    except _TooManyNodes as exc:
        del errors[before:]
        errors.append(
            ContentError(
                rel,
                exc.line,
                _name(exc.path),
                f"aliases make this expand to more than {MAX_YAML_NODES:,} values",
                "write the values out without aliases (* and &)",
            )
        )
        return None
    except _SelfReference as exc:
        del errors[before:]
        errors.append(
            ContentError(
                rel,
                exc.line,
                "file",
                "an alias refers to the value it is in",
                "write the values out without aliases",
            )
        )
        return None
    except _TooDeep as exc:
        del errors[before:]
        errors.append(_too_deep(rel, exc.line))
        return None
    return doc


def _too_deep(rel: str, line: int) -> ContentError:
    return ContentError(
        rel,
        line,
        "file",
        f"values are nested more than {MAX_YAML_DEPTH} levels deep",
        "check the indentation and the brackets",
    )


# PyYAML's problem texts, said for an editor: (start of the problem, message, hint, whether the
# place where the construct was opened is more useful than where the parser gave up).
_SYNTAX_PROBLEMS = (
    (
        "mapping values are not allowed",
        "a colon followed by a space is not allowed here",
        (
            'put text that contains ": " in quotes, e.g. title: "Nyt: EU-guld", or check that the '
            "line is indented like the keys around it"
        ),
        False,
    ),
    (
        "found unexpected end of stream",
        "a quotation mark is never closed",
        "end the text with the same kind of quotation mark it starts with",
        True,
    ),
    (
        "found undefined alias",
        "text that starts with * or & must be in quotes",
        'put the value in quotes, e.g. "*new*"',
        False,
    ),
    (
        "expected alphabetic or numeric character",
        "text that starts with * or & must be in quotes",
        'put the value in quotes, e.g. "*new*"',
        True,
    ),
    (
        "found character",
        "this value must be in quotes",
        'put the value in quotes, e.g. "@name"',
        False,
    ),
    (
        "expected ',' or ']'",
        "a list that starts with [ is never closed",
        "end it with ] and separate the items with commas",
        True,
    ),
    (
        "expected ',' or '}'",
        "a group that starts with { is never closed",
        "end it with } and separate the entries with commas",
        True,
    ),
    (
        "expected <block end>",
        "this line does not fit with the lines above it",
        (
            "check that it is indented like the keys around it, that list items start with '- ', "
            "and that quoted text has nothing after the closing quote"
        ),
        False,
    ),
    (
        "could not find expected ':'",
        "a key has no colon after it",
        "write key: value, or put text that runs over several lines in quotes",
        False,
    ),
    (
        "but found another document",
        "the file holds more than one document",
        "remove the --- line",
        False,
    ),
    (
        "found unknown escape character",
        "unknown escape sequence with \\ in double quotes",
        "write \\\\ for a backslash, or use single quotes",
        False,
    ),
)


def _syntax_error(exc: yaml.MarkedYAMLError, rel: str, offset: int) -> ContentError:
    problem = exc.problem or exc.context or "syntax error"
    message, at_start = problem, False
    hint = "check the indentation, colons and quotes on this line and the one before"
    for start, plain, advice, opened in _SYNTAX_PROBLEMS:
        if problem.startswith(start):
            message, hint, at_start = plain, advice, opened
            break
    mark = (
        (exc.context_mark if at_start and exc.context_mark else None)
        or exc.problem_mark
        or exc.context_mark
    )
    line = mark.line + 1 + offset if mark else offset + 1
    column = mark.column + 1 if mark else 1
    return ContentError(rel, line, "file", f"YAML syntax error at column {column}: {message}", hint)


_COLLECTION_TAGS = {
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


def _convert(
    node: yaml.Node,
    path: KeyPath,
    doc: Document,
    budget: list[int],
    errors: list[ContentError],
    offset: int,
    parents: tuple,
    seen: dict[int, KeyPath],
) -> object:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooManyNodes(path[:1], doc.line(path[:1]))
    line = node.start_mark.line + 1 + offset
    if len(parents) >= MAX_YAML_DEPTH:
        raise _TooDeep(line)
    if id(node) in parents:  # &a [*a]: an alias inside the value it names
        raise _SelfReference(line)
    # PyYAML gives an alias the very node it names, so a node met twice was written as an alias.
    first = seen.setdefault(id(node), path)
    if first != path:
        doc.aliases[path] = first
    doc.lines.setdefault(path, line)
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            errors.append(
                ContentError(
                    doc.path,
                    line,
                    _name(path),
                    f"unsupported YAML tag '{node.tag}'",
                    "remove the tag",
                )
            )
            return UNREADABLE
        doc.raw[path] = node.value
        if node.tag == "tag:yaml.org,2002:timestamp" or node.tag == "tag:yaml.org,2002:str":
            return node.value  # dates are parsed by validation, which knows the field's kind
        try:
            return _CONSTRUCTOR.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError):
            return node.value
        finally:
            _CONSTRUCTOR.constructed_objects.pop(node, None)  # the cache would keep every node
    if node.tag != _COLLECTION_TAGS[type(node)]:
        errors.append(
            ContentError(
                doc.path, line, _name(path), f"unsupported YAML tag '{node.tag}'", "remove the tag"
            )
        )
        return UNREADABLE
    parents = parents + (id(node),)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            doc.lines[path + (index,)] = item.start_mark.line + 1 + offset
            items.append(
                _convert(item, path + (index,), doc, budget, errors, offset, parents, seen)
            )
        return items
    mapping: dict[str, object] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1 + offset
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:null":
            errors.append(
                ContentError(
                    doc.path,
                    key_line,
                    _name(path),
                    "a key must be a name",
                    "write the key as plain text followed by a colon",
                )
            )
            continue
        key = key_node.value
        if key == "<<":
            errors.append(
                ContentError(
                    doc.path,
                    key_line,
                    _name(path + (key,)),
                    "merge keys (<<) are not supported",
                    "write the keys out in full",
                )
            )
            continue
        if key in mapping:
            first = doc.lines.get(path + (key,), key_line)
            errors.append(
                ContentError(
                    doc.path,
                    key_line,
                    _name(path + (key,)),
                    f"key is written twice (first on line {first})",
                    "keep only one of them",
                )
            )
            continue
        doc.lines[path + (key,)] = key_line
        mapping[key] = _convert(
            value_node, path + (key,), doc, budget, errors, offset, parents, seen
        )
    return mapping


def _name(path: KeyPath) -> str:
    """A key path as an editor reads it: funding[0].amount."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "file"


field_name = _name

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def parse_markdown(text: str, rel: str, errors: list[ContentError]) -> Document | None:
    """A Markdown page: YAML front matter between --- lines, then the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        errors.append(
            ContentError(
                rel,
                1,
                "file",
                "page has no front matter",
                "start the file with ---, title:, slug:, then ---",
            )
        )
        return None
    if not (match.group(1) or "").strip():
        errors.append(
            ContentError(
                rel,
                1,
                "file",
                "page front matter is empty",
                "write title: and slug: between the --- lines",
            )
        )
        return None
    doc = parse_yaml(match.group(1), rel, errors, first_line=2)
    if doc is None:
        return None
    doc.body = text[match.end() :]
    doc.body_line = text[: match.end()].count("\n") + 1
    return doc
