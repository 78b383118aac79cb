"""Benchmark of Kompilasi (issue 5).

    python benchmarks/kompilasi_bench.py [N] [--ulang K] [--tanpa-openpyxl]

1. Generates (once, cached in /tmp/xlk-bench) a master and N unit workbooks of ~600 table
   rows each with the real template writer (benchmarks/generate_institution.py).
2. Runs the full `kompilasi` (read, validate, aggregate, write the compiled workbook,
   archive to a fresh SQLite file) K times (default 3), each in a fresh Python process as
   the `xlkinerja` command would (imports included), and prints every run's time, the
   phases of the median run and the peak memory of the main process and of the workers;
   after each run, the `xlkinerja kompilasi` command itself on the same files, timed from
   start to exit (its summary printed), as a user waits for it.
3. Runs the same work as a plain openpyxl-read / openpyxl-write pipeline in one process
   and prints the ratio to the median run. Results go to benchmarks/RESULTS.md by hand.

Top-level imports are the standard library only: kompilasi's worker processes import this
file again (it is their main module), as they import the `xlkinerja` script for a user.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
FOLDER = Path("/tmp/xlk-bench")


def _option(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def one_run(master: Path, work: Path) -> None:
    """One kompilasi in this (fresh) process; prints its numbers as JSON."""
    start = time.perf_counter()
    from xlkinerja.jobs.inputs import workbook_files
    from xlkinerja.jobs.kompilasi import compile_workbooks
    from xlkinerja.runtime.collector import one_job_per_process

    one_job_per_process()  # as the `xlkinerja kompilasi` command does: it ends after the job

    result = compile_workbooks(
        workbook_files([FOLDER / "unit"], master=master),
        output=work / "rekap.xlsx",
        db=work / "arsip.sqlite",
    )
    total = time.perf_counter() - start
    k = result.kompilasi
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "total": total,
                "files": len(result.files),
                "rows": sum(k.baris_dibaca.values()),
                "timings": result.timings,
                "peaks": result.peaks_mb,
                "peak_main": own,
                "peak_worker": max(result.worker_peaks_mb, default=0.0),
            }
        )
    )


def run_xlkinerja(master: Path, work: Path, times: int) -> float:
    runs = []
    for n in range(times):
        folder = work / f"run{n}"
        folder.mkdir()
        out = subprocess.run(
            [sys.executable, __file__, "--satu", str(master), str(folder)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        runs[-1]["command"] = run_command(master, folder)
        print(
            f"  run {n + 1}: {runs[-1]['total']:.1f} s; the command, start to exit: "
            f"{runs[-1]['command']:.1f} s",
            flush=True,
        )
    runs.sort(key=lambda r: r["total"])
    median = runs[len(runs) // 2]
    print(
        f"xlkinerja kompilasi: median {median['total']:.1f} s of {times} runs "
        f"(min {runs[0]['total']:.1f}, max {runs[-1]['total']:.1f}) for {median['files']} "
        f"workbooks ({median['rows']} table rows read); phases of the median run:"
    )
    for phase, seconds in median["timings"].items():
        peak = median["peaks"].get(phase, 0)
        print(f"  {phase:<26} {seconds:6.2f} s   (main process peak so far {peak:.0f} MB)")
    commands = sorted(r["command"] for r in runs)
    print(
        f"  the `xlkinerja kompilasi` command, start to exit (summary printed): median "
        f"{statistics.median(commands):.1f} s (min {commands[0]:.1f}, max {commands[-1]:.1f})"
    )
    print(
        f"  peak memory: main process {max(r['peak_main'] for r in runs):.0f} MB, "
        f"largest worker {max(r['peak_worker'] for r in runs):.0f} MB"
    )
    return float(statistics.median(r["total"] for r in runs))


def run_command(master: Path, folder: Path) -> float:
    """The same kompilasi as a user runs it: `xlkinerja kompilasi` in a fresh process, from
    start to exit, its summary printed (to a pipe). Exit code 1 is expected: the generated
    workbooks hold galat on purpose."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "xlkinerja", "kompilasi", str(FOLDER / "unit"),
         "--master", str(master), "--output", str(folder / "rekap-perintah.xlsx"),
         "--db", str(folder / "arsip-perintah.sqlite")],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"xlkinerja kompilasi failed ({done.returncode}): {done.stderr}")
    return seconds


def run_openpyxl(master: Path, work: Path) -> float:
    sys.path.insert(0, str(BENCH))
    from openpyxl_pipeline import read_with_openpyxl, write_with_openpyxl

    from xlkinerja.core.settings import Pengaturan
    from xlkinerja.jobs.checks import cross_file_checks
    from xlkinerja.jobs.per_file import FileResult
    from xlkinerja.jobs.ringkasan import collect_workbooks
    from xlkinerja.kompilasi.aggregate import aggregate
    from xlkinerja.kompilasi.rows import unit_rows
    from xlkinerja.validation.checks import per_file_checks
    from xlkinerja.validation.normalise import normalise_form

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
    if "--satu" in sys.argv:
        at = sys.argv.index("--satu")
        one_run(Path(sys.argv[at + 1]), Path(sys.argv[at + 2]))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000
    print(f"generating {count} unit workbooks in {FOLDER} (cached)...", flush=True)
    sys.path.insert(0, str(BENCH))
    from generate_institution import generate

    master = generate(FOLDER, count)
    with tempfile.TemporaryDirectory() as tmp:
        ours = run_xlkinerja(master, Path(tmp), _option("--ulang", 3))
        if "--tanpa-openpyxl" not in sys.argv:
            theirs = run_openpyxl(master, Path(tmp))
            print(f"ratio: xlkinerja (median run) is {theirs / ours:.1f}x faster")


if __name__ == "__main__":
    main()
