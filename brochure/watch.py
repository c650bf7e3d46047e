"""Watch mode: rebuild whenever the content, a theme or a file the content names changes.

Polls modification times (no extra dependency) and reports through a callback; it never
prints. A failed rebuild leaves the last good PDF in place (build writes atomically) and
keeps watching the files of the last good build as well as the content file.

Events passed to on_event(kind, payload):
  "changed"   list[Path]   files that changed (a rebuild follows)
  "built"     BuildResult  a build succeeded
  "error"     list[Issue]  the content (or theme, or a file) needs fixing; nothing was written
  "crashed"   Exception    an internal error (a bug); watching goes on
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brochure.build import BuildOptions, build_located
from brochure.content.validate import load_located, validate
from brochure.errors import BrochureError
from brochure.resources import gather, named_files_of_raw
from brochure.stamps import Stamp, stamp
from brochure.theme.load import DEFAULT_THEME, FORMATS, named_files

Stop = threading.Event | Callable[[], bool] | None


def watch(content_path: Path, options: BuildOptions, on_event: Callable[[str, Any], None],
          stop: Stop = None, interval: float = 0.25) -> None:
    """Build now, then again after every change, until stop is set (or returns True)."""
    content_path = Path(content_path)
    wait = _waiter(stop)
    used, stamps = _build(content_path, options, on_event, [])
    while not wait(interval):
        now = _stamps(stamps)
        if now == stamps:
            continue
        settled = _settle(now, wait, interval)
        if settled is None:
            return
        on_event("changed", [p for p in settled if settled[p] != stamps.get(p)])
        used, stamps = _build(content_path, options, on_event, used)


def watched_files(content_path: Path, options: BuildOptions, used: list[Path]) -> list[Path]:
    """The content file, the themes and page formats with their fonts and logo, and the
    files the content names."""
    themes = [DEFAULT_THEME, *sorted(FORMATS.glob("*.yaml"))]
    if options.theme:
        themes.append(Path(options.theme))
    files = named_files(Path(options.theme) if options.theme else None)
    return list(dict.fromkeys([content_path, *themes, *files, *used]))


def _build(content_path: Path, options: BuildOptions, on_event,
           used: list[Path]) -> tuple[list[Path], dict[Path, Stamp]]:
    """Build once and report it. Return the files to watch (the last good ones on failure)
    and their stamps from before the build, so that an edit made during it is not missed;
    a file the build named for the first time is stamped before the build is reported, so
    that one added as soon as the report shows is not missed either."""
    before = _stamps(watched_files(content_path, options, used))
    used, first_seen = _try_build(content_path, options, on_event, used)
    files = watched_files(content_path, options, used)
    return used, {p: before[p] if p in before else first_seen.get(p, stamp(p)) for p in files}


def _try_build(content_path: Path, options: BuildOptions, on_event,
               used: list[Path]) -> tuple[list[Path], dict[Path, Stamp]]:
    located = None
    try:
        located = load_located(content_path)
        result = build_located(located, options)
        files = gather(validate(located), located).files()
    except BrochureError as exc:  # also wait for the files it names (one may be missing)
        named = named_files_of_raw(located) if located is not None else []
        first_seen = _stamps(named)
        on_event("error", exc.issues)
        return used + named, first_seen
    except Exception as exc:  # a bug: report it and keep watching
        on_event("crashed", exc)
        return used, {}
    first_seen = _stamps(files)
    on_event("built", result)
    return files, first_seen


def _settle(stamps: dict[Path, Stamp], wait, interval: float) -> dict[Path, Stamp] | None:
    """Wait until the files stay unchanged for one interval (None: asked to stop)."""
    while True:
        if wait(interval):
            return None
        again = _stamps(stamps)
        if again == stamps:
            return again
        stamps = again


def _stamps(paths) -> dict[Path, Stamp]:
    return {p: stamp(p) for p in paths}


def _waiter(stop: Stop) -> Callable[[float], bool]:
    """wait(seconds) -> True when it is time to stop."""
    if isinstance(stop, threading.Event):
        return stop.wait
    if stop is None:
        return lambda seconds: time.sleep(seconds) or False

    def wait(seconds: float) -> bool:
        if stop():
            return True
        time.sleep(seconds)
        return bool(stop())

    return wait
