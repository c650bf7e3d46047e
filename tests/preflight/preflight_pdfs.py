"""Tiny PDFs for the preflight tests: a good page, and helpers to break one rule at a time."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[2]
FONT = "PreflightLato"
BLEED = 3 * 72 / 25.4
TRIM = (20.0, 20.0, 120.0, 120.0)
BLEED_BOX = (20 - BLEED, 20 - BLEED, 120 + BLEED, 120 + BLEED)
PAGE = (140.0, 140.0)

pdfmetrics.registerFont(TTFont(FONT, str(ROOT / "assets" / "fonts" / "Lato-Regular.ttf")))


def cmyk_image(pixels: int, mode: str = "CMYK") -> ImageReader:
    colour = (0, 0, 0, 60) if mode == "CMYK" else (200, 40, 40)
    return ImageReader(Image.new(mode, (pixels, pixels), colour))


def good_page(c: Canvas) -> None:
    """CMYK black text that overprints, a CMYK band and a 300 ppi CMYK photo."""
    c.setFillColorCMYK(0, 0, 0, 1)
    c.setFillOverprint(True)
    c.setOverprintMask(1)
    c.setFont(FONT, 9)
    c.drawString(30, 30, "Print ready")
    c.setFillColorCMYK(0.6, 0.4, 0.4, 1)  # rich black, 240%
    c.rect(10, 100, 120, 30, stroke=0, fill=1)
    c.drawImage(cmyk_image(300), 40, 40, 72, 72)


class Maker:
    def __init__(self, folder: Path):
        self.folder = folder

    def pdf(self, name: str, *draws, embedded_font: bool = True, boxes: bool = True,
            pages: int = 1) -> Path:
        path = self.folder / f"{name}.pdf"
        kwargs = {"initialFontName": FONT} if embedded_font else {}
        if boxes:
            kwargs.update(trimBox=TRIM, bleedBox=BLEED_BOX)
        c = Canvas(str(path), pagesize=PAGE, invariant=1, **kwargs)
        for _ in range(pages):
            for draw in draws or (good_page,):
                draw(c)
            c.showPage()
        c.save()
        return path

    def altered(self, path: Path, change) -> Path:
        """Reopen path with pikepdf, apply change(pdf), save beside it."""
        out = path.with_name(path.stem + "-altered.pdf")
        with pikepdf.open(path) as pdf:
            change(pdf)
            pdf.save(out)
        return out


def make_pdfx(pdf: pikepdf.Pdf) -> None:
    """Add what PDF/X-4 wants at document level: OutputIntent, XMP version, Trapped."""
    profile = pdf.make_stream((ROOT / "assets" / "icc" / "ISOcoated_v2_300_bas.icc")
                              .read_bytes())
    profile["/N"] = 4
    pdf.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier="FOGRA39", RegistryName="http://www.color.org",
        DestOutputProfile=profile)])
    with pdf.open_metadata() as meta:
        meta["pdfxid:GTS_PDFXVersion"] = "PDF/X-4"
    pdf.docinfo["/Title"] = "Preflight test"
    pdf.docinfo["/Trapped"] = pikepdf.Name("/False")
