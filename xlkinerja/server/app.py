"""The ASGI app: `POST /xlwings/<action>` for the add-in's buttons, `GET /kesehatan`, and
`GET /unduh/<token>` for a report compiled for the planning unit (server/unduhan.py).

A call is checked from the cheapest refusal up, so that a request that will be refused costs
little: size (413, from Content-Length before reading, else while reading), key (401), action
(404); then, in a worker thread, JSON (400), xlwings version (400) and the action itself
(200, the actions for Excel). The body is read (up to the limit) before the 401 and 404:
answering while the client is still sending makes the connection reset, and the user would
see a network error instead of the message. The event loop only reads and answers;
everything that takes CPU runs in Starlette's thread pool, so calls of different units run
side by side (the archive serialises only its own writes, in its transactions).

Starlette, not FastAPI: the one endpoint takes the raw body (the size limit applies while
reading, the JSON is parsed in the worker thread with orjson), so FastAPI's models and
OpenAPI pages would go unused.
"""

from __future__ import annotations

import time

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from xlkinerja.core.version import VERSION
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.excel import ACTIONS
from xlkinerja.jobs.arsip import siapkan
from xlkinerja.server import messages
from xlkinerja.server.body import TooLarge, read_body
from xlkinerja.server.calllog import Outcome, log, log_call, printable
from xlkinerja.server.calls import CODE_HEADER, Answer, refusal, run_call
from xlkinerja.server.config import ServerConfig
from xlkinerja.server.keys import KeyRing, presented_key
from xlkinerja.server.remote import remote_engine, xlwings_version
from xlkinerja.server.unduhan import Downloads

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def create_app(config: ServerConfig) -> Starlette:
    """The server's app; refuses to start (XlkinerjaError) without a master, a keys file,
    the remote engine or an archive it can open (created or migrated here, once), rather than
    fail at every call."""
    if not config.master.is_file():
        raise XlkinerjaError(
            "workbook master tidak ditemukan.",
            code=ErrorCode.BERKAS_TIDAK_DITEMUKAN,
            path=config.master,
        )
    keys = KeyRing.load(config.keys)
    strangers = sorted(config.perencanaan - set(keys.units))
    if strangers:
        raise XlkinerjaError(
            f"unit perencanaan {', '.join(strangers)} tidak ada di berkas kunci.",
            code=ErrorCode.KUNCI_PERENCANAAN_TANPA_KUNCI,
            path=config.keys,
            hint="Isi --perencanaan dengan kode unit dari master yang punya kunci API.",
        )
    downloads = Downloads()
    remote_engine()
    xlwings = xlwings_version()
    archive = siapkan(config.db)
    log.info("master %s, %d unit keys, archive %s", config.master, len(keys.units), archive)

    async def call(request: Request) -> Response:
        started = time.perf_counter()
        action = str(request.path_params["action"])
        answer, unit = await _answer(request, action, config, keys, downloads)
        log_call(
            unit=unit,
            action=action,
            outcome=answer.outcome,
            status=answer.status,
            started=started,
            client=request.client.host if request.client else None,
        )
        return _response(answer)

    async def kesehatan(request: Request) -> Response:
        return JSONResponse({"status": "ok", "xlkinerja": VERSION, "xlwings": xlwings})

    async def unduh(request: Request) -> Response:
        started = time.perf_counter()
        offer = downloads.find(str(request.path_params["token"]))
        client = request.client.host if request.client else None
        if offer is None:
            log_call(
                unit=None,
                action="unduh",
                outcome=Outcome.NOT_FOUND,
                status=404,
                started=started,
                client=client,
            )
            text = messages.link_expired(downloads.minutes)
            return _response(
                refusal(404, ErrorCode.SERVER_TAUTAN_KEDALUWARSA, text, Outcome.NOT_FOUND)
            )
        log_call(
            unit=offer.unit,
            action="unduh",
            outcome=Outcome.OK,
            status=200,
            started=started,
            client=client,
        )
        media = XLSX if offer.path.suffix == ".xlsx" else "application/zip"
        return FileResponse(offer.path, media_type=media, filename=offer.path.name)

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        if status == 405:
            code, text = ErrorCode.SERVER_HANYA_POST, messages.method_not_allowed()
        else:
            code, text = ErrorCode.SERVER_ALAMAT_TIDAK_ADA, messages.not_found()
        return _response(refusal(status, code, text, Outcome.NOT_FOUND))

    app = Starlette(
        routes=[
            Route("/xlwings/{action}", call, methods=["POST"]),
            Route("/kesehatan", kesehatan, methods=["GET"]),
            Route("/unduh/{token}", unduh, methods=["GET"]),
        ],
        exception_handlers={404: not_found, 405: not_found},
    )
    app.state.config = config
    return app


async def _answer(
    request: Request, action: str, config: ServerConfig, keys: KeyRing, downloads: Downloads
) -> tuple[Answer, str | None]:
    """The answer to a call, and the unit that made it (None until the key is known)."""
    try:
        body = await read_body(request, config.max_body_bytes)
    except TooLarge as exc:
        text = messages.too_large(config.max_body_bytes, exc.size)
        return refusal(413, ErrorCode.SERVER_TERLALU_BESAR, text, Outcome.TOO_LARGE), None
    except ClientDisconnect:  # nobody left to answer; the log line still tells
        return refusal(400, None, "", Outcome.BAD_REQUEST), None
    authorization = request.headers.get("authorization")
    unit = keys.unit_for(authorization)
    if unit is None:
        if not presented_key(authorization):
            code, text = ErrorCode.SERVER_KUNCI_KOSONG, messages.missing_key()
        else:
            code, text = ErrorCode.SERVER_KUNCI_TIDAK_DIKENAL, messages.unknown_key()
        return refusal(401, code, text, Outcome.UNAUTHORIZED), None
    if action not in ACTIONS:
        text = messages.unknown_action(action[:40])
        return refusal(404, ErrorCode.SERVER_TOMBOL_TIDAK_DIKENAL, text, Outcome.NOT_FOUND), unit
    asked = request.query_params.get("triwulan", "0")
    if asked not in ("0", "1", "2", "3", "4"):  # the ribbon's Periode (macros/Kinerja.bas)
        text = messages.bad_period(printable(asked, 10))
        return refusal(400, ErrorCode.SERVER_PERIODE_TIDAK_SAH, text, Outcome.BAD_REQUEST), unit
    triwulan = int(asked) or None
    try:
        return await run_in_threadpool(
            run_call, action, body, unit, config, downloads, triwulan
        ), unit
    except Exception:
        log.exception("call of %r by unit %s failed", action, unit)
        return refusal(
            500, ErrorCode.SERVER_GALAT_INTERNAL, messages.internal(), Outcome.INTERNAL
        ), unit


def _response(answer: Answer) -> Response:
    if answer.is_json:
        return Response(answer.body, status_code=200, media_type="application/json")
    headers = {"WWW-Authenticate": 'Bearer realm="xlkinerja"'} if answer.status == 401 else {}
    if answer.code is not None:
        headers[CODE_HEADER] = answer.code.value
    return Response(
        answer.body,
        status_code=answer.status,
        media_type="text/plain; charset=utf-8",
        headers=headers,
    )
