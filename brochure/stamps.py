"""File stamps: what says a file may have changed, for the caches kept between builds."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache, wraps
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

Stamp = tuple[int, int, int, int] | None


def stamp(path: str | Path) -> Stamp:
    """(size, mtime, ctime, inode), or None for a missing file. The change time moves on any
    write, even one that keeps the modification time (cp -p, rsync -t)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def per_stamp(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str | Path], T]]:
    """Remember a function of a file path for as long as the file's stamp stays the same."""
    def decorate(function: Callable[[str], T]) -> Callable[[str | Path], T]:
        @lru_cache(maxsize=maxsize)
        def remembered(path: str, _stamp: Stamp) -> T:
            return function(path)

        @wraps(function)
        def cached(path: str | Path) -> T:
            return remembered(str(path), stamp(path))

        cached.cache_clear = remembered.cache_clear
        cached.cache_info = remembered.cache_info
        return cached
    return decorate
