"""Ink on the plates: photos within the profile's limit, body text only on the black plate,
and the printer's own profile and output condition honoured."""

import shutil
import subprocess

import pikepdf
import pytest
from PIL import Image

from brochure.build import BuildOptions, build, prepare
from brochure.draw.images import print_ready
from brochure.errors import BrochureError
from brochure.layout.items import Text
from tests.conftest import ROOT, SEED_CONTENT

TAC_LIMIT = 300


def test_converted_photo_stays_within_the_ink_limit():
    cmyk = Image.open(print_ready(ROOT / "assets/images/hero-standin.jpg"))
    assert cmyk.mode == "CMYK"
    small = cmyk.resize((300, 150))
    data = small.tobytes()
    worst = max(sum(data[i:i + 4]) for i in range(0, len(data), 4)) / 255 * 100
    assert worst <= TAC_LIMIT + 5  # JPEG rounding


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("gs"), reason="Ghostscript is not installed")
def test_separations_body_text_on_black_only_and_coverage_within_limit(seed_pdf, tmp_path):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffsep", "-r72",
                    "-dFirstPage=1", "-dLastPage=1", f"-sOutputFile={tmp_path}/p%d.tif",
                    str(seed_pdf)], check=True, timeout=120)
    plates = {c: Image.open(tmp_path / f"p1({c}).tif").convert("L")
              for c in ("Cyan", "Magenta", "Yellow", "Black")}
    document = prepare(SEED_CONTENT, BuildOptions(output=seed_pdf)).document
    geo = document.geometry
    body = next(i for i in document.pages[0].items
                if isinstance(i, Text) and i.field.startswith("initiatives.items[0].body"))
    box = (round(body.x + geo.slug), round(geo.media.h - body.y - body.h - geo.slug),
           round(body.x + body.w + geo.slug), round(geo.media.h - body.y - geo.slug))
    ink = {c: 255 - plate.crop(box).getextrema()[0] for c, plate in plates.items()}
    assert ink["Black"] > 200  # text is there, solid black
    assert ink["Cyan"] == ink["Magenta"] == ink["Yellow"] == 0
    inside = round(geo.slug - geo.bleed)  # crop marks (registration: every plate) lie outside
    total = [sum(255 - plate.getpixel((x, y)) for plate in plates.values())
             for x in range(inside, plates["Black"].width - inside, 3)
             for y in range(inside, plates["Black"].height - inside, 3)]
    assert max(total) / 255 * 100 <= TAC_LIMIT + 5


def use_profile(project, profile_line):
    content = project / "content.yaml"
    content.write_text(content.read_text().replace("compliance:", profile_line + "compliance:"))
    return content


def test_printers_own_profile_and_condition_are_used(project):
    shutil.copy(ROOT / "assets/icc/ISOcoated_v2_300_bas.icc", project / "printer.icc")
    content = use_profile(project, "print:\n  icc_profile: printer.icc\n"
                                   "  output_condition: PRINTER-42\n")
    out = project / "out.pdf"
    build(content, BuildOptions(output=out, editions=("print",)))
    with pikepdf.open(out) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.OutputConditionIdentifier) == "PRINTER-42"
        assert intent.DestOutputProfile.N == 4


def test_an_rgb_profile_is_refused(project):
    shutil.copy(ROOT / "assets/icc/sRGB.icc", project / "printer.icc")
    content = use_profile(project, "print:\n  icc_profile: printer.icc\n"
                                   "  output_condition: X\n")
    with pytest.raises(BrochureError) as caught:
        prepare(content, BuildOptions(output=project / "x.pdf"))
    assert "not a CMYK ICC profile" in caught.value.issues[0].message
    assert caught.value.issues[0].field == "print.icc_profile"


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler is not installed")
def test_poppler_reads_the_structure_tree(seed_digital):
    out = subprocess.run(["pdfinfo", "-struct-text", str(seed_digital)], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    order = [line.strip().split(" ")[0] for line in out.splitlines()
             if line.strip() and not line.strip().startswith('"')]
    assert order[:4] == ["Document", "H1", "Figure", "P"]
    assert order.count("H2") == 3 and "BlockQuote" in order and "Link" in order
    assert '"universities"' in out


