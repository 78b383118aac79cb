"""Checks within the master workbook: references between its own tables."""

from __future__ import annotations

from collections.abc import Iterator

from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.table_access import codes, positions, val
from xlkinerja.validation.locate import at

REFERENCES = (
    # (table, column, referenced table, referenced column, the code of a value not there)
    ("pegawai", "nip_atasan", "pegawai", "nip", Code.PEGAWAI_NIP_ATASAN_TIDAK_DIKENAL),
    ("pegawai", "kode_unit", "unit", "kode_unit", Code.PEGAWAI_KODE_UNIT_TIDAK_DIKENAL),
    ("unit", "nip_kepala", "pegawai", "nip", Code.UNIT_NIP_KEPALA_TIDAK_DIKENAL),
    ("penugasan", "kode_iku", "iku", "kode_iku", Code.PENUGASAN_KODE_IKU_TIDAK_DIKENAL),
    ("penugasan", "kode_unit", "unit", "kode_unit", Code.PENUGASAN_KODE_UNIT_TIDAK_DIKENAL),
)


def check_references(form: NormalForm) -> Iterator[Finding]:
    for table_key, key, ref_table, ref_key, code in REFERENCES:
        table = form.tables[table_key]
        known = codes(form.tables[ref_table], ref_key)
        for pos in positions(table):
            value = val(table, pos, key)
            if value and value not in known:
                yield at(form, table, pos, key, code)


def check_targets(form: NormalForm) -> Iterator[Finding]:
    tahun, awal = form.number("tahun"), form.number("tahun_awal_renstra")
    if tahun is None or awal is None or not 1 <= tahun - awal + 1 <= 5:
        return
    key = f"target_{int(tahun - awal + 1)}"
    iku = form.tables["iku"]
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


def check_master(form: NormalForm) -> list[Finding]:
    return [*check_references(form), *check_targets(form)]
