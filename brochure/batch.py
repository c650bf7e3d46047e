"""Batch builds: one brochure per variant, in parallel worker processes.

`build_variant` is a pure top-level function of picklable arguments, so it runs equally in a
process pool, a Dask or Ray worker, or in-process. It never raises for content problems: they
come back in its VariantOutcome. `run_batch` refuses a bad variants file before building
anything, then builds every variant; one failing variant does not stop the others.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from brochure.build import BuildOptions, build_located, edition_path, prepare_located
from brochure.content.validate import read_text
from brochure.content.yamlpos import Located, load_yaml
from brochure.errors import BrochureError, Issue
from brochure.variants import (
    VEEVA,
    Variant,
    apply,
    load_variants,
    missing_id_issues,
    name_issues,
    shared_id_issues,
)

SUMMARY_HEADER = ("variant", "result", "pages", "seconds", "files", "notes")


@dataclass
class VariantOutcome:
    """What building one variant gave: its files, or why it failed."""

    name: str
    ok: bool
    paths: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def messages(self) -> list[str]:
        return self.errors + self.warnings


def options_dict(options: BuildOptions) -> dict[str, Any]:
    """The picklable BuildOptions fields a variant build needs (all but the output path)."""
    return {f.name: getattr(options, f.name) for f in fields(options) if f.name != "output"}


def build_variant(base_text: str, base_file: str, variant: Variant, out_dir: str,
                  options: dict[str, Any]) -> VariantOutcome:
    """Build one variant into out_dir/<name>.pdf (and <name>-digital.pdf)."""
    start = time.perf_counter()
    output = Path(out_dir) / f"{variant.name}.pdf"
    try:
        located = apply(_parsed(base_text, base_file), variant)
        result = build_located(located, BuildOptions(output=output, **options))
    except BrochureError as exc:
        errors = [str(i) for i in name_issues(variant, exc.issues)]
        return VariantOutcome(variant.name, False, seconds=time.perf_counter() - start,
                              errors=errors)
    failed = [f"{e.path} fails its {'preflight' if e.name == 'print' else 'accessibility'} "
              f"check — run `brochure check {e.path}`"
              for e in result.editions if e.report.verdict == "fail"]
    return VariantOutcome(variant.name, not failed, [str(e.path) for e in result.editions],
                          result.editions[0].pages, time.perf_counter() - start, failed,
                          [str(i) for i in name_issues(variant, result.warnings)])


@lru_cache(maxsize=2)
def _parsed(text: str, file: str) -> Located:
    """The base content, parsed once per worker (apply copies it before changing it)."""
    return load_yaml(text, file)


def run_batch(base_path: Path, variants_path: Path, out_dir: Path, options: BuildOptions,
              jobs: int | None = None,
              on_done: Callable[[VariantOutcome, int, int], None] | None = None,
              ) -> list[VariantOutcome]:
    """Build every variant of base_path; raise BrochureError if the variants file is wrong.

    Returns the outcomes in the variants file's order; on_done(outcome, done, total) is
    called in this process as each variant finishes.
    """
    base_text = read_text(Path(base_path))
    base = load_yaml(base_text, str(base_path))
    variants = load_variants(Path(variants_path))
    refuse_shared_ids(variants, base)
    opts = options_dict(options)
    tasks = [(base_text, str(base_path), v, str(out_dir), opts) for v in variants]
    workers = jobs or os.cpu_count() or 1
    if workers == 1 or len(tasks) <= 1:
        return _in_process(tasks, on_done)
    warm_up(base, options)
    return _in_pool(tasks, workers, on_done)


def check_batch(base_path: Path, variants_path: Path, options: BuildOptions,
                ) -> list[tuple[Variant, list[Issue], list[Issue]]]:
    """Everything a batch build checks, without writing: (variant, errors, warnings) for
    each variant, in the file's order; raise BrochureError if the variants file is wrong."""
    base = load_yaml(read_text(Path(base_path)), str(base_path))
    variants = load_variants(Path(variants_path))
    refuse_shared_ids(variants, base)
    results = []
    for variant in variants:
        try:
            warnings = prepare_located(apply(base, variant), options).warnings
            results.append((variant, [], name_issues(variant, warnings)))
        except BrochureError as exc:
            results.append((variant, name_issues(variant, exc.issues), []))
    return results


