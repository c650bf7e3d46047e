"""Each bad PDF breaks one print rule; the preflight must name that rule and no other error."""

from __future__ import annotations

import pikepdf
import pytest
from PIL import Image, ImageDraw
from preflight_pdfs import BLEED_BOX, FONT, cmyk_image, good_page, make_pdfx
from reportlab.lib.colors import CMYKColor

from brochure.draw.stencil import draw_stencil
from brochure.preflight import check_pdf
from brochure.preflight.report import format_text, summary
from brochure.units import Rect


def error_rules(path) -> set[str]:
    return {f.rule for f in check_pdf(path).errors}


def warning_rules(path) -> set[str]:
    return {f.rule for f in check_pdf(path).warnings}


def test_good_pdf_has_no_errors(make):
    report = check_pdf(make.pdf("good"))
    assert report.errors == []
    assert {f.rule for f in report.warnings} <= {"pdfx.output-intent", "pdfx.xmp-version"}
    assert report.verdict == "warnings"
    ppi = [f for f in report.findings if f.rule == "image.ppi"]
    assert len(ppi) == 1 and "300 ppi" in ppi[0].message


def test_good_pdfx_passes(make):
    path = make.altered(make.pdf("good"), make_pdfx)
    report = check_pdf(path)
    assert report.verdict == "pass", format_text(report)
    assert summary(report) == "preflight: pass (0 errors, 0 warnings)"


def rgb_text(c):
    c.setFillColorRGB(1, 0, 0)
    c.drawString(30, 30, "red")


def low_ppi_image(c):
    c.drawImage(cmyk_image(72), 30, 30, 72, 72)


def rgb_image(c):
    c.drawImage(cmyk_image(300, "RGB"), 30, 30, 72, 72)


def helvetica(c):
    c.setFont("Helvetica", 10)
    c.drawString(30, 30, "default font")


def link_in_bleed(c):
    c.linkURL("https://example.org", (30, 30, 90, 40), relative=0)


def black_400(c):
    c.setFillColorCMYK(1, 1, 1, 1)
    c.rect(10, 10, 50, 50, stroke=0, fill=1)


def rgb_in_form(c):
    c.beginForm("Logo")
    c.setStrokeColorRGB(0, 0, 1)
    c.line(0, 0, 10, 10)
    c.endForm()
    c.doForm("Logo")


@pytest.mark.parametrize(("draw", "rule"), [
    (rgb_text, "colour.rgb-operator"),
    (low_ppi_image, "image.low-ppi"),
    (rgb_image, "colour.rgb-image"),
    (link_in_bleed, "annot.in-bleed"),
    (black_400, "ink.tac-over-limit"),
    (rgb_in_form, "colour.rgb-operator"),
])
def test_drawing_breaks_one_rule(make, draw, rule):
    assert error_rules(make.pdf(draw.__name__, draw)) == {rule}


def test_unembedded_standard_14_font(make):
    report = check_pdf(make.pdf("helvetica", helvetica, embedded_font=False))
    assert {f.rule for f in report.errors} == {"font.not-embedded"}
    assert "Standard-14" in report.errors[0].message
    assert report.errors[0].object.endswith("Helvetica")


def font_in_form(pdf):
    """A form XObject with its own resources, holding an unembedded Times-Roman."""
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name("/Times-Roman"))
    form = pdf.make_stream(b"0 0 0 1 k BT /T1 14 Tf (x) Tj ET", Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Form, BBox=[0, 0, 50, 50],
                           Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(T1=font)))
    page = pdf.pages[0]
    name = page.add_resource(form, pikepdf.Name.XObject)
    page.contents_add(pdf.make_stream(b"q 1 0 0 1 30 30 cm " + bytes(str(name), "ascii")
                                      + b" Do Q"))


def test_font_inside_form_is_checked(make):
    report = check_pdf(make.altered(make.pdf("form-font"), font_in_form))
    assert [(f.rule, f.object) for f in report.errors] == [
        ("font.not-embedded", "/T1 Times-Roman")]


def test_rgb_in_form_names_the_form(make):
    report = check_pdf(make.pdf("form-rgb", rgb_in_form))
    assert [f.object for f in report.errors] == ["form FormXob.Logo"]


