"""Compliance rules on real builds: status overlay, footer policy, expiry, the approval record."""

from datetime import date

import pikepdf
import pytest
from PIL import Image, ImageDraw

from brochure.build import BuildOptions, build, prepare
from brochure.cli import main
from brochure.errors import BrochureError
from brochure.layout.items import Icon
from tests.conftest import SEED_CONTENT
from tests.pdfread import page_texts, render

MINIMAL = """title: Partnering for a healthier future
stats:
  - {value: "12", label: partner sites, icon: building}
intro: [A short brochure with no photo, quote or links.]
compliance:
  veeva_id: GB-12345
  date_of_preparation: 2025-09
"""


def write(tmp_path, extra: str = "", text: str = MINIMAL):
    path = tmp_path / "content.yaml"
    path.write_text(text + extra)
    return path


def test_minimal_content_builds_cleanly_and_is_marked_draft_by_default(tmp_path):
    result = build(write(tmp_path), BuildOptions(output=tmp_path / "m.pdf"))
    assert [e.report.verdict for e in result.editions] == ["pass", "pass"]
    for edition in result.editions:
        for text in page_texts(edition.path):
            assert "DRAFT — NOT FOR DISTRIBUTION" in text
            assert "Date of preparation: September 2025" in text


def test_approved_material_has_no_overlay(tmp_path):
    content = write(tmp_path, "  status: approved\n")
    build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    assert not any("DRAFT" in t or "REVIEW" in t for t in page_texts(tmp_path / "m.pdf"))


def test_in_review_overlay(tmp_path):
    content = write(tmp_path, "  status: in-review\n")
    build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    assert "FOR REVIEW — NOT FOR DISTRIBUTION" in page_texts(tmp_path / "m.pdf")[0]


def test_footer_on_last_page_only(project):
    content = project / "content.yaml"
    content.write_text(content.read_text().replace("material_type: corporate",
                                                   "material_type: corporate\n  footer: last-page"))
    build(content, BuildOptions(output=project / "o.pdf", editions=("print",)))
    first, last = page_texts(project / "o.pdf")
    assert "Veeva ID" not in first and "Page 1 of 2" in first
    assert "Veeva ID: GB-68353" in last


def test_expiry_within_30_days_warns(tmp_path):
    content = write(tmp_path, "  status: approved\n  expiry_date: December 2026\n")
    result = build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",),
                                         today=date(2026, 12, 10)))
    assert any("expires in 21 days" in w.message for w in result.warnings)


def test_dates_render_in_the_brochures_language(tmp_path):
    content = write(tmp_path, "", MINIMAL.replace("title:", "language: de-DE\ntitle:"))
    build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    assert "September 2025" in page_texts(tmp_path / "m.pdf")[0]
    content = write(tmp_path, "", MINIMAL.replace("title:", "language: fr-FR\ntitle:"))
    build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    text = page_texts(tmp_path / "m.pdf")[0]
    assert "Date de préparation\u00a0: septembre 2025" in text or (
        "Date de préparation : septembre 2025" in text)  # a no-break space before the colon
    assert "préparation:" not in text


def test_approval_record_in_metadata_and_explain(tmp_path, capsys):
    content = write(tmp_path, "  status: approved\n")
    out = tmp_path / "m.pdf"
    assert main([str(content), "-o", str(out), "--explain"]) == 0
    printed = capsys.readouterr().out
    with pikepdf.open(out) as pdf:
        digest = str(pdf.docinfo["/InputsSHA256"])
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert str(pdf.docinfo["/VeevaID"]) == "GB-12345"
        assert str(pdf.docinfo["/Status"]) == "approved"
    assert len(digest) == 64 and digest in xmp and f"InputsSHA256: {digest}" in printed
    content.write_text(content.read_text().replace("healthier", "happier"))
    build(content, BuildOptions(output=out, editions=("print",)))
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo["/InputsSHA256"]) != digest


