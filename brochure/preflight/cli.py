"""The preflight command line: `python -m brochure.preflight FILE.pdf [--json]`.

The only preflight module that prints. Exit codes: 0 pass or warnings, 3 errors found,
2 the file cannot be read, 64 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys

from brochure.errors import ExitCode
from brochure.preflight.check import check_pdf
from brochure.preflight.reading import UnreadablePdf
from brochure.preflight.report import format_text

UNREADABLE = 2


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m brochure.preflight",
        description="Check a PDF against the print-ready rules (PDF/X-4, GWG sheet-fed).")
    p.add_argument("pdf", help="the PDF to check (any PDF, not only ours)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--ink-limit", type=float, default=300,
                   help="total area coverage limit in %% (default: 300)")
    p.add_argument("--bleed-mm", type=float, default=3,
                   help="bleed required on each side, in mm (default: 3)")
    p.add_argument("--accessibility", action="store_true",
                   help="check the PDF/UA-1 accessibility rules instead (digital editions)")
    p.add_argument("--quiet-info", action="store_true",
                   help="leave info lines out of the text report")
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # --help exits 0; a usage error exits non-zero
        return ExitCode.OK if not exc.code else ExitCode.USAGE
    try:
        if args.accessibility:
            from brochure.preflight.ua import check_ua

            report = check_ua(args.pdf)
        else:
            report = check_pdf(args.pdf, ink_limit=args.ink_limit, bleed_mm=args.bleed_mm)
    except UnreadablePdf as exc:
        print(f"{'accessibility' if args.accessibility else 'preflight'}: {exc}",
              file=sys.stderr)
        return UNREADABLE
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        check = "accessibility (PDF/UA)" if args.accessibility else "preflight"
        print(format_text(report, show_info=not args.quiet_info, check=check))
        if not args.accessibility and _looks_like_a_screen_pdf(report):
            print(f"\nThis PDF has RGB colour and no printing profile. If it is meant for "
                  f"screens (a digital edition), the print rules above do not apply: check "
                  f"it with  brochure check --accessibility {shlex.quote(str(args.pdf))}")
    return ExitCode.PREFLIGHT_FAILED if report.verdict == "fail" else ExitCode.OK


def _looks_like_a_screen_pdf(report) -> bool:
    rules = {f.rule for f in report.findings}
    return "pdfx.output-intent" in rules and bool(
        rules & {"colour.rgb-operator", "colour.rgb-image"})
