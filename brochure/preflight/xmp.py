"""XMP metadata properties of a PDF (ISO 16684-1), read with the standard library.

Only what the checks need: the simple properties of every rdf:Description, written as
attributes or as elements, and the default entry of a language alternative (dc:title).
Malformed or missing XMP reads as no properties; the checks report what is absent.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pikepdf

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONTAINERS = (f"{RDF}Alt", f"{RDF}Seq", f"{RDF}Bag")


def xmp_properties(pdf: pikepdf.Pdf) -> dict[str, str]:
    """'{namespace}name' -> text, for the document's XMP packet."""
    meta = pdf.Root.get("/Metadata")
    if not isinstance(meta, pikepdf.Stream):
        return {}
    try:
        root = ET.fromstring(meta.read_bytes())
    except (ET.ParseError, pikepdf.PdfError, ValueError):
        return {}
    properties: dict[str, str] = {}
    for description in root.iter(f"{RDF}Description"):
        for name, value in description.attrib.items():
            if not name.startswith(RDF):
                properties[name] = value.strip()
        for element in description:
            properties[element.tag] = _value(element)
    return properties


def _value(element: ET.Element) -> str:
    container = next((c for c in element if c.tag in CONTAINERS), None)
    if container is None:
        return (element.text or "").strip()
    items = container.findall(f"{RDF}li")
    if not items:
        return ""
    default = [i for i in items if i.get(XML_LANG) == "x-default"]
    chosen = default[0] if default else items[0]
    return (chosen.text or "").strip()
