"""The command line: the only module that prints or chooses exit codes."""

from __future__ import annotations

import argparse
import signal
import sys
import traceback
from pathlib import Path

from brochure.errors import BrochureError, ExitCode

CHECK_NAMES = {"print": "preflight", "digital": "accessibility (PDF/UA)"}


class _Parser(argparse.ArgumentParser):
    """argparse, with exit code 64 (ExitCode.USAGE) for a wrong command line, so that a
    script can tell it from content that needs fixing (2)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message}\n")

FORMATS = ("A4", "A5", "Letter", "DL")


def _format_name(text: str) -> str:
    """A format name in any case ("a4", "letter") as the formats are named."""
    return next((name for name in FORMATS if name.lower() == text.lower()), text)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="make_pdf.py", description="Build a print-ready brochure PDF from a content file.")
    p.add_argument("content", nargs="?", default="content.yaml", type=Path,
                   help="the content file (default: content.yaml)")
    p.add_argument("-o", "--output", type=Path,
                   help="where to write the PDF (default: build/<content name>.pdf)")
    p.add_argument("--theme", type=Path, help="a theme file laid over the default theme")
    p.add_argument("--format", dest="page_format", choices=FORMATS, type=_format_name,
                   help="page format (default: the content's `format`, else A4)")
    p.add_argument("--edition", choices=("both", "print", "digital"), default="both",
                   help="which PDF to write: print (CMYK, bleed, marks), digital (screen, "
                        "tagged, live links; OUT-digital.pdf) or both (the default)")
    marks = p.add_mutually_exclusive_group()
    marks.add_argument("--marks", dest="marks", action="store_true", default=None,
                       help="draw crop marks (the default)")
    marks.add_argument("--no-marks", dest="marks", action="store_false",
                       help="no crop marks (for printers who impose their own)")
    p.add_argument("--preview", action="store_true",
                   help="also write a PNG of each page and a contact sheet beside the PDF")
    p.add_argument("--explain", action="store_true",
                   help="print the approval record stored in the PDF's metadata")
    p.add_argument("--variants", type=Path, metavar="FILE",
                   help="build every variant in FILE (YAML or CSV) into build/variants/")
    p.add_argument("--jobs", type=int, metavar="N",
                   help="variants built at once (default: one per CPU core)")
    p.add_argument("--watch", action="store_true",
                   help="rebuild whenever the content, theme or an image changes (Ctrl-C stops)")
    p.add_argument("--check", action="store_true",
                   help="only validate the content and its files (with --variants: every "
                        "variant); write nothing")
    return p


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line's arguments; a combination that cannot work is a usage error."""
    p = parser()
    args = p.parse_args(argv)
    if args.variants and (args.watch or args.explain):
        p.error("--variants builds a batch: it cannot be combined with --watch or --explain")
    if args.jobs is not None and (not args.variants or args.jobs < 1):
        p.error("--jobs N needs --variants FILE and N of 1 or more")
    if args.watch and args.check:
        p.error("--watch rebuilds; --check writes nothing: use one of them")
    if args.preview and args.check:
        p.error("--check writes nothing, so there is nothing to --preview: use one of them")
    return args


def default_output(content: Path) -> Path:
    name = "brochure" if content.stem == "content" else content.stem
    return Path("build") / f"{name}.pdf"


def main(argv: list[str] | None = None, checks_ahead: bool = False) -> int:
    """The command line; `checks_ahead` (for a real command, not a caller in a process that
    goes on) loads the checks in a helper process while a one-off build runs."""
    args = parse(argv)
    helped = checks_ahead and not (args.watch or args.variants or args.check)
    if helped:
        from brochure.preflight import ahead

        ahead.start()
    try:
        return _reported(args)
    finally:
        if helped:
            ahead.stop()


def _reported(args: argparse.Namespace) -> int:
    """Run the command; print problems (never a traceback for the user's mistakes) and
    return the exit code."""
    try:
        return _run(args)
    except BrochureError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        count = len(exc.issues)
        print(f"\n{_count(count, 'problem')} to fix; no PDF was written.",
              file=sys.stderr)
        return ExitCode.CONTENT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception:
        print("internal error in brochure (this is a bug, not your content):", file=sys.stderr)
        traceback.print_exc(limit=-3, file=sys.stderr)
        return ExitCode.INTERNAL_ERROR


def _run(args: argparse.Namespace) -> int:
    from brochure.build import BuildOptions, check

    output = args.output or default_output(args.content)
    editions = ("print", "digital") if args.edition == "both" else (args.edition,)
    options = BuildOptions(output=output, crop_marks=args.marks, theme=args.theme,
                           editions=editions, page_format=args.page_format)
    if args.check and args.variants:
        return _check_batch(args, options)
    if args.check:
        warnings = check(args.content, options)
        _print_warnings(warnings)
        noted = f" ({_count(len(warnings), 'warning')})" if warnings else ""
        print(f"{args.content}: OK{noted}")
        return ExitCode.OK
    if args.variants:
        return _run_batch(args, options, output.parent / "variants")
    if args.watch:
        return _run_watch(args, options)
    return _run_build(args, options)


