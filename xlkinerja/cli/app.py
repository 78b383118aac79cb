"""The `xlkinerja` command. Human text and progress go to stderr, data (`--format json`)
to stdout. Exit codes: 0 ok, 1 the data has errors, 2 usage or configuration error,
3 unexpected internal error.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from xlkinerja.cli import addin as addin_cli
from xlkinerja.cli import arsip as arsip_cli
from xlkinerja.cli import bahasa
from xlkinerja.cli import dokumen as dokumen_cli
from xlkinerja.cli import ekspor as _ekspor  # noqa: F401  (registers `ekspor`)
from xlkinerja.cli import kompilasi as _kompilasi  # noqa: F401  (registers `kompilasi`)
from xlkinerja.cli import pindahkan as _pindahkan  # noqa: F401  (registers `pindahkan`)
from xlkinerja.cli import server as _server  # noqa: F401  (registers `server`)
from xlkinerja.cli import validasi as _validasi  # noqa: F401  (registers `validasi`)
from xlkinerja.cli.common import (
    EXIT_DATA,
    OutputFormat,
    Triwulan,
    app,
    err,
    friendly_errors,
)
from xlkinerja.cli.render import say, show
from xlkinerja.core.version import VERSION as __version__
from xlkinerja.runtime.collector import one_job_per_process

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
    from xlkinerja.jobs.templat import write_blank_templates, write_unit_workbooks

    if master is None:
        show(write_blank_templates(output), err)
        return
    units = [u.strip().upper() for u in unit] if unit else None
    show(write_unit_workbooks(master, output, units=units), err)


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
    show(result, err, as_json=format == OutputFormat.json)
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
    from xlkinerja.addin.build import build_addin
    from xlkinerja.jobs.contoh import run_contoh

    result = run_contoh(output, sumber, progress=lambda text: say(err, text))
    addin = build_addin(output)
    say(err, f"Add-in Excel (pita 'Kinerja') dibangun: {addin}")
    show(result, err)
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

    show(generate_skp(unit, output, master=master), err)


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
    triwulan: Triwulan = None,
) -> None:
    """Gambar pohon kinerja IKU → IKK → RHK dengan target dan capaian terakhir.

    Menulis pohon-kinerja.svg, pohon-kinerja.png dan pohon-kinerja.xlsx. IKU yang belum
    diturunkan dan indikator tanpa induk ditandai merah.

    Contoh: xlkinerja pohon workbooks/contoh/ --output hasil/
    """
    from xlkinerja.jobs.pohon import draw_cascade

    show(draw_cascade(paths, output, master, triwulan), err)


app.add_typer(arsip_cli.app, name="arsip")
app.add_typer(addin_cli.app, name="addin")
app.add_typer(dokumen_cli.app, name="dokumen")


def main() -> None:
    stop_on_signals()
    one_job_per_process()  # the program ends after its command (`server` says otherwise)
    try:
        app(prog_name="xlkinerja")
    except SystemExit as stop:
        if stop.code == EXIT_CTRL_C:
            stop_now(EXIT_CTRL_C)
        raise


EXIT_CTRL_C = 130  # typer's exit after Ctrl+C
EXIT_SIGNALS = {"SIGTERM": 143, "SIGHUP": 129}  # 128 + the signal's number, as shells say


def stop_on_signals() -> None:
    """Ctrl+C (SIGINT), SIGTERM (kill, a service stopping) and SIGHUP (the terminal
    closed) end the program at once: the files being written (here and in the workers)
    are removed, the processes the job started are ended, and the program exits with 128 +
    the signal's number. Not by raising an exception: one raised in whatever runs at that
    moment (a finaliser, an import lock's callback) can be swallowed, and the program would
    go on."""
    for name, code in {"SIGINT": EXIT_CTRL_C, **EXIT_SIGNALS}.items():
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, partial(_leave, code))


def _leave(code: int, signum: int, _frame: object) -> None:
    # Nothing is imported here: the signal may come in the middle of an import. A module
    # not loaded yet (or half) has no write going on and no process started.
    if sys.stderr.isatty():
        os.write(2, b"\x1b[?25h")  # the progress bar hid the cursor: show it again
    if signum == signal.SIGINT:
        os.write(2, b"\nDibatalkan.\n")
    atomic = sys.modules.get("xlkinerja.files.atomic")
    workers = sys.modules.get("xlkinerja.runtime.workers")
    with contextlib.suppress(Exception):
        getattr(atomic, "remove_unfinished", _nothing)()
    with contextlib.suppress(Exception):
        getattr(workers, "kill_children", _nothing)(graceful=True)
    with contextlib.suppress(Exception):  # a write this signal interrupted
        sys.stderr.flush()
    os._exit(code)


def _nothing(**_: object) -> None:
    pass


def stop_now(code: int) -> None:
    """Leave at once after Ctrl+C, skipping the interpreter's exit handlers: they wait for
    worker processes and the pool's thread, which can wait for each other for good (a
    worker blocked writing a result nobody reads). Files are already safe — atomic writes
    cleaned up their temporary files as the interrupt passed — and the processes the job
    started are ended first (see runtime/workers.kill_children)."""
    from xlkinerja.runtime.workers import kill_children

    kill_children(graceful=True)  # workers remove the files they were writing first
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
