"""One log line per call of the add-in: who (the key's unit), what (the action), how long,
how it ended. Never the workbook's contents, never the key: a log is read by more people
than the data is.

    unit=TI action=validasi outcome=ok status=200 ms=24.1 client=10.0.0.7

`outcome` is `ok`, `galat` (the action ran and showed the user an error message in Excel:
a user error, or an internal one the registry logged with its traceback just before), or
the HTTP status of a refusal: 400 (not a request of the add-in, or another xlwings
version), 401 (no key, unknown key), 404 (unknown action), 413 (too large), 500.
"""

from __future__ import annotations

import logging
import re
import time
from enum import StrEnum

log = logging.getLogger("xlkinerja.server")
_UNSAFE = re.compile(r"[^\w.-]")


class Outcome(StrEnum):
    OK = "ok"
    GALAT = "galat"
    BAD_REQUEST = "400"
    UNAUTHORIZED = "401"
    NOT_FOUND = "404"
    TOO_LARGE = "413"
    INTERNAL = "500"


def printable(text: str, limit: int = 40) -> str:
    """A client-chosen name as it may appear in a log line: no spaces or line breaks that
    would forge another field or line, and not too long."""
    return _UNSAFE.sub("?", text[:limit]) or "-"


def log_call(
    *,
    unit: str | None,
    action: str,
    outcome: Outcome,
    status: int,
    started: float,
    client: str | None,
) -> None:
    """The call's line; `started` from time.perf_counter() when the request came in."""
    log.info(
        "unit=%s action=%s outcome=%s status=%d ms=%.1f client=%s",
        unit or "-",
        printable(action),
        outcome.value,
        status,
        (time.perf_counter() - started) * 1000,
        client or "-",
    )
