"""Paragraphs replayed into later documents: the same operators, and only when safe."""

from pathlib import Path

import pytest
from reportlab.lib.colors import Color
from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from brochure.draw import replay
from brochure.draw.glyphs import number_glyphs
from brochure.text.paragraph import Para, characters_by_font

FONT = "ReplayTestLato"
BOLD = "ReplayTestLatoBold"
LATO = Path(__file__).resolve().parents[1] / "assets" / "fonts" / "Lato-Regular.ttf"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(LATO)))
        pdfmetrics.registerFont(TTFont(BOLD, str(LATO.with_name("Lato-Bold.ttf"))))
        for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(FONT, bold, italic, BOLD if bold else FONT)
    monkeypatch.setattr(replay, "_drawings", replay.Recent(replay.KEPT))


def _para(markup: str) -> Para:
    para = Para(markup, ParagraphStyle("t", fontName=FONT, fontSize=10, leading=12))
    para.wrap(200, 500)
    return para


def _canvas(version_raised: bool = True) -> Canvas:
    """A canvas whose document has named the test fonts and raised its PDF version as
    drawing text does (so the first drawing, which does both, is not the only one kept)."""
    canvas = Canvas("unused.pdf", invariant=1, initialFontName=FONT)
    if version_raised:
        canvas._doc.ensureMinPdfVersion("transparency")
    for name in (FONT, BOLD):
        pdfmetrics.getFont(name).splitString("", canvas._doc)
        pdfmetrics.getFont(name).getSubsetInternalName(0, canvas._doc)
    return canvas


def _draw(paras: list[Para], extra: str = "", replaying: bool = True,
          version_raised: bool = True) -> bytes:
    """A one-page PDF of the paragraphs; `extra` adds characters to the glyph numbering."""
    canvas = _canvas(version_raised)
    chars: dict[str, set[str]] = {FONT: set(extra)}
    for para in paras:
        for font, used in characters_by_font(para).items():
            chars.setdefault(font, set()).update(used)
    numbering = number_glyphs(canvas, chars)
    glyphs = numbering if replaying else None  # None: draw afresh, keep nothing
    for n, para in enumerate(paras):
        replay.draw_paragraph(canvas, para, 20, 700 - 50 * n, glyphs)
    canvas.showPage()
    return canvas.getpdfdata()


def test_a_replayed_paragraph_gives_the_bytes_of_a_fresh_drawing() -> None:
    paras = [_para("Café in Zürich, <b>twice</b>"), _para("plain words")]
    first = _draw(paras)
    assert len(replay._drawings) == 2
    assert _draw(paras) == first  # replayed: nothing new kept
    assert len(replay._drawings) == 2
    assert _draw(paras, replaying=False) == first


def test_other_glyph_codes_are_another_drawing() -> None:
    """The same paragraph in a document with one more accented character: é's code moves."""
    para = _para("Café")
    alone = _draw([para])
    with_a = _draw([para], extra="à")
    assert len(replay._drawings) == 2
    assert with_a != alone
    assert with_a == _draw([para], extra="à", replaying=False)
    _draw([para], extra="xyz")  # more ASCII moves no code: the first drawing is replayed
    assert len(replay._drawings) == 2


def test_a_drawing_is_not_replayed_into_a_document_of_a_lower_pdf_version() -> None:
    """Drawing text raises the document to PDF 1.4; a replay would not."""
    para = _para("text")
    _draw([para])
    assert len(replay._drawings) == 1
    fresh = _draw([para], version_raised=False)
    assert fresh.startswith(b"%PDF-1.4")
    assert fresh == _draw([para], replaying=False, version_raised=False)


def test_a_paragraph_with_a_link_is_always_drawn_afresh() -> None:
    para = _para('see <a href="https://example.org">the site</a>')
    assert b"/URI" in _draw([para])
    assert len(replay._drawings) == 0
    assert b"/URI" in _draw([para])


def test_the_first_drawing_in_a_font_names_it_and_is_not_kept() -> None:
    canvas = Canvas("unused.pdf", invariant=1, initialFontName=FONT)
    para = _para("first words")
    glyphs = number_glyphs(canvas, characters_by_font(para))
    replay.draw_paragraph(canvas, para, 20, 700, glyphs)
    assert len(replay._drawings) == 0
    replay.draw_paragraph(canvas, para, 20, 600, glyphs)
    assert len(replay._drawings) == 1


