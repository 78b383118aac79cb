"""Job `templat`: blank standard templates, and pre-filled unit workbooks from a master."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from xlkinerja.cascade.prefill import MasterView, unit_codes, unit_file_name, unit_values
from xlkinerja.io.output_guard import keep_original
from xlkinerja.io.reader import read_form
from xlkinerja.io.template_writer import write_template
from xlkinerja.specs import FORMS, MASTER, UNIT

Progress = Callable[[str], None]


def blank_template_name(form_id: str) -> str:
    return f"templat_{form_id}.xlsx"


def write_blank_templates(output: Path, now: datetime | None = None) -> TemplatResult:
    """Write every standard template, blank, into `output` (a changed existing one is kept
    in cadangan-xlkinerja/ first)."""
    result = TemplatResult()
    for form in FORMS.values():
        target = output / blank_template_name(form.id)
        backup = keep_original(target, partial(write_template, form, target), now or datetime.now())
        result.written.append(target)
        if backup:
            result.backups.append(backup)
    return result


@dataclass
class TemplatResult:
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)  # originals kept before replacing


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
    result = TemplatResult()
    for kode, nama in unit_codes(master):
        if units is not None and kode not in units:
            continue
        values = unit_values(master, kode)
        if not values.tables["ref_iku"]:
            result.notes.append(f"Unit {kode} belum mendapat penugasan IKU di master.")
        if "pihak_pertama_nip" not in values.fields:
            result.notes.append(f"Kepala unit {kode} tidak ditemukan di lembar Pegawai master.")
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
