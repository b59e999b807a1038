"""Content errors: one problem in one file, reported as `path:line: field: message; hint`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """A problem an editor can fix, located by file and line."""

    path: str
    line: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.field}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class ContentInvalid(Exception):
    """Raised once, after validation, with every problem found in the content."""

    def __init__(self, errors: list[ContentError]):
        # Sorted by file, line, field and message (the dataclass's order); duplicates removed.
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


class UserError(Exception):
    """A mistake a command reports in a line or two, without a traceback: a file that exists
    already, a folder that cannot be written, a port in use, a file that is not what was asked."""

    def __init__(self, message: str, hint: str = ""):
        self.message = message
        self.hint = hint
        super().__init__(f"{message}; {hint}" if hint else message)
