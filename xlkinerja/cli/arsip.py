"""`xlkinerja arsip`: the archive of compiled submissions (list, versions, changes, purge)."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Annotated

import typer

from xlkinerja.cli.common import OutputFormat, err, friendly_errors
from xlkinerja.cli.render import render, say, show
from xlkinerja.errors import ErrorCode, XlkinerjaError

app = typer.Typer(
    suggest_commands=False,  # click suggests already (cli/bahasa.py)
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
        int,
        typer.Option("--tahun-simpan", help="Simpan versi selama sekian tahun (retensi, 1–100)."),
    ] = 5,
    coba: Annotated[
        bool,
        typer.Option("--coba", help="Hanya tampilkan versi yang akan dihapus; tidak menghapus."),
    ] = False,
    ya: Annotated[
        bool, typer.Option("--ya", "-y", help="Hapus tanpa bertanya (untuk skrip).")
    ] = False,
    db: DbOption = None,
    format: FormatOption = OutputFormat.teks,
) -> None:
    """Hapus versi yang lebih tua dari masa retensi (bawaan 5 tahun).

    Versi yang akan dihapus ditampilkan lebih dulu dan dihapus setelah dijawab 'y';
    --coba hanya menampilkannya, --ya menghapus tanpa bertanya.

    Contoh: xlkinerja arsip bersihkan --tahun-simpan 5 --coba

    Contoh: xlkinerja arsip bersihkan --tahun-simpan 5 --ya
    """
    from xlkinerja.jobs.arsip import bersihkan as purge
    from xlkinerja.jobs.arsip import rencana_bersihkan

    as_json = format == OutputFormat.json
    plan = rencana_bersihkan(db, years=tahun_simpan)
    if coba or not plan.ids:
        show(plan, err, as_json=as_json)
        return
    if not ya:
        render(plan.listing(), err)
        if not _confirmed(f"Hapus {len(plan.ids)} versi ini dari arsip?"):
            cancelled = replace(plan, trial=False, cancelled=True)
            if as_json:
                show(cancelled, err, as_json=True)
            else:
                say(err, "Dibatalkan: tidak ada versi yang dihapus.")
            return
    show(purge(db, years=tahun_simpan, only=plan.ids), err, as_json=as_json)


def _confirmed(question: str) -> bool:
    """y/ya: yes; t/tidak or an empty answer: no. No answer at all (no terminal, a script)
    is a usage error: a script says --ya."""
    err.print(f"{question} [y/t] ", end="", markup=False, highlight=False)
    answer = sys.stdin.readline()
    if not sys.stdin.isatty():
        err.print()  # the answer typed ends the line; one read from a pipe does not
    if not answer:
        raise XlkinerjaError(
            "penghapusan perlu dijawab 'y', tetapi tidak ada jawaban (bukan di terminal).",
            code=ErrorCode.OPSI_TANPA_JAWABAN,
            hint="Dalam skrip tambahkan --ya; --coba menampilkan yang akan dihapus.",
        )
    return answer.strip().lower() in ("y", "ya")
