"""`xlkinerja dokumen`: the documents of the cycle — the Perjanjian Kinerja to sign (PDF)
and chapter III of the Laporan Kinerja (xlsx, docx, PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlkinerja.cli.common import OutputFormat, err, friendly_errors
from xlkinerja.cli.render import show

app = typer.Typer(
    help="Dokumen siklus kinerja: Perjanjian Kinerja (PDF) dan Laporan Kinerja bab III.",
    no_args_is_help=True,
)

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="teks atau json (ringkasan ke stdout).")
]


@app.command("pk")
@friendly_errors
def pk(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Workbook unit (PK unit) atau workbook master (PK institusi).",
            metavar="UNIT.xlsx|MASTER.xlsx...",
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder PDF.")],
    triwulan: Annotated[
        bool,
        typer.Option("--triwulan", help="Lampiran memuat target TW I–IV dari Rencana Aksi."),
    ] = False,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Tulis Perjanjian Kinerja siap tanda tangan (PDF A4): pernyataan, lampiran
    (indikator, target, program dan anggaran) dan, untuk unit, Rencana Aksi.

    Isian yang tidak ada di workbook (mis. NIP atasan) dicetak sebagai garis titik-titik
    untuk diisi tangan, dan disebutkan di keluaran perintah.

    Contoh: xlkinerja dokumen pk TI.xlsx --output dokumen/

    Contoh: xlkinerja dokumen pk master.xlsx --output dokumen/
    """
    from xlkinerja.jobs.dokumen_pk import write_pk

    show(write_pk(paths, output, triwulan=triwulan), err, as_json=format == OutputFormat.json)
