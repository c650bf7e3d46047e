"""Regenerate the README's pictures from the seed brochure as the code draws it now.

    .venv/bin/python docs/pictures.py

page-1.png: page 1 of the print edition; pages.png: both pages side by side; themes.png:
page 1 in the default theme beside page 1 in the harbour theme. Pages are cut to the trim
(as the printer cuts them) and reduced to a 256-colour palette to keep the repository small.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from brochure.build import BuildOptions, build  # noqa: E402
from brochure.preview import write_previews  # noqa: E402

GREY, GAP, SHEET_WIDTH, PAGE_WIDTH = (200, 200, 200), 20, 1100, 700


def pages(folder: Path, theme: Path | None = None) -> list[Image.Image]:
    """The print edition's page images, built with the theme into folder."""
    out = folder / (theme.stem if theme else "default") / "brochure.pdf"
    build(ROOT / "content.yaml", BuildOptions(output=out, editions=("print",), theme=theme))
    return [Image.open(p).convert("RGB") for p in write_previews(out, dpi=150)[:-1]]


def side_by_side(images: list[Image.Image]) -> Image.Image:
    width = (SHEET_WIDTH - GAP * (len(images) + 1)) // len(images)
    scaled = [i.resize((width, round(i.height * width / i.width)), Image.Resampling.LANCZOS)
              for i in images]
    sheet = Image.new("RGB", (SHEET_WIDTH, max(i.height for i in scaled) + 2 * GAP), GREY)
    for n, image in enumerate(scaled):
        sheet.paste(image, (GAP + n * (width + GAP), GAP))
    return sheet


def save(image: Image.Image, name: str) -> None:
    image.quantize(256, dither=Image.Dither.NONE).save(ROOT / "docs" / name, optimize=True)
    print(f"wrote docs/{name} {image.size}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        default = pages(Path(tmp))
        harbour = pages(Path(tmp), ROOT / "assets" / "themes" / "harbour.yaml")
    first = default[0]
    save(first.resize((PAGE_WIDTH, round(first.height * PAGE_WIDTH / first.width)),
                      Image.Resampling.LANCZOS), "page-1.png")
    save(side_by_side(default), "pages.png")
    save(side_by_side([default[0], harbour[0]]), "themes.png")


if __name__ == "__main__":
    main()
