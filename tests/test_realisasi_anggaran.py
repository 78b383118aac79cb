"""Budget realisasi on the forms (template unit 1.2, master 1.3): the checks on a unit's
Program/Kegiatan rows and on the master's programs, at their cells; and one penyerapan for
a row in the compiled Rekap PK, read back from the written file."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from tests.conftest import SAMPLE
from tests.md_tables import cell_of
from tests.test_validasi import codes_at, findings_of, unit
from xlkinerja.core.finding import Severity
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.kompilasi.anggaran import BarisAnggaran, efisiensi, penyerapan
from xlkinerja.specs import UNIT

ANGGARAN = """
| program | anggaran | kode_ikk | realisasi_tw1 | realisasi_tw2 | realisasi_tw3 |
| Kuliah  | 1000     | IKK-TI-1 | -5            | 300           | 250           |
| Lab     | 500      | IKK-TI-2 | 100           | 200           | 600           |
| Hibah   | 800      | IKK-TI-1 | 0             | 400           | 800           |
"""


def test_negative_falling_and_above_the_pagu_are_found_at_their_cells(tmp_path: Path):
    path = unit(tmp_path, anggaran=ANGGARAN)
    found = findings_of(path)
    at = codes_at(found)
    cell = lambda pos, key: cell_of(path, "anggaran", pos, key)  # noqa: E731
    assert ("anggaran.realisasi.negatif", cell(0, "realisasi_tw1")) in at
    assert ("anggaran.realisasi.menurun", cell(0, "realisasi_tw3")) in at  # 300 → 250
    assert ("anggaran.realisasi.melebihi_pagu", cell(1, "realisasi_tw3")) in at  # 600 > 500
    budget = [f for f in found if f.code.startswith("anggaran.")]
    assert len(budget) == 3  # Hibah: 800 of 800 is the whole pagu, not above it
    severity = {f.code: f.severity for f in budget}
    assert severity["anggaran.realisasi.negatif"] == Severity.GALAT
    assert severity["anggaran.realisasi.menurun"] == Severity.PERINGATAN
    assert severity["anggaran.realisasi.melebihi_pagu"] == Severity.PERINGATAN
    above = next(f for f in budget if f.code == "anggaran.realisasi.melebihi_pagu")
    assert "Rp 600" in above.message and "Rp 500" in above.message


def test_the_master_programs_are_checked_too(tmp_path: Path):
    from tests.md_tables import workbook
    from xlkinerja.specs import MASTER

    program = """
| kode_program | program | anggaran | kode_ss | realisasi_tw1 | realisasi_tw2 |
| DL           | Vokasi  | 1000     | SS-1    | 600           | 400           |
"""
    path = workbook(tmp_path, MASTER, "master.xlsx", program=program)
    found = findings_of(path)
    assert ("anggaran.realisasi.menurun", cell_of(path, "program", 0, "realisasi_tw2")) in (
        codes_at(found)
    )


def test_penyerapan_counts_only_the_rows_that_gave_the_period():
    rows = [
        BarisAnggaran(1000.0, (100.0, 400.0, None, None)),  # no TW III yet
        BarisAnggaran(500.0, (50.0, 200.0, 300.0, None)),
        BarisAnggaran(None, (None, None, 10.0, None)),  # no pagu: not counted
    ]
    s = penyerapan(rows, 3)
    assert (s.pagu, s.pagu_dihitung, s.realisasi, s.dihitung, s.jumlah) == (1500, 500, 300, 1, 3)
    assert s.persen == pytest.approx(60.0)
    assert "Rp 300 ÷ Rp 500" in (s.cakupan(3) or "")
    assert penyerapan(rows, 2).persen == pytest.approx(600 / 1500 * 100)
    said = "penyerapan = Rp 600 ÷ Rp 1.500, anggaran 2 dari 3 kegiatan yang mengisi realisasi"
    assert penyerapan(rows, 2).cakupan(2) == f"{said} s.d. TW II"
    assert efisiensi([80.0, 100.0], 60.0) == pytest.approx(1.5)
    assert efisiensi([], 60.0) is None and efisiensi([90.0], 0.0) is None


def test_rekap_pk_shows_each_rows_penyerapan_of_the_period(tmp_path: Path):
    """Read back from the written rekap: a kegiatan's penyerapan is its realisasi s.d. TW
    III over its pagu; a unit's total counts the kegiatan that gave TW III and says the
    division when not all did."""
    rekap = tmp_path / "rekap.xlsx"
    master = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
    compile_workbooks(workbook_files([SAMPLE], master=master), output=rekap, record=False)
    rows = CalamineWorkbook.from_path(str(rekap)).get_sheet_by_name("Rekap PK").to_python()
    head = next(i for i, r in enumerate(rows) if "Penyerapan (%)" in r)
    col = {name: rows[head].index(name) for name in rows[head] if name}
    body = rows[head + 1 :]
    checked = 0
    for row in body:
        if not row[col["Unit / Program/Kegiatan"]]:
            break
        pagu, real = row[col["Anggaran (Rp)"]], row[col["Realisasi s.d. TW III (Rp)"]]
        shown = row[col["Penyerapan (%)"]]
        note = row[col["Keterangan"]]
        if isinstance(real, float) and isinstance(pagu, float) and not note:
            assert shown == pytest.approx(real / pagu * 100), row
            checked += 1
        elif "÷" in str(note):
            assert shown != "" and "dari" in note, row
    assert checked >= 6
    ak = next(r for r in body if r[0] == "AK")
    assert ak[col["Penyerapan (%)"]] == "" and "penyerapan tidak dihitung" in ak[col["Keterangan"]]
    bengkel = next(r for r in body if r[1] == "Peralatan bengkel dan laboratorium")
    assert bengkel[col["IKK didukung"]] == "IKK-TM-3"
    assert bengkel[col["Penyerapan (%)"]] == pytest.approx(655 / 640 * 100)
    assert UNIT.version == "1.3"
