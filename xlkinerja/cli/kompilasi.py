"""`xlkinerja kompilasi`: all units' workbooks into the institution's compiled report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress

from xlkinerja.cli.common import EXIT_DATA, OutputFormat, Proses, Senyap, app, err, friendly_errors
from xlkinerja.cli.render import show
from xlkinerja.errors import XlkinerjaError
from xlkinerja.jobs.ringkasan import collect_workbooks

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
    master: Annotated[
        Path | None,
        typer.Option(
            "--master",
            "-m",
            help="Workbook master (dengan --dari-arsip boleh tidak diberikan: master terakhir "
            "di arsip).",
        ),
    ] = None,
    dari_arsip: Annotated[
        bool,
        typer.Option(
            "--dari-arsip",
            help="Kompilasi kiriman terakhir setiap unit dan SKP di arsip, bukan berkas.",
        ),
    ] = False,
    tahun: Annotated[
        int | None,
        typer.Option(
            "--tahun", help="Dengan --dari-arsip: kiriman tahun ini (bawaan: tahun master)."
        ),
    ] = None,
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
    grafik), Pohon Kinerja dan Temuan. Kode keluar 1 jika ada galat. Dengan --dari-arsip,
    kiriman terakhir setiap unit (tombol Kirim) diambil dari arsip, tanpa berkas.

    Contoh: xlkinerja kompilasi unit/ --master master.xlsx --output rekap.xlsx

    Contoh: xlkinerja kompilasi --dari-arsip --db postgresql://server/kinerja --output rekap.xlsx
    """
    if dari_arsip:
        if paths:
            raise XlkinerjaError(
                "berikan berkas ATAU --dari-arsip, tidak keduanya.",
                hint="Dengan --dari-arsip workbook unit diambil dari arsip.",
            )
        from xlkinerja.jobs.kompilasi_arsip import compile_archive  # the CLI starts quickly

        result = compile_archive(
            output=output, db=db, master=master, tahun=tahun, stage=_stage(senyap)
        )
        _finish(result, format)
        return
    if not paths:
        raise XlkinerjaError(
            "belum ada workbook untuk dikompilasi.",
            hint="Berikan berkas atau folder workbook unit dan SKP, atau --dari-arsip untuk "
            "mengompilasi kiriman terakhir setiap unit di arsip.",
        )
    if master is None:
        raise XlkinerjaError(
            "belum diberikan: opsi '--master' (workbook master).",
            hint="Contoh: xlkinerja kompilasi unit/ --master master.xlsx --output rekap.xlsx",
        )
    if tahun is not None:
        raise XlkinerjaError(
            "--tahun hanya dipakai bersama --dari-arsip.",
            hint="Tahun kompilasi berkas adalah tahun di workbook master.",
        )
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
    _finish(result, format)


def _finish(result: KompilasiResult, format: OutputFormat) -> None:
    show(result, err, as_json=format == OutputFormat.json)
    if result.has_galat:
        raise typer.Exit(EXIT_DATA)


def _stage(senyap: bool) -> Callable[[str], None] | None:
    """What the job does next, on stderr (when on a terminal and not --senyap)."""
    if senyap or not err.is_terminal:
        return None
    return lambda text: err.print(f"[dim]{text}…[/]", highlight=False)
