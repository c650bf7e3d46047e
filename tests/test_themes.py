"""Brand themes as data: the second theme changes fonts and colours; mistakes are reported."""

import pikepdf
import pytest
from reportlab.pdfbase import pdfmetrics

from brochure.build import BuildOptions, build, prepare
from brochure.errors import BrochureError
from brochure.layout.items import Icon, Text
from brochure.text.markup import to_markup
from brochure.text.paragraph import Para
from brochure.text.styles import Styles
from brochure.theme import load_theme
from brochure.theme.fonts import register_fonts
from brochure.units import MM
from tests.conftest import ROOT, SEED_CONTENT
from tests.pdfread import render
from tests.test_print_geometry import A4

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


def theme_issue(path, page_format: str = "A4"):
    """The first problem load_theme reports for the theme at path."""
    with pytest.raises(BrochureError) as caught:
        load_theme(path, page_format)
    return caught.value.issues[0]


def write_theme(tmp_path, text):
    path = tmp_path / "theme.yaml"
    path.write_text(text)
    return path


def test_missing_font_file_is_named(tmp_path):
    path = write_theme(tmp_path, "name: x\nfonts:\n  family: X\n  regular: nope.ttf\n"
                                 "  italic: nope.ttf\n  bold: nope.ttf\n  bold_italic: nope.ttf\n")
    issue = theme_issue(path)
    assert issue.field == "fonts.regular" and "font file not found" in issue.message
    assert issue.file == str(path) and issue.line == 4


def test_undefined_colour_is_named(tmp_path):
    path = write_theme(tmp_path, "name: x\ntype:\n  title: {size: 30, leading: 32, colour: gold}\n")
    issue = theme_issue(path)
    assert issue.field == "type.title.colour" and "'gold' is not defined" in issue.message


def test_misspelt_theme_key_gets_a_suggestion(tmp_path):
    path = write_theme(tmp_path,
                       "name: x\ncolors:\n  accent: {cmyk: [0, 0, 0, 100], rgb: '#000000'}\n")
    with pytest.raises(BrochureError) as caught:
        load_theme(path)
    assert "did you mean 'colours'?" in caught.value.issues[0].message


def _logo_and_title(document):
    items = document.pages[0].items
    logo = next(i for i in items if isinstance(i, Icon) and i.field == "logo")
    title = next(i for i in items if isinstance(i, Text) and i.field == "title")
    return logo, title


def test_theme_logo_sits_top_left_on_the_titles_edge(tmp_path):
    options = BuildOptions(output=tmp_path / "x.pdf", theme=HARBOUR)
    document = prepare(SEED_CONTENT, options).document
    logo, title = _logo_and_title(document)
    geo = document.geometry
    assert logo.rect.x == pytest.approx(title.x)
    assert logo.rect.top == pytest.approx(geo.height - geo.margin_top)
    assert logo.rect.h == pytest.approx(8 * MM)
    assert logo.rect.w == pytest.approx(logo.rect.h * 271.4 / 48, rel=1e-3)  # the SVG's aspect
    assert logo.rect.y > title.y + title.h  # clear of the title


def test_theme_logo_is_painted_in_paper_white_and_tagged_with_its_name(tmp_path):
    out = tmp_path / "harbour.pdf"
    build(SEED_CONTENT, BuildOptions(output=out, theme=HARBOUR))
    plain = tmp_path / "plain.pdf"
    build(SEED_CONTENT, BuildOptions(output=plain))
    logo, _ = _logo_and_title(prepare(SEED_CONTENT, BuildOptions(output=out, theme=HARBOUR))
                              .document)
    page_h = A4[1]
    box = (int(logo.rect.x), int(page_h - logo.rect.top), int(logo.rect.x + logo.rect.w),
           int(page_h - logo.rect.y))

    def white_pixels(path):
        region = render(path.with_name(path.stem + "-digital.pdf"), 0, dpi=144).crop(
            tuple(2 * v for v in box))
        data = region.tobytes()
        return sum(1 for i in range(0, len(data), 3) if min(data[i:i + 3]) > 245)

    assert white_pixels(out) > 20 * white_pixels(plain) + 200
    with pikepdf.open(out.with_name("harbour-digital.pdf")) as pdf:
        root = pdf.Root.StructTreeRoot.K[0]
        figures = [str(k.Alt) for k in root.K if str(k.get("/S")) == "/Figure"]
        assert "Harbour Health" in figures


