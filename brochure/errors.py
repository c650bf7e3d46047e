"""Problems a user can cause, as data; exit codes. Library code raises, cli.py reports."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    OK = 0
    CONTENT_ERROR = 2  # the user's content, theme or assets need fixing
    PREFLIGHT_FAILED = 3  # a PDF was checked and breaks a print rule
    INTERNAL_ERROR = 70  # a bug in brochure: please report it
    USAGE = 64  # bad command-line arguments


class Issue(NamedTuple):
    """One problem, located in a file and a field of the content."""

    message: str
    file: str = ""
    line: int = 0
    col: int = 0
    field: str = ""
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.col}"
        parts = [p for p in (where, self.field, self.message) if p]
        prefix = "" if self.severity == "error" else "warning: "
        return prefix + "  ".join(parts)


def closest(word: str, options: list[str]) -> list[str]:
    """The option most like word, for "did you mean" (a list of one, or empty)."""
    import difflib  # only when something is misspelt

    return difflib.get_close_matches(word, options, n=1, cutoff=0.6)


class BrochureError(Exception):
    """Raised with every issue found; nothing has been written when it is raised."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))
