"""PDF/X-4 finishing: output intent, document info, XMP metadata and transparency groups.

Works on ReportLab's document before it is serialised, so the PDF is written once: exactly
one GTS_PDFX output intent (the CMYK profile embedded once), Info and XMP built from one
PdfxInfo so they agree, a /Transparency page group in DeviceCMYK on pages that use
transparency, and a trailer /ID and XMP InstanceID hashed from the finished bytes. Nothing
depends on the clock, the machine or chance: same input, same bytes.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape as _html_escape
from pathlib import Path

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFObjectReference,
    PDFPage,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from brochure.cache import cached_bytes
from brochure.finish.pieces import (
    Formatted,
    SharedStream,
    pdf_pieces,
    pieces_digest,
    shared_digests,
)
from brochure.stamps import per_stamp

PDFX_VERSION = "PDF/X-4"
PDFUA = "PDF/UA-1"
BROCHURE_NS = "https://brochure.invalid/ns/1.0/"
STANDARD_INFO = {"Title", "Subject", "Keywords", "Creator", "Producer", "CreationDate",
                 "ModDate", "Trapped", "Author", "GTS_PDFXVersion"}
EXTRA_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
NORMAL_BLEND = ("/Normal", "/Compatible")
XMP_PADDING = 2048
PDFX_MIN_VERSION = (1, 6)
ID_PLACEHOLDER = b"b0c4e5f0" * 4  # 32 hex digits, replaced by the digest of the PDF
INSTANCE_PLACEHOLDER = "uuid:b0c4e5f0-b0c4-4e5f-8b0c-4e5f0b0c4e5f"
NAMESPACES = (
    ("x", "adobe:ns:meta/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("pdf", "http://ns.adobe.com/pdf/1.3/"),
    ("xmp", "http://ns.adobe.com/xap/1.0/"),
    ("xmpMM", "http://ns.adobe.com/xap/1.0/mm/"),
    ("pdfxid", "http://www.npes.org/pdfx/ns/id/"),
    ("pdfuaid", "http://www.aiim.org/pdfua/ns/id/"),
    ("brochure", BROCHURE_NS),
)


@dataclass(frozen=True)
class PdfxInfo:
    title: str
    subject: str
    keywords: list[str]
    language: str  # BCP 47, e.g. "en-GB"
    created: datetime  # from the content or SOURCE_DATE_EPOCH (see source_date); never "now"
    creator: str  # e.g. "brochure 0.1.0"
    extra: dict[str, str] = field(default_factory=dict)  # custom keys, in Info and XMP
    output_condition: str = "FOGRA39"  # OutputConditionIdentifier
    output_condition_info: str = "ISO Coated v2 300% (basICColor)"
    registry: str = "http://www.color.org"
    conformance: str = PDFX_VERSION  # or PDFUA: the digital edition's standard


def source_date(fallback: datetime) -> datetime:
    """SOURCE_DATE_EPOCH (UTC) if set, else the fallback (e.g. the date of preparation)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else fallback


def finish_pdfx(canvas: Canvas, info: PdfxInfo, icc_profile: Path) -> list[bytes]:
    """The PDF, as the pieces of bytes it is made of (write them in order): the drawn
    (unsaved) canvas made PDF/X-4, then serialised once."""
    check_extra(info.extra)
    doc = canvas._doc
    doc._pdfVersion = max(doc._pdfVersion, PDFX_MIN_VERSION)
    doc.info = _Info(_docinfo(info))
    metadata = _add_catalog_entries(doc, info, icc_profile)
    _group_transparent_pages(doc)
    doc._ID = b"\n[<" + ID_PLACEHOLDER + b"><" + ID_PLACEHOLDER + b">]\n"
    pieces = pdf_pieces(canvas)
    digest = pieces_digest(pieces, shared_digests(canvas)).hex()[:32].encode()
    return _with_content_ids(pieces, digest, info, doc.idToOffset[metadata.name])


def _add_catalog_entries(doc, info: PdfxInfo, icc_profile: Path) -> PDFObjectReference:
    """Lang, the XMP metadata and the output intent; returns the metadata's reference."""
    doc.Catalog.__class__ = _PdfxCatalog  # ReportLab writes only the keys its class lists
    doc.Catalog.Lang = PDFString(info.language)
    # XMP stays uncompressed (no filters: the document has no default ones), so its
    # InstanceID placeholder can be filled in the written bytes
    doc.Catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        xmp_packet(info, INSTANCE_PLACEHOLDER), filters=None)
    metadata = doc.Reference(doc.Catalog.Metadata)
    doc.Catalog.OutputIntents = PDFArray([doc.Reference(_output_intent(info, icc_profile))])
    return metadata


