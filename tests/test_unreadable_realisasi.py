"""A realisasi that cannot be read is unknown, never blank and never 0 (issue 10, point 2).

The sample's TI workbook is edited as Excel stores a cell: IKK-TI-3 (kumulatif, satuan
orang; TW I 0, TW II 64, TW III 78 against the cumulative targets 0, 60, 140) gets its TW II
realisasi (Capaian!D14) replaced by a typed "1.050" (a shared string), an inline "sekitar
80", a #DIV/0! cached by a formula, or a #N/A typed as a value. Read as blank, TW II would
say "belum diisi" and TW III would come out as 78 / 140 = 55,7 % — merah, with a false
capaian.kendala.wajib. It must be unknown in TW II and TW III, wherever it shows.
"""

from __future__ import annotations

import math
import shutil
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import SAMPLE
from tests.excel_cells import cell_xml, set_cell
from xlkinerja.cascade.build_tree import build_tree
from xlkinerja.cascade.index import build_index
from xlkinerja.core.normal import Unreadable
from xlkinerja.domain.konsolidasi import capaian_triwulan, konsolidasi
from xlkinerja.jobs.hitung import rows_of
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.pohon import cascade_tree
from xlkinerja.jobs.validasi import validate_paths
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, SKP_FORM, UNIT
from xlkinerja.validation.capaian_rows import capaian_per_ikk, latest
from xlkinerja.validation.normalise import normalise_form

TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
CELL = "D14"  # Capaian: IKK-TI-3, TW II
ROW_TW3 = 15  # Capaian: IKK-TI-3, TW III

KINDS = {
    "ambigu": ("shared", "1.050", "capaian.realisasi.angka_ambigu"),
    "teks": ("inline", "sekitar 80", "capaian.realisasi.bukan_angka"),
    "rumus": ("formula:64/0", "#DIV/0!", "capaian.realisasi.galat_rumus"),
    "galat": ("error", "#N/A", "capaian.realisasi.galat_rumus"),
}


def _edited(folder: Path, name: str) -> Path:
    kind, text, _ = KINDS[name]
    return set_cell(TI, folder / TI.name, "Capaian", CELL, kind, text)


@pytest.fixture(params=list(KINDS))
def edited(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    return request.param, _edited(tmp_path / "kiriman", request.param)


def _form(path: Path):  # type: ignore[no-untyped-def]
    return normalise_form(read_form(path, UNIT))


def test_the_cell_is_stored_as_excel_stores_it(edited: tuple[str, Path]):
    name, path = edited
    xml = cell_xml(path, "Capaian", CELL)
    expected = {"ambigu": 't="s"', "teks": 't="inlineStr"', "rumus": "<f>", "galat": 't="e"'}
    assert expected[name] in xml and 's="17"' in xml  # the cell keeps its style


def test_capaian_is_unknown_in_that_quarter_and_every_later_one(edited: tuple[str, Path]):
    name, path = edited
    form, findings = _form(path)
    assert [f.code for f in findings if f.cell == CELL] == [KINDS[name][2]]
    rows = capaian_per_ikk(form)["IKK-TI-3"]
    assert [r.tw for r in rows] == [1, 2, 3]
    for row in rows[1:]:
        assert row.hasil.nilai is None and row.hasil.tak_terbaca == ("TW II",)
        assert "realisasi TW II tidak dapat dibaca" in (row.hasil.alasan or "")
        assert f"Capaian!{CELL}" in (row.hasil.alasan or "")
        assert "belum diisi" not in (row.hasil.alasan or "")
    assert latest(rows) is rows[-1]  # no older capaian shown as the latest
    # The other IKK are untouched.
    assert capaian_per_ikk(form)["IKK-TI-1"][-1].hasil.nilai == pytest.approx(66 / 70 * 100)


def test_no_finding_is_built_on_the_unknown_capaian(tmp_path: Path):
    path = _edited(tmp_path, "ambigu")
    findings = validate_paths([path], workers=1).findings
    assert not [f for f in findings if f.code.startswith("capaian.kendala")]
    assert [f.code for f in findings if f.cell == CELL] == ["capaian.realisasi.angka_ambigu"]


def test_hitung_capaian_shows_it_as_unknown(tmp_path: Path):
    path = _edited(tmp_path, "teks")
    master = normalise_form(read_form(SAMPLE / MASTER_FILE, MASTER))[0]
    rows = {r.row: r for r in rows_of(_form(path)[0], master)}
    for row in (ROW_TW3 - 1, ROW_TW3):
        assert rows[row].capaian is None and rows[row].predikat is None
        assert "tidak dapat dibaca" in rows[row].keterangan
        assert "'sekitar 80'" in rows[row].keterangan


def test_the_tree_shows_no_colour_for_it_nor_for_its_iku(tmp_path: Path):
    path = _edited(tmp_path, "galat")
    tree, _ = cascade_tree([path], SAMPLE / MASTER_FILE)
    nodes = {node.code: node for _, node in tree.walk()}
    ikk, iku = nodes["IKK-TI-3"], nodes["IKU-3"]
    assert ikk.capaian is None and ikk.status is None and ikk.tak_terbaca
    assert iku.capaian is None and iku.status is None and iku.tak_terbaca
    assert nodes["IKK-TI-1"].capaian == pytest.approx(66 / 70 * 100)  # others keep theirs


@pytest.fixture
def compiled(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "master-*", "TI-*"))
    _edited(folder, "ambigu")
    return compile_workbooks(
        workbook_files([folder], master=SAMPLE / MASTER_FILE),
        output=tmp_path / "rekap.xlsx",
        record=False,
        workers=1,
        now=datetime(2025, 10, 10, 9, 0),
    )


