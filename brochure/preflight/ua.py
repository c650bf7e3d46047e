"""Accessibility preflight: the machine-checkable PDF/UA-1 rules (ISO 14289-1, a Matterhorn subset).

check_ua reads any PDF with pikepdf and owns the `ua.` rules: the document is marked and has a
structure tree, language, title and PDF/UA id; every piece of page content is tagged (has an
MCID the structure tree references) or is an artifact; figures have alternate text; headings
nest; fonts map to Unicode and are embedded; annotations are tagged and in structure order.
What needs a human — is the alt text right, is the reading order sensible — is not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pikepdf

from brochure.preflight import fonts
from brochure.preflight.boxes import inherited
from brochure.preflight.model import Finding, Report
from brochure.preflight.reading import first_line, run_check
from brochure.preflight.xmp import xmp_properties

PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
PAINT_OPS = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh"}
UNTAGGED_ANNOTS = {"/Popup", "/PrinterMark"}
HEADING = re.compile(r"^H(\d+)$")
MAX_DEPTH = 200  # structure nesting beyond this is a damaged (or hostile) tree

Key = tuple[int, int]


@dataclass
class Tree:
    """What the structure tree says: referenced MCIDs, parent tree keys, findings on elements."""

    referenced: set[tuple[Key, int]] = field(default_factory=set)
    parent_keys: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    headings: list[tuple[int, str, int]] = field(default_factory=list)  # level (0: H), S, page


def check_ua(path) -> Report:
    """Check the PDF at path against PDF/UA-1; raise UnreadablePdf if it cannot be read."""
    return run_check(path, _check)


def _check(pdf: pikepdf.Pdf) -> list[Finding]:
    numbers = {page.obj.objgen: n for n, page in enumerate(pdf.pages, 1)}
    tree = read_tree(pdf, numbers)
    findings = document(pdf) + tree.findings + _headings(tree.headings)
    walker = MarkWalker()
    seen_fonts: set = set()
    for number, page in enumerate(pdf.pages, 1):
        findings += _page(number, page, tree, walker, seen_fonts)
    return sorted(findings, key=lambda f: f.page)


# -- document level ------------------------------------------------------------------------


def document(pdf: pikepdf.Pdf) -> list[Finding]:
    """Catalog and metadata rules: MarkInfo, StructTreeRoot, Lang, DisplayDocTitle, XMP."""
    root, found = pdf.Root, []
    mark_info = root.get("/MarkInfo")
    if not (isinstance(mark_info, pikepdf.Dictionary) and mark_info.get("/Marked") is True):
        found.append(_doc("ua.not-marked", "MarkInfo",
                          "the catalog lacks /MarkInfo <</Marked true>>; mark the PDF as tagged"))
    if not isinstance(root.get("/StructTreeRoot"), pikepdf.Dictionary):
        found.append(_doc("ua.no-struct-tree", "StructTreeRoot",
                          "the PDF has no structure tree; tag the content"))
    if not str(root.get("/Lang", "")).strip():
        found.append(_doc("ua.lang", "Lang",
                          "the catalog has no /Lang; set the document language (e.g. en-GB)"))
    prefs = root.get("/ViewerPreferences")
    if not (isinstance(prefs, pikepdf.Dictionary) and prefs.get("/DisplayDocTitle") is True):
        found.append(_doc("ua.display-doc-title", "ViewerPreferences",
                          "/ViewerPreferences /DisplayDocTitle is not true; viewers will show "
                          "the file name instead of the title"))
    return found + _xmp(pdf)


def _xmp(pdf: pikepdf.Pdf) -> list[Finding]:
    properties = xmp_properties(pdf)
    title, part = properties.get(DC_TITLE, ""), properties.get(f"{{{PDFUA_NS}}}part", "")
    found = []
    if not title:
        found.append(_doc("ua.title", "XMP", "the XMP metadata has no dc:title; add the title"))
    if part != "1":
        found.append(_doc("ua.xmp-pdfua", "XMP",
                          "the XMP metadata lacks pdfuaid:part = 1; declare PDF/UA-1"))
    return found


def _doc(rule: str, obj: str, message: str) -> Finding:
    return Finding(rule, "error", 0, obj, message)


# -- structure tree ------------------------------------------------------------------------


def read_tree(pdf: pikepdf.Pdf, numbers: dict[Key, int]) -> Tree:
    """Walk the structure tree depth-first over /K, in document order."""
    tree = Tree()
    root = pdf.Root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        return tree
    tree.parent_keys = set(number_tree_keys(root.get("/ParentTree")))
    role_map = root.get("/RoleMap")
    role_map = role_map if isinstance(role_map, pikepdf.Dictionary) else pikepdf.Dictionary()
    walk = _TreeWalk(tree, numbers, role_map)
    walk.kids(root.get("/K"), None, 0)
    return tree


def number_tree_keys(node, depth: int = 0):
    """The integer keys of a number tree (its /Nums pairs, and those of its /Kids)."""
    if not isinstance(node, pikepdf.Dictionary) or depth > MAX_DEPTH:
        return
    nums = node.get("/Nums")
    if isinstance(nums, pikepdf.Array):
        yield from (int(k) for k in list(nums)[0::2] if isinstance(k, int))
    for kid in node.get("/Kids") or []:
        yield from number_tree_keys(kid, depth + 1)


class _TreeWalk:
    def __init__(self, tree: Tree, numbers: dict[Key, int], role_map: pikepdf.Dictionary):
        self.tree, self.numbers, self.role_map = tree, numbers, role_map
        self.visited: set[Key] = set()

    def kids(self, k, page, depth: int) -> None:
        items = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
        for kid in items:
            if isinstance(kid, int):
                self._mcid(page, kid)
            elif isinstance(kid, pikepdf.Dictionary):
                self._dict(kid, page, depth)

    def _dict(self, kid: pikepdf.Dictionary, page, depth: int) -> None:
        kind = kid.get("/Type")
        if kind == "/MCR" and isinstance(kid.get("/MCID"), int):
            stream = kid.get("/Stm")
            if isinstance(stream, pikepdf.Stream):  # marked content inside a form
                self.tree.referenced.add((stream.objgen, int(kid.MCID)))
            elif stream is None:
                self._mcid(kid.get("/Pg", page), int(kid.MCID))
        elif kind != "/OBJR" and "/S" in kid and depth < MAX_DEPTH:
            key = kid.objgen
            if key != (0, 0) and key in self.visited:
                return
            self.visited.add(key)
            self.element(kid, kid.get("/Pg", page), depth)

    def _mcid(self, page, mcid: int) -> None:
        if isinstance(page, pikepdf.Dictionary):
            self.tree.referenced.add((page.objgen, mcid))

    def element(self, elem: pikepdf.Dictionary, page, depth: int) -> None:
        role = self.standard_type(elem.get("/S"))
        number = self.numbers.get(page.objgen, 0) if isinstance(page, pikepdf.Dictionary) else 0
        if role == "Figure" and "/Alt" not in elem and "/ActualText" not in elem:
            self.tree.findings.append(Finding(
                "ua.figure-alt", "error", number, "Figure",
                "a Figure structure element has no /Alt text; describe the image "
                "(or make it an artifact if it is decoration)"))
        heading = HEADING.match(role)
        if heading or role == "H":
            self.tree.headings.append((int(heading.group(1)) if heading else 0, role, number))
        self.kids(elem.get("/K"), page, depth + 1)

    def standard_type(self, name) -> str:
        """The element's type after the RoleMap (followed a few steps; cycles stop)."""
        seen = set()
        while isinstance(name, pikepdf.Name) and name in self.role_map and name not in seen:
            seen.add(name)
            name = self.role_map[name]
        return str(name)[1:] if isinstance(name, pikepdf.Name) else ""


