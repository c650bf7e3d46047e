"""Text of each marked-content sequence (by MCID) on a page, read with PDFium."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw


def mcid_texts(path, page_index: int) -> dict[int, str]:
    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[page_index]
        textpage = page.get_textpage()
        texts: dict[int, str] = {}
        for i in range(raw.FPDFPage_CountObjects(page)):
            obj = raw.FPDFPage_GetObject(page, i)
            mcid = _mcid(obj)
            if mcid is None or raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
                continue
            texts[mcid] = texts.get(mcid, "") + _text(obj, textpage) + " "
        return {k: " ".join(v.split()) for k, v in texts.items()}
    finally:
        doc.close()


def _mcid(obj) -> int | None:
    for m in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, m)
        value = ctypes.c_int()
        if raw.FPDFPageObjMark_GetParamIntValue(mark, b"MCID", ctypes.byref(value)):
            return value.value
    return None


def _text(obj, textpage) -> str:
    size = raw.FPDFTextObj_GetText(obj, textpage.raw, None, 0)
    buffer = ctypes.create_string_buffer(size)
    raw.FPDFTextObj_GetText(obj, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)),
                            size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")
