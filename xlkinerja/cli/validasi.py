"""`xlkinerja validasi`: check workbooks and report (or write back) every finding."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress

from xlkinerja.cli.common import EXIT_DATA, OutputFormat, Proses, Senyap, app, err, friendly_errors
from xlkinerja.cli.render import show
from xlkinerja.jobs.ringkasan import collect_workbooks

if TYPE_CHECKING:
    pass


@app.command()
@friendly_errors
def validasi(
    paths: Annotated[
        list[Path], typer.Argument(help="Berkas atau folder (rekursif).", metavar="BERKAS...")
    ],
    master: Annotated[
        Path | None, typer.Option("--master", "-m", help="Workbook master (batas waktu, tahun).")
    ] = None,
    annotate: Annotated[
        bool,
        typer.Option(
            "--annotate",
            "--tandai",
            help="Tulis temuan ke dalam workbook (warna, catatan, lembar Hasil Validasi); "
            "berkas asli disimpan di folder cadangan-xlkinerja/.",
        ),
    ] = False,
    proses: Proses = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="teks (tabel) atau json (ke stdout).")
    ] = OutputFormat.teks,
    senyap: Senyap = False,
) -> None:
    """Periksa isian workbook dan laporkan setiap temuan beserta selnya.

    Kode keluar: 0 tanpa galat, 1 ada galat (atau ada berkas yang tidak dapat ditandai),
    2 kesalahan penggunaan.

    Contoh: xlkinerja validasi workbooks/contoh/

    Contoh: xlkinerja validasi TI.xlsx --annotate
    """
    from xlkinerja.jobs.validasi import validate_paths  # here: the CLI starts quickly

    files = collect_workbooks(paths)
    show_progress = not senyap and err.is_terminal and len(files) > 1
    with Progress(console=err, disable=not show_progress, transient=True) as bar:
        task = bar.add_task("Memeriksa", total=len(files))
        result = validate_paths(
            files,
            master=master,
            annotate=annotate,
            progress=lambda _: bar.advance(task),
            workers=proses,
            stage=lambda text: bar.update(task, description=text),
        )
    show(result, err, as_json=format == OutputFormat.json)
    if result.has_galat or result.failed:
        raise typer.Exit(EXIT_DATA)
