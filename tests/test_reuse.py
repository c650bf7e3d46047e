"""Remembered formatting gives exactly the bytes ReportLab would write."""

from reportlab.pdfbase import pdfdoc, ttfonts

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


def test_small_plain_dictionaries_are_remembered_with_the_same_bytes():
    reuse.install()
    document = pdfdoc.PDFDocument()
    for items in ({"ca": 0.5}, {"ca": 1}, {"ca": 1.0}, {"op": True}, {"OP": 1}, {"BM": "/Multiply"},
                  {"b": 2, "a": 1}, {"S": pdfdoc.PDFString("text")}):
        dictionary = pdfdoc.PDFDictionary(items)
        first = dictionary.format(document)
        assert first == reuse._plain_dictionary_format(dictionary, document)
        assert dictionary.format(document) == first
    # True == 1 as a key, but they are written differently: the type is part of what is kept
    assert pdfdoc.PDFDictionary({"op": True}).format(document) == b"<<\n/op True\n>>"
    assert pdfdoc.PDFDictionary({"op": 1}).format(document) == b"<<\n/op 1\n>>"


def test_to_unicode_maps_are_made_once_per_font_and_subset():
    reuse.install()
    subset = [0, 65, 66, 0xE9]
    made = ttfonts.makeToUnicodeCMap("F1+0", subset)
    assert made == reuse._plain_to_unicode_map("F1+0", subset)
    assert ttfonts.makeToUnicodeCMap("F1+0", subset) is made
    assert ttfonts.makeToUnicodeCMap("F2+0", subset) != made
    assert ttfonts.makeToUnicodeCMap("F1+0", subset[:2]) == reuse._plain_to_unicode_map(
        "F1+0", subset[:2]) != made  # the same font, another glyph list
