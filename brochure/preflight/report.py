"""Turn a Report into text for a terminal: findings grouped by page, and a one-line summary."""

from __future__ import annotations

from itertools import groupby

from brochure.preflight.model import Finding, Report

MARK = {"error": "ERROR", "warning": "warn ", "info": "info "}


def summary(report: Report, check: str = "preflight") -> str:
    """e.g. 'preflight: pass (0 errors, 2 warnings)'; `check` names the check."""
    errors, warnings = report.count("error"), report.count("warning")
    return (f"{check}: {report.verdict} ({errors} error{_s(errors)}, "
            f"{warnings} warning{_s(warnings)})")


def format_text(report: Report, show_info: bool = True, check: str = "preflight") -> str:
    """A readable report: the file, then each page's findings, errors first; then the summary."""
    pages = f"{report.pages} page{_s(report.pages)}"
    lines = [f"{report.path} ({pages}, checked in {report.seconds * 1000:.0f} ms)"]
    shown = [f for f in report.findings if show_info or f.severity != "info"]
    for page, group in groupby(shown, key=lambda f: f.page):
        lines.append("")
        lines.append("document" if page == 0 else f"page {page}")
        lines += [_line(f) for f in group]
    lines += ["", summary(report, check)]
    return "\n".join(lines)


def _line(f: Finding) -> str:
    return f"  {MARK.get(f.severity, f.severity)} {f.rule}  [{f.object}]  {f.message}"


def _s(n: int) -> str:
    return "" if n == 1 else "s"
