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
