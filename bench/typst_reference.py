"""Times Typst on this machine, on a brochure like the seed one, to calibrate bench.py.

The issue's speed targets were set against Typst's figures on "a 2-core machine" (about
125 ms as a whole process, 45 ms per document in a warm process). Shared virtual machines
differ by a factor of two or more, so this script measures Typst here on the same content:
the seed text, photo, icons and Lato fonts, two A4 pages. Our figures are then read against
Typst's on the same machine, not against numbers from another one.

Typst is not a dependency of brochure: put its Python binding (`pip install typst`, which
embeds the compiler) in a scratch virtual environment and pass that environment's python:

    python3 -m venv /tmp/typst && /tmp/typst/bin/pip install typst
    .venv/bin/python bench/typst_reference.py --python /tmp/typst/bin/python
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "assets" / "fonts"


def typst_source(content: dict) -> str:
    """A Typst document with the seed brochure's parts: photo, tagline, stat band with
    icons, introduction, initiatives in two columns, pull quote, link and footer."""
    stats = ", ".join(
        f"[#image(\"{ROOT}/assets/icons/{s['icon']}.svg\", height: 11mm) "
        f"#text(26pt, weight: \"bold\")[{_esc(s['value'])}] \\ {_esc(s['label'])}]"
        for s in content["stats"])
    sections = "\n".join(
        f"=== {_esc(item['title'])}\n" + "\n\n".join(_esc(p) for p in item["body"])
        for item in content["initiatives"]["items"])
    quote, footer = content["quote"], content["compliance"]
    return f"""
#set page(paper: "a4", margin: (x: 18mm, top: 15mm, bottom: 22mm),
  footer: text(7pt)[{_esc(footer['veeva_id'])} #h(1fr) Date of preparation: \
{_esc(footer['date_of_preparation'])}])
#set text(font: "Lato", size: 10pt, lang: "en", hyphenate: true)
#set par(justify: false, leading: 0.6em)
#image("{ROOT}/{content['hero']['image']}", width: 100%, height: 85mm, fit: "cover")
#text(6.5pt)[{_esc(content['hero']['credit'])}]

#text(22pt, weight: "bold")[{_esc(content['tagline'])}]
#grid(columns: (1fr,) * 4, gutter: 6mm, {stats})

{chr(10).join(_esc(p) for p in content['intro'])}

== {_esc(content['initiatives']['heading'])}
#columns(2)[
{sections}
]
#block(inset: 8mm, fill: rgb("#e8eef4"))[#text(14pt, style: "italic")[{_esc(quote['text'])}]
\\ {_esc(quote['name'])}, {_esc(quote['role'])}]
#link("{content['links'][0]['url']}")[{_esc(content['links'][0]['label'])}]
"""


def _esc(text) -> str:
    """Text (or a date, as YAML may load one) as Typst markup, special characters escaped."""
    text = str(text)
    for char in "\\#*_`$<>@[]=-+/~":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


WHOLE = """
import sys, typst
typst.compile(sys.argv[1], output=sys.argv[1] + ".pdf", root="/", font_paths=[sys.argv[2]])
"""

WARM = """
import pathlib, sys, time, typst
source, fonts, veeva_id = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[4]
runs = int(sys.argv[3])
text = source.read_text(encoding="utf-8")
compiler = typst.Compiler(str(source), root="/", font_paths=[fonts])
compiler.compile()
for n in range(runs):
    source.write_text(text.replace(veeva_id, f"GB\\\\-{70000 + n}"), encoding="utf-8")
    start = time.perf_counter()
    compiler.compile()
    print(time.perf_counter() - start)
"""


def whole_process(python: str, source: Path, runs: int) -> list[float]:
    """Seconds per Typst compile as a new process (Python's start-up, about 10 ms, included)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([python, "-c", WHOLE, str(source), str(FONTS)], check=True)
        times.append(time.perf_counter() - start)
    return times


def warm(python: str, source: Path, runs: int, veeva_id: str) -> list[float]:
    """Seconds per compile in a process that has compiled once, each compile with another
    Veeva ID (as a batch of variants would be)."""
    done = subprocess.run([python, "-c", WARM, str(source), str(FONTS), str(runs),
                           _esc(veeva_id)], check=True, capture_output=True, text=True)
    return [float(line) for line in done.stdout.split()]


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--python", default=sys.executable,
                      help="a Python with the typst binding (default: this one)")
    args.add_argument("--runs", type=int, default=15)
    options = args.parse_args()
    probe = subprocess.run([options.python, "-c", "import typst; print(typst.__version__)"],
                           capture_output=True, text=True)
    if probe.returncode:
        sys.exit(f"{options.python} has no typst binding: `pip install typst` into a "
                 "virtual environment and pass its python with --python")
    content = yaml.safe_load((ROOT / "content.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "brochure.typ"
        source.write_text(typst_source(content), encoding="utf-8")
        rows = [("whole process", whole_process(options.python, source, options.runs)),
                ("warm process, new Veeva ID each time",
                 warm(options.python, source, options.runs * 2,
                      content["compliance"]["veeva_id"]))]
    print(f"Typst {probe.stdout.strip()} (Python binding), seed brochure, A4, 2 pages")
    for name, times in rows:
        ms = [t * 1000 for t in times]
        print(f"  {name:<38} {statistics.median(ms):6.0f} ms ({min(ms):.0f} ms)")


if __name__ == "__main__":
    main()
