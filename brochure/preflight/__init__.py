"""Print preflight: read any PDF with pikepdf and return findings against the print rules.

The library never prints; `report` formats a Report and `cli` is the command line.
"""

from brochure.preflight.check import check_pdf
from brochure.preflight.model import Finding, Report
from brochure.preflight.reading import UnreadablePdf

__all__ = ["Finding", "Report", "UnreadablePdf", "check_pdf"]
