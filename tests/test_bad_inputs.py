"""Each file in tests/bad_inputs/ is one mistake a user could make in content.yaml.

The command line must refuse it with exit code 2, print exactly the located messages in the
`.expected` file beside it (`{file}` stands for the content file as given on the command line,
`{dir}` for the folder it is in), never show a traceback, and write no PDF.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brochure.cli import main
from brochure.errors import ExitCode

BAD = Path(__file__).resolve().parent / "bad_inputs"
FIXTURES = sorted(BAD.glob("*.yaml"))


def expected_lines(fixture: Path) -> list[str]:
    text = fixture.with_suffix(".expected").read_text(encoding="utf-8")
    return [line.replace("{file}", str(fixture)).replace("{dir}", str(BAD))
            for line in text.splitlines() if line.strip()]


def run(fixture: Path, out: Path, capsys) -> tuple[int, str, str]:
    code = main([str(fixture), "-o", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_fixture_has_its_expected_messages():
    assert len(FIXTURES) >= 32
    for fixture in FIXTURES:
        assert fixture.with_suffix(".expected").is_file(), fixture.name
        assert expected_lines(fixture), f"{fixture.name}: no expected message"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_bad_input_is_refused_with_clear_located_messages(fixture, tmp_path, capsys):
    out = tmp_path / "out.pdf"
    code, stdout, err = run(fixture, out, capsys)
    assert "Traceback" not in err
    assert code == ExitCode.CONTENT_ERROR, err
    printed = err.splitlines()
    expected = expected_lines(fixture)
    for line in expected:
        assert line in printed, f"missing message:\n  {line}\nstderr was:\n{err}"
    n = len(expected)
    assert f"{n} problem{'s' if n != 1 else ''} to fix; no PDF was written." in err, err
    assert stdout == ""
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [], "a temporary file was left behind"


def test_several_mistakes_are_reported_at_once(tmp_path, capsys):
    fixture = BAD / "41-three-mistakes.yaml"
    _, _, err = run(fixture, tmp_path / "out.pdf", capsys)
    fields = {line.split("  ")[1] for line in err.splitlines() if line.startswith(str(fixture))}
    assert {"titel", "language", "compliance.status"} <= fields
