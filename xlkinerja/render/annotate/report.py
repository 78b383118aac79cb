"""The "Hasil Validasi" sheet as package XML: the plan's report, with links and formats.

What the sheet says comes from the plan (plan.py); this module lays it out as a worksheet
part. Strings are inline (t="inlineStr") so sharedStrings.xml stays as it was. Hidden
columns K:Q hold the record of the marks (see record.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from xlkinerja.core.address import column_letters
from xlkinerja.core.finding import Severity
from xlkinerja.files.ooxml.xmltext import MAIN_NS, REL_NS, XML_HEADER, escape_attr, escape_text
from xlkinerja.render.annotate.plan import ReportPlan, ReportRow
from xlkinerja.render.annotate.record import FIRST_COL, HEADER_ROW, NUMBERS, Mark, record_header
from xlkinerja.render.annotate.styles import StyleSheet

LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_TEXT = 32000  # Excel keeps at most 32767 characters in a cell


@dataclass(frozen=True)
class ReportLine:
    """A plan's report row as this workbook shows it."""

    row: ReportRow
    sheet: str  # the sheet's name as the workbook spells it (as the finding does if absent)
    link: str | None  # the cell the link goes to on `sheet`; None: no such worksheet here


@dataclass(frozen=True)
class Formats:
    title: int
    note: int
    header: int
    text: int
    link: int
    severity: Mapping[Severity, int]

    @classmethod
    def add_to(cls, styles: StyleSheet, fills: Mapping[Severity, str]) -> Formats:
        border = styles.thin_border()
        text = styles.cell_format(border=border, wrap=True)
        severity = {
            level: styles.cell_format(
                border=border, fill=styles.ensure("fills", styles.solid_fill(rgb)), wrap=True
            )
            for level, rgb in fills.items()
        }
        return cls(
            title=styles.cell_format(font=styles.font(bold=True, size=14, rgb="1F4E78")),
            note=styles.cell_format(font=styles.font(italic=True, rgb="404040"), vertical="top"),
            header=styles.cell_format(
                font=styles.font(bold=True, rgb="FFFFFF"),
                fill=styles.ensure("fills", styles.solid_fill("1F4E78")),
                border=border,
                wrap=True,
                vertical="center",
            ),
            text=text,
            link=styles.cell_format(
                font=styles.font(underline=True, rgb="0563C1"), border=border, wrap=True
            ),
            severity=severity,
        )


def _inline(ref: str, style: int | None, text: str) -> str:
    text = text[:MAX_TEXT]
    space = ' xml:space="preserve"' if text != text.strip() else ""
    style_attr = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{style_attr} t="inlineStr"><is><t{space}>{escape_text(text)}</t></is></c>'


def _number(ref: str, number: int, style: int | None = None) -> str:
    style_attr = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{style_attr}><v>{number}</v></c>'


def _height_attrs(height: float | None) -> str:
    return f' ht="{height:g}" customHeight="1"' if height and height > LINE_HEIGHT else ""


def _location(sheet: str, cell: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + cell


def report_xml(
    report: ReportPlan, lines: Sequence[ReportLine], marks: Sequence[Mark], formats: Formats
) -> str:
    rows: dict[int, list[str]] = {}
    heights: dict[int, float] = {}
    links: list[str] = []
    title, checked, explanation = report.lines_above
    rows[0] = [_inline("A1", formats.title, title)]
    rows[1] = [_inline("A2", formats.note, checked)]
    rows[2] = [_inline("A3", formats.note, explanation)]
    rows[HEADER_ROW] = [
        _inline(f"{column_letters(i)}{HEADER_ROW + 1}", formats.header, h)
        for i, h in enumerate(report.headers)
    ]
    first = HEADER_ROW + 1
    if not lines:
        rows[first] = [_inline(f"A{first + 1}", formats.note, report.empty)]
    for line in lines:
        planned, row = line.row, first + line.row.number
        values = planned.texts(line.sheet)
        cells = [_number(f"A{row}", planned.number, formats.text)]
        for col, value in enumerate(values, start=1):
            style = formats.text
            if col == 1:
                style = formats.severity[planned.severity]
            elif line.link and planned.link and col == planned.link.column:
                style = formats.link
                target = _location(line.sheet, line.link)
                ref = f"{column_letters(col)}{row}"
                display = escape_attr(value)
                links.append(
                    f'<hyperlink ref="{ref}" location="{escape_attr(target)}" display="{display}"/>'
                )
            cells.append(_inline(f"{column_letters(col)}{row}", style, value))
        rows[row - 1] = cells
        heights[row - 1] = _height(values, report.widths[1:])
    _add_record(rows, marks)
    return _sheet(rows, heights, links, report)


def _add_record(rows: dict[int, list[str]], marks: Sequence[Mark]) -> None:
    for i in range(NUMBERS + 1):
        ref = f"{column_letters(FIRST_COL + i)}{HEADER_ROW + 1}"
        rows[HEADER_ROW].append(_inline(ref, None, record_header(i)))
    for offset, mark in enumerate(marks):
        row = HEADER_ROW + 1 + offset
        cells = rows.setdefault(row, [])
        cells.extend(
            _number(f"{column_letters(FIRST_COL + i)}{row + 1}", value)
            for i, value in enumerate(mark.values())
        )
        if mark.fill is not None:
            ref = f"{column_letters(FIRST_COL + NUMBERS)}{row + 1}"
            cells.append(_inline(ref, None, mark.fill))


def _height(values: Sequence[str], widths: Sequence[int]) -> float:
    """Row height for wrapped text: neither Excel nor LibreOffice fits it on opening."""
    lines = 1
    for text, width in zip(values, widths, strict=True):
        per_line = max(width * 1.05 - 1, 1)
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        lines = max(lines, count)
    return min(lines, 27) * LINE_HEIGHT


def _sheet(
    rows: Mapping[int, list[str]],
    heights: Mapping[int, float],
    links: list[str],
    report: ReportPlan,
) -> str:
    tab = f'<tabColor rgb="FF{report.tab_color}"/>'
    last_row = max(rows) + 1
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(report.widths, start=1)
    )
    cols += (
        f'<col min="{FIRST_COL + 1}" max="{FIRST_COL + NUMBERS + 1}" width="9" hidden="1" '
        'customWidth="1"/>'
    )
    data = "".join(
        f'<row r="{r + 1}"{_height_attrs(heights.get(r))}>{"".join(rows[r])}</row>'
        for r in sorted(rows)
    )
    top = f"A{HEADER_ROW + 2}"
    view = (
        f'<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="{HEADER_ROW + 1}" '
        f'topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
        f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView>'
    )
    hyperlinks = f"<hyperlinks>{''.join(links)}</hyperlinks>" if links else ""
    return (
        f'{XML_HEADER}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<sheetPr>{tab}<pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{column_letters(FIRST_COL + NUMBERS)}{last_row}"/>'
        f"<sheetViews>{view}</sheetViews>"
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols>'
        f"<sheetData>{data}</sheetData>{hyperlinks}"
        '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        "<headerFooter><oddFooter>&amp;L&amp;8&amp;A&amp;R&amp;8Halaman &amp;P dari &amp;N"
        "</oddFooter></headerFooter></worksheet>"
    )