@pytest.mark.parametrize("veeva_id", ["TBC", "XX-0000"])
def test_placeholder_reference_refused_when_approved(tmp_path, veeva_id, capsys):
    content = write(tmp_path, "  status: approved\n", MINIMAL.replace("GB-12345", veeva_id))
    assert main([str(content), "-o", str(tmp_path / "m.pdf")]) == 2
    assert f"'{veeva_id}' is a placeholder" in capsys.readouterr().err


PROMOTIONAL = """title: Introducing Examplinib
intro: [Sample promotional copy.]
prescribing_information:
  url: https://pi.example.org/examplinib
adverse_events: Adverse events should be reported to Example Pharma on 0800 000 0000.
compliance: {veeva_id: GB-55555, date_of_preparation: 2025-10, status: approved,
             material_type: promotional}
"""


def test_promotional_blocks_are_printed_separately_with_a_scannable_pi_code(tmp_path):
    import zxingcpp

    from tests.pdfread import render

    content = write(tmp_path, "", PROMOTIONAL)
    result = build(content, BuildOptions(output=tmp_path / "p.pdf"))
    assert [e.report.verdict for e in result.editions] == ["pass", "pass"]
    text = page_texts(tmp_path / "p.pdf")[0]
    assert "Scan here for prescribing information" in text
    assert text.index("Prescribing information") < text.index("Adverse event reporting")
    assert "0800 000 0000" in text
    codes = zxingcpp.read_barcodes(render(tmp_path / "p.pdf", 0, dpi=200))
    assert [c.text for c in codes] == ["https://pi.example.org/examplinib"]
    with pikepdf.open(tmp_path / "p-digital.pdf") as pdf:
        uris = [str(a.A.URI) for a in pdf.pages[0].Annots]
        assert uris == ["https://pi.example.org/examplinib"] * 2


def test_footer_words_follow_the_language_but_the_reference_label_does_not(tmp_path):
    content = write(tmp_path, "", MINIMAL.replace("title:", "language: de-DE\ntitle:"))
    build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    text = page_texts(tmp_path / "m.pdf")[0]
    assert "Veeva ID: GB-12345" in text
    assert "Erstellungsdatum: September 2025" in text and "Seite 1 von 1" in text


def test_polish_footer_words_and_month(tmp_path):
    content = write(tmp_path, "", MINIMAL.replace("title:", "language: pl-PL\ntitle:"))
    result = build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    text = page_texts(tmp_path / "m.pdf")[0]
    assert "Data przygotowania: wrzesień 2025" in text and "Strona 1 z 1" in text
    assert not [w for w in result.warnings if w.field == "language"]


def test_a_title_beyond_latin_1_builds_and_is_kept_in_the_metadata(tmp_path):
    """A reviewer found any title with ’, Ł, – or € crashing the print edition."""
    title = "Wspieranie innowacji w Łodzi – 5 € na osobę’"
    content = write(tmp_path, "", MINIMAL.replace(
        "title: Partnering for a healthier future", f"language: pl-PL\ntitle: {title}"))
    result = build(content, BuildOptions(output=tmp_path / "m.pdf"))
    assert [e.report.verdict for e in result.editions] == ["pass", "pass"]
    for edition in result.editions:
        with pikepdf.open(edition.path) as pdf:
            assert str(pdf.docinfo.Title) == title
            assert title in str(pdf.open_metadata().get("dc:title"))


def test_a_language_without_footer_words_is_warned_about(tmp_path):
    content = write(tmp_path, "", MINIMAL.replace("title:", "language: fi-FI\ntitle:"))
    result = build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    warning = next(w for w in result.warnings if w.field == "language")
    assert warning.line == 1 and "'fi-FI'" in warning.message
    assert "print in English" in warning.message
    assert "Date of preparation: September 2025" in page_texts(tmp_path / "m.pdf")[0]


