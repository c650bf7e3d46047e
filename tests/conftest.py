"""Shared fixtures: the seed brochure built once per test session, and helpers to read it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from brochure.build import BuildOptions, build

ROOT = Path(__file__).resolve().parents[1]
SEED_CONTENT = ROOT / "content.yaml"


@pytest.fixture(scope="session", autouse=True)
def _session_cache_folder(tmp_path_factory):
    """The tests' builds fill a cache folder of their own, not the user's."""
    os.environ.setdefault("BROCHURE_CACHE", str(tmp_path_factory.mktemp("brochure-cache")))


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "brochure.pdf"
    build(SEED_CONTENT, BuildOptions(output=out))
    return out


@pytest.fixture(scope="session")
def seed_pdf_no_marks(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-nomarks") / "brochure.pdf"
    build(SEED_CONTENT, BuildOptions(output=out, crop_marks=False))
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's content and hero image in a temporary folder."""
    shutil.copy(SEED_CONTENT, tmp_path / "content.yaml")
    (tmp_path / "assets" / "images").mkdir(parents=True)
    shutil.copy(ROOT / "assets/images/hero-standin.jpg", tmp_path / "assets/images")
    return tmp_path


@pytest.fixture(scope="session")
def seed_digital(seed_pdf) -> Path:
    """The digital edition written beside the print one by the same build."""
    return seed_pdf.with_name("brochure-digital.pdf")
