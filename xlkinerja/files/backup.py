"""Keep a user's original before a file is replaced: cadangan-xlkinerja/<stem>-<time>."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from xlkinerja.errors import ErrorCode, WorkbookError

BACKUP_FOLDER = "cadangan-xlkinerja"
NAME_MAX = 255  # bytes in one file name, on the usual file systems


def _short_stem(stem: str, room: int) -> str:
    """`stem` cut (at a character boundary) to at most `room` bytes of UTF-8: a workbook
    whose name is already near the limit still gets a backup, its time added."""
    data = stem.encode("utf-8", "surrogateescape")
    if len(data) <= room:
        return stem
    return data[: max(room, 1)].decode("utf-8", "ignore") or "berkas"


def keep_backup(path: Path, original: bytes, now: datetime) -> Path:
    """Write the original bytes to cadangan-xlkinerja/<stem>-<time><suffix>, never over a file."""
    folder = path.parent / BACKUP_FOLDER
    stamp = now.strftime("%Y%m%d-%H%M%S")
    room = NAME_MAX - len(f"-{stamp}-999{path.suffix}".encode("utf-8", "surrogateescape"))
    stem = _short_stem(path.stem, room)
    try:
        folder.mkdir(exist_ok=True)
        for number in range(1, 1000):
            extra = "" if number == 1 else f"-{number}"
            backup = folder / f"{stem}-{stamp}{extra}{path.suffix}"
            try:
                with backup.open("xb") as handle:
                    handle.write(original)
            except FileExistsError:
                continue
            stat = path.stat()
            os.utime(backup, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            return backup
    except OSError as exc:
        raise WorkbookError(
            f"cadangan tidak dapat dibuat di folder {BACKUP_FOLDER} ({exc.strerror}).",
            code=ErrorCode.KELUARAN_CADANGAN_GAGAL,
            path=path,
        ) from exc
    raise WorkbookError(
        f"terlalu banyak cadangan di folder {BACKUP_FOLDER}.",
        code=ErrorCode.KELUARAN_CADANGAN_PENUH,
        path=path,
    )