def _headings(headings: list[tuple[int, str, int]]) -> list[Finding]:
    """The first heading must be H1 (or H); going down, a level may not be skipped."""
    found, previous = [], 0
    for i, (level, role, page) in enumerate(headings):
        if i == 0 and level > 1:
            found.append(Finding("ua.heading-nesting", "error", page, role,
                                 f"the first heading is {role}, not H1"))
        elif previous and level > previous + 1:
            found.append(Finding("ua.heading-nesting", "error", page, role,
                                 f"heading levels jump from H{previous} to {role}; "
                                 "do not skip a level going down"))
        previous = level or previous
    return found


# -- pages -----------------------------------------------------------------------------------


def _page(number: int, page: pikepdf.Page, tree: Tree, walker: MarkWalker,
          seen_fonts: set) -> list[Finding]:
    obj = page.obj
    resources = inherited(obj, "/Resources")
    findings = _content(number, page, resources, tree, walker)
    findings += _fonts(number, obj, resources, seen_fonts)
    return findings + _annotations(number, obj, tree)


def _content(number: int, page: pikepdf.Page, resources, tree: Tree,
             walker: MarkWalker) -> list[Finding]:
    try:
        marks = walker.walk(page, resources)
    except (pikepdf.PdfError, ValueError, TypeError, KeyError) as exc:
        return [Finding("ua.untagged-content", "error", number, "content stream",
                        f"the page content cannot be parsed ({first_line(exc)})")]
    findings = []
    if marks.untagged:
        where = ", ".join(sorted(marks.untagged_in))
        findings.append(Finding(
            "ua.untagged-content", "error", number, where,
            f"{marks.untagged} painting operator(s) are neither tagged (in a sequence with an "
            "MCID) nor marked as /Artifact"))
    key = page.obj.objgen
    missing = {"content stream": sorted(m for m in marks.mcids if (key, m) not in tree.referenced)}
    for (form, mcid), where in sorted(marks.form_mcids.items()):
        if (form, mcid) not in tree.referenced:
            missing.setdefault(where, []).append(mcid)
    for where, mcids in missing.items():
        if mcids:
            shown = ", ".join(str(m) for m in mcids[:10]) + (" …" if len(mcids) > 10 else "")
            findings.append(Finding(
                "ua.mcid-unreferenced", "error", number, where,
                f"marked content with MCID {shown} is not referenced from the structure tree"))
    return findings