def _group_transparent_pages(doc) -> None:
    """PDF/X-4: a page that uses transparency blends in a DeviceCMYK transparency group."""
    for page in doc.Pages.pages:
        if _page_states_use_transparency(page):
            page.__class__ = _GroupPage  # as for the catalog: so that /Group is written
            page.Group = PDFDictionary({"Type": PDFName("Group"),
                                        "S": PDFName("Transparency"),
                                        "CS": PDFName("DeviceCMYK")})


class _PdfxCatalog(PDFCatalog):
    __NoDefault__ = (*PDFCatalog.__NoDefault__, "OutputIntents")


class _GroupPage(PDFPage):
    __NoDefault__ = (*PDFPage.__NoDefault__, "Group")


class _Info(PDFInfo):
    """The Info dictionary exactly as given (ReportLab's own has fixed keys)."""

    def __init__(self, entries: dict):
        super().__init__()
        self.entries = entries
        title = entries.get("Title")  # a PDFString: its text, not its (Latin-1) escape
        self.title = title.s if isinstance(title, PDFString) else str(title or "")

    def format(self, document):
        return PDFDictionary(self.entries).format(document)


def _page_states_use_transparency(page: PDFPage) -> bool:
    """Constant alpha < 1 or a blend mode in the page's graphics states."""
    states = getattr(page, "ExtGState", None)
    for state in (states.dict.values() if states else ()):
        for key, value in state.dict.items():
            if key in ("ca", "CA") and float(value) < 1:
                return True
            if key == "BM" and str(value) not in NORMAL_BLEND:
                return True
            if key == "SMask" and str(value) != "/None":
                return True
    return False


def _with_content_ids(pieces: list[bytes], digest: bytes, info: PdfxInfo,
                      metadata_at: int) -> list[bytes]:
    """Fill the trailer /ID (in the last piece) and the XMP InstanceID (in the piece that
    starts at metadata_at) from the digest of the finished bytes. The placeholders have the
    same length as the values, so no offset moves; each is looked for only where it was
    written."""
    instance = instance_id(info, digest).encode()
    trailer = pieces[-1]
    assert trailer.startswith(b"trailer")
    pieces[-1] = trailer.replace(ID_PLACEHOLDER, digest, 2)
    at = _piece_at(pieces, metadata_at)
    tag = b"<xmpMM:InstanceID>"  # user text is escaped in the XMP, so it cannot contain this
    assert pieces[at].count(tag + INSTANCE_PLACEHOLDER.encode()) == 1
    pieces[at] = pieces[at].replace(tag + INSTANCE_PLACEHOLDER.encode(), tag + instance)
    return pieces


def _piece_at(pieces: list[bytes], offset: int) -> int:
    """The index of the piece that starts at this offset of the file."""
    at = 0
    for index, piece in enumerate(pieces):
        if at == offset:
            return index
        at += len(piece)
    raise ValueError(f"no piece starts at offset {offset}")


def check_extra(extra: dict[str, str]) -> None:
    for key in extra:
        if not EXTRA_KEY.match(key) or key in STANDARD_INFO:
            raise ValueError(f"extra metadata key {key!r}: need a name like 'VeevaID' that "
                             "is not a standard Info key")


def _output_intent(info: PdfxInfo, icc_profile: Path) -> PDFDictionary:
    profile = copy.copy(_profile_stream(icc_profile))  # a copy per document, sharing its bytes
    return PDFDictionary({
        "Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": PDFString(info.output_condition),
        "OutputCondition": PDFString(info.output_condition_info),
        "Info": PDFString(info.output_condition_info),
        "RegistryName": PDFString(info.registry),
        "DestOutputProfile": profile,
    })


class _SharedProfile(SharedStream, PDFStream):
    """The embedded ICC profile: formatted once for every document that uses it."""


@per_stamp(maxsize=4)
def _profile_stream(path: str) -> _SharedProfile:
    stream = _SharedProfile(PDFDictionary({"N": 4, "Filter": PDFName("FlateDecode")}),
                            _compressed_profile(path))
    stream.formatted = Formatted()
    return stream


@per_stamp(maxsize=4)
def _compressed_profile(path: str) -> bytes:
    """Deflate the profile once (~90 ms for 1 MB), then keep it in memory and on disk."""
    raw = Path(path).read_bytes()
    if len(raw) < 128 or raw[36:40] != b"acsp" or raw[16:20] != b"CMYK":
        raise ValueError(f"{path}: not a CMYK ICC profile (PDF/X-4 needs one)")
    return cached_bytes(f"{hashlib.sha256(raw).hexdigest()[:32]}.icc.zlib",
                        lambda: zlib.compress(raw, 6))


