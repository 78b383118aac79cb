"""The add-in's own macros (macros/*.bas), run on the workbook an action runs on.

Two ways, one call: in server mode the answer to the add-in carries xlwings' runMacro action
(JSON), which the VBA client carries out after the call; in local mode Python runs the
macro through COM (Application.Run). VBA receives the workbook first either way.
"""

from __future__ import annotations

from typing import Any

from xlkinerja.excel.config import ADDIN


def macro_name(name: str) -> str:
    """A macro of the add-in, named so that Excel finds it from any workbook."""
    return f"'{ADDIN}'!{name}"


def run_macro(book: Any, name: str, *args: object, remote: bool) -> None:
    """Run the add-in's macro `name` on `book` (which VBA receives first)."""
    if remote:
        # Onto this book's own list of actions: the remote engine's `app.macro` puts it on
        # the app's most recently opened book, another request's on a busy server. The VBA
        # client's runMacro passes the workbook first.
        book.impl.append_json_action(func="runMacro", args=[macro_name(name), *args])
    else:
        book.app.macro(macro_name(name))(book.api, *args)
