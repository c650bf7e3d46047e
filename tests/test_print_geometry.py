"""Page boxes, crop marks and the safe area of the seed brochure."""

import pikepdf
import pypdfium2 as pdfium
import pytest

from tests.pdfread import MM

A4 = (595.276, 841.890)
BLEED = 3 * MM


def boxes(page):
    return {k: [float(v) for v in page.obj[k]] for k in ("/MediaBox", "/TrimBox", "/BleedBox")}


def test_every_page_has_a4_trim_and_3mm_bleed(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        assert len(pdf.pages) == 2
        for page in pdf.pages:
            b = boxes(page)
            x0, y0, x1, y1 = b["/TrimBox"]
            assert (x1 - x0, y1 - y0) == pytest.approx(A4, abs=0.01)
            assert b["/BleedBox"] == pytest.approx(
                [x0 - BLEED, y0 - BLEED, x1 + BLEED, y1 + BLEED], abs=0.01)
            mx0, my0, mx1, my1 = b["/MediaBox"]
            bx0, by0, bx1, by1 = b["/BleedBox"]
            assert mx0 <= bx0 and my0 <= by0 and mx1 >= bx1 and my1 >= by1
            assert int(page.obj.get("/Rotate", 0)) == 0 and "/ArtBox" not in page.obj


def test_crop_marks_are_in_registration_colour_outside_the_bleed(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        page = pdf.pages[0]
        spaces = page.obj.Resources.get("/ColorSpace", {})
        names = [str(cs[1]) for _, cs in spaces.items() if cs[0] == "/Separation"]
        assert "/All" in names
        media = boxes(page)["/MediaBox"]
        bleed = boxes(page)["/BleedBox"]
        assert media[2] - bleed[2] >= 5 * MM  # room for the marks beyond the bleed


def test_no_marks_option_leaves_no_registration_colour(seed_pdf_no_marks):
    with pikepdf.open(seed_pdf_no_marks) as pdf:
        for page in pdf.pages:
            b = boxes(page)
            assert b["/MediaBox"] == pytest.approx(b["/BleedBox"], abs=0.01)
            assert "/All" not in str(page.obj.Resources.get("/ColorSpace", {}))


def test_all_text_sits_inside_the_safe_area(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        trims = [boxes(p)["/TrimBox"] for p in pdf.pages]
    doc = pdfium.PdfDocument(str(seed_pdf))
    for i, (x0, y0, x1, y1) in enumerate(trims):
        text = doc[i].get_textpage()
        for c in range(text.count_chars()):
            if text.get_text_range(c, 1).isspace():
                continue
            left, bottom, right, top = text.get_charbox(c)
            assert left >= x0 + 5 * MM - 0.5 and right <= x1 - 5 * MM + 0.5, (i, c)
            assert bottom >= y0 + 5 * MM - 0.5 and top <= y1 - 5 * MM + 0.5, (i, c)
    doc.close()


def test_footer_is_legible_x_height_at_least_1mm(seed_pdf):
    """The flat top of a lower-case v sits at the x-height: measure its glyph box."""
    doc = pdfium.PdfDocument(str(seed_pdf))
    for i in range(len(doc)):
        text = doc[i].get_textpage()
        whole = text.get_text_range()
        at = whole.index("Veeva ID")
        v = at + 3  # the lower-case v of "Veeva"
        assert whole[v] == "v"
        _, bottom, _, top = text.get_charbox(v)
        assert (top - bottom) / MM >= 1.0
    doc.close()


def test_print_pdf_is_pdfx4_with_one_output_intent(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFX"
        assert str(intents[0].OutputConditionIdentifier) == "FOGRA39"
        assert intents[0].DestOutputProfile.N == 4
        xmp = pdf.Root.Metadata.read_bytes()
        assert b"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
        assert pdf.docinfo["/Trapped"] == "/False" and "/ID" in pdf.trailer
        assert "/Encrypt" not in pdf.trailer and pdf.pdf_version >= "1.6"
        for page in pdf.pages:
            assert "/Annots" not in page.obj
            group = page.obj.get("/Group")
            if group is not None:
                assert group.CS == "/DeviceCMYK"
