"""Digital-edition finishing: tagged structure (PDF/UA-1), metadata, viewer settings.

Uses pikepdf: the structure tree is built from what the painter recorded, after ReportLab
has written the pages. Only the digital edition loads it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from brochure.finish.pdfx import (
    NORMAL_BLEND,
    PdfxInfo,
    check_extra,
    docinfo_entries,
    instance_id,
    xmp_packet,
)
from brochure.finish.structure import add_structure
from brochure.finish.tagging import TagRecord


def finish_digital(src: str | Path, dst: str | Path, info: PdfxInfo,
                   records: list[TagRecord], texts: dict[str, str]) -> None:
    """Write dst: src with its structure tree, PDF/UA identification and title display."""
    data = Path(src).read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _set_metadata(pdf, info, data)
        add_structure(pdf, records, info.language, texts)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        for page in pdf.pages:
            if _resources_use_transparency(page.obj.get("/Resources"), set()):
                _set_page_group(page.obj, "/DeviceRGB")
        _save_deterministic(pdf, dst)


def _set_metadata(pdf: pikepdf.Pdf, info: PdfxInfo, source: bytes) -> None:
    """Info, XMP and language, from the same PdfxInfo as the print edition's."""
    check_extra(info.extra)
    pdf.Root.Lang = String(info.language)
    docinfo = Dictionary({"/" + k: String(v) for k, v in docinfo_entries(info).items()})
    docinfo.Trapped = Name("/False")
    pdf.trailer.Info = pdf.make_indirect(docinfo)
    pdf.Root.Metadata = pdf.make_stream(xmp_packet(info, instance_id(info, source)),
                                        Type=Name.Metadata, Subtype=Name.XML)
    if "/ID" in pdf.trailer:  # ReportLab hashes only the Info into its ID
        del pdf.trailer.ID  # qpdf then derives both halves from the content


def _save_deterministic(pdf: pikepdf.Pdf, dst: str | Path) -> None:
    """Save with an /ID derived from the content. Streams are copied as they are: ReportLab
    has already compressed them, and decoding and re-encoding would only cost time."""
    pdf.save(dst, deterministic_id=True, compress_streams=False,
             stream_decode_level=pikepdf.StreamDecodeLevel.none, encryption=False,
             object_stream_mode=pikepdf.ObjectStreamMode.preserve, min_version="1.6",
             fix_metadata_version=False)  # True would re-serialise our XMP


def _resources_use_transparency(resources, seen: set[tuple[int, int]]) -> bool:
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
                "/Group" in xobj or _resources_use_transparency(xobj.get("/Resources"), seen)):
            return True
    return False


def _blend_mode(bm) -> str:
    if isinstance(bm, Array):  # a list of modes: the first one a reader knows is used
        return str(bm[0]) if len(bm) else "/Normal"
    return str(bm)


def _set_page_group(page: Dictionary, space: str) -> None:
    group = page.get("/Group")
    if not isinstance(group, Dictionary):
        group = page.Group = Dictionary()
    group.Type = Name.Group
    group.S = Name.Transparency
    group.CS = Name(space)
