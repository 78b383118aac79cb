"""annotate_workbook: keep a backup, then replace the workbook with the annotated one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from xlkinerja.core.finding import Finding
from xlkinerja.errors import WorkbookError
from xlkinerja.io.annotate.build import build
from xlkinerja.io.atomic import atomic_path
from xlkinerja.io.backup import keep_backup

SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class AnnotateResult:
    path: Path
    backup: Path  # the workbook as it was before this run
    findings: int  # listed on the "Hasil Validasi" sheet
    marked_cells: int  # cells given a fill colour
    notes: int  # notes added (a cell that already has the user's note gets none)
    restored_cells: int  # cells of the previous run given back their own style
    removed_notes: int  # notes of the previous run removed
    unplaced: int  # findings without a cell in this workbook (listed only)


def annotate_workbook(
    path: Path, findings: Sequence[Finding], *, now: datetime | None = None
) -> AnnotateResult:
    """Write the findings into the workbook: a fill colour and a note on each cell, and a
    "Hasil Validasi" sheet listing them all. The previous run's marks are removed first.

    The original is kept in cadangan-xlkinerja/ beside the file; the workbook is replaced
    atomically. On any error the workbook is unchanged and WorkbookError is raised.
    """
    path = Path(path)
    now = now or datetime.now()
    if path.suffix.lower() not in SUFFIXES:
        raise WorkbookError(
            "hanya workbook .xlsx atau .xlsm yang dapat ditandai.",
            path=path,
            hint="Buka di Excel lalu Simpan Sebagai .xlsx.",
        )
    try:
        seen = path.stat()
        original = path.read_bytes()
    except FileNotFoundError as exc:
        raise WorkbookError("berkas tidak ditemukan.", path=path) from exc
    except OSError as exc:
        raise WorkbookError(f"berkas tidak dapat dibaca ({exc.strerror}).", path=path) from exc
    built = build(path, original, findings, now)
    backup = keep_backup(path, original, now)
    try:
        with atomic_path(path.resolve()) as tmp:
            tmp.write_bytes(built.data)
            now_seen = path.stat()
            if (now_seen.st_mtime_ns, now_seen.st_size) != (seen.st_mtime_ns, seen.st_size):
                raise WorkbookError(
                    "berkas berubah selama validasi; tidak ditimpa.",
                    path=path,
                    hint="Simpan dan tutup berkas di Excel, lalu jalankan validasi lagi.",
                )
    except OSError as exc:
        raise WorkbookError(
            f"berkas tidak dapat ditulis ({exc.strerror}).",
            path=path,
            hint="Tutup berkas di Excel lalu coba lagi.",
        ) from exc
    return AnnotateResult(
        path=path,
        backup=backup,
        findings=len(findings),
        marked_cells=built.marked_cells,
        notes=built.notes,
        restored_cells=built.restored_cells,
        removed_notes=built.removed_notes,
        unplaced=built.unplaced,
    )
