"""TrueType faces parsed once per font file and kept on disk between processes.

ReportLab parses a TrueType file (its character map, widths and tables) every time a
TTFont is made: about 45 ms for the default theme's four Lato files, a tenth of a cold
build. `load_ttfont` keeps the parsed face in the cache folder, keyed by the file's path and
content and by the ReportLab and Python versions, and gives ReportLab that face instead of
parsing again. Only ReportLab's face classes (and the scale it computes) can come out of a
cache file: anything else in it is refused and the file is parsed afresh.
"""

from __future__ import annotations

import hashlib
import operator
import pickle
import sys
from functools import partial
from pathlib import Path

import reportlab
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from brochure.cache import cache_dir, cache_store, read_pickle

_FACE_CLASSES = frozenset({("reportlab.pdfbase.ttfonts", "TTFontFace"),
                 ("reportlab.pdfbase.ttfonts", "TTFNameBytes"),
                 ("functools", "partial"), ("_operator", "mul"), ("operator", "mul")})
_VERSION = f"{reportlab.Version}-py{sys.version_info[0]}.{sys.version_info[1]}"


def load_ttfont(name: str, path: str) -> TTFont:
    """ReportLab's TTFont for the file, from the parsed face on disk when there is one.
    Raises what TTFont raises for a file it cannot read."""
    data = Path(path).read_bytes()
    target = cache_dir() / f"{_key(path, data)}.ttface"
    face = _read_face(target)
    if face is None:
        font = TTFont(name, path)
        cache_store(target, _face_bytes(font.face))
        return font
    return _font_with_face(name, path, face)


def _key(path: str, data: bytes) -> str:
    digest = hashlib.sha256(f"{_VERSION}\0{path}\0".encode())
    digest.update(data)
    return digest.hexdigest()[:32]


def _face_bytes(face: TTFontFace) -> bytes:
    """The face as ReportLab made it; its scale function (a lambda) as a partial."""
    state = dict(vars(face))
    state["_pdfScale"] = partial(operator.mul, 1000 / face.unitsPerEm)
    copy = TTFontFace.__new__(TTFontFace)
    vars(copy).update(state)
    return pickle.dumps(copy, protocol=pickle.HIGHEST_PROTOCOL)


def _read_face(target: Path) -> TTFontFace | None:
    face = read_pickle(target, _FACE_CLASSES)
    return face if isinstance(face, TTFontFace) else None


def _font_with_face(name: str, path: str, face: TTFontFace) -> TTFont:
    """TTFont(name, path) with the face given instead of parsed: TTFont's own constructor
    runs, with the module's face class briefly standing for this one face."""
    parse = ttfonts.TTFontFace
    ttfonts.TTFontFace = lambda *args, **kwargs: face
    try:
        return TTFont(name, path)
    finally:
        ttfonts.TTFontFace = parse
