"""PDF/UA-1: the good tagged PDF passes; each bad one breaks one rule and check_ua names it."""

from __future__ import annotations

import pikepdf
import pytest
from tagged_pdfs import (
    FONT,
    GOOD_TREE,
    Elem,
    UaMaker,
    artifact,
    good_page,
    marked,
    set_xmp,
    untagged_text,
)

from brochure.preflight.reading import UnreadablePdf
from brochure.preflight.ua import check_ua


@pytest.fixture
def ua(tmp_path) -> UaMaker:
    return UaMaker(tmp_path)


def errors(path) -> set[str]:
    return {f.rule for f in check_ua(path).errors}


def only(path, rule: str) -> None:
    report = check_ua(path)
    assert {f.rule for f in report.errors} == {rule}, report.findings


def test_good_pdf_passes_quickly(ua):
    report = check_ua(ua.pdf("good", pages=2))
    assert report.findings == [] and report.verdict == "pass"
    assert report.pages == 2 and report.seconds < 0.1


def test_unreadable_file_raises(tmp_path):
    bad = tmp_path / "nope.pdf"
    bad.write_text("not a pdf")
    with pytest.raises(UnreadablePdf):
        check_ua(bad)


# -- document level ------------------------------------------------------------------------


def drop(*keys: str):
    def change(pdf: pikepdf.Pdf) -> None:
        for key in keys:
            del pdf.Root[key]
    return change


@pytest.mark.parametrize(("key", "rule"), [
    ("/MarkInfo", "ua.not-marked"),
    ("/Lang", "ua.lang"),
    ("/ViewerPreferences", "ua.display-doc-title"),
])
def test_missing_catalog_entry(ua, key, rule):
    only(ua.pdf("no" + key[1:], change=drop(key)), rule)


def test_marked_false_is_not_marked(ua):
    def unmark(pdf):
        pdf.Root.MarkInfo.Marked = False
    only(ua.pdf("unmarked", change=unmark), "ua.not-marked")


def test_no_struct_tree(ua):
    rules = errors(ua.pdf("no-tree", change=drop("/StructTreeRoot")))
    assert {"ua.no-struct-tree", "ua.mcid-unreferenced", "ua.annot-untagged"} <= rules


def test_xmp_without_title(ua):
    only(ua.pdf("no-title", change=lambda pdf: set_xmp(pdf, None, pdfua=True)), "ua.title")


def test_xmp_without_pdfua_id(ua):
    only(ua.pdf("no-pdfua", change=lambda pdf: set_xmp(pdf, "T", pdfua=False)), "ua.xmp-pdfua")


def test_no_xmp_at_all(ua):
    assert errors(ua.pdf("no-xmp", change=drop("/Metadata"))) == {"ua.title", "ua.xmp-pdfua"}


# -- content ---------------------------------------------------------------------------------


def test_untagged_text_counted_per_page(ua):
    report = check_ua(ua.pdf("untagged", good_page, untagged_text, untagged_text, pages=2))
    found = report.errors
    assert [(f.rule, f.page) for f in found] == [("ua.untagged-content", 1),
                                                 ("ua.untagged-content", 2)]
    assert found[0].message.startswith("2 painting operator")


def test_artifact_bdc_and_optional_content_bmc(ua):
    def page(c):
        good_page(c)
        c.addLiteral("/Artifact <</Type /Pagination>> BDC")
        c.drawString(20, 10, "Page 1")
        c.addLiteral("EMC")
        c.addLiteral("/OC /Layer BDC /Span BMC")  # marks that neither tag nor make artifacts
        c.rect(0, 0, 5, 5)
        c.addLiteral("EMC EMC")
    report = check_ua(ua.pdf("artifacts", page))
    assert [(f.rule, f.message[:11]) for f in report.errors] == [
        ("ua.untagged-content", "1 painting ")]


def test_named_properties_carry_the_mcid(ua):
    def page(c):
        good_page(c)
        c.addLiteral("/P /MC3 BDC")
        c.drawString(20, 40, "Named")
        c.addLiteral("EMC")

    def props(pdf):
        pdf.pages[0].obj.Resources.Properties = pikepdf.Dictionary(
            MC3=pikepdf.Dictionary(MCID=3))
    tree = (*GOOD_TREE, Elem("P", 3))
    assert check_ua(ua.pdf("named", page, tree=tree, change=props)).findings == []


def form_page(tag_the_form: bool, tag_inside: bool):
    def page(c):
        c.beginForm("box")
        if tag_inside:
            artifact(c, lambda c: c.rect(0, 0, 10, 10, fill=1))
        else:
            c.rect(0, 0, 10, 10, fill=1)
        c.endForm()
        good_page(c)
        if tag_the_form:
            marked(c, "P", 3, lambda c: c.doForm("box"))
        else:
            c.doForm("box")
    return page


@pytest.mark.parametrize(("tag_the_form", "tag_inside", "untagged"), [
    (True, False, False), (False, True, False), (False, False, True)])
def test_forms_inherit_the_tag_they_are_drawn_in(ua, tag_the_form, tag_inside, untagged):
    tree = (*GOOD_TREE, Elem("P", 3)) if tag_the_form else GOOD_TREE
    report = check_ua(ua.pdf("form", form_page(tag_the_form, tag_inside), tree=tree))
    assert [(f.rule, f.object) for f in report.errors] == (
        [("ua.untagged-content", "form FormXob.box")] if untagged else [])


