"""Fonts embedded and subset, CMYK only, body text 100% K, QR code scannable."""

import pikepdf
import zxingcpp

from tests.pdfread import operators, render

STANDARD_14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}


def all_fonts(pdf):
    for page in pdf.pages:
        for _, font in page.obj.Resources.get("/Font", {}).items():
            yield font


def test_every_font_is_embedded_and_subset(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        fonts = list(all_fonts(pdf))
        assert fonts
        for font in fonts:
            name = str(font.BaseFont)[1:]
            assert name.split("-")[0] not in STANDARD_14
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0] if descendants else font).FontDescriptor
            assert "/FontFile2" in descriptor, name
            assert name[6] == "+", f"{name} is not subset"


def test_no_rgb_colour_operators(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        ops = {op for _, _, op in operators(pdf)}
        assert ops & {"k", "K"}
        assert not ops & {"rg", "RG"}
        for page in pdf.pages:
            for _, xobj in page.obj.Resources.get("/XObject", {}).items():
                if xobj.get("/Subtype") == "/Image":
                    assert xobj.ColorSpace == "/DeviceCMYK"


def test_text_colours(seed_pdf):
    """Body text (9.5 pt) is 100% K; no small text is set in more than one ink."""
    with pikepdf.open(seed_pdf) as pdf:
        colour, size, seen = None, None, set()
        for _, operands, op in operators(pdf):
            if op == "k":
                colour = tuple(round(float(v), 3) for v in operands)
            elif op == "Tf":
                size = float(operands[1])
            elif op in ("Tj", "TJ", "'", '"'):
                seen.add((size, colour))
        assert (9.5, (0, 0, 0, 1)) in seen
        body = {c for s, c in seen if s == 9.5}
        assert body == {(0, 0, 0, 1)}
        small_multi_ink = {(s, c) for s, c in seen if s < 8 and sum(v > 0 for v in c) > 1}
        assert not small_multi_ink


def test_qr_code_decodes_to_the_link(seed_pdf):
    image = render(seed_pdf, 1, dpi=200)
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == ["https://example.com/partnership"]


def test_seed_passes_the_built_in_preflight_with_no_warnings(seed_pdf):
    from brochure.preflight import check_pdf

    report = check_pdf(seed_pdf)
    assert [f.rule for f in report.findings if f.severity != "info"] == []
    assert report.verdict == "pass"


def test_black_text_overprints_and_coloured_text_knocks_out(seed_pdf):
    shown = set()
    with pikepdf.open(seed_pdf) as pdf:
        for page in pdf.pages:
            states = page.obj.Resources.get("/ExtGState", {})
            stack, colour, state = [], None, False
            for operands, op in pikepdf.parse_content_stream(page.obj):
                op = str(op)
                if op == "q":
                    stack.append((colour, state))
                elif op == "Q":
                    colour, state = stack.pop()
                elif op == "k":
                    colour = tuple(round(float(v), 3) for v in operands)
                elif op == "gs" and "/op" in states[operands[0]]:
                    state = bool(states[operands[0]].op)
                elif op in ("Tj", "TJ"):
                    shown.add((colour, state))
    assert ((0, 0, 0, 1), True) in shown
    assert ((0, 0, 0, 1), False) not in shown
    assert not {c for c, over in shown if over and c != (0, 0, 0, 1)}


def test_bold_and_italic_markup_use_the_bold_and_italic_faces():
    """**bold** and *italic* in content, and the status line's <b>, must change the face."""
    from brochure.text.markup import to_markup
    from brochure.text.paragraph import Para
    from brochure.text.styles import Styles
    from brochure.theme.fonts import register_fonts
    from brochure.theme.load import load_theme

    theme = load_theme(None, "A4")
    fonts = register_fonts(theme.fonts)
    para = Para(to_markup("plain **strong** *leaning* ***both***"),
                Styles(theme, fonts, "en-GB")("body"))
    para.wrap(400, 100)
    faces = {w.fontName for line in para.blPara.lines for w in line.words if w.text.strip()}
    assert faces == {fonts.name(w) for w in ("regular", "bold", "italic", "bold_italic")}