def set_box(key, value):
    def change(pdf):
        for page in pdf.pages:
            if value is None:
                del page.obj[key]
            else:
                page.obj[key] = value
    return change


@pytest.mark.parametrize(("key", "value", "rule"), [
    ("/TrimBox", None, "boxes.trimbox-missing"),
    ("/BleedBox", None, "boxes.bleedbox-missing"),
    ("/BleedBox", pikepdf.Array([18, 18, 122, 122]), "boxes.bleed-too-small"),
    ("/MediaBox", pikepdf.Array([15, 15, 125, 125]), "boxes.bleed-outside-media"),
    ("/Rotate", 90, "boxes.rotate"),
    ("/ArtBox", pikepdf.Array([20, 20, 120, 120]), "boxes.artbox"),
])
def test_page_box_rules(make, key, value, rule):
    path = make.altered(make.pdf("boxes"), set_box(key, value))
    assert error_rules(path) == {rule}


def test_bleed_size_is_reported(make):
    report = check_pdf(make.pdf("bleed"))
    bleed = [f for f in report.findings if f.rule == "boxes.bleed"]
    assert "left 3.00 mm" in bleed[0].message
    us = check_pdf(make.pdf("bleed-us"), bleed_mm=3.175)
    assert "boxes.bleed-too-small" in {f.rule for f in us.errors}


def test_trim_size_must_match_on_every_page(make):
    def shrink_second(pdf):
        pdf.pages[1].obj["/TrimBox"] = pikepdf.Array([20, 20, 110, 120])
    path = make.altered(make.pdf("two", pages=2), shrink_second)
    report = check_pdf(path)
    assert [(f.rule, f.page) for f in report.errors] == [("boxes.trim-size-differs", 2)]


def test_printer_mark_outside_bleed_is_fine(make):
    def add_mark(pdf):
        mark = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.PrinterMark,
                                  Rect=pikepdf.Array([0, 0, BLEED_BOX[0] - 1, 10]))
        pdf.pages[0].obj["/Annots"] = pdf.make_indirect(pikepdf.Array([mark]))
    assert error_rules(make.altered(make.pdf("mark"), add_mark)) == set()


def test_ink_limit_is_a_parameter(make):
    def ink_280(c):
        c.setFillColorCMYK(0.7, 0.7, 0.4, 1)
        c.rect(10, 10, 50, 50, stroke=0, fill=1)
    path = make.pdf("ink280", ink_280)
    assert check_pdf(path).errors == []
    strict = check_pdf(path, ink_limit=250)
    assert [f.rule for f in strict.errors] == ["ink.tac-over-limit"]
    assert "280%" in strict.errors[0].message


def test_moderate_ppi_is_a_warning(make):
    def image_180(c):
        c.drawImage(cmyk_image(180), 30, 30, 72, 72)
    path = make.pdf("ppi180", image_180)
    assert error_rules(path) == set()
    assert "image.low-ppi" in warning_rules(path)
    finding = next(f for f in check_pdf(path).warnings if f.rule == "image.low-ppi")
    assert "placed 25 x 25 mm, its lower left 4 mm from the page's left edge and 4 mm " \
        "from its bottom" in finding.message  # from the trim box: a person can find it


def test_scaled_form_changes_effective_ppi(make):
    def scaled(c):
        c.saveState()
        c.scale(0.5, 0.5)
        c.drawImage(cmyk_image(72), 30, 30, 72, 72)  # half an inch: 144 ppi
        c.restoreState()
    report = check_pdf(make.pdf("scaled", scaled))
    assert [f.message.split(" ppi")[0] for f in report.errors] == ["prints at 144"]


def test_small_multi_ink_text_is_a_warning(make):
    def small_blue(c):
        c.setFont(FONT, 6)
        c.setFillColorCMYK(1, 0.5, 0, 0)
        c.drawString(30, 30, "fine print")
    path = make.pdf("small", small_blue)
    assert error_rules(path) == set()
    assert "text.small-multi-ink" in warning_rules(path)


