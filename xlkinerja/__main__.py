"""`python -m xlkinerja` and the `xlkinerja` command.

Ctrl+C, SIGTERM and SIGHUP while the program is still starting (importing the CLI, well
before any job has written a file or started a process) end it at once and quietly; once
the CLI runs, its own handlers take over (see cli/app.py `stop_on_signals`)."""

import os
import signal


def _quiet_exit(signum: int, _frame: object) -> None:
    os._exit(128 + signum)


def run() -> None:
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, _quiet_exit)
    from xlkinerja.cli import main

    main()


if __name__ == "__main__":
    run()
