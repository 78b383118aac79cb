"""The code of this checkout against an earlier revision, runs interleaved (A B B A ...) so
that the machine's drift hits both alike:

    python benchmarks/vs_revision.py REV [N] [--ulang K]

- kompilasi: the `xlkinerja kompilasi` command on N generated unit workbooks and their
  master (benchmarks/generate_institution.py, cached in /tmp/xlk-bench as
  kompilasi_bench.py caches them), into a fresh archive each run, from start to exit —
  what a user waits for; K runs of each (default 5);
- validasi: one typical unit workbook read and checked in-process (as validasi_bench.py),
  median of 50, K runs of each.

The earlier revision is checked out once into /tmp/xlk-vs/<commit> (a git worktree) and put
on PYTHONPATH, as this checkout is for its own runs; both use the Python running this
script and its installed libraries. Prints every run and the medians with their ratio; the
figures go to benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_FOLDER = Path("/tmp/xlk-bench")
UNIT = ROOT / "workbooks" / "contoh" / "TM-jurusan-teknik-mesin.xlsx"

# One workbook read and checked, whichever layout the tree has (io/ before the sources split).
VALIDASI = """
import statistics, sys, time
try:
    from xlkinerja.sources.reader import read_form
except ImportError:
    from xlkinerja.io.reader import read_form
from xlkinerja.jobs.checks import validate_forms
path = sys.argv[1]
validate_forms([read_form(path)])
times = []
for _ in range(50):
    start = time.perf_counter()
    validate_forms([read_form(path)])
    times.append(time.perf_counter() - start)
print(statistics.median(times) * 1000)
"""


def _option(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def checkout(revision: str) -> Path:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{revision}^{{commit}}"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    tree = Path("/tmp/xlk-vs") / commit[:12]
    if not (tree / "xlkinerja").is_dir():
        tree.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit],
            check=True, capture_output=True,
        )  # fmt: skip
    return tree


def institution(count: int) -> tuple[Path, Path]:
    """The master and the folder of `count` unit workbooks (generated once, then cached)."""
    script = ROOT / "benchmarks" / "generate_institution.py"
    done = subprocess.run(
        [sys.executable, str(script), str(BENCH_FOLDER), str(count)],
        check=True, env=_env(ROOT), capture_output=True, text=True,
    )  # fmt: skip
    return Path(done.stdout.strip().splitlines()[-1]), BENCH_FOLDER / "unit"


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "XLKINERJA_TANPA_WARNA": "1"}


def kompilasi_seconds(tree: Path, master: Path, units: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="xlk-vs-") as tmp:
        command = [
            sys.executable, "-m", "xlkinerja", "kompilasi", str(units), "--master", str(master),
            "--output", f"{tmp}/rekap.xlsx", "--db", f"{tmp}/arsip.sqlite", "--senyap",
        ]  # fmt: skip
        start = time.perf_counter()
        done = subprocess.run(command, env=_env(tree), cwd=tmp, capture_output=True, check=False)
        seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: the generated data has galat, as a real one does
        raise SystemExit(f"kompilasi failed in {tree}:\n{done.stderr.decode()[-2000:]}")
    return seconds


def validasi_ms(tree: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", VALIDASI, str(UNIT)],
        env=_env(tree), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(done.stdout.strip().splitlines()[-1])


def interleaved(name: str, runs: int, measure: dict[str, object]) -> dict[str, list[float]]:
    """`runs` of each measure, A B B A A B ..., every figure printed as it comes."""
    found: dict[str, list[float]] = {label: [] for label in measure}
    labels = list(measure)
    for i in range(runs):
        for label in labels if i % 2 == 0 else labels[::-1]:
            value = measure[label]()  # type: ignore[operator]
            found[label].append(value)
            print(f"{name} {label} run {i + 1}: {value:.3f}", flush=True)
    return found


def report(name: str, unit: str, found: dict[str, list[float]]) -> None:
    (old_label, old), (new_label, new) = found.items()
    a, b = statistics.median(old), statistics.median(new)
    print(
        f"{name}: {old_label} {', '.join(f'{v:.2f}' for v in old)} → median {a:.2f} {unit}; "
        f"{new_label} {', '.join(f'{v:.2f}' for v in new)} → median {b:.2f} {unit} "
        f"({(b / a - 1) * 100:+.1f} %)"
    )


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        raise SystemExit(__doc__)
    revision = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 1000
    runs = _option("--ulang", 5)
    old = checkout(revision)
    master, units = institution(count)
    label_old, label_new = f"{revision[:12]}", "this checkout"
    kompilasi = interleaved(
        "kompilasi",
        runs,
        {
            label_old: lambda: kompilasi_seconds(old, master, units),
            label_new: lambda: kompilasi_seconds(ROOT, master, units),
        },
    )
    validasi = interleaved(
        "validasi",
        runs,
        {label_old: lambda: validasi_ms(old), label_new: lambda: validasi_ms(ROOT)},
    )
    print()
    report(f"kompilasi of {count} workbooks (the command, start to exit)", "s", kompilasi)
    report("validasi of one unit workbook (read + every check, median of 50)", "ms", validasi)


if __name__ == "__main__":
    main()
