"""`xlkinerja kompilasi`: all units' workbooks into the institution's compiled report."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from xlkinerja.cli.common import EXIT_DATA, OutputFormat, Proses, Senyap, app, err, friendly_errors
from xlkinerja.core.finding import Severity
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
    k = result.kompilasi
    summary = {
        "rekap": str(result.output),
        "cadangan": str(result.backup) if result.backup else None,
        "unit_di_master": len(k.status),
        "unit_mengirim": sum(s.berkas is not None and s.terbaca for s in k.status),
        "unit_terlambat": [s.kode_unit for s in k.status if s.terlambat],
        "unit_belum_mengirim": [s.kode_unit for s in k.status if s.berkas is None],
        "berkas_tidak_terbaca": [u.berkas for u in k.tidak_terbaca],
        "galat": sum(f.severity == Severity.GALAT for f in k.temuan),
        "peringatan": sum(f.severity == Severity.PERINGATAN for f in k.temuan),
        "baris_dibaca": k.baris_dibaca,
        "versi_baru_di_arsip": result.archived,
        "tidak_berubah_di_arsip": result.unchanged,
    }
    if format == OutputFormat.json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        table = Table(title=f"Kompilasi {k.instansi} {k.tahun or ''}")
        table.add_column("Unit")
        table.add_column("Status")
        table.add_column("Tanggal PK")
        table.add_column("Keterangan")
        table.add_column("Galat", justify="right")
        table.add_column("Peringatan", justify="right")
        for s in k.status:
            note = (
                "belum mengirim"
                if s.berkas is None
                else "tidak terbaca"
                if not s.terbaca
                else "[red]terlambat[/]"
                if s.terlambat
                else "tepat waktu"
            )
            table.add_row(
                f"{s.kode_unit} {s.nama_unit}",
                s.status or "-",
                s.tanggal_pk.strftime("%d/%m/%Y") if s.tanggal_pk else "-",
                note,
                f"[bold red]{s.galat}[/]" if s.galat else "0",
                str(s.peringatan),
            )
        err.print(table)
        for bad in k.tidak_terbaca:
            err.print(f"[bold red]Tidak terbaca:[/] {bad.alasan}", highlight=False)
        err.print(
            f"Rekap ditulis: {result.output} ({summary['galat']} galat, "
            f"{summary['peringatan']} peringatan; "
            + (
                "tidak dicatat ke arsip)."
                if tanpa_arsip
                else f"arsip: {result.archived} versi baru)."
            )
        )
    if result.backup:
        err.print(f"Berkas yang ada di tempat rekap disimpan sebagai cadangan: {result.backup}")
    if result.has_galat:
        raise typer.Exit(EXIT_DATA)
