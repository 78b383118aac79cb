"""The compiled workbook's shared strings (xlkinerja/render/shared_strings.py): XlsxWriter's
bytes for every text, written in one pass — and a user's `<r>…</r>` text stays text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import xlsxwriter
from python_calamine import CalamineWorkbook

from tests.fault_tools import HOSTILE
from xlkinerja.render.fast_workbook import Workbook

TEXTS = [
    *HOSTILE,
    "",
    " spasi di depan",
    "spasi di belakang ",
    "\tdiawali tab",
    "diakhiri baris baru\n",
    "\u00a0tak terputus",
    "kontrol \x00\x01\x08\x0b\x0c\x1c\x1f",
    "_x0041_ sudah tampak seperti escape, _X00a0_ juga",
    "bukan karakter \ufffe",
    "A & B < C > D \"kutip\" 'apostrof'",
    "Persentase lulusan yang bekerja ≤ 6 bulan",
]


def _sst(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/sharedStrings.xml")


def _write(workbook_class: type, path: Path, texts: list[str]) -> None:
    wb = workbook_class(str(path))
    ws = wb.add_worksheet("Rekap")
    for row, text in enumerate(texts):
        ws.write_string(row, 0, text)
    wb.close()


def test_the_table_is_xlsxwriters_byte_for_byte(tmp_path: Path):
    _write(xlsxwriter.Workbook, tmp_path / "xlsxwriter.xlsx", TEXTS)
    _write(Workbook, tmp_path / "fast.xlsx", TEXTS)
    assert _sst(tmp_path / "fast.xlsx") == _sst(tmp_path / "xlsxwriter.xlsx")


def test_a_text_holding_the_separator_is_written_by_xlsxwriter(tmp_path: Path):
    texts = ["sebelum", "pemisah \uffff di tengah", "sesudah"]
    _write(xlsxwriter.Workbook, tmp_path / "xlsxwriter.xlsx", texts)
    _write(Workbook, tmp_path / "fast.xlsx", texts)
    assert _sst(tmp_path / "fast.xlsx") == _sst(tmp_path / "xlsxwriter.xlsx")
    assert b"_xFFFF_" in _sst(tmp_path / "fast.xlsx")


def test_a_users_rich_string_markup_stays_text(tmp_path: Path):
    markup = "<r><rPr><b/></rPr><t>tebal</t></r>"
    _write(Workbook, tmp_path / "fast.xlsx", [markup, "biasa"])
    sst = _sst(tmp_path / "fast.xlsx")
    assert b"&lt;r&gt;" in sst and b"<r>" not in sst
    rows = CalamineWorkbook.from_path(str(tmp_path / "fast.xlsx")).get_sheet_by_name("Rekap")
    assert [r[0] for r in rows.to_python()] == [markup, "biasa"]


def test_the_tree_workbook_keeps_a_users_markup_as_text(tmp_path: Path):
    from xlkinerja.cascade.tree import CascadeNode, CascadeTree, Level
    from xlkinerja.render.pohon.sheet import write_tree_workbook

    markup = "<r><t>IKU palsu</t></r>"
    tree = CascadeTree("Politeknik <r>x</r>", 2025)
    tree.roots.append(CascadeNode(Level.IKU, "IKU-1", markup, "Institusi"))
    path = tmp_path / "pohon.xlsx"
    write_tree_workbook(tree, path)
    assert b"<r>" not in _sst(path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert markup in [cell for row in rows for cell in row]


def test_every_xlsxwriter_workbook_of_the_package_writes_strings_as_text():
    # A workbook made by XlsxWriter's own class would write a user's `<r>…</r>` raw.
    package = Path(__file__).resolve().parent.parent / "xlkinerja"
    direct = [
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "xlsxwriter.Workbook(" in p.read_text(encoding="utf-8")
    ]
    assert direct == []
