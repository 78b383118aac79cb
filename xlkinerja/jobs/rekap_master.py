"""The master a compiled workbook was made with: the one given, else the archive's latest
of the rekap's year (a rekap names no master). For what needs the master's own data — the
LKj's sasaran and Renstra targets, the Renstra OPD export's targets and identity."""

from __future__ import annotations

from pathlib import Path

from xlkinerja.core.normal import MasterForm
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.inputs import CompiledRekap, archived_master
from xlkinerja.sources.source import FormSource
from xlkinerja.specs import MASTER, is_master
from xlkinerja.store.archive import Archive
from xlkinerja.validation.normalise import normalise_form


def rekap_master(
    archive: Archive, given: CompiledRekap, master: Path | None, tahun: int | None
) -> tuple[FormSource, MasterForm]:
    """The master of a compiled workbook's chapter: the one given, else the archive's
    latest of the rekap's year; it must be of that year."""
    name = given.path.name
    versions = [] if master is not None else archive.submissions(tahun=tahun)
    if master is None and not any(is_master(v.kind) for v in versions):
        year = f" tahun {tahun}" if tahun is not None else ""
        raise XlkinerjaError(
            f"'{name}' adalah rekap hasil kompilasi: sasaran, IKU, target Renstra "
            f"dan program diambil dari workbook master, dan arsip '{archive.location}' "
            f"belum memuat workbook master{year}.",
            code=ErrorCode.ARSIP_MASTER_TIDAK_ADA,
            hint="Tambahkan --master MASTER.xlsx (master yang dipakai saat kompilasi).",
        )
    source = archived_master(archive, master, tahun)
    form: MasterForm
    form, _ = normalise_form(source.read(MASTER))
    tahun_master = form.number("tahun")
    if tahun_master is not None and tahun is not None and tahun_master != tahun:
        raise XlkinerjaError(
            f"workbook master tahun {tahun_master:.0f}, rekap '{name}' tahun "
            f"{tahun}: IKU dan target Renstra harus dari master tahun rekap.",
            code=ErrorCode.MASUKAN_TAHUN_BEDA,
            hint="Berikan --master yang dipakai saat kompilasi rekap ini.",
        )
    return source, form
