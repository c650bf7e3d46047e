"""QR matrices come back from the cache folder unchanged; a bad cache file is ignored."""

import segno

from brochure.draw import qr

URL = "https://example.org/prescribing-information"


def _fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("BROCHURE_CACHE", str(tmp_path))
    qr.qr_matrix.cache_clear()


def test_a_matrix_is_encoded_once_then_read_back(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    made = qr.qr_matrix(URL)
    want = segno.make(URL, error="m", micro=False, boost_error=False).matrix
    assert made == tuple(tuple(bool(v) for v in row) for row in want)
    qr.qr_matrix.cache_clear()
    monkeypatch.setattr(qr, "_encode", None)  # encoding again would fail
    assert qr.qr_matrix(URL) == made


def test_a_cache_file_that_is_not_a_qr_symbol_is_ignored(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    made = qr.qr_matrix(URL)
    [stored] = tmp_path.glob("*.qr")
    rows = stored.read_text().split()
    for broken in ("\n".join(rows[:-1]), "\n".join(r.replace("1", "2") for r in rows), "x"):
        stored.write_text(broken)
        qr.qr_matrix.cache_clear()
        assert qr.qr_matrix(URL) == made
