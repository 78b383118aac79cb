"""Benchmark of the archive (issue 5). Run: python benchmarks/archive_bench.py [--db URL]

Records N synthetic unit submissions of ~600 table rows each (4 tables x 150 rows, 8 values
a row) with every value's cell (label and field) in one `record_many` call, on a fresh
SQLite file in a temporary folder (or on the database given with --db, e.g. a
postgresql:// URL of an empty database). Then: the same batch again (all unchanged,
idempotent), listing, one diff, and the file size. Building the submissions is not timed.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from xlkinerja.store import Archive, Submission

TABLES = {"pk": "PK", "ra": "Rencana Aksi", "capaian": "Capaian", "matriks": "Matriks"}
COLUMNS = ("kode_ikk", "indikator", "satuan", "arah", "target", "tw", "realisasi", "catatan")
ROWS_PER_TABLE = 150


def submission(n: int, variant: int = 0) -> Submission:
    unit = f"U{n:04}"
    rows: dict[str, list[dict[str, object]]] = {}
    cells: dict[str, dict[str, object]] = {}
    for table, sheet in TABLES.items():
        records = []
        for r in range(ROWS_PER_TABLE):
            record: dict[str, object] = {
                "kode_ikk": f"IKK-{unit}-{r + 1}",
                "indikator": f"Persentase lulusan {unit} yang bekerja dalam 1 tahun ({r})",
                "satuan": "persen",
                "arah": "naik",
                "target": 75 + (r % 20) + variant,
                "tw": "TW I",
                "realisasi": 12.5 * (r % 7),
                "catatan": "Data dari tracer study; diverifikasi Unit Perencanaan.",
            }
            records.append(record)
            for c, key in enumerate(COLUMNS):
                cells[f"{sheet}!{chr(66 + c)}{12 + r}"] = {
                    "value": record[key],
                    "field": f"{table}.{key}",
                    "label": key.replace("_", " ").title(),
                }
        rows[table] = records
    digest = hashlib.sha256(f"{unit}-{variant}".encode()).hexdigest()
    return Submission(unit, "unit", f"{unit}.xlsx", digest, "diajukan", 2026, rows, cells)


def batch(count: int, variant: int = 0) -> Iterator[Submission]:
    for n in range(count):
        yield submission(n, variant)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="database (default: a new SQLite file in a temp folder)")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "arsip.sqlite")
        run(db, args.count)


def run(db: str, count: int) -> None:
    start = time.perf_counter()
    items = list(batch(count))
    build = time.perf_counter() - start
    rows = sum(s.rows_count for s in items)
    cells = sum(len(s.cells) for s in items)
    print(f"{count} submissions, {rows:,} rows, {cells:,} cells (built in {build:.1f} s, untimed)")

    with Archive.open(db) as archive:
        print(f"database: {archive.location}")
        start = time.perf_counter()
        results = archive.record_many(items, compiled_by="bench")
        first = time.perf_counter() - start
        assert all(r.new for r in results)
        print(f"record_many, all new:        {first:6.2f} s  ({first / count * 1000:.1f} ms each)")

        start = time.perf_counter()
        again = archive.record_many(items, compiled_by="bench")
        same = time.perf_counter() - start
        assert not any(r.new for r in again)
        print(f"record_many, all unchanged:  {same:6.2f} s")
        del items, again

        start = time.perf_counter()
        changed = archive.record_many(batch(count, variant=1), compiled_by="bench")
        streamed = time.perf_counter() - start
        assert all(r.version == 2 for r in changed)
        print(f"record_many, all version 2 (from a generator, building included): {streamed:.2f} s")

        start = time.perf_counter()
        listed = archive.submissions(tahun=2026)
        listing = time.perf_counter() - start
        print(f"submissions(tahun=2026):     {listing * 1000:6.1f} ms ({len(listed)} units)")

        start = time.perf_counter()
        diff = archive.diff("U0000", 1, 2)
        targets = archive.target_changes("U0000", 1, 2)
        took = time.perf_counter() - start
        print(
            f"diff + target_changes:       {took * 1000:6.1f} ms "
            f"({len(diff)} cells, {len(targets)} targets)"
        )
    if "://" not in db:
        print(f"SQLite file: {Path(db).stat().st_size / 2**20:.0f} MiB for {2 * count} versions")


if __name__ == "__main__":
    main()
