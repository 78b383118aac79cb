"""`xlkinerja arsip`: the archive of compiled submissions (list, versions, changes, purge)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from xlkinerja.cli.common import OutputFormat, err, friendly_errors
from xlkinerja.store.format import diff_rows, target_rows, version_rows

if TYPE_CHECKING:
    from xlkinerja.store.archive import Archive

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


def _show(rows: list[dict[str, Any]], title: str, fmt: OutputFormat) -> None:
    if fmt == OutputFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    table = Table(title=title)
    for key in rows[0] if rows else ["(kosong)"]:
        table.add_column(key)
    for row in rows:
        table.add_row(*(str(v) if v is not None else "" for v in row.values()))
    err.print(table)


def _open(db: str | None) -> Archive:
    from xlkinerja.store.archive import Archive  # here: the CLI starts quickly

    return Archive.open(db)  # an ArchiveError is a user error: one line, exit 2


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
    with _open(db) as archive:
        versions = archive.versions(unit.upper()) if unit else archive.submissions(tahun=tahun)
    _show(version_rows(versions), f"Arsip{' unit ' + unit.upper() if unit else ''}", format)


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
    with _open(db) as archive:
        targets = target_rows(archive.target_changes(unit.upper(), lama, baru))
        cells = diff_rows(archive.diff(unit.upper(), lama, baru))
    if format == OutputFormat.json:
        sys.stdout.write(
            json.dumps({"target": targets, "sel": cells}, ensure_ascii=False, indent=2, default=str)
            + "\n"
        )
        return
    _show(targets, f"Perubahan target {unit.upper()} versi {lama} → {baru}", format)
    _show(cells, f"Sel yang berubah ({len(cells)})", format)


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
    with _open(db) as archive:
        removed = archive.purge(tahun_simpan)
    err.print(f"{removed} versi yang lebih tua dari {tahun_simpan} tahun dihapus.")
