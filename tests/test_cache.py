"""The cache folder's fallback in the shared temporary folder must be our own."""

import os
import tempfile

from brochure.cache import cache_store


def test_a_fallback_folder_others_can_write_to_is_not_used(tmp_path, monkeypatch):
    unwritable = tmp_path / "a-file"
    unwritable.write_text("not a folder")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    shared = tmp_path / f"brochure-{os.getuid()}"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)  # (mkdir's mode is masked by the umask)
    assert cache_store(unwritable / "cache" / "x.bin", b"data") is None
    shared.chmod(0o700)
    assert cache_store(unwritable / "cache" / "x.bin", b"data") == shared / "x.bin"


def test_pruning_removes_only_brochures_own_files_least_recently_used_first(tmp_path):
    import time

    from brochure.cache import cache_read, prune

    def aged(name: str, hours: float, size: int = 100) -> str:
        (tmp_path / name).write_bytes(b"x" * size)
        when = time.time() - hours * 3600
        os.utime(tmp_path / name, (when, when))
        return name

    aged("a" * 32 + ".jpg", 3)  # the least recently used: goes first
    hit, newer = aged("b" * 32 + ".qr", 2.9), aged("c" * 32 + ".ttface", 2.8)
    aged("notes.txt", 5, size=10_000)  # someone else's file in the same folder
    aged("d" * 32 + ".jpg.123.tmp", 2)  # left half-written by a crash
    aged("e" * 32 + ".jpg.456.tmp", 0)  # being written now
    assert cache_read(tmp_path / hit) == b"x" * 100  # a hit: used now
    prune(tmp_path, limit=200)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [hit, newer, "notes.txt", "e" * 32 + ".jpg.456.tmp"])
    prune(tmp_path, limit=0)  # what was used within the hour stays
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [hit, "notes.txt", "e" * 32 + ".jpg.456.tmp"])


def test_a_hit_on_a_recently_marked_file_keeps_its_times(tmp_path):
    import time

    from brochure.cache import used

    entry = tmp_path / ("f" * 32 + ".jpg")
    entry.write_bytes(b"photo")
    ten_minutes_ago = time.time() - 600
    os.utime(entry, (ten_minutes_ago, ten_minutes_ago))
    assert used(entry) and entry.stat().st_mtime == ten_minutes_ago  # watch caches stay valid
    assert not used(tmp_path / "missing.jpg")
