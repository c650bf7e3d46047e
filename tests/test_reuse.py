"""Remembered formatting gives exactly the bytes ReportLab would write."""

from reportlab.pdfbase import pdfdoc

from brochure.draw import reuse


def test_long_number_arrays_are_remembered_with_the_same_bytes():
    reuse.install()
    document = pdfdoc.PDFDocument()
    widths = [500, 250.5, 0, 1000.25] * 40
    for array in (pdfdoc.PDFArray(widths), pdfdoc.PDFArrayCompact(widths),
                  pdfdoc.PDFArray(widths[:8]), pdfdoc.PDFArray([True, *widths])):
        first = array.format(document)
        assert first == reuse._plain_array_format(array, document)
        assert array.format(document) == first  # (from memory for the long ones)
    forced = pdfdoc.PDFArray(widths)
    forced.multiline = "forced"  # one number per line: the layout is part of what is kept
    assert forced.format(document) == reuse._plain_array_format(forced, document)
    assert forced.format(document) != pdfdoc.PDFArray(widths).format(document)
