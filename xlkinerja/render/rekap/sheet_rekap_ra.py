"""Sheet "Rekap Rencana Aksi": per IKU its roll-up of the units' quarterly targets (bold),
then every IKK's TW I–IV targets beneath; IKK naming an unknown IKU at the end. The IKU row
says how its targets were combined (only IKK of one satuan are: `domain.rollup`), an IKK
row which of its targets could not be read."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xlkinerja.render.rekap.context import Buku, tahun_text
from xlkinerja.render.rekap.frames import frame, objects, sumber
from xlkinerja.render.rekap.sheet_rekap_pk import ORPHAN_TITLE
from xlkinerja.render.rekap.styles import Kolom
from xlkinerja.render.rekap.table import heading, set_widths, write_header, write_table

NAME = "Rekap Rencana Aksi"
TW = ("tw1", "tw2", "tw3", "tw4")
RA_COLUMNS = (
    "kode_iku", "kode_unit", "nama_unit", "kode_ikk", "indikator", "satuan", "target_pk", *TW,
    "keterangan",
)  # fmt: skip
IKU_COLUMNS = ("kode_iku", "indikator_iku", "target_iku", *TW, "jumlah_ikk", "cara_agregasi")
KOLOM = (
    Kolom("Kode", 15, indent=True),
    Kolom("Indikator Kinerja", 50, wrap=True, indent=True),
    Kolom("Unit", 24, wrap=True),
    Kolom("Target PK", 11, jenis="angka"),
    Kolom("TW I", 10, jenis="angka"),
    Kolom("TW II", 10, jenis="angka"),
    Kolom("TW III", 10, jenis="angka"),
    Kolom("TW IV", 10, jenis="angka"),
    Kolom("Jumlah IKK", 9, jenis="bulat", tengah=True),
    Kolom("Sumber", 24, wrap=True),
    Kolom("Satuan", 11, wrap=True),
    Kolom("Cara agregasi / keterangan", 36, wrap=True),
)
HEADERS = tuple(k.header for k in KOLOM)


def _ikk_part(ra: pd.DataFrame, variant: str) -> pd.DataFrame:
    unit = ra["nama_unit"].where(ra["nama_unit"].notna(), ra["kode_unit"])
    part = pd.DataFrame(
        {
            "Kode": objects(ra["kode_ikk"]),
            "Indikator Kinerja": objects(ra["indikator"]),
            "Unit": objects(unit),
            "Target PK": objects(ra["target_pk"]),
            **{h: objects(ra[tw]) for h, tw in zip(HEADERS[4:8], TW, strict=True)},
            "Jumlah IKK": None,
            "Sumber": sumber(ra["berkas"], ra["baris"]),
            "Satuan": objects(ra["satuan"]),
            "Cara agregasi / keterangan": objects(ra["keterangan"]),
        },
        index=ra.index,
    )
    return part.assign(_variant=variant)


def _one(variant: str, **cells: Any) -> pd.DataFrame:
    return pd.DataFrame([{h: cells.get(h) for h in HEADERS} | {"_variant": variant}])


def ra_rows(rekap_ra: pd.DataFrame, rekap_ra_iku: pd.DataFrame) -> tuple[pd.DataFrame, int, int]:
    """Rows in sheet order; input rows of rekap_ra and of rekap_ra_iku they hold."""
    ra = frame(rekap_ra, (*RA_COLUMNS, "berkas", "baris"))
    iku = frame(rekap_ra_iku, IKU_COLUMNS)
    known = set(iku["kode_iku"].dropna())
    by_iku: dict[Any, pd.DataFrame] = dict(list(ra.groupby("kode_iku", sort=False)))
    parts: list[pd.DataFrame] = []
    for head in iku.to_dict("records"):
        children = by_iku.get(head["kode_iku"])
        cells = {
            "Kode": head["kode_iku"],
            "Indikator Kinerja": head["indikator_iku"],
            "Unit": "Institusi (gabungan)",
            "Target PK": head["target_iku"],
            **{h: head[tw] for h, tw in zip(HEADERS[4:8], TW, strict=True)},
            "Jumlah IKK": head["jumlah_ikk"],
            "Cara agregasi / keterangan": head["cara_agregasi"],
        }
        parts.append(_one("iku" if children is not None else "masalah_iku", **cells))
        if children is not None:
            parts.append(_ikk_part(children, "anak"))
    orphans = ra[~ra["kode_iku"].isin(known)]
    if len(orphans):
        title = f"{ORPHAN_TITLE}: IKK yang menyebut IKU yang tidak ada (atau tidak menyebut IKU)"
        parts.append(_one("masalah_judul", **{"Indikator Kinerja": title}))
        parts.append(_ikk_part(orphans, "masalah"))
    if not parts:
        return pd.DataFrame(columns=[*HEADERS, "_variant"]), 0, 0
    rows = pd.concat(parts, ignore_index=True)
    written_ikk = int((rows["_variant"].isin(["anak", "masalah"])).sum())
    return rows, written_ikk, len(iku)


def write_rekap_ra(buku: Buku) -> dict[str, int]:
    k, styles = buku.k, buku.styles
    ws = buku.sheet(NAME)
    set_widths(ws, KOLOM)
    note = (
        "Target triwulan (kumulatif) per IKK. Baris IKU (biru, tebal): gabungan target unit, "
        "hanya bila semua IKK-nya bersatuan sama — jumlah untuk IKU yang diturunkan dengan "
        "pembagian beban target, rata-rata untuk lainnya; satuan berbeda tidak pernah "
        "dijumlah atau dirata-rata (bandingkan capaiannya di Rekap Capaian). Kolom terakhir "
        "menyebut cara agregasinya. Baris merah: IKU tanpa Rencana Aksi unit, atau IKK tanpa "
        "IKU induk."
    )
    row = heading(ws, styles, f"Rekap Rencana Aksi{tahun_text(k.tahun)}", note, KOLOM)
    header_row = row
    row = write_header(ws, styles, row, KOLOM)
    rows, written, written_iku = ra_rows(k.rekap_ra, k.rekap_ra_iku)
    values = [np.asarray(objects(rows[h])) for h in HEADERS]
    end = write_table(ws, styles, row, KOLOM, values, rows["_variant"].to_numpy(dtype=object))
    buku.print_setup(ws, NAME, header_row, len(KOLOM) - 1, end)
    return {"rekap_ra": written, "rekap_ra_iku": written_iku}
