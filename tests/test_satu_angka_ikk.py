"""One number for every IKK of the sample, read back from what each output wrote: the
rekap's Rekap Capaian section C (every quarter), what Hitung capaian writes beside the
unit's own Capaian table (the add-in server's JSON answer, as the remote engine sends it),
the Pohon Kinerja sheet and the tree's SVG (the period's figure), and the realisasi-csv
and esakip-hierarki exports. Each row's capaian follows from the target and realisasi on
it, and each unit's figure (section B) is the mean of its IKK's that quarter."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from tests.conftest import SAMPLE
from tests.test_excel_actions import SERVER, actions_of, remote_book
from tests.test_satu_angka import BATAS_ATAS, MASTER, NOW, _header_row, _shown, _svg_boxes
from xlkinerja.domain.capaian import capaian as capaian_of
from xlkinerja.excel import run_action
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.pohon import draw_cascade

UNITS = {
    "AK": "AK-jurusan-akuntansi.xlsx",
    "TI": "TI-jurusan-teknik-informatika.xlsx",
    "TM": "TM-jurusan-teknik-mesin.xlsx",
    "P3M": "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx",
}
TW = ("TW I", "TW II", "TW III", "TW IV")
QUARTER_END = {"2025-03-31": "TW I", "2025-06-30": "TW II", "2025-09-30": "TW III"}
Key = tuple[str, str]  # (kode IKK, TW); the sample's IKK codes are unique across units


def _rows(path: Path, sheet: str) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("ikk")
    rekap = folder / "rekap.xlsx"
    compile_workbooks(
        workbook_files([SAMPLE], master=MASTER), output=rekap, record=False, workers=1, now=NOW
    )
    svg = Path(draw_cascade([SAMPLE], folder / "pohon").svg).read_text(encoding="utf-8")
    from typer.testing import CliRunner

    from xlkinerja.cli.app import app

    for profil in ("realisasi-csv", "esakip-hierarki"):
        run = CliRunner().invoke(
            app, ["ekspor", str(rekap), "--profil", profil, "--output", str(folder / profil)]
        )
        assert run.exit_code == 0, run.output
    return {"rekap": rekap, "svg": svg, "folder": folder}


def _section_c(rekap: Path) -> dict[Key, tuple[Any, ...]]:
    """(IKK, TW) → (unit, target, realisasi, capaian, keterangan) of Rekap Capaian C."""
    rows = _rows(rekap, "Rekap Capaian")
    head = _header_row(rows, "IKU", "Kode IKK", "TW", "Capaian (%)")
    names = ("Unit", "Kode IKK", "TW", "Target", "Realisasi", "Capaian (%)", "Keterangan")
    unit, kode, tw, target, real, cap, note = (rows[head].index(n) for n in names)
    return {
        (row[kode], row[tw]): (
            row[unit],
            *(row[c] if row[c] != "" else None for c in (target, real, cap)),
            row[note],
        )
        for row in rows[head + 1 :]
        if str(row[kode]).startswith("IKK-")
    }


def _hitung(path: Path) -> dict[Key, tuple[float | None, str]]:
    """(IKK, TW) → (capaian, keterangan) as Hitung capaian writes them beside the unit's
    Capaian table: the add-in server's answer (the remote engine's JSON), not the job's
    objects."""
    book = remote_book(path)
    assert run_action("hitung_capaian", book, SERVER) is not None
    write = next(a for a in actions_of(book) if a["func"] == "runMacro")
    sheet, first_row, _, block = write["args"][1:]
    table = _rows(path, sheet)  # the rows of the unit's own table, for their IKK and TW
    head = _header_row(table, "Kode IKK", "Triwulan", "Realisasi")
    kode, tw = table[head].index("Kode IKK"), table[head].index("Triwulan")
    assert head + 1 == first_row  # the header line is written beside the table's header
    out = {}
    for i, line in enumerate(block.split("\n")[1:], start=head + 1):
        cells = line.split("\t")
        if i >= len(table) or not table[i][kode]:  # the table's blank rows: cleared
            assert not line.strip("\t"), i
            continue
        value = float(cells[0][2:]) if cells[0].startswith("n:") else None
        out[(table[i][kode], table[i][tw])] = (value, cells[2][2:] if len(cells) > 2 else "")
    return out


def test_hitung_writes_each_rows_capaian_of_the_rekap(outputs: dict[str, Any]):
    rekap = _section_c(outputs["rekap"])
    seen = 0
    for unit, name in UNITS.items():
        for key, (value, note) in _hitung(SAMPLE / name).items():
            if key not in rekap:  # a row kompilasi cannot count: Hitung says why
                assert value is None and note, key
                continue
            shown = rekap[key][3]
            assert value == (round(shown, 2) if shown is not None else None), (unit, key)
            if "dibatasi" in rekap[key][4]:
                assert rekap[key][4] in note, key  # the cap named in both
            seen += 1
    assert seen == len(rekap)  # every IKK row of the rekap came from one unit's Hitung


def test_every_ikk_row_of_the_rekap_reconciles(outputs: dict[str, Any]):
    for key, (_, target, realisasi, value, note) in _section_c(outputs["rekap"]).items():
        if value is None:
            assert note, key  # an empty capaian says why
            continue
        assert value == pytest.approx(capaian_of(realisasi, target, batas_atas=BATAS_ATAS).nilai), (
            key
        )


def test_the_tree_shows_each_ikks_period_figure(outputs: dict[str, Any]):
    rekap = _section_c(outputs["rekap"])
    rows = _rows(outputs["rekap"], "Pohon Kinerja")
    head = _header_row(rows, "Tingkat", "Kode", "Capaian (%)")
    kode, cap = rows[head].index("Kode"), rows[head].index("Capaian (%)")
    tree = {r[kode]: r[cap] for r in rows[head + 1 :] if r[0] == "IKK" and r[kode] != "IKK-TI-6"}
    boxes = _svg_boxes(outputs["svg"])
    for code, shown in tree.items():
        value = rekap.get((code, "TW III"), (None,) * 4)[3]
        assert (shown if shown != "" else None) == pytest.approx(value), code
        if value is not None:
            assert f"{_shown(value)} %" in boxes[code], (code, boxes[code])


def test_the_exports_carry_each_ikks_realisasi_and_capaian(outputs: dict[str, Any]):
    rekap = _section_c(outputs["rekap"])
    folder = outputs["folder"]
    path = next((folder / "realisasi-csv").glob("*.csv"))
    with path.open(encoding="utf-8-sig", newline="") as f:
        lines = list(csv.DictReader(f))
    assert len(lines) == len(rekap)
    for line in lines:
        key = (line["kode_indikator"], QUARTER_END[line["periode"]])
        realisasi = rekap[key][2]
        shown = float(line["realisasi"]) if line["realisasi"] else None
        assert shown == pytest.approx(realisasi), key
    rows = _rows(next((folder / "esakip-hierarki").glob("*.xlsx")), "Hierarki")
    level, kode, cap = (rows[0].index(c) for c in ("level", "kode", "capaian"))
    for row in rows[1:]:
        if row[level] != "ikk" or row[kode] == "IKK-TI-6":
            continue
        value = rekap.get((row[kode], "TW III"), (None,) * 4)[3]
        assert (row[cap] if row[cap] != "" else None) == pytest.approx(value), row[kode]


def test_each_units_figure_is_the_mean_of_its_ikk(outputs: dict[str, Any]):
    """Section B: a unit's capaian in a quarter is the mean of its IKK's capaian that
    quarter, and empty when one of them is unknown (AK's TW II: '1.050')."""
    rekap = _section_c(outputs["rekap"])
    rows = _rows(outputs["rekap"], "Rekap Capaian")
    head = _header_row(rows, "Kode", "Unit", "TW I", "TW IV")
    names = {v[0] for v in rekap.values()}
    checked = 0
    for row in rows[head + 1 :]:
        if row[1] not in names:
            break
        for tw in TW:
            shown = row[rows[head].index(tw)]
            mine = [v for (_, t), v in rekap.items() if t == tw and v[0] == row[1]]
            values = [v[3] for v in mine]
            unknown = any("tidak dapat dibaca" in v[4] for v in mine)
            known = [v for v in values if v is not None]
            if not known or unknown:
                assert shown == "", (row[0], tw)
                continue
            assert shown == pytest.approx(sum(known) / len(known)), (row[0], tw)
            checked += 1
    assert checked >= 10
