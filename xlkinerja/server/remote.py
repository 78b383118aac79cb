"""The workbook of a request, through xlwings' remote engine (`xw.Book(json=...)`).

The remote engine is in xlwings' "pro" folder, licensed PolyForm Noncommercial 1.0.0 —
free for noncommercial use, which includes government institutions — and xlwings only
registers it when XLWINGS_LICENSE_KEY is set at its import. The server is the one place
that sets it (to "noncommercial", unless the admin set a key); `import xlkinerja`, the CLI
and the local add-in never need it.

Every request gets an App of its own. `xw.Book(json=...)` would open the book in the
engine's one shared App, whose `alert` and `macro` calls go to that App's *active* book:
with two requests at once, one request's message box and cell marks would be sent back to
the other's workbook. Its own App keeps them with its own book, and killing the App after
the call drops the book (the shared App would keep every request's book forever).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError

LICENSE_ENV = "XLWINGS_LICENSE_KEY"
NONCOMMERCIAL = "noncommercial"


def xlwings_version() -> str:
    """The installed xlwings' version: the add-in's VBA must be the same."""
    return str(_xlwings().__version__)


def _xlwings() -> Any:
    os.environ.setdefault(LICENSE_ENV, NONCOMMERCIAL)
    import xlwings

    return xlwings


def remote_engine() -> Any:
    """xlwings' remote engine; an error for the admin when xlwings was imported before the
    license key was set (then it never registered the engine)."""
    xw = _xlwings()
    if "remote" not in [engine.name for engine in xw.engines]:
        raise XlkinerjaError(
            "mesin remote xlwings tidak tersedia.",
            code=ErrorCode.LINGKUNGAN_MESIN_REMOTE_TIDAK_ADA,
            hint=f"Jalankan server dengan variabel lingkungan {LICENSE_ENV}={NONCOMMERCIAL} "
            "(lisensi PolyForm Noncommercial 1.0.0, boleh untuk instansi pemerintah).",
        )
    return xw.engines["remote"]


@contextmanager
def request_book(payload: dict[str, Any]) -> Iterator[Any]:
    """The workbook the add-in sent, in an App of its own, gone after the `with`."""
    app = remote_engine().apps.add(add_book=False)
    try:
        yield app.books.open(json=payload)
    finally:
        app.kill()
