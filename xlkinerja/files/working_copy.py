"""A folder of working copies that a job owns: made fresh on every run, and only ever
replaced when an earlier run of the same job made it (a mark file says so), so that a
folder of the user's is never emptied by mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

from xlkinerja.errors import ErrorCode, OutputError


def check_copies_folder(copies: Path, mark: str, job: str) -> None:
    """Refuse a folder at `copies` that an earlier run of `job` did not make."""
    if copies.exists() and not (copies / mark).is_file():
        raise OutputError(
            f"folder ini sudah ada dan bukan buatan '{job}'; isinya tidak dihapus.",
            code=ErrorCode.KELUARAN_FOLDER_BUKAN_MILIK,
            path=copies,
            hint="Pilih folder keluaran lain (--output).",
        )


def fresh_copies(source: Path, copies: Path, mark: str, note: str) -> None:
    """`copies` replaced by a copy of `source` (without notes and backups), marked as ours.
    Call `check_copies_folder` before anything else of the job is written."""
    if copies.exists():
        shutil.rmtree(copies)  # an earlier run's (checked at the start)
    shutil.copytree(source, copies, ignore=shutil.ignore_patterns("*.md", "cadangan-*"))
    (copies / mark).write_text(note, encoding="utf-8")
