"""The package backend: a plan applied to a closed workbook file, and annotate_workbook.

The file is patched as a zip package (patch.py); the original is kept as a backup and the
workbook replaced atomically, so on any error the user's file is as it was.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from hashlib import sha256
from pathlib import Path

from xlkinerja.core.finding import Finding
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.atomic import atomic_path
from xlkinerja.files.backup import keep_backup
from xlkinerja.render.annotate.backend import WritebackBackend
from xlkinerja.render.annotate.patch import patch
from xlkinerja.render.annotate.plan import WritebackPlan, plan_writeback

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


class PackageBackend(WritebackBackend):
    """Writes a plan into the .xlsx/.xlsm file at `path` (closed: not open in Excel)."""

    def __init__(self, path: Path, expected_sha256: str | None = None) -> None:
        self.path = Path(path)
        self.expected_sha256 = expected_sha256  # the content the findings were made from

    def apply(self, plan: WritebackPlan) -> AnnotateResult:
        """Mark the plan's cells, add its notes and its "Hasil Validasi" sheet; the
        previous run's marks are removed first.

        The original is kept in cadangan-xlkinerja/ beside the file; the workbook is
        replaced atomically. On any error the workbook is unchanged and WorkbookError is
        raised. A symbolic link is not written through (its target may be anyone's file,
        outside the folder and its backups), a read-only file is not replaced, and a file
        whose content is no longer what was validated is left as it is.
        """
        path = self.path
        if path.suffix.lower() not in SUFFIXES:
            raise WorkbookError(
                "hanya workbook .xlsx atau .xlsm yang dapat ditandai.",
                code=ErrorCode.BERKAS_JENIS_TIDAK_DIDUKUNG,
                path=path,
                hint="Buka di Excel lalu Simpan Sebagai .xlsx.",
            )
        _refuse_link_or_read_only(path)
        try:
            seen = path.stat()
            original = path.read_bytes()
        except FileNotFoundError as exc:
            raise WorkbookError(
                "berkas tidak ditemukan.", code=ErrorCode.BERKAS_TIDAK_DITEMUKAN, path=path
            ) from exc
        except OSError as exc:
            raise WorkbookError(
                f"berkas tidak dapat dibaca ({exc.strerror}).",
                code=ErrorCode.BERKAS_TIDAK_DAPAT_DIBUKA,
                path=path,
            ) from exc
        if self.expected_sha256 and sha256(original).hexdigest() != self.expected_sha256:
            raise WorkbookError(
                "berkas berubah sejak divalidasi; tidak ditandai.",
                code=ErrorCode.PENANDAAN_BERKAS_BERUBAH,
                path=path,
                hint="Simpan dan tutup berkas di Excel, lalu jalankan validasi lagi.",
            )
        patched = patch(path, original, plan)
        backup = keep_backup(path, original, plan.checked_at)
        try:
            with atomic_path(path.resolve()) as tmp:
                tmp.write_bytes(patched.data)
                now_seen = path.stat()
                if (now_seen.st_mtime_ns, now_seen.st_size) != (seen.st_mtime_ns, seen.st_size):
                    raise WorkbookError(
                        "berkas berubah selama validasi; tidak ditimpa.",
                        code=ErrorCode.PENANDAAN_BERKAS_BERUBAH,
                        path=path,
                        hint="Simpan dan tutup berkas di Excel, lalu jalankan validasi lagi.",
                    )
        except OSError as exc:
            raise WorkbookError(
                f"berkas tidak dapat ditulis ({exc.strerror}).",
                code=ErrorCode.PENANDAAN_TIDAK_DAPAT_DITULIS,
                path=path,
                hint="Tutup berkas di Excel lalu coba lagi.",
            ) from exc
        return AnnotateResult(
            path=path,
            backup=backup,
            findings=len(plan.report.rows),
            marked_cells=patched.marked_cells,
            notes=patched.notes,
            restored_cells=patched.restored_cells,
            removed_notes=patched.removed_notes,
            unplaced=patched.unplaced,
        )


def _refuse_link_or_read_only(path: Path) -> None:
    if path.is_symlink():
        raise WorkbookError(
            "ini tautan simbolik (symlink); temuan tidak ditulis melalui tautan.",
            code=ErrorCode.PENANDAAN_TAUTAN_SIMBOLIK,
            path=path,
            hint="Salin berkas aslinya ke folder ini, atau jalankan validasi pada berkas aslinya.",
        )
    # The owner's write bit too: an administrator may write anything, a read-only mark
    # still says "do not change".
    if path.exists() and not (path.stat().st_mode & 0o200 and os.access(path, os.W_OK)):
        raise WorkbookError(
            "berkas hanya-baca; tidak ditandai.",
            code=ErrorCode.PENANDAAN_HANYA_BACA,
            path=path,
            hint="Hapus atribut hanya-baca (read-only) jika berkas ini boleh ditandai.",
        )


def apply_to_package(
    path: Path, plan: WritebackPlan, expected_sha256: str | None = None
) -> AnnotateResult:
    return PackageBackend(path, expected_sha256).apply(plan)


def annotate_workbook(
    path: Path,
    findings: Sequence[Finding],
    *,
    now: datetime | None = None,
    expected_sha256: str | None = None,
) -> AnnotateResult:
    """Write the findings into the workbook: a fill colour and a note on each cell, and a
    "Hasil Validasi" sheet listing them all. The previous run's marks are removed first.

    The plan is made once from the findings alone, then applied to the file (see
    PackageBackend.apply for the backup and the atomic replace). `expected_sha256`: the
    content the findings were made from; a file changed since is not written.
    """
    path = Path(path)
    plan = plan_writeback(findings, file_name=path.name, now=now or datetime.now())
    return apply_to_package(path, plan, expected_sha256)
