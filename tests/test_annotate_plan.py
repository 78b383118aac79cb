"""The write-back plan on its own: no workbook, no file format; tests assert on its cells,
fills, notes and report rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.annotate_fixtures import finding
from xlkinerja.core.finding import Finding, Severity
from xlkinerja.io.annotate.plan import (
    FILLS,
    MAX_NOTE,
    REPORT_SHEET,
    Link,
    WritebackPlan,
    plan_writeback,
)

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
