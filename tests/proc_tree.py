"""The processes of a session, from /proc (Linux): what a killed command left behind. The
command under test runs in its own session (`start_new_session=True`), so its fork server,
resource tracker and workers are found even after they lost their parent."""

from __future__ import annotations

import time
from pathlib import Path


def session_processes(sid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every live (not zombie) process of session `sid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            found.append((int(entry.name), cmdline))
    return found


def wait_for(condition: object, timeout: float, step: float = 0.05) -> bool:
    """Poll `condition()` until true or `timeout` seconds passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(step)
    return bool(condition())  # type: ignore[operator]


def workers_running(sid: int, count: int = 2) -> bool:
    """Whether the session runs `count` worker processes (forks of the fork server)."""
    servers = [c for _, c in session_processes(sid) if "multiprocessing.forkserver" in c]
    return len(servers) >= count + 1  # the server and its forks share the command line
