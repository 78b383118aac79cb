"""`xlkinerja server`: the add-in's server mode (xlkinerja/server/), and its API keys.

The server and xlwings' remote engine are imported inside the commands: `xlkinerja --help`
and every other command stay quick, and never need XLWINGS_LICENSE_KEY.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from xlkinerja.cli.common import app, err, friendly_errors
from xlkinerja.cli.render import say, show
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.runtime.collector import many_jobs_per_process

server_app = typer.Typer(
    invoke_without_command=True, suggest_commands=False
)  # its help: the callback's docstring
LICENSE_ENV = "XLWINGS_LICENSE_KEY"  # the remote engine: PolyForm Noncommercial 1.0.0
MB = 1024 * 1024


@server_app.callback()
@friendly_errors
def server(
    ctx: typer.Context,
    master: Annotated[
        Path | None, typer.Option("--master", "-m", help="Workbook master (wajib).")
    ] = None,
    kunci: Annotated[
        Path | None,
        typer.Option("--kunci", "-k", help="Berkas kunci server dari 'xlkinerja server kunci'."),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Arsip: URL postgresql://... (disarankan untuk server) atau berkas SQLite.",
        ),
    ] = None,
    perencanaan: Annotated[
        list[str] | None,
        typer.Option(
            "--perencanaan",
            help="Kode unit yang boleh menekan Kompilasi (Unit Perencanaan; boleh berulang).",
        ),
    ] = None,
    rekap: Annotated[
        Path | None,
        typer.Option("--rekap", help="Folder rekap hasil Kompilasi dari add-in."),
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Alamat yang didengarkan (0.0.0.0: semua jaringan).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port.")] = 8000,
    batas_ukuran: Annotated[
        float,
        typer.Option("--batas-ukuran", help="Ukuran permintaan terbesar yang diterima, dalam MB."),
    ] = 4.0,
) -> None:
    """Jalankan server xlkinerja untuk add-in dalam mode server.

    Di komputer pengguna, xlkinerja.conf berisi MODE=server, SERVER_URL alamat server ini
    dan AUTH kunci unitnya (dari 'xlkinerja server kunci').

    Tombol Kompilasi di server menggabungkan kiriman terakhir setiap unit dari arsip (seperti
    'kompilasi --dari-arsip') dan membuka rekapnya di Excel; hanya unit --perencanaan yang
    boleh.

    Setiap panggilan dicatat satu baris di log (unit, tombol, durasi, hasil). Mesin remote
    xlwings berlisensi PolyForm Noncommercial 1.0.0 (boleh untuk instansi pemerintah);
    XLWINGS_LICENSE_KEY=noncommercial dipasang otomatis bila belum diisi.

    Contoh: xlkinerja server --master master.xlsx --kunci kunci/kunci-server.json

    Contoh: xlkinerja server -m master.xlsx -k kunci.json --db postgresql://db/arsip --host 0.0.0.0

    Contoh: xlkinerja server -m master.xlsx -k kunci.json --perencanaan PRC --rekap /srv/rekap
    """
    if ctx.invoked_subcommand is not None:
        return
    many_jobs_per_process()  # each Kompilasi's cycles are collected: the server lives on
    if master is None or kunci is None:
        missing = " dan ".join(
            name for name, value in (("--master", master), ("--kunci", kunci)) if value is None
        )
        raise XlkinerjaError(
            f"opsi {missing} wajib untuk menjalankan server.",
            code=ErrorCode.OPSI_BELUM_DIBERIKAN,
            hint="Contoh: xlkinerja server --master master.xlsx --kunci kunci-server.json",
        )
    if batas_ukuran <= 0:
        raise XlkinerjaError(
            "--batas-ukuran harus lebih dari 0 (dalam MB).", code=ErrorCode.OPSI_TIDAK_SAH
        )
    os.environ.setdefault(LICENSE_ENV, "noncommercial")
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    from xlkinerja.server import ServerConfig, serve

    config = ServerConfig(
        master=master,
        keys=kunci,
        db=db,
        perencanaan=frozenset(perencanaan or ()),
        rekap=rekap,
        host=host,
        port=port,
        max_body_bytes=int(batas_ukuran * MB),
    )
    say(err, f"Server xlkinerja: http://{host}:{port} (hentikan dengan Ctrl+C)")
    serve(config)


@server_app.command("kunci")
@friendly_errors
def kunci(
    master: Annotated[Path, typer.Option("--master", "-m", help="Workbook master.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder berkas kunci.")],
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            "-u",
            help="Hanya unit ini (kode unit; boleh berulang); kunci unit lain tetap berlaku.",
        ),
    ] = None,
) -> None:
    """Buat kunci API setiap unit dari daftar unit di master.

    Menulis kunci-server.json (hanya hash, untuk --kunci server) dan kunci-unit-WAKTU.csv
    (kunci asli, untuk dibagikan ke setiap unit sebagai AUTH di xlkinerja.conf; hapus
    setelah dibagikan). Kunci yang hilang diganti dengan --unit KODE.

    Contoh: xlkinerja server kunci --master master.xlsx --output kunci/

    Contoh: xlkinerja server kunci --master master.xlsx --output kunci/ --unit TI
    """
    from xlkinerja.jobs.kunci import make_keys

    show(make_keys(master, output, units=unit), err)


app.add_typer(server_app, name="server")
