"""Job `kirim` (the add-in's Kirim button, server mode): a unit sends its open workbook to
the institution's archive, so that the planning unit compiles from the archive
(`kompilasi --dari-arsip`) instead of collecting files. The job is given the workbook's
content as a source (the Excel layer reads the open workbook: excel/actions_arsip.py).

Who may send what: a unit workbook belongs to its kode_unit; an SKP to its employee's unit,
as the master's Pegawai table gives it for the SKP's NIP (the master is needed to tell);
the master itself is never sent. With `unit` given (server mode: the unit of the API key)
a workbook of another unit is refused; `unit` None (no key per unit) checks nothing.

What is recorded: the workbook is checked as Validasi checks it (with the master: the
cascade too); with any galat among its own findings nothing is recorded and the findings
are the answer. Otherwise it becomes a new version of its unit in the archive (an SKP: of
its NIP, as kompilasi records it), its normalised rows and every cell read, with the
content's digest: sha256 over the archived content (the rows and cells as serialised), not
over bytes — the server gets no file. Content equal to the unit's latest version is not a
new version: the receipt says "tidak berubah" and names the version that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from xlkinerja.core.finding import Finding, Severity
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.table_access import positions, text
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.per_file import Work
from xlkinerja.jobs.pipeline import check_workbooks
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.jobs.validasi import ValidasiResult
from xlkinerja.sources.source import FormRead, FormSource, WorkbookFile
from xlkinerja.specs import FormKind
from xlkinerja.store.archive import Archive
from xlkinerja.store.encoded import EncodedSubmission, with_content_digest


class KirimDitolak(XlkinerjaError):
    """The workbook may not be sent by this sender (another unit's, the master)."""


@dataclass(frozen=True)
class Receipt:
    """What the archive answers: the version that holds the workbook's content."""

    unit: str  # the archive's unit: kode_unit, or the NIP of an SKP
    version: int
    new: bool  # False: the unit's latest version already held this content
    recorded_at: datetime  # when that version was recorded (timezone-aware)
    sha256: str  # the content's digest

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "versi": self.version,
            "baru": self.new,
            "waktu": self.recorded_at.isoformat(timespec="seconds"),
            "sha256": self.sha256,
        }


