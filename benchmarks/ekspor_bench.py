"""Benchmark of Ekspor (issue 13): every export profile on the rekap of the kompilasi
benchmark's institution. Target: <= 10 s per profile for 1,000 unit workbooks.

    python benchmarks/ekspor_bench.py [N] [--folder DIR] [--ulang K]

1. Generates (once, cached in DIR, default /tmp/xlk-bench, as benchmarks/kompilasi_bench.py
   does) a master and N unit workbooks of ~600 table rows each, and compiles them once into
   DIR/rekap-N.xlsx (cached too; not timed here: see kompilasi_bench.py).
2. Exports every profile from that rekap K times (default 3), each in a fresh Python
   process as `xlkinerja ekspor REKAP --profil P` would run (imports included), and prints
   the median and its phases: reading the rekap back, making the export tables, writing.

Use a folder of its own for a small N (the generator's cache is per folder: N units into
a folder holding 1,000 would replace that master). Results go to benchmarks/RESULTS.md by
hand. Top-level imports are the standard library only (the same reason as kompilasi_bench).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
FOLDER = Path("/tmp/xlk-bench")


def _option(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def one_run(profil: str, rekap: Path, out: Path) -> None:
    """One export of `profil` in this (fresh) process; prints its numbers as JSON."""
    start = time.perf_counter()
    from datetime import datetime

    from xlkinerja.kompilasi.ekspor_sumber import from_rekap, rekap_tables
    from xlkinerja.kompilasi.ekspor_tabel import tables
    from xlkinerja.render.ekspor.profil import find_profile
    from xlkinerja.render.ekspor.tulis import Context, write_profile
    from xlkinerja.sources.rekap import read_rekap

    imported = time.perf_counter()
    chosen = find_profile(profil)
    sumber = from_rekap(read_rekap(rekap, rekap_tables(chosen.sources)), chosen.sources)
    read = time.perf_counter()
    rows = tables(sumber, chosen.sources)
    made = time.perf_counter()
    context = Context(sumber.instansi, sumber.tahun, datetime.now(), rekap.name)
    written = write_profile(chosen, rows, out, context)
    end = time.perf_counter()
    print(
        json.dumps(
            {
                "total": end - start,
                "impor": imported - start,
                "baca_rekap": read - imported,
                "tabel": made - read,
                "tulis": end - made,
                "baris": sum(w.rows for w in written),
                "berkas": [w.path.name for w in written],
            }
        )
    )


def rekap_of(folder: Path, count: int) -> Path:
    sys.path.insert(0, str(BENCH))
    from generate_institution import generate

    print(f"generating {count} unit workbooks in {folder} (cached)...", flush=True)
    master = generate(folder, count)
    rekap = folder / f"rekap-{count}.xlsx"
    if not rekap.exists():
        print("compiling them once (not timed)...", flush=True)
        from xlkinerja.jobs.inputs import workbook_files
        from xlkinerja.jobs.kompilasi import compile_workbooks

        compile_workbooks(
            workbook_files([folder / "unit"], master=master), output=rekap, record=False
        )
    return rekap


def main() -> None:
    if "--satu" in sys.argv:
        at = sys.argv.index("--satu")
        one_run(sys.argv[at + 1], Path(sys.argv[at + 2]), Path(sys.argv[at + 3]))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000
    folder = Path(_option("--folder", str(FOLDER)))
    times = int(_option("--ulang", "3"))
    rekap = rekap_of(folder, count)
    from xlkinerja.render.ekspor.profil import all_profiles

    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for profil in (p.nama for p in all_profiles()):
            runs = []
            for n in range(times):
                out = Path(tmp) / f"{profil}-{n}"
                done = subprocess.run(
                    [sys.executable, __file__, "--satu", profil, str(rekap), str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            runs.sort(key=lambda r: r["total"])
            m = runs[len(runs) // 2]
            worst = max(worst, float(m["total"]))
            print(
                f"{profil:<16} median {m['total']:5.2f} s of {times} "
                f"(min {runs[0]['total']:.2f}, max {runs[-1]['total']:.2f}); "
                f"{m['baris']} rows; imports {m['impor']:.2f}, read rekap {m['baca_rekap']:.2f}, "
                f"tables {m['tabel']:.2f}, write {m['tulis']:.2f} s",
                flush=True,
            )
    median_all = statistics.median([worst])
    print(f"slowest profile: {median_all:.2f} s ({'within' if worst <= 10 else 'over'} 10 s)")


if __name__ == "__main__":
    main()
