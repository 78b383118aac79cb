"""Ekspor from the add-in: the planning unit's Ekspor button.

Local mode: the open workbook is the compiled report (rekap-kinerja.xlsx, opened by
Kompilasi); every export profile is written from it (the saved file, which the Excel layer
names: excel/planner.py) into the folder `ekspor` beside it, as
`xlkinerja ekspor REKAP.xlsx --output ekspor/` does.

Server mode: only a unit the server trusts with Kompilasi (`--perencanaan`) may export —
the files hold every unit's numbers. The server exports the latest version of every unit
and SKP in its archive (as `xlkinerja ekspor --dari-arsip`), keeps the files in its report
folder, and offers them as one zip for download (server/unduhan.py); the job returns the
zip's download path and the Excel layer's answer runs the add-in's VBA `KinerjaUnduh`
(macros/KinerjaRekap.bas; excel/planner.py), which opens that address in the browser, where
the zip is saved like any download. A zip, because an export is several files (xlsx and
csv) and a CSV opened by Excel would be re-parsed in the user's locale.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.files.atomic import atomic_path
from xlkinerja.jobs.ekspor import EksporResult, export
from xlkinerja.jobs.inputs import CompiledRekap, latest_in_archive
from xlkinerja.jobs.kompilasi_server import PlannerDesk
from xlkinerja.jobs.summary import Summary

FOLDER = "ekspor"


def export_beside(
    rekap: Path,
    *,
    now: datetime | None = None,
    triwulan: int | None = None,
    master: Path | None = None,
    db: str | None = None,
) -> EksporResult:
    """Every profile from the compiled report at `rekap` into `ekspor/` beside it; a report
    of another period than `triwulan` is refused."""
    try:
        return export(
            CompiledRekap(rekap), profiles=[], output=rekap.parent / FOLDER, now=now,
            triwulan=triwulan, master=master, db=db,
        )  # fmt: skip
    except XlkinerjaError as exc:
        if exc.code == ErrorCode.MASUKAN_TRIWULAN_TIDAK_ADA:
            exc.hint = (
                "Pilih Periode yang sama dengan rekap ini di pita Kinerja, atau tekan "
                "Kompilasi untuk periode yang dipilih lalu tekan Ekspor pada rekap barunya."
            )
            raise
        exc.hint = (
            "Ekspor dibuat dari rekap hasil Kompilasi: tekan Kompilasi, lalu tekan Ekspor "
            "pada rekap-kinerja.xlsx yang terbuka."
        )
        raise


@dataclass
class EksporServer:
    """An export the server made for the planning unit, and where the browser fetches it."""

    ekspor: EksporResult
    zip_name: str
    download: str  # the zip's path on the server, e.g. "unduh/<token>"

    def to_dict(self) -> dict[str, Any]:
        return self.ekspor.to_dict() | {"zip": self.zip_name, "unduh": self.download}

    def summary(self) -> Summary:
        out = Summary()
        shown = replace(self.ekspor, output=Path(self.zip_name))  # the server's folder: no use
        out.line(
            f"Ekspor {', '.join(p.nama for p in shown.profiles)} dari {shown.sumber}: "
            f"{len(shown.written)} berkas dalam {self.zip_name}."
        )
        out.line("Berkas zip diunduh lewat peramban; simpan dan ekstrak sebelum diunggah.")
        return out

    def notes(self) -> Summary:
        return Summary()


def zip_folder(folder: Path, target: Path) -> None:
    """The files of `folder` (not its backups) as the zip `target`, written atomically."""
    with atomic_path(target) as partial, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            z.write(path, path.name)


def export_for_planner(
    desk: PlannerDesk, now: datetime | None = None, triwulan: int | None = None
) -> EksporServer:
    """Export the server's archive for the desk's unit (refused unless allowed) and offer
    it for download as a zip; the result says where (the add-in downloads it from there)."""
    reports, publish = desk.ready(
        "Ekspor", "Ekspor memuat data semua unit untuk diunggah ke aplikasi nasional."
    )
    now = now or datetime.now()
    stem = f"ekspor-{now:%Y%m%d-%H%M%S}-{desk.unit or 'server'}"
    workbooks = latest_in_archive(desk.db, master=desk.master)
    result = export(workbooks, profiles=[], output=reports / stem, now=now, triwulan=triwulan)
    archive = reports / f"{stem}.zip"
    zip_folder(result.output, archive)
    return EksporServer(result, archive.name, publish(archive))