def test_untagged_inline_image(ua):
    def inline(pdf):
        image = pdf.make_stream(b"q 10 0 0 10 100 100 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q")
        pdf.pages[0].contents_add(image, prepend=False)
    report = check_ua(ua.pdf("inline", change=inline))
    assert [(f.rule, f.message[:11]) for f in report.errors] == [
        ("ua.untagged-content", "1 painting ")]


def test_mcid_not_in_structure_tree(ua):
    def page(c):
        good_page(c)
        marked(c, "P", 7, untagged_text)
    report = check_ua(ua.pdf("orphan-mcid", page))
    assert [(f.rule, f.page) for f in report.errors] == [("ua.mcid-unreferenced", 1)]
    assert "MCID 7" in report.errors[0].message


def test_mcr_kid_references_mcid(ua):
    def mcr(pdf):
        page = pdf.pages[0].obj
        elem = pdf.Root.StructTreeRoot.K.K[1]
        elem.K = pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=1, Pg=page)
        del elem["/Pg"]
    assert check_ua(ua.pdf("mcr", change=mcr)).findings == []


# -- structure -------------------------------------------------------------------------------


def test_figure_without_alt(ua):
    tree = (Elem("H1", 0), Elem("P", 1), Elem("Figure", 2))
    only(ua.pdf("no-alt", tree=tree), "ua.figure-alt")


def test_figure_with_actual_text_passes(ua):
    tree = (Elem("H1", 0), Elem("P", 1), Elem("Figure", 2, {"/ActualText": "square"}))
    assert errors(ua.pdf("actual-text", tree=tree)) == set()


@pytest.mark.parametrize(("levels", "bad"), [
    (("H1", "H3", "P"), True),
    (("H2", "P", "P"), True),
    (("H1", "H2", "H3"), False),
    (("H", "H1", "H2"), False),
])
def test_heading_nesting(ua, levels, bad):
    tree = (Elem(levels[0], 0), Elem(levels[1], 1),
            Elem(levels[2], 2, {"/Alt": "square"}))
    assert ("ua.heading-nesting" in errors(ua.pdf("headings", tree=tree))) is bad


def test_heading_after_role_map(ua):
    tree = (Elem("H1", 0), Elem("Subhead", 1), Elem("Figure", 2, {"/Alt": "square"}))

    def role_map(pdf):
        pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary(Subhead=pikepdf.Name.H3)
    only(ua.pdf("role-map", tree=tree, change=role_map), "ua.heading-nesting")


# -- fonts -----------------------------------------------------------------------------------


def test_font_without_to_unicode(ua):
    def strip(pdf):
        for font in pdf.pages[0].obj.Resources.Font.values():
            del font["/ToUnicode"]
    only(ua.pdf("no-tounicode", change=strip), "ua.font-unicode")


def test_standard_font_not_embedded(ua):
    def page(c):
        good_page(c)
        c.setFont("Helvetica", 10)
        marked(c, "P", 3, lambda c: c.drawString(20, 40, "Helvetica"))
        c.setFont(FONT, 10)
    only(ua.pdf("helvetica", page, tree=(*GOOD_TREE, Elem("P", 3))), "ua.font-not-embedded")


# -- annotations -----------------------------------------------------------------------------


def link(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    return pdf.pages[0].obj.Annots[0]


def test_link_without_struct_parent(ua):
    only(ua.pdf("no-struct-parent", change=lambda pdf: link(pdf).__delitem__("/StructParent")),
         "ua.annot-untagged")


def test_link_struct_parent_not_in_parent_tree(ua):
    def dangling(pdf):
        link(pdf).StructParent = 99
    report = check_ua(ua.pdf("dangling", change=dangling))
    assert [f.rule for f in report.errors] == ["ua.annot-untagged"]
    assert "99" in report.errors[0].message


def test_link_without_contents_is_a_warning(ua):
    report = check_ua(ua.pdf("no-contents", change=lambda pdf: link(pdf).__delitem__("/Contents")))
    assert report.errors == [] and [f.rule for f in report.warnings] == ["ua.annot-contents"]


def test_page_with_annotations_needs_tabs(ua):
    only(ua.pdf("no-tabs", change=lambda pdf: pdf.pages[0].obj.__delitem__("/Tabs")), "ua.tabs")


def test_popup_needs_no_tag(ua):
    def popup(pdf):
        page = pdf.pages[0].obj
        page.Annots.append(pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Popup, Rect=[0, 0, 1, 1])))
    assert check_ua(ua.pdf("popup", change=popup)).findings == []


def _page_with_tagged_form(c):
    """The good page, plus a form whose own content is marked with MCID 0."""
    good_page(c)
    c.beginForm("Badge")
    marked(c, "P", 0, untagged_text)
    c.endForm()
    c.doForm("Badge")


def test_mcid_inside_a_form_must_be_in_the_structure_tree(ua):
    report = check_ua(ua.pdf("form-orphan-mcid", _page_with_tagged_form))
    assert [(f.rule, f.object) for f in report.errors] == [
        ("ua.mcid-unreferenced", "form FormXob.Badge")]


def test_mcr_with_stm_references_an_mcid_inside_a_form(ua):
    def reference_the_form(pdf):
        page = pdf.pages[0].obj
        form = next(x for x in page.Resources.XObject.values() if x.get("/Subtype") == "/Form")
        doc = pdf.Root.StructTreeRoot.K
        doc.K.append(pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=doc, Pg=page,
            K=pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=0, Stm=form))))
    report = check_ua(ua.pdf("form-mcr", _page_with_tagged_form, change=reference_the_form))
    assert [f for f in report.errors if f.rule == "ua.mcid-unreferenced"] == []
