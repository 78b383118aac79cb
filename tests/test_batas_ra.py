"""The master's batas_ra checked like batas_pk: a Rencana Aksi ratified after it is a
finding at its cell (Rencana Aksi sheet, Tanggal disahkan RA); on or before it, or without
a deadline, none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.md_tables import workbook
from xlkinerja.core.settings import Pengaturan
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, UNIT
from xlkinerja.validation.normalise import normalise_form
from xlkinerja.validation.rules_unit import check_pk

BATAS = date(2025, 3, 14)


def unit_with(tmp_path: Path, disahkan: date | None) -> Path:
    fields = {"kode_unit": "TI", "tahun": 2025, "tanggal": date(2025, 2, 20)}
    if disahkan is not None:
        fields["ra_tanggal_disahkan"] = disahkan
    return workbook(tmp_path, UNIT, "TI.xlsx", fields=fields)


def ra_late(path: Path, batas: date | None) -> list[tuple[str, str, str]]:
    form, _ = normalise_form(read_form(path))
    found = check_pk(form, Pengaturan(tahun=2025, batas_ra=batas))
    return [(f.sheet, f.cell, f.message) for f in found if f.code == "ra.tanggal.terlambat"]


def test_an_ra_ratified_after_batas_ra_is_a_finding_at_its_cell(tmp_path: Path):
    path = unit_with(tmp_path, date(2025, 3, 20))
    cell = read_form(path).fields["ra_tanggal_disahkan"].cell
    assert cell  # the template has it
    ((sheet, at, message),) = ra_late(path, BATAS)
    assert (sheet, at) == ("Rencana Aksi", cell)
    assert "Rencana Aksi disahkan 20/03/2025, melewati batas 14/03/2025" in message


@pytest.mark.parametrize(
    ("disahkan", "batas"),
    [(BATAS, BATAS), (date(2025, 3, 1), BATAS), (date(2025, 12, 1), None), (None, BATAS)],
    ids=["on-the-day", "before", "no-deadline", "not-ratified"],
)
def test_no_finding_on_time_without_deadline_or_date(
    tmp_path: Path, disahkan: date | None, batas: date | None
):
    assert ra_late(unit_with(tmp_path, disahkan), batas) == []


def test_the_master_setting_is_read_into_the_settings(tmp_path: Path):
    path = workbook(tmp_path, MASTER, "m.xlsx", fields={"tahun": 2025, "batas_ra": BATAS})
    master, _ = normalise_form(read_form(path))
    assert Pengaturan.from_master(master).batas_ra == BATAS
