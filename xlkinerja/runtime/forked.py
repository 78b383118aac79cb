"""Work done by a forked child process while this one goes on (Linux): text rendered for a
file (`ForkedText`: the compiled workbook's Pohon Kinerja rows, ~300,000 in the benchmark,
while the other sheets are written) or a value computed (`ForkedValue`: kompilasi's pandera
schemas over every workbook, while the rekap is aggregated).

The child sees the data as it was at the fork (copy on write: nothing is pickled) and writes
into an anonymous temporary file made before the fork (O_TMPFILE: nothing is left on disk
whatever happens); it dies with this process (`die_with_parent`), never prints, never
imports, and leaves with `os._exit`. `write(fh)` waits for it and copies the text;
`result()` waits for it and unpickles the value it wrote.

Where there is no fork (Windows; macOS, where forking a process that has loaded system
frameworks is unsafe), when the fork fails (no memory), or when the child fails, the text is
rendered (or computed) here instead: the same function, the same result, only later.
"""

from __future__ import annotations

import os
import pickle
import select
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from typing import IO, Any, Generic, TypeVar

from xlkinerja.runtime.parent_death import die_with_parent

Render = Callable[[IO[str]], None]
T = TypeVar("T")
CHILD_LIMIT = 600.0  # seconds a child may take before its work is done here instead
CHUNK = 1 << 20


class _Child:
    """A forked child writing into `_file`, until it is waited for or stopped."""

    _file: IO[Any] | None
    _pid: int | None

    def _begin(self, work: Callable[[IO[Any]], None], file: IO[Any], fork: bool) -> None:
        self._file, self._pid = file, None
        if fork and sys.platform.startswith("linux"):
            self._pid = _start(work, file)

    def _succeeded(self) -> bool:
        """Whether the child (if one was started) wrote its work; it is over either way."""
        pid, self._pid = self._pid, None
        return pid is not None and _succeeded(pid)

    def close(self) -> None:
        """Stop the child (if it still runs) and drop its work: it is not wanted (or has
        been taken). What the work was given is let go too: this object may live on in a
        reference cycle (an XlsxWriter workbook is one), and the data (300,000 tree rows)
        would then wait for the cyclic garbage collector."""
        if self._pid is not None:
            _kill(self._pid)
            self._pid = None
        if self._file is not None:
            self._file.close()
            self._file = None
        self._release()

    def _release(self) -> None:
        """Drop the reference to the work (its function and data)."""


class ForkedText(_Child):
    """`render(file)` run in a child process from now on; `write(fh)` copies what it wrote."""

    def __init__(self, render: Render, *, fork: bool = True) -> None:
        self._render: Render | None = render
        # Open for the life of this object (closed by write or close), not a block.
        file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
        self._begin(render, file, fork)

    def write(self, fh: Any) -> None:
        file = self._file
        assert file is not None, "written once"
        if not self._succeeded():
            assert self._render is not None, "written once"
            file.seek(0)
            file.truncate()
            self._render(file)
        file.flush()
        file.seek(0)
        shutil.copyfileobj(file, fh, CHUNK)
        self.close()

    def _release(self) -> None:
        self._render = None


class ForkedValue(_Child, Generic[T]):
    """`compute()` run in a child process from now on; `result()` gives its value."""

    def __init__(self, compute: Callable[[], T], *, fork: bool = True) -> None:
        self._compute = compute
        self._file = self._pid = None
        if fork and sys.platform.startswith("linux"):
            self._begin(self._dump, tempfile.TemporaryFile("w+b"), fork)  # noqa: SIM115

    def _dump(self, file: IO[Any]) -> None:
        pickle.dump(self._compute(), file, protocol=pickle.HIGHEST_PROTOCOL)

    def result(self) -> T:
        file = self._file
        try:
            if file is not None and self._succeeded():
                file.seek(0)
                value: T = pickle.load(file)  # written by this program's own child
                return value
        finally:
            self.close()
        return self._compute()


def _start(render: Callable[[IO[Any]], None], file: IO[Any]) -> int | None:
    parent = os.getpid()
    file.flush()
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    status = 1
    try:  # the child
        die_with_parent(parent)
        render(file)
        file.flush()
        status = 0
    finally:
        os._exit(status)


def _succeeded(pid: int) -> bool:
    """Whether the child ended well, waiting CHILD_LIMIT seconds at most: a child that has
    not ended by then (it cannot be, for work this process would do in seconds; a lock
    another thread held at the fork could) is killed, and the work is done here."""
    if not _ended_within(pid, CHILD_LIMIT):
        _kill(pid)
        return False
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return False
    return os.waitstatus_to_exitcode(status) == 0


def _ended_within(pid: int, limit: float) -> bool:
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd (Linux < 5.3): look now and then
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                    return True
            except ChildProcessError:
                return True
            time.sleep(0.005)
        return False
    try:
        ready, _, _ = select.select([fd], [], [], limit)
        return bool(ready)
    finally:
        os.close(fd)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
