"""Job `kaskade`: one SKP workbook per employee, pre-filled from a unit workbook.

The unit head's RHK come from the unit's PK; every other employee's from the Matriks
Peran-Hasil. Re-running after the matriks changed updates existing SKP workbooks without
losing what employees typed (see cascade/skp_merge.py); the old file is kept in
cadangan-xlkinerja/ and conflicts are reported: as before (their text), and as findings of
their code at the cell of the SKP written (`kaskade.konflik.*`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.cascade.prefill import MasterView, skp_file_name, skp_values
from xlkinerja.cascade.skp_merge import Conflict, merge_skp
from xlkinerja.cascade.skp_plan import SkpPlan, plan_unit
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import CellScalar, FormData, FormValues
from xlkinerja.core.normal import UnitForm
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.files.backup import keep_backup
from xlkinerja.jobs.summary import Column, Span, Summary, Tone, cell
from xlkinerja.render.template.writer import TemplateWriter, write_template_placed
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import SKP_FORM, UNIT
from xlkinerja.specs.keys import UnitFieldKey
from xlkinerja.specs.master import MASTER
from xlkinerja.validation.normalise import normalise_form

RHK = "rhk"  # the SKP's table of RHK and IKI


@dataclass
class SkpOutcome:
    path: Path
    nama: str
    created: bool
    added_rows: int
    conflicts: list[str] = field(default_factory=list)  # as people read them
    backup: Path | None = None
    findings: list[Finding] = field(default_factory=list)  # the conflicts, at their cells


@dataclass
class KaskadeResult:
    unit: str
    outcomes: list[SkpOutcome] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        return sum(len(o.conflicts) for o in self.outcomes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "skp": [
                {
                    "berkas": str(o.path),
                    "pegawai": o.nama,
                    "dibuat": o.created,
                    "baris_rhk_baru": o.added_rows,
                    "konflik": o.conflicts,
                    "cadangan": str(o.backup) if o.backup else None,
                    "temuan": [f.as_dict() for f in o.findings],
                }
                for o in self.outcomes
            ],
        }

    def summary(self) -> Summary:
        out = Summary()
        out.table(
            f"SKP unit {self.unit}",
            [
                Column("Berkas", no_wrap=True),
                Column("Pegawai"),
                Column("Keadaan"),
                Column("Baris RHK baru", right=True),
                Column("Konflik", right=True),
            ],
            (
                [
                    cell(o.path.name),
                    cell(o.nama),
                    cell("dibuat" if o.created else "diperbarui"),
                    cell(o.added_rows),
                    cell(len(o.conflicts)),
                ]
                for o in self.outcomes
            ),
        )
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        for o in self.outcomes:
            for conflict, found in zip(o.conflicts, o.findings, strict=True):
                out.line(
                    Span(f"Konflik [{found.code}]", Tone.PERINGATAN),
                    f" {o.path.name}: {conflict}",
                )
        return out


def _identity(unit: UnitForm, plan: SkpPlan, master: MasterView | None) -> dict[str, CellScalar]:
    if master is not None and plan.nip in master.pegawai:
        fields = dict(skp_values(master, plan.nip).fields)
    else:
        fields = {
            "tahun": unit.field("tahun"),
            "nama": plan.nama,
            "nip": plan.nip,
            "jabatan": plan.jabatan,
            "jenis_jabatan": plan.jenis_jabatan,
            "unit": unit.field("nama_unit"),
            "status": "draft",
        }
        side: tuple[UnitFieldKey, UnitFieldKey, UnitFieldKey] = (
            ("pihak_kedua_nama", "pihak_kedua_nip", "pihak_kedua_jabatan")
            if plan.is_head
            else ("pihak_pertama_nama", "pihak_pertama_nip", "pihak_pertama_jabatan")
        )
        fields |= {
            "penilai_nama": unit.field(side[0]),
            "penilai_nip": unit.field(side[1]),
            "penilai_jabatan": unit.field(side[2]),
        }
    tahun = unit.number("tahun")
    fields["tahun"] = int(tahun) if tahun is not None else fields.get("tahun")
    return fields


def generate_skp(
    unit_path: Path | FormData,
    output: Path,
    *,
    master: Path | None = None,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> KaskadeResult:
    """One SKP workbook per employee of the unit (a file, or a workbook read another way:
    open in Excel) into `output`; existing ones are merged (see the module docstring)."""
    data = read_form(unit_path, UNIT) if isinstance(unit_path, Path) else unit_path
    if data.form.id != UNIT.id:
        raise XlkinerjaError(
            f"kaskade dibuat dari workbook unit, bukan dari '{data.form.title}'.",
            code=ErrorCode.TEMPLAT_JENIS_SALAH,
            path=data.path,
        )
    unit: UnitForm
    unit, _ = normalise_form(data)
    kode_unit = unit.field("kode_unit")
    if not kode_unit:
        raise XlkinerjaError(
            "kode unit di lembar PK kosong; SKP tidak dapat dibuat.",
            code=ErrorCode.ISIAN_KODE_UNIT_KOSONG,
            path=data.path,
            sheet="PK",
        )
    master_view = MasterView.from_data(read_form(master, MASTER)) if master is not None else None
    result = KaskadeResult(unit=str(kode_unit))
    for plan in plan_unit(unit):
        planned = FormValues(fields=_identity(unit, plan, master_view), tables={"rhk": plan.rhk})
        target = output / skp_file_name(str(kode_unit), plan.nama)
        existing = (
            FormValues.from_form_data(read_form(target, SKP_FORM)) if target.exists() else None
        )
        merged = merge_skp(planned, existing, source="PK unit" if plan.is_head else "matriks")
        backup = None
        if existing is not None:
            backup = keep_backup(target, target.read_bytes(), now or datetime.now())
        written = write_template_placed(
            SKP_FORM,
            target,
            merged.values,
            subtitle=f"{plan.nama} · Tahun {planned.fields.get('tahun')}",
        )
        result.outcomes.append(
            SkpOutcome(
                path=target,
                nama=plan.nama,
                created=existing is None,
                added_rows=merged.added,
                conflicts=[c.text for c in merged.conflicts],
                backup=backup,
                findings=[_at_cell(c, target, written) for c in merged.conflicts],
            )
        )
        if progress:
            progress(target.name)
    return result


def _at_cell(conflict: Conflict, path: Path, written: TemplateWriter) -> Finding:
    """A conflict as a finding at its cell of the SKP written: the row's value in its
    column, or the field."""
    if conflict.row is None:
        sheet, cell = written.field_cells[conflict.key]
        return conflict.finding(str(path), sheet, cell, None, SKP_FORM.field(conflict.key).label)
    sheet, cell, row = written.table_cell(RHK, conflict.row, conflict.key)
    label = SKP_FORM.table(RHK).column(conflict.key).label
    return conflict.finding(str(path), sheet, cell, row, label)
