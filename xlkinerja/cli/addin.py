"""`xlkinerja addin`: build the Excel add-in, and install it for this user's Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlkinerja.cli.common import err, friendly_errors
from xlkinerja.cli.render import say
from xlkinerja.errors import ErrorCode, XlkinerjaError

app = typer.Typer(
    suggest_commands=False,  # click suggests already (cli/bahasa.py)
    help="Add-in Excel xlkinerja (pita 'Kinerja'): bangun dan pasang.",
    no_args_is_help=True,
)


def _settings(pairs: list[str] | None) -> dict[str, str]:
    settings: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise XlkinerjaError(
                f"pengaturan '{pair}' harus berbentuk KUNCI=nilai, mis. MODE=server.",
                code=ErrorCode.OPSI_TIDAK_SAH,
            )
        settings[key.strip().upper()] = value.strip()
    return settings


@app.command("build")
@friendly_errors
def build(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder tujuan.")],
    setel: Annotated[
        list[str] | None,
        typer.Option(
            "--setel",
            help="Pengaturan yang dibawa add-in, KUNCI=nilai (boleh berulang), "
            "mis. MODE=server, SERVER_URL=https://kinerja.kampus.ac.id.",
        ),
    ] = None,
) -> None:
    """Bangun add-in xlkinerja.xlam dari modul VBA xlwings yang terpasang dan macros/.

    Contoh: xlkinerja addin build --output hasil/

    Contoh: xlkinerja addin build -o dist/ --setel MODE=server --setel SERVER_URL=https://kinerja.kampus.ac.id
    """
    from xlkinerja.addin.build import build_addin

    path = build_addin(output, settings=_settings(setel))
    say(err, f"Add-in ditulis: {path}")


@app.command("install")
@friendly_errors
def install(
    mode: Annotated[
        str | None, typer.Option("--mode", help="local (Python di komputer ini) atau server.")
    ] = None,
    server: Annotated[
        str | None, typer.Option("--server", help="Alamat server xlkinerja (mode server).")
    ] = None,
    kunci: Annotated[
        str | None, typer.Option("--kunci", help="Kunci API unit Anda (mode server).")
    ] = None,
    master: Annotated[
        Path | None, typer.Option("--master", "-m", help="Workbook master (mode lokal).")
    ] = None,
    tujuan: Annotated[
        Path | None,
        typer.Option("--tujuan", help="Salin ke folder ini, bukan ke folder XLSTART Excel."),
    ] = None,
) -> None:
    """Pasang add-in untuk Excel pengguna ini (folder XLSTART) beserta pengaturannya.

    Contoh: xlkinerja addin install --mode local --master D:/kinerja/master.xlsx

    Contoh: xlkinerja addin install --mode server --server https://kinerja.kampus.ac.id
    --kunci ABCD-1234
    """
    from xlkinerja.addin.install import install_addin

    settings: dict[str, str] = {}
    if mode is not None:
        if mode.lower() not in ("local", "server"):
            raise XlkinerjaError(
                f"--mode '{mode}' tidak dikenal: pilih local atau server.",
                code=ErrorCode.OPSI_TIDAK_SAH,
            )
        settings["MODE"] = mode.lower()
    if server is not None:
        settings["SERVER_URL"] = server
    if kunci is not None:
        settings["AUTH"] = kunci
    if master is not None:
        settings["MASTER"] = str(master.resolve())
    done = install_addin(settings, folder=tujuan)
    say(err, f"Add-in dipasang: {done.addin}")
    if done.config is not None:
        say(err, f"Pengaturan ditulis: {done.config}")
    say(err, "Tutup lalu buka lagi Excel: tab 'Kinerja' muncul di pita.")
