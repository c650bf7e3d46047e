"""The preflight command line: exit codes, text and JSON output, unreadable files."""

from __future__ import annotations

import json
import subprocess
import sys

import pikepdf
from preflight_pdfs import ROOT

from brochure.preflight.cli import main


def black_400(c):
    c.setFillColorCMYK(1, 1, 1, 1)
    c.rect(10, 10, 50, 50, stroke=0, fill=1)


def test_good_pdf_exits_0_with_summary(make, capsys):
    assert main([str(make.pdf("good"))]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "preflight: warnings (0 errors, 2 warnings)"


def test_errors_exit_3(make, capsys):
    assert main([str(make.pdf("ink", black_400))]) == 3
    assert "ink.tac-over-limit" in capsys.readouterr().out


def test_ink_limit_option(make, capsys):
    path = str(make.pdf("ink", black_400))
    assert main([path, "--ink-limit", "400"]) == 0
    capsys.readouterr()


def test_json_output(make, capsys):
    assert main([str(make.pdf("ink", black_400)), "--json"]) == 3
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "fail"
    assert [f["rule"] for f in data["findings"] if f["severity"] == "error"] == [
        "ink.tac-over-limit"]


def test_missing_file_exits_2_with_one_line(tmp_path, capsys):
    missing = tmp_path / "nope.pdf"
    assert main([str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"preflight: cannot read {missing}: no such file"


def test_corrupt_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"preflight: cannot read {bad}:") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_encrypted_file_exits_2(make, capsys):
    path = make.pdf("secret")
    locked = path.with_name("locked.pdf")
    with pikepdf.open(path) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="u", owner="o"))
    assert main([str(locked)]) == 2
    assert "needs a password" in capsys.readouterr().err


def test_bad_arguments_exit_64(capsys):
    assert main(["--no-such-option"]) == 64
    capsys.readouterr()


def test_python_m_runs_the_cli(make):
    done = subprocess.run([sys.executable, "-m", "brochure.preflight", str(make.pdf("good")),
                           "--json"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["verdict"] == "warnings"


def test_a_screen_pdf_is_pointed_to_the_accessibility_check(seed_digital, seed_pdf, capsys):
    assert main([str(seed_digital)]) == 3
    out = capsys.readouterr().out
    assert f"brochure check --accessibility {seed_digital}" in out.splitlines()[-1]
    assert main([str(seed_pdf)]) == 0
    assert "--accessibility" not in capsys.readouterr().out


def test_a_reader_that_stops_early_gets_no_traceback(seed_pdf):
    """`brochure check x.pdf | head -1`: the command ends quietly when head stops reading."""
    code = ("import sys; from brochure.cli import brochure_main; "
            f"sys.argv = ['brochure', 'check', {str(seed_pdf)!r}]; sys.exit(brochure_main())")
    check = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    check.stdout.close()  # as head does once it has its lines (here before the first)
    _, err = check.communicate(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err
