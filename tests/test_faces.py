"""Parsed TrueType faces come back from the cache folder as ReportLab parsed them."""

import os
import pickle
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from brochure.cache import ASSETS
from brochure.theme import faces

LATO = str(ASSETS / "fonts" / "Lato-Italic.ttf")


def _cache_files(folder):
    return sorted(folder.glob("*.ttface"))


def test_a_face_is_parsed_once_then_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path))
    parsed = faces.load_ttfont("parsed", LATO)
    assert len(_cache_files(tmp_path)) == 1
    fresh = TTFont("fresh", LATO)
    monkeypatch.setattr(TTFontFile, "extractInfo", None)  # a second parse would fail
    cached = faces.load_ttfont("cached", LATO)
    assert cached.face is not parsed.face and cached.fontName == "cached"
    for name in ("charToGlyph", "charWidths", "glyphPos", "hmetrics", "ascent", "name"):
        assert getattr(cached.face, name) == getattr(parsed.face, name), name
    assert cached.face._pdfScale(500) == parsed.face._pdfScale(500)
    assert cached.stringWidth("Veeva ID ß", 10) == fresh.stringWidth("Veeva ID ß", 10)


def test_a_cache_file_with_anything_but_a_face_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path))
    faces.load_ttfont("first", LATO)
    [entry] = _cache_files(tmp_path)
    entry.write_bytes(pickle.dumps(os.system))  # what a planted file could try
    font = faces.load_ttfont("again", LATO)
    assert font.face.charToGlyph and entry.read_bytes() != pickle.dumps(os.system)
    entry.write_bytes(b"half a fi")
    assert faces.load_ttfont("torn", LATO).face.numGlyphs > 0


def test_a_planted_hyphenation_cache_file_is_not_run(tmp_path, monkeypatch):
    import pyphen

    from brochure.text import hyphenation

    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})
    planted = tmp_path / f"pyphen-{pyphen.__version__}-en_GB.pickle"
    planted.write_bytes(pickle.dumps(os.system))
    hyphenation.warm("en_GB")
    assert isinstance(pyphen.hdcache[pyphen.LANGUAGES["en_GB"]], pyphen.HyphDict)
    assert planted.read_bytes() != pickle.dumps(os.system)  # replaced by the parsed one


def test_threads_loading_different_fonts_each_get_their_own_face(tmp_path, monkeypatch):
    import sys
    import threading

    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path))
    caladea = str(ASSETS / "fonts" / "caladea" / "Caladea-Regular.ttf")
    families = {LATO: faces.load_ttfont("a", LATO).face.familyName,
                caladea: faces.load_ttfont("b", caladea).face.familyName}
    assert families[LATO] != families[caladea]
    wrong = []

    def load(path, plain):
        for n in range(150):
            font = TTFont(f"t{n}", path) if plain else faces.load_ttfont(f"t{n}", path)
            if font.face.familyName != families[path]:
                wrong.append(path)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns often
    try:
        threads = [threading.Thread(target=load, args=args)
                   for args in ((LATO, False), (caladea, False), (caladea, True))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not wrong
    key = faces._key(Path(caladea).read_bytes())
    assert faces._read_face(tmp_path / f"{key}.ttface").familyName == families[caladea]
