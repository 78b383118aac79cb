"""Sheet "Rekap PK": the institution's IKU, each with every unit's IKK beneath it, grouped
under their sasaran; IKK naming an unknown IKU at the end; then the anggaran per unit."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.kompilasi.anggaran import BarisAnggaran, penyerapan
from xlkinerja.kompilasi.model import REKAP_PK_COLUMNS
from xlkinerja.render.rekap.context import Buku, tahun_text
from xlkinerja.render.rekap.frames import frame, objects, sumber
from xlkinerja.render.rekap.styles import Look, kolom_of
from xlkinerja.render.rekap.table import (
    heading,
    section,
    set_widths,
    write_header,
    write_table,
)
from xlkinerja.specs.rekap import (
    ANGGARAN,
    BELUM_DITURUNKAN,
    GRAND_TOTAL,
    INDUK_TIDAK_ADA,
    INDUK_TIDAK_DISEBUT,
    INSTITUSI,
    ORPHAN_TITLE,
    PENYERAPAN_SD,
    REKAP_PK,
    SHEET_PK,
    TANPA_KODE,
    TANPA_NAMA,
    UNREAD_TOTAL,
)
from xlkinerja.validation.rules_anggaran import REALISASI

NAME = SHEET_PK
KOLOM = kolom_of(
    REKAP_PK,
    {
        "kode": Look(indent=True),
        "indikator": Look(wrap=True, indent=True),
        "unit": Look(wrap=True),
        "satuan": Look(wrap=True),
        "metode_kaskade": Look(wrap=True),
        "sumber": Look(wrap=True),
        "catatan": Look(wrap=True),
        "sasaran_unit": Look(wrap=True),
    },
)
ANGGARAN_KOLOM = kolom_of(
    ANGGARAN,
    {
        "kode_unit": Look(indent=True),
        "uraian": Look(wrap=True, indent=True),
        "anggaran": Look(jenis="rupiah"),
        "keterangan": Look(wrap=True),
        **{key: Look(jenis="rupiah") for key in REALISASI},
        "penyerapan": Look(jenis="persen"),
    },
)
ORPHAN_NOTE = "IKK yang menyebut IKU yang tidak ada di PK institusi: perbaiki kode IKU-nya."

Rows = dict[str, list[Any]]  # per column key of the table (and "_variant"), its values


def _new_rows() -> Rows:
    return {key: [] for key in (*REKAP_PK.keys, "_variant")}


def _add(rows: Rows, variant: str, **cells: Any) -> None:
    for key in REKAP_PK.keys:
        rows[key].append(cells.get(key))
    rows["_variant"].append(variant)


def _extend_ikk(rows: Rows, ikk: pd.DataFrame, variant: str, notes: Any = None) -> None:
    """IKK rows, column-wise; `notes` go before the row's own keterangan."""
    n = len(ikk)
    own = objects(ikk["keterangan"])
    if notes is None:
        notes = own
    else:
        notes = np.array(
            ["; ".join(t for t in (a, b) if t) or None for a, b in zip(notes, own, strict=True)],
            dtype=object,
        )
    unit = ikk["nama_unit"].where(ikk["nama_unit"].notna(), ikk["kode_unit"])
    parts = {
        "kode": objects(ikk["kode_ikk"]),
        "indikator": objects(ikk["indikator"]),
        "unit": objects(unit),
        "target": objects(ikk["target"]),
        "satuan": objects(ikk["satuan"]),
        "arah": objects(ikk["arah"]),
        "metode_kaskade": objects(ikk["metode_kaskade"]),
        "sumber": sumber(ikk["berkas"], ikk["baris"]),
        "sasaran_unit": objects(ikk["sasaran_unit"]),
        "catatan": notes if notes is not None else np.full(n, None, dtype=object),
    }
    for key in REKAP_PK.keys:
        rows[key].extend(parts[key].tolist())
    rows["_variant"].extend([variant] * n)


def pk_rows(rekap_pk: pd.DataFrame) -> tuple[Rows, int]:
    """The rows of the PK table in sheet order, and how many input rows they hold."""
    df = frame(rekap_pk, REKAP_PK_COLUMNS)
    rows = _new_rows()
    is_ikk = df["kode_ikk"].notna()
    orphan = is_ikk & df["indikator_iku"].isna()
    ikk = df[is_ikk & ~orphan]
    written = 0
    ikk_of: dict[Any, pd.DataFrame] = dict(list(ikk.groupby("kode_iku", sort=False)))
    iku = df[~orphan].drop_duplicates("kode_iku")
    current_ss: object = object()
    for _, head in iku.iterrows():
        ss = (head["kode_ss"], head["sasaran"])
        if ss != current_ss and not (pd.isna(ss[0]) and pd.isna(ss[1])):
            _add(rows, "bagian", kode=_v(ss[0]), indikator=_v(ss[1]))
        current_ss = ss
        children = ikk_of.get(head["kode_iku"])
        common = {
            "kode": _v(head["kode_iku"]),
            "indikator": _v(head["indikator_iku"]),
            "unit": INSTITUSI,
            "target": _v(head["target_iku"]),
            "satuan": _v(head["satuan_iku"]),
            "arah": _v(head["arah_iku"]),
        }
        if children is None:  # the input row of an IKU nobody derived
            _add(rows, "masalah_iku", catatan=BELUM_DITURUNKAN, **common)
            written += 1
            continue
        units = children["kode_unit"].nunique()
        note = f"Diturunkan ke {units} unit ({len(children)} IKK)"
        _add(rows, "iku", catatan=note, **common)
        _extend_ikk(rows, children, "anak")
        written += len(children)
    orphans = df[orphan]
    if len(orphans):
        _add(rows, "masalah_judul", indikator=f"{ORPHAN_TITLE}: {ORPHAN_NOTE}")
        notes = [
            INDUK_TIDAK_ADA.format(kode=code) if isinstance(code, str) else INDUK_TIDAK_DISEBUT
            for code in orphans["kode_iku"].tolist()
        ]
        _extend_ikk(rows, orphans, "masalah", np.array(notes, dtype=object))
        written += len(orphans)
    return rows, written


