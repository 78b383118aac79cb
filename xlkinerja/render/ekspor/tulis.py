"""An export profile's files written from the export tables: xlsx (XlsxWriter, each
sheet's rows as one block written column-wise by render/fastsheet.py, shared strings as Excel
writes them) and csv (the csv module, UTF-8 with BOM so Excel
reads the characters right).

CSV text is neutralised against formula injection: a text value beginning with = + - @,
a tab or a carriage return gets an apostrophe in front, so a spreadsheet opening the file
shows it as text and never runs it (OWASP "CSV injection"). Numbers xlkinerja formats
itself are not text and are left as they are. In an xlsx every text is written as a string
cell (never a formula), so nothing needs neutralising there.

Each file is written atomically; a file already there is kept in cadangan-xlkinerja/
unless it is an earlier export (an xlsx xlkinerja wrote) or the same bytes; a form
workbook (master, unit, SKP) is never written over.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import numpy as np

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.files.atomic import atomic_path
from xlkinerja.files.output_guard import check_report_target, keep_original, written_by_xlkinerja
from xlkinerja.kompilasi.ekspor_baris import Row
from xlkinerja.render.ekspor.profil import (
    PLACEHOLDER,
    SHEET_FORBIDDEN,
    Berkas,
    Kolom,
    Lembar,
    Profil,
    ProfilError,
)
from xlkinerja.render.fast_workbook import Workbook
from xlkinerja.render.fastsheet import BlockColumn, FastWorksheet
from xlkinerja.render.jinja_templates import folder_environment
from xlkinerja.render.rekap.table import CHARS_PER_WIDTH, wrapped_lines
from xlkinerja.render.template.writer import LINE_HEIGHT

INJECTION = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
EMPTY_SHEET = "Tanpa data"


def neutralise(text: str) -> str:
    """`text` safe in a CSV cell: an apostrophe before a leading = + - @ tab or CR."""
    return "'" + text if text.startswith(INJECTION) else text


@dataclass(frozen=True)
class Written:
    path: Path
    rows: int  # data rows written (all sheets)
    backup: Path | None = None  # what was at `path` before, kept


@dataclass(frozen=True)
class Context:
    """What every file of an export knows besides its rows."""

    instansi: str
    tahun: int | None
    now: datetime
    sumber: str  # where the data came from (a rekap's name, the archive), for the Petunjuk


def file_name(berkas: Berkas, tahun: int | None) -> str:
    return berkas.nama.replace("{tahun}", str(tahun) if tahun is not None else "tanpa-tahun")


def write_profile(
    profil: Profil,
    tables: Mapping[str, Sequence[Row]],
    output: Path,
    context: Context,
    *,
    pemisah: str | None = None,
) -> list[Written]:
    """Every file of `profil` into the folder `output`; `pemisah` replaces the profile's
    csv separator."""
    marks = {b.nama: csv_marks(b, pemisah) for b in profil.berkas if b.jenis == "csv"}
    written = []
    for berkas in profil.berkas:
        target = output / file_name(berkas, context.tahun)
        if berkas.jenis == "csv":
            sep, mark = marks[berkas.nama]
            write: Callable[[], int] = partial(_write_csv, berkas, tables, target, sep, mark)
            written.append(_guarded(target, write, context.now, xlsx=False))
        else:
            plan = _plan(berkas, tables)
            write = partial(_write_xlsx, profil, plan, target, context)
            written.append(_guarded(target, write, context.now, xlsx=True))
    return written


def _guarded(target: Path, write: Callable[[], int], now: datetime, *, xlsx: bool) -> Written:
    rows: list[int] = []

    def run() -> None:
        rows.append(write())

    if xlsx:
        check_report_target(target)
        if written_by_xlkinerja(target):
            run()
            return Written(target, rows[0])
    backup = keep_original(target, run, now)
    return Written(target, rows[0], backup)


# -- values ---------------------------------------------------------------------------------


def _number_text(value: float, kolom: Kolom, mark: str) -> str:
    if kolom.desimal is not None:
        text = f"{value:.{kolom.desimal}f}"
    elif float(value).is_integer():
        text = str(int(value))
    else:
        text = repr(float(value))
    return text.replace(".", mark) if mark != "." else text


def csv_text(value: Any, kolom: Kolom, mark: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        return _number_text(value, kolom, mark)
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


# -- csv ------------------------------------------------------------------------------------


def csv_marks(berkas: Berkas, pemisah: str | None) -> tuple[str, str]:
    """The separator (`pemisah` given, else the profile's) and the decimal mark of a csv
    file (the profile's, else "," after ";" and "." otherwise); they may not be the same."""
    sep = pemisah or berkas.pemisah
    mark = berkas.desimal or ("," if sep == ";" else ".")
    if mark == sep:
        raise XlkinerjaError(
            f"pemisah kolom dan tanda desimal sama ('{sep}') untuk {berkas.nama}.",
            code=ErrorCode.OPSI_TIDAK_SAH,
            hint="Pakai --pemisah ';' dengan desimal ',' atau pemisah ',' dengan desimal '.'.",
        )
    return sep, mark


def _write_csv(
    berkas: Berkas, tables: Mapping[str, Sequence[Row]], target: Path, sep: str, mark: str
) -> int:
    (lembar,) = berkas.lembar
    rows = tables[str(lembar.sumber)]
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
        out.write(BOM)
        writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
        writer.writerow([neutralise(k.judul) for k in lembar.kolom])
        for row in rows:
            writer.writerow([csv_text(row[k.isi], k, mark) for k in lembar.kolom])
    return len(rows)


# -- xlsx -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
    name: str
    lembar: Lembar
    rows: Sequence[Row]


def _sheet_name(text: str, taken: set[str]) -> str:
    base = SHEET_FORBIDDEN.sub("-", text).strip("'") or EMPTY_SHEET
    base = base[:31]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _plan(berkas: Berkas, tables: Mapping[str, Sequence[Row]]) -> list[_Sheet]:
    """Every sheet of the workbook, named, with its rows (one per value of `per`)."""
    sheets: list[_Sheet] = []
    taken: set[str] = set()
    for lembar in berkas.lembar:
        if lembar.templat is not None or lembar.per is None:
            rows = tables[lembar.sumber] if lembar.sumber else []
            sheets.append(_Sheet(_sheet_name(lembar.nama, taken), lembar, rows))
            continue
        groups: dict[object, list[Row]] = {}
        for row in tables[str(lembar.sumber)]:
            groups.setdefault(row[lembar.per], []).append(row)
        if not groups:
            sheets.append(_Sheet(_sheet_name(EMPTY_SHEET, taken), lembar, []))
        for rows in groups.values():
            title = PLACEHOLDER.sub(partial(_field_text, rows[0]), lembar.nama)
            sheets.append(_Sheet(_sheet_name(title, taken), lembar, rows))
    return sheets


def _field_text(row: Row, match: re.Match[str]) -> str:
    value = row.get(match[1])
    return "tanpa" if value is None else str(value)


def _width(kolom: Kolom, rows: Sequence[Row]) -> float:
    if kolom.lebar is not None:
        return kolom.lebar
    longest = max((len(str(r[kolom.isi])) for r in rows[:200] if r[kolom.isi] is not None),
                  default=0)  # fmt: skip
    return float(min(max(len(kolom.judul) + 2, longest + 2, 8), 60))


def _write_xlsx(profil: Profil, plan: list[_Sheet], target: Path, context: Context) -> int:
    total = 0
    with atomic_path(target) as tmp:
        book = Workbook(
            str(tmp),
            {
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        book.set_properties(
            {
                "title": f"{profil.nama}: {context.instansi}",
                "subject": profil.deskripsi,
                "author": "xlkinerja",
                "company": context.instansi,
                "created": context.now,
            }
        )
        formats = _Formats(book)
        for sheet in plan:
            ws = book.add_worksheet(sheet.name, worksheet_class=FastWorksheet)
            if sheet.lembar.templat is not None:
                _write_text_sheet(ws, profil, sheet.lembar, plan, context, formats)
            else:
                total += _write_rows(ws, sheet, formats)
        book.close()
    return total


class _Formats:
    def __init__(self, book: Any) -> None:
        self.book = book
        self.header = book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.title = book.add_format({"bold": True, "font_size": 13})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self._decimals: dict[int, Any] = {}

    def number(self, desimal: int | None) -> Any:
        if desimal is None:
            return None
        if desimal not in self._decimals:
            pattern = "0." + "0" * desimal if desimal else "0"
            self._decimals[desimal] = self.book.add_format({"num_format": pattern})
        return self._decimals[desimal]


def _write_rows(ws: FastWorksheet, sheet: _Sheet, formats: _Formats) -> int:
    """The header, then the rows as one block written column-wise (render/fastsheet.py)."""
    kolom = sheet.lembar.kolom
    for col, k in enumerate(kolom):
        ws.set_column(col, col, _width(k, sheet.rows))
        ws.write_string(0, col, k.judul, formats.header)
    ws.freeze_panes(1, 0)
    columns = []
    for k in kolom:
        values = np.empty(len(sheet.rows), dtype=object)
        values[:] = [row[k.isi] for row in sheet.rows]
        dated = any(isinstance(v, date) for v in values[:50])
        look = formats.date if dated else formats.number(k.desimal)
        columns.append(BlockColumn(values, look))
    ws.add_rows(1, columns)
    if kolom:
        ws.autofilter(0, 0, max(len(sheet.rows), 1), len(kolom) - 1)
    ws.set_landscape()  # printed: A4 landscape, the header on every page
    ws.set_paper(9)
    ws.repeat_rows(0)
    return len(sheet.rows)


TEXT_WIDTH = 72  # the Petunjuk column (characters): within A4 portrait


def _write_text_sheet(
    ws: Any, profil: Profil, lembar: Lembar, plan: list[_Sheet], context: Context, f: _Formats
) -> None:
    """One line of the rendered text a row, wrapped in one wide column, A4 portrait."""
    text = render_text(profil, str(lembar.templat), plan, context)
    ws.set_column(0, 0, TEXT_WIDTH)
    per_line = int(TEXT_WIDTH * CHARS_PER_WIDTH) - 2
    for r, line in enumerate(text.splitlines()):
        if not line:
            continue
        lines = wrapped_lines(line, per_line)
        if lines > 1:
            ws.set_row(r, LINE_HEIGHT * lines + 2)
        ws.write_string(r, 0, line, f.title if r == 0 else f.wrap)
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


def render_text(profil: Profil, templat: str, plan: list[_Sheet], context: Context) -> str:
    """The text a profile's jinja2 template renders (e.g. its Petunjuk sheet)."""
    sheets = [
        {
            "nama": s.name,
            "baris": len(s.rows),
            "kolom": [{"judul": k.judul, "isi": k.isi} for k in s.lembar.kolom],
        }
        for s in plan
        if s.lembar.templat is None
    ]
    try:
        template = folder_environment(profil.folder).get_template(templat)
        return template.render(
            profil={"nama": profil.nama, "deskripsi": profil.deskripsi},
            instansi=context.instansi,
            tahun=context.tahun,
            dibuat=context.now.strftime("%d/%m/%Y %H.%M"),
            sumber=context.sumber,
            lembar=sheets,
        )
    except jinja2.TemplateError as exc:
        where = getattr(exc, "lineno", None)
        place = f" baris {where}" if where else ""
        raise ProfilError(
            f"templat '{templat}'{place} tidak dapat dipakai: {exc}.",
            code=ErrorCode.PROFIL_TEMPLAT_GAGAL,
            path=profil.folder / templat,
            hint="Periksa nama nilai yang dipakai templat (lihat templates/ekspor/README.md).",
        ) from None
