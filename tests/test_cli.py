"""The command line: exit codes, clear messages, no traceback, no partial PDF."""

import subprocess
import sys

import pytest
from PIL import Image

from brochure.cli import main
from brochure.errors import ExitCode
from tests.conftest import ROOT, SEED_CONTENT


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


def test_variants_from_the_command_line(project, capsys):
    (project / "v.csv").write_text("name,compliance.veeva_id,event.name\n"
                                   "york,GB-70001,York Forum\nleeds,GB-70001,Leeds Day\n"
                                   "hull,GB-70003,Hull Expo\n")
    assert main([str(project / "content.yaml"), "--variants", str(project / "v.csv"),
                 "-o", str(project / "out" / "b.pdf")]) == ExitCode.CONTENT_ERROR
    assert "GB-70001" in capsys.readouterr().err  # a shared Veeva ID is refused up front
    (project / "v.csv").write_text("name,compliance.veeva_id,event.name\n"
                                   "york,GB-70001,York Forum\nhull,GB-70003,Hull Expo\n")
    code = main([str(project / "content.yaml"), "--variants", str(project / "v.csv"),
                 "--jobs", "1", "--edition", "print", "-o", str(project / "out" / "b.pdf")])
    out = capsys.readouterr().out
    assert code == 0 and "2 of 2 variants built" in out
    assert sorted(p.name for p in (project / "out" / "variants").glob("*.pdf")) == [
        "hull.pdf", "york.pdf"]


def test_brochure_check_command_on_both_editions(seed_pdf, seed_digital, capsys):
    from brochure.cli import brochure_main

    assert brochure_main(["check", str(seed_pdf)]) == 0
    assert "preflight: pass" in capsys.readouterr().out
    assert brochure_main(["check", "--accessibility", str(seed_digital)]) == 0
    assert brochure_main(["check", str(seed_digital)]) == ExitCode.PREFLIGHT_FAILED


def test_typos_and_missing_files_are_reported_in_one_run(project, capsys):
    content = project / "content.yaml"
    content.write_text(content.read_text().replace("tagline:", "taglne:")
                       .replace("icon: hospital", "icon: hospitl"))
    assert main([str(content), "-o", str(project / "x.pdf")]) == ExitCode.CONTENT_ERROR
    err = capsys.readouterr().err
    assert "unknown key 'taglne'" in err and "unknown icon 'hospitl'" in err
    assert "2 problems to fix" in err


def test_a_wrong_command_line_exits_64_and_says_what_cannot_be_combined(capsys):
    for argv, words in ((["--format", "A3"], "invalid choice: 'A3'"),
                        (["--variants", "v.csv", "--watch"], "cannot be combined with --watch"),
                        (["--jobs", "2"], "--jobs N needs --variants FILE"),
                        (["--watch", "--check"], "use one of them"),
                        (["--preview", "--check"], "nothing to --preview")):
        with pytest.raises(SystemExit) as leaving:
            main(argv)
        assert leaving.value.code == ExitCode.USAGE, argv
        assert words in capsys.readouterr().err


def test_check_with_variants_checks_every_variant_and_writes_nothing(project, capsys):
    (project / "v.csv").write_text("name,compliance.veeva_id,print.bleed_mm\n"
                                   "ok,GB-70001,3\nbadid,XX,3\nbleed,GB-70003,25\n")
    code = main([str(project / "content.yaml"), "--check", "--variants",
                 str(project / "v.csv"), "-o", str(project / "out" / "x.pdf")])
    out, err = capsys.readouterr()
    assert code == ExitCode.CONTENT_ERROR
    assert out.splitlines() == ["ok: OK", "badid: 1 problem", "bleed: 1 problem"]
    assert "v.csv:3:7  compliance.veeva_id  variant 'badid': 'XX' is not a valid" in err
    assert "v.csv:4:16  print.bleed_mm  variant 'bleed': must be at most 10, not 25" in err
    assert not (project / "out").exists()


def test_variants_can_be_previewed(tmp_path, capsys):
    variants = tmp_path / "v.csv"
    variants.write_text("name,compliance.veeva_id,event.name\nberlin,DE-20417,Berlin Day\n")
    assert main([str(SEED_CONTENT), "--variants", str(variants), "--preview", "--edition",
                 "print", "-o", str(tmp_path / "x.pdf")]) == ExitCode.OK
    sheet = tmp_path / "variants" / "berlin-sheet.png"
    assert f"Preview {sheet}" in capsys.readouterr().out
    with Image.open(sheet) as image:
        assert image.width > image.height  # two pages side by side
    assert (tmp_path / "variants" / "berlin-p2.png").is_file()
