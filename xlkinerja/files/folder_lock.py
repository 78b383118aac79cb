"""One writer per folder: two runs that write findings into the same folder's workbooks
(`validasi --annotate` started twice, or from two terminals) take turns instead of both
failing half-way.

The lock is an advisory `flock` on a file in the system's temporary folder named after the
folder's resolved path: nothing is left in the user's folder, and a read-only folder can
be locked too. Where there is no `fcntl` (Windows) there is no lock; the check that a file
did not change while it was read (see render/annotate) still refuses to write over a change.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 300.0  # how long a second run waits for the first to finish its folder
POLL_SECONDS = 0.1
LOCK_DIR_NAME = "xlkinerja-kunci"


def lock_file_for(folder: Path) -> Path:
    """The lock file of `folder` (resolved), in the system's temporary folder."""
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return Path(tempfile.gettempdir()) / LOCK_DIR_NAME / f"{key[:32]}.lock"


@contextmanager
def folders_locked(
    folders: Iterable[Path],
    *,
    wait: float | None = None,
    waiting: Callable[[Path], None] | None = None,
) -> Iterator[set[Path]]:
    """Hold the lock of every folder (in one order, so two runs never wait for each other
    in a circle). Yields the folders that could NOT be locked within `wait` seconds (another
    run holds them): the caller does not write there. A lock that cannot be made at all
    (no `fcntl`, an unwritable temporary folder) is not a reason to stop: the folder counts
    as locked. `wait`: WAIT_SECONDS unless given; `waiting` is called with a folder
    another run holds, before waiting for it."""
    wait = WAIT_SECONDS if wait is None else wait
    busy: set[Path] = set()
    with contextlib.ExitStack() as stack:
        for folder in sorted({f.resolve() for f in folders}):
            if not stack.enter_context(_locked(folder, wait, waiting)):
                busy.add(folder)
        yield busy


@contextmanager
def _locked(folder: Path, wait: float, waiting: Callable[[Path], None] | None) -> Iterator[bool]:
    if fcntl is None:
        yield True
        return
    path = lock_file_for(folder)
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(exist_ok=True)
            with contextlib.suppress(OSError):  # shared by every user, as /tmp itself
                path.parent.chmod(0o1777)
        # Read-only is enough for flock, and lets another user's run lock the same file;
        # no link followed (the folder is shared).
        fd = os.open(path, os.O_RDONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError:
        yield True  # no place for a lock: go on as before locks existed
        return
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if waiting is not None and not told:
                    waiting(folder)
                    told = True
                if time.monotonic() >= deadline:
                    yield False
                    return
                time.sleep(POLL_SECONDS)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