def test_approval_record_follows_the_theme_logo(tmp_path):
    """The logo is an input the reviewer approved: changing it changes the inputs digest."""
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10">'
                    '<rect width="40" height="10"/></svg>')
    theme = tmp_path / "theme.yaml"
    theme.write_text("name: t\nlogo: {file: logo.svg, height_mm: 6}\n")
    content, out = write(tmp_path), tmp_path / "m.pdf"

    def digest() -> str:
        build(content, BuildOptions(output=out, editions=("print",), theme=theme))
        with pikepdf.open(out) as pdf:
            return str(pdf.docinfo["/InputsSHA256"])

    before = digest()
    logo.write_text(logo.read_text().replace('width="40"', 'width="30"'))
    assert digest() != before


def _disc(size: int, path, opaque: bool = False, mode: str = "RGBA") -> None:
    """A red disc: on a transparent ground, or (opaque) on white, saved in this mode."""
    image = Image.new("RGBA", (size, size), (255, 255, 255, 255 if opaque else 0))
    ImageDraw.Draw(image).ellipse((size // 8, size // 8, size * 7 // 8, size * 7 // 8),
                                  fill=(200, 30, 30, 255))
    image.convert(mode).save(path, "PNG")


def _icon_pixels(pdf_path, edition: str) -> list[tuple]:
    """The rendered pixels across the stat icon's box, at 100 dpi."""
    prepared = prepare(pdf_path.parent / "content.yaml", BuildOptions(
        output=pdf_path, editions=(edition,)), digital=edition == "digital")
    (icon,) = [i for i in prepared.document.pages[0].items if isinstance(i, Icon)]
    geo, r, scale = prepared.document.geometry, icon.rect, 100 / 72
    offset = geo.slug if edition == "print" else 0
    page = render(pdf_path, 0, 100)
    return [page.getpixel((round((r.x + r.w * i / 10 + offset) * scale),
                           round((page.height / scale - r.y - r.h * j / 10 - offset) * scale)))
            for i in range(1, 10) for j in range(1, 10)]


@pytest.mark.parametrize("opaque, mode", [(False, "RGBA"), (True, "RGB"), (True, "RGBA")])
def test_a_bitmap_icon_is_drawn_as_its_shape_in_the_icon_colour(tmp_path, opaque, mode):
    """In print a PNG's RGB would be refused: its shape (transparency, or what differs from
    its corners in an image with none, even one saved with an alpha channel) is a one-colour
    stencil in the theme's icon colour, as an SVG icon is, in both editions (so an icon on
    a white ground is no white square on the stat band)."""
    _disc(1024, tmp_path / "dot.png", opaque, mode)
    content = write(tmp_path, "", MINIMAL.replace("icon: building", "icon: dot.png"))
    result = build(content, BuildOptions(output=tmp_path / "m.pdf"))
    assert [e.report.verdict for e in result.editions] == ["pass", "pass"]
    assert not [w for w in result.warnings if w.field == "stats[0].icon"]
    with pikepdf.open(tmp_path / "m.pdf") as pdf:
        (stencil,) = [x for x in pdf.pages[0].Resources.XObject.values()
                      if x.get("/ImageMask") is True]
        assert (stencil.Width, stencil.Height) == (2048, 2048)  # smoothed up, at most 2048
    for pdf, edition in ((tmp_path / "m.pdf", "print"), (tmp_path / "m-digital.pdf",
                                                           "digital")):
        samples = _icon_pixels(pdf, edition)
        inked = [p for p in samples if min(p) < 150]  # the accent colour, not the light band
        assert 20 <= len(inked) <= 60, edition  # the disc (about 45 of 81), not its box
        assert not [p for p in samples if p[0] > 180 and p[1] < 60]  # not its own red
        assert not [p for p in samples if min(p) > 250]  # no white square on the band


@pytest.mark.parametrize(("disc", "ground"), [
    ((255, 150, 0), (255, 255, 255)),  # orange on white: light, but not the background
    ((255, 255, 255), (20, 60, 200)),  # white on blue: the disc is the shape, not the blue
])
def test_an_opaque_icon_is_what_differs_from_its_background(tmp_path, disc, ground):
    image = Image.new("RGB", (400, 400), ground)
    ImageDraw.Draw(image).ellipse((50, 50, 350, 350), fill=disc)
    image.save(tmp_path / "dot.png")
    assert 20 <= _inked_in_print(tmp_path) <= 60  # the disc (about 45 of 81 samples)


def _inked_in_print(folder) -> int:
    """Build the minimal brochure with folder/dot.png as its icon; count inked samples."""
    (folder / "content.yaml").write_text(MINIMAL.replace("icon: building", "icon: dot.png"))
    build(folder / "content.yaml", BuildOptions(output=folder / "m.pdf", editions=("print",)))
    return len([p for p in _icon_pixels(folder / "m.pdf", "print") if min(p) < 150])


@pytest.mark.parametrize("edition", ["print", "digital"])
def test_an_icon_of_one_plain_colour_is_refused(tmp_path, edition):
    Image.new("RGB", (400, 400), (200, 30, 30)).save(tmp_path / "dot.png")
    content = write(tmp_path, "", MINIMAL.replace("icon: building", "icon: dot.png"))
    with pytest.raises(BrochureError) as caught:
        build(content, BuildOptions(output=tmp_path / "m.pdf", editions=(edition,)))
    (issue,) = caught.value.issues
    assert issue.field == "stats[0].icon" and "no shape to draw" in issue.message


def test_a_sixteen_bit_grey_icon_keeps_its_shape(tmp_path):
    grey = Image.new("I;16", (400, 400), 65535)
    ImageDraw.Draw(grey).ellipse((50, 50, 350, 350), fill=13107)  # an 80%-dark disc
    grey.save(tmp_path / "dot.png")
    assert 20 <= _inked_in_print(tmp_path) <= 60


def test_a_small_bitmap_icon_is_refused_for_print_with_the_size_it_needs(tmp_path):
    _disc(64, tmp_path / "dot.png")
    content = write(tmp_path, "", MINIMAL.replace("icon: building", "icon: dot.png"))
    with pytest.raises(BrochureError) as caught:
        build(content, BuildOptions(output=tmp_path / "m.pdf"))
    (issue,) = caught.value.issues
    assert (issue.field, issue.line) == ("stats[0].icon", 3)
    assert "too coarse to print (the least is 149 ppi)" in issue.message
    assert "use an SVG, or a PNG at least" in issue.message
    assert main([str(content), "--check", "--edition", "digital"]) == 0  # print-only rule
    result = build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("digital",)))
    assert result.editions[0].report.verdict == "pass"


