"""`xlkinerja pindahkan`: move a workbook's values into a fresh standard template."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlkinerja.cli.common import EXIT_DATA, OutputFormat, app, err, friendly_errors
from xlkinerja.cli.render import show


@app.command()
@friendly_errors
def pindahkan(
    berkas: Annotated[
        Path, typer.Argument(help="Workbook lama (.xlsx, .xlsm atau .xls).", metavar="BERKAS")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder tujuan.")],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="teks (tabel) atau json (ke stdout).")
    ] = OutputFormat.teks,
) -> None:
    """Pindahkan isian workbook yang kehilangan tabel Excel atau nama sel (disimpan sebagai
    .xls, disalin ke workbook biasa, atau dari templat versi lama) ke templat standar baru,
    menurut nama lembar dan judul kolom. Berkas asli tidak diubah; hasilnya ditulis ke
    folder tujuan dengan nama yang sama (.xlsx). Setiap nilai yang tidak dapat dipindahkan
    dilaporkan beserta selnya.

    Kode keluar: 0 semua dipindahkan, 1 ada nilai tertinggal, 2 kesalahan penggunaan.

    Contoh: xlkinerja pindahkan TI-lama.xls --output baru/
    """
    from xlkinerja.jobs.pindahkan import move_values  # here: the CLI starts quickly

    result = move_values(berkas, output)
    show(result, err, as_json=format == OutputFormat.json)
    if not result.complete:
        raise typer.Exit(EXIT_DATA)