def _check_batch(args: argparse.Namespace, options) -> int:
    from brochure.batch import check_batch

    failed = 0
    for variant, errors, warnings in check_batch(args.content, args.variants, options):
        _print_warnings(warnings)
        for issue in errors:
            print(issue, file=sys.stderr)
        failed += bool(errors)
        print(f"{variant.name}: " + (_count(len(errors), "problem") if errors else "OK"))
    if failed:
        print(f"\n{_count(failed, 'variant')} to fix; nothing was written.", file=sys.stderr)
    return ExitCode.CONTENT_ERROR if failed else ExitCode.OK


def _run_build(args: argparse.Namespace, options) -> int:
    from brochure.build import build

    result = build(args.content, options)
    _print_warnings(result.warnings)
    _report(result)
    if args.explain:
        for key, value in result.record.items():
            print(f"  {key}: {value}")
    if args.preview:
        from brochure.preview import write_previews

        for edition in result.editions:
            for path in write_previews(edition.path):
                print(f"Preview {path}")
    failed = [e for e in result.editions if e.report.verdict == "fail"]
    for edition in failed:
        flag = " --accessibility" if edition.name == "digital" else ""
        print(f"{edition.path} fails its {CHECK_NAMES[edition.name]} check — run "
              f"`brochure check{flag} {edition.path}` for the details.", file=sys.stderr)
    return ExitCode.PREFLIGHT_FAILED if failed else ExitCode.OK


def _report(result) -> None:
    from brochure.preflight.report import summary

    for edition in result.editions:
        size = edition.path.stat().st_size / 1024
        print(f"Wrote {edition.path} ({edition.name}, {edition.pages} "
              f"page{'s' if edition.pages != 1 else ''}, {size:.0f} KB)")
        print("  " + summary(edition.report, CHECK_NAMES[edition.name]))
    print(f"Done in {result.seconds * 1000:.0f} ms")


def _run_batch(args: argparse.Namespace, options, out_dir: Path) -> int:
    from brochure.batch import SUMMARY_HEADER, grouped_warnings, run_batch, summary_rows

    def progress(outcome, done: int, total: int) -> None:
        bar = "#" * round(20 * done / total)
        state = "ok" if outcome.ok else "FAILED"
        print(f"[{bar:<20}] {done}/{total}  {outcome.name}: {state}", flush=True)

    outcomes = run_batch(args.content, args.variants, out_dir, options, args.jobs, progress)
    rows = [SUMMARY_HEADER, *summary_rows(outcomes)]
    widths = [min(max(len(r[i]) for r in rows), 60) for i in range(len(SUMMARY_HEADER))]
    print()
    for row in rows:
        print("  ".join(cell[:60].ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    _print_grouped_warnings(grouped_warnings(outcomes), len(outcomes))
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        print(f"\n{outcome.name}:", *outcome.errors, sep="\n  ", file=sys.stderr)
    if args.preview:
        _preview_variants(outcomes)
    built = len(outcomes) - len(failed)
    print(f"\n{built} of {_count(len(outcomes), 'variant')} built in {out_dir}")
    return ExitCode.CONTENT_ERROR if failed else ExitCode.OK


def _preview_variants(outcomes) -> None:
    """Page pictures and a contact sheet for each built variant's PDFs."""
    from brochure.preview import write_previews

    print()
    for outcome in outcomes:
        for pdf in outcome.paths:
            try:
                sheet = write_previews(Path(pdf))[-1]
            except Exception as exc:  # a picture that cannot be made leaves the PDFs as built
                print(f"no preview of {pdf}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            print(f"Preview {sheet} (and a picture of each page beside it)")


def _run_watch(args: argparse.Namespace, options) -> int:
    from brochure.watch import watch

    def on_event(kind: str, payload) -> None:
        if kind == "changed":
            print(f"Changed: {', '.join(p.name for p in payload)}", flush=True)
        elif kind == "built":
            _print_warnings(payload.warnings)
            _report(payload)
            if args.preview:
                from brochure.preview import write_previews

                for edition in payload.editions:
                    write_previews(edition.path)
        elif kind == "error":
            for issue in payload:
                print(issue, file=sys.stderr)
            print("Not rebuilt; the last good PDF is still in place. Waiting for changes…",
                  file=sys.stderr, flush=True)
        elif kind == "crashed":
            print(f"internal error (a bug): {payload!r}; still watching", file=sys.stderr)

    print(f"Watching {args.content} (Ctrl-C to stop)", flush=True)
    watch(args.content, options, on_event)
    return ExitCode.OK


def brochure_main(argv: list[str] | None = None) -> int:
    """The `brochure` command: `brochure check FILE.pdf`, otherwise as make_pdf.py."""
    real_command, argv = argv is None, sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        from brochure.preflight.cli import main as check_main

        if real_command:  # `brochure check x.pdf | head` ends quietly (a build never does:
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # it talks to its helper by pipe)
        return check_main(argv[1:])
    if argv[:1] == ["build"]:
        argv = argv[1:]
    return main(argv, checks_ahead=real_command)


def _count(n: int, noun: str) -> str:
    """'1 warning', '2 warnings'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _print_grouped_warnings(groups: list[tuple[str, list[str]]], variants: int) -> None:
    """Each warning once, in full, with the variants it concerns."""
    for text, names in groups:
        which = f"all {variants} variants" if len(names) == variants > 1 else ", ".join(names)
        print(f"\n{text}\n  ({which})", file=sys.stderr)


def _print_warnings(warnings) -> None:
    for w in warnings:
        print(w, file=sys.stderr)
