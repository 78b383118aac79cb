"""Job `dokumen ra`: the Rencana Aksi of a unit workbook as its own A4 PDF, ratified by
signature (Polibatam SOP): drawn up by the unit head, ratified by the one its Rencana Aksi
sheet names, under the master's kop when one is given. A blank field is a dotted line to
fill in by hand, told to the user."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from xlkinerja.jobs.dokumen_kop import kop_of
from xlkinerja.jobs.dokumen_pk import document_form
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.jobs.tanda_dokumen import Dicari, document_statuses, status_lines
from xlkinerja.render.dokumen.ra import write_ra_pdf
from xlkinerja.render.dokumen.ra_data import RaDokumen, ra_dokumen


@dataclass(frozen=True)
class RaFile:
    pdf: Path
    dokumen: RaDokumen


@dataclass
class RaResult:
    files: list[RaFile] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ra": [
                {
                    "pdf": str(f.pdf),
                    "sumber": f.dokumen.berkas,
                    "unit": f.dokumen.kode,
                    "tahun": f.dokumen.tahun,
                    "disahkan": f.dokumen.tanggal_disahkan.isoformat()
                    if f.dokumen.tanggal_disahkan
                    else None,
                    "diisi_tangan": f.dokumen.kosong,
                    "status": f.dokumen.status.to_dict() if f.dokumen.status else None,
                }
                for f in self.files
            ]
        }

    def summary(self) -> Summary:
        out = Summary()
        for f in self.files:
            out.line(f"Rencana Aksi {f.dokumen.nama} ditulis: {f.pdf}")
            out.extend(status_lines(f.pdf, f.dokumen.status))
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        for f in self.files:
            for kosong in f.dokumen.kosong:
                out.line(
                    Span("Diisi tangan:", Tone.PERINGATAN),
                    f" {f.pdf.name}: {kosong}; dicetak sebagai garis titik-titik.",
                )
        return out


def write_ra(
    paths: Iterable[Path],
    output: Path,
    *,
    master: Path | None = None,
    db: str | Path | None = None,
) -> RaResult:
    """One PDF per unit workbook in `output`: RA-<unit>-<tahun>.pdf, under the kop of
    `master` if given; DRAF on every page while its workbook has galat or its submission
    is not approved in the archive at `db`, else with its approval. Every workbook is read
    before any PDF is written."""
    paths = list(paths)
    kop = kop_of(master) if master is not None else None
    forms = [document_form(p, master_too=False, what="Rencana Aksi") for p in paths]
    documents = [ra_dokumen(f) for f in forms]
    wanted = [Dicari(p, d.kode, d.tahun) for p, d in zip(paths, documents, strict=True)]
    statuses = document_statuses(wanted, master=master, db=db)
    documents = [replace(d, kop=kop, status=s) for d, s in zip(documents, statuses, strict=True)]
    return RaResult([RaFile(write_ra_pdf(d, output), d) for d in documents])
