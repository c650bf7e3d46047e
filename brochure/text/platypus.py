"""ReportLab's Paragraph and Flowable, imported without compiling one costly pattern.

reportlab.platypus.paragraph compiles `uri_pat`, a web-address pattern with wide Unicode
ranges, when it is imported: about 40 ms of every cold build, a tenth of it. ReportLab only
matches it against a word it is about to hyphenate, to break web addresses at slashes
instead, and the pattern cannot match a word without '://'. So the module is imported with
that one pattern replaced by `LazyUriPattern`, which answers None for such words and
compiles the real pattern the first time a word with '://' is hyphenated. Import ReportLab's
platypus through this module only (the first import of it decides).
"""

from __future__ import annotations

import re
import sys

URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"  # the group the pattern requires first


class LazyUriPattern:
    """Stands in for ReportLab's compiled uri_pat: the same answers, compiled on need."""

    def __init__(self, pattern: str, flags: int):
        self.pattern, self.flags, self._compiled = pattern, flags, None

    def match(self, text: str, *args):
        if "://" not in text:
            return None  # group 1 of the pattern needs '://'
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled.match(text, *args)


def _import_platypus() -> None:
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_now = re.compile

    def compile_or_defer(pattern, flags=0):
        if isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START):
            return LazyUriPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_or_defer
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_now


_import_platypus()

from reportlab.platypus import Flowable, Paragraph  # noqa: E402

__all__ = ["Flowable", "LazyUriPattern", "Paragraph"]
