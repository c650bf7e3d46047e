"""The theme's typed model: every design value the layout uses, nothing hard-coded."""

from __future__ import annotations

from typing import Annotated, Literal

from brochure.records import Field, Record

Percent = Annotated[float, Field(ge=0, le=100)]
HexRGB = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]


class Strict(Record):
    """Unknown keys are errors and a read record cannot change (see brochure.records)."""


class Colour(Strict):
    """A brand colour: CMYK percentages for print, sRGB hex for screen."""

    cmyk: tuple[Percent, Percent, Percent, Percent]
    rgb: HexRGB

    @property
    def total_ink(self) -> float:
        return sum(self.cmyk)


class Fonts(Strict):
    family: str
    regular: str = Field(description="TrueType file, relative to the theme file.")
    italic: str
    bold: str
    bold_italic: str


class Logo(Strict):
    """The brand mark, drawn top left on the photo or colour band, in one theme colour
    (a one-colour, reversed logo: in print it is that colour's CMYK)."""

    file: str = Field(description="SVG with paths or shapes, relative to the theme file.")
    colour: str = Field("paper", description="Theme colour name to draw it in.")
    height_mm: float = Field(9, gt=2, le=60)
    alt: str = Field("", description="What it says, for screen readers (empty: decorative).")


class TypeStyle(Strict):
    size: float = Field(gt=3, le=200, description="Font size in pt.")
    leading: float = Field(gt=3, le=240, description="Line spacing in pt.")
    weight: Literal["regular", "italic", "bold", "bold_italic"] = "regular"
    colour: str = "ink"
    uppercase: bool = False


class TypeScale(Strict):
    title: TypeStyle
    tagline: TypeStyle
    lead: TypeStyle
    body: TypeStyle
    kicker: TypeStyle
    heading: TypeStyle
    stat_value: TypeStyle
    stat_label: TypeStyle
    quote: TypeStyle
    quote_name: TypeStyle
    quote_role: TypeStyle
    link_label: TypeStyle
    link_url: TypeStyle
    credit: TypeStyle
    footer: TypeStyle
    event: TypeStyle = TypeStyle(size=10, leading=13, weight="bold", colour="primary")


class Page(Strict):
    name: str = "A4"
    width_mm: float = Field(210, gt=50, le=1200)
    height_mm: float = Field(297, gt=50, le=1200)
    bleed_mm: float = Field(3, ge=0, le=10, description="Default bleed for this format.")


class Margins(Strict):
    top_mm: float = Field(18, ge=0, le=100)
    bottom_mm: float = Field(24, ge=0, le=100)
    left_mm: float = Field(16, ge=0, le=100)
    right_mm: float = Field(16, ge=0, le=100)


class Grid(Strict):
    columns: int = Field(12, ge=1, le=24)
    gutter_mm: float = Field(5, ge=0, le=50)
    body_columns: int = Field(2, ge=1, le=4, description="Text columns for the running text.")


class HeroStyle(Strict):
    height_mm: float = Field(105, ge=30, le=400, description="Height of the photo.")
    band_mm: float = Field(62, ge=20, le=400,
                           description="Height of the colour band used when there is no photo.")
    shade_colour: str = "shade"
    shade_max_opacity: float = Field(0.7, ge=0, le=1)
    shade_fraction: float = Field(0.55, ge=0, le=1, description="Share of the photo shaded.")


class StatStyle(Strict):
    icon_mm: float = Field(13, gt=0, le=60)
    panel_colour: str = "tint"
    rule_colour: str = "accent"
    icon_colour: str = "accent"
    max_label_lines: int = Field(3, ge=1, le=10)
    padding_mm: float = Field(7, ge=0, le=40)
    min_cell_mm: float = Field(32, gt=0, description="Narrowest stat column before the band wraps.")


class FooterStyle(Strict):
    baseline_mm: float = Field(10, ge=0, le=60, description="Footer baseline above the trim edge.")
    rule_mm: float = Field(14, ge=0, le=60, description="Hairline above the trim edge.")
    rule_colour: str = "muted"


class Theme(Strict):
    """Everything that decides the look, loaded from a theme file."""

    name: str
    page: Page = Field(default_factory=Page)
    margins: Margins = Field(default_factory=Margins)
    grid: Grid = Field(default_factory=Grid)
    space_mm: float = Field(4, gt=0, le=20, description="The spacing unit between blocks.")
    colours: dict[str, Colour]
    fonts: Fonts
    type: TypeScale
    logo: Logo | None = None
    hero: HeroStyle = Field(default_factory=HeroStyle)
    stats: StatStyle = Field(default_factory=StatStyle)
    footer: FooterStyle = Field(default_factory=FooterStyle)
    safe_mm: float = Field(5, ge=0, le=20, description="Nothing readable closer to the trim.")
    veeva_id_pattern: str = Field(r"^[A-Z]{2}-\d{4,8}$",
                                  description="The company's reference-number format (regex).")
    hyphenate: bool = True
