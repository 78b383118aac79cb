"""The ribbon's Pengesahan buttons — Bahas, Periksa, Setujui, Kembalikan — for the planning
unit: the step of SOP-SPMI-601 recorded on the latest archived version of the unit workbook
it has open, as `xlkinerja arsip bahas/periksa/setujui/kembalikan` records it
(jobs/pengesahan.py `catat`, the same rules and refusals).

Who and what: the open workbook says which unit and year (its kode_unit and tahun); the
sheet "Pengesahan" in it says who took the step, when, and the rumusan or the reason
(jobs/pengesahan_lembar.py: a column per button). A workbook without that sheet gets it,
empty, and the user is asked to fill it in and press again.

Where: in server mode the server's archive, and only for a key of a planning unit
(`xlkinerja server --perencanaan`), as Kompilasi; any other unit's key is refused. In
local mode the archive of the settings (DB in xlkinerja.conf, else the default one), as
the `arsip` commands on that PC would record it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.excel.context import ActionContext, Mode
from xlkinerja.excel.reader import OpenWorkbook
from xlkinerja.excel.registry import action
from xlkinerja.jobs.kompilasi_server import KompilasiDitolak
from xlkinerja.jobs.pengesahan import ArsipPengesahan
from xlkinerja.jobs.pengesahan_lembar import HEADER_ROW, LEMBAR, NIP, ROWS, SHEET
from xlkinerja.jobs.pengesahan_tombol import button_label, catat_dari_lembar, unit_of_workbook


def _allowed(context: ActionContext, button: str) -> None:
    if context.mode == Mode.SERVER and not context.perencanaan:
        raise KompilasiDitolak(
            f"{button} di server hanya untuk Unit Perencanaan; kunci unit "
            f"{context.unit or '-'} tidak diberi hak itu.",
            code=ErrorCode.SERVER_BUKAN_PERENCANAAN,
            hint="Pembahasan dan pengesahan kiriman unit dicatat oleh Unit Perencanaan (Tim "
            "SAKIP). Bila tugas ini milik unit Anda, minta admin menjalankan server dengan "
            f"--perencanaan {context.unit or 'KODE_UNIT'}.",
        )


def _sheet_values(book: Any) -> list[list[object]] | None:
    """The Pengesahan sheet's values from A1 (None: the workbook has no such sheet)."""
    names = {s.name.casefold(): s for s in book.sheets}
    sheet = names.get(SHEET.casefold())
    if sheet is None:
        return None
    last = sheet.used_range.last_cell
    values = sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
    return [list(row) for row in values or []]


def _new_sheet(book: Any, button: str) -> XlkinerjaError:
    """Add the empty Pengesahan sheet; the error that asks for it to be filled in."""
    sheet = book.sheets.add(SHEET, after=book.sheets[len(book.sheets) - 1])
    nip_row = HEADER_ROW + 1 + ROWS.index(NIP)
    width = len(LEMBAR[0])
    sheet.range((nip_row, 2), (nip_row, width)).number_format = "@"  # 18 digits stay text
    sheet["A1"].value = LEMBAR
    return XlkinerjaError(
        f"lembar {SHEET} belum ada di buku kerja ini, jadi sudah dibuat: isi kolom {button} "
        "(nama, NIP, tanggal"
        + (", rekomendasi, kendala, tindak lanjut" if button == "Bahas" else "")
        + (", alasan" if button == "Kembalikan" else "")
        + f"), lalu tekan {button} lagi.",
        code=ErrorCode.ADDIN_LEMBAR_PENGESAHAN_DIBUAT,
        hint="Lembar itu tidak ikut dikirim ke arsip; isinya hanya dipakai tombol Pengesahan.",
    )


def record_step(book: Any, context: ActionContext, tahap: str) -> ArsipPengesahan:
    """The step `tahap` from the open workbook's Pengesahan sheet, recorded on its unit's
    latest submission of its year in the archive."""
    button = button_label(tahap)
    _allowed(context, button)
    unit, tahun = unit_of_workbook(OpenWorkbook(book), button)
    values = _sheet_values(book)
    if values is None:
        raise _new_sheet(book, button)
    return catat_dari_lembar(unit, tahun, tahap, values, db=context.db, today=_today(context))


def _today(context: ActionContext) -> date | None:
    return context.now.date() if context.now is not None else None


@action("bahas")
def bahas(book: Any, context: ActionContext) -> ArsipPengesahan:
    """The Tim SAKIP's rapat pembahasan and its rumusan (rekomendasi, kendala, tindak
    lanjut) on the unit's latest submission."""
    return record_step(book, context, "dibahas")


@action("periksa")
def periksa(book: Any, context: ActionContext) -> ArsipPengesahan:
    """Diperiksa by the Kabag/Kasubag."""
    return record_step(book, context, "diperiksa")


@action("setujui")
def setujui(book: Any, context: ActionContext) -> ArsipPengesahan:
    """Disetujui by the Direktur."""
    return record_step(book, context, "disetujui")


@action("kembalikan")
def kembalikan(book: Any, context: ActionContext) -> ArsipPengesahan:
    """Sent back (with the reason) to be discussed again."""
    return record_step(book, context, "dikembalikan")
