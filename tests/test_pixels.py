"""Rendered pixels: the bleed is painted, icons are drawn, marks stay outside the bleed."""

import pytest

from brochure.build import BuildOptions, prepare
from brochure.layout.items import Fill, Icon
from tests.conftest import SEED_CONTENT
from tests.pdfread import MM, render

DPI = 100
WHITE = (255, 255, 255)


@pytest.fixture(scope="module")
def layout():
    prepared = prepare(SEED_CONTENT, BuildOptions(output=SEED_CONTENT.with_suffix(".pdf")))
    return prepared.document


@pytest.fixture(scope="module")
def page_one(seed_pdf):
    return render(seed_pdf, 0, DPI)


def pixel(image, geo, x_pt, y_pt):
    """Colour at a point in trim coordinates (points, origin bottom-left of the trim)."""
    scale = DPI / 72
    media_h = geo.media.h
    return image.getpixel((round((x_pt + geo.slug) * scale),
                           round((media_h - (y_pt + geo.slug)) * scale)))


def test_hero_photo_runs_into_the_bleed(page_one, layout):
    geo = layout.geometry
    inside_bleed = pixel(page_one, geo, 40 * MM, geo.height + 1.5 * MM)
    beyond_bleed = pixel(page_one, geo, 40 * MM, geo.height + 4.5 * MM)
    assert inside_bleed != WHITE
    assert beyond_bleed == WHITE


def test_stat_panel_is_painted_into_the_side_bleed(page_one, layout):
    geo = layout.geometry
    panel = next(i for i in layout.pages[0].items if isinstance(i, Fill) and i.colour == "tint")
    y = panel.rect.y + panel.rect.h / 2
    in_bleed = pixel(page_one, geo, -1.5 * MM, y)
    in_trim = pixel(page_one, geo, 2 * MM, y)
    assert in_bleed != WHITE
    assert in_bleed == pytest.approx(in_trim, abs=2)
    assert pixel(page_one, geo, -4.5 * MM, y) == WHITE


def test_each_stat_icon_is_drawn_in_the_accent_colour(page_one, layout):
    geo = layout.geometry
    icons = [i for i in layout.pages[0].items if isinstance(i, Icon)]
    assert len(icons) == 4
    for icon in icons:
        r = icon.rect
        samples = [pixel(page_one, geo, r.x + r.w * i / 20, r.y + r.h * j / 20)
                   for i in range(21) for j in range(21)]
        inked = [p for p in samples if p[1] < 120 and p[0] > p[1] + 40]  # magenta-ish accent
        assert len(inked) >= 12, f"icon {icon.field} is not drawn ({len(inked)} inked samples)"
