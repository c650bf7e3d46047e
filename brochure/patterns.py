"""A few libraries' costly regular expressions, compiled when first used instead of on import.

Some modules we import compile, as they load, patterns with wide Unicode ranges; Python
takes milliseconds to build each one, about 20 ms of a cold build in all, for code paths a
build rarely or never takes. `install()` (run when the brochure package loads) adds an
import hook: while one of the modules in DEFERRED executes, `re.compile` hands that thread a
stand-in for the patterns listed for the module (other threads compile as usual). Each entry
was read in the library's source: the module only calls methods on the pattern, so a
stand-in that compiles on the first call behaves the same.
"""

from __future__ import annotations

import importlib.machinery
import re
import sys
import threading

_compile = re.compile
_swap = threading.Lock()  # guards re.compile and _importing
_importing = 0  # deferred modules being executed, in all threads
_deferring = threading.local()  # .lists: this thread's DEFERRED entries, innermost last


class LazyPattern:
    """A compiled pattern, made on the first use of any of its methods or attributes."""

    def __init__(self, pattern: str, flags: int):
        self._source, self._flags, self._compiled = pattern, flags, None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = _compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("_source", "_flags", "_compiled"):
            raise AttributeError(name)  # (copy and pickle probe for these)
        return getattr(self.compiled(), name)

    def __reduce__(self):
        return (_compile, (self._source, self._flags))


class LazyUriPattern(LazyPattern):
    """ReportLab's web-address pattern (paragraph.uri_pat): it is only matched against a
    word being hyphenated, and its first group requires '://', so most words are answered
    without compiling it at all."""

    def match(self, text: str, *args):
        return None if "://" not in text else self.compiled().match(text, *args)


# module -> (how its pattern starts, the stand-in class); what the module does with it
DEFERRED: dict[str, tuple[tuple[str, type[LazyPattern]], ...]] = {
    # uri_pat.match(word) when a word is hyphenated
    "reportlab.platypus.paragraph": (("(^(?:[a-z0-9\\.\\-\\+]*)://)", LazyUriPattern),),
    # rx.sub(...) in cjkwrap(), for CJK text
    "reportlab.lib.textsplit": (("([\u2e80-\uffff])", LazyPattern),),
    # Reader.NON_PRINTABLE.search(data): the pure-Python reader only (we read with libyaml)
    "yaml.reader": (("[^\x09\x0a\x0d\x20-\x7e\x85", LazyPattern),),
    # re_xml_illegal_chars.sub(...) in clean(), when pikepdf writes XMP (we do not)
    "pikepdf.models.metadata._constants": (("(?u)[^\\x09\\x0A\\x0D\\x20-\\U0000D7FF",
                                             LazyPattern),),
}


class _DeferringLoader:
    """Runs a module as its own loader would, with the module's patterns deferred."""

    def __init__(self, loader, deferred: tuple):  # loader: the one Python found
        self.loader, self.deferred = loader, deferred

    def __getattr__(self, name: str):  # get_code, get_source, ...: the real loader's
        return getattr(self.loader, name)

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        global _importing
        lists = _deferring.__dict__.setdefault("lists", [])
        lists.append(self.deferred)
        with _swap:
            _importing += 1
            re.compile = _compile_or_defer
        try:
            self.loader.exec_module(module)
        finally:
            lists.pop()
            with _swap:
                _importing -= 1
                if not _importing:
                    re.compile = _compile


def _compile_or_defer(pattern, flags=0):
    """re.compile while a deferred module executes: a stand-in for that thread's listed
    patterns, the real thing for everything else."""
    lists = getattr(_deferring, "lists", None)
    if lists and isinstance(pattern, str):
        for start, stand_in in lists[-1]:
            if pattern.startswith(start):
                return stand_in(pattern, flags)
    return _compile(pattern, flags)


class _DeferringFinder:
    """Finds the DEFERRED modules as Python would, and hands them to _DeferringLoader."""

    def find_spec(self, name, path, target=None):
        if name not in DEFERRED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _DeferringLoader(spec.loader, DEFERRED[name])
        return spec


def install() -> None:
    """Add the import hook (once); modules imported before it compile as usual."""
    if not any(isinstance(f, _DeferringFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _DeferringFinder())