def test_a_mid_sized_bitmap_icon_prints_with_a_warning(tmp_path):
    (tmp_path / "icons").mkdir()
    _disc(128, tmp_path / "icons" / "dot")  # a PNG without a suffix is a bitmap too
    content = write(tmp_path, "", MINIMAL.replace("icon: building", "icon: icons/dot"))
    result = build(content, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    assert result.editions[0].report.verdict == "pass"
    (warning,) = [w for w in result.warnings if w.field == "stats[0].icon"]
    assert warning.severity == "warning" and "stepped" in warning.message


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    """The prepared photo goes to the temporary folder instead; the build still works."""
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path / "a-file" / "cache"))
    result = build(SEED_CONTENT, BuildOptions(output=tmp_path / "m.pdf", editions=("print",)))
    assert result.editions[0].report.verdict == "pass"


def test_the_stand_in_photo_is_warned_about_wherever_it_is_copied(project):
    """The seed's photo is a stand-in: a copy of it anywhere gets a warning at hero.image."""
    result = build(project / "content.yaml", BuildOptions(output=project / "m.pdf",
                                                          editions=("print",)))
    (warning,) = [w for w in result.warnings if w.field == "hero.image"]
    assert "stand-in photo" in warning.message and warning.line == 12
    photo = project / "assets" / "images" / "hero-standin.jpg"
    with Image.open(photo) as image:
        image.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(photo, quality=90)
    result = build(project / "content.yaml", BuildOptions(output=project / "m.pdf",
                                                          editions=("print",)))
    assert not [w for w in result.warnings if w.field == "hero.image"]
