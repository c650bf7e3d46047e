"""Where brochure keeps things: the shipped assets folder, and the cache folder for work done
once per file's content (converted photos, parsed fonts, icons and hyphenation dictionaries,
QR matrices, compressed colour profiles), with atomic writes so that parallel builds never
read half a file.

The folder is kept under CACHE_LIMIT bytes: the first file a process stores there removes
the least recently used of brochure's own files beyond it (never anything else that may share
the folder, and never a file used in the last RECENT seconds, which a parallel build may be
about to draw). A hit marks a file used, at most every TOUCH_AFTER seconds, so that a watch
session's per-file caches (keyed by file times) stay valid.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "assets"
CACHE_LIMIT = 1 << 30  # bytes (1 GB): a few hundred prepared photos
RECENT = 3600  # seconds: files used (or half-written) this recently are never removed
TOUCH_AFTER = 1800  # seconds: a hit marks a file used if it was last marked this long ago
OWN_FILE = re.compile(  # what brochure writes here (a content digest, or a dictionary)
    r"([0-9a-f]{32}(-screen)?\.(jpg|ttface|qr|svg\.json|icc\.zlib)|pyphen-[\w.-]+\.pickle)"
    r"(\.\d+\.tmp)?")
_pruned: set[str] = set()  # folders this process has pruned


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
            if str(place.parent) not in _pruned:
                _pruned.add(str(place.parent))
                prune(place.parent)
            return place
        except OSError:
            continue
    return None


def used(target: Path) -> bool:
    """Whether the cache file exists; if so, mark it as used now (if it was last marked over
    TOUCH_AFTER seconds ago; a folder that cannot be written is just read)."""
    try:
        if time.time() - target.stat().st_mtime > TOUCH_AFTER:
            with contextlib.suppress(OSError):
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


def prune(folder: Path, limit: int | None = None) -> None:
    """Remove brochure's least recently used files until they take at most `limit` bytes
    (CACHE_LIMIT), and half-written ones a crash left; files used in the last RECENT seconds
    stay. Files other processes remove meanwhile are fine."""
    limit = CACHE_LIMIT if limit is None else limit
    files = []  # (last used, size, path) of brochure's complete files
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for entry in found:
            if not OWN_FILE.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if entry.name.endswith(".tmp"):
                    _remove_unless_recent(entry.path)
                else:
                    files.append((info.st_mtime, info.st_size, entry.path))
    total = sum(size for _, size, _ in files)
    for _, size, path in sorted(files):
        if total <= limit:
            break
        if _remove_unless_recent(path):
            total -= size


def _remove_unless_recent(path: str) -> bool:
    """Remove the file unless it was used in the last RECENT seconds (looked at again now:
    another build may have just marked it)."""
    with contextlib.suppress(OSError):
        if time.time() - os.stat(path, follow_symlinks=False).st_mtime > RECENT:
            os.unlink(path)
            return True
    return False


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
