"""House formats of the compiled workbook: made once per workbook, cached by their look.

The colours are the templates' and the cascade sheet's, so the compiled workbook looks like
the rest of xlkinerja: dark blue headers, blue IKU rows, red problem rows, status fills.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from xlkinerja.core.formats import PERSEN_EXCEL
from xlkinerja.domain.status import Status
from xlkinerja.render.pohon.sheet import (
    BORDER_COLOR,
    IKU_FILL,
    PROBLEM_FILL,
    PROBLEM_FONT,
    STATUS_FILLS,
    CellFormats,
)
from xlkinerja.render.template.styles import DATE_FORMAT, FONT, TITLE_COLOR
from xlkinerja.specs.model import ValueType
from xlkinerja.specs.report import ReportTable

Jenis = Literal["teks", "angka", "persen", "rupiah", "tanggal", "bulat"]
NUM_FORMATS: dict[Jenis, str | None] = {
    "teks": None,
    "angka": "#,##0",  # targets, realisasi: 1.050; with a fraction ANGKA_PECAHAN
    "persen": PERSEN_EXCEL,  # capaian in percent (core/formats.py)
    "rupiah": "#,##0",
    "tanggal": DATE_FORMAT,
    "bulat": "0",
}

ANGKA_PECAHAN = "#,##0.00"  # an "angka" cell whose value has a fraction: 18,33

PERINGATAN_FILL = "#FFF2CC"
SECTION_FILL = "#E9EFF7"
TOTAL_FILL = "#F2F2F2"
NOTE_COLOR = "#404040"

# Row variants: the look of a whole row on top of its column's look.
VARIANTS: dict[str, dict[str, Any]] = {
    "biasa": {},
    "anak": {},  # indented in the indented columns
    "iku": {"bold": True, "bg_color": IKU_FILL},
    "bagian": {"bold": True, "font_color": TITLE_COLOR, "bg_color": SECTION_FILL},
    "jumlah": {"bold": True, "bg_color": TOTAL_FILL, "top": 2},
    "masalah": {"bg_color": PROBLEM_FILL, "font_color": PROBLEM_FONT},
    "masalah_iku": {"bold": True, "bg_color": PROBLEM_FILL, "font_color": PROBLEM_FONT},
    "masalah_judul": {
        "bold": True,
        "font_color": PROBLEM_FONT,
        "top": 2,
        "top_color": PROBLEM_FONT,
    },
    "galat": {"bg_color": PROBLEM_FILL},
    "peringatan": {"bg_color": PERINGATAN_FILL},
    # single cells that must stand out whatever their row
    "sorot_galat": {
        "bold": True,
        "bg_color": STATUS_FILLS[Status.MERAH],
        "font_color": PROBLEM_FONT,
    },
    "sorot_peringatan": {"bold": True, "bg_color": "#FFE59A"},
}
INDENTED_VARIANTS = {"anak": 1, "masalah": 1}
BOLD_VARIANTS = frozenset(v for v, props in VARIANTS.items() if props.get("bold"))


@dataclass(frozen=True)
class Kolom:
    """A column of a table: header, width (characters) and how its cells look."""

    header: str
    width: float
    jenis: Jenis = "teks"
    wrap: bool = False
    indent: bool = False  # child rows (IKK under IKU) are indented here
    tengah: bool = False  # centred
    status: bool = False  # cells take the status fill of their row


@dataclass(frozen=True)
class Look:
    """How the cells of a spec'd column look; `jenis` None: by the column's type."""

    jenis: Jenis | None = None
    wrap: bool = False
    indent: bool = False
    tengah: bool = False
    status: bool = False


JENIS_OF: dict[ValueType, Jenis] = {
    ValueType.NUMBER: "angka",
    ValueType.INTEGER: "bulat",
    ValueType.DATE: "tanggal",
}


def kolom_of(table: ReportTable, looks: Mapping[str, Look]) -> tuple[Kolom, ...]:
    """The columns of a table of the rekap's spec (specs/rekap.py), in its order, with its
    labels and widths, each with its look (plain when `looks` names none)."""
    unknown = set(looks) - set(table.keys)
    if unknown:
        raise KeyError(f"report table {table.key} has no column {sorted(unknown)}")
    out = []
    for col in table.columns:
        look = looks.get(col.key, Look())
        jenis = look.jenis or JENIS_OF.get(col.type, "teks")
        out.append(
            Kolom(col.label, col.width, jenis, look.wrap, look.indent, look.tengah, look.status)
        )
    return tuple(out)


def status_key(value: object) -> Status | None:
    """A status from the model's text ("merah"/"kuning"/"hijau"); anything else is None."""
    try:
        return Status(str(value)) if isinstance(value, str) else None
    except ValueError:
        return None


