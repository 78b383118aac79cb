"""Benchmark of Kompilasi (issue 5). Run: python benchmarks/kompilasi_bench.py [N]

1. Generates (once, cached in /tmp/xlk-bench) a master and N unit workbooks of ~600 table
   rows each with the real template writer (benchmarks/generate_institution.py).
2. Runs the full `kompilasi` (read, validate, aggregate, write the compiled workbook,
   archive to a fresh SQLite file) and prints the time per phase and the peak memory of
   the main process and of the worker processes.
3. Runs the same work as a plain openpyxl-read / openpyxl-write pipeline in one process
   and prints the ratio. Results go to benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_institution import generate
from openpyxl_pipeline import read_with_openpyxl, write_with_openpyxl

from xlkinerja.jobs.kompilasi import compile_paths
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.kompilasi.aggregate import aggregate
from xlkinerja.kompilasi.per_file import FileResult, unit_rows
from xlkinerja.validation.context import Pengaturan
from xlkinerja.validation.normalise import normalise_form
from xlkinerja.validation.run import cross_file_checks, per_file_checks

FOLDER = Path("/tmp/xlk-bench")


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run_xlkinerja(master: Path, work: Path) -> float:
    start = time.perf_counter()
    result = compile_paths(
        [FOLDER / "unit"], master=master, output=work / "rekap.xlsx", db=work / "arsip.sqlite"
    )
    total = time.perf_counter() - start
    k = result.kompilasi
    print(
        f"xlkinerja kompilasi: {total:.1f} s for {len(result.files)} workbooks "
        f"({sum(k.baris_dibaca.values())} table rows read)"
    )
    for phase, seconds in result.timings.items():
        print(
            f"  {phase:<26} {seconds:6.2f} s   (main process peak so far "
            f"{result.peaks_mb.get(phase, 0):.0f} MB)"
        )
    own, _ = peak_mb()
    workers = max((r for r in result.worker_peaks_mb), default=0.0)
    print(f"  peak memory: main process {own:.0f} MB, largest worker {workers:.0f} MB")
    return total


def run_openpyxl(master: Path, work: Path) -> float:
    start = time.perf_counter()
    master_form = normalise_form(read_with_openpyxl(master))[0]
    settings = Pengaturan.from_master(master_form)
    results = []
    for path in collect_workbooks([FOLDER / "unit"]):
        form, findings = normalise_form(read_with_openpyxl(path))
        findings.extend(per_file_checks(form, settings))
        results.append(
            FileResult(
                path=str(path),
                sha256="",
                form=form,
                findings=findings,
                rekap=unit_rows(form, settings.batas_atas_capaian),
            )
        )
    read = time.perf_counter()
    forms = [r.form for r in results if r.form is not None]
    schema, cascade = cross_file_checks([master_form, *forms], master_form)
    all_findings = [f for r in results for f in r.findings] + schema + cascade
    k = aggregate(master_form, results, all_findings, now=datetime.now())
    checked = time.perf_counter()
    write_with_openpyxl(k, work / "rekap-openpyxl.xlsx")
    total = time.perf_counter() - start
    print(
        f"openpyxl pipeline: {total:.1f} s (read + per-file checks {read - start:.1f} s, "
        f"cross checks + aggregate {checked - read:.1f} s, write {start + total - checked:.1f} s)"
    )
    return total


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(f"generating {count} unit workbooks in {FOLDER} (cached)...", flush=True)
    master = generate(FOLDER, count)
    with tempfile.TemporaryDirectory() as tmp:
        ours = run_xlkinerja(master, Path(tmp))
        if "--tanpa-openpyxl" not in sys.argv:
            theirs = run_openpyxl(master, Path(tmp))
            print(f"ratio: xlkinerja is {theirs / ours:.1f}x faster")


if __name__ == "__main__":
    main()
