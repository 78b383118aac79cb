"""Job `templat`: blank standard templates, and pre-filled unit workbooks from a master."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from xlkinerja.cascade.prefill import MasterView, unit_codes, unit_file_name, unit_values
from xlkinerja.files.output_guard import keep_original
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.render.template.writer import write_template
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import FORMS, MASTER, UNIT, FormKind

Progress = Callable[[str], None]


def blank_template_name(form_id: FormKind) -> str:
    return f"templat_{form_id}.xlsx"


def write_blank_templates(output: Path, now: datetime | None = None) -> TemplatResult:
    """Write every standard template, blank, into `output` (a changed existing one is kept
    in cadangan-xlkinerja/ first)."""
    result = TemplatResult(output=output, from_master=False)
    for form in FORMS.values():
        target = output / blank_template_name(form.id)
        backup = keep_original(target, partial(write_template, form, target), now or datetime.now())
        result.written.append(target)
        if backup:
            result.backups.append(backup)
    return result


@dataclass
class TemplatResult:
    output: Path
    from_master: bool  # unit workbooks pre-filled from a master, else blank templates
    written: list[Path] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # what the master lacks for a unit
    backups: list[Path] = field(default_factory=list)  # originals kept before replacing

    def to_dict(self) -> dict[str, Any]:
        return {
            "ditulis": [str(p) for p in self.written],
            "catatan": self.remarks,
            "cadangan": [str(p) for p in self.backups],
        }

    def summary(self) -> Summary:
        out = Summary()
        for path in self.written:
            out.line(f"ditulis: {path}")
        if self.from_master:
            for remark in self.remarks:
                out.line(Span("Catatan:", Tone.PERINGATAN), f" {remark}")
            out.line(f"{len(self.written)} workbook unit ditulis ke {self.output}.")
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        for backup in self.backups:
            out.line(f"Berkas lama yang berbeda disimpan sebagai cadangan: {backup}")
        return out


def write_unit_workbooks(
    master_path: Path,
    output: Path,
    *,
    units: Sequence[str] | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> TemplatResult:
    """One pre-filled unit workbook per unit of the master (the first cascade step). A unit
    workbook already there (perhaps filled) is kept in cadangan-xlkinerja/ first."""
    master = MasterView.from_data(read_form(master_path, MASTER))
    result = TemplatResult(output=output, from_master=True)
    for kode, nama in unit_codes(master):
        if units is not None and kode not in units:
            continue
        values = unit_values(master, kode)
        if not values.tables["ref_iku"]:
            result.remarks.append(f"Unit {kode} belum mendapat penugasan IKU di master.")
        if "pihak_pertama_nip" not in values.fields:
            result.remarks.append(f"Kepala unit {kode} tidak ditemukan di lembar Pegawai master.")
        target = output / unit_file_name(kode, nama)
        subtitle = f"{nama} · Tahun {master.tahun}"
        write = partial(write_template, UNIT, target, values, subtitle=subtitle)
        backup = keep_original(target, write, now or datetime.now())
        result.written.append(target)
        if backup:
            result.backups.append(backup)
        if progress:
            progress(target.name)
    return result