def test_the_rekap_says_it_could_not_be_read_and_colours_nothing(compiled, tmp_path: Path):  # type: ignore[no-untyped-def]
    k = compiled.kompilasi
    ikk = k.capaian_ikk[k.capaian_ikk["kode_ikk"] == "IKK-TI-3"].set_index("tw")
    for tw in (2, 3):
        assert math.isnan(ikk.loc[tw, "capaian"]) and math.isnan(ikk.loc[tw, "realisasi"])
        assert ikk.loc[tw, "status"] is None or ikk.loc[tw, "status"] != ikk.loc[tw, "status"]
        assert "tidak dapat dibaca (sel Capaian!D14 berisi '1.050')" in ikk.loc[tw, "alasan"]
    iku = k.capaian_iku[k.capaian_iku["kode_iku"] == "IKU-3"].set_index("tw")
    assert not math.isnan(iku.loc[1, "capaian"])
    assert math.isnan(iku.loc[2, "capaian"]) and math.isnan(iku.loc[3, "capaian"])
    unit = k.capaian_unit[k.capaian_unit["kode_unit"] == "TI"].set_index("tw")
    assert math.isnan(unit.loc[3, "capaian"]) and not math.isnan(unit.loc[1, "capaian"])
    nodes = {node.code: node for _, node in k.pohon.walk()}
    assert nodes["IKK-TI-3"].capaian is None and nodes["IKK-TI-3"].tak_terbaca
    assert nodes["IKU-3"].capaian is None and nodes["IKU-3"].status is None
    # The written sheet: blank capaian, no status, the note naming the cell.
    ws = openpyxl.load_workbook(tmp_path / "rekap.xlsx")["Rekap Capaian"]
    lines = [
        [c.value for c in row]
        for row in ws.iter_rows()
        if row[2].value == "IKK-TI-3" and row[4].value in ("TW II", "TW III")
    ]
    assert len(lines) == 2
    for line in lines:
        assert line[6] is None and line[7] is None and not line[8] and not line[9]
        assert "tidak dapat dibaca" in line[10] and "Capaian!D14" in line[10]
        assert "belum diisi" not in line[10]


# --- the domain: how each konsolidasi treats an unreadable quarter --------------------

UNREAD = Unreadable("Capaian", "D9", "'sekitar 80'")


