"""`xlkinerja validasi`: check workbooks and report (or write back) every finding."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from xlkinerja.cli.common import EXIT_DATA, OutputFormat, Proses, Senyap, app, err, friendly_errors
from xlkinerja.core.finding import Severity
from xlkinerja.jobs.ringkasan import collect_workbooks

if TYPE_CHECKING:
    from xlkinerja.jobs.validasi import ValidasiResult

SEVERITY_STYLE = {Severity.GALAT: "bold red", Severity.PERINGATAN: "yellow", Severity.INFO: "cyan"}


def report_findings(result: ValidasiResult, fmt: OutputFormat) -> None:
    if fmt == OutputFormat.json:
        payload = {
            "berkas": [
                {
                    "berkas": str(p),
                    "jenis": result.forms.get(str(p)),
                    "galat": result.count(Severity.GALAT, p),
                    "peringatan": result.count(Severity.PERINGATAN, p),
                }
                for p in result.files
            ],
            "temuan": [f.as_dict() for f in result.findings],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    summary = Table(title="Hasil validasi")
    summary.add_column("Berkas", no_wrap=True)
    summary.add_column("Jenis")
    summary.add_column("Galat", justify="right")
    summary.add_column("Peringatan", justify="right")
    for path in result.files:
        galat = result.count(Severity.GALAT, path)
        summary.add_row(
            path.name,
            result.forms.get(str(path), "?"),
            f"[bold red]{galat}[/]" if galat else "0",
            str(result.count(Severity.PERINGATAN, path)),
        )
    err.print(summary)
    for path in result.files:
        items = result.of_file(path)
        if not items:
            continue
        err.print(f"\n[bold]{path.name}[/]")
        for item in items:
            style = SEVERITY_STYLE[item.severity]
            err.print(
                f"  [{style}]{item.severity.value}[/] [dim]{item.code}[/] "
                f"{item.message} [italic]{item.hint}[/]",
                highlight=False,
            )


@app.command()
@friendly_errors
def validasi(
    paths: Annotated[
        list[Path], typer.Argument(help="Berkas atau folder (rekursif).", metavar="BERKAS...")
    ],
    master: Annotated[
        Path | None, typer.Option("--master", "-m", help="Workbook master (batas waktu, tahun).")
    ] = None,
    annotate: Annotated[
        bool,
        typer.Option(
            "--annotate",
            "--tandai",
            help="Tulis temuan ke dalam workbook (warna, catatan, lembar Hasil Validasi); "
            "berkas asli disimpan di folder cadangan-xlkinerja/.",
        ),
    ] = False,
    proses: Proses = None,
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="teks (tabel) atau json (ke stdout).")
    ] = OutputFormat.teks,
    senyap: Senyap = False,
) -> None:
    """Periksa isian workbook dan laporkan setiap temuan beserta selnya.

    Kode keluar: 0 tanpa galat, 1 ada galat, 2 kesalahan penggunaan.

    Contoh: xlkinerja validasi workbooks/contoh/

    Contoh: xlkinerja validasi TI.xlsx --annotate
    """
    from xlkinerja.jobs.validasi import validate_paths  # here: the CLI starts quickly

    files = collect_workbooks(paths)
    show_progress = not senyap and err.is_terminal and len(files) > 1
    with Progress(console=err, disable=not show_progress, transient=True) as bar:
        task = bar.add_task("Memeriksa", total=len(files))
        result = validate_paths(
            files,
            master=master,
            annotate=annotate,
            progress=lambda _: bar.advance(task),
            workers=proses,
            stage=lambda text: bar.update(task, description=text),
        )
    report_findings(result, format)
    for backup in result.backups:
        err.print(f"Cadangan berkas asli: {backup}")
    if result.has_galat:
        raise typer.Exit(EXIT_DATA)
