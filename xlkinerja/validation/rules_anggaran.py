"""Checks of budget realisasi, on a unit's Program/Kegiatan rows (PK sheet) and on the
master's programs: realisasi s.d. TW I..IV is cumulative money from January, so it is never
negative, falls only when something was corrected (a warning), and above the pagu it is a
warning (a revised DIPA not typed in, or a typing slip)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.formats import rupiah
from xlkinerja.core.normal import MasterForm, NormalTable, UnitForm
from xlkinerja.core.table_access import number, positions
from xlkinerja.validation.capaian_rows import TW_NAMES
from xlkinerja.validation.locate import at

RealisasiKey = Literal["realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4"]
# realisasi s.d. TW I..IV, cumulative rupiah: the same keys in a unit's and the master's table
REALISASI: tuple[RealisasiKey, ...] = (
    "realisasi_tw1",
    "realisasi_tw2",
    "realisasi_tw3",
    "realisasi_tw4",
)


def check_realisasi_anggaran(
    form: UnitForm | MasterForm, table: NormalTable[Any]
) -> Iterator[Finding]:
    """Every row's realisasi of the budget `table` (a unit's "anggaran", the master's
    "program"): not negative, not falling, not above its pagu."""
    for pos in positions(table):
        pagu = number(table, pos, "anggaran")
        previous: tuple[int, float] | None = None
        for index, key in enumerate(REALISASI):
            value = number(table, pos, key)
            if value is None:
                continue
            if value < 0:
                yield at(
                    form, table, pos, key, Code.ANGGARAN_REALISASI_NEGATIF, value=rupiah(value)
                )
                continue
            if previous is not None and value < previous[1]:
                yield at(
                    form,
                    table,
                    pos,
                    key,
                    Code.ANGGARAN_REALISASI_MENURUN,
                    value=rupiah(value),
                    tw=TW_NAMES[index],
                    tw_sebelum=TW_NAMES[previous[0]],
                    sebelum=rupiah(previous[1]),
                )
            if pagu is not None and value > pagu:
                yield at(
                    form,
                    table,
                    pos,
                    key,
                    Code.ANGGARAN_REALISASI_MELEBIHI_PAGU,
                    value=rupiah(value),
                    pagu=rupiah(pagu),
                )
            previous = (index, value)
