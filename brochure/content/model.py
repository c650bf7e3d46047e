"""The typed content model: what content.yaml may say. Unknown keys are errors."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from brochure.records import After, Before, Field, Record, Refused


def _scalar_to_text(value: object) -> object:
    """YAML reads `value: 600` as a number and `2025-07-01` as a date; both are text to us,
    as typed (YAML reads `0600` as the octal number 384)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return getattr(value, "written", str(value))
    if isinstance(value, date):
        return value.isoformat()
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab and newlines are fine


def _not_blank(value: str) -> str:
    value = value.strip()
    if not value:
        raise Refused("blank", "is empty")
    control = _CONTROL.search(value)
    if control:
        raise Refused(
            "control_character", f"contains the invisible control character "
            f"U+{ord(control[0]):04X} — delete it (it often comes with text copied out of "
            "another program)")
    return value


def _one_or_many(value: object) -> object:
    """Let a single paragraph be written without a list."""
    return [value] if isinstance(value, str) else value


Text = Annotated[str, Before(_scalar_to_text), After(_not_blank)]
Paragraphs = Annotated[list[Text], Before(_one_or_many), Field(min_length=1)]


WebAddress = Annotated[str, Field(strip=True, pattern=r"^https?://\S+\.\S+$")]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


class Strict(Record):
    """Unknown keys are errors and a read record cannot change (see brochure.records)."""


class Event(Strict):
    """Where and when the brochure is handed out (printed under the tagline)."""

    name: Text | None = None
    date: Text | None = None
    venue: Text | None = None


class Hero(Strict):
    image: Text = Field(description="Path to the photo, relative to this file (JPEG or PNG).")
    alt: Text | None = Field(None, description="What the photo shows, for screen readers.")
    credit: Text | None = Field(None, description="Photo credit printed under the photo.")
    attribution: Text | None = Field(None, description=(
        "Licence attribution the photo needs (e.g. CC BY), printed after the credit."))
    decorative: bool = Field(False, description="True if the photo carries no meaning (no alt).")


class Stat(Strict):
    value: Text = Field(description='The figure, e.g. "30+".', max_length=12)
    label: Text = Field(description="What the figure counts; at most three short lines.")
    icon: Text | None = Field(None, description="A built-in icon name or a path to an SVG/PNG.")
    alt: Text | None = Field(None, description="Alt text for the icon in the digital edition.")


class Initiative(Strict):
    title: Text
    body: Paragraphs = Field(description="Paragraphs; inline **bold**, *italic*, [label](url).")


class Initiatives(Strict):
    heading: Text | None = Field(None, description='Lead-in heading, e.g. "These include:".')
    items: list[Initiative] = Field(min_length=1)


class Quote(Strict):
    text: Text
    name: Text
    role: Text | None = None


class Link(Strict):
    label: Text
    url: WebAddress = Field(description="A full web address starting with https://")


class Compliance(Strict):
    veeva_id: Text = Field(description="The reference number from the review system (Veeva ID).",
                           examples=["GB-68353"])
    date_of_preparation: Text = Field(description='"July 2025" or "2025-07".',
                                      examples=["July 2025"])
    date_last_revised: Text | None = None
    expiry_date: Text | None = None
    status: Literal["draft", "in-review", "approved", "expired"] = Field(
        "draft", description="Review state; anything but approved prints a watermark.")
    material_type: Literal["corporate", "non-promotional", "promotional", "patient"] = "corporate"
    footer: Literal["every-page", "last-page"] = Field(
        "every-page", description="Where the reference and date are printed.")


class PrescribingInformation(Strict):
    text: Paragraphs | None = Field(None, description="The prescribing information as text.")
    url: WebAddress | None = Field(None, description="Or where it is online (printed as a QR).")


class PrintSettings(Strict):
    bleed_mm: float | None = Field(None, ge=0, le=10, description=(
        "Bleed on each side, in mm (default: 3, or 0.125 in for US Letter)."))
    crop_marks: bool = Field(True, description="Draw crop marks outside the bleed.")
    icc_profile: Text | None = Field(None, description=(
        "Your printer's CMYK profile (.icc), relative to this file; default ISO Coated v2 "
        "300% (FOGRA39)."))
    output_condition: Text | None = Field(None, description=(
        "The profile's output condition identifier, e.g. FOGRA51; required with icc_profile."))
    rendering_intent: Literal["perceptual", "relative"] = Field(
        "perceptual", description="How photos are converted to CMYK.")


class Brochure(Strict):
    """A brochure's content: the public contract of content.yaml."""

    title: Text
    tagline: Text | None = None
    language: Language = Field("en-GB", description="BCP 47 language tag, e.g. en-GB, de-DE.")
    format: Literal["A4", "A5", "Letter", "DL"] = Field(
        "A4", description="Page format: A4, A5, US Letter or DL (99 x 210 mm).")
    event: Event | None = None
    hero: Hero | None = None
    stats: list[Stat] = Field(default_factory=list, max_length=8)
    intro: Paragraphs | None = None
    initiatives: Initiatives | None = None
    quote: Quote | None = None
    links: list[Link] = Field(default_factory=list)
    prescribing_information: PrescribingInformation | None = Field(
        None, description="Required for promotional material.")
    adverse_events: Text | None = Field(
        None, description="The adverse-event reporting statement; required for promotional "
        "material.")
    compliance: Compliance
    print: PrintSettings = Field(default_factory=PrintSettings)
