"""Reading a PDF for a check: open it, run the check, time it, and turn any way the file
cannot be read into UnreadablePdf with a plain reason (shared by the print and UA checks)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pikepdf

from brochure.preflight.model import Finding, Report

# what a walk over a damaged file raises: objects missing, or of the wrong type
DAMAGED = (pikepdf.PdfError, AttributeError, KeyError, TypeError, ValueError)


class UnreadablePdf(Exception):
    """The file cannot be checked: missing, not a PDF, damaged or password-protected."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"cannot read {path}: {reason}")

    def __reduce__(self):  # (so that it crosses from the checks' helper process)
        return (UnreadablePdf, (self.path, self.reason))


def run_check(path, check: Callable[[pikepdf.Pdf], list[Finding]]) -> Report:
    """The Report of check() on the PDF at path; raise UnreadablePdf if it cannot be read."""
    start = time.perf_counter()
    with open_pdf(str(path)) as pdf:
        try:
            report = Report(str(path), len(pdf.pages), check(pdf))
        except DAMAGED as exc:
            raise UnreadablePdf(str(path), f"the PDF is damaged ({first_line(exc)})") from None
    report.seconds = time.perf_counter() - start
    return report


def open_pdf(path: str) -> pikepdf.Pdf:
    if not Path(path).is_file():
        reason = "it is a folder" if Path(path).is_dir() else "no such file"
        raise UnreadablePdf(path, reason)
    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError:
        raise UnreadablePdf(path, "it is encrypted and needs a password") from None
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise UnreadablePdf(path, f"not a PDF, or damaged ({first_line(exc)})") from None


def first_line(exc: Exception) -> str:
    """The first line of an exception's message (pikepdf's can run to many lines)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
