"""Fixtures for the preflight tests; the PDFs themselves are made in preflight_pdfs.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from preflight_pdfs import Maker


@pytest.fixture
def make(tmp_path: Path) -> Maker:
    return Maker(tmp_path)
