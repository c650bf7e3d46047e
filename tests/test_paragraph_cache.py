"""Line breaks remembered per width and paragraphs shared between builds change nothing."""

import random

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from brochure.text.paragraph import Para, paragraph

TEXT = ("Small moves, made together, add up: twelve partner schools, three cities and "
        "one shared plan for a healthier start in life, written down so that anyone can "
        "follow it and check what happened.")


def _lines(para: Paragraph) -> list[str]:
    return [" ".join(getattr(w, "text", w) for w in line[1]) for line in para.blPara.lines]


def test_rewrapping_at_an_earlier_width_gives_that_widths_lines() -> None:
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    para = Para(TEXT, style)
    wide = para.wrap(400, 1000)
    narrow = para.wrap(120, 1000)
    assert narrow[1] > wide[1]
    assert para.wrap(400, 1000) == wide
    fresh = Paragraph(TEXT, style)
    assert fresh.wrap(400, 1000) == wide
    assert _lines(para) == _lines(fresh)


def test_a_split_part_breaks_like_a_fresh_paragraph() -> None:
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    para = Para(TEXT, style)
    para.wrap(120, 1000)
    first, rest = para.split(120, 40)
    assert isinstance(rest, Para)
    assert first.wrap(120, 1000)[1] == 36
    assert rest.wrap(120, 1000)[1] == para.wrap(120, 1000)[1] - 36


def test_the_shared_paragraph_depends_on_markup_and_every_style_value() -> None:
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    bigger = ParagraphStyle("t", fontName="Helvetica", fontSize=11, leading=12)
    assert paragraph(TEXT, style) is paragraph(TEXT, style)
    assert paragraph(TEXT, style) is not paragraph(TEXT, bigger)
    assert paragraph(TEXT, style) is not paragraph(TEXT + " More.", style)


def _texts(para: Paragraph) -> tuple[str, ...]:
    """The lines as text, for simple (one style) and styled (kind 1) paragraphs."""
    lines = para.blPara
    if lines.kind == 1:
        return tuple("".join(str(getattr(w, "text", "")) for w in line.words)
                     for line in lines.lines)
    return tuple(" ".join(line[1]) for line in lines.lines)


def _broken(parts, width) -> tuple:
    for part in parts:
        part.wrap(width, 10_000)
    return tuple(_texts(part) for part in parts)


def test_any_sequence_of_boxes_gives_what_a_fresh_paragraph_gives() -> None:
    """ReportLab's wrap and split change the paragraph; a Para must not let that leak into a
    later answer at another width (a watch session after a theme edit, A4 then Letter)."""
    from brochure.text.markup import to_markup
    from brochure.text.styles import Styles
    from brochure.theme.fonts import register_fonts
    from brochure.theme.load import load_theme

    theme = load_theme(None, "A4")
    style = Styles(theme, register_fonts(theme.fonts), "en-GB")("body")
    markup = to_markup(
        "Pharmaceutical **manufacturers** demonstrated extraordinary responsibility, "
        "characterising pharmacokinetic interactions comprehensively; the *independent* "
        "investigators established unprecedented transparency regarding hypersensitivity "
        "reactions and contraindications, recommending individualised administration.")
    rng = random.Random(7)
    for _ in range(60):
        para = Para(markup, style)
        for _ in range(4):
            width, height = rng.choice([150, 170, 190, 245.2]), rng.choice([30, 45, 60, 75])
            para.wrap(width, height)
            ours = para.split(width, height)
            fresh = Paragraph(markup, style)
            fresh.wrap(width, height)
            assert _broken(ours, width) == _broken(fresh.split(width, height), width)
            assert _broken([para], width) == _broken([Paragraph(markup, style)], width)


def test_long_paragraphs_are_not_kept_between_builds_and_widths_are_bounded() -> None:
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    long_text = "word " * 500
    assert paragraph(long_text, style) is not paragraph(long_text, style)
    para = Para(TEXT, style)
    for width in range(100, 300, 10):
        para.wrap(width, 1000)
    assert len(para._breaks) <= 4 and 290 in para._breaks  # the latest widths are kept


def test_a_paragraph_can_be_copied_with_its_memos() -> None:
    import copy

    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)
    para = Para(TEXT, style)
    para.wrap(200, 1000)
    clone = copy.deepcopy(para)
    assert clone.wrap(200, 1000) == para.wrap(200, 1000) and clone._breaks.size == 4