@dataclass
class KirimResult:
    file: Path  # what stands for the workbook's path (its name in server mode)
    kind: str  # "unit" | "skp"
    unit: str | None  # the unit the workbook belongs to
    findings: list[Finding] = field(default_factory=list)  # the workbook's own
    receipt: Receipt | None = None  # None: nothing recorded (galat)

    @property
    def has_galat(self) -> bool:
        return any(f.severity == Severity.GALAT for f in self.findings)

    def _count(self, severity: Severity) -> int:
        return sum(f.severity == severity for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        state = "ditolak" if self.receipt is None else "tercatat"
        if self.receipt is not None and not self.receipt.new:
            state = "tidak_berubah"
        return {
            "berkas": self.file.name,
            "jenis": self.kind,
            "unit": self.unit,
            "status": state,
            "galat": self._count(Severity.GALAT),
            "peringatan": self._count(Severity.PERINGATAN),
            "tanda_terima": self.receipt.to_dict() if self.receipt else None,
            "temuan": [f.as_dict() for f in self.findings],
        }

    def summary(self) -> Summary:
        out = Summary()
        receipt = self.receipt
        if receipt is None:
            out.line(
                Span("Tidak dikirim:", Tone.GALAT),
                f" {self.file.name} memuat {self._count(Severity.GALAT)} galat yang harus "
                "diperbaiki dulu; tidak ada yang dicatat di arsip. Jalankan Validasi untuk "
                "menandai selnya.",
            )
            forms = {str(self.file): self.kind}
            out.extend(ValidasiResult([self.file], self.findings, forms).report())
            return out
        when = receipt.recorded_at.astimezone().strftime("%d/%m/%Y %H:%M")
        if receipt.new:
            out.line(
                f"Terkirim: {self.file.name} dicatat di arsip sebagai versi {receipt.version} "
                f"{self._whose(receipt)} pada {when}."
            )
        else:
            out.line(
                f"Tidak berubah: isi {self.file.name} sama dengan versi {receipt.version} "
                f"{self._whose(receipt)} yang tercatat pada {when}; tidak ada versi baru."
            )
        out.line(f"Tanda terima: {receipt.sha256[:12]}")
        warnings = self._count(Severity.PERINGATAN)
        if warnings:
            out.line(
                Span(f"{warnings} peringatan", Tone.PERINGATAN),
                " (tetap dikirim; periksa dengan Validasi).",
            )
        return out

    def _whose(self, receipt: Receipt) -> str:
        if self.kind == FormKind.SKP:
            return f"SKP NIP {receipt.unit}" + (f" (unit {self.unit})" if self.unit else "")
        return f"unit {receipt.unit}"

    def notes(self) -> Summary:
        return Summary()


def submit(
    source: FormSource,
    *,
    master: Path | None,
    db: str | Path | None,
    unit: str | None,
    sender: str | None = None,
    now: datetime | None = None,
) -> KirimResult:
    """Check the workbook `source` holds and record it in the archive at `db` as its unit's
    next version (see the module docstring). `unit`: the sender's unit (None: not checked);
    `sender`: who the archive says recorded it (default "kirim:<unit>")."""
    data = source.read()
    if data.is_master:
        raise KirimDitolak(
            "workbook master tidak dikirim ke arsip.",
            code=ErrorCode.KIRIM_MASTER,
            path=data.path,
            hint="Kirim dipakai untuk workbook unit dan SKP; master dipakai langsung oleh "
            "Unit Perencanaan.",
        )
    given = WorkbookFile(master) if master is not None else None
    checked = check_workbooks([FormRead(data)], master=given, work=Work(archive=True))
    (own,) = checked.results
    assert own.form is not None and own.archive is not None  # read already; archive asked
    master_form = checked.master.form if checked.master is not None else None
    owner = owner_unit(own.form, master_form)
    if unit is not None:
        _check_sender(own.form, owner, unit.strip().upper(), data.path)
    result = KirimResult(
        file=data.path,
        kind=str(data.form.id),
        unit=owner,
        findings=[f for f in checked.findings if f.file == str(data.path)],
    )
    if result.has_galat:
        return result
    encoded = with_digest(own.archive)
    with Archive.open(db) as archive:
        recorded = archive.record(
            encoded,
            compiled_at=now or datetime.now(UTC),
            compiled_by=sender or f"kirim:{unit or 'server'}",
        )
        (info,) = [v for v in archive.versions(encoded.unit) if v.version == recorded.version]
    result.receipt = Receipt(
        unit=encoded.unit,
        version=recorded.version,
        new=recorded.new,
        recorded_at=info.compiled_at,
        sha256=encoded.sha256,
    )
    return result


def with_digest(encoded: EncodedSubmission) -> EncodedSubmission:
    """The submission with its content's digest (the same digest kompilasi records)."""
    return with_content_digest(encoded)


def owner_unit(form: NormalForm, master: NormalForm | None) -> str | None:
    """The unit a workbook belongs to: a unit workbook's kode_unit; an SKP's employee's
    unit in the master's Pegawai table (None without a master, or when the NIP is not
    there)."""
    if form.form.id == FormKind.UNIT:
        return form.text("kode_unit")
    nip = form.text("nip")
    if master is None or nip is None:
        return None
    pegawai = master.table("pegawai")
    return next(
        (
            text(pegawai, p, "kode_unit")
            for p in positions(pegawai)
            if text(pegawai, p, "nip") == nip
        ),
        None,
    )


def _check_sender(form: NormalForm, owner: str | None, sender: str, path: Path) -> None:
    if owner == sender:
        return
    if owner is None:
        what = (
            "kode unit workbook ini kosong"
            if form.form.id == FormKind.UNIT
            else "unit pegawai SKP ini tidak dapat ditentukan dari daftar Pegawai di master"
        )
        raise KirimDitolak(
            f"{what}, sehingga tidak dapat dikirim atas nama unit {sender}.",
            code=ErrorCode.KIRIM_UNIT_TIDAK_DIKETAHUI,
            path=path,
            hint="Lengkapi isiannya (atau minta Unit Perencanaan melengkapi master), lalu "
            "kirim lagi.",
        )
    raise KirimDitolak(
        f"workbook ini milik unit {owner}, sedangkan kunci API yang dipakai milik unit "
        f"{sender}; tidak dikirim.",
        code=ErrorCode.KIRIM_UNIT_LAIN,
        path=path,
        hint=f"Workbook unit {owner} dikirim oleh unit {owner} sendiri dengan kuncinya.",
    )
