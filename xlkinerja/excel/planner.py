"""The planning unit's buttons (Kompilasi, Ekspor) as Excel does them.

Local mode: Ekspor writes the export files beside the compiled report open in Excel; the
report must have been saved (it has, when Kompilasi opened it).

Server mode: the jobs compile or export the server's archive and offer the result for
download (jobs/kompilasi_server.py, jobs/ekspor_buku.py); an xlwings answer can only act on
the open workbook, so the answer runs one of the add-in's macros (macros/KinerjaRekap.bas)
with the download path: `KinerjaBukaRekap` opens the report in Excel, `KinerjaUnduh` opens
the zip's address in the browser.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from xlkinerja.jobs.buku import book_folder
from xlkinerja.jobs.ekspor import EksporResult
from xlkinerja.jobs.ekspor_buku import EksporServer, export_beside, export_for_planner
from xlkinerja.jobs.kompilasi_server import PlannerDesk, RekapServer, compile_for_planner
from xlkinerja.render.live_cells import run_macro
from xlkinerja.sources.live_book import book_path

BUKA_REKAP = "KinerjaBukaRekap"  # (wb, download path, file name): macros/KinerjaRekap.bas
UNDUH = "KinerjaUnduh"  # (wb, download path, file name): macros/KinerjaRekap.bas


def compile_on_server(book: Any, desk: PlannerDesk, now: datetime | None = None) -> RekapServer:
    """Kompilasi of the server's archive, the report then opened in the user's Excel."""
    result = compile_for_planner(desk, now)
    run_macro(book, BUKA_REKAP, result.download, result.kompilasi.output.name, remote=True)
    return result


def export_on_server(book: Any, desk: PlannerDesk, now: datetime | None = None) -> EksporServer:
    """Ekspor of the server's archive, the zip then downloaded through the browser."""
    result = export_for_planner(desk, now)
    run_macro(book, UNDUH, result.download, result.zip_name, remote=True)
    return result


def export_here(book: Any, now: datetime | None = None) -> EksporResult:
    """Local mode: every profile from the open compiled report into `ekspor/` beside it."""
    book_folder(book)  # a workbook never saved has no folder to export into: refused
    return export_beside(book_path(book), now=now)
