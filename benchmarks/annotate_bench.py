"""Benchmark of writing findings back into a workbook. Run: python benchmarks/annotate_bench.py

A copy of the sample unit workbook (Teknik Informatika) gets 20 findings (galat,
peringatan and info; existing and not-yet-existing cells) and is annotated; median of 20
runs for three cases:
1. first run, all findings on one sheet (PK),
2. first run, findings on two sheets (PK and Rencana Aksi),
3. a re-run on the annotated file (the previous marks are removed first).
Each run includes reading the file, the backup copy and the atomic replace.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from xlkinerja.core.finding import Finding, Severity
from xlkinerja.render.annotate import annotate_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbooks" / "contoh" / "TI-jurusan-teknik-informatika.xlsx"
RUNS = 20
LEVELS = (Severity.GALAT, Severity.PERINGATAN, Severity.INFO)


def findings(path: Path, sheets: tuple[str, ...], count: int = 20) -> list[Finding]:
    cells = [f"{col}{row}" for row in range(22, 40) for col in "BCEGH"]  # some past the data
    found = []
    for n in range(count):
        sheet = sheets[n % len(sheets)]
        cell = cells[(n * 7) % len(cells)]
        found.append(
            Finding(
                code=f"bench.aturan_{n}",
                severity=LEVELS[n % 3],
                file=str(path),
                sheet=sheet,
                cell=cell,
                row=None,
                field="Target",
                value=str(n),
                message=f"Lembar {sheet}, sel {cell}: nilai {n} tidak sesuai aturan {n}.",
                hint="Perbaiki nilainya sesuai petunjuk.",
            )
        )
    return found


def timed(setup: Callable[[], None], run: Callable[[], None]) -> list[float]:
    times = []
    for _ in range(RUNS):
        setup()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float]) -> None:
    ms = [t * 1000 for t in times]
    print(
        f"{label:<42} median {statistics.median(ms):6.1f} ms   "
        f"min {min(ms):6.1f}   max {max(ms):6.1f}   ({RUNS} runs)"
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / SAMPLE.name

        def fresh() -> None:
            shutil.copy(SAMPLE, path)

        now = datetime(2025, 3, 1, 10, 0, 0)
        one_sheet = findings(path, ("PK",))
        two_sheets = findings(path, ("PK", "Rencana Aksi"))
        fresh()
        annotate_workbook(path, one_sheet, now=now)  # warm up imports and caches
        print(f"{SAMPLE.name}: {SAMPLE.stat().st_size} bytes, {len(one_sheet)} findings")
        report(
            "first run, one sheet (PK)",
            timed(fresh, lambda: annotate_workbook(path, one_sheet, now=now)),
        )
        report(
            "first run, two sheets (PK, Rencana Aksi)",
            timed(fresh, lambda: annotate_workbook(path, two_sheets, now=now)),
        )
        fresh()
        annotate_workbook(path, two_sheets, now=now)
        report(
            "re-run on the annotated file (two sheets)",
            timed(lambda: None, lambda: annotate_workbook(path, two_sheets, now=now)),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
