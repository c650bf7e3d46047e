"""Print preflight: read any PDF with pikepdf and return findings against the print rules.

The library never prints; `report` formats a Report and `cli` is the command line.
"""

from brochure.preflight.check import UnreadablePdf, check_pdf
from brochure.preflight.model import Finding, Report

__all__ = ["Finding", "Report", "UnreadablePdf", "check_pdf"]
