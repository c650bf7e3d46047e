"""TrueType faces parsed once per font file and kept on disk between processes.

ReportLab parses a TrueType file (its character map, widths and tables) every time a
TTFont is made: about 45 ms for the default theme's four Lato files, a tenth of a cold
build. `load_ttfont` keeps the parsed face in the cache folder, keyed by the file's content
and by the ReportLab and Python versions, and gives ReportLab that face instead of parsing
again. Only ReportLab's face classes (and the scale it computes) can come out of a cache
file: anything else in it, or a face ReportLab's constructor does not take, and the file is
parsed afresh.
"""

from __future__ import annotations

import hashlib
import operator
import pickle
import sys
import types
from functools import partial
from pathlib import Path

import reportlab
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from brochure.cache import cache_dir, cache_store, read_pickle

_FACE_CLASSES = {("reportlab.pdfbase.ttfonts", "TTFontFace"): TTFontFace,
                 ("reportlab.pdfbase.ttfonts", "TTFNameBytes"): ttfonts.TTFNameBytes,
                 ("functools", "partial"): partial, ("_operator", "mul"): operator.mul}
_VERSION = f"{reportlab.Version}-py{sys.version_info[0]}.{sys.version_info[1]}"


def load_ttfont(name: str, path: str) -> TTFont:
    """ReportLab's TTFont for the file, from the parsed face on disk when there is one.
    Raises what TTFont raises for a file it cannot read."""
    data = Path(path).read_bytes()
    target = cache_dir() / f"{_key(data)}.ttface"
    face = _read_face(target)
    font = _font_with_face(name, path, face) if face is not None else None
    if font is None:
        font = TTFont(name, path)
        if font.face._ttf_data == data:  # not a file that changed since it was read
            cache_store(target, _face_bytes(font.face))
    return font


def _key(data: bytes) -> str:
    """The font file's content (wherever it lies) and the versions that shape the face."""
    digest = hashlib.sha256(f"{_VERSION}\0".encode())
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


def _font_with_face(name: str, path: str, face: TTFontFace) -> TTFont | None:
    """TTFont(name, path) with the face given instead of parsed: ReportLab's own constructor
    runs, with its module's names except that the face class stands for this one face (a
    copy of those names, so other threads making fonts meanwhile are untouched). None if
    this ReportLab's constructor does not take the face that way."""
    names = {**vars(ttfonts), "TTFontFace": lambda *args, **kwargs: face}
    init = TTFont.__init__
    construct = types.FunctionType(init.__code__, names, init.__name__, init.__defaults__,
                                   init.__closure__)
    font = TTFont.__new__(TTFont)
    try:
        construct(font, name, path)
    except Exception:
        return None
    return font if font.face is face else None
