"""The add-in's action that sends the workbook to the institution's archive (see
jobs/kirim.py for who may send what and what is recorded).

Kirim runs in server mode only: there the server's archive is the institution's one and the
API key says which unit is sending. In local mode Python runs on the user's own PC with
whatever archive its settings name, and nothing says which unit the user is: a local
"kirim" could record any unit's workbook as that unit's, or fill a private archive the
planning unit never sees. So local mode explains where kirim works instead.
"""

from __future__ import annotations

from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.excel.context import ActionContext, Mode
from xlkinerja.excel.reader import OpenWorkbook
from xlkinerja.excel.registry import action
from xlkinerja.jobs.kirim import KirimResult, submit


class KirimLokal(XlkinerjaError):
    """Kirim asked of the add-in in local mode."""


@action("kirim")
def kirim(book: Any, context: ActionContext) -> KirimResult:
    """Check this workbook and, when it has no galat, record it as its unit's next version
    in the server's archive; the answer is the receipt (version, time) or the findings."""
    if context.mode == Mode.LOKAL:
        raise KirimLokal(
            "Kirim hanya dapat dipakai dalam mode server: workbook dikirim ke arsip server "
            "institusi dengan kunci API unit Anda.",
            code=ErrorCode.MODE_HANYA_SERVER,
            hint="Minta Unit Perencanaan/admin xlkinerja mengatur add-in ke mode server "
            "(MODE=server, SERVER_URL dan AUTH di xlkinerja.conf).",
        )
    return submit(
        OpenWorkbook(book), master=context.master, db=context.db, unit=context.unit, now=context.now
    )
