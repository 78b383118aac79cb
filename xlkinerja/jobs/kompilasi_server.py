"""Kompilasi from the add-in in server mode: the planning unit presses Kompilasi and gets the
compiled report of what the units sent (Kirim), opened in its Excel.

Who may: only a unit the server was started to trust with it (`xlkinerja server
--perencanaan KODE`): the report holds every unit's numbers, and compiling is the planning
unit's work. Any other unit's key gets a refusal saying so.

What is compiled: the latest version of every unit and SKP in the server's archive, with the
server's master and the master's year — `kompilasi --dari-arsip` on the server. The report
is written into the server's report folder under a name of its own (time and unit: two
presses never overwrite each other, and the folder keeps what was handed out).

How it reaches Excel: an xlwings answer can only act on the open workbook, not hand over a
file. So the server offers the report for download under a random, short-lived path
(`publish`, see server/unduhan.py) and the answer runs the add-in's VBA
`KinerjaBukaRekap` (macros/KinerjaRekap.bas) with that path: Excel opens the report from
SERVER_URL + path, read-only, as a new workbook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.errors import XlkinerjaError
from xlkinerja.io.live_cells import run_macro
from xlkinerja.jobs.kompilasi import KompilasiResult
from xlkinerja.jobs.kompilasi_arsip import compile_archive
from xlkinerja.jobs.summary import Summary

BUKA_REKAP = "KinerjaBukaRekap"  # (wb, download path, file name): macros/KinerjaRekap.bas


class KompilasiDitolak(XlkinerjaError):
    """Kompilasi asked of the server by a unit that may not compile."""


@dataclass
class RekapServer:
    """A kompilasi the server made for the planning unit, and where Excel fetches it."""

    kompilasi: KompilasiResult
    download: str  # the report's path on the server, e.g. "unduh/<token>"

    def to_dict(self) -> dict[str, Any]:
        return self.kompilasi.to_dict() | {"unduh": self.download}

    def summary(self) -> Summary:
        # The server's folder means nothing on the user's PC: the report is named by file.
        shown = replace(self.kompilasi, output=Path(self.kompilasi.output.name))
        out = shown.summary()
        out.line("Rekap dibuka di Excel (hanya-baca); simpan salinannya bila perlu.")
        return out

    def notes(self) -> Summary:
        return self.kompilasi.notes()


def report_name(unit: str, now: datetime) -> str:
    return f"rekap-kinerja-{now:%Y%m%d-%H%M%S}-{unit}.xlsx"


def compile_for_planner(
    book: Any,
    *,
    unit: str | None,
    allowed: bool,
    master: Path | None,
    db: str | None,
    reports: Path | None,
    publish: Callable[[Path], str] | None,
    now: datetime | None = None,
) -> RekapServer:
    """Compile the server's archive for `unit` (refused unless `allowed`), keep the report
    in `reports`, and have the add-in open it in the user's Excel."""
    if not allowed:
        raise KompilasiDitolak(
            f"Kompilasi di server hanya untuk Unit Perencanaan; kunci unit {unit or '-'} "
            "tidak diberi hak itu.",
            hint="Kompilasi menggabungkan kiriman semua unit. Bila unit Anda yang menyusun "
            "rekap institusi, minta admin menjalankan server dengan --perencanaan "
            f"{unit or 'KODE_UNIT'}.",
        )
    if reports is None or publish is None:  # the server always gives both
        raise XlkinerjaError("server ini tidak diatur untuk Kompilasi (folder rekap).")
    now = now or datetime.now()
    reports.mkdir(parents=True, exist_ok=True)
    output = reports / report_name(unit or "server", now)
    result = compile_archive(output=output, db=db, master=master, now=now)
    download = publish(output)
    run_macro(book, BUKA_REKAP, download, output.name, remote=True)
    return RekapServer(result, download)
