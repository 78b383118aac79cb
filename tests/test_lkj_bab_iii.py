"""Bab III of the sample's Laporan Kinerja, every section the regulation asks for, on its
numbers — read back from the written xlsx and docx: per sasaran the national standard, the
causes (faktor pendukung, kendala, tindak lanjut; "belum ada data" where none), the
efficiency (from the figures the chapter itself shows) and the supporting programs; B. the
institution's programs (its PK: Rp 24.750.000.000) and the units' kegiatan, each row's
penyerapan from its own pagu and realisasi, the kegiatan the same as in the rekap."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from python_calamine import CalamineWorkbook

from tests.conftest import SAMPLE
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.lkj import write_lkj_chapter

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
Rows = list[list[Any]]


@pytest.fixture(scope="module")
def chapter(tmp_path_factory: pytest.TempPathFactory) -> tuple[Rows, list[str], Path]:
    """The chapter's xlsx rows, its docx paragraphs, and the rekap compiled beside it."""
    folder = tmp_path_factory.mktemp("bab3")
    workbooks = workbook_files([SAMPLE], master=MASTER)
    made = write_lkj_chapter(workbooks, output=folder, db=folder / "a.sqlite")
    xlsx = next(p for p in made.files if p.suffix == ".xlsx")
    docx = next(p for p in made.files if p.suffix == ".docx")
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Bab III").to_python()
    texts = [p.text for p in Document(str(docx)).paragraphs]
    rekap = folder / "rekap.xlsx"
    compile_workbooks(workbooks, output=rekap, record=False, workers=1)
    return rows, texts, rekap


def _table(rows: Rows, title: str) -> list[list[Any]]:
    """The rows of the table titled `title…` (header first), to the next blank row."""
    start = next(i for i, r in enumerate(rows) if str(r[0]).startswith(title))
    out = []
    for row in rows[start + 1 :]:
        if not any(c != "" for c in row):
            break
        out.append(row)
    return out


def _section(rows: Rows, heading: str, until: str) -> list[str]:
    """The text cells from a heading to the next `until`."""
    start = next(i for i, r in enumerate(rows) if r[0] == heading)
    end = next(i for i in range(start + 1, len(rows)) if str(rows[i][0]).startswith(until))
    return [str(r[0]) for r in rows[start:end] if r[0] != ""]


def test_b_shows_the_institutions_programs_and_their_penyerapan(chapter):
    rows, texts, _ = chapter
    table = _table(rows, "Tabel 3.3")
    head = table[0]
    pagu, real, serap = (head.index(c) for c in ("Pagu", "Realisasi s.d. TW III", "Penyerapan"))
    body, total = table[1:-1], table[-1]
    assert [r[1] for r in body] == [
        "Program Pendidikan Tinggi Vokasi",
        "Program Dukungan Manajemen",
    ]
    for r in body:
        assert r[serap] == pytest.approx(r[real] / r[pagu] * 100)
    assert total[1] == "Jumlah" and total[pagu] == 24_750_000_000
    assert total[real] == sum(r[real] for r in body) == 17_350_000_000
    assert total[serap] == pytest.approx(17_350 / 24_750 * 100)
    said = " ".join(texts)
    assert (
        "pagu Rp 24.750.000.000, realisasi s.d. TW III Rp 17.350.000.000, penyerapan 70,10 %"
        in said
    )


def test_b_gives_the_units_kegiatan_as_the_rekap_does(chapter):
    rows, _, rekap = chapter
    table = _table(rows, "Tabel 3.4 Pagu")
    head = table[0]
    pagu, real, serap = (head.index(c) for c in ("Pagu", "Realisasi s.d. TW III", "Penyerapan"))
    kegiatan = {r[2]: r for r in table[1:] if str(r[0]).isdigit()}
    assert len(kegiatan) == 6
    pk = CalamineWorkbook.from_path(str(rekap)).get_sheet_by_name("Rekap PK").to_python()
    at = next(i for i, r in enumerate(pk) if "Penyerapan (%)" in r)
    names = pk[at]
    rekap_rows = {
        r[1]: r for r in pk[at + 1 :] if r[0] == "" and r[1] and r[1] in kegiatan
    }  # a kegiatan's row has no Kode Unit
    assert rekap_rows.keys() == kegiatan.keys()
    for name, r in kegiatan.items():
        other = rekap_rows[name]
        assert r[pagu] == other[names.index("Anggaran (Rp)")], name
        shown = other[names.index("Realisasi s.d. TW III (Rp)")]
        assert (r[real] if r[real] != "tidak ada data" else "") == shown, name
        other_serap = other[names.index("Penyerapan (%)")]
        assert (r[serap] if r[serap] != "tidak ada data" else "") == pytest.approx(other_serap)
    counted, total = table[-2], table[-1]
    # AK gave no TW III: the counted total is the five that did, and reconciles
    assert "5 dari 6" in counted[2]
    assert counted[serap] == pytest.approx(counted[real] / counted[pagu] * 100)
    assert total[2] == "Jumlah" and total[pagu] == 7_660_000_000
    assert total[real] == "belum lengkap"


