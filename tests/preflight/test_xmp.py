"""XMP properties as the checks read them: attribute or element form, language alternatives."""

import pikepdf
import pytest

from brochure.preflight.xmp import xmp_properties

PDFX = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"
TITLE = "{http://purl.org/dc/elements/1.1/}title"
HEAD = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">')
TAIL = "</rdf:RDF></x:xmpmeta>"
NS = ('xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def _pdf(packet: bytes | None) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    if packet is not None:
        pdf.Root.Metadata = pdf.make_stream(packet)
    return pdf


@pytest.mark.parametrize("description", [
    f'<rdf:Description rdf:about="" {NS} pdfxid:GTS_PDFXVersion="PDF/X-4"/>',
    f'<rdf:Description rdf:about="" {NS}><pdfxid:GTS_PDFXVersion> PDF/X-4 '
    "</pdfxid:GTS_PDFXVersion></rdf:Description>",
])
def test_simple_property_as_attribute_or_element(description):
    assert xmp_properties(_pdf((HEAD + description + TAIL).encode()))[PDFX] == "PDF/X-4"


def test_language_alternative_prefers_the_default():
    packet = (HEAD + f'<rdf:Description rdf:about="" {NS}><dc:title><rdf:Alt>'
              '<rdf:li xml:lang="de">Titel</rdf:li><rdf:li xml:lang="x-default">Title</rdf:li>'
              "</rdf:Alt></dc:title></rdf:Description>" + TAIL)
    assert xmp_properties(_pdf(packet.encode()))[TITLE] == "Title"


@pytest.mark.parametrize("packet", [None, b"<not xml", b"", HEAD.encode()])
def test_missing_or_malformed_xmp_has_no_properties(packet):
    assert xmp_properties(_pdf(packet)) == {}
