"""The digital edition: trim size, sRGB, live links, bookmarks, tagged for screen readers."""

import pikepdf
import pytest

from brochure.build import BuildOptions, build
from brochure.content.validate import load_content
from tests.conftest import SEED_CONTENT
from tests.marked import mcid_texts
from tests.pdfread import normalise, page_texts, render
from tests.test_print_geometry import A4
from tests.test_seed_text import content_in_reading_order


@pytest.fixture(scope="module")
def digital(seed_digital):
    with pikepdf.open(seed_digital) as pdf:
        yield pdf


@pytest.fixture(scope="module")
def seed():
    return load_content(SEED_CONTENT)[0]


def elements(element, depth=0):
    """(depth, type, element) depth-first, in structure order."""
    yield depth, str(element.S)[1:], element
    for kid in element.get("/K", []):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR" \
                and "/S" in kid:
            yield from elements(kid, depth + 1)


def test_written_beside_the_print_edition_at_trim_size_under_400_kb(seed_digital, digital):
    assert seed_digital.stat().st_size < 400_000
    for page in digital.pages:
        x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
        assert (x1 - x0, y1 - y0) == pytest.approx(A4, abs=0.01)
        assert "/TrimBox" not in page.obj or [float(v) for v in page.TrimBox] == [
            float(v) for v in page.MediaBox]


def test_text_in_reading_order(seed_digital):
    text = normalise("".join(page_texts(seed_digital)))
    position = 0
    for part in content_in_reading_order():
        found = text.find(normalise(part), position)
        assert found >= 0, part[:60]
        position = found + len(normalise(part))


def test_structure_tree_sequence_and_alt_texts(digital, seed):
    root = digital.Root.StructTreeRoot.K[0]
    kinds = [kind for _, kind, _ in elements(root)]
    assert kinds[:5] == ["Document", "H1", "Figure", "P", "P"]
    assert kinds.count("LI") == 4 and kinds.count("H2") == 3 and kinds.count("H1") == 1
    assert "BlockQuote" in kinds and "Link" in kinds
    alts = [str(e.Alt) for _, kind, e in elements(root) if kind == "Figure"]
    assert alts == [seed.hero.alt] + [s.alt for s in seed.stats]


def test_each_stat_reads_as_figure_then_label(seed_digital, digital, seed):
    texts = mcid_texts(seed_digital, 0)
    bodies = [e for _, kind, e in elements(digital.Root.StructTreeRoot.K[0]) if kind == "LBody"]
    read = [" ".join(texts[int(k)] for k in body.K) for body in bodies]
    assert read == [f"{s.value} {s.label.replace(chr(39), '’')}" for s in seed.stats]


def test_headings_are_the_title_and_initiatives_and_make_the_bookmarks(digital, seed):
    with digital.open_outline() as outline:
        top = list(outline.root)
        assert [i.title for i in top] == [seed.title]
        assert [c.title for c in top[0].children] == [i.title for i in seed.initiatives.items]


def test_links_are_live_tagged_and_described(digital, seed):
    annots = [a for page in digital.pages for a in page.obj.get("/Annots", [])]
    assert {str(a.A.URI) for a in annots} == {link.url for link in seed.links}
    for annot in annots:
        assert "/StructParent" in annot and str(annot.Contents)
        assert "/Border" not in annot or list(annot.Border)[2] == 0
    links = [e for _, kind, e in elements(digital.Root.StructTreeRoot.K[0]) if kind == "Link"]
    objrs = [k.Obj for e in links for k in e.K if isinstance(k, pikepdf.Dictionary)]
    assert {o.objgen for o in objrs} == {a.objgen for a in annots}


def test_document_settings_for_assistive_technology(digital):
    assert digital.Root.MarkInfo.Marked is True
    assert digital.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(digital.Root.Lang) == "en-GB"
    assert all(page.obj.Tabs == "/S" for page in digital.pages)
    assert b"<pdfuaid:part>1</pdfuaid:part>" in digital.Root.Metadata.read_bytes()


def test_footer_is_an_artifact_except_once(seed_digital):
    first = mcid_texts(seed_digital, 0).values()
    last = mcid_texts(seed_digital, 1).values()
    assert not any("Veeva ID" in t for t in first)
    assert sum("Veeva ID: GB-68353" in t for t in last) == 1
    assert not any("Page " in t and " of " in t for t in [*first, *last])


def test_accessibility_check_passes(seed_digital):
    from brochure.preflight.ua import check_ua

    report = check_ua(seed_digital)
    assert [f.rule for f in report.findings if f.severity != "info"] == []


def test_paragraphs_and_headings_read_whole_words(digital, seed):
    """/ActualText keeps words whole where a line or a hyphen broke them."""
    root = digital.Root.StructTreeRoot.K[0]
    spoken = [str(e.ActualText) for _, kind, e in elements(root)
              if kind in ("H1", "H2", "P") and "/ActualText" in e]
    assert spoken[0] == seed.title
    intro = seed.intro[0]
    assert any(text == intro for text in spoken)
    assert all("\u00ad" not in text and "  " not in text for text in spoken)


def test_photo_without_alt_text(project):
    from brochure.build import BuildOptions, build, check
    from brochure.errors import BrochureError

    content = project / "content.yaml"
    content.write_text(content.read_text().replace(
        "  alt: Aerial view of Cambridge Biomedical Campus\n", ""))
    with pytest.raises(BrochureError) as caught:
        check(content, BuildOptions(output=project / "x.pdf"))
    assert caught.value.issues[0].field == "hero.alt"
    warnings = check(content, BuildOptions(output=project / "x.pdf", editions=("print",)))
    assert any(w.field == "hero.alt" for w in warnings)
    content.write_text(content.read_text().replace("hero:\n", "hero:\n  decorative: true\n"))
    result = build(content, BuildOptions(output=project / "x.pdf"))
    assert result.editions[1].report.verdict == "pass"


def test_a_link_in_a_paragraph_is_underlined_on_screen(project):
    """A link must not be told from its text by colour alone (WCAG 1.4.1): on screen it
    is underlined. The pixels along the bottom of its link area form one dark line."""
    content = project / "content.yaml"
    content.write_text(content.read_text().replace(
        "intro:\n", "intro:\n  - See [the partnership site](https://www.cam.ac.uk/partnership) "
                    "for the full story.\n"))
    out = project / "b.pdf"
    build(content, BuildOptions(output=out, editions=("digital",)))
    digital = out.with_name("b-digital.pdf")
    with pikepdf.open(digital) as pdf:
        page_no, rect = next((n, [float(v) for v in annot.Rect])
                             for n, page in enumerate(pdf.pages)
                             for annot in page.get("/Annots", [])
                             if "cam.ac.uk" in str(annot.A.get("/URI", "")))
        height = float(pdf.pages[page_no].MediaBox[3])
    image, scale = render(digital, page_no, 150), 150 / 72
    x0, x1 = round(rect[0] * scale) + 2, round(rect[2] * scale) - 2
    rows = range(round((height - rect[3]) * scale), round((height - rect[1]) * scale) + 4)
    darkest = max(sum(min(image.getpixel((x, y))) < 140 for x in range(x0, x1)) / (x1 - x0)
                  for y in rows)
    assert darkest > 0.9
