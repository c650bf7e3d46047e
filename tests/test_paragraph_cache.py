"""Line breaks remembered per width and paragraphs shared between builds change nothing."""

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
