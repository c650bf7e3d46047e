"""The checks of a one-off build, in a second process that loads them while the build runs.

A cold build spends about 50 ms loading pikepdf and the checks, which only run at the end.
`start()`, called by the command line before it loads anything else, starts a helper (on a
machine with a second core): a fresh interpreter that loads the checks while this process
loads ReportLab and lays the brochure out, then checks each PDF it is sent over a pipe.
Whatever goes wrong with the helper (it cannot start, it died, an answer that is not a
report), the check runs here instead, so the result is the same either way. Only the command
line starts it: a library caller, a watch session or a batch checks in its own process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import sys
from pathlib import Path
from typing import Any

ANSWER_WITHIN = 300  # seconds; a helper that takes longer is given up on
PR_SET_PDEATHSIG = 1  # Linux prctl: a signal for the helper when its parent dies
_LENGTH = struct.Struct("!Q")


class _Helper:
    def __init__(self, pid: int, requests: int, answers: int):
        self.pid, self.requests, self.answers = pid, requests, answers
        self.lost = self.stopped = False

    def ask(self, check: str, path: str, options: dict) -> tuple[str, Any] | None:
        """The helper's answer, or None (then and from then on) if it cannot give one."""
        if self.lost:
            return None
        try:
            _send(self.requests, (check, path, options))
            ready, _, _ = select.select([self.answers], [], [], ANSWER_WITHIN)
            if ready:
                return _receive(self.answers)
        except Exception:  # a helper gone or garbled: the caller checks in its own process
            pass
        self.lost = True
        self.stop()
        return None

    def stop(self) -> None:
        """End the helper and reap it, so that no process is left behind: it holds nothing
        worth waiting for (it writes no files, and an answer nobody asked for is useless).
        Only once: the pipes' numbers may belong to other files afterwards."""
        if self.stopped:
            return
        self.stopped = True
        for fd in (self.requests, self.answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):  # (already gone and reaped)
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)


_helper: _Helper | None = None


def start() -> None:
    """Start the helper, if this system can (and has a second core to run it on); if it
    cannot start (a process limit, say), the checks simply run in this process. It is a
    fresh interpreter, not a fork: a fork would make this process copy every page of memory
    it touches afterwards, which costs the build what the helper saves it."""
    global _helper
    if _helper is not None or not hasattr(os, "posix_spawn") or (os.cpu_count() or 1) < 2 \
            or not sys.executable:
        return
    pipes: list[int] = []
    try:
        pipes += os.pipe()
        pipes += os.pipe()
        requests_in, requests_out, answers_in, answers_out = pipes
        pid = os.posix_spawn(sys.executable, [sys.executable, "-c", HELPER], _helper_env(),
                             file_actions=[(os.POSIX_SPAWN_DUP2, requests_in, 0),
                                           (os.POSIX_SPAWN_DUP2, answers_out, 1),
                                           (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    except (OSError, ValueError):
        for fd in pipes:
            os.close(fd)
        return
    os.close(requests_in)
    os.close(answers_out)
    _helper = _Helper(pid, requests_out, answers_in)


HELPER = "from brochure.preflight.ahead import serve; serve()"


def _helper_env() -> dict[str, str]:
    """This environment, with this brochure package first on the helper's path."""
    here = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": here + (os.pathsep + path if path else ""),
            "BROCHURE_HELPER_OF": str(os.getpid())}


def stop() -> None:
    """End the helper, if there is one (the command line calls this when it is done)."""
    global _helper
    if _helper is not None:
        _helper.stop()
        _helper = None


def run(check: str, path: Path, **options: Any):
    """The Report of `check` ("print" or "accessibility") for the PDF at path, from the
    helper if there is one; raises what the check raises (UnreadablePdf)."""
    answer = _helper.ask(check, str(path), options) if _helper else None
    if answer is not None:
        kind, value = answer
        if kind == "report":
            return value
        if kind == "raised":
            raise value
    return _check(check)(path, **options)


def _check(check: str):
    if check == "print":
        from brochure.preflight.check import check_pdf

        return check_pdf
    from brochure.preflight.ua import check_ua

    return check_ua


def serve() -> None:
    """The helper's life (standard input: requests; standard output: answers): load the
    checks, answer until the build is done, and go when the build goes."""
    try:
        _follow_parent(int(os.environ.get("BROCHURE_HELPER_OF", "0")))
        _check("print")  # loads the checks (and pikepdf) now, while the build runs
        _check("accessibility")
        while True:
            answer = _answer(_receive(0))
            try:
                _send(1, answer)
            except (pickle.PickleError, TypeError, AttributeError):
                _send(1, ("failed", None))
    except BaseException:  # EOF when the build is done; Ctrl-C; anything else
        pass
    finally:
        os._exit(0)


def _answer(request: tuple[str, str, dict]) -> tuple[str, Any]:
    """A report; or the user's unreadable PDF, for the build to report; or, for a bug in a
    check, "failed", so that the build checks again itself and shows where."""
    from brochure.preflight.reading import UnreadablePdf

    check, path, options = request
    try:
        return ("report", _check(check)(path, **options))
    except UnreadablePdf as exc:
        return ("raised", exc)
    except Exception:
        return ("failed", None)


def _follow_parent(parent: int) -> None:
    """On Linux the helper goes when its parent goes, even if the parent is killed."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it went before the line above took effect
        os._exit(0)


def _send(fd: int, message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int) -> Any:
    (length,) = _LENGTH.unpack(_read_exactly(fd, _LENGTH.size))
    return pickle.loads(_read_exactly(fd, length))


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, left)
        if not chunk:
            raise EOFError("the other process has gone")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
