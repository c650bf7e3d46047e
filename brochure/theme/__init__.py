"""Brand: page format, margins, grid, colours (CMYK + screen RGB), type scale, fonts.

A theme is data (assets/themes/*.yaml); this package validates it and turns it into values
the layout and drawing stages use. A theme file may override only what differs from the
default theme.
"""

from brochure.theme.load import DEFAULT_THEME, load_theme
from brochure.theme.model import Colour, Theme, TypeStyle

__all__ = ["DEFAULT_THEME", "Colour", "Theme", "TypeStyle", "load_theme"]
