"""The write-back plan on its own (no workbook), and backends applying it: the package
backend gives the same bytes for the same plan, and a stand-in for the live-workbook
backend, written against plan.py alone, shows what the package backend wrote."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests.annotate_fixtures import build_fixture, finding, first_findings
from xlkinerja.core.finding import Finding, Severity
from xlkinerja.render.annotate import (
    REPORT_SHEET,
    Link,
    PackageBackend,
    WritebackBackend,
    WritebackPlan,
    annotate_workbook,
    apply_to_package,
    plan_writeback,
)
from xlkinerja.render.annotate.plan import FILLS, MAX_NOTE

pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")
NOW = datetime(2025, 3, 1, 9, 30, 0)
GALAT, PERINGATAN, INFO = Severity.GALAT, Severity.PERINGATAN, Severity.INFO
FILE = Path("unit.xlsx")


def plan_of(findings: list[Finding]) -> WritebackPlan:
    return plan_writeback(findings, file_name="unit.xlsx", now=NOW)


def test_the_worst_severity_gives_the_cell_its_fill():
    plan = plan_of(
        [
            finding(FILE, "Data", "B3", "a.info", INFO),
            finding(FILE, "Data", "B3", "a.galat", GALAT),
            finding(FILE, "Data", "B3", "a.peringatan", PERINGATAN),
            finding(FILE, "Data", "C4", "b.info", INFO),
            finding(FILE, "Data", "C4", "b.peringatan", PERINGATAN),
        ]
    )
    sheet = plan.sheet("Data")
    assert sheet is not None
    cells = {c.address: (c.severity, c.fill) for c in sheet.cells}
    assert cells == {"B3": (GALAT, "FFC7CE"), "C4": (PERINGATAN, "FFEB9C")}
    assert FILLS[INFO] == "DDEBF7"


def test_a_note_joins_every_finding_on_the_cell_in_order():
    first = finding(FILE, "Data", "B3", "a.peringatan", PERINGATAN)
    second = finding(FILE, "Data", "$B$3", "a.info", INFO)  # the same cell, written otherwise
    no_hint = Finding("a.tanpa_saran", INFO, "unit.xlsx", "data", "b3", None, None, None, "Pesan.")
    plan = plan_of([first, second, no_hint])
    sheet = plan.sheet("DATA")  # sheet names ignore case, as in Excel
    assert sheet is not None and sheet.name == "Data"  # the first finding's spelling
    assert [c.address for c in sheet.cells] == ["B3"]
    assert sheet.cells[0].note == (
        "[a.peringatan] Lembar Data, sel B3: pesan untuk a.peringatan.\n"
        "Saran: Perbaiki a.peringatan.\n\n"
        "[a.info] Lembar Data, sel $B$3: pesan untuk a.info.\n"
        "Saran: Perbaiki a.info.\n\n"
        "[a.tanpa_saran] Pesan."
    )


def test_cells_are_in_row_major_order_with_zero_based_positions():
    plan = plan_of(
        [
            finding(FILE, "Data", "C10", "a", INFO),
            finding(FILE, "Data", "AA2", "b", INFO),
            finding(FILE, "Data", "B2:D4", "c", INFO),  # a range: its first cell
        ]
    )
    sheet = plan.sheet("Data")
    assert sheet is not None
    assert [(c.address, c.row, c.col) for c in sheet.cells] == [
        ("B2", 1, 1),
        ("AA2", 1, 26),
        ("C10", 9, 2),
    ]


def test_a_finding_without_a_cell_is_listed_but_not_placed():
    findings = [
        finding(FILE, "Data", "B3", "a.sel", GALAT),
        finding(FILE, None, None, "b.workbook", INFO),
        finding(FILE, "Data", "ZZZZ1", "c.sel_salah", PERINGATAN),
        finding(FILE, "Data", None, "d.lembar", INFO),
        finding(FILE, "Tidak Ada", "A1", "e.lembar_asing", PERINGATAN),
    ]
    plan = plan_of(findings)
    assert [r.code for r in plan.report.rows] == [f.code for f in findings]
    assert [r.number for r in plan.report.rows] == [1, 2, 3, 4, 5]
    assert [r.code for r in plan.unplaced] == ["b.workbook", "c.sel_salah", "d.lembar"]
    data = plan.sheet("Data")
    assert data is not None and [c.address for c in data.cells] == ["B3"]
    rows = {r.code: r for r in plan.report.rows}
    assert rows["a.sel"].link == Link("Data", "B3", on_cell=True)
    assert rows["a.sel"].link.column == 4  # Sel
    assert rows["b.workbook"].link is None  # no sheet: nothing to link to
    assert (rows["b.workbook"].sheet, rows["b.workbook"].cell) == ("", "")
    assert rows["c.sel_salah"].link == Link("Data", "A1", on_cell=False)  # to the sheet
    assert rows["c.sel_salah"].link.column == 3  # Lembar
    assert rows["c.sel_salah"].cell == "ZZZZ1"  # shown as given
    # A sheet the workbook may lack is still a wish: the backend decides.
    assert plan.sheet("tidak ada") is not None and rows["e.lembar_asing"].on_a_cell


def test_a_long_note_is_capped_the_report_keeps_the_full_text():
    long = "x" * 5000
    findings = [
        Finding(f"a.{n}", GALAT, "unit.xlsx", "Data", "B3", None, None, None, long)
        for n in range(2)
    ]
    plan = plan_of(findings)
    sheet = plan.sheet("Data")
    assert sheet is not None
    note = sheet.cells[0].note
    assert len(note) == MAX_NOTE and note.endswith("x…")
    assert note.startswith("[a.0] xxx")
    assert all(r.message == long for r in plan.report.rows)


def test_the_report_rows_heading_and_tab_colour():
    cascade = Finding(
        "k.iku", PERINGATAN, "unit.xlsx", "PK", "$G$22", 22, "Target", "90", "Target berbeda.",
        hint="Samakan.", ref_file="master.xlsx", ref_sheet="IKU", ref_cell="D5",
    )  # fmt: skip
    plan = plan_of([cascade, finding(FILE, "PK", "B5", "k.info", INFO)])
    report = plan.report
    assert report.sheet == report.title == REPORT_SHEET
    assert report.heading == "Berkas unit.xlsx, diperiksa 01-03-2025 09:30:"
    assert report.summary == "2 temuan (0 galat, 1 peringatan, 1 info)."
    assert report.lines_above[1] == f"{report.heading} {report.summary}"
    assert report.tab_color == "FFC000"  # the worst severity's
    assert report.headers[3:5] == ("Lembar", "Sel")
    row = report.rows[0]
    assert row.texts() == (
        "Peringatan", "k.iku", "PK", "G22", "Target", "90", "Target berbeda.",
        "Samakan. (lihat juga: master.xlsx lembar 'IKU' sel D5)",
    )  # fmt: skip
    assert row.texts("pk")[2] == "pk"  # the workbook's spelling, when the backend has it
    assert row.fill == "FFEB9C"
    empty = plan_of([])
    assert empty.report.rows == () and empty.sheets == ()
    assert empty.report.tab_color == "70AD47"
    assert empty.report.summary == "0 temuan (0 galat, 0 peringatan, 0 info)."


def test_applying_the_same_plan_twice_gives_the_same_bytes(tmp_path: Path):
    book = build_fixture(tmp_path / "unit.xlsx")
    (tmp_path / "lagi").mkdir()
    again = Path(shutil.copy(book, tmp_path / "lagi" / "unit.xlsx"))
    plan = plan_writeback(first_findings(book), file_name=book.name, now=NOW)
    first = apply_to_package(book, plan)
    once = book.read_bytes()
    second = PackageBackend(book).apply(plan)
    assert book.read_bytes() == once
    assert (second.marked_cells, second.notes, second.unplaced) == (10, 9, 3)
    assert (first.marked_cells, first.notes, first.unplaced) == (10, 9, 3)
    assert second.restored_cells == 10 and second.removed_notes == 9
    annotate_workbook(again, first_findings(again), now=NOW)  # the same plan inside
    assert again.read_bytes() == once


@dataclass
class LiveStandIn:
    """What a live-workbook backend does, written against the plan alone: a workbook as
    sheet name → cell → (fill, note, value), user notes kept, the report as rows."""

    sheets: dict[str, dict[str, dict[str, str]]]
    user_notes: set[tuple[str, str]] = field(default_factory=set)
    report: list[list[str]] = field(default_factory=list)

    def find(self, name: str) -> str | None:
        return next((s for s in self.sheets if s.casefold() == name.casefold()), None)

    def apply(self, plan: WritebackPlan) -> Counts:
        marked = notes = 0
        for planned in plan.sheets:
            name = self.find(planned.name)
            if name is None:
                continue
            for cell in planned.cells:
                self.sheets[name].setdefault(cell.address, {})["fill"] = cell.fill
                marked += 1
                if (name, cell.address) not in self.user_notes:
                    self.sheets[name][cell.address]["note"] = cell.note
                    notes += 1
        self.report = [list(plan.report.headers)]
        for row in plan.report.rows:
            found = self.find(row.sheet) if row.sheet else None
            self.report.append([str(row.number), *row.texts(found or row.sheet)])
        placed = sum(1 for r in plan.report.rows if r.on_a_cell and self.find(r.link.sheet))
        return Counts(len(plan.report.rows), marked, notes, 0, 0, len(plan.report.rows) - placed)


@dataclass(frozen=True)
class Counts:
    findings: int
    marked_cells: int
    notes: int
    restored_cells: int
    removed_notes: int
    unplaced: int


def test_a_live_backend_needs_only_the_plan_to_show_what_the_package_shows(tmp_path: Path):
    book = build_fixture(tmp_path / "unit.xlsx")
    plan = plan_writeback(first_findings(book), file_name=book.name, now=NOW)
    sheets = ["Data", "Grafik", "Daftar", "Kosong"]
    live = LiveStandIn({name: {} for name in sheets}, user_notes={("Data", "E1")})
    backend: WritebackBackend = live
    counts = backend.apply(plan)
    result = apply_to_package(book, plan)
    assert counts == Counts(
        result.findings, result.marked_cells, result.notes, 0, 0, result.unplaced
    )
    written = openpyxl.load_workbook(book)
    for name, cells in live.sheets.items():
        for address, shown in cells.items():
            cell = written[name][address]
            assert cell.fill.fgColor.rgb == "FF" + shown["fill"], (name, address)
            if "note" in shown:
                assert cell.comment.text == f"xlkinerja:\n{shown['note']}", (name, address)
    rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_name(REPORT_SHEET).to_python()
    table = [[str(v).removesuffix(".0") for v in row[:9]] for row in rows[3:]]
    assert table == live.report
    assert [row[0] for row in rows[:3]] == list(plan.report.lines_above)