def test_small_text_scaled_by_text_matrix(make):
    def scaled_text(c):
        c.setFillColorCMYK(1, 0.5, 0, 0)
        text = c.beginText(30, 30)
        text.setTextTransform(0.5, 0, 0, 0.5, 30, 30)
        text.setFont(FONT, 12)  # 12 pt x 0.5 = 6 pt
        text.textLine("fine print")
        c.drawText(text)
    assert "text.small-multi-ink" in warning_rules(make.pdf("small-tm", scaled_text))


def test_black_text_without_overprint_is_a_warning(make):
    def plain_black(c):
        c.setFillColorCMYK(0, 0, 0, 1)
        c.setFont(FONT, 9)
        c.drawString(30, 30, "body")
    path = make.pdf("knockout", plain_black)
    assert error_rules(path) == set()
    assert "overprint.black-text" in warning_rules(path)
    assert "overprint.black-text" not in warning_rules(make.pdf("overprinting"))


def test_claimed_pdfx_without_output_intent_is_an_error(make):
    def claim_only(pdf):
        make_pdfx(pdf)
        del pdf.Root["/OutputIntents"]
    path = make.altered(make.pdf("claims"), claim_only)
    assert error_rules(path) == {"pdfx.output-intent"}


def test_javascript_is_reported(make):
    def add_js(pdf):
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)")
    assert "pdfx.javascript" in warning_rules(make.altered(make.pdf("js"), add_js))


def test_two_page_brochure_with_photo_is_fast(make):
    path = make.pdf("brochure", good_page, pages=2)
    check_pdf(path)  # warm imports
    assert check_pdf(path).seconds < 0.3


def test_report_groups_by_page_and_converts_to_dict(make):
    report = check_pdf(make.pdf("text", rgb_text, pages=2))
    text = format_text(report)
    assert "\npage 1\n" in text and "\npage 2\n" in text and "\ndocument\n" in text
    assert text.splitlines()[-1] == summary(report) == "preflight: fail (2 errors, 2 warnings)"
    data = report.to_dict()
    assert data["verdict"] == "fail" and data["errors"] == 2
    assert {"rule", "severity", "page", "object", "message"} <= set(data["findings"][0])


def rgb_inline_image(pdf):
    page = pdf.pages[0]
    page.contents_add(pdf.make_stream(
        b"q 20 0 0 20 30 30 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID \xff\x00\x00 EI Q"))


def test_rgb_inline_image_is_found_among_paths(make):
    """The parser skips path operators; inline images must still reach the checks."""
    report = check_pdf(make.altered(make.pdf("inline-rgb"), rgb_inline_image))
    assert [f.object for f in report.errors if f.rule.startswith("colour")] == ["inline image"]


def draws_a_missing_image(pdf):
    pdf.pages[0].contents_add(pdf.make_stream(b"q 10 0 0 10 30 30 cm /Gone Do Q"))


def test_an_image_the_page_does_not_have_is_an_error(make):
    """A Do of a name the resources lack prints nothing: the printer's RIP would skip it."""
    report = check_pdf(make.altered(make.pdf("missing-xobject"), draws_a_missing_image))
    assert [(f.rule, f.object) for f in report.errors] == [
        ("content.missing-resource", "content stream /Gone")]


@pytest.mark.parametrize(("pixels", "warned"), [(64, True), (2048, False)])
def test_a_low_resolution_stencil_is_warned_about_as_line_art(make, tmp_path, pixels, warned):
    """An image mask (one colour, hard edges) is judged against line art's 550 ppi."""
    image = Image.new("L", (pixels, pixels), 255)
    ImageDraw.Draw(image).ellipse((0, 0, pixels - 1, pixels - 1), fill=0)
    image.save(tmp_path / f"dot{pixels}.png")

    def stencil(c):
        draw_stencil(c, str(tmp_path / f"dot{pixels}.png"), Rect(40, 40, 60, 60),
                     CMYKColor(0, 0, 0, 1))

    path = make.pdf(f"stencil{pixels}", stencil)
    assert ("image.low-ppi-line-art" in warning_rules(path)) is warned
    assert "image.low-ppi-line-art" not in error_rules(path)
