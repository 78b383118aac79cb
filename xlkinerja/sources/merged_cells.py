"""Merged cells inside a table are refused: which cell of a merged range holds the value
would be a guess (see reader.py)."""

from __future__ import annotations

from pathlib import Path

from xlkinerja.core.address import column_index
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.specs import Table


def check_merged(
    path: Path, spec: Table, sheet: str, merged: tuple[str, ...], area: tuple[int, int, int, int]
) -> None:
    """Refuse merged cells overlapping a table's `area` (zero-based top, left, bottom, right)."""
    for ref in merged:
        first, _, last = ref.partition(":")
        top, left = _row_col(first)
        bottom, right = _row_col(last or first)
        if bottom >= area[0] and top <= area[2] and right >= area[1] and left <= area[3]:
            raise WorkbookError(
                f"sel digabung (merge) di dalam tabel '{spec.name}' ({spec.title}); "
                "nilai sel yang tergabung tidak dapat dibaca dengan pasti.",
                code=ErrorCode.TEMPLAT_SEL_DIGABUNG,
                path=path,
                sheet=sheet,
                cell=ref,
                hint="Pisahkan sel itu (Beranda > Gabung & Pusatkan > Pisahkan Sel), "
                "lalu isi setiap sel.",
            )


def _row_col(address: str) -> tuple[int, int]:
    letters = address.rstrip("0123456789")
    return int(address[len(letters) :]) - 1, column_index(letters)
