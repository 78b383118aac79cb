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
(`publish`, see server/unduhan.py), the job returns that path, and the Excel layer's answer
runs the add-in's VBA `KinerjaBukaRekap` (macros/KinerjaRekap.bas) with it
(excel/planner.py): Excel opens the report from SERVER_URL + path, read-only, as a new
workbook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.inputs import latest_in_archive
from xlkinerja.jobs.kompilasi import KompilasiResult, compile_workbooks
from xlkinerja.jobs.summary import Summary


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


@dataclass(frozen=True)
class PlannerDesk:
    """What the server gives the planning unit's buttons (Kompilasi, Ekspor): who asks,
    whether they may, the archive and master to work from, where the results are kept and
    how a result is offered for download."""

    unit: str | None
    allowed: bool  # the unit is one of the server's --perencanaan
    master: Path | None
    db: str | None
    reports: Path | None
    publish: Callable[[Path], str] | None

    def ready(self, button: str, why: str) -> tuple[Path, Callable[[Path], str]]:
        """The report folder and the publisher, or the refusal of `button` (its name as
        users see it; `why`: what the results hold, said in the hint)."""
        unit = self.unit or "-"
        if not self.allowed:
            raise KompilasiDitolak(
                f"{button} di server hanya untuk Unit Perencanaan; kunci unit {unit} tidak "
                "diberi hak itu.",
                code=ErrorCode.SERVER_BUKAN_PERENCANAAN,
                hint=f"{why} Bila tugas ini milik unit Anda, minta admin menjalankan server "
                f"dengan --perencanaan {self.unit or 'KODE_UNIT'}.",
            )
        if self.reports is None or self.publish is None:  # the server always gives both
            raise XlkinerjaError(
                f"server ini tidak diatur untuk {button} (folder rekap).",
                code=ErrorCode.SERVER_TANPA_FOLDER_REKAP,
            )
        self.reports.mkdir(parents=True, exist_ok=True)
        return self.reports, self.publish


def compile_for_planner(
    desk: PlannerDesk, now: datetime | None = None, triwulan: int | None = None
) -> RekapServer:
    """Compile the server's archive for the desk's unit (refused unless allowed), keep the
    report and offer it for download; the result says where (the add-in opens it from
    there in the user's Excel)."""
    reports, publish = desk.ready(
        "Kompilasi", "Kompilasi menggabungkan kiriman semua unit menjadi rekap institusi."
    )
    now = now or datetime.now()
    output = reports / report_name(desk.unit or "server", now)
    workbooks = latest_in_archive(desk.db, master=desk.master)
    result = compile_workbooks(workbooks, output=output, db=desk.db, now=now, triwulan=triwulan)
    return RekapServer(result, publish(output))
