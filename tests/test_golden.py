"""Today's outputs on the sample institution, byte for byte or value for value.

The goldens in tests/golden/ were written before the core/pipeline restructuring (see its
README): the annotated workbooks, the compiled workbook's values, and what the commands
print (JSON to stdout, text to stderr). A failure here is a change of behaviour.

After a deliberate change, `XLKINERJA_GOLDEN_TULIS=1 python -m pytest tests/test_golden.py
-m ""` writes today's outputs over the goldens it compares (review the diff, commit it on
its own). The archive listings (daftar*.json) are compared without run details (when, by
whom); rewriting keeps today's.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests.conftest import ROOT, SAMPLE
from tests.md_tables import cell_of

GOLDEN = Path(__file__).resolve().parent / "golden"
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
NOW = datetime(2025, 3, 3, 9, 30)
LATER = datetime(2025, 4, 1, 14, 5)


REWRITE = os.environ.get("XLKINERJA_GOLDEN_TULIS") == "1"


def golden(name: str) -> Any:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else text


def same(name: str, today: Any, indent: int | None = 0) -> None:
    """Today's output equals the golden `name` (or, rewriting, becomes it)."""
    if REWRITE:
        text = (
            today
            if isinstance(today, str)
            else json.dumps(today, indent=indent, ensure_ascii=False) + "\n"
        )
        (GOLDEN / name).write_text(text, encoding="utf-8")
        return
    assert today == golden(name), name


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def xlkinerja(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "xlkinerja", *args],
        cwd=cwd, capture_output=True, text=True, check=False, timeout=300, env=env,
    )  # fmt: skip


def _annotate_all(folder: Path, now: datetime) -> dict[str, str]:
    from xlkinerja.jobs.validasi import validate_paths
    from xlkinerja.render.annotate import annotate_workbook

    findings = validate_paths([folder], workers=1).findings
    hashes = {}
    for path in sorted(folder.glob("*.xlsx")):
        annotate_workbook(path, [f for f in findings if f.file == str(path)], now=now)
        hashes[path.name] = sha(path)
    return hashes


def test_annotated_workbooks_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copytree(SAMPLE, tmp_path / "contoh", ignore=shutil.ignore_patterns("*.md"))
    monkeypatch.chdir(tmp_path)  # relative paths: the report sheet names the files as given
    expected = golden("annotate.json")
    first = _annotate_all(Path("contoh"), NOW)
    second = _annotate_all(Path("contoh"), LATER)  # old marks removed
    if REWRITE:
        same("annotate.json", {"first": first, "second": second}, indent=1)
        return
    assert first == expected["first"]
    assert second == expected["second"]


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def test_compiled_workbook_has_the_same_values(tmp_path: Path):
    from xlkinerja.jobs.inputs import workbook_files
    from xlkinerja.jobs.kompilasi import compile_workbooks

    rekap = tmp_path / "rekap.xlsx"
    compile_workbooks(
        workbook_files([SAMPLE], master=MASTER), output=rekap, record=False, workers=1, now=NOW
    )
    book = CalamineWorkbook.from_path(str(rekap))
    sheets = {
        name: [[_plain(v) for v in row] for row in book.get_sheet_by_name(name).to_python()]
        for name in book.sheet_names
    }
    text = json.dumps(sheets, default=str).replace(f"{ROOT}/", "<ROOT>/")
    same("rekap-values.json", json.loads(text))


@pytest.mark.lambat  # the CLI in subprocesses
def test_validasi_and_baca_print_the_same(tmp_path: Path):
    run = xlkinerja("validasi", "workbooks/contoh", "--format", "json", cwd=ROOT)
    assert run.returncode == 1
    same("validasi.json", json.loads(run.stdout), indent=2)
    run = xlkinerja("validasi", "workbooks/contoh", cwd=ROOT)
    same("validasi.txt", run.stderr)
    run = xlkinerja("baca", "workbooks/contoh", "--format", "json", cwd=ROOT)
    assert run.returncode == 0
    same("baca.json", json.loads(run.stdout), indent=2)
    same("baca.txt", xlkinerja("baca", "workbooks/contoh", cwd=ROOT).stderr)


def _without_run_details(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The archive's rows without what differs per run: when, by whom, and the sha256 of
    the workbook openpyxl re-saved (its timestamps)."""
    out = []
    for row in rows:
        kept = {k: v for k, v in row.items() if k not in ("dikompilasi", "oleh")}
        if kept["versi"] > 1:
            kept.pop("sha256")
        out.append(kept)
    return out


@pytest.mark.lambat  # the CLI in subprocesses
def test_kompilasi_and_arsip_print_the_same(tmp_path: Path):
    run = xlkinerja(
        "kompilasi", str(SAMPLE), "--master", str(MASTER), "--output", "rekap.xlsx",
        "--db", "arsip.sqlite", "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 1
    same("kompilasi.json", json.loads(run.stdout), indent=2)
    run = xlkinerja(
        "kompilasi", str(SAMPLE), "--master", str(MASTER), "--output", "rekap.xlsx",
        "--db", "lain.sqlite", cwd=tmp_path,
    )  # fmt: skip
    same("kompilasi.txt", run.stderr)
    # A second version of TI: one PK target changed.
    changed = tmp_path / "v2"
    shutil.copytree(SAMPLE, changed, ignore=shutil.ignore_patterns("*.md"))
    ti = changed / "TI-jurusan-teknik-informatika.xlsx"
    book = openpyxl.load_workbook(ti)
    book["PK"][cell_of(ti, "pk", 0, "target")] = 91  # IKK-TI-1's target
    book.save(ti)
    run = xlkinerja(
        "kompilasi", "v2", "--master", str(changed / MASTER.name), "--output", "rekap2.xlsx",
        "--db", "arsip.sqlite", "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    same("kompilasi2.json", json.loads(run.stdout), indent=2)
    run = xlkinerja(
        "arsip", "beda", "TI", "1", "2", "--db", "arsip.sqlite", "--format", "json", cwd=tmp_path
    )
    same("beda.json", json.loads(run.stdout), indent=2)
    run = xlkinerja("arsip", "beda", "TI", "1", "2", "--db", "arsip.sqlite", cwd=tmp_path)
    same("beda.txt", run.stderr)
    for args, name in (([], "daftar.json"), (["--unit", "TI"], "daftar-ti.json")):
        run = xlkinerja(
            "arsip", "daftar", *args, "--db", "arsip.sqlite", "--format", "json", cwd=tmp_path
        )
        if REWRITE:
            same(name, json.loads(run.stdout), indent=2)
            continue
        assert _without_run_details(json.loads(run.stdout)) == _without_run_details(golden(name))


@pytest.mark.lambat  # the CLI in subprocesses
def test_the_other_commands_print_the_same(tmp_path: Path):
    master = str(MASTER)
    runs = {
        "cli-templat1.txt": ("templat", "--output", "t1"),
        "cli-templat1b.txt": ("templat", "--output", "t1"),  # again: nothing kept aside
        "cli-templat2.txt": ("templat", "--master", master, "--output", "u"),
        "cli-kaskade.txt": (
            "kaskade",
            str(SAMPLE / "TI-jurusan-teknik-informatika.xlsx"),
            "--output",
            "skp",
            "--master",
            master,
        ),
        "cli-pohon.txt": ("pohon", str(SAMPLE), "--output", "p"),
        "cli-contoh.txt": ("contoh", "--output", "hasil", "--sumber", str(SAMPLE)),
    }
    for name, args in runs.items():
        run = xlkinerja(*args, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        same(name, run.stderr)