def test_a_national_standard_beside_the_realisasi(chapter):
    rows, _, _ = chapter
    summary = _table(rows, "Tabel 3.1")
    real_col = summary[0].index("Realisasi s.d. TW III")
    iku1 = next(r for r in summary if str(r[2]).startswith("IKU-1 "))
    table = _table(rows, "Tabel 3.2.1c")
    head = table[0]
    row = next(r for r in table if r[0] == "IKU-1")
    assert row[head.index("Realisasi s.d. TW III")] == pytest.approx(iku1[real_col])
    assert row[head.index("Standar nasional")] == 72
    assert row[head.index("Terhadap standar")] == "di bawah standar (8,67)"  # 63,33 vs 72
    assert "angka contoh" in row[head.index("Sumber standar")]
    iku4 = next(r for r in _table(rows, "Tabel 3.2.2c") if r[0] == "IKU-4")
    assert iku4[head.index("Terhadap standar")] == "lebih baik (3)"  # 23 vs 20, arah naik
    ss3 = _section(
        rows,
        "Sasaran Strategis 3: Meningkatnya kualitas kurikulum dan pembelajaran",
        "Sasaran Strategis 4",
    )
    assert any("Belum ada standar nasional untuk IKU sasaran ini" in t for t in ss3)


def test_the_causes_name_what_helped_and_say_where_there_is_no_data(chapter):
    rows, _, _ = chapter
    ss1 = _section(
        rows,
        "Sasaran Strategis 1: Meningkatnya kualitas lulusan pendidikan tinggi vokasi",
        "Sasaran Strategis 2",
    )
    assert (
        "IKU-3 — Jurusan Teknik Informatika, IKK-TI-3 TW III: faktor pendukung: Skema "
        "sertifikasi LSP P1 sudah berjalan." in ss1
    )
    ss3 = _section(
        rows,
        "Sasaran Strategis 3: Meningkatnya kualitas kurikulum dan pembelajaran",
        "Sasaran Strategis 4",
    )
    iku7 = [t for t in ss3 if t.startswith("IKU-7:")]
    assert iku7 and "belum ada data s.d. TW III" in iku7[0]
    assert not any("tidak ada kendala" in t for t in ss3)


def _pct(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def test_the_efficiency_follows_from_the_figures_the_chapter_shows(chapter):
    rows, _, _ = chapter
    figures = _table(rows, "Tabel 3.2.1a")
    head = figures[0]
    t, r = head.index("Target 2025"), head.index("Realisasi s.d. TW III")
    annual = [row[r] / row[t] * 100 for row in figures[1:]]
    program = next(
        x for x in _table(rows, "Tabel 3.3") if x[1] == "Program Pendidikan Tinggi Vokasi"
    )
    serapan = program[5]
    ss1 = " ".join(
        _section(
            rows,
            "Sasaran Strategis 1: Meningkatnya kualitas lulusan pendidikan tinggi vokasi",
            "Sasaran Strategis 2",
        )
    )
    found = re.search(r"target tahunan ([\d.,]+) %; efisiensi ([\d,]+)\.", ss1)
    assert found, ss1
    assert _pct(found.group(1)) == pytest.approx(sum(annual) / len(annual), abs=0.005)
    assert _pct(found.group(2)) == pytest.approx(sum(annual) / len(annual) / serapan, abs=0.005)
    assert "Efisiensi = capaian terhadap target tahunan (%) ÷ penyerapan anggaran (%)" in ss1


def test_each_sasaran_lists_the_programs_and_kegiatan_behind_it(chapter):
    rows, _, _ = chapter
    ss1 = _table(rows, "Tabel 3.2.1d")
    assert [(r[1], r[3]) for r in ss1[1:]] == [
        ("Institusi", "SS-1"),
        ("Jurusan Akuntansi", "IKK-AK-1"),
        ("Jurusan Teknik Informatika", "IKK-TI-1"),
        ("Jurusan Teknik Informatika", "IKK-TI-3"),
        ("Jurusan Teknik Mesin", "IKK-TM-1"),
        ("Jurusan Teknik Mesin", "IKK-TM-3"),
    ]
    ss2 = _table(rows, "Tabel 3.2.2d")
    assert [(r[1], r[3]) for r in ss2[1:]] == [
        ("Pusat Penelitian dan Pengabdian kepada Masyarakat", "IKK-P3M-1")
    ]
    ss3 = _section(
        rows,
        "Sasaran Strategis 3: Meningkatnya kualitas kurikulum dan pembelajaran",
        "Sasaran Strategis 4",
    )
    assert "Belum ada program atau kegiatan yang ditautkan ke sasaran ini." in ss3
