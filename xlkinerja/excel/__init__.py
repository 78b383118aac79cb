"""The Excel front-end: the add-in's buttons run `dispatch(<action>)` (local mode, through
xlwings' RunPython) or post to the server (server mode, see xlkinerja/server/); both run
the same actions of `registry.ACTIONS` on the workbook.

The layer is the adapter between an xlwings Book and the jobs, which take data: it reads
the open workbook into the same form data the file reader makes (`reader.py`), and does
whatever touches the workbook or Excel — the findings' marks and report sheet by the plan
validasi returns (`writeback.py`), values on protected sheets (`cells.py`), the add-in's
macros (`macros.py`), Excel's folder dialog (`dialog.py`), the book's own folder and mode
(`book.py`), the planning unit's report opened or downloaded (`planner.py`)."""

from __future__ import annotations

from pathlib import Path

from xlkinerja.excel import actions as _actions  # noqa: F401  (registers the actions)
from xlkinerja.excel import actions_arsip as _actions_arsip  # noqa: F401  (registers kirim)
from xlkinerja.excel import actions_pengesahan as _pengesahan  # noqa: F401  (Bahas ... Kembalikan)
from xlkinerja.excel.context import ActionContext, Mode
from xlkinerja.excel.registry import ACTIONS, run_action

__all__ = ["ACTIONS", "ActionContext", "Mode", "dispatch", "run_action"]


def dispatch(action: str, triwulan: int = 0) -> None:
    """The add-in's local mode: run `action` on the workbook that called (RunPython), for
    the period chosen on the ribbon (`triwulan` 1..4; 0: the latest reported)."""
    import xlwings as xw

    from xlkinerja.excel.config import read_settings

    book = xw.Book.caller()
    settings = read_settings(book)
    master = settings.get("MASTER")
    context = ActionContext(
        mode=Mode.LOKAL,
        master=Path(master) if master else None,
        db=settings.get("DB") or None,
        settings=settings,
        triwulan=triwulan if triwulan in (1, 2, 3, 4) else None,
    )
    run_action(action, book, context)
