"""The add-in's actions: one registry from a button's tag to a function of the workbook.

Every action takes the workbook (an xlwings Book: live in local mode, the remote engine's in
server mode) and the ActionContext, calls a job on the workbook's content, writes into the
workbook what the job hands back, and returns the job's result; `run_action` shows that
result to the user in a message box (the result's Summary, shortened). A user error is a
message in Indonesian with its code ("Galat [kode]: ..."), never a traceback; a bug is one
line asking to report it.
The ribbon's buttons (xlkinerja/addin/ribbon.py) name these actions; a test checks both
lists agree.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.excel.alert import alert_text
from xlkinerja.excel.book import is_remote
from xlkinerja.excel.context import ActionContext
from xlkinerja.jobs.summary import Presentable

Action = Callable[[Any, ActionContext], Presentable]
ACTIONS: dict[str, Action] = {}
TITLE = "xlkinerja"
log = logging.getLogger("xlkinerja.excel")


def action(name: str) -> Callable[[Action], Action]:
    def register(func: Action) -> Action:
        if name in ACTIONS:
            raise ValueError(f"action {name!r} is registered twice")
        ACTIONS[name] = func
        return func

    return register


class UnknownAction(XlkinerjaError):
    pass


def run_action(name: str, book: Any, context: ActionContext) -> Presentable | None:
    """Run action `name` on `book` and tell the user how it went (a message box)."""
    func = ACTIONS.get(name)
    try:
        if func is None:
            raise UnknownAction(
                f"tombol '{name}' tidak dikenal oleh xlkinerja ini.",
                code=ErrorCode.ADDIN_TOMBOL_TIDAK_DIKENAL,
                hint="Perbarui add-in xlkinerja agar sama dengan versi xlkinerja.",
            )
        result = func(book, context)
    except XlkinerjaError as exc:
        _alert(book, f"{exc.heading()} {exc.user_message()}", critical=True)
        return None
    except Exception as exc:
        log.exception("action %s failed", name)
        _alert(
            book,
            f"Kesalahan internal ({type(exc).__name__}). Laporkan ke Unit Perencanaan/admin "
            "xlkinerja beserta waktu kejadiannya.",
            critical=True,
        )
        return None
    _alert(book, alert_text(result.summary()))
    return result


def _alert(book: Any, text: str, *, critical: bool = False) -> None:
    mode = "critical" if critical else "info"
    if is_remote(book):
        # On this book's own list of actions: the remote engine's `app.alert` puts it on
        # the app's most recently opened book — another request's, on a busy server.
        book.impl.append_json_action(func="alert", args=[text, TITLE, "ok", mode, ""])
    else:
        book.app.alert(text, title=TITLE, buttons="ok", mode=mode)
