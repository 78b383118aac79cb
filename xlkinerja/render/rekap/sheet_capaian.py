"""Sheet "Rekap Capaian": A. capaian per IKU per quarter with a column chart (latest TW) and
a trend chart; B. capaian per unit with a bar chart; C. every IKK's target, realisasi,
capaian, status and predikat per quarter, with the kendala and tindak lanjut the unit wrote
for that quarter. Status colours follow the master's thresholds."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xlkinerja.cascade.layout import angka as angka_text
from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.domain.status import Status, status_of
from xlkinerja.kompilasi.model import CAPAIAN_IKK_COLUMNS, Kompilasi
from xlkinerja.render.rekap.charts import capaian_iku_chart, capaian_unit_chart, trend_chart
from xlkinerja.render.rekap.context import Buku, angka, tahun_text
from xlkinerja.render.rekap.frames import frame, objects
from xlkinerja.render.rekap.pivot import (
    TAIL_WIDTHS,
    TW_FIRST_COL,
    Pivot,
    pivot,
    sorted_by_latest,
    write_pivot,
)
from xlkinerja.render.rekap.styles import (
    Look,
    kolom_of,
)
from xlkinerja.render.rekap.table import (
    heading,
    section,
    set_widths,
    write_header,
    write_table,
)
from xlkinerja.specs.rekap import CAPAIAN_IKK, CAPAIAN_IKU, CAPAIAN_UNIT, SHEET_CAPAIAN

NAME = SHEET_CAPAIAN
KOLOM = kolom_of(
    CAPAIAN_IKK,
    {
        "unit": Look(wrap=True),
        "indikator": Look(wrap=True),
        "tw": Look(tengah=True),
        "capaian": Look(jenis="persen", status=True),
        "status": Look(status=True),
        "predikat": Look(wrap=True),
        "keterangan": Look(wrap=True),
        "kendala": Look(wrap=True),
        "tindak_lanjut": Look(wrap=True),
        "faktor_pendukung": Look(wrap=True),
    },
)
PIVOT_COLUMNS_IKU = (
    "kode_iku",
    "indikator_iku",
    "tw",
    "capaian",
    "status",
    "predikat",
    "ikk_melapor",
    "target",
    "realisasi",
    "cara_agregasi",
    "keterangan",
)
# section A's columns after the status: the latest quarter's
IKU_TAILS = ("predikat", "ikk_melapor", "target", "realisasi", "cara_agregasi", "keterangan")
LAST_COL = len(KOLOM) - 1
CARA_AGREGASI_IKU = (
    "capaian dari target dan realisasi gabungan IKK yang melapor triwulan itu (kolom Cara "
    "agregasi); rata-rata capaian IKK bila satuannya berbeda"
)
CHART_HEIGHT = 300  # px, the two charts of section A
UNIT_CHART_MAX = 40  # a bar chart of more units is unreadable; the table has them all


def tw_label(tw: object) -> str | None:
    number = angka(tw)
    if number is not None and number.is_integer() and 1 <= number <= 4:
        return LABEL_TW[int(number) - 1]
    return None if number is None and not isinstance(tw, str) else str(tw)


def with_status(df: pd.DataFrame, k: Kompilasi) -> pd.DataFrame:
    """The rows with a status everywhere a capaian is known: the compiler's status where it
    gave one, else the colour of the capaian under the institution's thresholds."""
    known = {s.value for s in Status}
    given = df["status"].isin(known)  # what status_key would read as a status
    missing = ~given & pd.to_numeric(df["capaian"], errors="coerce").notna()
    if not missing.any():
        return df
    capaian = pd.to_numeric(df.loc[missing, "capaian"], errors="coerce")
    fill = [status_of(float(v), kuning=k.ambang_kuning, hijau=k.ambang_hijau) for v in capaian]
    df = df.copy()
    df.loc[missing, "status"] = [s.value if s else None for s in fill]
    return df


def latest_tw(capaian_iku: pd.DataFrame, capaian_ikk: pd.DataFrame) -> int | None:
    """The period: the last quarter any IKK reported, its capaian known or not — the tree's
    and the LKj's (kompilasi/kinerja.py `latest_period`); the IKU rows where there are no
    IKK rows (a frame given without them)."""
    for df in (capaian_ikk, capaian_iku):
        tws = pd.to_numeric(df["tw"], errors="coerce").dropna()
        tws = tws[tws.isin([1, 2, 3, 4])]
        if len(tws):
            return int(tws.max())
    return None


