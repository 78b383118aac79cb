"""What every sheet writer of the compiled workbook gets: the workbook, its formats, the
compiled data and the texts shown on every page."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
from babel.dates import format_date, format_datetime

from xlkinerja.kompilasi.model import Kompilasi
from xlkinerja.render.fastsheet import FastWorksheet
from xlkinerja.render.rekap.styles import Styles
from xlkinerja.render.rekap.table import print_setup


def tanggal(value: date | None) -> str:
    """A date the Indonesian way: 28 Februari 2025 ("—" when unknown)."""
    return format_date(value, "d MMMM y", locale="id") if value else "—"


def waktu(value: datetime) -> str:
    """28 Februari 2025 pukul 14.05"""
    return format_datetime(value, "d MMMM y 'pukul' HH.mm", locale="id")


def tahun_text(tahun: int | None) -> str:
    return f" Tahun {tahun}" if tahun is not None else ""


def angka(value: object) -> float | None:
    """A finite float, or None (blank, NaN, text)."""
    if isinstance(value, bool | np.bool_) or not isinstance(
        value, int | float | np.integer | np.floating
    ):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def teks(value: object) -> str:
    """A cell's text: "" for a blank (None, NaN, NA)."""
    if value is None or (not isinstance(value, str) and _blank(value)):
        return ""
    return str(value)


def _blank(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


@dataclass
class Buku:
    workbook: Any
    styles: Styles
    k: Kompilasi

    @property
    def disusun(self) -> str:
        return waktu(self.k.dibuat)

    def print_setup(
        self, ws: Any, title: str, header_row: int, last_col: int, end: int, *, freeze: bool = True
    ) -> None:
        """Print setup of a sheet whose table has its header at `header_row` and ends before
        row `end` (see table.print_setup)."""
        print_setup(
            ws,
            title=title,
            instansi=self.k.instansi,
            disusun=self.disusun,
            header_row=header_row,
            last_col=last_col,
            last_row=max(end - 1, header_row),
            freeze=freeze,
        )

    def sheet(self, name: str) -> FastWorksheet:
        """The sheet `name`, added (after the sheets there are) unless it is there already."""
        ws: FastWorksheet | None = self.workbook.get_worksheet_by_name(name)
        if ws is None:
            ws = self.workbook.add_worksheet(name, worksheet_class=FastWorksheet)
        return ws
