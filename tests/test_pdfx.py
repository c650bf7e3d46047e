"""PDF/X-4 finishing: output intent, Info/XMP agreement, page groups, determinism."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Name
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from brochure.finish import pdfx
from brochure.finish.pdfx import BROCHURE_NS, PdfxInfo, source_date

ASSETS = Path(__file__).resolve().parents[1] / "assets"
ICC = ASSETS / "icc" / "ISOcoated_v2_300_bas.icc"
FONT = "PdfxTestLato"
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "pdfxid": "http://www.npes.org/pdfx/ns/id/",
    "brochure": BROCHURE_NS,
}
EXTRA = {"VeevaID": "GB-68353", "DateOfPreparation": "July 2025", "Status": "approved",
         "InputsSHA256": "ab" * 32}
INFO = PdfxInfo(
    title="Promoting innovation & growth", subject="Europe’s leading cluster",
    keywords=["GB-68353", "Date of preparation: July 2025"], language="en-GB",
    created=datetime(2025, 7, 1, tzinfo=UTC), creator="brochure 0.1.0", extra=EXTRA,
)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path / "cache"))


def finish_pdfx(dst: Path, info: PdfxInfo, icc: Path) -> None:
    """Draw the two test pages and write them finished to dst."""
    dst.write_bytes(b"".join(pdfx.finish_pdfx(_drawn(), info, icc)))


def _drawn() -> Canvas:
    """Two pages: CMYK text only, then CMYK text plus a 50% alpha rectangle."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(ASSETS / "fonts" / "Lato-Regular.ttf")))
    canvas = Canvas("unused.pdf", pagesize=(300, 300), invariant=1, initialFontName=FONT,
                    enforceColorSpace="cmyk")
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setFont(FONT, 12)
    canvas.drawString(20, 250, "Page one, opaque")
    canvas.showPage()
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setFont(FONT, 12)
    canvas.drawString(20, 250, "Page two, with alpha")
    canvas.setFillColorCMYK(1, 0, 0, 0)
    canvas.setFillAlpha(0.5)
    canvas.rect(20, 20, 100, 100, stroke=0, fill=1)
    canvas.showPage()
    return canvas


@pytest.fixture
def finished(tmp_path) -> Path:
    dst = tmp_path / "out.pdf"
    finish_pdfx(dst, INFO, ICC)
    return dst


def _xmp(pdf: pikepdf.Pdf) -> ET.Element:
    return ET.fromstring(pdf.Root.Metadata.read_bytes())


def test_one_output_intent_with_cmyk_profile(finished):
    with pikepdf.open(finished) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        oi = intents[0]
        assert oi.Type == Name.OutputIntent
        assert oi.S == Name.GTS_PDFX
        assert str(oi.OutputConditionIdentifier) == "FOGRA39"
        assert str(oi.Info) == "ISO Coated v2 300% (basICColor)"
        assert str(oi.RegistryName) == "http://www.color.org"
        profile = oi.DestOutputProfile
        assert profile.N == 4
        assert profile.read_bytes() == ICC.read_bytes()