@pytest.mark.parametrize(
    ("cara", "sampai", "expected"),
    [
        ("kumulatif", 2, None),
        ("kumulatif", 4, None),  # every later quarter too
        ("rata-rata", 3, None),
        ("terakhir", 2, None),  # the last filled quarter itself
        ("terakhir", 3, 30.0),  # an earlier quarter does not count for terakhir
    ],
)
def test_konsolidasi_never_skips_an_unreadable_quarter(cara: str, sampai: int, expected):  # type: ignore[no-untyped-def]
    result = konsolidasi([10, UNREAD, 30, 40], cara, sampai_tw=sampai)
    assert result.nilai == expected
    if expected is None:
        assert result.tak_terbaca == ("TW II",)
        assert (
            result.alasan
            == "realisasi TW II tidak dapat dibaca (sel Capaian!D9 berisi 'sekitar 80')"
        )


def test_an_unreadable_quarter_is_not_a_blank_one_nor_zero():
    blank = capaian_triwulan([10, None, 30], [10, 20, 60], 3, "kumulatif")
    zero = capaian_triwulan([10, 0, 30], [10, 20, 60], 3, "kumulatif")
    unread = capaian_triwulan([10, UNREAD, 30], [10, 20, 60], 3, "kumulatif")
    assert blank.nilai == zero.nilai == pytest.approx(40 / 60 * 100)  # both "known"
    assert unread.nilai is None and unread.realisasi is None and unread.tak_terbaca


def test_an_unreadable_target_is_said_so():
    result = capaian_triwulan([10, 20], [10, Unreadable("Rencana Aksi", "D7", "#REF!")], 2)
    assert result.nilai is None and result.tak_terbaca == ("TW II",)
    assert result.alasan == "target TW II tidak dapat dibaca (sel Rencana Aksi!D7 berisi #REF!)"


def test_a_cell_of_spaces_is_blank_not_unreadable(tmp_path: Path):
    path = set_cell(TI, tmp_path / TI.name, "Capaian", CELL, "inline", "   ")
    form, _ = _form(path)
    rows = capaian_per_ikk(form)["IKK-TI-3"]
    assert rows[1].hasil.alasan == "realisasi TW II belum diisi" and not rows[1].hasil.tak_terbaca
    assert rows[2].hasil.nilai == pytest.approx(78 / 140 * 100)  # blank quarters are skipped


def test_the_summary_gives_no_institution_mean_over_an_unknown_iku(compiled, tmp_path: Path):  # type: ignore[no-untyped-def]
    k = compiled.kompilasi
    iku = k.capaian_iku[k.capaian_iku["kode_iku"] == "IKU-3"].set_index("tw")
    assert iku.loc[3, "keterangan"] == (
        "tidak dihitung: IKK-TI-3 (realisasi TW II tidak dapat dibaca (sel Capaian!D14 "
        "berisi '1.050'))"
    )
    assert iku.loc[1, "keterangan"] is None or iku.loc[1, "keterangan"] != iku.loc[1, "keterangan"]
    ws = openpyxl.load_workbook(tmp_path / "rekap.xlsx")["Ringkasan"]
    cells = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
    mean = next(a for a, v in cells.items() if str(v).startswith("Rata-rata capaian IKU TW III"))
    row = int(mean[1:])
    assert ws.cell(row, 3).value is None
    assert "tidak dihitung" in str(ws.cell(row, 4).value)
    assert any(
        str(v).startswith("Capaian TW III tidak diketahui") and "IKU-3" in str(v)
        for v in cells.values()
    )


# --- an anggaran amount that cannot be read: no total pretends to include it ----------


