"""Page images of a built PDF: one PNG per page (cut to the trim) and a contact sheet."""

from __future__ import annotations

from pathlib import Path

DPI = 110
GAP = 24
PNG = {"compress_level": 3}  # fast to write (a watch session writes these on every change)


def write_previews(pdf_path: Path, dpi: int = DPI) -> list[Path]:
    """PNG per page beside the PDF (NAME-p1.png, ...) and NAME-sheet.png; returns the paths."""
    import pikepdf
    import pypdfium2 as pdfium
    from PIL import Image

    with pikepdf.open(pdf_path) as pdf:
        crops = [_crop(page.obj) for page in pdf.pages]
    doc = pdfium.PdfDocument(str(pdf_path))
    paths, images = [], []
    try:
        for i, crop in enumerate(crops):
            image = doc[i].render(scale=dpi / 72, crop=crop).to_pil().convert("RGB")
            path = pdf_path.with_name(f"{pdf_path.stem}-p{i + 1}.png")
            image.save(path, **PNG)
            paths.append(path)
            images.append(image)
    finally:
        doc.close()
    sheet = Image.new("RGB", (sum(i.width for i in images) + GAP * (len(images) + 1),
                              max(i.height for i in images) + 2 * GAP), (200, 200, 200))
    x = GAP
    for image in images:
        sheet.paste(image, (x, GAP))
        x += image.width + GAP
    sheet_path = pdf_path.with_name(f"{pdf_path.stem}-sheet.png")
    sheet.save(sheet_path, **PNG)
    return [*paths, sheet_path]


def _crop(page) -> tuple[float, float, float, float]:
    """pypdfium2 crop margins (left, bottom, right, top) that leave the TrimBox."""
    media = [float(v) for v in page.MediaBox]
    trim = [float(v) for v in page.get("/TrimBox", page.MediaBox)]
    return (trim[0] - media[0], trim[1] - media[1], media[2] - trim[2], media[3] - trim[3])
