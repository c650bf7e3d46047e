"""Where brochure keeps things: the shipped assets folder, and the cache folder for work done
once per file's content (converted photos, parsed fonts, icons and hyphenation dictionaries,
QR matrices, compressed colour profiles), with atomic writes so that parallel builds never
read half a file. The folder is kept under CACHE_LIMIT bytes: storing a file removes the
least recently used ones beyond it (a hit counts as a use).
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "assets"
CACHE_LIMIT = 1 << 30  # bytes (1 GB): a few hundred prepared photos
STALE_TEMPORARY = 3600  # seconds: a half-written file this old was left by a crash


def cache_dir() -> Path:
    """$BROCHURE_CACHE, else the user's cache folder."""
    if os.environ.get("BROCHURE_CACHE"):
        return Path(os.environ["BROCHURE_CACHE"])
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "brochure"


def cache_store(target: Path, data: bytes) -> Path | None:
    """Put a file in the cache atomically and return where it is: in the system's temporary
    folder if the cache folder cannot be written (that only costs time on later runs), or
    None if neither can be written."""
    for place in (target, Path(tempfile.gettempdir()) / f"brochure-{os.getuid()}" / target.name):
        try:
            place.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if place != target and not _private(place.parent):
                continue  # someone else's folder in the shared temporary folder
            tmp = place.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(place)
            prune(place.parent)
            return place
        except OSError:
            continue
    return None


def used(target: Path) -> bool:
    """Whether the cache file exists; if so, mark it as just used (kept longest)."""
    try:
        os.utime(target)
        return True
    except OSError:
        return False


def cache_read(target: Path) -> bytes | None:
    """The cache file's bytes (marked as just used), or None if it cannot be read."""
    try:
        data = target.read_bytes()
    except OSError:
        return None
    used(target)
    return data


def prune(folder: Path, limit: int = CACHE_LIMIT) -> None:
    """Remove the least recently used files until the folder holds at most `limit` bytes,
    and half-written files a crash left. Files other processes remove meanwhile are fine."""
    now = time.time()
    entries = []
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for entry in found:
            with contextlib.suppress(OSError):
                info = entry.stat()
                if entry.name.endswith(".tmp") and now - info.st_mtime > STALE_TEMPORARY:
                    os.unlink(entry.path)
                elif entry.is_file():
                    entries.append((info.st_mtime, info.st_size, entry.path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= size


def _private(folder: Path) -> bool:
    """Ours, and nobody else can write into it."""
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def cached_bytes(name: str, make: Callable[[], bytes]) -> bytes:
    """The cache file `name` (a content hash and a suffix), made and stored if missing."""
    target = cache_dir() / name
    data = cache_read(target)
    if data is None:
        data = make()
        cache_store(target, data)
    return data


Allowed = dict[tuple[str, str], object]  # (module, name) in a pickle -> the object it means


class _Unpickler(pickle.Unpickler):
    """Builds only the classes it is given: a cache file cannot name anything else."""

    def __init__(self, data: bytes, allowed: Allowed):
        super().__init__(io.BytesIO(data))
        self.allowed = allowed

    def find_class(self, module: str, name: str):
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not expected in this cache file")
        return self.allowed[(module, name)]


def read_pickle(target: Path, allowed: Allowed) -> object | None:
    """The object pickled at target, built from the allowed classes only; None when the
    file is missing, torn or holds anything else (the caller then makes it afresh)."""
    data = cache_read(target)
    if data is None:
        return None
    try:
        return _Unpickler(data, allowed).load()
    except Exception:
        return None
