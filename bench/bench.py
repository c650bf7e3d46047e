"""Speed and memory of the seed brochure's print edition, against the targets in the issue.

    .venv/bin/python bench/bench.py            # everything (about 4 minutes on 2 cores)
    .venv/bin/python bench/bench.py --quick    # fewer repeats (about 1 minute)

Measures: a cold build as a whole process (`python make_pdf.py`), a warm rebuild in one
process (what --watch does), a batch of variants across the cores, and peak memory over
many builds in one process. Prints a table and the machine it ran on.

Times are given as "median (best)": on a shared virtual machine other tenants slow some runs
down, so the median says what to expect and the best says what the code costs.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from brochure.batch import run_batch  # noqa: E402
from brochure.build import BuildOptions, build  # noqa: E402

CONTENT = ROOT / "content.yaml"
PRINT_ONLY = ("print",)


def cold_process(runs: int, out: Path,
                 empty_cache: bool = False) -> tuple[list[float], list[float]]:
    """Wall and CPU times of `python make_pdf.py` as a new process (print edition; the CPU
    time includes the helper process that loads the checks): with the cache folder as
    earlier builds left it (parsed fonts, converted photo...), or empty (the first build of
    a brochure on a machine)."""
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "BROCHURE_CACHE": cache} if empty_cache else None
            cpu = _children_cpu()
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "make_pdf.py"), str(CONTENT), "-o",
                            str(out), "--edition", "print"], check=True, capture_output=True,
                           env=env)
            walls.append(time.perf_counter() - start)
            cpus.append(_children_cpu() - cpu)
    return walls, cpus


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def warm_rebuild(runs: int, out: Path) -> list[float]:
    """Times of a rebuild in a process that has built once already."""
    options = BuildOptions(output=out, editions=PRINT_ONLY)
    build(CONTENT, options)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build(CONTENT, options)
        times.append(time.perf_counter() - start)
    return times


def batch(count: int, folder: Path) -> tuple[float, float]:
    """Brochures per second, and CPU seconds per brochure, for `count` variants."""
    variants = folder / "variants.csv"
    rows = ["name,compliance.veeva_id,event.name"]
    rows += [f"v{n:03d},GB-{70000 + n},Event {n}" for n in range(count)]
    variants.write_text("\n".join(rows) + "\n")
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    outcomes = run_batch(CONTENT, variants, folder / "out", BuildOptions(
        output=folder / "x.pdf", editions=PRINT_ONLY))
    wall = time.perf_counter() - start
    assert all(o.ok for o in outcomes), [o.errors for o in outcomes if not o.ok][:1]
    return count / wall, (_cpu_seconds() - cpu_before) / count


def spread(values: list[float], form: str, best=min) -> str:
    """'median (best)' of repeated measurements."""
    return f"{form.format(statistics.median(values))} ({form.format(best(values))})"


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def memory(builds: int, out: Path) -> tuple[float, float]:
    """Peak RSS (MB) after the first 10 builds and after `builds` builds, in one process."""
    options = BuildOptions(output=out, editions=PRINT_ONLY)
    for n in range(builds):
        build(CONTENT, options)
        if n == 9:
            early = _peak_mb()
    return early, _peak_mb()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path(
            "/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--quick", action="store_true", help="fewer repeats")
    quick = args.parse_args().quick
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "bench.pdf"
        cold, cold_cpu = cold_process(5 if quick else 15, out)
        first, _ = cold_process(3 if quick else 5, out, empty_cache=True)
        warm = [t * 1000 for t in warm_rebuild(10 if quick else 30, out)]
        rows = [
            ("cold build, whole process", spread(cold, "{:.2f} s"), "< 0.35 s"),
            ("  its CPU time (both processes)", spread(cold_cpu, "{:.2f} s"), ""),
            ("  the same, empty cache folder", spread(first, "{:.2f} s"), "(first build)"),
            ("warm rebuild (watch mode)", spread(warm, "{:.0f} ms"), "< 50 ms"),
        ]
        runs = [batch(40 if quick else 200, folder) for _ in range(1 if quick else 3)]
        rows.append(("batch of variants, 2 cores", spread([r for r, _ in runs], "{:.0f}/s",
                                                          best=max), ">= 50/s"))
        rows.append(("  CPU per brochure", spread([c * 1000 for _, c in runs], "{:.0f} ms"),
                     "< 20 ms"))
        early, late = memory(100 if quick else 1000, out)
        rows.append(("peak memory after 10 builds", f"{early:.0f} MB", "< 120 MB"))
        rows.append((f"peak memory after {100 if quick else 1000} builds", f"{late:.0f} MB",
                     "flat"))
    print(f"Machine: {machine()}\n")
    print(f"{'measure':<32} {'median (best)':>18}   target")
    for name, value, target in rows:
        print(f"{name:<32} {value:>18}   {target}")


if __name__ == "__main__":
    main()
