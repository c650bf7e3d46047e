"""brochure: structured content (YAML) in, print-ready brochure PDF out."""

__version__ = "0.1.0"
