"""The checks' helper process gives the same answers as checking here, and is not needed."""

import os
import subprocess
import sys
import textwrap
import traceback

import pytest

from brochure.preflight import ahead

SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from brochure.preflight import ahead
    from brochure.preflight.check import check_pdf
    from brochure.preflight.reading import UnreadablePdf

    def same(a, b):
        return (a.path, a.pages, a.findings) == (b.path, b.pages, b.findings)

    ahead.start()
    assert ahead._helper is not None, "no helper started"
    pid = ahead._helper.pid
    pdf, not_a_pdf = sys.argv[1], sys.argv[2]
    assert same(ahead.run("print", pdf, bleed_mm=3), check_pdf(pdf, bleed_mm=3))
    try:
        ahead.run("print", not_a_pdf)
        raise SystemExit("a file that is not a PDF passed")
    except UnreadablePdf:
        pass
    os.kill(pid, signal.SIGKILL)  # the helper dies: the check runs here
    assert same(ahead.run("print", pdf, bleed_mm=3), check_pdf(pdf, bleed_mm=3))
    ahead.stop()
    try:
        os.waitpid(pid, os.WNOHANG)
        raise SystemExit("the helper was not reaped")
    except ChildProcessError:
        pass
    print("ok")
""")


def test_helper_answers_as_the_checks_do_and_is_replaced_when_it_dies(seed_pdf, tmp_path):
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("not a PDF at all")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(seed_pdf), str(not_a_pdf)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_build_from_the_command_line_leaves_no_helper_behind(tmp_path):
    from tests.conftest import ROOT, SEED_CONTENT

    done = subprocess.run([sys.executable, str(ROOT / "make_pdf.py"), str(SEED_CONTENT), "-o",
                           str(tmp_path / "b.pdf"), "--edition", "print"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "preflight: pass" in done.stdout
    left = subprocess.run(["pgrep", "-f", "brochure.preflight.ahead import serve"],
                          capture_output=True, text=True)
    assert left.stdout.strip() == ""


def test_a_helper_that_cannot_start_leaves_nothing_open(monkeypatch):
    def refused(*args, **kwargs):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "posix_spawn", refused)
    before = len(os.listdir("/proc/self/fd"))
    ahead.start()
    assert ahead._helper is None and len(os.listdir("/proc/self/fd")) == before


def test_a_bug_in_a_check_is_raised_here_with_its_frames(monkeypatch, seed_pdf):
    def broken(path, **options):
        return 1 / 0

    monkeypatch.setattr(ahead, "_check", lambda check: broken)
    assert ahead._answer(("print", str(seed_pdf), {})) == ("failed", None)

    class FailedHelper:  # answers as the helper does for a bug
        def ask(self, check, path, options):
            return ahead._answer((check, path, options))

    monkeypatch.setattr(ahead, "_helper", FailedHelper())
    with pytest.raises(ZeroDivisionError) as bug:
        ahead.run("print", seed_pdf)
    assert "broken" in [frame.name for frame in traceback.extract_tb(bug.tb)]