def anggaran_rows(anggaran: pd.DataFrame, tw: int | None) -> tuple[Rows, int]:
    """Per unit: a bold row with its totals, its programs beneath; a grand total last. The
    penyerapan is of the period `tw` (kompilasi/anggaran.py: over the rows that gave both
    pagu and realisasi s.d. TW n, the coverage said). An amount that could not be read
    leaves the pagu total it belongs to blank (said why)."""
    keys = ("kode_unit", "nama_unit", "program", "anggaran", "keterangan", "kode_ikk")
    df = frame(anggaran, (*keys, *REALISASI, "berkas", "baris"))
    rows: Rows = {key: [] for key in (*ANGGARAN.keys, "_variant")}
    notes = [_v(n) for n in df["keterangan"].tolist()]
    amounts = pd.to_numeric(df["anggaran"], errors="coerce")
    pagu = amounts.to_numpy(dtype=float, na_value=np.nan)
    money = [
        pd.to_numeric(df[k], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        for k in REALISASI
    ]
    lines = [BarisAnggaran(_f(pagu[i]), tuple(_f(m[i]) for m in money)) for i in range(len(df))]

    def add(variant: str, kode: Any, teks: Any, at: list[int], note: Any = None) -> None:
        total = variant != "anak"
        serapan = penyerapan((lines[i] for i in at), tw)
        unread = total and any(notes[i] and np.isnan(pagu[i]) for i in at)
        rows["kode_unit"].append(kode)
        rows["uraian"].append(teks)
        rows["anggaran"].append(None if unread else serapan.pagu)
        cover = serapan.cakupan(tw) if total else None
        rows["keterangan"].append(UNREAD_TOTAL if unread else (cover or note))
        rows["kode_ikk"].append(None if total else _v(ikk[at[0]]))
        for n, key in enumerate(REALISASI):
            known = [lines[i].realisasi[n] for i in at if lines[i].realisasi[n] is not None]
            rows[key].append(sum(known) if known else None)
        rows["penyerapan"].append(serapan.persen)
        rows["_variant"].append(variant)

    # Units in the order they first appear (a blank code is a unit of its own kind).
    units: dict[Any, list[int]] = {}
    for i, code in enumerate(df["kode_unit"].tolist()):
        units.setdefault(_v(code), []).append(i)
    names, programs, ikk = (df[c].tolist() for c in ("nama_unit", "program", "kode_ikk"))
    for code, at in units.items():
        add("iku", code or TANPA_KODE, _v(names[at[0]]) or code or TANPA_NAMA, at)
        for i in at:
            add("anak", None, _v(programs[i]), [i], notes[i])
    if len(df):
        add("jumlah", None, GRAND_TOTAL, list(range(len(df))))
    return rows, len(df)


def _f(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def _v(value: Any) -> Any:
    """None for a blank, the value otherwise."""
    if value is None:
        return None
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def write_rekap_pk(buku: Buku) -> dict[str, int]:
    k, styles = buku.k, buku.styles
    ws = buku.sheet(NAME)
    set_widths(ws, KOLOM)
    note = (
        "IKU institusi (baris biru, tebal) dengan IKK setiap unit di bawahnya, dikelompokkan "
        "per sasaran. Baris merah: IKU yang belum diturunkan ke unit mana pun, dan (di bagian "
        f'akhir, "{ORPHAN_TITLE}") IKK yang menyebut IKU yang tidak ada.'
    )
    row = heading(ws, styles, f"{REKAP_PK.title}{tahun_text(k.tahun)}", note, KOLOM)
    header_row = row
    row = write_header(ws, styles, row, KOLOM)
    rows, written = pk_rows(k.rekap_pk)
    values = [rows[key] for key in REKAP_PK.keys]
    end = write_table(ws, styles, row, KOLOM, values, rows["_variant"])

    row = end + 1
    tw = k.periode
    period = f" ({PENYERAPAN_SD.format(tw=LABEL_TW[tw - 1])})" if tw else ""
    section(ws, styles, row, f"{ANGGARAN.title}{period}", len(ANGGARAN_KOLOM) - 1)
    row = write_header(ws, styles, row + 1, ANGGARAN_KOLOM)
    arows, anggaran_written = anggaran_rows(k.anggaran, tw)
    avalues = [arows[key] for key in ANGGARAN.keys]
    write_table(ws, styles, row, ANGGARAN_KOLOM, avalues, arows["_variant"])
    if not anggaran_written:
        ws.write_string(row, 1, "Belum ada data anggaran dari unit.", styles.catatan)
    buku.print_setup(ws, NAME, header_row, len(KOLOM) - 1, end)
    return {"rekap_pk": written, "anggaran": anggaran_written}
