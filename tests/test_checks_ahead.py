"""The checks' helper process gives the same answers as checking here, and is not needed."""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from brochure.preflight import ahead
    from brochure.preflight.check import check_pdf
    from brochure.preflight.reading import UnreadablePdf

    def same(a, b):
        return (a.path, a.pages, a.findings) == (b.path, b.pages, b.findings)

    ahead.start()
    assert ahead._helper is not None, "no helper started"
    pdf, not_a_pdf = sys.argv[1], sys.argv[2]
    assert same(ahead.run("print", pdf, bleed_mm=3), check_pdf(pdf, bleed_mm=3))
    try:
        ahead.run("print", not_a_pdf)
        raise SystemExit("a file that is not a PDF passed")
    except UnreadablePdf:
        pass
    os.kill(ahead._helper.pid, signal.SIGKILL)  # the helper dies: the check runs here
    os.waitpid(ahead._helper.pid, 0)
    assert same(ahead.run("print", pdf, bleed_mm=3), check_pdf(pdf, bleed_mm=3))
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
    left = subprocess.run(["pgrep", "-f", str(tmp_path)], capture_output=True, text=True)
    assert left.stdout.strip() == ""


ENDINGS = textwrap.dedent("""
    import os, sys, traceback
    from brochure.preflight import ahead
    import brochure.preflight.check as checks

    def fork_refused():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    real_fork, os.fork = os.fork, fork_refused
    before = len(os.listdir("/proc/self/fd"))
    ahead.start()  # no helper, no error, no file left open
    assert ahead._helper is None and len(os.listdir("/proc/self/fd")) == before
    os.fork = real_fork

    checks.check_pdf = lambda *args, **kwargs: 1 / 0  # a bug in a check
    ahead.start()
    pid = ahead._helper.pid
    try:
        ahead.run("print", sys.argv[1])
        raise SystemExit("the bug went unnoticed")
    except ZeroDivisionError as bug:  # raised here again, where its frames can be shown
        assert any(frame.name == "<lambda>" for frame in traceback.extract_tb(bug.__traceback__))
    ahead.stop()
    try:
        os.waitpid(pid, os.WNOHANG)
        raise SystemExit("the helper was not reaped")
    except ChildProcessError:
        pass
    print("ok")
""")


def test_no_fork_a_bug_in_a_check_and_the_end_of_a_build_are_handled(seed_pdf):
    done = subprocess.run([sys.executable, "-c", ENDINGS, str(seed_pdf)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
