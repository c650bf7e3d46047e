"""PDF/X-4 finishing: output intent, document info, XMP metadata and transparency groups.

Takes the PDF ReportLab wrote and rewrites it with exactly one GTS_PDFX output intent (the
CMYK profile embedded once), Info and XMP built from one PdfxInfo so they agree, a
/Transparency page group in DeviceCMYK on pages that use transparency, and a deterministic
trailer /ID. Nothing depends on the clock, the machine or chance: same input, same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from brochure.draw.images import cache_dir

PDFX_VERSION = "PDF/X-4"
PDFUA = "PDF/UA-1"
BROCHURE_NS = "https://brochure.invalid/ns/1.0/"
STANDARD_INFO = {"Title", "Subject", "Keywords", "Creator", "Producer", "CreationDate",
                 "ModDate", "Trapped", "Author", "GTS_PDFXVersion"}
EXTRA_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
NORMAL_BLEND = {"/Normal", "/Compatible"}
XMP_PADDING = 2048
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


def finish_pdfx(src: str | Path, dst: str | Path, info: PdfxInfo, icc_profile: Path) -> None:
    """Write dst: src made PDF/X-4 (intent, Info, XMP, page groups, deterministic /ID)."""
    data = Path(src).read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        finish_common(pdf, info, data)
        pdf.Root.OutputIntents = Array([_output_intent(pdf, info, Path(icc_profile))])
        for page in pdf.pages:
            if _uses_transparency(page.obj.get("/Resources"), set()):
                _set_page_group(page.obj)
        save_deterministic(pdf, dst)


def _check_extra(extra: dict[str, str]) -> None:
    for key in extra:
        if not EXTRA_KEY.match(key) or key in STANDARD_INFO:
            raise ValueError(f"extra metadata key {key!r}: need a name like 'VeevaID' that "
                             "is not a standard Info key")


def _output_intent(pdf: pikepdf.Pdf, info: PdfxInfo, icc_profile: Path) -> Dictionary:
    profile = pdf.make_stream(b"", N=4)  # replaced by the compressed bytes below
    profile.write(_compressed_profile(icc_profile), filter=Name.FlateDecode)
    return pdf.make_indirect(Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFX,
        OutputConditionIdentifier=String(info.output_condition),
        OutputCondition=String(info.output_condition_info),
        Info=String(info.output_condition_info), RegistryName=String(info.registry),
        DestOutputProfile=profile,
    ))


def _compressed_profile(path: Path) -> bytes:
    stat = path.stat()
    return _compress_cached(str(path.resolve()), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)
def _compress_cached(path: str, _size: int, _mtime_ns: int) -> bytes:
    """Deflate the profile once (~90 ms for 1 MB), then keep it in memory and on disk."""
    raw = Path(path).read_bytes()
    if len(raw) < 128 or raw[36:40] != b"acsp" or raw[16:20] != b"CMYK":
        raise ValueError(f"{path}: not a CMYK ICC profile (PDF/X-4 needs one)")
    target = cache_dir() / f"{hashlib.sha256(raw).hexdigest()[:32]}.icc.zlib"
    if target.exists():
        return target.read_bytes()
    packed = zlib.compress(raw, 6)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(packed)
        tmp.replace(target)
    except OSError:  # an unwritable cache only costs time
        pass
    return packed


def _docinfo(info: PdfxInfo) -> Dictionary:
    date = String(_pdf_date(info.created))
    docinfo = Dictionary(
        Title=String(info.title), Subject=String(info.subject),
        Keywords=String(_keywords(info)), Creator=String(info.creator),
        Producer=String(_producer(info)), CreationDate=date, ModDate=date,
        Trapped=Name("/False"),
    )
    if info.conformance == PDFX_VERSION:
        docinfo.GTS_PDFXVersion = String(PDFX_VERSION)
    for key, value in info.extra.items():
        docinfo[Name("/" + key)] = String(value)
    return docinfo


def _keywords(info: PdfxInfo) -> str:
    return "; ".join(info.keywords)


def _producer(info: PdfxInfo) -> str:
    return f"{info.creator} (ReportLab, pikepdf)"


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


def _xmp(info: PdfxInfo, source: bytes) -> bytes:
    """The XMP packet as text, properties in a fixed order; IDs hashed from the inputs."""
    fields = repr((info.title, info.subject, info.keywords, info.language,
                   _xmp_date(info.created), info.creator, sorted(info.extra.items())))
    date = escape(_xmp_date(info.created))
    xmlns = "\n".join(f"    xmlns:{p}={quoteattr(u)}" for p, u in NAMESPACES[2:])
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
        f"   <xmpMM:InstanceID>{_uuid('instance', fields, source)}</xmpMM:InstanceID>\n"
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


def _conformance_line(info: PdfxInfo) -> str:
    if info.conformance == PDFUA:
        return "   <pdfuaid:part>1</pdfuaid:part>\n"
    return f"   <pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>\n"


def finish_common(pdf: pikepdf.Pdf, info: PdfxInfo, source: bytes) -> None:
    """Info, XMP and language, shared by the print and the digital edition."""
    _check_extra(info.extra)
    pdf.Root.Lang = String(info.language)
    pdf.trailer.Info = pdf.make_indirect(_docinfo(info))
    pdf.Root.Metadata = pdf.make_stream(_xmp(info, source), Type=Name.Metadata,
                                        Subtype=Name.XML)
    if "/ID" in pdf.trailer:  # ReportLab hashes only the Info into its ID
        del pdf.trailer.ID  # qpdf then derives both halves from the content


def save_deterministic(pdf: pikepdf.Pdf, dst: str | Path) -> None:
    """Save with an /ID derived from the content. Streams are copied as they are: ReportLab
    has already compressed them, and decoding and re-encoding would only cost time."""
    pdf.save(dst, deterministic_id=True, compress_streams=False,
             stream_decode_level=pikepdf.StreamDecodeLevel.none, encryption=False,
             object_stream_mode=pikepdf.ObjectStreamMode.preserve, min_version="1.6",
             fix_metadata_version=False)  # True would re-serialise our XMP


def _uses_transparency(resources, seen: set[tuple[int, int]]) -> bool:
    """Constant alpha < 1, a soft mask or a blend mode, here or in nested form XObjects."""
    if not isinstance(resources, Dictionary):
        return False
    for gs in resources.get("/ExtGState", Dictionary()).values():
        if any(float(gs.get(k, 1)) < 1 for k in ("/ca", "/CA")):
            return True
        if str(gs.get("/SMask", "/None")) != "/None":
            return True
        if _blend_mode(gs.get("/BM", Name.Normal)) not in NORMAL_BLEND:
            return True
    for xobj in resources.get("/XObject", Dictionary()).values():
        if xobj.is_indirect:
            if xobj.objgen in seen:
                continue
            seen.add(xobj.objgen)
        if "/SMask" in xobj or int(xobj.get("/SMaskInData", 0)) > 0:
            return True
        if xobj.get("/Subtype") == Name.Form and (
                "/Group" in xobj or _uses_transparency(xobj.get("/Resources"), seen)):
            return True
    return False


def _blend_mode(bm) -> str:
    if isinstance(bm, Array):  # a list of modes: the first one a reader knows is used
        return str(bm[0]) if len(bm) else "/Normal"
    return str(bm)


def _set_page_group(page: Dictionary, space: str = "/DeviceCMYK") -> None:
    group = page.get("/Group")
    if not isinstance(group, Dictionary):
        group = page.Group = Dictionary()
    group.Type = Name.Group
    group.S = Name.Transparency
    group.CS = Name(space)
