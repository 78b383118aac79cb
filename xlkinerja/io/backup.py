"""Keep a user's original before a file is replaced: cadangan-xlkinerja/<stem>-<time>."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from xlkinerja.errors import WorkbookError

BACKUP_FOLDER = "cadangan-xlkinerja"


def keep_backup(path: Path, original: bytes, now: datetime) -> Path:
    """Write the original bytes to cadangan-xlkinerja/<stem>-<time><suffix>, never over a file."""
    folder = path.parent / BACKUP_FOLDER
    stamp = now.strftime("%Y%m%d-%H%M%S")
    try:
        folder.mkdir(exist_ok=True)
        for number in range(1, 1000):
            extra = "" if number == 1 else f"-{number}"
            backup = folder / f"{path.stem}-{stamp}{extra}{path.suffix}"
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
            path=path,
        ) from exc
    raise WorkbookError(f"terlalu banyak cadangan di folder {BACKUP_FOLDER}.", path=path)
