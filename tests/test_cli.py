"""The command line: exit codes, clear messages, no traceback, no partial PDF."""

import subprocess
import sys

from brochure.cli import main
from brochure.errors import ExitCode
from tests.conftest import ROOT


def run(project, *args):
    return subprocess.run([sys.executable, str(ROOT / "make_pdf.py"), *args], cwd=project,
                          capture_output=True, text=True, timeout=60)


def test_build_writes_the_pdf_under_build_and_says_where(project):
    result = run(project)
    assert result.returncode == 0, result.stderr
    assert (project / "build" / "brochure.pdf").is_file()
    assert "build/brochure.pdf" in result.stdout
    assert "placeholder address" in result.stderr  # the seed's link has no real address


def test_content_error_exit_code_message_and_no_pdf(project, capsys):
    text = (project / "content.yaml").read_text().replace("tagline:", "taglne:")
    (project / "bad.yaml").write_text(text)
    code = main([str(project / "bad.yaml"), "-o", str(project / "out.pdf")])
    err = capsys.readouterr().err
    assert code == ExitCode.CONTENT_ERROR
    assert "bad.yaml:6:1  taglne  unknown key 'taglne' — did you mean 'tagline'?" in err
    assert "Traceback" not in err
    assert not (project / "out.pdf").exists()


def test_failed_build_keeps_the_previous_good_pdf(project):
    out = project / "out.pdf"
    assert main([str(project / "content.yaml"), "-o", str(out)]) == 0
    good = out.read_bytes()
    content = project / "content.yaml"
    content.write_text(content.read_text().replace("title: Promoting", "title: [Promoting"))
    assert main([str(content), "-o", str(out)]) == ExitCode.CONTENT_ERROR
    assert out.read_bytes() == good
    assert [p.name for p in project.iterdir() if p.suffix == ".tmp"] == []


def test_check_mode_validates_without_writing(project, capsys):
    code = main([str(project / "content.yaml"), "--check", "-o", str(project / "x.pdf")])
    assert code == 0
    assert "OK" in capsys.readouterr().out
    assert not (project / "x.pdf").exists()


def test_missing_content_file(tmp_path, capsys):
    code = main([str(tmp_path / "nope.yaml")])
    assert code == ExitCode.CONTENT_ERROR
    assert "nope.yaml  file not found" in capsys.readouterr().err
