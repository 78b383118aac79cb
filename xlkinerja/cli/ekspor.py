"""`xlkinerja ekspor`: the compiled institution as the files of an export profile."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlkinerja.cli.common import (
    Arsip,
    DariArsip,
    MasterPilihan,
    OutputFormat,
    TahunArsip,
    Triwulan,
    app,
    err,
    friendly_errors,
)
from xlkinerja.cli.render import show
from xlkinerja.errors import ErrorCode, XlkinerjaError


@app.command()
@friendly_errors
def ekspor(
    rekap: Annotated[
        Path | None,
        typer.Argument(
            help="Workbook rekap hasil 'xlkinerja kompilasi'; tanpa ini: --dari-arsip.",
            metavar="[REKAP.xlsx]",
        ),
    ] = None,
    profil: Annotated[
        list[str] | None,
        typer.Option(
            "--profil",
            "-p",
            help="Profil ekspor (boleh berulang; tanpa ini: semua profil). Daftar: --list.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Folder tujuan berkas ekspor.")
    ] = None,
    daftar: Annotated[
        bool, typer.Option("--list", "--daftar", help="Tampilkan profil yang ada lalu keluar.")
    ] = False,
    dari_arsip: DariArsip = False,
    master: MasterPilihan = None,
    tahun: TahunArsip = None,
    db: Arsip = None,
    profil_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--profil-dir",
            help="Folder profil tambahan (folder berisi profil.toml, atau folder-folder "
            "profil); juga XLKINERJA_PROFIL_DIR.",
        ),
    ] = None,
    pemisah: Annotated[
        str | None,
        typer.Option(
            "--pemisah",
            help="Pemisah kolom CSV: ',' ';' atau 'tab' (dengan ';' desimal memakai koma).",
        ),
    ] = None,
    triwulan: Triwulan = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="teks atau json (ringkasan ke stdout).")
    ] = OutputFormat.teks,
) -> None:
    """Tulis berkas unggahan (profil ekspor) dari workbook rekap atau dari arsip.

    Setiap profil adalah satu folder di templates/ekspor/ (profil.toml dan templat jinja2):
    profil baru cukup berupa folder, tanpa kode (--profil-dir).

    Contoh: xlkinerja ekspor rekap-kinerja.xlsx --profil esakip-hierarki --output ekspor/

    Contoh: xlkinerja ekspor --dari-arsip --profil realisasi-csv --pemisah ';' --output ekspor/

    Contoh: xlkinerja ekspor --list
    """
    from xlkinerja.jobs import ekspor as job  # the CLI starts quickly

    dirs = list(profil_dir or [])
    if daftar:
        show(job.list_profiles(dirs), err, as_json=format == OutputFormat.json)
        return
    if output is None:
        raise XlkinerjaError(
            "belum diberikan: opsi '--output' (folder tujuan).",
            code=ErrorCode.OPSI_BELUM_DIBERIKAN,
            hint="Contoh: xlkinerja ekspor rekap-kinerja.xlsx --output ekspor/",
        )
    from xlkinerja.jobs import inputs

    asked = inputs.Asked([rekap] if rekap is not None else [], dari_arsip, master, tahun, db)
    example = "xlkinerja ekspor rekap-kinerja.xlsx --output ekspor/"
    given = inputs.resolve_input(asked, inputs.Accepts.REKAP, example=example)
    result = job.export(
        given,
        profiles=list(profil or []),
        output=output,
        profil_dir=dirs,
        pemisah=pemisah,
        triwulan=triwulan,
        master=master,
        db=db,
    )
    show(result, err, as_json=format == OutputFormat.json)
