"""`xlkinerja kompilasi`: all units' workbooks into the institution's compiled report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from xlkinerja.cli.common import EXIT_DATA, OutputFormat, Proses, Senyap, app, err, friendly_errors
from xlkinerja.cli.render import show
from xlkinerja.jobs.ringkasan import collect_workbooks


@app.command()
@friendly_errors
def kompilasi(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Workbook unit dan SKP (berkas atau folder, rekursif).", metavar="BERKAS..."
        ),
    ],
    master: Annotated[Path, typer.Option("--master", "-m", help="Workbook master.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Workbook rekap (.xlsx).")],
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Arsip: berkas SQLite atau URL postgresql://... (bawaan: SQLite di "
            "folder data pengguna).",
        ),
    ] = None,
    tanpa_arsip: Annotated[
        bool, typer.Option("--tanpa-arsip", help="Jangan catat ke arsip.")
    ] = False,
    proses: Proses = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="teks atau json (ringkasan ke stdout).")
    ] = OutputFormat.teks,
    senyap: Senyap = False,
) -> None:
    """Gabungkan workbook semua unit menjadi workbook rekap institusi dan catat ke arsip.

    Rekap berisi Status Pengumpulan, Rekap PK, Rekap Rencana Aksi, Rekap Capaian (dengan
    grafik), Pohon Kinerja dan Temuan. Kode keluar 1 jika ada galat.

    Contoh: xlkinerja kompilasi unit/ --master master.xlsx --output rekap.xlsx
    """
    from xlkinerja.jobs.kompilasi import compile_paths  # here: the CLI starts quickly

    files = collect_workbooks(paths)
    show_progress = not senyap and err.is_terminal and len(files) > 1
    with Progress(console=err, disable=not show_progress, transient=True) as bar:
        task = bar.add_task("Mengompilasi", total=len(files))
        result = compile_paths(
            paths,
            master=master,
            output=output,
            db=db,
            archive=not tanpa_arsip,
            workers=proses,
            progress=lambda _: bar.advance(task),
            stage=lambda text: bar.update(task, description=text),
        )
    show(result, err, as_json=format == OutputFormat.json)
    if result.has_galat:
        raise typer.Exit(EXIT_DATA)
