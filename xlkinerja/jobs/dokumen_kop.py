"""The kop the PK and Rencana Aksi documents carry, from the master: given with --master,
else the master among the workbooks asked for; its logo file found relative to the
master's folder (a logo named but not there is an error at its cell, exit 2)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from xlkinerja.core.normal import NormalForm
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.render.dokumen.kop import Kop, kop_of_master
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER
from xlkinerja.validation.normalise import normalise_form


def resolved(kop: Kop | None, master: Path) -> Kop | None:
    """`kop` with its logo as an absolute path, checked to be a file."""
    if kop is None or kop.logo is None:
        return kop
    logo = kop.logo if kop.logo.is_absolute() else master.resolve().parent / kop.logo
    if not logo.is_file():
        sheet, cell = kop.logo_cell
        raise WorkbookError(
            f"berkas logo kop '{kop.logo}' tidak ditemukan (dicari di {logo}).",
            code=ErrorCode.BERKAS_TIDAK_DITEMUKAN,
            path=master,
            sheet=sheet,
            cell=cell,
            hint="Tulis path berkas gambar relatif terhadap folder master, atau kosongkan "
            "isian itu untuk kop tanpa logo.",
        )
    return replace(kop, logo=logo)


def kop_of(master: Path) -> Kop | None:
    """The kop of the master workbook at `master` (read as a master: another is an error)."""
    form, _ = normalise_form(read_form(master, expected=MASTER, fields_only=True))
    return resolved(kop_of_master(form), master)


def master_among(forms: Iterable[tuple[Path, NormalForm]]) -> Path | None:
    """The first master among the workbooks read."""
    return next((path for path, form in forms if form.is_master), None)
