"""What every command shares: the stderr console, output formats, exit codes, and the
wrapper that turns user errors into one Indonesian line (never a traceback)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from xlkinerja.cli.render import say
from xlkinerja.errors import XlkinerjaError
from xlkinerja.jobs.summary import Span, Tone

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

# Logs and pipes get wide lines instead of rich's 80-column default.
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)


class OutputFormat(StrEnum):
    teks = "teks"
    json = "json"


# Options several commands share.
Proses = Annotated[
    int | None,
    typer.Option("--proses", "-j", help="Jumlah proses pembaca (bawaan: sesuai CPU)."),
]
Senyap = Annotated[bool, typer.Option("--senyap", "-q", help="Tanpa bilah kemajuan.")]
# Where kompilasi, ekspor and dokumen lkj take their workbooks from besides files
# (jobs/inputs.py resolves them the same way for all three).
MasterPilihan = Annotated[
    Path | None,
    typer.Option(
        "--master",
        "-m",
        help="Workbook master (wajib bersama workbook unit; dengan --dari-arsip atau rekap "
        "boleh tidak diberikan: master terakhir di arsip).",
    ),
]
Triwulan = Annotated[
    int | None,
    typer.Option(
        "--triwulan",
        "-t",
        min=1,
        max=4,
        metavar="1-4",
        help="Periode yang ditampilkan: capaian s.d. TW ini (bawaan: triwulan terakhir yang "
        "dilaporkan unit mana pun).",
    ),
]
DariArsip = Annotated[
    bool,
    typer.Option(
        "--dari-arsip", help="Kiriman terakhir setiap unit dan SKP di arsip, bukan berkas."
    ),
]
TahunArsip = Annotated[
    int | None,
    typer.Option("--tahun", help="Dengan --dari-arsip: kiriman tahun ini (bawaan: tahun master)."),
]
Arsip = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Arsip: berkas SQLite atau URL postgresql://... (bawaan: SQLite di folder data "
        "pengguna).",
    ),
]


F = TypeVar("F", bound=Callable[..., Any])


def friendly_errors(func: F) -> F:
    """User errors become one Indonesian line with their code ("Galat [kode]: ...") and exit
    2; bugs never show a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except XlkinerjaError as exc:
            say(err, Span(exc.heading(), Tone.GALAT), f" {exc.user_message()}")
            raise typer.Exit(EXIT_USAGE) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("XLKINERJA_DEBUG"):
                raise
            say(
                err,
                Span("Kesalahan internal:", Tone.GALAT),
                f" {type(exc).__name__}: {exc}. "
                "Jalankan ulang dengan XLKINERJA_DEBUG=1 untuk rincian dan laporkan.",
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


app = typer.Typer(
    suggest_commands=False,  # click suggests already (cli/bahasa.py)
    name="xlkinerja",
    help="Siklus kinerja SAKIP dengan Excel sebagai antarmuka: templat PK, Rencana Aksi, "
    "Matriks Peran-Hasil, SKP dan capaian.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
