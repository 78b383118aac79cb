"""The actions of the ribbon's buttons (see registry.py): each one reads the workbook
(reader.py), runs a job on its content and writes what the job returns into it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.excel.book import book_folder, is_remote
from xlkinerja.excel.cells import write_beside
from xlkinerja.excel.context import ActionContext, Mode
from xlkinerja.excel.planner import (
    compile_from_book,
    compile_on_server,
    export_here,
    export_on_server,
)
from xlkinerja.excel.reader import OpenWorkbook
from xlkinerja.excel.registry import action
from xlkinerja.excel.writeback import LiveBackend
from xlkinerja.jobs.buku import Bersihkan, BookValidasi, validate_form
from xlkinerja.jobs.ekspor import EksporResult
from xlkinerja.jobs.ekspor_buku import EksporServer
from xlkinerja.jobs.hitung import HitungResult, hitung
from xlkinerja.jobs.kaskade import KaskadeResult, generate_skp
from xlkinerja.jobs.kompilasi import KompilasiResult
from xlkinerja.jobs.kompilasi_server import PlannerDesk, RekapServer
from xlkinerja.jobs.tentang import Tentang, about
from xlkinerja.render.annotate.plan import REPORT_SHEET


@action("validasi")
def validasi(book: Any, context: ActionContext) -> BookValidasi:
    """Check this workbook (with the master, when the settings name one) and write every
    finding into it: a fill and a note at the cell, the Hasil Validasi sheet, the previous
    run's marks removed first."""
    result = validate_form(OpenWorkbook(book), master=context.master, now=context.now)
    if result.plan is not None:
        result.written = LiveBackend(book, remote=is_remote(book)).apply(result.plan)
    return result


@action("bersihkan_tanda")
def bersihkan_tanda(book: Any, context: ActionContext) -> Bersihkan:
    """Remove the marks of the last validation (fills back, our notes gone) and its sheet."""
    return Bersihkan(LiveBackend(book, remote=is_remote(book)).clear(REPORT_SHEET))


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
    folder = book_folder(book) / "skp"
    data = OpenWorkbook(book).read()  # as open in Excel: unsaved edits included
    return generate_skp(data, folder, master=context.master, now=context.now)


@action("kompilasi")
def kompilasi(book: Any, context: ActionContext) -> KompilasiResult | RekapServer:
    """For the planning unit. Local mode: the units' workbooks (setting KIRIMAN, else the
    folder picked in Excel's dialog, else this workbook's folder) compiled into
    rekap-kinerja.xlsx there, which Excel then opens.
    Server mode: what the units sent (Kirim), compiled from the server's archive, opened in
    Excel from the server (jobs/kompilasi_server.py, excel/planner.py)."""
    if context.mode == Mode.SERVER:
        return compile_on_server(book, _desk(context), context.now, context.triwulan)
    folder = context.settings.get("KIRIMAN")
    result = compile_from_book(
        book,
        master=context.master,
        folder=Path(folder) if folder else None,
        db=context.db,
        now=context.now,
        triwulan=context.triwulan,
    )
    if not is_remote(book):
        book.app.books.open(str(result.output))  # the planning unit sees the report at once
    return result


@action("ekspor")
def ekspor(book: Any, context: ActionContext) -> EksporResult | EksporServer:
    """For the planning unit: the upload files of every export profile. Local mode: from
    the open compiled report, into `ekspor/` beside it. Server mode: from the server's
    archive, downloaded as one zip (jobs/ekspor_buku.py, excel/planner.py). The period is the
    one chosen on the ribbon; a report of another period is refused."""
    if context.mode == Mode.SERVER:
        return export_on_server(book, _desk(context), context.now, context.triwulan)
    return export_here(book, context.now, context.triwulan, context.master, context.db)


@action("hitung_capaian")
def hitung_capaian(book: Any, context: ActionContext) -> HitungResult:
    """The capaian and predikat of every reported triwulan, beside the Capaian table."""
    result = hitung(OpenWorkbook(book), master=context.master, now=context.now)
    write_beside(book, result.beside())
    return result
