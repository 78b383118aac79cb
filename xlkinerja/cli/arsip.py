"""`xlkinerja arsip`: the archive of compiled submissions (list, versions, changes, purge)."""

from __future__ import annotations

from typing import Annotated

import typer

from xlkinerja.cli.common import OutputFormat, err, friendly_errors
from xlkinerja.cli.render import show

app = typer.Typer(
    help="Arsip kiriman yang telah dikompilasi: daftar, versi, perubahan, retensi.",
    no_args_is_help=True,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Berkas SQLite atau URL postgresql://... (bawaan: SQLite di folder data pengguna).",
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="teks (tabel) atau json (ke stdout).")
]


@app.command("daftar")
@friendly_errors
def daftar(
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="Semua versi unit ini.")] = None,
    tahun: Annotated[int | None, typer.Option("--tahun", help="Hanya tahun ini.")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Daftar kiriman terakhir setiap unit, atau semua versi satu unit.

    Contoh: xlkinerja arsip daftar --tahun 2025

    Contoh: xlkinerja arsip daftar --unit TI
    """
    from xlkinerja.jobs.arsip import daftar as list_archive  # here: the CLI starts quickly

    show(list_archive(db, unit=unit, tahun=tahun), err, as_json=format == OutputFormat.json)


@app.command("beda")
@friendly_errors
def beda(
    unit: Annotated[str, typer.Argument(help="Kode unit (atau NIP untuk SKP).")],
    lama: Annotated[int, typer.Argument(help="Versi lama.")],
    baru: Annotated[int, typer.Argument(help="Versi baru.")],
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Apa yang berubah antara dua versi workbook satu unit: sel dan target.

    Contoh: xlkinerja arsip beda TI 1 2
    """
    from xlkinerja.jobs.arsip import beda as diff_versions

    show(diff_versions(db, unit, lama, baru), err, as_json=format == OutputFormat.json)


@app.command("bersihkan")
@friendly_errors
def bersihkan(
    tahun_simpan: Annotated[
        int, typer.Option("--tahun-simpan", help="Simpan versi selama sekian tahun (retensi).")
    ] = 5,
    db: DbOption = None,
) -> None:
    """Hapus versi yang lebih tua dari masa retensi (bawaan 5 tahun).

    Contoh: xlkinerja arsip bersihkan --tahun-simpan 5
    """
    from xlkinerja.jobs.arsip import bersihkan as purge

    show(purge(db, years=tahun_simpan), err)