def refuse_shared_ids(variants: list[Variant], base: Located) -> None:
    """Raise if a variant's Veeva ID is another variant's or the base content's (a variant
    setting none inherits the base's), or if it has none at all."""
    compliance = base.data.get("compliance") if isinstance(base.data, dict) else None
    base_id = compliance.get(VEEVA[1]) if isinstance(compliance, dict) else None
    base_id = str(base_id).strip() if base_id else None
    issues = shared_id_issues(variants, base_id) + ([] if base_id else missing_id_issues(variants))
    if issues:
        raise BrochureError(issues)


def warm_up(base: Located, options: BuildOptions) -> None:
    """Before forking: build the base once, into a scratch folder, so that every worker
    starts with the modules, fonts, font subsets, photos and paragraphs already prepared."""
    # the base may only be complete with a variant's overrides: then there is no warm-up
    with tempfile.TemporaryDirectory(prefix="brochure-warm-up-") as scratch, \
            contextlib.suppress(BrochureError):
        build_located(base, replace(options, output=Path(scratch) / "base.pdf"))


def _in_process(tasks: list[tuple], on_done) -> list[VariantOutcome]:
    outcomes = []
    for task in tasks:
        outcomes.append(build_variant(*task))
        if on_done:
            on_done(outcomes[-1], len(outcomes), len(tasks))
    return outcomes


def _in_pool(tasks: list[tuple], workers: int, on_done) -> list[VariantOutcome]:
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    results: dict[int, VariantOutcome] = {}
    gc.freeze()  # what the warm-up made stays shared with the workers: their collector skips it
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(tasks)),
                                 mp_context=context) as pool:
            futures = {pool.submit(build_variant, *task): n for n, task in enumerate(tasks)}
            for done, future in enumerate(as_completed(futures), 1):
                n = futures[future]
                results[n] = _outcome(future, tasks[n][2])
                if on_done:
                    on_done(results[n], done, len(tasks))
    finally:
        gc.unfreeze()
    return [results[n] for n in range(len(tasks))]


def _outcome(future: Future, variant: Variant) -> VariantOutcome:
    """The future's outcome; a crash in a worker (a bug) fails that variant only."""
    try:
        return future.result()
    except Exception as exc:  # a bug or a dead worker: report it, keep the other results
        issue = Issue(f"variant '{variant.name}': internal error (a bug in brochure, not your "
                      f"content): {type(exc).__name__}: {exc}", variant.file, variant.line)
        return VariantOutcome(variant.name, False, errors=[str(issue)])


def summary_rows(outcomes: list[VariantOutcome]) -> list[tuple[str, str, str, str, str, str]]:
    """One row per variant, in the order of SUMMARY_HEADER, ready to print as a table (the
    messages themselves are printed in full after it: see grouped_warnings)."""
    return [(o.name, "ok" if o.ok else "FAILED", str(o.pages) if o.ok else "-",
             f"{o.seconds:.2f}", ", ".join(Path(p).name for p in o.paths), _notes(o))
            for o in outcomes]


def _notes(outcome: VariantOutcome) -> str:
    counts = [(len(outcome.errors), "problem"), (len(outcome.warnings), "warning")]
    return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts if n)


def grouped_warnings(outcomes: list[VariantOutcome]) -> list[tuple[str, list[str]]]:
    """Each distinct warning once (without its variant's name), with the variants it
    concerns, in the order first met."""
    groups: dict[str, list[str]] = {}
    for outcome in outcomes:
        for warning in outcome.warnings:
            text = warning.replace(f"variant '{outcome.name}': ", "", 1)
            groups.setdefault(text, []).append(outcome.name)
    return list(groups.items())


def expected_paths(out_dir: Path, variant: Variant, options: BuildOptions) -> list[Path]:
    """Where a variant's editions are written."""
    return [edition_path(Path(out_dir) / f"{variant.name}.pdf", e) for e in options.editions]
