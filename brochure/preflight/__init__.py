"""Print preflight: read any PDF with pikepdf and return findings against the print rules.

The library never prints; `report` formats a Report and `cli` is the command line. The names
below load their modules when first used, so that importing the package (for Report, say)
does not load pikepdf.
"""

from __future__ import annotations

import importlib

_WHERE = {"check_pdf": "brochure.preflight.check", "Finding": "brochure.preflight.model",
          "Report": "brochure.preflight.model", "UnreadablePdf": "brochure.preflight.reading"}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)
