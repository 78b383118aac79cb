"""A child process that ends with its parent, however the parent ends (kill -9 too)."""

from __future__ import annotations

import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """This process gets SIGKILL when its parent (pid `parent`) ends, however it ends
    (kill -9 too): a worker when the fork server goes, the fork server when the program
    goes. Otherwise they stay, blocked on a pipe nobody writes, after the program was
    killed. A parent gone already (before the request was made) ends this process now.
    Linux only (prctl); elsewhere nothing happens."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)