def test_info_and_xmp_agree(finished):
    with pikepdf.open(finished) as pdf:
        info = pdf.docinfo
        assert info.Trapped == Name("/False")
        assert str(info.GTS_PDFXVersion) == "PDF/X-4"
        assert str(info.CreationDate) == str(info.ModDate) == "D:20250701000000+00'00'"
        assert str(pdf.Root.Lang) == "en-GB"
        meta = pdf.Root.Metadata
        assert meta.Type == Name.Metadata and meta.Subtype == Name.XML
        assert "/Filter" not in meta
        packet = meta.read_bytes()
        assert packet.startswith(b'<?xpacket begin="\xef\xbb\xbf"')
        assert packet.endswith(b'<?xpacket end="w"?>')  # written as built, padding kept
        desc = _xmp(pdf).find(".//rdf:Description", NS)
        text = {tag: desc.findtext(tag, namespaces=NS) for tag in (
            "pdfxid:GTS_PDFXVersion", "pdf:Trapped", "pdf:Keywords", "pdf:Producer",
            "xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate", "xmp:CreatorTool",
            "xmpMM:DocumentID", "xmpMM:InstanceID")}
        assert text["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert text["pdf:Trapped"] == "False"
        assert text["pdf:Keywords"] == str(info.Keywords)
        assert text["pdf:Producer"] == str(info.Producer)
        assert text["xmp:CreatorTool"] == str(info.Creator) == "brochure 0.1.0"
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            assert text[key] == "2025-07-01T00:00:00+00:00"
        assert text["xmpMM:DocumentID"].startswith("uuid:")
        assert text["xmpMM:InstanceID"].startswith("uuid:")
        title = desc.find("dc:title/rdf:Alt/rdf:li", NS)
        assert title.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default"
        assert title.text == str(info.Title) == INFO.title
        assert desc.findtext("dc:description/rdf:Alt/rdf:li", namespaces=NS) == INFO.subject
        assert str(info.Subject) == INFO.subject


def test_extra_fields_in_info_and_xmp(finished):
    with pikepdf.open(finished) as pdf:
        desc = _xmp(pdf).find(".//rdf:Description", NS)
        for key, value in EXTRA.items():
            assert str(pdf.docinfo[Name("/" + key)]) == value
            assert desc.findtext(f"brochure:{key}", namespaces=NS) == value


def test_transparency_group_only_on_page_with_alpha(finished):
    with pikepdf.open(finished) as pdf:
        first, second = pdf.pages
        assert "/Group" not in first.obj
        group = second.obj.Group
        assert str(group.S) == "/Transparency"
        assert str(group.CS) == "/DeviceCMYK"


def test_version_clean_and_unencrypted(finished):
    with pikepdf.open(finished) as pdf:
        assert pdf.pdf_version >= "1.6"
        assert not pdf.is_encrypted
        assert len(pdf.trailer.ID) == 2
        assert pdf.check_pdf_syntax() == []


def test_runs_are_byte_identical(tmp_path, monkeypatch):
    """Fresh compression, the in-memory profile and the on-disk cache give the same bytes."""
    outputs = [tmp_path / f"{n}.pdf" for n in "abc"]
    finish_pdfx(outputs[0], INFO, ICC)
    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path / "other-cache"))
    pdfx._profile_stream.cache_clear()
    pdfx._compressed_profile.cache_clear()  # compressed afresh, then written to the cache
    finish_pdfx(outputs[1], INFO, ICC)
    pdfx._profile_stream.cache_clear()
    pdfx._compressed_profile.cache_clear()  # read back from the cache on disk
    finish_pdfx(outputs[2], INFO, ICC)
    assert len({path.read_bytes() for path in outputs}) == 1
    assert list((tmp_path / "other-cache").glob("*.icc.zlib"))


def test_ids_follow_the_info(tmp_path):
    other = tmp_path / "other.pdf"
    finish_pdfx(tmp_path / "a.pdf", INFO, ICC)
    changed = PdfxInfo(**{**INFO.__dict__, "extra": {**EXTRA, "Status": "draft"}})
    finish_pdfx(other, changed, ICC)
    with pikepdf.open(tmp_path / "a.pdf") as a, pikepdf.open(other) as b:
        ids = [_xmp(p).findtext(".//xmpMM:DocumentID", namespaces=NS) for p in (a, b)]
        assert ids[0] != ids[1]
        assert bytes(a.trailer.ID[0]) != bytes(b.trailer.ID[0])
        assert bytes(a.trailer.ID[1]) != bytes(b.trailer.ID[1])


def test_rejects_bad_extra_key_and_rgb_profile(tmp_path):
    bad = PdfxInfo(**{**INFO.__dict__, "extra": {"Title": "clash"}})
    with pytest.raises(ValueError, match="Title"):
        finish_pdfx(tmp_path / "x.pdf", bad, ICC)
    with pytest.raises(ValueError, match="CMYK"):
        finish_pdfx(tmp_path / "y.pdf", INFO, ASSETS / "icc" / "sRGB.icc")


def test_source_date_epoch_wins(monkeypatch):
    fallback = datetime(2025, 7, 1, tzinfo=UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date(fallback) == fallback
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_date(fallback) == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_a_title_that_looks_like_a_placeholder_is_left_alone(tmp_path):
    tricky = PdfxInfo(**{**INFO.__dict__, "title": pdfx.INSTANCE_PLACEHOLDER,
                         "subject": pdfx.ID_PLACEHOLDER.decode()})
    dst = tmp_path / "tricky.pdf"
    finish_pdfx(dst, tricky, ICC)
    with pikepdf.open(dst) as pdf:
        assert str(pdf.docinfo.Title) == pdfx.INSTANCE_PLACEHOLDER
        desc = _xmp(pdf).find(".//rdf:Description", NS)
        assert desc.findtext("dc:title/rdf:Alt/rdf:li", namespaces=NS) == tricky.title
        assert desc.findtext("xmpMM:InstanceID", namespaces=NS) != pdfx.INSTANCE_PLACEHOLDER
        assert bytes(pdf.trailer.ID[0]).hex() != pdfx.ID_PLACEHOLDER.decode()
