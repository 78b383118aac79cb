"""Benchmark of Validasi (issue 3). Run: python benchmarks/validasi_bench.py

1. One typical unit workbook end to end (read with calamine + every check), in-process,
   median of many runs (the first call, which warms pandas/pandera up, is reported apart).
2. 100,000 table rows through the schemas: synthetic unit workbooks' tables stacked (as
   kompilasi does) through normalisation, the pandera schema and the uniqueness checks.
Results are written to benchmarks/RESULTS.md by hand after a run on the 2-core machine.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from xlkinerja.core.form_data import CellValue, FormData, Row, TableData
from xlkinerja.jobs.checks import validate_forms
from xlkinerja.jobs.validasi import validate_paths
from xlkinerja.sources.reader import read_form
from xlkinerja.validation.normalise import normalise_form
from xlkinerja.validation.schema import check_schema
from xlkinerja.validation.unique import check_unique

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "workbooks" / "contoh" / "TM-jurusan-teknik-mesin.xlsx"


def one_workbook(runs: int = 50) -> tuple[float, list[float]]:
    start = time.perf_counter()
    validate_forms([read_form(UNIT)])
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        validate_forms([read_form(UNIT)])
        times.append(time.perf_counter() - start)
    return first, times


def one_workbook_job(runs: int = 50) -> list[float]:
    """The same workbook through `validate_paths` (file in, findings out), in-process."""
    validate_paths([UNIT], workers=1)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        validate_paths([UNIT], workers=1)
        times.append(time.perf_counter() - start)
    return times


def synthetic(base: FormData, rows_per_table: int, index: int) -> FormData:
    """A unit workbook whose PK, RA and capaian tables each hold `rows_per_table` rows."""
    tables = dict(base.tables)
    for key in ("pk", "ra", "capaian"):
        table = base.table(key)
        template = table.rows
        rows = []
        for n in range(rows_per_table):
            source = template[n % len(template)]
            cells = {
                k: CellValue(
                    c.value if k not in ("kode_ikk",) else f"IKK-TM-{n + 1}", c.sheet, c.cell
                )
                for k, c in source.cells.items()
            }
            rows.append(Row(number=n + 10, cells=cells))
        tables[key] = TableData.from_rows(table.spec, table.sheet, rows)
    return replace(base, path=Path(f"unit-{index}.xlsx"), tables=tables)


def schema_rows(total: int = 100_000, per_table: int = 200) -> tuple[int, float, float]:
    base = read_form(UNIT)
    files = total // (3 * per_table)
    datas = [synthetic(base, per_table, i) for i in range(files)]
    rows = sum(len(t) for d in datas for t in d.tables.values())
    start = time.perf_counter()
    normal = [normalise_form(d)[0] for d in datas]
    normalised = time.perf_counter() - start
    start = time.perf_counter()
    check_schema(normal)
    for form in normal:
        check_unique(form)
    checked = time.perf_counter() - start
    return rows, normalised, checked


def main() -> None:
    first, times = one_workbook()
    print(
        f"one unit workbook, read + all checks: median {statistics.median(times) * 1000:.1f} ms"
        f" (p90 {sorted(times)[int(len(times) * 0.9)] * 1000:.1f} ms; first call "
        f"{first * 1000:.0f} ms incl. warm-up)"
    )
    job = one_workbook_job()
    print(
        f"one unit workbook through the validasi job (validate_paths: the pipeline the CLI, "
        f"the ribbon and the server use): median {statistics.median(job) * 1000:.1f} ms"
    )
    rows, normalised, checked = schema_rows()
    print(
        f"{rows} rows: normalise {normalised:.2f} s, schema + uniqueness {checked:.2f} s, "
        f"total {normalised + checked:.2f} s"
    )
    many_workbooks()


def many_workbooks() -> None:
    """`validasi` of the kompilasi benchmark's 1,000 workbooks and master (if generated:
    python benchmarks/kompilasi_bench.py 1000), in one process and with 2 workers."""
    folder = Path("/tmp/xlk-bench")
    masters = sorted(folder.glob("master-*.xlsx"))
    if not masters:
        print(f"(no {folder}: run benchmarks/kompilasi_bench.py first for the 1,000-file case)")
        return
    for workers in (1, 2):
        start = time.perf_counter()
        result = validate_paths([folder / "unit", masters[0]], workers=workers)
        seconds = time.perf_counter() - start
        print(f"validasi of {len(result.files)} workbooks, {workers} process(es): {seconds:.1f} s")
    for workers in (1, 2):  # --annotate rewrites every file: on a copy
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp)
            shutil.copytree(folder / "unit", copy / "unit")
            shutil.copy(masters[0], copy / masters[0].name)
            start = time.perf_counter()
            result = validate_paths([copy], annotate=True, workers=workers)
            seconds = time.perf_counter() - start
        print(
            f"validasi --annotate of {len(result.files)} workbooks, {workers} process(es): "
            f"{seconds:.1f} s"
        )


if __name__ == "__main__":
    sys.exit(main())