@dataclass
class Marks:
    """One page's marked-content facts: MCIDs used, and painting outside any tag or artifact."""

    mcids: set[int] = field(default_factory=set)
    form_mcids: dict[tuple[Key, int], str] = field(default_factory=dict)  # -> which form
    untagged: int = 0
    untagged_in: set[str] = field(default_factory=set)


class MarkWalker:
    """Walks a page and the forms it draws, tracking BMC/BDC/EMC nesting; forms parsed once."""

    def __init__(self):
        self._parsed: dict[Key, list] = {}
        self._active: set[Key] = set()

    def walk(self, page: pikepdf.Page, resources) -> Marks:
        marks = Marks()
        self._run(pikepdf.parse_content_stream(page), resources, "content stream", False,
                  marks, None)
        return marks

    def _run(self, instructions, resources, where: str, covered: bool, marks: Marks,
             form: Key | None) -> None:
        stack: list[bool] = []  # per open sequence: does it tag (MCID) or mark an artifact?
        for inst in instructions:
            op = str(inst.operator)
            if op in ("BMC", "BDC"):
                stack.append(self._covers(inst.operands, op, resources, marks, form, where))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in PAINT_OPS or op == "INLINE IMAGE" or op == "Do":
                inside = covered or any(stack)
                if op == "Do" and self._form(inst.operands, resources, where, inside, marks):
                    continue
                if not inside:
                    marks.untagged += 1
                    marks.untagged_in.add(where)

    def _covers(self, operands, op: str, resources, marks: Marks, form: Key | None,
                where: str) -> bool:
        if not operands or operands[0] == "/Artifact":
            return bool(operands)
        if op == "BMC" or len(operands) < 2:
            return False
        props = operands[1]
        if isinstance(props, pikepdf.Name):
            table = resources.get("/Properties") if resources is not None else None
            props = table.get(props) if isinstance(table, pikepdf.Dictionary) else None
        mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
        if not isinstance(mcid, int):
            return False
        if form is None:
            marks.mcids.add(int(mcid))
        else:  # an MCID in a form is the form's own: the tree names it with /Stm
            marks.form_mcids[(form, int(mcid))] = where
        return True

    def _form(self, operands, resources, where: str, covered: bool, marks: Marks) -> bool:
        """Walk a drawn form; True if it was a form (its own painting was counted)."""
        table = resources.get("/XObject") if resources is not None and operands else None
        xobj = table.get(operands[0]) if isinstance(table, pikepdf.Dictionary) else None
        if not isinstance(xobj, pikepdf.Stream) or xobj.get("/Subtype") != "/Form":
            return False
        key = xobj.objgen
        if key in self._active:
            return True
        if key == (0, 0) or key not in self._parsed:
            self._parsed[key] = pikepdf.parse_content_stream(xobj)
        self._active.add(key)
        try:
            self._run(self._parsed[key], xobj.get("/Resources", resources),
                      f"form {str(operands[0])[1:]}", covered, marks, key)
        finally:
            self._active.discard(key)
        return True


