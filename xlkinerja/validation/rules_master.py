"""Checks within the master workbook: references between its own tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import K
from xlkinerja.core.normal import MasterForm, NormalTable
from xlkinerja.core.settings import renstra_target
from xlkinerja.core.table_access import codes, positions, val
from xlkinerja.validation.locate import at
from xlkinerja.validation.rules_anggaran import check_realisasi_anggaran

R = TypeVar("R", bound=str)  # the column keys of a referenced table


def check_references(form: MasterForm) -> Iterator[Finding]:
    pegawai, unit = form.table("pegawai"), form.table("unit")
    penugasan, iku = form.table("penugasan"), form.table("iku")
    # table, column, referenced table, referenced column, the code of a value not there
    yield from _refers(
        form, pegawai, "nip_atasan", pegawai, "nip", Code.PEGAWAI_NIP_ATASAN_TIDAK_DIKENAL
    )
    yield from _refers(
        form, pegawai, "kode_unit", unit, "kode_unit", Code.PEGAWAI_KODE_UNIT_TIDAK_DIKENAL
    )
    yield from _refers(form, unit, "nip_kepala", pegawai, "nip", Code.UNIT_NIP_KEPALA_TIDAK_DIKENAL)
    yield from _refers(
        form, penugasan, "kode_iku", iku, "kode_iku", Code.PENUGASAN_KODE_IKU_TIDAK_DIKENAL
    )
    yield from _refers(
        form, penugasan, "kode_unit", unit, "kode_unit", Code.PENUGASAN_KODE_UNIT_TIDAK_DIKENAL
    )


def _refers(
    form: MasterForm,
    table: NormalTable[K],
    key: K,
    ref_table: NormalTable[R],
    ref_key: R,
    code: Code,
) -> Iterator[Finding]:
    """Each value of a column that the referenced column does not hold."""
    known = codes(ref_table, ref_key)
    for pos in positions(table):
        value = val(table, pos, key)
        if value and value not in known:
            yield at(form, table, pos, key, code)


def check_targets(form: MasterForm) -> Iterator[Finding]:
    tahun, awal = form.number("tahun"), form.number("tahun_awal_renstra")
    if tahun is None or awal is None or not 1 <= tahun - awal + 1 <= 5:
        return
    key = renstra_target(int(tahun - awal + 1))
    if key is None:
        return
    iku = form.table("iku")
    for pos in positions(iku):
        if not iku.filled[key][pos] and val(iku, pos, "kode_iku"):
            yield at(
                form,
                iku,
                pos,
                key,
                Code.IKU_TARGET_TAHUN_KOSONG,
                value=val(iku, pos, "kode_iku"),
                tahun=int(tahun),
            )


def check_master(form: MasterForm) -> list[Finding]:
    return [
        *check_references(form),
        *check_targets(form),
        *check_realisasi_anggaran(form, form.table("program")),
    ]