def test_an_unreadable_anggaran_leaves_its_totals_blank_and_says_why(tmp_path: Path):
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "master-*", "TI-*"))
    set_cell(TI, folder / TI.name, "PK", "B67", "shared", "tiga ratus juta")
    rekap = tmp_path / "rekap.xlsx"
    compile_workbooks(workbook_files([folder], master=SAMPLE / MASTER_FILE), output=rekap, record=False, workers=1, now=datetime(2025, 10, 10))  # fmt: skip
    ws = openpyxl.load_workbook(rekap)["Rekap PK"]
    header = next(r[0].row for r in ws.iter_rows() if r[2].value == "Anggaran (Rp)")
    assert ws.cell(header, 4).value == "Keterangan"
    block = [[c.value for c in r[:4]] for r in ws.iter_rows(min_row=header + 1)]
    ti = next(i for i, r in enumerate(block) if r[0] == "TI")
    assert block[ti][2] is None and "tidak dapat dibaca" in block[ti][3]
    assert block[ti + 1][2] == 2_150_000_000 and block[ti + 1][3] is None
    assert block[ti + 2][2] is None
    assert (
        block[ti + 2][3] == "Anggaran (Rp) tidak dapat dibaca (sel PK!B67 berisi 'tiga ratus juta')"
    )
    assert block[-1][1] == "Jumlah anggaran seluruh unit"
    assert block[-1][2] is None and "tidak dapat dibaca" in block[-1][3]
    tm = next(r for r in block if r[0] == "TM")
    assert tm[2] == 2_515_000_000 and tm[3] is None  # other units keep their totals


# --- a Rencana Aksi target that cannot be read ----------------------------------------


def test_an_unreadable_ra_target_is_said_so_and_rolls_up_nowhere(tmp_path: Path):
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "master-*", "TI-*"))
    # IKK-TI-3 TW II target (Rencana Aksi!D15): a formula whose cached result is #REF!
    set_cell(TI, folder / TI.name, "Rencana Aksi", "D15", "formula:#REF!+1", "#REF!")
    rekap = tmp_path / "rekap.xlsx"
    result = compile_workbooks(workbook_files([folder], master=SAMPLE / MASTER_FILE), output=rekap, record=False, workers=1, now=datetime(2025, 10, 10))  # fmt: skip
    k = result.kompilasi
    ikk = k.capaian_ikk[k.capaian_ikk["kode_ikk"] == "IKK-TI-3"].set_index("tw")
    assert math.isnan(ikk.loc[2, "capaian"])
    assert (
        ikk.loc[2, "alasan"]
        == "target TW II tidak dapat dibaca (sel Rencana Aksi!D15 berisi #REF!)"
    )
    assert ikk.loc[3, "capaian"] == pytest.approx(142 / 140 * 100)  # TW III has its own target
    iku = k.rekap_ra_iku.set_index("kode_iku")
    assert math.isnan(iku.loc["IKU-3", "tw2"]) and iku.loc["IKU-3", "tw3"] == 270
    assert iku.loc["IKU-3", "cara_agregasi"] == (
        "jumlah target IKK (satuan sama: orang); tidak dihitung "
        "TW II: target IKK ada yang tidak dapat dibaca"
    )
    ws = openpyxl.load_workbook(rekap)["Rekap Rencana Aksi"]
    line = next([c.value for c in r] for r in ws.iter_rows() if r[0].value == "IKK-TI-3")
    assert line[5] is None  # TW II
    assert line[-1] == "Target TW II tidak dapat dibaca (sel Rencana Aksi!D15 berisi #REF!)"


def test_an_unreadable_skp_realisasi_gives_its_rhk_no_capaian(tmp_path: Path):
    source = SAMPLE / "skp-TI-budi-santoso.xlsx"  # RHK-2: IKI-2.1, target 150, kumulatif
    path = set_cell(source, tmp_path / source.name, "Realisasi", "C10", "shared", "1.050")
    master = normalise_form(read_form(SAMPLE / MASTER_FILE, MASTER))[0]
    unit = _form(TI)[0]

    def rhk2(skp: Path):  # type: ignore[no-untyped-def]
        skp_form = normalise_form(read_form(skp, SKP_FORM))[0]
        tree = build_tree(build_index(master, [unit, skp_form]))
        return next(
            n for _, n in tree.walk() if n.code == "RHK-2" and n.owner.startswith("Budi Santoso")
        )

    # Before TW IV an RHK's yearly target is not reached by design: its realisasi so far
    # is shown, not a capaian (20 + 55 + 29 of 150 orang).
    read = rhk2(source)
    assert read.capaian is None and read.catatan == "realisasi 104 orang s.d. TW III"
    node = rhk2(path)
    assert node.capaian is None and node.tak_terbaca and node.status is None