def period_of(k: Kompilasi, cap_iku: pd.DataFrame, cap_ikk: pd.DataFrame) -> int | None:
    """The period the compiled model shows (`Kompilasi.periode`), else the latest TW."""
    return k.periode if k.periode is not None else latest_tw(cap_iku, cap_ikk)


def _iku_order(k: Kompilasi) -> tuple[list[Any], dict[Any, Any]]:
    pk = frame(k.rekap_pk, ("kode_iku", "indikator_iku", "kode_ikk"))
    pk = pk[pk["indikator_iku"].notna()]
    names = dict(zip(pk["kode_iku"], pk["indikator_iku"], strict=True))
    return list(pd.unique(pk["kode_iku"].dropna())), names


def ikk_rows(capaian_ikk: pd.DataFrame, iku_order: list[Any]) -> pd.DataFrame:
    """The IKK rows grouped by IKU (institution order), otherwise in their own order."""
    rank = {code: i for i, code in enumerate(iku_order)}
    ranks = [rank.get(c, len(rank)) for c in capaian_ikk["kode_iku"].tolist()]
    order = np.argsort(np.asarray(ranks, dtype=np.int64), kind="stable")
    return capaian_ikk.iloc[order].reset_index(drop=True)


def iku_pivot(k: Kompilasi, latest: int | None) -> Pivot:
    """Every IKU of the institution (those without capaian too) with its capaian per TW."""
    order, names = _iku_order(k)
    cap_iku = with_status(frame(k.capaian_iku, PIVOT_COLUMNS_IKU), k)
    return pivot(cap_iku, "kode_iku", "indikator_iku", order, names, latest, IKU_TAILS)


def _section_a(
    buku: Buku, ws: Any, row: int, cap_iku: pd.DataFrame, latest: int | None
) -> tuple[int, int]:
    """IKU pivot and its two charts; returns (next row, input rows placed)."""
    styles, workbook = buku.styles, buku.workbook
    section(ws, styles, row, f"{CAPAIAN_IKU.title} — {CARA_AGREGASI_IKU}", LAST_COL)
    iku = iku_pivot(buku.k, latest)
    header = row + 1
    row = write_pivot(ws, styles, header, CAPAIAN_IKU, iku, latest, IKU_TAILS)
    first, last = header + 1, row - 1
    if not iku.keys or latest is None:
        ws.write_string(row + 1, 0, "Belum ada capaian IKU: grafik tidak dibuat.", styles.catatan)
        return row + 3, iku.placed
    label = LABEL_TW[latest - 1]
    statuses = [iku.status[i, latest - 1] for i in range(len(iku.keys))]
    latest_col = TW_FIRST_COL + latest - 1
    column = capaian_iku_chart(workbook, NAME, (first, last), 0, latest_col, statuses, label)
    column.set_size({"width": 620, "height": CHART_HEIGHT})
    ws.insert_chart(row + 1, 0, column, {"x_offset": 2, "y_offset": 2})
    tws = (TW_FIRST_COL, TW_FIRST_COL + 3)
    trend = trend_chart(workbook, NAME, header, range(first, last + 1), 0, tws)
    trend.set_size({"width": 610, "height": CHART_HEIGHT})
    ws.insert_chart(row + 1, TW_FIRST_COL, trend, {"x_offset": 8, "y_offset": 2})
    return row + 2 + _rows_for(CHART_HEIGHT), iku.placed


def _section_b(
    buku: Buku, ws: Any, row: int, cap_unit: pd.DataFrame, latest: int | None
) -> tuple[int, int]:
    """Unit pivot (lowest first) with a bar chart above it; returns (next row, rows placed)."""
    styles = buku.styles
    label = LABEL_TW[latest - 1] if latest else ""
    title = CAPAIAN_UNIT.title + (f", urut dari yang terendah pada {label}" if latest else "")
    section(ws, styles, row, title, LAST_COL)
    names = dict(zip(cap_unit["kode_unit"], cap_unit["nama_unit"], strict=True))
    units = sorted_by_latest(pivot(cap_unit, "kode_unit", "nama_unit", [], names, latest), latest)
    shown = 0
    if latest is not None and units.keys:
        shown = min(int(np.sum(~np.isnan(units.capaian[:, latest - 1]))), UNIT_CHART_MAX)
    header = row + 1
    if shown and latest is not None:
        height = max(240, 80 + 22 * shown)
        header = row + 2 + _rows_for(height)
        every = shown == len(units.keys)
        chart_title = (
            f"Capaian per unit — {label}"
            if every
            else (f"{shown} unit dengan capaian terendah — {label} (semua unit: tabel di bawah)")
        )
        statuses = [units.status[i, latest - 1] for i in range(shown)]
        rows = (header + 1, header + shown)
        highest = float(np.nanmax(units.capaian[:shown, latest - 1]))
        value_col = TW_FIRST_COL + latest - 1
        bar = capaian_unit_chart(
            buku.workbook, NAME, rows, 1, value_col, statuses, chart_title, highest
        )
        bar.set_size({"width": 1230, "height": height})
        ws.insert_chart(row + 1, 0, bar, {"x_offset": 2, "y_offset": 2})
    end = write_pivot(ws, styles, header, CAPAIAN_UNIT, units, latest)
    return end, units.placed


