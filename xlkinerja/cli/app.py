"""The `xlkinerja` command. Human text and progress go to stderr, data (`--format json`)
to stdout. Exit codes: 0 ok, 1 the data has errors, 2 usage or configuration error,
3 unexpected internal error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from xlkinerja.cli import arsip as arsip_cli
from xlkinerja.cli import bahasa
from xlkinerja.cli import kompilasi as _kompilasi  # noqa: F401  (registers `kompilasi`)
from xlkinerja.cli.common import (
    EXIT_DATA,
    OutputFormat,
    app,
    err,
    friendly_errors,
)
from xlkinerja.cli.validasi import report_findings  # and `validasi`
from xlkinerja.core.version import VERSION as __version__

if TYPE_CHECKING:
    from xlkinerja.jobs.ringkasan import ReadResult

# The jobs are imported inside the commands: `xlkinerja --help` stays quick, and so does
# the start of kompilasi's worker processes, which import this module again.

bahasa.install()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"xlkinerja {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--versi", callback=_version, is_eager=True, help="Tampilkan versi lalu keluar."
        ),
    ] = False,
) -> None:
    """Siklus kinerja SAKIP dengan Excel sebagai antarmuka."""


@app.command()
@friendly_errors
def templat(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder tujuan.")],
    master: Annotated[
        Path | None,
        typer.Option("--master", "-m", help="Workbook master; tanpa ini ditulis templat kosong."),
    ] = None,
    unit: Annotated[
        list[str] | None,
        typer.Option("--unit", "-u", help="Hanya unit ini (kode unit; boleh berulang)."),
    ] = None,
) -> None:
    """Tulis templat standar kosong, atau workbook setiap unit yang diisi awal dari master.

    Contoh: xlkinerja templat --output templat/

    Contoh: xlkinerja templat --master master.xlsx --output unit/
    """
    if master is None:
        from xlkinerja.jobs.templat import write_blank_templates

        blank = write_blank_templates(output)
        for path in blank.written:
            err.print(f"ditulis: {path}")
        _report_backups(blank.backups)
        return
    units = [u.strip().upper() for u in unit] if unit else None
    from xlkinerja.jobs.templat import write_unit_workbooks

    result = write_unit_workbooks(
        master, output, units=units, progress=lambda name: err.print(f"ditulis: {output / name}")
    )
    for note in result.notes:
        err.print(f"[yellow]Catatan:[/] {note}")
    err.print(f"{len(result.written)} workbook unit ditulis ke {output}.")
    _report_backups(result.backups)


def _report_backups(backups: list[Path]) -> None:
    for backup in backups:
        err.print(f"Berkas lama yang berbeda disimpan sebagai cadangan: {backup}")


def _summary_table(result: ReadResult) -> Table:
    table = Table(title="Workbook yang dibaca", show_lines=False)
    table.add_column("Berkas", no_wrap=True)
    table.add_column("Jenis")
    table.add_column("Unit/pegawai")
    table.add_column("Baris per tabel")
    for s in result.summaries:
        rows = ", ".join(f"{k} {v}" for k, v in s.rows.items())
        table.add_row(s.path.name, s.form_id, s.subject, rows)
    return table


def _report_read(result: ReadResult, fmt: OutputFormat) -> None:
    if fmt == OutputFormat.json:
        payload = {
            "workbook": [s.as_dict() for s in result.summaries],
            "tidak_terbaca": [u.as_dict() for u in result.unreadable],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    err.print(_summary_table(result))
    for bad in result.unreadable:
        err.print(f"[bold red]Tidak terbaca:[/] {bad.message}", highlight=False)


@app.command()
@friendly_errors
def baca(
    paths: Annotated[
        list[Path], typer.Argument(help="Berkas atau folder (rekursif).", metavar="BERKAS...")
    ],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="teks (tabel) atau json (ke stdout).")
    ] = OutputFormat.teks,
) -> None:
    """Baca workbook xlkinerja dan tampilkan ringkasan isinya.

    Contoh: xlkinerja baca workbooks/contoh/

    Contoh: xlkinerja baca TI.xlsx --format json
    """
    from xlkinerja.jobs.ringkasan import read_workbooks

    result = read_workbooks(paths)
    _report_read(result, format)
    if not result.ok:
        raise typer.Exit(EXIT_DATA)


@app.command()
@friendly_errors
def contoh(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder hasil.")] = Path("hasil"),
    sumber: Annotated[
        Path | None,
        typer.Option("--sumber", help="Folder institusi contoh (bawaan: workbooks/contoh)."),
    ] = None,
) -> None:
    """Jalankan alur utama pada institusi contoh, Politeknik Negeri Contoh.

    Contoh: xlkinerja contoh --output hasil/
    """
    from xlkinerja.jobs.contoh import run_contoh

    result = run_contoh(output, sumber, progress=err.print)
    _report_read(result.read, OutputFormat.teks)
    report_findings(result.validasi, OutputFormat.teks)
    for note in result.prefilled.notes:
        err.print(f"[yellow]Catatan:[/] {note}")
    err.print(
        f"Selesai. Hasil di folder {output}/: templat/ (templat kosong), unit/ (diisi "
        "awal dari master), validasi/ (salinan contoh dengan temuan di setiap sel dan "
        "lembar Hasil Validasi), skp/ (SKP setiap pegawai dari Matriks Peran-Hasil), "
        "pohon-kinerja.png/.svg/.xlsx (pohon kinerja), rekap-kinerja.xlsx (rekap institusi) "
        "dan arsip.sqlite (arsip kiriman)."
    )
    if not result.read.ok:
        raise typer.Exit(EXIT_DATA)


@app.command()
@friendly_errors
def kaskade(
    unit: Annotated[
        Path,
        typer.Argument(help="Workbook unit (berisi Matriks Peran-Hasil).", metavar="UNIT.xlsx"),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder SKP.")],
    master: Annotated[
        Path | None,
        typer.Option("--master", "-m", help="Workbook master (pangkat, atasan, pejabat penilai)."),
    ] = None,
) -> None:
    """Buat atau perbarui workbook SKP setiap pegawai dari Matriks Peran-Hasil unit.

    RHK kepala unit diambil dari PK unit. Isian pegawai yang sudah ada dipertahankan;
    perbedaan dengan matriks dilaporkan sebagai konflik, berkas lama disimpan di
    cadangan-xlkinerja/.

    Contoh: xlkinerja kaskade TI.xlsx --output skp/ --master master.xlsx
    """
    from xlkinerja.jobs.kaskade import generate_skp

    result = generate_skp(unit, output, master=master)
    table = Table(title=f"SKP unit {result.unit}")
    table.add_column("Berkas", no_wrap=True)
    table.add_column("Pegawai")
    table.add_column("Keadaan")
    table.add_column("Baris RHK baru", justify="right")
    table.add_column("Konflik", justify="right")
    for o in result.outcomes:
        table.add_row(
            o.path.name,
            o.nama,
            "dibuat" if o.created else "diperbarui",
            str(o.added_rows),
            str(len(o.conflicts)),
        )
    err.print(table)
    for o in result.outcomes:
        for conflict in o.conflicts:
            err.print(f"[yellow]Konflik[/] {o.path.name}: {conflict}", highlight=False)


@app.command()
@friendly_errors
def pohon(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Master, workbook unit dan SKP (berkas atau folder).", metavar="BERKAS..."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder hasil.")],
    master: Annotated[
        Path | None,
        typer.Option("--master", "-m", help="Workbook master, jika tidak ada di antara BERKAS."),
    ] = None,
) -> None:
    """Gambar pohon kinerja IKU → IKK → RHK dengan target dan capaian terakhir.

    Menulis pohon-kinerja.svg, pohon-kinerja.png dan pohon-kinerja.xlsx. IKU yang belum
    diturunkan dan indikator tanpa induk ditandai merah.

    Contoh: xlkinerja pohon workbooks/contoh/ --output hasil/
    """
    from xlkinerja.jobs.pohon import draw_cascade

    result = draw_cascade(paths, output, master)
    for line in result.skipped:
        err.print(f"[yellow]Dilewati:[/] {line}", highlight=False)
    err.print(f"Pohon kinerja: {result.png}, {result.svg}, {result.xlsx}")


app.add_typer(arsip_cli.app, name="arsip")


def main() -> None:
    app(prog_name="xlkinerja")