class Styles:
    """Every format the compiled workbook uses."""

    def __init__(self, workbook: Any) -> None:
        self._workbook = workbook
        self._cells = CellFormats(workbook)
        plain = {"font_name": FONT, "font_size": 10}
        self.judul = workbook.add_format(
            {**plain, "bold": True, "font_size": 14, "font_color": TITLE_COLOR}
        )
        self.sampul = workbook.add_format(
            {**plain, "bold": True, "font_size": 18, "font_color": TITLE_COLOR}
        )
        self.subjudul = workbook.add_format(
            {**plain, "bold": True, "font_size": 12, "font_color": TITLE_COLOR}
        )
        self.catatan = workbook.add_format(
            {**plain, "italic": True, "font_size": 9, "font_color": NOTE_COLOR}
        )
        self.catatan_lebar = workbook.add_format(
            {
                **plain,
                "italic": True,
                "font_size": 9,
                "font_color": NOTE_COLOR,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.bagian = workbook.add_format(
            {
                **plain,
                "bold": True,
                "font_size": 11,
                "font_color": TITLE_COLOR,
                "bottom": 2,
                "bottom_color": TITLE_COLOR,
            }
        )
        self.teks = workbook.add_format(plain)
        self.tebal = workbook.add_format({**plain, "bold": True})
        self.tanda_tangan = workbook.add_format({**plain, "bold": True, "underline": True})
        self.header = workbook.add_format(
            {
                **plain,
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": TITLE_COLOR,
                "text_wrap": True,
                "valign": "vcenter",
                "align": "center",
                "border": 1,
                "border_color": BORDER_COLOR,
            }
        )

    def get(self, **props: Any) -> Any:
        """A bordered cell format with these properties (one Format per distinct look)."""
        return self._cells.get(**props)

    def cell(
        self,
        kolom: Kolom,
        variant: str = "biasa",
        status: Status | None = None,
        pecahan: bool = False,
    ) -> Any:
        """The format of a cell of `kolom` in a row of `variant` (with a status fill);
        `pecahan`: its number has a fraction (an "angka" shows two decimals then)."""
        props: dict[str, Any] = {}
        num_format = (
            ANGKA_PECAHAN if pecahan and kolom.jenis == "angka" else NUM_FORMATS[kolom.jenis]
        )
        if num_format:
            props["num_format"] = num_format
        if kolom.wrap:
            props["text_wrap"] = True
        if kolom.tengah:
            props["align"] = "center"
        props.update(VARIANTS[variant])
        if kolom.indent and variant in INDENTED_VARIANTS:
            props["align"] = "left"  # LibreOffice ignores an indent without it
            props["indent"] = INDENTED_VARIANTS[variant]
        if kolom.status and variant not in ("bagian", "masalah_judul"):
            props["bg_color"] = STATUS_FILLS[status]
            props["align"] = "center"
        return self.get(**props)

    def status_fill(self, status: Status | None, **extra: Any) -> Any:
        return self.get(bg_color=STATUS_FILLS[status], align="center", **extra)
