"""File stamps: what says a file may have changed, for the caches kept between builds."""

from __future__ import annotations

import os
from pathlib import Path

Stamp = tuple[int, int, int, int] | None


def stamp(path: str | Path) -> Stamp:
    """(size, mtime, ctime, inode), or None for a missing file. The change time moves on any
    write, even one that keeps the modification time (cp -p, rsync -t)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
