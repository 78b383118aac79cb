"""The write-back plan: which cell gets which fill and note, and what "Hasil Validasi" lists.

It is computed once from the findings, with no I/O and no knowledge of any file format, so
every backend (the patch of a closed .xlsx package, a workbook open in Excel) shows the
same marks and the same report, and a backend needs nothing but this module to apply it.
All values are plain: A1 addresses, RGB hex colours, the Indonesian texts as shown.

What depends on the workbook stays a wish that the backend decides: the plan names a
sheet as the finding spells it, and the backend looks it up ignoring case (as Excel does)
and uses the workbook's own spelling. A cell on a sheet the workbook lacks, or that is no
worksheet (a chart sheet), is not marked; its report row is listed without a link.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from xlkinerja.core.address import cell_address, column_index
from xlkinerja.core.finding import Finding, Severity

# The fills we give marked cells: a re-run knows its own marks by them.
FILLS: Mapping[Severity, str] = {
    Severity.GALAT: "FFC7CE",
    Severity.PERINGATAN: "FFEB9C",
    Severity.INFO: "DDEBF7",
}
LABELS: Mapping[Severity, str] = {
    Severity.GALAT: "Galat",
    Severity.PERINGATAN: "Peringatan",
    Severity.INFO: "Info",
}
_RANK = {Severity.GALAT: 3, Severity.PERINGATAN: 2, Severity.INFO: 1}
_TAB = {Severity.GALAT: "C00000", Severity.PERINGATAN: "FFC000", Severity.INFO: "5B9BD5"}
NO_FINDINGS_TAB = "70AD47"

REPORT_SHEET = "Hasil Validasi"
HEADERS = ("No", "Tingkat", "Kode", "Lembar", "Sel", "Kolom", "Nilai", "Pesan", "Saran")
WIDTHS = (5, 11, 22, 16, 8, 16, 14, 55, 40)  # column widths in characters
EXPLANATION = (
    "Sel yang ditandai berwarna memuat catatan xlkinerja. Klik alamat di kolom Sel "
    "untuk menuju selnya. Lembar ini dibuat ulang setiap kali validasi dijalankan."
)
NO_FINDINGS = "Tidak ada temuan."

MAX_NOTE = 8000  # characters of a note; the Hasil Validasi sheet has the full text
MAX_ROW, MAX_COL = 1_048_576, 16_384  # the grid of every .xlsx workbook
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?[A-Z]{1,3}\$?\d{1,7})?$")


@dataclass(frozen=True)
class PlannedCell:
    address: str  # A1, without dollars
    row: int  # zero-based
    col: int  # zero-based
    severity: Severity  # the worst of the cell's findings
    fill: str  # RGB hex of that severity's fill
    note: str  # every finding on the cell, at most MAX_NOTE characters


@dataclass(frozen=True)
class PlannedSheet:
    name: str  # as the first finding on it spells it
    cells: tuple[PlannedCell, ...]  # in row-major order, as Excel lists notes

    def cell(self, address: str) -> PlannedCell | None:
        return next((c for c in self.cells if c.address == address), None)


@dataclass(frozen=True)
class Link:
    """Where a report row's link goes, when the workbook has the sheet as a worksheet."""

    sheet: str  # as the finding spells it
    cell: str  # the finding's cell, or A1 when the finding gives no valid cell
    on_cell: bool  # the link sits on the Sel column, else on Lembar

    @property
    def column(self) -> int:
        """Zero-based column of the report table that carries the link."""
        return HEADERS.index("Sel" if self.on_cell else "Lembar")


@dataclass(frozen=True)
class ReportRow:
    number: int  # the No column, from 1
    severity: Severity
    fill: str  # RGB hex of the Tingkat cell
    level: str  # Tingkat
    code: str  # Kode
    sheet: str  # Lembar as the finding spells it ("" when none)
    cell: str  # Sel: A1 without dollars when valid, else as given ("" when none)
    field: str  # Kolom
    value: str  # Nilai
    message: str  # Pesan
    hint: str  # Saran, with the other end of a cascade finding
    link: Link | None  # None: the finding names no sheet

    @property
    def on_a_cell(self) -> bool:
        """The plan puts this finding on a cell (the workbook may still lack the sheet)."""
        return self.link is not None and self.link.on_cell

    def texts(self, sheet: str | None = None) -> tuple[str, ...]:
        """The columns after No, with `sheet` (the workbook's spelling) for Lembar."""
        lembar = self.sheet if sheet is None else sheet
        return (
            self.level,
            self.code,
            lembar,
            self.cell,
            self.field,
            self.value,
            self.message,
            self.hint,
        )


