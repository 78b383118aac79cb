"""Job `dokumen pk`: the Perjanjian Kinerja of a unit workbook (the unit's PK) or of the
master (the institution's own PK, two- or single-party) as a PDF ready to print and sign,
under the master's kop when it gives one. The Rencana Aksi is its own document (`dokumen
ra`, jobs/dokumen_ra.py). What the workbook lacks is printed as a dotted line to fill in by
hand and told to the user — never made up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from xlkinerja.core.normal import NormalForm
from xlkinerja.errors import ErrorCode, ErrorRecord, WorkbookError, heading
from xlkinerja.jobs.dokumen_kop import kop_of, master_among
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.jobs.tanda_dokumen import Dicari, document_statuses, status_lines
from xlkinerja.render.dokumen.pk import write_pk_pdf
from xlkinerja.render.dokumen.pk_data import PkDokumen, pk_dokumen
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import FormKind
from xlkinerja.validation.normalise import normalise_form


@dataclass(frozen=True)
class PkFile:
    pdf: Path
    dokumen: PkDokumen


@dataclass
class PkResult:
    files: list[PkFile] = field(default_factory=list)
    skipped: ErrorRecord | None = None  # why no PDF was made (the job goes on without them)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pk": [
                {
                    "pdf": str(f.pdf),
                    "sumber": f.dokumen.berkas,
                    "unit": f.dokumen.kode,
                    "tahun": f.dokumen.tahun,
                    "diisi_tangan": f.dokumen.kosong,
                    "status": f.dokumen.status.to_dict() if f.dokumen.status else None,
                }
                for f in self.files
            ],
            "dilewati": self.skipped.message if self.skipped else None,
        }

    def summary(self) -> Summary:
        out = Summary()
        for f in self.files:
            out.line(f"Perjanjian Kinerja {f.dokumen.nama} ditulis: {f.pdf}")
            out.extend(status_lines(f.pdf, f.dokumen.status))
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        if self.skipped:
            label = heading(self.skipped.code, "Peringatan")
            out.line(Span(label, Tone.PERINGATAN), f" {self.skipped.message}")
        for f in self.files:
            for kosong in f.dokumen.kosong:
                out.line(
                    Span("Diisi tangan:", Tone.PERINGATAN),
                    f" {f.pdf.name}: {kosong}; dicetak sebagai garis titik-titik.",
                )
        return out


def document_form(path: Path, *, master_too: bool, what: str) -> NormalForm:
    """A unit workbook (or, `master_too`, a master) read and normalised; another workbook is
    a WorkbookError saying which the document `what` is made from."""
    data = read_form(path)
    if data.form.id != FormKind.UNIT and not (master_too and data.is_master):
        dari = "workbook unit (PK unit) atau workbook master (PK institusi)"
        raise WorkbookError(
            f"ini workbook '{data.form.title}': {what} dibuat dari "
            f"{dari if master_too else 'workbook unit'}.",
            code=ErrorCode.TEMPLAT_JENIS_SALAH,
            path=path,
        )
    form, _ = normalise_form(data)
    return form


def pk_of_workbook(path: Path, *, triwulan: bool = False) -> PkDokumen:
    """The PK document of one unit workbook or master (another workbook: WorkbookError)."""
    form = document_form(path, master_too=True, what="Perjanjian Kinerja")
    return pk_dokumen(form, triwulan=triwulan)


def write_pk(
    paths: Iterable[Path],
    output: Path,
    *,
    triwulan: bool = False,
    master: Path | None = None,
    db: str | Path | None = None,
) -> PkResult:
    """One PDF per workbook in `output`: PK-<unit>-<tahun>.pdf, PK-institusi-<tahun>.pdf,
    each under the kop of `master` (else of the master among `paths`, if any); DRAF on
    every page while its workbook has galat or (a unit's) its submission is not approved
    in the archive at `db`, else with its approval. Every workbook is read before any PDF
    is written: a bad one stops the job early."""
    paths = list(paths)
    forms = [(p, document_form(p, master_too=True, what="Perjanjian Kinerja")) for p in paths]
    kop_master = master or master_among(forms)
    kop = kop_of(kop_master) if kop_master is not None else None
    documents = [pk_dokumen(f, triwulan=triwulan) for _, f in forms]
    wanted = [
        Dicari(p, None if f.is_master else d.kode, d.tahun)
        for (p, f), d in zip(forms, documents, strict=True)
    ]
    statuses = document_statuses(wanted, master=kop_master, db=db)
    documents = [replace(d, kop=kop, status=s) for d, s in zip(documents, statuses, strict=True)]
    return PkResult([PkFile(write_pk_pdf(d, output), d) for d in documents])
