"""The command line: the only module that prints or chooses exit codes."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from brochure.errors import BrochureError, ExitCode


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="make_pdf.py", description="Build a print-ready brochure PDF from a content file.")
    p.add_argument("content", nargs="?", default="content.yaml", type=Path,
                   help="the content file (default: content.yaml)")
    p.add_argument("-o", "--output", type=Path,
                   help="where to write the PDF (default: build/<content name>.pdf)")
    p.add_argument("--theme", type=Path, help="a theme file laid over the default theme")
    marks = p.add_mutually_exclusive_group()
    marks.add_argument("--marks", dest="marks", action="store_true", default=None,
                       help="draw crop marks (the default)")
    marks.add_argument("--no-marks", dest="marks", action="store_false",
                       help="no crop marks (for printers who impose their own)")
    p.add_argument("--preview", action="store_true",
                   help="also write a PNG of each page and a contact sheet beside the PDF")
    p.add_argument("--explain", action="store_true",
                   help="print the approval record stored in the PDF's metadata")
    p.add_argument("--check", action="store_true",
                   help="only validate the content and its files; write nothing")
    return p


def default_output(content: Path) -> Path:
    name = "brochure" if content.stem == "content" else content.stem
    return Path("build") / f"{name}.pdf"


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return _run(args)
    except BrochureError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        count = len(exc.issues)
        print(f"\n{count} problem{'s' if count != 1 else ''} to fix; no PDF was written.",
              file=sys.stderr)
        return ExitCode.CONTENT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception:
        print("internal error in brochure (this is a bug, not your content):", file=sys.stderr)
        traceback.print_exc(limit=-3, file=sys.stderr)
        return ExitCode.INTERNAL_ERROR


def _run(args: argparse.Namespace) -> int:
    from brochure.build import BuildOptions, build, check

    output = args.output or default_output(args.content)
    options = BuildOptions(output=output, crop_marks=args.marks, theme=args.theme)
    if args.check:
        warnings = check(args.content, options)
        _print_warnings(warnings)
        print(f"{args.content}: OK" + (f" ({len(warnings)} warnings)" if warnings else ""))
        return ExitCode.OK
    result = build(args.content, options)
    _print_warnings(result.warnings)
    print(f"Wrote {result.path} ({result.pages} page{'s' if result.pages != 1 else ''}, "
          f"{result.seconds * 1000:.0f} ms)")
    if result.preflight:
        from brochure.preflight.report import summary

        print(summary(result.preflight))
    if args.explain:
        for key, value in result.record.items():
            print(f"  {key}: {value}")
    if args.preview:
        from brochure.preview import write_previews

        for path in write_previews(result.path):
            print(f"Preview {path}")
    if result.preflight and result.preflight.verdict == "fail":
        print(f"Run `brochure check {result.path}` for the details.", file=sys.stderr)
        return ExitCode.PREFLIGHT_FAILED
    return ExitCode.OK


def brochure_main(argv: list[str] | None = None) -> int:
    """The `brochure` command: `brochure check FILE.pdf`, otherwise as make_pdf.py."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        from brochure.preflight.cli import main as check_main

        return check_main(argv[1:])
    if argv[:1] == ["build"]:
        argv = argv[1:]
    return main(argv)


def _print_warnings(warnings) -> None:
    for w in warnings:
        print(w, file=sys.stderr)
