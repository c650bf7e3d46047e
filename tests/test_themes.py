"""Brand themes as data: the second theme changes fonts and colours; mistakes are reported."""

import pikepdf
import pytest

from brochure.build import BuildOptions, build
from brochure.errors import BrochureError
from brochure.theme import load_theme
from tests.conftest import ROOT, SEED_CONTENT

HARBOUR = ROOT / "assets" / "themes" / "harbour.yaml"


def test_second_theme_uses_its_own_font_and_colours(tmp_path):
    out = tmp_path / "harbour.pdf"
    result = build(SEED_CONTENT, BuildOptions(output=out, theme=HARBOUR, editions=("print",)))
    assert result.editions[0].report.verdict == "pass"
    with pikepdf.open(out) as pdf:
        fonts = {str(f.BaseFont)[8:] for _, f in pdf.pages[0].Resources.Font.items()}
        assert fonts and all(name.startswith("Caladea") for name in fonts)
    theme = load_theme(HARBOUR)
    assert theme.colours["accent"].cmyk == (0, 65, 95, 0)
    assert theme.colours["ink"].cmyk == (0, 0, 0, 100)  # inherited from the default


def write_theme(tmp_path, text):
    path = tmp_path / "theme.yaml"
    path.write_text(text)
    return path


def test_missing_font_file_is_named(tmp_path):
    path = write_theme(tmp_path, "name: x\nfonts:\n  family: X\n  regular: nope.ttf\n"
                                 "  italic: nope.ttf\n  bold: nope.ttf\n  bold_italic: nope.ttf\n")
    with pytest.raises(BrochureError) as caught:
        load_theme(path)
    issue = caught.value.issues[0]
    assert issue.field == "fonts.regular" and "font file not found" in issue.message
    assert issue.file == str(path) and issue.line == 4


def test_undefined_colour_is_named(tmp_path):
    path = write_theme(tmp_path, "name: x\ntype:\n  title: {size: 30, leading: 32, colour: gold}\n")
    with pytest.raises(BrochureError) as caught:
        load_theme(path)
    issue = caught.value.issues[0]
    assert issue.field == "type.title.colour" and "'gold' is not defined" in issue.message


def test_misspelt_theme_key_gets_a_suggestion(tmp_path):
    path = write_theme(tmp_path,
                       "name: x\ncolors:\n  accent: {cmyk: [0, 0, 0, 100], rgb: '#000000'}\n")
    with pytest.raises(BrochureError) as caught:
        load_theme(path)
    assert "did you mean 'colours'?" in caught.value.issues[0].message