def docinfo_entries(info: PdfxInfo) -> dict[str, str]:
    """The Info dictionary's text entries, in a fixed order (Trapped is a name: False)."""
    date = _pdf_date(info.created)
    entries = {"Title": info.title, "Subject": info.subject, "Keywords": _keywords(info),
               "Creator": info.creator, "Producer": _producer(info), "CreationDate": date,
               "ModDate": date}
    if info.conformance == PDFX_VERSION:
        entries["GTS_PDFXVersion"] = PDFX_VERSION
    return {**entries, **info.extra}


def _docinfo(info: PdfxInfo) -> dict:
    entries = {k: PDFString(v) for k, v in docinfo_entries(info).items()}
    return {**entries, "Trapped": PDFName("False")}


def _keywords(info: PdfxInfo) -> str:
    return "; ".join(info.keywords)


def _producer(info: PdfxInfo) -> str:
    return f"{info.creator} (ReportLab)"


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _pdf_date(when: datetime) -> str:
    when = _aware(when)
    offset = int(when.utcoffset().total_seconds()) // 60
    sign, offset = ("-" if offset < 0 else "+"), abs(offset)
    return f"D:{when:%Y%m%d%H%M%S}{sign}{offset // 60:02d}'{offset % 60:02d}'"


def _xmp_date(when: datetime) -> str:
    return _aware(when).isoformat(timespec="seconds")


def _uuid(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        part = part.encode() if isinstance(part, str) else part
        digest.update(hashlib.sha256(part).digest())
    return f"uuid:{uuid.UUID(bytes=digest.digest()[:16], version=4)}"


def _fields(info: PdfxInfo) -> str:
    return repr((info.title, info.subject, info.keywords, info.language,
                 _xmp_date(info.created), info.creator, sorted(info.extra.items())))


def instance_id(info: PdfxInfo, source: bytes) -> str:
    """The XMP InstanceID for this metadata on this content."""
    return _uuid("instance", _fields(info), source)


def xmp_packet(info: PdfxInfo, instance: str) -> bytes:
    """The XMP packet, properties in a fixed order; DocumentID hashed from the metadata."""
    fields = _fields(info)
    date = escape(_xmp_date(info.created))
    xmlns = "\n".join(f'    xmlns:{p}="{_html_escape(u)}"' for p, u in NAMESPACES[2:])
    extra = "".join(f"   <brochure:{k}>{escape(v)}</brochure:{k}>\n"
                    for k, v in info.extra.items())
    body = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f'  <rdf:Description rdf:about=""\n{xmlns}>\n'
        "   <dc:format>application/pdf</dc:format>\n"
        f"   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{escape(info.title)}"
        "</rdf:li></rdf:Alt></dc:title>\n"
        f"   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{escape(info.subject)}"
        "</rdf:li></rdf:Alt></dc:description>\n"
        f"   <dc:language><rdf:Bag><rdf:li>{escape(info.language)}</rdf:li></rdf:Bag>"
        "</dc:language>\n"
        f"   <pdf:Keywords>{escape(_keywords(info))}</pdf:Keywords>\n"
        f"   <pdf:Producer>{escape(_producer(info))}</pdf:Producer>\n"
        "   <pdf:Trapped>False</pdf:Trapped>\n"
        f"   <xmp:CreateDate>{date}</xmp:CreateDate>\n"
        f"   <xmp:ModifyDate>{date}</xmp:ModifyDate>\n"
        f"   <xmp:MetadataDate>{date}</xmp:MetadataDate>\n"
        f"   <xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>\n"
        f"   <xmpMM:DocumentID>{_uuid('document', fields)}</xmpMM:DocumentID>\n"
        f"   <xmpMM:InstanceID>{instance}</xmpMM:InstanceID>\n"
        "   <xmpMM:VersionID>1</xmpMM:VersionID>\n"
        "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
        f"{_conformance_line(info)}"
        f"{extra}"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
    )
    padding = (" " * 99 + "\n") * (XMP_PADDING // 100)
    return (body + padding + '<?xpacket end="w"?>').encode("utf-8")


def escape(text: str) -> str:
    """XML character data: &, < and > as entities."""
    return _html_escape(text, quote=False)


def _conformance_line(info: PdfxInfo) -> str:
    if info.conformance == PDFUA:
        return "   <pdfuaid:part>1</pdfuaid:part>\n"
    return f"   <pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>\n"
