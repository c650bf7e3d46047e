"""Hyphenation dictionaries, loaded once and kept parsed in the cache folder.

ReportLab hyphenates with pyphen, which parses its dictionary text on first use in every
process (about 120 ms for English). The parsed dictionary is pickled into our own cache
folder, keyed by pyphen's version and the language, and put into pyphen's in-process
cache, so a new process pays about 10 ms instead.
"""

from __future__ import annotations

import pickle

import pyphen

from brochure.cache import cache_dir, cache_store, read_pickle

PARSED_CLASSES = {("pyphen", "HyphDict"): pyphen.HyphDict, ("pyphen", "DataInt"): pyphen.DataInt}


def available(language: str) -> bool:
    """Whether pyphen has a dictionary for language (e.g. "en_GB"; "fi_FI" has none)."""
    return bool(pyphen.language_fallback(language))


def warm(language: str) -> None:
    """Make sure pyphen's dictionary for language (e.g. "en_GB") is parsed and cached."""
    key = pyphen.language_fallback(language)
    if not key:
        return
    path = pyphen.LANGUAGES[key]
    if path in pyphen.hdcache:
        return
    stored = cache_dir() / f"pyphen-{pyphen.__version__}-{key}.pickle"
    parsed = read_pickle(stored, PARSED_CLASSES)
    if isinstance(parsed, pyphen.HyphDict):
        pyphen.hdcache[path] = parsed
        return
    pyphen.hdcache[path] = pyphen.HyphDict(path)
    cache_store(stored, pickle.dumps(pyphen.hdcache[path], protocol=pickle.HIGHEST_PROTOCOL))
