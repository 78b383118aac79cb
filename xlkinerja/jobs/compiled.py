"""The compiled institution a job renders, from whatever it was given (jobs/inputs.py):
workbooks read, checked and aggregated as kompilasi does (without writing a rekap), a
compiled workbook read back, or a compiled model already in memory. Ekspor and the LKj
take what an export and the chapter are made from (`EksporSumber`) from here, so that one
input gives the same numbers in every output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.inputs import CompiledModel, CompiledRekap, Input, Workbooks
from xlkinerja.jobs.per_file import Work
from xlkinerja.jobs.pipeline import Checked, check_workbooks
from xlkinerja.jobs.workers import Stage

if TYPE_CHECKING:
    from xlkinerja.core.finding import Finding
    from xlkinerja.core.normal import NormalForm
    from xlkinerja.kompilasi.ekspor_sumber import EksporSumber
    from xlkinerja.kompilasi.model import Kompilasi


@dataclass(frozen=True)
class Compiled:
    """What an export or the LKj is made from, and what it came from."""

    sumber: EksporSumber
    master: NormalForm | None  # None: read back from a rekap (the LKj finds its master)
    tahun: int | None
    galat: int | None = None  # galat in the workbooks compiled (a rekap: its Temuan sheet's)


def compile_in_memory(
    workbooks: Workbooks,
    *,
    now: datetime | None = None,
    stage: Stage | None = None,
    triwulan: int | None = None,
) -> tuple[Kompilasi, Checked]:
    """The workbooks read, checked and aggregated as kompilasi does, nothing written."""
    from xlkinerja.kompilasi.aggregate import aggregate

    checked = check_workbooks(
        workbooks.sources,
        master=workbooks.master,
        work=Work(rekap=True),
        report_master=True,
        by_sheet=False,
        stage=stage,
    )
    assert checked.master is not None and checked.master.form is not None  # given: read
    kompilasi = aggregate(
        checked.master.form,
        checked.results,
        checked.findings,
        now=now or datetime.now(),
        index=checked.index,
        triwulan=triwulan,
    )
    return kompilasi, checked


TW_NAMES = ("TW I", "TW II", "TW III", "TW IV")


def compiled(
    given: Input,
    *,
    sheets: Sequence[str],
    now: datetime | None = None,
    stage: Stage | None = None,
    triwulan: int | None = None,
    described: str = "",
) -> Compiled:
    """What `given` compiles to; `sheets`: what is needed of a rekap (the export tables or
    "lkj"): only their tables are read. `triwulan`: the period shown — workbooks are
    compiled for it; a rekap or a model of another period (`described` for people) is
    refused, never mixed."""
    made = _compiled(given, sheets, now, stage, triwulan)
    shown = made.sumber.periode
    if triwulan is not None and shown != triwulan:
        has = f"capaian s.d. {TW_NAMES[shown - 1]}" if shown else "belum ada capaian triwulan"
        raise XlkinerjaError(
            f"triwulan {triwulan} diminta, tetapi {described or 'masukan ini'} memuat {has}, "
            f"bukan s.d. {TW_NAMES[triwulan - 1]}.",
            code=ErrorCode.MASUKAN_TRIWULAN_TIDAK_ADA,
            hint="Kompilasi ulang untuk triwulan itu (--triwulan, atau pilih Periode di pita "
            "Kinerja lalu tekan Kompilasi), atau buat dari workbook unit.",
        )
    return made


def _compiled(
    given: Input,
    sheets: Sequence[str],
    now: datetime | None,
    stage: Stage | None,
    triwulan: int | None,
) -> Compiled:
    from xlkinerja.kompilasi.ekspor_sumber import from_kompilasi

    if isinstance(given, CompiledRekap):
        from xlkinerja.kompilasi.ekspor_sumber import from_rekap, rekap_tables
        from xlkinerja.sources.rekap import read_rekap

        rekap = read_rekap(given.path, rekap_tables(sheets))
        sumber = from_rekap(rekap, sheets)
        return Compiled(sumber, None, sumber.tahun, rekap.galat)  # its Temuan's, for the LKj
    if isinstance(given, CompiledModel):
        k, master = given.kompilasi, given.master
        checked_galat = _galat(k.temuan)
    else:
        k, checked = compile_in_memory(given, now=now, stage=stage, triwulan=triwulan)
        assert checked.master is not None and checked.master.form is not None
        master = checked.master.form
        checked_galat = _galat(k.temuan)
    return Compiled(from_kompilasi(k), master, k.tahun, checked_galat)


def _galat(findings: Sequence[Finding]) -> int:
    from xlkinerja.core.finding import Severity

    return sum(1 for f in findings if f.severity is Severity.GALAT)
