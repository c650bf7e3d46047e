"""The same content on A4, A5, US Letter and DL: sizes, bleed, reflowed stats, clean checks."""

import pikepdf
import pytest

from brochure.build import BuildOptions, build, prepare
from brochure.errors import BrochureError
from brochure.layout.items import Icon
from brochure.theme import load_theme
from tests.conftest import ROOT, SEED_CONTENT
from tests.pdfread import MM

HARBOUR = ROOT / "assets" / "themes" / "harbour.yaml"

SIZES = {"A4": (210, 297, 3), "A5": (148, 210, 3), "Letter": (215.9, 279.4, 3.175),
         "DL": (99, 210, 3)}


@pytest.mark.parametrize("page_format", SIZES)
def test_each_format_builds_with_its_size_and_bleed(page_format, tmp_path):
    out = tmp_path / f"{page_format}.pdf"
    result = build(SEED_CONTENT, BuildOptions(output=out, page_format=page_format))
    width, height, bleed = SIZES[page_format]
    with pikepdf.open(out) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.TrimBox)
            assert (x1 - x0, y1 - y0) == pytest.approx((width * MM, height * MM), abs=0.01)
            bx0 = float(page.BleedBox[0])
            assert x0 - bx0 == pytest.approx(bleed * MM, abs=0.01)
    for edition in result.editions:
        assert edition.report.verdict == "pass", (page_format, edition.name,
                                                  edition.report.findings)


@pytest.mark.parametrize("page_format, rows", [("A4", 1), ("Letter", 1), ("A5", 2), ("DL", 2)])
def test_stat_band_reflows_on_narrow_pages(page_format, rows):
    document = prepare(SEED_CONTENT, BuildOptions(output=SEED_CONTENT,
                                                  page_format=page_format)).document
    icons = [i for i in document.pages[0].items if isinstance(i, Icon)]
    assert len({round(i.rect.y) for i in icons}) == rows


def test_format_can_come_from_the_content(project):
    content = project / "content.yaml"
    content.write_text(content.read_text().replace("language: en-GB",
                                                   "language: en-GB\nformat: DL"))
    document = prepare(content, BuildOptions(output=project / "x.pdf")).document
    assert document.geometry.width == pytest.approx(99 * MM)


def test_a_brand_theme_keeps_its_look_and_takes_the_formats_sizes():
    """A theme's A4 type sizes would not fit A5: the format's sizes win, the brand's fonts,
    weights and colours stay."""
    a4, a5 = load_theme(HARBOUR, "A4"), load_theme(HARBOUR, "A5")
    assert a4.type.title.size == 34 and a5.type.title.size == 23
    assert a4.hero.height_mm == 112 and a5.hero.height_mm == 72
    for theme in (a4, a5):
        assert theme.fonts.family == "Caladea"
        assert theme.type.tagline.weight == "italic"
        assert theme.colours["accent"].cmyk == (0, 65, 95, 0)


def test_a_top_of_page_that_runs_into_the_footer_is_an_error(tmp_path):
    theme = tmp_path / "tall.yaml"
    theme.write_text("name: tall\nhero: {height_mm: 230}\n")
    with pytest.raises(BrochureError) as caught:
        prepare(SEED_CONTENT, BuildOptions(output=tmp_path / "x.pdf", theme=theme))
    issue = caught.value.issues[0]
    assert issue.field == "stats" and "into the footer on A4" in issue.message


def test_format_names_in_any_case(project):
    """The command line takes `--format dl`; the content's `format: dl` is refused with the
    right spelling to use."""
    from brochure.cli import main
    assert main([str(project / "content.yaml"), "-o", str(project / "x.pdf"), "--format",
                 "letter", "--edition", "print"]) == 0
    with pikepdf.open(project / "x.pdf") as pdf:
        trim = [float(v) for v in pdf.pages[0].obj.TrimBox]
    assert trim[2] - trim[0] == pytest.approx(215.9 * MM, abs=0.1)
    content = project / "content.yaml"
    content.write_text(content.read_text().replace("language: en-GB",
                                                   "language: en-GB\nformat: dl"))
    with pytest.raises(BrochureError) as caught:
        prepare(content, BuildOptions(output=project / "x.pdf"))
    assert "did you mean 'DL'?" in str(caught.value)