def _rows_for(height_px: int) -> int:
    return -(-height_px // 20)  # default rows are 15 pt = 20 px


def write_capaian(buku: Buku) -> dict[str, int]:
    k, styles = buku.k, buku.styles
    ws = buku.sheet(NAME)
    set_widths(ws, KOLOM)
    for j, key in enumerate(IKU_TAILS, start=CAPAIAN_IKU.position("status") + 1):
        if key in TAIL_WIDTHS and j > LAST_COL:
            ws.set_column(j, j, TAIL_WIDTHS[key])
    cap_ikk = with_status(frame(k.capaian_ikk, CAPAIAN_IKK_COLUMNS[:-2]), k)
    cap_iku = frame(k.capaian_iku, PIVOT_COLUMNS_IKU)
    unit_columns = ("kode_unit", "nama_unit", "tw", "capaian", "status")
    cap_unit = with_status(frame(k.capaian_unit, unit_columns), k)
    latest = period_of(k, cap_iku, cap_ikk)
    kuning, hijau = angka_text(k.ambang_kuning), angka_text(k.ambang_hijau)
    terakhir = LABEL_TW[latest - 1] if latest else "belum ada"
    note = (
        f"Status capaian: hijau > {hijau} %, kuning {kuning}–{hijau} %, merah < {kuning} %, "
        f"abu-abu = belum ada capaian. Triwulan terakhir yang terisi: {terakhir}. Capaian "
        "IKU dan unit tidak dihitung pada triwulan yang capaian salah satu IKK-nya tidak "
        "diketahui karena isiannya tidak dapat dibaca (lihat Keterangan di bagian C)."
    )
    row = heading(ws, styles, f"Rekap Capaian Kinerja{tahun_text(k.tahun)}", note, KOLOM)
    row, placed_iku = _section_a(buku, ws, row, cap_iku, latest)
    breaks = [row]
    row, placed_unit = _section_b(buku, ws, row, cap_unit, latest)

    # C. every IKK per quarter
    row += 1
    breaks.append(row)
    section(ws, styles, row, CAPAIAN_IKK.title, LAST_COL)
    header_row = row + 1
    row = write_header(ws, styles, header_row, KOLOM)
    order, _ = _iku_order(k)
    ikk = ikk_rows(cap_ikk, order)
    unit = ikk["nama_unit"].where(ikk["nama_unit"].notna(), ikk["kode_unit"])
    cells = {
        "kode_iku": objects(ikk["kode_iku"]),
        "unit": objects(unit),
        "kode_ikk": objects(ikk["kode_ikk"]),
        "indikator": objects(ikk["indikator"]),
        "tw": _tw_labels(ikk["tw"]),
        "target": objects(ikk["target"]),
        "realisasi": objects(ikk["realisasi"]),
        "capaian": objects(ikk["capaian"]),
        "status": objects(ikk["status"]),
        "predikat": objects(ikk["predikat"]),
        "keterangan": objects(ikk["alasan"]),
        "kendala": objects(ikk["kendala"]),
        "tindak_lanjut": objects(ikk["tindak_lanjut"]),
        "faktor_pendukung": objects(ikk["faktor_pendukung"]),
    }
    values = [cells[key] for key in CAPAIAN_IKK.keys]
    # The biggest table: rendered by a child process while the other sheets are written.
    end = write_table(ws, styles, row, KOLOM, values, statuses=cells["status"], background=True)
    ws.set_h_pagebreaks(breaks)
    # the header sits below the charts; frozen, they would fill the screen
    buku.print_setup(ws, NAME, header_row, LAST_COL, end, freeze=False)
    return {"capaian_ikk": len(ikk), "capaian_iku": placed_iku, "capaian_unit": placed_unit}


def _tw_labels(tw: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(tw, use_na_sentinel=True)
    labels = np.array([*(tw_label(u) for u in uniques.tolist()), None], dtype=object)
    return labels[codes]
