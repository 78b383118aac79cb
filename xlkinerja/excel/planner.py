"""The planning unit's buttons (Kompilasi, Ekspor) as Excel does them.

Local mode: Kompilasi asks for the folder of the units' workbooks in Excel's own dialog
(excel/dialog.py) unless the settings name it, compiles it (jobs/buku.py) and the action
opens the report; Ekspor writes the export files beside the compiled report open in Excel;
the report must have been saved (it has, when Kompilasi opened it).

Server mode: the jobs compile or export the server's archive and offer the result for
download (jobs/kompilasi_server.py, jobs/ekspor_buku.py); an xlwings answer can only act on
the open workbook, so the answer runs one of the add-in's macros (macros/KinerjaRekap.bas)
with the download path: `KinerjaBukaRekap` opens the report in Excel, `KinerjaUnduh` opens
the zip's address in the browser.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.excel.book import book_folder, is_remote
from xlkinerja.excel.dialog import Picked, pick_folder
from xlkinerja.excel.macros import run_macro
from xlkinerja.excel.reader import OpenWorkbook, book_path
from xlkinerja.jobs.buku import compile_folder
from xlkinerja.jobs.ekspor import EksporResult
from xlkinerja.jobs.ekspor_buku import EksporServer, export_beside, export_for_planner
from xlkinerja.jobs.kompilasi import KompilasiResult
from xlkinerja.jobs.kompilasi_server import PlannerDesk, RekapServer, compile_for_planner

BUKA_REKAP = "KinerjaBukaRekap"  # (wb, download path, file name): macros/KinerjaRekap.bas
UNDUH = "KinerjaUnduh"  # (wb, download path, file name): macros/KinerjaRekap.bas


class KompilasiDibatalkan(XlkinerjaError):
    """The planning unit closed the folder dialog of Kompilasi."""


def compile_from_book(
    book: Any,
    *,
    master: Path | None,
    folder: Path | None,
    db: str | None,
    now: datetime | None = None,
    triwulan: int | None = None,
) -> KompilasiResult:
    """Kompilasi started from an open workbook (the planning unit's master, usually): the
    master is the given one, else this workbook when it is the master; the units' workbooks
    are in `folder`, else in the folder the user picks in Excel's dialog (where Excel has
    one: Windows), else in this workbook's folder; the report goes next to them."""
    here = book_folder(book)
    if folder is None and not is_remote(book):
        picked = pick_folder(book, "Pilih folder workbook unit untuk Kompilasi", here)
        if picked is Picked.CANCELLED:
            raise KompilasiDibatalkan(
                "Kompilasi dibatalkan: tidak ada folder yang dipilih.",
                code=ErrorCode.KOMPILASI_DIBATALKAN,
                hint="Tekan Kompilasi lagi dan pilih folder berisi workbook unit, atau isi "
                "KIRIMAN di pengaturan xlkinerja.conf.",
            )
        if isinstance(picked, Path):
            folder = picked
    return compile_folder(
        folder or here, master=master, this=OpenWorkbook(book), db=db, now=now, triwulan=triwulan
    )


def compile_on_server(
    book: Any, desk: PlannerDesk, now: datetime | None = None, triwulan: int | None = None
) -> RekapServer:
    """Kompilasi of the server's archive, the report then opened in the user's Excel."""
    result = compile_for_planner(desk, now, triwulan)
    run_macro(book, BUKA_REKAP, result.download, result.kompilasi.output.name, remote=True)
    return result


def export_on_server(
    book: Any, desk: PlannerDesk, now: datetime | None = None, triwulan: int | None = None
) -> EksporServer:
    """Ekspor of the server's archive, the zip then downloaded through the browser."""
    result = export_for_planner(desk, now, triwulan)
    run_macro(book, UNDUH, result.download, result.zip_name, remote=True)
    return result


def export_here(
    book: Any,
    now: datetime | None = None,
    triwulan: int | None = None,
    master: Path | None = None,
    db: str | None = None,
) -> EksporResult:
    """Local mode: every profile from the open compiled report into `ekspor/` beside it (a
    report of another period than `triwulan` is refused)."""
    book_folder(book)  # a workbook never saved has no folder to export into: refused
    return export_beside(book_path(book), now=now, triwulan=triwulan, master=master, db=db)
