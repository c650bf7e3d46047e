"""ReportLab paragraph styles made from the theme's type scale, in print or screen colour."""

from __future__ import annotations

from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from brochure.text import hyphenation
from brochure.theme.fonts import FontSet
from brochure.theme.model import Colour, Theme, TypeStyle

rl_config.hyphenationMinWordLength = 7  # short words are never broken
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def colour(c: Colour, screen: bool = False) -> Color:
    """The ReportLab colour for a theme colour: CMYK for print, sRGB for screen."""
    if screen:
        return HexColor(c.rgb)
    cyan, magenta, yellow, black = (v / 100 for v in c.cmyk)
    return CMYKColor(cyan, magenta, yellow, black)


def hyphenation_lang(language: str) -> str:
    return language.replace("-", "_")


class Styles:
    """Paragraph styles by role name ("body", "heading", ...) for one theme and language."""

    def __init__(self, theme: Theme, fonts: FontSet, language: str, screen: bool = False):
        self.theme, self.fonts, self.screen = theme, fonts, screen
        self.language = language
        self.dictionary = hyphenation_lang(language) if theme.hyphenate else ""
        if not hyphenation.available(self.dictionary):
            self.dictionary = ""  # no dictionary for this language: whole words only
        # on screen, whole words read better aloud (screen readers) and reflow cleanly
        self.hyphenation = "" if screen else self.dictionary
        if self.hyphenation:
            hyphenation.warm(self.hyphenation)
        self._cache: dict[tuple, ParagraphStyle] = {}

    def colour(self, name: str) -> Color:
        return colour(self.theme.colours[name], self.screen)

    def __call__(self, role: str, align: str = "left", scale: float = 1.0,
                 break_words: bool = False) -> ParagraphStyle:
        """The role's style; `scale` sets it smaller (size and leading), as figures that
        must fit their columns are. `break_words` hyphenates a role that normally is not (in
        both editions), for a word too wide for its column."""
        key = (role, align, scale, break_words)
        if key not in self._cache:
            self._cache[key] = self._make(role, align, scale, break_words)
        return self._cache[key]

    def _make(self, role: str, align: str, scale: float, break_words: bool) -> ParagraphStyle:
        spec = getattr(self.theme.type, role)
        if break_words and self.dictionary:
            hyphenation.warm(self.dictionary)
            return paragraph_style(role, align, spec, self.fonts.name(spec.weight),
                                   self.theme.colours[spec.colour], self.screen,
                                   self.dictionary, scale)
        hyphenate = role in ("body", "lead") and bool(self.hyphenation)
        return paragraph_style(role, align, spec, self.fonts.name(spec.weight),
                               self.theme.colours[spec.colour], self.screen,
                               self.hyphenation if hyphenate else "", scale)


@lru_cache(maxsize=256)
def paragraph_style(role: str, align: str, spec: TypeStyle, font: str, ink_colour: Colour,
                    screen: bool, hyphenation: str, scale: float = 1.0) -> ParagraphStyle:
    """One ParagraphStyle per distinct look, shared by every build in the process (so that
    paragraphs set in it can be shared too). Never modify the result."""
    ink = colour(ink_colour, screen)
    return ParagraphStyle(
        name=f"{role}-{align}" + (f"-{scale:g}" if scale != 1 else ""),
        fontName=font,
        fontSize=spec.size * scale,
        leading=spec.leading * scale,
        textColor=ink,
        alignment=ALIGN[align],
        allowWidows=0,
        allowOrphans=0,
        textTransform="uppercase" if spec.uppercase else None,
        hyphenationLang=hyphenation,
        uriWasteReduce=0.3 if hyphenation else 0,
        embeddedHyphenation=1,
        splitLongWords=0,
        spaceShrinkage=0,  # ragged right: never squeeze a line past its box
        linkUnderline=1 if screen else 0,  # on screen a link is not told by colour alone
        underlineColor=ink,
        strikeColor=ink,
    )
