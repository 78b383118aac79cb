"""Benchmark of the server mode (issue 12). Run: python benchmarks/server_bench.py

The server is started as an admin starts it (`python -m xlkinerja server`, its own process,
loopback), with keys made by `xlkinerja server kunci` from the sample master. The request is
the body xlwings' VBA client sends for the sample's biggest unit workbook (tests/vba_payload),
built once.

1. `validasi` end to end over HTTP: the first call (warms pandas/pandera up) apart, then
   the median of --ulang sequential calls (target: median <= 300 ms).
2. The same work in-process, without HTTP (run_action on xw.Book(json=...)): what HTTP adds.
3. --serentak `validasi` calls at once (each unit's own workbook with its own key): all
   answered, the wall time and the slowest answer.
4. --serentak `kirim` calls at once, each a workbook of different content (P3M's, and TI's
   with its planted galat fixed, alternately; a place name changed in each): all recorded,
   each unit's versions numbered without gaps. The archive is an SQLite file, or with
   --postgres a throwaway PostgreSQL server (tests/pg_server.py).
Results are copied into benchmarks/RESULTS.md by hand after a run on the 2-core machine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests/ (the payload maker, the HTTP harness)

import httpx  # noqa: E402

from tests.server_harness import (  # noqa: E402
    body_of,
    call_concurrently,
    command_server,
    post,
    unit_keys,
)
from tests.vba_payload import payload, set_cell  # noqa: E402
from xlkinerja.files.ooxml.properties import template_id  # noqa: E402
from xlkinerja.jobs.kunci import make_keys  # noqa: E402
from xlkinerja.specs import FormKind  # noqa: E402

SAMPLE = ROOT / "workbooks" / "contoh"
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
Call = tuple[str | None, bytes]  # (key, body)


def unit_workbooks() -> dict[str, Path]:
    """The sample's unit workbooks by unit code (TI-....xlsx → TI)."""
    return {
        p.name.split("-", 1)[0]: p
        for p in sorted(SAMPLE.glob("*.xlsx"))
        if template_id(p) == FormKind.UNIT
    }


def biggest(books: dict[str, Path]) -> tuple[str, Path, bytes]:
    bodies = {unit: body_of(path) for unit, path in books.items()}
    unit = max(bodies, key=lambda u: len(bodies[u]))
    return unit, books[unit], bodies[unit]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def sequential(url: str, body: bytes, key: str, runs: int) -> tuple[float, list[float]]:
    with httpx.Client(base_url=url, timeout=120) as client:
        start = time.perf_counter()
        first = post(client, "validasi", body, key)
        first_time = time.perf_counter() - start
        assert first.status_code == 200, first.text
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = post(client, "validasi", body, key)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, response.text
    return first_time, times


def in_process(body: bytes, runs: int) -> list[float]:
    """The same validasi without HTTP: the payload parsed, the book built, the action run,
    the answer serialised — what the server does inside a call."""
    import orjson

    from xlkinerja.excel import ActionContext, Mode, run_action
    from xlkinerja.server.remote import request_book

    context = ActionContext(mode=Mode.SERVER, master=MASTER, unit="X")
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        with request_book(orjson.loads(body)) as book:
            run_action("validasi", book, context)
            orjson.dumps(book.json())
        if i:  # the first one warms up
            times.append(time.perf_counter() - start)
    return times


def concurrent(
    url: str, action: str, calls: list[tuple[str, bytes]]
) -> tuple[float, list[float], list[httpx.Response]]:
    start = time.perf_counter()
    responses = call_concurrently(url, action, calls)
    wall = time.perf_counter() - start
    return wall, [r.elapsed.total_seconds() for r in responses], responses


def validasi_calls(books: dict[str, Path], keys: dict[str, str], count: int) -> list[Call]:
    units = [list(books)[i % len(books)] for i in range(count)]
    bodies = {unit: body_of(path) for unit, path in books.items()}
    return [(keys[unit], bodies[unit]) for unit in units]


def kirim_calls(books: dict[str, Path], keys: dict[str, str], count: int) -> list[Call]:
    """Workbooks of different content, each recordable (as in tests/test_kirim.py)."""
    calls = []
    for n in range(count):
        if n % 2:
            unit, body = "P3M", payload(books["P3M"])
        else:  # TI's planted galat fixed: IKK-TI-6 names an IKU of the master
            unit, body = "TI", set_cell(payload(books["TI"]), "PK", "H27", "IKU-6")
        body = set_cell(body, "PK", "B14", f"Kota {n}")
        calls.append((keys[unit], json.dumps(body).encode("utf-8")))
    return calls


def recorded(db: str) -> dict[str, str]:
    """Per unit of the archive: how many versions, and whether they run 1..n."""
    from xlkinerja.store import Archive

    found = {}
    with Archive.open(db) as archive:
        for latest in archive.submissions():
            numbers = [v.version for v in archive.versions(latest.unit)]
            gapless = numbers == list(range(1, len(numbers) + 1))
            found[latest.unit] = f"{len(numbers)} versions, {'1..n' if gapless else numbers}"
    return found


def at_once(wall: float, each: list[float], responses: list[httpx.Response]) -> dict[str, Any]:
    return {
        "statuses": sorted({r.status_code for r in responses}),
        "answered": sum(r.status_code == 200 for r in responses),
        "wall": ms(wall),
        "slowest": ms(max(each)),
        "median": ms(statistics.median(each)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ulang", type=int, default=50, help="sequential calls (>= 30)")
    parser.add_argument("--serentak", type=int, default=20, help="calls at once")
    parser.add_argument("--postgres", action="store_true", help="the archive on PostgreSQL")
    args = parser.parse_args()
    books = unit_workbooks()
    unit, path, body = biggest(books)
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="xlk-bench-")))
        if args.postgres:
            from tests.pg_server import PostgresCluster

            cluster = PostgresCluster()
            stack.callback(cluster.stop)
            cluster.start()
            db = cluster.new_database()
        else:
            db = str(folder / "arsip.sqlite")
        made = make_keys(MASTER, folder / "kunci")
        keys = unit_keys(made.handout)
        command = ["--master", str(MASTER), "--kunci", str(made.keys_file), "--db", db]
        with command_server(command) as url:
            first, times = sequential(url, body, keys[unit], args.ulang)
            checks = concurrent(url, "validasi", validasi_calls(books, keys, args.serentak))
            sends = concurrent(url, "kirim", kirim_calls(books, keys, args.serentak))
        versions = recorded(db)
    local = in_process(body, args.ulang)
    quantiles = statistics.quantiles(times, n=10)
    print(
        json.dumps(
            {
                "workbook": path.name,
                "request_bytes": len(body),
                "archive": "postgresql" if args.postgres else "sqlite",
                "first_call": ms(first),
                "median_http": ms(statistics.median(times)),
                "p90_http": ms(quantiles[-1]),
                "min_http": ms(min(times)),
                "max_http": ms(max(times)),
                "runs": len(times),
                "median_in_process": ms(statistics.median(local)),
                f"{args.serentak}_at_once_validasi": at_once(*checks),
                f"{args.serentak}_at_once_kirim": at_once(*sends),
                "versions_recorded": versions,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
