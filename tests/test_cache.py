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


def test_the_cache_folder_keeps_the_most_recently_used_files_within_its_limit(tmp_path):
    import time

    from brochure.cache import cache_read, prune

    folder = tmp_path / "cache"
    for n, name in enumerate(["old", "used", "new"]):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(b"x" * 100)
        os.utime(folder / name, (time.time() - 1000 + n, time.time() - 1000 + n))
    (folder / "left.123.tmp").write_bytes(b"half")
    os.utime(folder / "left.123.tmp", (time.time() - 7200, time.time() - 7200))
    assert cache_read(folder / "used") == b"x" * 100  # a hit: now the most recent
    prune(folder, limit=200)
    assert sorted(p.name for p in folder.iterdir()) == ["new", "used"]