def test_a_drawing_that_codes_a_new_glyph_is_not_kept() -> None:
    """A character the numbering did not see is coded while drawing, in drawing order: no
    drawing in that document is kept from then on."""
    first, new, last = _para("abcé"), _para("Ångström"), _para("abc Å")

    def drawn() -> bytes:
        canvas = _canvas()
        glyphs = number_glyphs(canvas, {FONT: set("abcé")})
        replay.draw_paragraph(canvas, first, 20, 700, glyphs)
        replay.draw_paragraph(canvas, new, 20, 650, glyphs)
        replay.draw_paragraph(canvas, last, 20, 600, glyphs)
        canvas.showPage()
        return canvas.getpdfdata()

    drawn()
    assert len(replay._drawings) == 1  # only the first, drawn before Å was coded
    replayed = drawn()
    replay._drawings.clear()
    assert replayed == drawn()


def test_bold_paragraphs_in_another_order_are_not_mixed_up() -> None:
    """A wholly bold paragraph draws in the bold face: its accents are numbered there, so
    another order of the same paragraphs gives each letter its own code (a reviewer found
    é and è swapped when they were counted under the regular face)."""
    cafe, creme = _para("<b>Café</b>"), _para("<b>Crème</b>")
    both = _para("<b>Café crème</b>")
    assert set(characters_by_font(both)) == {BOLD}
    _draw([cafe, creme, both])
    replayed = _draw([creme, cafe, both])
    replay._drawings.clear()
    assert replayed == _draw([creme, cafe, both])


def test_the_graphics_state_is_part_of_the_key() -> None:
    """The same paragraph plain, then inside an overprint state: two drawings, and a
    second document made of replays is the document drawn afresh."""
    para = _para("overprinted or not")

    def drawn() -> bytes:
        canvas = _canvas()
        glyphs = number_glyphs(canvas, characters_by_font(para))
        replay.draw_paragraph(canvas, para, 20, 700, glyphs)
        canvas.saveState()
        canvas.setFillOverprint(True)
        replay.draw_paragraph(canvas, para, 20, 700, glyphs)
        canvas.restoreState()
        canvas.showPage()
        return canvas.getpdfdata()

    drawn()
    assert len(replay._drawings) == 2
    replayed = drawn()
    replay._drawings.clear()
    assert replayed == drawn()


def test_a_font_outside_the_numbering_may_only_have_fixed_codes() -> None:
    canvas = _canvas()
    glyphs = number_glyphs(canvas, {FONT: set("ab")})
    replay.draw_paragraph(canvas, _para("<b>ab</b>"), 20, 700, glyphs)  # bold: ASCII only
    replay.draw_paragraph(canvas, _para("ab"), 20, 650, glyphs)
    assert len(replay._drawings) == 2
    replay.draw_paragraph(canvas, _para("<b>é</b>"), 20, 600, glyphs)  # coded as drawn
    replay.draw_paragraph(canvas, _para("ab "), 20, 550, glyphs)
    assert len(replay._drawings) == 2


def test_a_second_name_for_the_same_face_is_the_same_font() -> None:
    """ReportLab gives a face registered under two names one font object (named after the
    first): the numbering and the check must follow the object, not the name."""
    alias = "ReplayTestLatoAgain"
    if alias not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(alias, str(LATO)))
    assert pdfmetrics.getFont(alias) is pdfmetrics.getFont(FONT)
    canvas = _canvas()
    glyphs = number_glyphs(canvas, {alias: set("abé"), FONT: set("ab")})
    para = Para("abé", ParagraphStyle("alias", fontName=alias, fontSize=10, leading=12))
    para.wrap(200, 500)
    replay.draw_paragraph(canvas, para, 20, 700, glyphs)
    assert len(replay._drawings) == 1


def test_a_drawing_naming_a_graphics_state_is_not_kept() -> None:
    """A translucent text colour names a graphics state (/gRLsN gs): N follows the order
    the document registered its states in, which the key does not hold (found by a
    reviewer). Such drawings are drawn afresh every time."""
    para = Para("half-transparent", ParagraphStyle(
        "alpha", fontName=FONT, fontSize=10, leading=12, textColor=Color(1, 0, 0, alpha=0.5)))
    para.wrap(200, 500)

    def drawn(alphas: list[float]) -> bytes:
        canvas = _canvas()
        glyphs = number_glyphs(canvas, characters_by_font(para))
        for alpha in alphas:  # other items registering graphics states first
            canvas.saveState()
            canvas.setFillAlpha(alpha)
            canvas.rect(0, 0, 5, 5, fill=1)
            canvas.restoreState()
        replay.draw_paragraph(canvas, para, 50, 700, glyphs)
        canvas.showPage()
        return canvas.getpdfdata()

    drawn([0.5])
    assert len(replay._drawings) == 0
    replayed = drawn([0.3, 0.5])
    replay._drawings.clear()
    assert replayed == drawn([0.3, 0.5])
