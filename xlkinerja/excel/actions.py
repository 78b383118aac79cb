"""The actions of the ribbon's buttons (see registry.py): each one a job on the workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.excel.context import ActionContext, Mode
from xlkinerja.excel.registry import action
from xlkinerja.jobs.buku import (
    Bersihkan,
    BookValidasi,
    clear_book,
    compile_from_book,
    is_remote,
    kaskade_book,
    validate_book,
)
from xlkinerja.jobs.ekspor import EksporResult
from xlkinerja.jobs.ekspor_buku import EksporServer, export_book, export_for_planner
from xlkinerja.jobs.hitung import HitungResult, hitung_book
from xlkinerja.jobs.kaskade import KaskadeResult
from xlkinerja.jobs.kompilasi import KompilasiResult
from xlkinerja.jobs.kompilasi_server import PlannerDesk, RekapServer, compile_for_planner
from xlkinerja.jobs.tentang import Tentang, about


@action("validasi")
def validasi(book: Any, context: ActionContext) -> BookValidasi:
    """Check this workbook (with the master, when the settings name one) and write every
    finding into it: a fill and a note at the cell, the Hasil Validasi sheet."""
    return validate_book(book, master=context.master, now=context.now)


@action("bersihkan_tanda")
def bersihkan_tanda(book: Any, context: ActionContext) -> Bersihkan:
    """Remove the marks of the last validation."""
    return clear_book(book)


@action("tentang")
def tentang(book: Any, context: ActionContext) -> Tentang:
    """Versions and the settings in use."""
    return about(mode=context.mode.value, settings=context.settings)


def _desk(context: ActionContext) -> PlannerDesk:
    """What the server gives the planning unit's buttons (server mode)."""
    return PlannerDesk(
        unit=context.unit,
        allowed=context.perencanaan,
        master=context.master,
        db=context.db,
        reports=context.reports,
        publish=context.publish,
    )


def _local_only(context: ActionContext, what: str) -> None:
    if context.mode != Mode.LOKAL:
        raise XlkinerjaError(
            f"{what} berjalan di komputer Anda (mode lokal), bukan di server: berkas hasilnya "
            "ditulis ke folder di samping buku kerja.",
            code=ErrorCode.MODE_HANYA_LOKAL,
            hint="Minta admin memasang Python dan xlkinerja di komputer ini (MODE=local).",
        )


@action("kaskade")
def kaskade(book: Any, context: ActionContext) -> KaskadeResult:
    """SKP workbooks for this unit's staff, into the folder `skp` next to the workbook."""
    _local_only(context, "Kaskade")
    return kaskade_book(book, master=context.master, now=context.now)


@action("kompilasi")
def kompilasi(book: Any, context: ActionContext) -> KompilasiResult | RekapServer:
    """For the planning unit. Local mode: the units' workbooks (setting KIRIMAN, else the
    folder picked in Excel's dialog, else this workbook's folder) compiled into
    rekap-kinerja.xlsx there, which Excel then opens.
    Server mode: what the units sent (Kirim), compiled from the server's archive, opened in
    Excel from the server (jobs/kompilasi_server.py)."""
    if context.mode == Mode.SERVER:
        return compile_for_planner(book, _desk(context), context.now)
    folder = context.settings.get("KIRIMAN")
    result = compile_from_book(
        book,
        master=context.master,
        folder=Path(folder) if folder else None,
        db=context.db,
        now=context.now,
    )
    if not is_remote(book):
        book.app.books.open(str(result.output))  # the planning unit sees the report at once
    return result


@action("ekspor")
def ekspor(book: Any, context: ActionContext) -> EksporResult | EksporServer:
    """For the planning unit: the upload files of every export profile. Local mode: from
    the open compiled report, into `ekspor/` beside it. Server mode: from the server's
    archive, downloaded as one zip (jobs/ekspor_buku.py)."""
    if context.mode == Mode.SERVER:
        return export_for_planner(book, _desk(context), context.now)
    return export_book(book, now=context.now)


@action("hitung_capaian")
def hitung_capaian(book: Any, context: ActionContext) -> HitungResult:
    """The capaian and predikat of every reported triwulan, beside the Capaian table."""
    return hitung_book(book, master=context.master, now=context.now)
