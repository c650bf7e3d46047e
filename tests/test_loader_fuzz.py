"""Property tests: whatever a user types, the loader answers with a BrochureError, not a crash.

Any exception other than BrochureError escaping load_yaml/validate/check is a bug: the CLI would
report it as an internal error (exit 70) with a traceback instead of a located message.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brochure.build import BuildOptions, check
from brochure.content.model import Brochure
from brochure.content.validate import validate
from brochure.content.yamlpos import load_yaml
from brochure.errors import BrochureError
from tests.conftest import ROOT, SEED_CONTENT

# Characters PyYAML refuses to read (C0/C1 controls other than tab, newline, CR and NEL; and
# unpaired surrogates). They are fuzzed separately below.
REFUSED = st.sampled_from([chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C,
                                            *range(0x0E, 0x20), 0x7F, 0x80, 0x9F)])
ACCEPTED = st.characters(codec="utf-8", exclude_characters="".join(
    [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0x85),
                      *range(0x86, 0xA0), 0xFFFE, 0xFFFF)]))

# Pieces of YAML a person might type (or mistype), including the content model's own keys.
FRAGMENTS = st.sampled_from([
    "\n", "\n  ", "\n    ", "\t", " ", ": ", ":", "- ", "-", "[", "]", "{", "}", ",", "'", '"',
    "#", "&a ", "*a", "|", ">", "?", "@", "`", "%", "!", "~", "null", "yes", "no", "3.5", "600",
    "2025-07-01", "title", "tagline", "language", "hero", "image", "stats", "value", "label",
    "icon", "intro", "initiatives", "items", "body", "quote", "links", "url", "compliance",
    "veeva_id", "date_of_preparation", "status", "approved", "material_type", "print",
    "bleed_mm", "crop_marks", "https://www.cam.ac.uk", "en-GB", "GB-68353", "July 2025",
])
YAMLISH = st.lists(st.one_of(FRAGMENTS, st.text(ACCEPTED, max_size=4)), max_size=40).map("".join)
RANDOM_TEXT = st.one_of(st.text(ACCEPTED, max_size=200), YAMLISH)


def load_and_validate(text: str) -> None:
    """Pass if the text becomes a Brochure or is refused with a BrochureError; else raise."""
    try:
        result = validate(load_yaml(text, "fuzz.yaml"))
    except BrochureError as exc:
        assert exc.issues, "a BrochureError must carry at least one issue"
        for issue in exc.issues:
            assert issue.message and issue.file == "fuzz.yaml"
        return
    assert isinstance(result, Brochure)


@settings(max_examples=600, deadline=None, database=None)
@given(RANDOM_TEXT)
def test_any_text_is_a_brochure_or_a_brochure_error(text):
    load_and_validate(text)


@settings(max_examples=100, deadline=None, database=None)
@given(st.builds(lambda seed, at, bad: seed[:at] + bad + seed[at:],
                 st.just(SEED_CONTENT.read_text(encoding="utf-8")),
                 st.integers(0, 5000), st.text(ACCEPTED, min_size=1, max_size=6)))
def test_seed_with_random_characters_is_a_brochure_or_a_brochure_error(text):
    load_and_validate(text)


# --- inputs that once escaped as other exceptions (exit 70 with a traceback) ---------------

@settings(max_examples=20, deadline=None, database=None)
@given(st.builds(lambda a, c, b: a + c + b, st.text(ACCEPTED, max_size=30), REFUSED,
                 st.text(ACCEPTED, max_size=30)))
def test_text_with_a_control_character_is_a_brochure_error(text):
    try:
        load_and_validate(text)
    except BrochureError:
        pass
    except Exception as exc:
        raise AssertionError(f"{type(exc).__name__} escaped for {text!r}") from exc


@pytest.mark.parametrize("text", [
    "a: &x [*x]\n",                      # self-referencing alias -> RecursionError
    "[" * 3000 + "]" * 3000,             # deep nesting -> RecursionError
    "title: !!int nope\n",               # explicit tag, bad value -> ValueError
    "title: !!timestamp nope\n",         # explicit tag, bad value -> AttributeError
], ids=["recursive-alias", "deep-nesting", "bad-int-tag", "bad-timestamp-tag"])
def test_pathological_yaml_is_a_brochure_error(text):
    try:
        load_and_validate(text)
    except BrochureError:
        pass
    except Exception as exc:
        raise AssertionError(f"{type(exc).__name__} escaped") from exc


# --- mutations of the real content file, through the whole check (layout included) ----------

@st.composite
def mutated_seed(draw) -> str:
    lines = SEED_CONTENT.read_text(encoding="utf-8").splitlines(keepends=True)
    i = draw(st.integers(0, len(lines) - 1))
    op = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "indent", "dedent"]))
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "insert":
        at = draw(st.integers(0, len(lines[i])))
        junk = draw(st.one_of(FRAGMENTS, st.text(ACCEPTED, min_size=1, max_size=5)))
        lines[i] = lines[i][:at] + junk + lines[i][at:]
    elif op == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "indent":
        lines[i] = " " * draw(st.integers(1, 4)) + lines[i]
    else:
        lines[i] = lines[i][min(len(lines[i]) - len(lines[i].lstrip(" ")),
                                draw(st.integers(1, 4))):]
    return "".join(lines)


@pytest.fixture(scope="module")
def project_dir(tmp_path_factory) -> Path:
    """The seed content's folder (content + hero photo), shared by all examples."""
    folder = tmp_path_factory.mktemp("fuzz-project")
    (folder / "assets" / "images").mkdir(parents=True)
    shutil.copy(ROOT / "assets/images/hero-standin.jpg", folder / "assets/images")
    return folder


@pytest.mark.slow
@settings(max_examples=80, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated_seed())
def test_mutated_seed_checks_or_fails_cleanly_and_writes_nothing(project_dir, text):
    content = project_dir / "content.yaml"
    content.write_text(text, encoding="utf-8")
    out = project_dir / "x.pdf"
    try:
        warnings = check(content, BuildOptions(output=out))
    except BrochureError as exc:
        assert exc.issues
        assert all(i.severity == "error" for i in exc.issues)
    else:
        assert all(w.severity == "warning" for w in warnings)
    assert not out.exists()
    assert not list(project_dir.glob("*.pdf*"))