@pytest.mark.parametrize(("logo", "field", "words"), [
    ("{file: nope.svg}", "logo.file", "logo file not found"),
    ("{file: theme.yaml}", "logo.file", "not a usable SVG"),
    ("{file: ../icons/leaf.svg, colour: gold}", "logo.colour", "'gold' is not defined"),
])
def test_logo_mistakes_are_named(tmp_path, logo, field, words):
    icons = tmp_path / "icons"
    icons.mkdir()
    (icons / "leaf.svg").write_bytes((ROOT / "assets" / "icons" / "leaf.svg").read_bytes())
    folder = tmp_path / "themes"
    folder.mkdir()
    path = folder / "theme.yaml"
    path.write_text(f"name: x\nlogo: {logo}\n")
    issue = theme_issue(path)
    assert issue.field == field and words in issue.message
    assert issue.file == str(path) and issue.line == 2


@pytest.mark.parametrize(("svg", "words"), [
    ('<g xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></g>',
     "outermost element is not <svg>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 -5"><rect width="4" '
     'height="4"/></svg>', "no positive size"),
])
def test_odd_logo_svgs_are_theme_issues_not_crashes(tmp_path, svg, words):
    (tmp_path / "logo.svg").write_text(svg)
    path = write_theme(tmp_path, "name: x\nlogo: {file: logo.svg}\n")
    issue = theme_issue(path)
    assert issue.field == "logo.file" and words in issue.message and issue.line == 2


def test_a_logo_wider_than_the_page_is_refused_on_that_format(tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" '
                                       'viewBox="0 0 100 10"><rect width="100" height="10"/></svg>')
    path = write_theme(tmp_path, "name: x\nlogo: {file: logo.svg, height_mm: 12}\n")
    assert load_theme(path, "A4").logo.height_mm == 12  # 120 mm fits A4's 178 mm
    with pytest.raises(BrochureError) as caught:
        load_theme(path, "DL")
    issue = caught.value.issues[0]
    assert issue.field == "logo.height_mm" and "120 mm wide" in issue.message
    assert issue.file == str(path) and issue.line == 2


def test_a_theme_mistake_shows_on_every_format(tmp_path):
    """The A5 layer sets type.body; a theme's bad body size must not hide behind it."""
    path = write_theme(tmp_path, "name: x\ntype:\n  body: {size: big, leading: 12}\n")
    for page_format in ("A4", "A5", "DL"):
        with pytest.raises(BrochureError) as caught:
            load_theme(path, page_format)
        assert caught.value.issues[0].field == "type.body.size"


def test_a_theme_may_not_choose_the_page(tmp_path):
    path = write_theme(tmp_path, "name: x\npage: {bleed_mm: 5}\n")
    issue = theme_issue(path)
    assert issue.field == "page" and "print.bleed_mm" in issue.message and issue.line == 2


def test_columns_too_narrow_for_words_are_a_theme_issue(tmp_path):
    path = write_theme(tmp_path, "name: x\ngrid: {gutter_mm: 40, body_columns: 4}\n")
    issue = theme_issue(path)
    assert issue.field == "grid.body_columns" and "14 mm per column" in issue.message
    assert issue.file == str(path) and issue.line == 2


@pytest.mark.parametrize(("text", "field", "words"), [
    ("hero: {shade_colour: gold}\n", "hero.shade_colour", "'gold' is not defined"),
    ("stats: {panel_colour: gold}\n", "stats.panel_colour", "'gold' is not defined"),
    ("footer: {rule_colour: gold}\n", "footer.rule_colour", "'gold' is not defined"),
    ("veeva_id_pattern: '['\n", "veeva_id_pattern", "not a valid regular expression"),
    ("footer: {baseline_mm: 2}\n", "footer.baseline_mm", "inside the 5 mm the cutter may take"),
    ("footer: {rule_mm: 40}\n", "footer.rule_mm", "below the text (24 mm"),
    ('fonts: {regular: "a\\0b.ttf", italic: x.ttf, bold: x.ttf, bold_italic: x.ttf}\n',
     "fonts.regular", "font file not found"),
    ("fonts: {regular: theme.yaml, italic: theme.yaml, bold: theme.yaml, "
     "bold_italic: theme.yaml}\n", "fonts.regular", "cannot use font"),
    ("fonts: {family: Brandserif, regular: theme.yaml}\n", "fonts",
     "but not italic, bold, bold_italic"),
])
def test_theme_mistakes_found_at_load_with_their_line(tmp_path, text, field, words):
    path = write_theme(tmp_path, "name: x\n" + text)
    issue = theme_issue(path)
    assert issue.field == field and words in issue.message
    assert issue.file == str(path) and issue.line == 2


def test_the_default_theme_can_be_the_start_of_your_own(tmp_path):
    copy = tmp_path / "mine.yaml"
    copy.write_text((ROOT / "assets" / "themes" / "default.yaml").read_text()
                    .replace("../fonts/", str(ROOT / "assets" / "fonts") + "/"))
    for page_format in ("A4", "A5", "Letter", "DL"):
        assert load_theme(copy, page_format).page.name == page_format