@dataclass(frozen=True)
class ReportPlan:
    heading: str  # "Berkas …, diperiksa dd-mm-YYYY HH:MM:"
    summary: str  # "n temuan (g galat, p peringatan, i info)."
    tab_color: str  # RGB hex: the worst severity's, green without findings
    rows: tuple[ReportRow, ...]
    sheet: str = REPORT_SHEET
    title: str = REPORT_SHEET
    explanation: str = EXPLANATION
    empty: str = NO_FINDINGS  # the one line under the headers when there is no finding
    headers: tuple[str, ...] = HEADERS
    widths: tuple[int, ...] = WIDTHS

    @property
    def lines_above(self) -> tuple[str, str, str]:
        """The three lines above the table (A1:A3)."""
        return self.title, f"{self.heading} {self.summary}", self.explanation


@dataclass(frozen=True)
class WritebackPlan:
    file_name: str
    checked_at: datetime
    sheets: tuple[PlannedSheet, ...]  # in the order the findings first name them
    report: ReportPlan

    def sheet(self, name: str) -> PlannedSheet | None:
        """The planned sheet of that name, ignoring case as Excel does."""
        wanted = name.casefold()
        return next((s for s in self.sheets if s.name.casefold() == wanted), None)

    @property
    def unplaced(self) -> tuple[ReportRow, ...]:
        """Findings with no sheet or no valid cell: listed on the report only."""
        return tuple(row for row in self.report.rows if not row.on_a_cell)


def parse_cell(text: str | None) -> tuple[int, int] | None:
    """A1 (or the first cell of A1:B2) → zero-based (row, col); None when not a cell."""
    match = _CELL.match((text or "").strip().upper())
    if not match:
        return None
    row, col = int(match[2]) - 1, column_index(match[1])
    return (row, col) if 0 <= row < MAX_ROW and 0 <= col < MAX_COL else None


def note_text(findings: Sequence[Finding]) -> str:
    blocks = []
    for finding in findings:
        text = f"[{finding.code}] {finding.message}"
        if finding.hint:
            text += f"\nSaran: {finding.hint}"
        blocks.append(text)
    text = "\n\n".join(blocks)
    return text if len(text) <= MAX_NOTE else text[: MAX_NOTE - 1] + "…"


def plan_writeback(findings: Sequence[Finding], *, file_name: str, now: datetime) -> WritebackPlan:
    """The plan for one workbook's findings (in the order the report lists them)."""
    rows: list[ReportRow] = []
    spelling: dict[str, str] = {}  # casefolded sheet name → the first finding's spelling
    on_cells: dict[str, dict[tuple[int, int], list[Finding]]] = {}
    for number, finding in enumerate(findings, start=1):
        pos = parse_cell(finding.cell)
        rows.append(_row(number, finding, pos))
        if finding.sheet and pos is not None:
            key = finding.sheet.casefold()
            spelling.setdefault(key, finding.sheet)
            on_cells.setdefault(key, {}).setdefault(pos, []).append(finding)
    sheets = tuple(
        PlannedSheet(spelling[key], tuple(_cell(pos, found) for pos, found in sorted(by.items())))
        for key, by in on_cells.items()
    )
    worst = next((s for s in LABELS if any(f.severity is s for f in findings)), None)
    report = ReportPlan(
        heading=f"Berkas {file_name}, diperiksa {now:%d-%m-%Y %H:%M}:",
        summary=_summary(findings),
        tab_color=_TAB[worst] if worst else NO_FINDINGS_TAB,
        rows=tuple(rows),
    )
    return WritebackPlan(file_name, now, sheets, report)


def _cell(pos: tuple[int, int], findings: Sequence[Finding]) -> PlannedCell:
    worst = max(findings, key=lambda f: _RANK[f.severity]).severity
    return PlannedCell(cell_address(*pos), *pos, worst, FILLS[worst], note_text(findings))


def _row(number: int, finding: Finding, pos: tuple[int, int] | None) -> ReportRow:
    cell = cell_address(*pos) if pos else finding.cell
    link = None
    if finding.sheet:
        link = Link(finding.sheet, cell_address(*pos) if pos else "A1", on_cell=pos is not None)
    return ReportRow(
        number=number,
        severity=finding.severity,
        fill=FILLS[finding.severity],
        level=LABELS[finding.severity],
        code=finding.code,
        sheet=finding.sheet or "",
        cell=cell or "",
        field=finding.field or "",
        value=finding.value or "",
        message=finding.message,
        hint=_hint(finding),
        link=link,
    )


def _summary(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(f"{counts[s]} {LABELS[s].lower()}" for s in LABELS)
    return f"{len(findings)} temuan ({parts})."


def _hint(finding: Finding) -> str:
    hint = finding.hint
    if finding.ref_sheet or finding.ref_cell or finding.ref_file:
        other = " ".join(
            p
            for p in (
                finding.ref_file or "",
                f"lembar '{finding.ref_sheet}'" if finding.ref_sheet else "",
                f"sel {finding.ref_cell}" if finding.ref_cell else "",
            )
            if p
        )
        hint = f"{hint} (lihat juga: {other})".strip()
    return hint
