"""Every piece of the seed's text is in the PDF, in reading order, with the footer on
every page and the metadata set."""

import os
from pathlib import Path

import pikepdf
import pytest

from brochure.content.validate import load_content
from brochure.text.markup import plain_text
from tests.conftest import ROOT, SEED_CONTENT
from tests.pdfread import normalise, page_texts

SEED_DIR = ROOT.parent / "shared" / "seed"
# Seed lines that describe pictures or the web page, not text printed on the brochure.
NOT_PRINTED = ("Icon of", "Cambridge Biomedical Campus aerial view", "Image")


def content_in_reading_order() -> list[str]:
    b, _ = load_content(SEED_CONTENT)
    parts = [b.title, b.hero.credit, b.tagline]
    for s in b.stats:
        parts += [s.value, s.label]
    parts += list(b.intro) + [b.initiatives.heading]
    for item in b.initiatives.items:
        parts += [item.title, *item.body]
    parts += [b.quote.text, b.quote.name, b.quote.role]
    parts += [link.label for link in b.links]
    return [plain_text(p) for p in parts]


def test_content_yaml_holds_every_sentence_of_the_seed():
    seed_files = sorted(SEED_DIR.glob("*.txt"))
    if not seed_files:
        pytest.skip("../shared/seed is not beside this checkout")
    content = normalise(" ".join(content_in_reading_order()) + " Veeva ID: GB-68353"
                        " Date of preparation: July 2025").replace(",", "")
    for line in seed_files[0].read_text().splitlines():
        line = line.strip().strip('"')
        if line and not line.startswith(NOT_PRINTED):
            # the seed runs "name, role" together; the brochure sets them on two lines
            assert normalise(line).replace(",", "") in content, line


def test_all_content_is_in_the_pdf_in_reading_order(seed_pdf):
    text = normalise("".join(page_texts(seed_pdf)))
    position = 0
    for part in content_in_reading_order():
        found = text.find(normalise(part), position)
        assert found >= 0, f"missing or out of order: {part[:60]!r}"
        position = found + len(normalise(part))


def test_footer_on_every_page(seed_pdf):
    pages = page_texts(seed_pdf)
    for n, text in enumerate(pages, 1):
        assert "Veeva ID: GB-68353" in text
        assert "Date of preparation: July 2025" in text
        assert f"Page {n} of {len(pages)}" in text


def test_metadata(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == "Promoting innovation across the cluster"
        # as printed: the typed apostrophe is a typographic one
        assert str(info["/Subject"]) == "Cambridge is Europe’s leading life sciences cluster"
        assert "GB-68353" in str(info["/Keywords"])
        assert str(pdf.Root.Lang) == "en-GB"


def test_same_inputs_give_identical_bytes(seed_pdf, tmp_path):
    from brochure.build import BuildOptions, build

    again = tmp_path / "again.pdf"
    build(SEED_CONTENT, BuildOptions(output=again))
    assert Path(again).read_bytes() == Path(seed_pdf).read_bytes()


def test_a_fresh_process_writes_what_a_warm_one_does(tmp_path, monkeypatch):
    """Nothing kept between builds (paragraphs, styles, fonts, photo, icons, themes) may
    change a byte: a new process with an empty cache folder is the reference."""
    import subprocess
    import sys

    from brochure.build import BuildOptions, build

    harbour = ROOT / "assets" / "themes" / "harbour.yaml"
    fresh = tmp_path / "fresh.pdf"
    env = {**os.environ, "BROCHURE_CACHE": str(tmp_path / "empty-cache")}
    subprocess.run([sys.executable, str(ROOT / "make_pdf.py"), str(SEED_CONTENT), "-o",
                    str(fresh), "--theme", str(harbour)], check=True, capture_output=True,
                   env=env)
    for n in range(2):  # the second build in this process reuses everything it can
        warm = tmp_path / f"warm{n}.pdf"
        build(SEED_CONTENT, BuildOptions(output=warm, theme=harbour))
        for edition in ("", "-digital"):
            ours = warm.with_name(f"warm{n}{edition}.pdf").read_bytes()
            assert ours == fresh.with_name(f"fresh{edition}.pdf").read_bytes(), (n, edition)


def test_variants_drawing_the_same_characters_share_font_subsets(tmp_path):
    """Glyphs beyond ASCII are numbered in code-point order, not in the order a page first
    draws them, so an event line that differs per variant (drawn early on page one) leaves
    the embedded font subsets, and their cached compressed streams, the same."""
    from brochure.build import BuildOptions, build_located
    from brochure.content.validate import load_located

    subsets = []
    for n, name in enumerate(["Zürich · Été", "Été · Zürich"]):  # beyond ASCII: numbered
        located = load_located(SEED_CONTENT)
        located.data["event"] = {"name": name}
        out = tmp_path / f"v{n}.pdf"
        build_located(located, BuildOptions(output=out, editions=("print",)))
        with pikepdf.open(out) as pdf:
            subsets.append(sorted(
                (str(f.BaseFont), f.FontDescriptor.FontFile2.read_bytes())
                for page in pdf.pages for _, f in page.Resources.Font.items()))
    assert subsets[0] == subsets[1]
