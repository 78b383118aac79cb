"""Calling the xlkinerja server as the add-in does, over real HTTP on loopback: for the
server tests and benchmarks/server_bench.py.

The add-in's VBA (xlwings' Remote.bas) posts the workbook as JSON to
`SERVER_URL/xlwings/<action>` with the AUTH setting as the `Authorization` header; a 200
answer is `{"actions": [...]}` for Excel, anything else is text shown in a message box.
"""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # before xlwings is imported

import csv
import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from tests.vba_payload import payload

TIMEOUT = 120.0
_CHECKED_AT = re.compile(r"(diperiksa|dihitung) \d\d-\d\d-\d{4} \d\d:\d\d")


def body_of(path: Path) -> bytes:
    """The request body the add-in sends for the workbook at `path`."""
    return json.dumps(payload(path)).encode("utf-8")


def unit_keys(handout: Path) -> dict[str, str]:
    """Unit → plain key, from the CSV `xlkinerja server kunci` writes to hand out."""
    with handout.open(encoding="utf-8-sig", newline="") as rows:
        return {row["kode_unit"]: row["kunci"] for row in csv.DictReader(rows)}


def headers(key: str | None) -> dict[str, str]:
    found = {"Content-Type": "application/json"}
    if key is not None:
        found["Authorization"] = key
    return found


def post(client: httpx.Client, action: str, body: bytes, key: str | None) -> httpx.Response:
    return client.post(f"/xlwings/{action}", content=body, headers=headers(key))


def call_concurrently(
    base_url: str, action: str, calls: Sequence[tuple[str | None, bytes]]
) -> list[httpx.Response]:
    """Every call (key, body) of `action` at once, each from its own thread and connection,
    released together by a barrier; the answers in the order of `calls`."""
    barrier = threading.Barrier(len(calls))

    def one(call: tuple[str | None, bytes]) -> httpx.Response:
        key, body = call
        with httpx.Client(base_url=base_url, timeout=TIMEOUT) as client:
            client.get("/kesehatan")  # connected before the barrier
            barrier.wait()
            return post(client, action, body, key)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(one, calls))


def comparable(answer: dict[str, Any]) -> str:
    """An answer as text with the minute of the check blanked out (the Hasil Validasi
    heading says when it was checked, the Hitung capaian heading when it was computed), so
    two runs of the same action a minute apart compare equal."""
    return _CHECKED_AT.sub(r"\1 <waktu>", json.dumps(answer, sort_keys=True))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def command_server(args: Sequence[str], env: dict[str, str] | None = None) -> Iterator[str]:
    """`python -m xlkinerja server ARGS --port <free>` in its own process, as an admin
    starts it; yields its base URL once /kesehatan answers. What it logs: `command_log`."""
    port = free_port()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"xlkinerja-server-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "xlkinerja", "server", *args, "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    url = f"http://127.0.0.1:{port}"
    _LOGS[url] = log
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{url}/kesehatan", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {log.read_text(errors='replace')}")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        _LOGS.pop(url, None)
        log.unlink(missing_ok=True)


_LOGS: dict[str, Path] = {}


def command_log(url: str) -> str:
    """What the server started by `command_server` at `url` has logged so far."""
    return _LOGS[url].read_text(encoding="utf-8", errors="replace")
