"""The capaian-per-quarter tables of Rekap Capaian (sections A and B, and the Ringkasan's
IKU list): per key — an IKU or a unit — its capaian and status per TW in one row, the
latest quarter's status and the columns after it, laid out by the spec's `ReportTable`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xlkinerja.core.formats import PERSEN_EXCEL
from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.render.rekap.context import angka, teks
from xlkinerja.render.rekap.styles import ANGKA_PECAHAN, NUM_FORMATS, Styles, status_key
from xlkinerja.render.rekap.table import wrapped_lines
from xlkinerja.render.template.writer import LINE_HEIGHT
from xlkinerja.specs.model import ValueType
from xlkinerja.specs.rekap import CAPAIAN_IKU
from xlkinerja.specs.report import ReportTable

TAIL_WIDTHS = {"cara_agregasi": 34, "keterangan": 34}  # beyond section C's columns
TW_FIRST_COL = CAPAIAN_IKU.position("tw1")  # pivots: TW I..IV in columns E..H


@dataclass(frozen=True)
class Pivot:
    """Per key (IKU or unit) its capaian and status per quarter."""

    keys: list[Any]
    names: list[Any]
    capaian: np.ndarray  # shape (n, 4), NaN = none
    status: np.ndarray  # shape (n, 4), object
    extra: dict[str, np.ndarray]  # per key, values at the latest quarter (predikat, ...)
    placed: int  # input rows that went into a cell


def pivot(
    df: pd.DataFrame,
    key: str,
    name: str,
    order: list[Any],
    names: dict[Any, Any],
    latest: int | None,
    extras: tuple[str, ...] = (),
) -> Pivot:
    keys = list(order) + [c for c in pd.unique(df[key].dropna()) if c not in set(order)]
    position = {k: i for i, k in enumerate(keys)}
    capaian = np.full((len(keys), 4), np.nan)
    status = np.full((len(keys), 4), None, dtype=object)
    extra = {c: np.full(len(keys), None, dtype=object) for c in extras}
    labels = [names.get(k) for k in keys]
    placed = 0
    for rec in df.to_dict("records"):
        i = position.get(rec[key])
        tw = angka(rec["tw"])
        if i is None or tw is None or tw not in (1, 2, 3, 4):
            continue
        placed += 1
        j = int(tw) - 1
        value = angka(rec["capaian"])
        capaian[i, j] = np.nan if value is None else value
        status[i, j] = rec.get("status")
        if labels[i] is None and isinstance(rec.get(name), str):
            labels[i] = rec[name]
        if latest is not None and j == latest - 1:
            for c in extras:
                extra[c][i] = rec.get(c)
    return Pivot(keys, labels, capaian, status, extra, placed)


def write_pivot(
    ws: Any,
    styles: Styles,
    row: int,
    table: ReportTable,
    p: Pivot,
    latest: int | None,
    tails: tuple[str, ...] = (),
) -> int:
    """Header and rows of a pivot (CAPAIAN_IKU or CAPAIAN_UNIT of the spec): code | name
    (B:D) | TW I..IV | status | tails; returns the next row. `tails`: the keys of the
    table's columns after the status, and of `p.extra` that holds their values."""
    latest_label = LABEL_TW[latest - 1] if latest else ""
    code, named = table.columns[:2]
    last = table.position(named.key) + table.span(named.key) - 1  # the name's merged cells
    status_col = table.position("status")
    status = f"{table.column('status').label} {latest_label}".strip()
    quarters = [table.column(f"tw{n}").label for n in range(1, 5)]
    ws.write_string(row, 0, code.label, styles.header)
    ws.merge_range(row, 1, row, last, named.label, styles.header)
    tail_labels = [
        f"{table.column(t).label} {latest_label}".strip()
        if t in table.suffixed
        else table.column(t).label
        for t in tails
    ]
    for j, label in enumerate((*quarters, status, *tail_labels)):
        ws.write_string(row, TW_FIRST_COL + j, label, styles.header)
    ws.set_row(row, 30)
    code_fmt, name_fmt, centre = (
        styles.get(),
        styles.get(text_wrap=True),
        styles.get(align="center"),
    )
    whole, fraction = (
        styles.get(align="center", num_format=NUM_FORMATS["angka"]),
        styles.get(align="center", num_format=ANGKA_PECAHAN),
    )
    for i, key in enumerate(p.keys):
        r = row + 1 + i
        ws.write_string(r, 0, str(key), code_fmt)
        name = teks(p.names[i])
        ws.merge_range(r, 1, r, last, name, name_fmt)
        lines = -(-len(name) // 90)  # the merged cell does not grow by itself
        for extra, width in TAIL_WIDTHS.items():
            if extra in tails:
                lines = max(lines, wrapped_lines(teks(p.extra[extra][i]), int(width * 1.2)))
        if lines > 1:
            ws.set_row(r, LINE_HEIGHT * min(4, lines) + 2)
        for j in range(4):
            fmt = styles.status_fill(status_key(p.status[i, j]), num_format=PERSEN_EXCEL)
            value = float(p.capaian[i, j])
            if np.isnan(value):
                ws.write_blank(r, TW_FIRST_COL + j, None, fmt)
            else:
                ws.write_number(r, TW_FIRST_COL + j, value, fmt)
        current = status_key(p.status[i, latest - 1]) if latest else None
        ws.write_string(
            r, status_col, current.value if current else "", styles.status_fill(current)
        )
        for j, extra in enumerate(tails, start=status_col + 1):
            value = p.extra[extra][i]
            number = angka(value)
            if number is not None and table.column(extra).type == ValueType.NUMBER:
                ws.write_number(r, j, number, whole if number.is_integer() else fraction)
            elif number is not None:
                ws.write_number(r, j, number, centre)
            else:
                ws.write_string(r, j, teks(value), name_fmt if extra in TAIL_WIDTHS else code_fmt)
    return row + 1 + len(p.keys)


def sorted_by_latest(p: Pivot, latest: int | None) -> Pivot:
    """Lowest capaian of the latest quarter first; units without it last."""
    if latest is None or not p.keys:
        return p
    key = p.capaian[:, latest - 1]
    order = np.argsort(np.where(np.isnan(key), np.inf, key), kind="stable")
    return Pivot(
        [p.keys[i] for i in order],
        [p.names[i] for i in order],
        p.capaian[order],
        p.status[order],
        {c: v[order] for c, v in p.extra.items()},
        p.placed,
    )
