"""Property test: whatever a theme file says, load_theme answers with a Theme or a located
BrochureError on every page format, never a crash (a traceback would reach the user)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from brochure.build import BuildOptions, prepare
from brochure.errors import BrochureError
from brochure.theme.load import load_theme
from brochure.theme.model import Theme
from tests.conftest import SEED_CONTENT

KEYS = st.sampled_from([
    "name", "colours", "accent", "primary", "paper", "cmyk", "rgb", "fonts", "family",
    "regular", "bold", "italic", "bold_italic", "type", "title", "body", "size", "leading",
    "weight", "colour", "hero", "height_mm", "band_mm", "stats", "icon_mm", "logo", "file",
    "alt", "margins", "left_mm", "grid", "columns", "gutter_mm", "body_columns", "page",
    "space_mm", "hyphenate", "veeva_id_pattern", "footer",
])
SCALARS = st.one_of(
    st.sampled_from(["", "x", "gold", "paper", "bold", "#ff0000", "#12345", "logo.svg",
                     "nope.ttf", "../fonts/Lato-Bold.ttf", "[", "{", "'", "~", "[0, 0, 0]",
                     "[0, 120, 0, 0]", "-3", "0", "1e9", "true", "null", "\t"]),
    st.integers(-5, 500).map(str), st.floats(-1, 400, allow_nan=False).map(lambda v: f"{v:g}"),
)


@st.composite
def theme_texts(draw) -> str:
    lines = ["name: fuzz"]
    for _ in range(draw(st.integers(0, 6))):
        indent = "  " * draw(st.integers(0, 2))
        if draw(st.booleans()):
            lines.append(f"{indent}{draw(KEYS)}:")
        else:
            lines.append(f"{indent}{draw(KEYS)}: {draw(SCALARS)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, database=None)
@given(theme_texts(), st.sampled_from(["A4", "A5", "DL", "Letter"]))
def test_any_theme_is_a_theme_or_a_located_error(tmp_path_factory, text, page_format):
    folder = tmp_path_factory.mktemp("theme")
    (folder / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" '
                                     'viewBox="0 0 40 10"><rect width="40" height="10"/></svg>')
    path = folder / "theme.yaml"
    path.write_text(text)
    try:
        theme = load_theme(path, page_format)
    except BrochureError as exc:
        assert exc.issues and all(i.message and i.file for i in exc.issues)
        return
    assert isinstance(theme, Theme)


@settings(max_examples=60, deadline=None, database=None)
@given(theme_texts(), st.sampled_from(["A4", "DL"]))
def test_a_theme_that_loads_lays_out_or_says_why(tmp_path_factory, text, page_format):
    """Odd but valid values (no gutter, a tiny page margin, one huge type size) must end in a
    laid-out brochure or a BrochureError, never in an exception from ReportLab."""
    folder = tmp_path_factory.mktemp("layout")
    path = folder / "theme.yaml"
    path.write_text(text)
    options = BuildOptions(output=folder / "b.pdf", theme=path, page_format=page_format)
    try:
        load_theme(path, page_format)
    except BrochureError:
        return
    try:
        prepare(SEED_CONTENT, options)
    except BrochureError as exc:
        assert exc.issues and all(i.message for i in exc.issues)


EXTREMES = st.fixed_dictionaries({}, optional={
    "margins": st.fixed_dictionaries({}, optional={
        k: st.sampled_from([0, 1, 30, 60])
        for k in ("top_mm", "bottom_mm", "left_mm", "right_mm")}),
    "grid": st.fixed_dictionaries({}, optional={
        "columns": st.sampled_from([1, 5, 24]), "gutter_mm": st.sampled_from([0, 20, 60]),
        "body_columns": st.sampled_from([1, 3, 4])}),
    "space_mm": st.sampled_from([0.1, 12]),
    "type": st.fixed_dictionaries({}, optional={
        role: st.sampled_from([{"size": 4, "leading": 4}, {"size": 60, "leading": 62},
                               {"size": 200, "leading": 240}])
        for role in ("title", "body", "stat_value", "stat_label", "footer", "quote")}),
    "hero": st.fixed_dictionaries({}, optional={"height_mm": st.sampled_from([0, 20, 280])}),
    "stats": st.fixed_dictionaries({}, optional={
        "icon_mm": st.sampled_from([0, 40]), "min_cell_mm": st.sampled_from([1, 300]),
        "max_label_lines": st.sampled_from([0, 1])}),
})


@settings(max_examples=80, deadline=None, database=None)
@given(EXTREMES, st.sampled_from(["A4", "A5", "DL"]))
def test_extreme_but_valid_sizes_lay_out_or_say_why(tmp_path_factory, overrides, page_format):
    folder = tmp_path_factory.mktemp("extreme")
    path = folder / "theme.yaml"
    path.write_text(json.dumps({"name": "extreme", **overrides}))  # JSON is YAML
    options = BuildOptions(output=folder / "b.pdf", theme=path, page_format=page_format)
    try:
        prepare(SEED_CONTENT, options)
    except BrochureError as exc:
        assert exc.issues and all(i.message for i in exc.issues)
