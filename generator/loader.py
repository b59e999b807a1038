"""Reading content files: safe YAML that remembers the line of every key, and Markdown front matter.

PyYAML's own constructor forgets where values came from, silently keeps the last of two duplicate
keys and expands aliases without limit. Here the node tree is walked by hand instead, so that every
value keeps its line, duplicates are errors and an alias bomb stops after `MAX_YAML_NODES` nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError
from .schema import MAX_FILE_BYTES, MAX_YAML_NODES

KeyPath = tuple  # ("da", "title") or ("funding", 0, "amount")

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_CONSTRUCTOR = yaml.SafeLoader("")


@dataclass
class Document:
    """One parsed content file: its data, the line of every key and the raw text of every scalar."""

    path: str
    data: object
    lines: dict[KeyPath, int] = field(default_factory=dict)
    raw: dict[KeyPath, str] = field(default_factory=dict)
    body: str = ""  # Markdown after the front matter (pages only)
    body_line: int = 1

    def line(self, keypath: KeyPath) -> int:
        """The line of a key, or of the nearest enclosing key that has one."""
        while keypath:
            if keypath in self.lines:
                return self.lines[keypath]
            keypath = keypath[:-1]
        return 1


class _TooManyNodes(Exception):
    pass


def read_text(path: Path, rel: str, errors: list[ContentError]) -> str | None:
    """The file's text, or None after reporting why it cannot be read as UTF-8 text."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        errors.append(ContentError(
            rel, 1, "file", f"file is {size:,} bytes, larger than the limit of "
            f"{MAX_FILE_BYTES:,} bytes", "split it up, or move large text into a Markdown page"))
        return None
    data = path.read_bytes()
    if not data.strip():
        errors.append(ContentError(rel, 1, "file", "file is empty",
                                   "fill it in, or delete it"))
        return None
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        errors.append(ContentError(rel, line, "file", "file is binary, not text",
                                   "content files must be YAML or Markdown text"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        errors.append(ContentError(
            rel, line, "file", f"file is not UTF-8 (byte 0x{data[exc.start]:02x})",
            "save the file with UTF-8 encoding"))
        return None


def parse_yaml(text: str, rel: str, errors: list[ContentError], first_line: int = 1
               ) -> Document | None:
    """Parse YAML text into a Document; on any problem report it and return None."""
    offset = first_line - 1
    for number, line in enumerate(text.splitlines(), start=first_line):
        if re.match(r"^ *\t", line):
            errors.append(ContentError(rel, number, "file", "line is indented with a tab",
                                       "indent with spaces, not tabs"))
            return None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else first_line
        column = mark.column + 1 if mark else 1
        problem = exc.problem or exc.context or "syntax error"
        errors.append(ContentError(
            rel, line, "file", f"YAML syntax error at column {column}: {problem}",
            "check the indentation, colons and quotes on this line and the one before"))
        return None
    except yaml.YAMLError as exc:
        errors.append(ContentError(rel, first_line, "file", f"YAML error: {exc}",
                                   "check the file's syntax"))
        return None
    if root is None:
        errors.append(ContentError(rel, first_line, "file", "file has no content",
                                   "fill it in, or delete it"))
        return None
    doc = Document(rel, None)
    budget = [MAX_YAML_NODES]
    before = len(errors)
    try:
        doc.data = _convert(root, (), doc, budget, errors, offset)
    except _TooManyNodes:
        del errors[before:]
        errors.append(ContentError(
            rel, first_line, "file", f"file expands to more than {MAX_YAML_NODES:,} values "
            "(aliases or anchors repeated too often)", "write the values out without aliases"))
        return None
    return doc


def _convert(node: yaml.Node, path: KeyPath, doc: Document, budget: list[int],
             errors: list[ContentError], offset: int) -> object:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooManyNodes
    line = node.start_mark.line + 1 + offset
    doc.lines.setdefault(path, line)
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            errors.append(ContentError(doc.path, line, _name(path), f"unsupported YAML tag "
                                       f"'{node.tag}'", "remove the tag"))
            return None
        doc.raw[path] = node.value
        if node.tag == "tag:yaml.org,2002:timestamp" or node.tag == "tag:yaml.org,2002:str":
            return node.value  # dates are parsed by validation, which knows the field's kind
        try:
            return _CONSTRUCTOR.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError):
            return node.value
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            doc.lines[path + (index,)] = item.start_mark.line + 1 + offset
            items.append(_convert(item, path + (index,), doc, budget, errors, offset))
        return items
    mapping: dict[str, object] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1 + offset
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:null":
            errors.append(ContentError(doc.path, key_line, _name(path), "a key must be a name",
                                       "write the key as plain text followed by a colon"))
            continue
        key = key_node.value
        if key == "<<":
            errors.append(ContentError(doc.path, key_line, _name(path + (key,)),
                                       "merge keys (<<) are not supported",
                                       "write the keys out in full"))
            continue
        if key in mapping:
            first = doc.lines.get(path + (key,), key_line)
            errors.append(ContentError(
                doc.path, key_line, _name(path + (key,)),
                f"duplicate key (already set on line {first})",
                "keep one of the two; YAML would silently use the last"))
            continue
        doc.lines[path + (key,)] = key_line
        mapping[key] = _convert(value_node, path + (key,), doc, budget, errors, offset)
    return mapping


def _name(path: KeyPath) -> str:
    """A key path as an editor reads it: funding[0].amount."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "file"


field_name = _name

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def parse_markdown(text: str, rel: str, errors: list[ContentError]) -> Document | None:
    """A Markdown page: YAML front matter between --- lines, then the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        errors.append(ContentError(rel, 1, "file", "page has no front matter",
                                   "start the file with ---, title:, slug:, then ---"))
        return None
    doc = parse_yaml(match.group(1) or "", rel, errors, first_line=2)
    if doc is None:
        return None
    doc.body = text[match.end():]
    doc.body_line = text[: match.end()].count("\n") + 1
    return doc
