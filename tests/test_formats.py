"""The same content on A4, A5, US Letter and DL: sizes, bleed, reflowed stats, clean checks."""

import pikepdf
import pytest

from brochure.build import BuildOptions, build, prepare
from brochure.layout.items import Icon
from tests.conftest import SEED_CONTENT
from tests.pdfread import MM

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