def test_two_themes_with_one_family_name_keep_their_own_faces(tmp_path):
    """ReportLab's font table is global: a theme calling Caladea 'Lato' must not change what
    **bold** prints in the default theme built after it in the same process."""
    caladea = ROOT / "assets" / "fonts" / "caladea"
    path = write_theme(tmp_path, f"name: x\nfonts:\n  family: Lato\n"
                                 f"  regular: {caladea}/Caladea-Regular.ttf\n"
                                 f"  italic: {caladea}/Caladea-Italic.ttf\n"
                                 f"  bold: {caladea}/Caladea-Bold.ttf\n"
                                 f"  bold_italic: {caladea}/Caladea-BoldItalic.ttf\n")
    faces = {}
    for n, theme_path in enumerate((None, path, None)):  # default, impostor, default again
        theme = load_theme(theme_path)
        fonts = register_fonts(theme.fonts)
        para = Para(to_markup(f"text {n} **strong** *leaning*"),
                    Styles(theme, fonts, "en-GB")("body"))
        para.wrap(400, 100)
        faces[n] = {pdfmetrics.getFont(w.fontName).face.name.decode()
                    for line in para.blPara.lines for w in line.words if w.text.strip()}
    assert all(f.startswith("Lato") for f in faces[0] | faces[2]), faces
    assert all(f.startswith("Caladea") for f in faces[1]), faces


def test_a_glyph_that_only_an_uppercase_style_makes_is_named(tmp_path):
    """'ɑ' is in Lato, its capital 'Ɑ' is not: the check must look at what will be drawn."""
    theme = write_theme(tmp_path, "name: x\ntype:\n  heading: {size: 12.5, leading: 15.5, "
                                  "weight: bold, colour: primary, uppercase: true}\n")
    content = tmp_path / "content.yaml"
    content.write_text("title: Glyphs\nintro: [Text.]\ninitiatives:\n  items:\n"
                       "    - {title: ɑlpha, body: [Body.]}\n"
                       "compliance: {veeva_id: GB-12345, date_of_preparation: 2025-07}\n")
    with pytest.raises(BrochureError) as caught:
        prepare(content, BuildOptions(output=tmp_path / "x.pdf", theme=theme))
    issue = caught.value.issues[0]
    assert issue.field == "initiatives.items[0].title" and "U+2C6D" in issue.message
    assert issue.file == str(content) and issue.line == 5


def _theme_issues(tmp_path, text: str) -> list:
    """The issues load_theme raises for a theme file with this text."""
    theme = tmp_path / "theme.yaml"
    theme.write_text(text)
    with pytest.raises(BrochureError) as caught:
        load_theme(theme)
    return caught.value.issues


def test_a_partial_font_set_is_reported_with_the_themes_other_mistakes(tmp_path):
    issues = _theme_issues(tmp_path, 'name: t\nfonts: {family: Brandserif, regular: x.ttf}\n'
                                     'colours:\n  brand: {cmyk: [0, 0, 0, 100], rgb: "#12345"}\n')
    fields = [issue.field for issue in issues]
    assert "fonts" in fields and "colours.brand.rgb" in fields


def test_a_font_family_name_without_files_is_refused(tmp_path):
    (issue,) = _theme_issues(tmp_path, "name: t\nfonts: {family: Brandserif}\n")
    assert issue.field == "fonts" and "name a family but none of its files" in issue.message


def test_a_misspelt_colour_name_gets_a_did_you_mean(tmp_path):
    (issue,) = _theme_issues(tmp_path, "name: t\ncolours:\n  brandgreen: {cmyk: [80, 0, 90, 10], "
                                       "rgb: '#1A9A4B'}\ntype:\n  title: {colour: brandgren}\n")
    assert issue.field == "type.title.colour" and "did you mean 'brandgreen'?" in issue.message


def test_a_themes_page_is_refused_with_its_other_mistakes(tmp_path):
    """A page setting and a misspelt key come in one report, not one run after another."""
    issues = _theme_issues(tmp_path, "name: t\npage: {name: A5}\nmargins: {botom_mm: 20}\n")
    fields = [issue.field for issue in issues]
    assert "page" in fields and any("botom_mm" in f for f in fields), fields


def test_missing_files_are_reported_with_a_misspelt_key(tmp_path):
    """A misspelt key no longer hides the missing font and logo files until the next run."""
    issues = _theme_issues(tmp_path, "name: t\nfonts: {family: B, regular: r.ttf, italic: "
                                     "i.ttf, bold: b.ttf, bold_italic: bi.ttf}\n"
                                     "logo: {file: brand.svg}\nmargins: {botom_mm: 20}\n")
    by_field = {issue.field: issue for issue in issues}
    assert any("botom_mm" in f for f in by_field), list(by_field)
    assert "font file not found" in by_field["fonts.regular"].message
    assert "r.ttf" in by_field["fonts.regular"].message and by_field["fonts.regular"].line == 2
    assert "logo file not found" in by_field["logo.file"].message
    assert len(issues) == 6  # each mistake once
