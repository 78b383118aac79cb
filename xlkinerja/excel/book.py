"""What the Excel layer asks of the workbook an action runs on (an xlwings Book): whether it
is the remote engine's (server mode) or a live one in Excel (local mode), and the folder it
was saved in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.excel.reader import book_path


def is_remote(book: Any) -> bool:
    """The remote engine's book (server mode), not a live one."""
    return str(getattr(book.app.engine, "name", "")) == "remote"


def book_folder(book: Any) -> Path:
    """The folder the open workbook was saved in; a workbook never saved has none."""
    path = book_path(book)
    if not path.is_absolute() or not path.parent.is_dir():
        raise XlkinerjaError(
            "buku kerja ini belum disimpan, jadi belum punya folder.",
            code=ErrorCode.ADDIN_BUKU_BELUM_DISIMPAN,
            path=path,
            hint="Simpan dulu (Ctrl+S), lalu tekan tombol ini lagi.",
        )
    return path.parent
