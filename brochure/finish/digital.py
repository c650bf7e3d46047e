"""Digital-edition finishing: tagged structure (PDF/UA-1), metadata, viewer settings."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from pikepdf import Dictionary

from brochure.finish.pdfx import (
    PdfxInfo,
    _set_page_group,
    _uses_transparency,
    finish_common,
    save_deterministic,
)
from brochure.finish.tagging import TagRecord, add_structure


def finish_digital(src: str | Path, dst: str | Path, info: PdfxInfo,
                   records: list[TagRecord], texts: dict[str, str]) -> None:
    """Write dst: src with its structure tree, PDF/UA identification and title display."""
    data = Path(src).read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        finish_common(pdf, info, data)
        add_structure(pdf, records, info.language, texts)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        for page in pdf.pages:
            if _uses_transparency(page.obj.get("/Resources"), set()):
                _set_page_group(page.obj, "/DeviceRGB")
        save_deterministic(pdf, dst)
