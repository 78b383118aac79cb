"""Checks within one SKP workbook (Permen PAN-RB 6/2022; domain.md rule 4)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import NormalTable, SkpForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.core.table_access import codes, number, positions, text, val
from xlkinerja.specs.keys import ManualColumn, RealisasiColumn
from xlkinerja.validation.locate import at, at_field


def check_rhk(form: SkpForm) -> Iterator[Finding]:
    rhk = form.table("rhk")
    first_row: dict[str, int] = {}
    has_kuantitas: dict[str, bool] = {}
    for pos in positions(rhk):
        kode = text(rhk, pos, "kode_rhk")
        if val(rhk, pos, "jenis") == "Utama" and kode:
            first_row.setdefault(kode, pos)
            has_kuantitas[kode] = has_kuantitas.get(kode, False) or (
                val(rhk, pos, "aspek") == "kuantitas"
            )
            if val(rhk, pos, "rhk_pimpinan") is None:
                yield at(form, rhk, pos, "rhk_pimpinan", Code.SKP_RHK_PIMPINAN_KOSONG, value=kode)
        target = number(rhk, pos, "target")
        bawah, atas = number(rhk, pos, "target_bawah"), number(rhk, pos, "target_atas")
        if (
            target is None
            and not rhk.filled["target"][pos]
            and (bawah is None or atas is None)
            and val(rhk, pos, "kode_iki")
        ):
            yield at(
                form, rhk, pos, "target", Code.SKP_TARGET_KOSONG, value=val(rhk, pos, "kode_iki")
            )
        if bawah is not None and atas is not None and bawah > atas:
            yield at(form, rhk, pos, "target_bawah", Code.SKP_TARGET_RENTANG_TERBALIK, atas=atas)
    for kode, ok in has_kuantitas.items():
        if not ok:
            yield at(form, rhk, first_row[kode], "kode_rhk", Code.SKP_ASPEK_KUANTITAS_WAJIB)


def check_references(form: SkpForm) -> Iterator[Finding]:
    iki = codes(form.table("rhk"), "kode_iki")
    yield from _refers(form, form.table("realisasi"), iki, Code.REALISASI_KODE_IKI_TIDAK_DIKENAL)
    yield from _refers(form, form.table("manual"), iki, Code.MANUAL_KODE_IKI_TIDAK_DIKENAL)


IkiTable = TypeVar("IkiTable", RealisasiColumn, ManualColumn)  # the tables naming an IKI


def _refers(
    form: SkpForm, table: NormalTable[IkiTable], iki: set[str], code: Code
) -> Iterator[Finding]:
    """Each kode IKI of the table that the RHK table does not have."""
    for pos in positions(table):
        kode = val(table, pos, "kode_iki")
        if kode and kode not in iki:
            yield at(form, table, pos, "kode_iki", code)


def check_window(form: SkpForm, settings: Pengaturan) -> Iterator[Finding]:
    tanggal = form.day("tanggal")
    mulai, selesai = settings.skp_mulai, settings.skp_selesai
    if tanggal and mulai and selesai and not mulai <= tanggal <= selesai:
        yield at_field(
            form, "tanggal", Code.SKP_TANGGAL_DI_LUAR_JENDELA, mulai=mulai, selesai=selesai
        )


def check_skp(form: SkpForm, settings: Pengaturan) -> list[Finding]:
    return [*check_rhk(form), *check_references(form), *check_window(form, settings)]
