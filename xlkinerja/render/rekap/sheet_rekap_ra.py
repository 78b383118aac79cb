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
from xlkinerja.render.rekap.styles import Look, kolom_of
from xlkinerja.render.rekap.table import heading, set_widths, write_header, write_table
from xlkinerja.specs.rekap import GABUNGAN, ORPHAN_TITLE, REKAP_RA, SHEET_RA

NAME = SHEET_RA
TW = ("tw1", "tw2", "tw3", "tw4")  # of the Kompilasi's frames and of the table's columns
RA_COLUMNS = (
    "kode_iku", "kode_unit", "nama_unit", "kode_ikk", "indikator", "satuan", "target_pk", *TW,
    "keterangan",
)  # fmt: skip
IKU_COLUMNS = ("kode_iku", "indikator_iku", "target_iku", *TW, "jumlah_ikk", "cara_agregasi")
KOLOM = kolom_of(
    REKAP_RA,
    {
        "kode": Look(indent=True),
        "indikator": Look(wrap=True, indent=True),
        "unit": Look(wrap=True),
        "jumlah_ikk": Look(tengah=True),
        "sumber": Look(wrap=True),
        "satuan": Look(wrap=True),
        "keterangan": Look(wrap=True),
    },
)
KEYS = REKAP_RA.keys


def _ikk_part(ra: pd.DataFrame, variant: str) -> pd.DataFrame:
    unit = ra["nama_unit"].where(ra["nama_unit"].notna(), ra["kode_unit"])
    part = pd.DataFrame(
        {
            "kode": objects(ra["kode_ikk"]),
            "indikator": objects(ra["indikator"]),
            "unit": objects(unit),
            "target_pk": objects(ra["target_pk"]),
            **{tw: objects(ra[tw]) for tw in TW},
            "jumlah_ikk": None,
            "sumber": sumber(ra["berkas"], ra["baris"]),
            "satuan": objects(ra["satuan"]),
            "keterangan": objects(ra["keterangan"]),
        },
        index=ra.index,
    )
    return part.assign(_variant=variant)


def _one(variant: str, **cells: Any) -> pd.DataFrame:
    return pd.DataFrame([{key: cells.get(key) for key in KEYS} | {"_variant": variant}])


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
            "kode": head["kode_iku"],
            "indikator": head["indikator_iku"],
            "unit": GABUNGAN,
            "target_pk": head["target_iku"],
            **{tw: head[tw] for tw in TW},
            "jumlah_ikk": head["jumlah_ikk"],
            "keterangan": head["cara_agregasi"],
        }
        parts.append(_one("iku" if children is not None else "masalah_iku", **cells))
        if children is not None:
            parts.append(_ikk_part(children, "anak"))
    orphans = ra[~ra["kode_iku"].isin(known)]
    if len(orphans):
        title = f"{ORPHAN_TITLE}: IKK yang menyebut IKU yang tidak ada (atau tidak menyebut IKU)"
        parts.append(_one("masalah_judul", indikator=title))
        parts.append(_ikk_part(orphans, "masalah"))
    if not parts:
        return pd.DataFrame(columns=[*KEYS, "_variant"]), 0, 0
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
    row = heading(ws, styles, f"{REKAP_RA.title}{tahun_text(k.tahun)}", note, KOLOM)
    header_row = row
    row = write_header(ws, styles, row, KOLOM)
    rows, written, written_iku = ra_rows(k.rekap_ra, k.rekap_ra_iku)
    values = [np.asarray(objects(rows[key])) for key in KEYS]
    end = write_table(ws, styles, row, KOLOM, values, rows["_variant"].to_numpy(dtype=object))
    buku.print_setup(ws, NAME, header_row, len(KOLOM) - 1, end)
    return {"rekap_ra": written, "rekap_ra_iku": written_iku}
