"""brochure: structured content (YAML) in, print-ready brochure PDF out."""

__version__ = "0.1.0"

from brochure import patterns as _patterns

_patterns.install()  # before any library below is imported: see brochure/patterns.py
