"""Document-level PDF/X-4 rules: OutputIntent, XMP version, Info, trailer /ID, no encryption,
no JavaScript. Errors for a file that claims PDF/X, warnings for one that does not."""

from __future__ import annotations

import pikepdf

from brochure.preflight.model import Finding
from brochure.preflight.xmp import xmp_properties

XMP_VERSION = "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion"
WANTED = "PDF/X-4"


def xmp_version(pdf: pikepdf.Pdf) -> str:
    """The pdfxid:GTS_PDFXVersion in the XMP metadata, or '' when there is none."""
    return xmp_properties(pdf).get(XMP_VERSION, "")


def check_document(pdf: pikepdf.Pdf) -> list[Finding]:
    version = xmp_version(pdf)
    info_version = str(pdf.docinfo.get("/GTS_PDFXVersion", "")) if pdf.trailer.get(
        "/Info") is not None else ""
    severity = "error" if (version or info_version) else "warning"
    problems = (_output_intent(pdf) + _version(version, info_version) + _info(pdf)
                + _structure(pdf))
    return [Finding(rule, severity, 0, obj, message) for rule, obj, message in problems]


def _output_intent(pdf: pikepdf.Pdf) -> list[tuple[str, str, str]]:
    intents = [i for i in (pdf.Root.get("/OutputIntents") or [])
               if isinstance(i, pikepdf.Dictionary) and i.get("/S") == "/GTS_PDFX"]
    if len(intents) != 1:
        return [("pdfx.output-intent", "OutputIntents",
                 f"found {len(intents)} GTS_PDFX OutputIntents, need exactly one — add the "
                 "printer's CMYK profile (e.g. FOGRA39) as the OutputIntent")]
    profile = intents[0].get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        return [("pdfx.output-intent", "OutputIntents",
                 "the OutputIntent has no DestOutputProfile; embed the CMYK ICC profile")]
    if int(profile.get("/N", 0)) != 4:
        return [("pdfx.output-intent", "OutputIntents",
                 "the OutputIntent's profile is not CMYK; use the printer's CMYK profile")]
    return []


def _version(version: str, info_version: str) -> list[tuple[str, str, str]]:
    if version != WANTED:
        found = f"'{version}'" if version else "nothing"
        return [("pdfx.xmp-version", "XMP metadata",
                 f"the XMP {XMP_VERSION} is {found}, expected '{WANTED}' — write it into the "
                 "XMP metadata")]
    if info_version and info_version != version:
        return [("pdfx.xmp-version", "Info",
                 f"Info /GTS_PDFXVersion '{info_version}' does not match the XMP '{version}'")]
    return []


def _info(pdf: pikepdf.Pdf) -> list[tuple[str, str, str]]:
    info = pdf.trailer.get("/Info")
    info = info if isinstance(info, pikepdf.Dictionary) else {}
    problems = []
    if not str(info.get("/Title", "")).strip():
        problems.append(("pdfx.info-title", "Info", "the document has no Title; set one"))
    if info.get("/Trapped") not in ("/True", "/False"):
        problems.append(("pdfx.info-trapped", "Info",
                         "Info /Trapped is missing or unknown; set it to /False (or /True)"))
    return problems


def _structure(pdf: pikepdf.Pdf) -> list[tuple[str, str, str]]:
    problems = []
    if "/ID" not in pdf.trailer:
        problems.append(("pdfx.trailer-id", "trailer", "the trailer has no /ID; add one"))
    if pdf.is_encrypted:
        problems.append(("pdfx.encrypted", "trailer",
                         "the file is encrypted; save it without encryption"))
    if has_javascript(pdf):
        problems.append(("pdfx.javascript", "document",
                         "the file contains JavaScript; remove it"))
    return problems


def has_javascript(pdf: pikepdf.Pdf) -> bool:
    root = pdf.Root
    if "/JavaScript" in (root.get("/Names") or {}) or _is_js(root.get("/OpenAction")):
        return True
    if _has_js_actions(root):
        return True
    for page in pdf.pages:
        if _has_js_actions(page.obj):
            return True
        for annot in page.obj.get("/Annots") or []:
            if isinstance(annot, pikepdf.Dictionary) and (
                    _is_js(annot.get("/A")) or _has_js_actions(annot)):
                return True
    return False


def _has_js_actions(obj) -> bool:
    actions = obj.get("/AA")
    return isinstance(actions, pikepdf.Dictionary) and any(_is_js(a) for a in actions.values())


def _is_js(action) -> bool:
    return isinstance(action, pikepdf.Dictionary) and action.get("/S") == "/JavaScript"
