"""A call of the add-in, once the server knows who sent it and which action: the blocking
part, run in a worker thread (parse, check the version, build the book, run the action).

The action runs through the same registry as the local mode (`run_action`): an error of the
user's is a message box in Excel (an `alert` in a 200 answer), as locally. The context says
which unit the API key belongs to (`ActionContext.unit`), and nothing in the request can
change it: an action that acts for a unit must refuse a workbook of another unit, as
`kirim` does (jobs/kirim.py: a unit workbook is its kode_unit's, an SKP its employee's
unit's). The server cannot tell a workbook's unit without reading it; the action reads it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import orjson

from xlkinerja.errors import ErrorCode, heading
from xlkinerja.excel import ActionContext, Mode, run_action
from xlkinerja.server import messages
from xlkinerja.server.calllog import Outcome, printable
from xlkinerja.server.config import ServerConfig, default_reports
from xlkinerja.server.remote import request_book, xlwings_version
from xlkinerja.server.unduhan import Downloads

log = logging.getLogger("xlkinerja.server")
CODE_HEADER = "X-Xlkinerja-Kode"  # a refusal's code, for programs (the body says it too)
NOT_JSON = ErrorCode.SERVER_BUKAN_BUKU_KERJA


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    outcome: Outcome
    code: ErrorCode | None = None  # a refusal's

    @property
    def is_json(self) -> bool:
        return self.status == 200


def refusal(status: int, code: ErrorCode | None, text: str, outcome: Outcome) -> Answer:
    """A refusal the add-in shows as it is: "Galat [kode]: text" (no code: nobody is left to
    read it, or there is nothing to say)."""
    body = f"{heading(code)} {text}" if code is not None else text
    return Answer(status, body.encode("utf-8"), outcome, code)


def is_workbook_payload(payload: dict[str, Any]) -> bool:
    """The shape of what xlwings' VBA client always sends (Remote.bas): the client, the book's
    name and active sheet, the names, and every sheet with its name, values, tables and
    pictures. Checked here so that a request of another shape is a 400, not an error in an
    action."""
    book = payload.get("book")
    sheets = payload.get("sheets")
    return (
        isinstance(payload.get("client"), str)
        and isinstance(book, dict)
        and isinstance(book.get("name"), str)
        and isinstance(book.get("active_sheet_index"), int)
        and isinstance(payload.get("names"), list)
        and isinstance(sheets, list)
        and bool(sheets)
        and all(
            isinstance(sheet, dict)
            and isinstance(sheet.get("name"), str)
            and all(isinstance(sheet.get(key), list) for key in ("values", "tables", "pictures"))
            for sheet in sheets
        )
    )


def run_call(
    action: str,
    body: bytes,
    unit: str,
    config: ServerConfig,
    downloads: Downloads,
    triwulan: int | None = None,
) -> Answer:
    """The answer to the add-in's call of `action` with request `body`, sent by `unit`, for
    the period chosen on the ribbon (`triwulan`; None: the latest reported)."""
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError:
        return refusal(400, NOT_JSON, messages.not_json(), Outcome.BAD_REQUEST)
    if not isinstance(payload, dict) or not isinstance(payload.get("version"), str):
        return refusal(400, NOT_JSON, messages.not_json(), Outcome.BAD_REQUEST)
    server = xlwings_version()
    if payload["version"] != server:
        shown = printable(payload["version"], 20)
        text = messages.other_version(shown, server)
        return refusal(400, ErrorCode.SERVER_VERSI_ADDIN_BEDA, text, Outcome.BAD_REQUEST)
    if not is_workbook_payload(payload):
        return refusal(400, NOT_JSON, messages.not_json(), Outcome.BAD_REQUEST)
    context = ActionContext(
        mode=Mode.SERVER,
        master=config.master,
        db=config.db,
        unit=unit,
        perencanaan=unit in config.perencanaan,
        reports=config.rekap or default_reports(),
        publish=downloads.publisher(unit),
        settings={"MODE": Mode.SERVER.value, "UNIT": unit},
        triwulan=triwulan,
    )
    try:
        with request_book(payload) as book:
            result = run_action(action, book, context)
            answer = book.json()
    except (KeyError, IndexError, TypeError, ValueError):
        # The remote engine could not make a workbook of it (the registry catches what the
        # action raises): a request shaped like the add-in's on the outside only.
        log.warning("request of unit %s is not a workbook payload", unit, exc_info=True)
        return refusal(400, NOT_JSON, messages.not_json(), Outcome.BAD_REQUEST)
    outcome = Outcome.OK if result is not None else Outcome.GALAT
    return Answer(200, orjson.dumps(answer, option=orjson.OPT_SERIALIZE_NUMPY), outcome)
