"""What makes a document of the cycle DRAF or final (domain/status_dokumen.py), looked up:
the galat of a unit's workbook (validated as `xlkinerja validasi` does, with its master
when one is given) and the approval of its latest submission in the archive (jobs/
pengesahan.py), or, for the Laporan Kinerja, of every unit whose data it shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from xlkinerja.core.finding import Finding, Severity
from xlkinerja.domain.pengesahan import ApprovalStatus
from xlkinerja.domain.status_dokumen import StatusDokumen, status_gabungan, status_unit
from xlkinerja.jobs.summary import Span, Summary, Tone


@dataclass(frozen=True)
class Dicari:
    """A document whose status is wanted: the workbook it is made from, the unit's code
    and the year (`unit` None: not approved through the archive, the institution's PK)."""

    path: Path
    unit: str | None
    tahun: int | None


def galat_count(findings: Iterable[Finding], path: Path | None = None) -> int:
    """The galat among `findings` (those in the workbook at `path`, when given)."""
    return sum(
        1
        for f in findings
        if f.severity is Severity.GALAT and (path is None or Path(f.file) == path)
    )


def workbook_galat(path: Path, master: Path | None) -> int:
    """The galat `xlkinerja validasi` finds in the workbook at `path` (with `master`: the
    cascade from it too; the master's own findings are not counted)."""
    from xlkinerja.jobs.checks import validate_forms
    from xlkinerja.sources.reader import read_form

    data = read_form(path)
    master_data = read_form(master) if master is not None and master != path else None
    return galat_count(validate_forms([data], master=master_data), path)


def document_statuses(
    wanted: Sequence[Dicari], *, master: Path | None, db: str | Path | None
) -> list[StatusDokumen]:
    """The status of each document wanted, in order; the archive at `db` opened once."""
    approvals = _approvals(wanted, db)
    out = []
    for w in wanted:
        galat = workbook_galat(w.path, master)
        if w.unit is None:
            out.append(status_unit(galat, None))
        else:
            out.append(status_unit(galat, approvals[(w.unit.upper(), w.tahun)]))
    return out


def _approvals(
    wanted: Sequence[Dicari], db: str | Path | None
) -> dict[tuple[str, int | None], ApprovalStatus]:
    from xlkinerja.store.archive import Archive

    units = [(w.unit.upper(), w.tahun) for w in wanted if w.unit is not None]
    if not units:
        return {}
    found: dict[tuple[str, int | None], ApprovalStatus] = {}
    with Archive.open(db) as archive:
        for unit, tahun in units:
            if tahun is None:
                why = "tahun di workbook kosong: pengesahan di arsip tidak dapat dicari"
                found[(unit, tahun)] = ApprovalStatus(unit, 0, False, None, None, why)
            else:
                found[(unit, tahun)] = archive.approval(unit, tahun)
    return found


def compiled_status(
    galat: int | None, units: Iterable[str], tahun: int | None, db: str | Path | None
) -> StatusDokumen:
    """The status of a document compiled from the data of `units` (the Laporan Kinerja):
    `galat` in the compiled data (None: not known), each unit's approval of `tahun`."""
    from xlkinerja.store.archive import Archive

    codes = sorted({u.upper() for u in units})
    if tahun is None:
        return StatusDokumen(("tahun data kosong: pengesahan unit tidak dapat dicari",))
    with Archive.open(db) as archive:
        approvals = archive.approvals(tahun, codes) if codes else {}
    return status_gabungan(galat, approvals)


def status_lines(path: Path, status: StatusDokumen | None) -> Summary:
    """What a command says of a document written: DRAF and why, or approved by whom."""
    from xlkinerja.render.dokumen.tanda import tanda

    out = Summary()
    if status is None:
        return out
    if status.draf:
        out.line(Span("DRAF:", Tone.PERINGATAN), f" {path.name}: {status.keterangan}")
    for line in tanda(status, with_unit=len(status.persetujuan) > 1).persetujuan:
        out.line(Span("Final:", Tone.INFO), f" {path.name}: {line}")
    return out