def _fonts(number: int, page: pikepdf.Dictionary, resources, seen: set) -> list[Finding]:
    findings = []
    for name, font in fonts.page_fonts(page, resources):
        key = font.objgen if font.objgen != (0, 0) else (name, id(font))
        if key in seen:
            continue
        seen.add(key)
        label = f"{name} {str(font.get('/BaseFont', '/(unnamed)'))[1:]}"
        if needs_to_unicode(font) and "/ToUnicode" not in font:
            findings.append(Finding("ua.font-unicode", "error", number, label,
                                    "the font has no /ToUnicode map, so its text cannot be "
                                    "read aloud or copied reliably"))
        if font.get("/Subtype") != "/Type3" and not fonts.is_embedded(font):
            findings.append(Finding("ua.font-not-embedded", "error", number, label,
                                    "the font is not embedded; embed it"))
    return findings


def needs_to_unicode(font: pikepdf.Dictionary) -> bool:
    """Type0 fonts always; TrueType fonts with no /Encoding or with /Differences."""
    subtype = font.get("/Subtype")
    if subtype == "/Type0":
        return True
    if subtype != "/TrueType":
        return False
    encoding = font.get("/Encoding")
    return encoding is None or (isinstance(encoding, pikepdf.Dictionary)
                                and "/Differences" in encoding)


def _annotations(number: int, page: pikepdf.Dictionary, tree: Tree) -> list[Finding]:
    annots = [a for a in page.get("/Annots") or [] if isinstance(a, pikepdf.Dictionary)]
    findings = []
    for i, annot in enumerate(annots, 1):
        kind = str(annot.get("/Subtype", "/Annot"))[1:]
        if f"/{kind}" in UNTAGGED_ANNOTS:
            continue
        label = f"{kind} annotation {i}"
        parent = annot.get("/StructParent")
        if not isinstance(parent, int):
            findings.append(Finding("ua.annot-untagged", "error", number, label,
                                    "the annotation has no /StructParent; tag it (an OBJR in "
                                    "a Link, Annot or Form element)"))
        elif int(parent) not in tree.parent_keys:
            findings.append(Finding("ua.annot-untagged", "error", number, label,
                                    f"the annotation's /StructParent {int(parent)} is not in "
                                    "the structure tree's /ParentTree"))
        if kind == "Link" and not str(annot.get("/Contents", "")).strip():
            findings.append(Finding("ua.annot-contents", "warning", number, label,
                                    "the link has no /Contents; describe where it goes"))
    if annots and page.get("/Tabs") != "/S":
        findings.append(Finding("ua.tabs", "error", number, "Tabs",
                                "the page has annotations but no /Tabs /S; set the tab order "
                                "to follow the structure"))
    return findings
