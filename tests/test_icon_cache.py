"""A parsed SVG is kept on disk: later builds read it back without the parser."""

from pathlib import Path

import pytest

import brochure.draw.svgparse
from brochure.draw import icons

LEAF = Path(__file__).resolve().parents[1] / "assets" / "icons" / "leaf.svg"


@pytest.fixture
def svg(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path / "cache"))
    icons._load.cache_clear()
    path = tmp_path / "leaf.svg"
    path.write_bytes(LEAF.read_bytes())
    return path


def _no_parser(path):
    raise AssertionError("the parser was used")


def test_a_parsed_icon_is_read_back_without_the_parser(svg, monkeypatch):
    parsed = icons.load_svg(svg)
    assert list((svg.parent / "cache").glob("*.svg.json"))
    icons._load.cache_clear()
    monkeypatch.setattr(brochure.draw.svgparse, "parse_svg", _no_parser)
    assert icons.load_svg(svg) == parsed


def test_a_changed_icon_is_parsed_again(svg, monkeypatch):
    before = icons.load_svg(svg)
    svg.write_text(svg.read_text().replace("<svg ", '<svg data-edit="1" ', 1)
                   .replace("</svg>", '<circle cx="12" cy="12" r="3"/></svg>'))
    after = icons.load_svg(svg)
    assert len(after.shapes) == len(before.shapes) + 1
