"""`xlkinerja kompilasi`: all units' workbooks into the institution's compiled report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress

from xlkinerja.cli.common import (
    EXIT_DATA,
    Arsip,
    DariArsip,
    MasterPilihan,
    OutputFormat,
    Proses,
    Senyap,
    TahunArsip,
    Triwulan,
    app,
    err,
    friendly_errors,
)
from xlkinerja.cli.render import show
from xlkinerja.errors import ErrorCode, OutputError

if TYPE_CHECKING:
    from xlkinerja.jobs.kompilasi import KompilasiResult


@app.command()
@friendly_errors
def kompilasi(
    output: Annotated[Path, typer.Option("--output", "-o", help="Workbook rekap (.xlsx).")],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Workbook unit dan SKP (berkas atau folder, rekursif); tanpa ini: --dari-arsip.",
            metavar="[BERKAS]...",
        ),
    ] = None,
    master: MasterPilihan = None,
    dari_arsip: DariArsip = False,
    tahun: TahunArsip = None,
    db: Arsip = None,
    tanpa_arsip: Annotated[
        bool, typer.Option("--tanpa-arsip", help="Jangan catat ke arsip.")
    ] = False,
    triwulan: Triwulan = None,
    proses: Proses = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="teks atau json (ringkasan ke stdout).")
    ] = OutputFormat.teks,
    senyap: Senyap = False,
) -> None:
    """Gabungkan workbook semua unit menjadi workbook rekap institusi dan catat ke arsip.

    Rekap berisi Status Pengumpulan, Rekap PK, Rekap Rencana Aksi, Rekap Capaian (dengan
    grafik), Pohon Kinerja dan Temuan. Kode keluar 1 jika ada galat. Dengan --dari-arsip,
    kiriman terakhir setiap unit (tombol Kirim) diambil dari arsip, tanpa berkas.

    Contoh: xlkinerja kompilasi unit/ --master master.xlsx --output rekap.xlsx

    Contoh: xlkinerja kompilasi --dari-arsip --db postgresql://server/kinerja --output rekap.xlsx
    """
    from xlkinerja.jobs import inputs  # here: the CLI starts quickly
    from xlkinerja.jobs.kompilasi import compile_workbooks

    if _not_xlsx(output):  # before minutes of work: the rekap is an .xlsx
        raise OutputError(
            f"rekap ditulis sebagai workbook Excel .xlsx, tetapi namanya berakhiran "
            f"'{output.suffix or '(tanpa akhiran)'}'; Excel akan menolak membukanya.",
            code=ErrorCode.KELUARAN_BUKAN_XLSX,
            path=output,
            hint="Beri nama berakhiran .xlsx, mis. rekap-kinerja.xlsx.",
        )

    asked = inputs.Asked(paths or [], dari_arsip, master, tahun, db)
    example = "xlkinerja kompilasi unit/ --master master.xlsx --output rekap.xlsx"
    given = inputs.resolve_input(
        asked, inputs.Accepts.WORKBOOKS, example=example, stage=_stage(senyap)
    )
    assert isinstance(given, inputs.Workbooks)  # what kompilasi accepts
    files = given.file_count
    show_progress = not senyap and err.is_terminal and files > 1
    with Progress(console=err, disable=not show_progress, transient=True) as bar:
        task = bar.add_task("Mengompilasi", total=files)
        result = compile_workbooks(
            given,
            output=output,
            db=db,
            record=not tanpa_arsip,
            workers=proses,
            progress=lambda _: bar.advance(task),
            stage=(lambda text: bar.update(task, description=text)) if files else _stage(senyap),
            triwulan=triwulan,
        )
    _finish(result, format)


OTHER_SHEETS = (".xls", ".xlsm", ".xlsb", ".ods", ".csv")  # names Excel would misread


def _not_xlsx(output: Path) -> bool:
    """A rekap name another kind of spreadsheet (or none) — not a folder, not the archive's
    name, which the job refuses with their own words."""
    suffix = output.suffix.lower()
    return suffix in OTHER_SHEETS or (not suffix and not output.is_dir())


def _finish(result: KompilasiResult, format: OutputFormat) -> None:
    show(result, err, as_json=format == OutputFormat.json)
    if result.has_galat:
        raise typer.Exit(EXIT_DATA)


def _stage(senyap: bool) -> Callable[[str], None] | None:
    """What the job does next, on stderr (when on a terminal and not --senyap)."""
    if senyap or not err.is_terminal:
        return None
    return lambda text: err.print(f"[dim]{text}…[/]", highlight=False)
