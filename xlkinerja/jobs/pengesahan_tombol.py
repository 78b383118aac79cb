"""The job behind the ribbon's Pengesahan buttons (excel/actions_pengesahan.py): the open
unit workbook says which unit and year, its Pengesahan sheet (jobs/pengesahan_lembar.py)
says who took the step, when, and the rumusan or the reason; the step is recorded on the
unit's latest submission of that year as `arsip bahas/periksa/setujui/kembalikan` records
it (jobs/pengesahan.py `catat`: the same rules and refusals)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from xlkinerja.domain.pengesahan import Stage
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.pengesahan import ArsipPengesahan, catat
from xlkinerja.jobs.pengesahan_lembar import BUTTONS, isian_langkah
from xlkinerja.sources.source import FormSource
from xlkinerja.specs import FormKind
from xlkinerja.validation.normalise import normalise_form


class BukanWorkbookUnit(XlkinerjaError):
    """A Pengesahan button pressed on a workbook that is not a unit workbook."""


def button_label(tahap: str) -> str:
    """The button's label of a stage ("dibahas" → "Bahas")."""
    return BUTTONS[Stage(tahap)]


def unit_of_workbook(source: FormSource, button: str) -> tuple[str, int]:
    """The open unit workbook's kode_unit and tahun (what its submission is found by)."""
    data = source.read()
    if data.form.id != FormKind.UNIT:
        raise BukanWorkbookUnit(
            f"{button} dicatat pada kiriman workbook unit, tetapi buku kerja yang terbuka "
            f"adalah workbook {data.form.id}.",
            code=ErrorCode.ADDIN_BUKAN_WORKBOOK_UNIT,
            path=data.path,
            hint="Buka workbook unit yang dibahas, lalu tekan tombolnya lagi.",
        )
    form, _ = normalise_form(data)
    kode, tahun = form.text("kode_unit"), form.number("tahun")
    if not kode or tahun is None:
        missing = " dan ".join(
            label for label, value in (("kode unit", kode), ("tahun", tahun)) if not value
        )
        raise BukanWorkbookUnit(
            f"workbook unit ini tidak menyebut {missing}: kirimannya di arsip tidak dapat "
            "ditemukan.",
            code=ErrorCode.ADDIN_BUKAN_WORKBOOK_UNIT,
            path=data.path,
            hint="Buka workbook unit seperti yang dikirim unit itu (Kirim).",
        )
    return kode.strip().upper(), int(tahun)


def catat_dari_lembar(
    unit: str,
    tahun: int,
    tahap: str,
    values: Sequence[Sequence[object]],
    *,
    db: str | Path | None,
    today: date | None = None,
) -> ArsipPengesahan:
    """Record the step `tahap` with what its column of the Pengesahan sheet (`values`,
    from A1) holds on `unit`'s latest submission of `tahun`."""
    isian = isian_langkah(values, Stage(tahap))
    return catat(
        db, unit, tahun, tahap, nama=isian.nama, nip=isian.nip, tanggal=isian.tanggal,
        rekomendasi=isian.rekomendasi, kendala=isian.kendala,
        tindak_lanjut=isian.tindak_lanjut, alasan=isian.alasan, today=today,
    )  # fmt: skip
