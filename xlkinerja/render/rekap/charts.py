"""Native Excel charts of the Rekap Capaian sheet (XlsxWriter), fed from the sheet's cells."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from xlkinerja.core.formats import PERSEN_EXCEL
from xlkinerja.domain.status import Status
from xlkinerja.render.rekap.styles import status_key
from xlkinerja.render.template.styles import FONT, TITLE_COLOR

# Stronger than the cell fills: a bar must read on white paper and in grey print.
POINT_COLORS: dict[Status | None, str] = {
    Status.HIJAU: "#5B9B4F",
    Status.KUNING: "#E3B224",
    Status.MERAH: "#D0504A",
    None: "#A6A6A6",
}
GRID = {"color": "#E3E3E3"}


def _title(text: str) -> dict[str, Any]:
    return {
        "name": text,
        "name_font": {"name": FONT, "size": 11, "bold": True, "color": TITLE_COLOR},
    }


def _axis(title: str | None = None, **extra: Any) -> dict[str, Any]:
    axis: dict[str, Any] = {"num_font": {"name": FONT, "size": 9}, **extra}
    if title:
        axis["name"] = title
        axis["name_font"] = {"name": FONT, "size": 9, "bold": False}
    return axis


def _points(statuses: Sequence[object]) -> list[dict[str, Any]]:
    return [{"fill": {"color": POINT_COLORS[status_key(s)]}} for s in statuses]


def capaian_iku_chart(
    workbook: Any,
    sheet: str,
    rows: tuple[int, int],
    code_col: int,
    value_col: int,
    statuses: Sequence[object],
    tw_label: str,
) -> Any:
    """Column chart: capaian per IKU in the latest quarter, one colour per status."""
    chart = workbook.add_chart({"type": "column"})
    first, last = rows
    chart.add_series(
        {
            "name": f"Capaian {tw_label}",
            "categories": [sheet, first, code_col, last, code_col],
            "values": [sheet, first, value_col, last, value_col],
            "points": _points(statuses),
            "data_labels": {
                "value": True,
                "num_format": PERSEN_EXCEL,
                "font": {"name": FONT, "size": 8},
            },
            "gap": 60,
        }
    )
    chart.set_title(_title(f"Capaian per IKU — {tw_label}"))
    chart.set_x_axis(_axis())
    chart.set_y_axis(_axis("Capaian (%)", min=0, major_gridlines={"visible": True, "line": GRID}))
    chart.set_legend({"none": True})
    chart.set_chartarea({"border": {"none": True}})
    return chart


def capaian_unit_chart(
    workbook: Any,
    sheet: str,
    rows: tuple[int, int],
    name_col: int,
    value_col: int,
    statuses: Sequence[object],
    title: str,
    highest: float,
) -> Any:
    """Bar chart: capaian per unit, lowest at the top; the axis reaches 100 % at least."""
    chart = workbook.add_chart({"type": "bar"})
    first, last = rows
    chart.add_series(
        {
            "name": "Capaian unit",
            "categories": [sheet, first, name_col, last, name_col],
            "values": [sheet, first, value_col, last, value_col],
            "points": _points(statuses),
            "data_labels": {
                "value": True,
                "num_format": PERSEN_EXCEL,
                "font": {"name": FONT, "size": 8},
            },
            "gap": 50,
        }
    )
    chart.set_title(_title(title))
    top = max(100, math.ceil(highest / 10) * 10) if math.isfinite(highest) else 100
    grid = {"visible": True, "line": GRID}
    chart.set_x_axis(_axis("Capaian (%)", min=0, max=top, major_gridlines=grid))
    # first row (lowest capaian) at the top, the value axis still at the bottom
    chart.set_y_axis(_axis(reverse=True, crossing="max"))
    chart.set_legend({"none": True})
    chart.set_chartarea({"border": {"none": True}})
    return chart


def trend_chart(
    workbook: Any,
    sheet: str,
    header_row: int,
    rows: Sequence[int],
    name_col: int,
    tw_cols: tuple[int, int],
) -> Any:
    """Line chart: capaian per quarter, one line per IKU (TW I..IV)."""
    chart = workbook.add_chart({"type": "line"})
    first_tw, last_tw = tw_cols
    for row in rows:
        chart.add_series(
            {
                "name": [sheet, row, name_col],
                "categories": [sheet, header_row, first_tw, header_row, last_tw],
                "values": [sheet, row, first_tw, row, last_tw],
                "marker": {"type": "circle", "size": 5},
                "line": {"width": 1.75},
            }
        )
    chart.set_title(_title("Tren capaian IKU per triwulan"))
    chart.set_x_axis(_axis())
    chart.set_y_axis(_axis("Capaian (%)", min=0, major_gridlines={"visible": True, "line": GRID}))
    chart.set_legend({"position": "right", "font": {"name": FONT, "size": 8}})
    chart.show_blanks_as("gap")
    chart.set_chartarea({"border": {"none": True}})
    return chart
