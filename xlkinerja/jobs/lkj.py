"""Job `dokumen lkj`: chapter III of the Laporan Kinerja (Akuntabilitas Kinerja) as .xlsx,
.docx and PDF, with a chart per sasaran.

The year's numbers are compiled as `kompilasi` compiles them — from the unit workbooks
given, or from the latest version of every unit in the archive (`--dari-arsip`) — through
the same pipeline and aggregation, so they are the Rekap Capaian's numbers; or they are
read back from a compiled workbook (`REKAP.xlsx`, what kompilasi wrote), whose Rekap
Capaian also carries the units' kendala and tindak lanjut. Both give the chapter the same
`EksporSumber`. The master (sasaran, IKU, Renstra targets, programs) is the one given, else
the archive's. Earlier years come from the archive: each earlier year's latest versions,
compiled the same way; a year the archive does not hold is shown as "tidak ada data".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.core.form_data import FormData
from xlkinerja.core.normal import NormalForm
from xlkinerja.errors import XlkinerjaError
from xlkinerja.jobs.kompilasi_arsip import COMPILED_KINDS, _master, _year
from xlkinerja.jobs.per_file import Work
from xlkinerja.jobs.pipeline import Checked, check_workbooks
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.kompilasi.ekspor_sumber import EksporSumber, from_kompilasi
from xlkinerja.kompilasi.lkj import Lkj, Tahunan, build_lkj, iku_tahunan
from xlkinerja.kompilasi.model import Kompilasi
from xlkinerja.render.dokumen.lkj_write import write_lkj
from xlkinerja.specs import MASTER
from xlkinerja.store.archive import Archive
from xlkinerja.validation.normalise import normalise_form

TAHUN_RIWAYAT = 4  # earlier years looked for in the archive


@dataclass
class LkjResult:
    lkj: Lkj
    files: list[Path]
    sumber: str  # where the year's workbooks came from
    charts: list[Path] = field(default_factory=list)
    pdf_skipped: str | None = None  # why no PDF was made (its system libraries missing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "berkas": [str(p) for p in self.files],
            "grafik": [str(p) for p in self.charts],
            "tahun": self.lkj.tahun,
            "triwulan": self.lkj.tw,
            "sumber": self.sumber,
            "tahun_riwayat": self.lkj.tahun_riwayat,
            "catatan": self.lkj.catatan,
            "pdf_dilewati": self.pdf_skipped,
        }

    def summary(self) -> Summary:
        out = Summary()
        lkj = self.lkj
        out.line(
            f"Laporan Kinerja bab III {lkj.instansi} {lkj.tahun or ''} (data s.d. "
            f"{lkj.tw_nama}, {self.sumber}): {', '.join(str(p) for p in self.files)}"
        )
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        if self.pdf_skipped:
            out.line(Span("Peringatan:", Tone.PERINGATAN), f" {self.pdf_skipped}")
        for note in self.lkj.catatan:
            out.line(Span("Catatan:", Tone.PERINGATAN), f" {note}.")
        return out


def _kompilasi(checked: Checked) -> Kompilasi:
    from xlkinerja.kompilasi.aggregate import aggregate

    assert checked.master is not None and checked.master.form is not None
    return aggregate(
        checked.master.form,
        checked.results,
        checked.findings,
        now=datetime.now(),
        index=checked.index,
    )


def _riwayat(
    archive: Archive, tahun: int | None, master: Path | FormData
) -> tuple[dict[int, dict[str, Tahunan]], list[int]]:
    """Each earlier year's IKU numbers the archive holds, and the years to show: the year
    before always (to say when it has no data), earlier ones when they have data."""
    if tahun is None:
        return {}, []
    found: dict[int, dict[str, Tahunan]] = {}
    for year in range(tahun - TAHUN_RIWAYAT, tahun):
        infos = [i for i in archive.submissions(tahun=year) if i.kind in COMPILED_KINDS]
        if not infos:
            continue
        restored = archive.restore(infos)
        masters = [i for i in archive.submissions(tahun=year) if i.kind == MASTER.id.value]
        year_master: Path | FormData = master
        if masters:
            (old,) = archive.restore(masters[:1])
            year_master = old.data if old.data is not None else master
        checked = check_workbooks(
            [],
            books=[r.data for r in restored if r.data is not None],
            master=year_master,
            work=Work(rekap=True),
            by_sheet=False,
        )
        numbers = iku_tahunan(from_kompilasi(_kompilasi(checked)))
        if numbers:
            found[year] = numbers
    years = sorted({*found, tahun - 1})
    return found, years


def lkj_from_paths(
    paths: Iterable[Path], *, master: Path, output: Path, db: str | Path | None = None
) -> LkjResult:
    """The chapter from the unit workbooks under `paths` and the master; earlier years
    from the archive at `db`."""
    files = [p for p in collect_workbooks(paths) if p.resolve() != master.resolve()]
    checked = check_workbooks(files, master=master, work=Work(rekap=True), by_sheet=False)
    kompilasi = _kompilasi(checked)
    with Archive.open(db) as archive:
        riwayat, years = _riwayat(archive, kompilasi.tahun, master)
    source = f"{len(files)} workbook"
    return _write(_written(checked), from_kompilasi(kompilasi), riwayat, years, output, source)


def lkj_from_archive(
    *,
    output: Path,
    db: str | Path | None = None,
    master: Path | None = None,
    tahun: int | None = None,
) -> LkjResult:
    """The chapter from the latest version of every unit in the archive at `db` (the master
    given, else the archive's latest; the year given, else the master's)."""
    with Archive.open(db) as archive:
        master_data, _ = _master(archive, master, tahun)
        if tahun is None:
            tahun = _year(master_data)
        infos = [i for i in archive.submissions(tahun=tahun) if i.kind in COMPILED_KINDS]
        restored = archive.restore(infos)
        checked = check_workbooks(
            [],
            books=[r.data for r in restored if r.data is not None],
            unreadable=[(r.name, r.error or "") for r in restored if r.data is None],
            master=master_data,
            work=Work(rekap=True),
            by_sheet=False,
        )
        kompilasi = _kompilasi(checked)
        riwayat, years = _riwayat(archive, kompilasi.tahun, master_data)
        location = archive.location
    source = f"arsip {location}, {len(restored)} versi terakhir"
    return _write(_written(checked), from_kompilasi(kompilasi), riwayat, years, output, source)


def lkj_from_files(
    paths: Sequence[Path],
    *,
    output: Path,
    master: Path | None = None,
    db: str | Path | None = None,
) -> LkjResult:
    """The chapter from what the user gave: one compiled workbook (`lkj_from_rekap`), or
    unit workbooks and folders with their master (`lkj_from_paths`)."""
    from xlkinerja.sources.rekap import is_rekap

    rekaps = [p for p in paths if is_rekap(p)]
    if rekaps and len(paths) == 1:
        return lkj_from_rekap(rekaps[0], output=output, master=master, db=db)
    if rekaps:
        raise XlkinerjaError(
            f"'{rekaps[0].name}' adalah rekap hasil kompilasi: berikan rekap itu saja, atau "
            "workbook unit saja.",
        )
    if master is None:
        raise XlkinerjaError(
            "workbook master belum diberikan.", hint="Tambahkan --master MASTER.xlsx."
        )
    return lkj_from_paths(paths, master=master, output=output, db=db)


def lkj_from_rekap(
    rekap: Path,
    *,
    output: Path,
    master: Path | None = None,
    db: str | Path | None = None,
) -> LkjResult:
    """The chapter from a compiled workbook (rekap-kinerja.xlsx): its numbers, kendala and
    budgets as the rekap shows them; the sasaran, IKU, Renstra targets and programs from the
    master given, else the archive's latest master of the rekap's year; earlier years from
    the archive at `db`."""
    from xlkinerja.kompilasi.ekspor_sumber import from_rekap, rekap_tables
    from xlkinerja.sources.rekap import read_rekap

    sumber = from_rekap(read_rekap(rekap, rekap_tables(["lkj"])), ["lkj"])
    with Archive.open(db) as archive:
        versions = [] if master is not None else archive.submissions(tahun=sumber.tahun)
        if master is None and not any(v.kind == MASTER.id.value for v in versions):
            year = f" tahun {sumber.tahun}" if sumber.tahun is not None else ""
            raise XlkinerjaError(
                f"'{rekap.name}' adalah rekap hasil kompilasi: sasaran, IKU, target Renstra "
                f"dan program diambil dari workbook master, dan arsip '{archive.location}' "
                f"belum memuat workbook master{year}.",
                hint="Tambahkan --master MASTER.xlsx (master yang dipakai saat kompilasi).",
            )
        master_data, _ = _master(archive, master, sumber.tahun)
        form, _ = normalise_form(master_data)
        tahun_master = form.number("tahun")
        if tahun_master is not None and sumber.tahun is not None and tahun_master != sumber.tahun:
            raise XlkinerjaError(
                f"workbook master tahun {tahun_master:.0f}, rekap '{rekap.name}' tahun "
                f"{sumber.tahun}: IKU dan target Renstra harus dari master tahun rekap.",
                hint="Berikan --master yang dipakai saat kompilasi rekap ini.",
            )
        riwayat, years = _riwayat(archive, sumber.tahun, master_data)
    return _write(form, sumber, riwayat, years, output, f"rekap {rekap.name}")


def lkj_from_kompilasi(
    kompilasi: Kompilasi,
    master: NormalForm,
    *,
    output: Path,
    db: str | Path | None = None,
    sumber: str,
) -> LkjResult:
    """The chapter from a kompilasi already made (the main job's); earlier years from the
    archive at `db`."""
    with Archive.open(db) as archive:
        riwayat, years = _riwayat(archive, kompilasi.tahun, Path(master.file))
    return _write(master, from_kompilasi(kompilasi), riwayat, years, output, sumber)


def _written(checked: Checked) -> NormalForm:
    assert checked.master is not None and checked.master.form is not None
    return checked.master.form


def _write(
    master: NormalForm,
    sumber: EksporSumber,
    riwayat: dict[int, dict[str, Tahunan]],
    years: list[int],
    output: Path,
    source: str,
) -> LkjResult:
    lkj = build_lkj(sumber, master, riwayat, years)
    written = write_lkj(lkj, output)
    return LkjResult(
        lkj=lkj,
        files=written.files,
        charts=written.charts,
        sumber=source,
        pdf_skipped=written.pdf_skipped,
    )