def test_an_unreadable_pk_target_is_named_in_the_rekap_pk_and_feeds_no_beban_check(
    tmp_path: Path,
):
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "TI-*"))
    set_cell(TI, folder / TI.name, "PK", "G25", "shared", "2OO")  # IKK-TI-3, letter O
    rekap = tmp_path / "rekap.xlsx"
    result = compile_workbooks(workbook_files([folder], master=folder / MASTER_FILE), output=rekap, record=False, workers=1, now=datetime(2025, 10, 10))  # fmt: skip
    codes = {f.code for f in result.kompilasi.temuan if f.file.endswith(TI.name)}
    assert "pk.target.bukan_angka" in codes
    assert not [f for f in result.kompilasi.temuan if f.code == "kaskade.beban.jumlah_tidak_sama"]
    ws = openpyxl.load_workbook(rekap)["Rekap PK"]
    header = [c.value for c in ws[4]]
    line = next([c.value for c in r] for r in ws.iter_rows() if r[0].value == "IKK-TI-3")
    assert line[header.index("Target")] is None
    assert line[header.index("Catatan")] == "Target tidak dapat dibaca (sel PK!G25 berisi '2OO')"


@pytest.mark.parametrize("name", ["rumus", "galat"])
def test_hitung_capaian_on_the_open_workbook_shows_an_error_cell_as_unknown(
    name: str, tmp_path: Path
):
    """The add-in's button, with the workbook as xlwings' VBA client sends it (errors as
    their text, e.g. "#DIV/0!"), the same way the server receives it."""
    import xlwings as xw

    from tests.vba_payload import payload
    from xlkinerja.excel import ActionContext, Mode, run_action

    path = _edited(tmp_path, name)
    book = xw.Book(json=payload(path))
    context = ActionContext(
        mode=Mode.SERVER, master=SAMPLE / MASTER_FILE, now=datetime(2025, 10, 1)
    )
    result = run_action("hitung_capaian", book, context)
    assert result is not None
    write = book.json()["actions"][0]
    _, first_row, _, block = write["args"][1:]
    lines = block.split("\n")
    for row in (ROW_TW3 - 1, ROW_TW3):
        capaian, predikat, keterangan = lines[row - first_row].split("\t")
        assert capaian in ("", "t:") and predikat in ("", "t:")
        assert "tidak dapat dibaca" in keterangan and f"Capaian!{CELL}" in keterangan
        assert KINDS[name][1] in keterangan


@pytest.mark.libreoffice
def test_the_same_cells_saved_again_by_libreoffice_stay_unknown(tmp_path: Path):
    """LibreOffice opens the edited workbooks and saves them as .xlsx itself (its own
    shared strings, styles renumbered, the formula recalculated): still unknown."""
    from tests import lo
    from tests.bad_files import part

    sources = [_edited(tmp_path / name, name) for name in ("ambigu", "rumus")]
    for name, source in zip(("ambigu", "rumus"), sources, strict=True):
        renamed = source.with_name(f"{name}-{source.name}")
        source.rename(renamed)
        saved = lo.convert(
            [renamed], "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo" / name, tmp_path / "profil"
        )[0]
        assert b"<Application>LibreOffice" in part(saved, "docProps/app.xml")
        form, findings = _form(saved)
        assert [f.code for f in findings if f.cell == CELL] == [KINDS[name][2]]
        rows = capaian_per_ikk(form)["IKK-TI-3"]
        assert rows[0].hasil.tw_kosong == () and rows[0].hasil.realisasi == 0
        for row in rows[1:]:
            assert row.hasil.nilai is None and row.hasil.tak_terbaca == ("TW II",)
            assert f"Capaian!{CELL} berisi" in (row.hasil.alasan or "")
