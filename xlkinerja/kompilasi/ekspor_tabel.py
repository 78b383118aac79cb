"""The tables an export profile picks its columns from (`sumber` in profil.toml), made from
an EksporSumber (no I/O). Each row is a typed record of its table (kompilasi/ekspor_baris.py:
the fields and their order): None is a value nobody filled or that could not be read or
computed, never written as 0; the row's `catatan` says why where the data knows.

hierarki   one row per node of the plan: sasaran (SS), iku, ikk — each child after its
           parent, IKK naming an IKU that does not exist last
pk         the Perjanjian Kinerja: the institution's IKU, then every unit's IKK
realisasi  one row per IKK and reported quarter: realisasi up to that quarter (combined per
           the IKK's konsolidasi, like its cumulative target), dated the quarter's last day
skp        one row per IKI of every employee's SKP (the e-Kinerja web form's fields)
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.kompilasi.ekspor_baris import (
    FIELDS,
    HierarkiRow,
    PkRow,
    RealisasiRow,
    Row,
    SkpRow,
)
from xlkinerja.kompilasi.ekspor_sumber import EksporSumber

if TYPE_CHECKING:
    from xlkinerja.core.normal import MasterForm

__all__ = ["FIELDS", "Row", "last_day", "plain", "tables"]

Record = dict[str, Any]  # a row of a source frame, its values plain Python (see `plain`)
Quarters = tuple[Any, Any, Any, Any]
NONE4: Quarters = (None, None, None, None)


SIGNIFICANT = 12
"""Digits a number keeps: a compiled workbook stores 16 (XlsxWriter's %.16g), not the 17 a
float may need, so an export from the workbook and one from memory agree at 12."""


def plain(value: Any) -> Any:
    """A cell's value as Python: None for every blank (NaN, NA, None), a float rounded to
    SIGNIFICANT digits."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return float(f"{value:.{SIGNIFICANT}g}")
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    value = value.item() if hasattr(value, "item") else value
    return plain(value) if isinstance(value, float) else value


def _column(series: pd.Series) -> list[Any]:
    """A column's values as plain Python (see `plain`), made column-wise: 10^5 rows fast."""
    if pd.api.types.is_float_dtype(series.dtype):
        array = series.to_numpy(dtype=float, na_value=np.nan)
        out: list[Any] = array.tolist()
        whole = np.isnan(array) | (array == np.round(array))
        for i in np.flatnonzero(~whole).tolist():
            out[i] = float(f"{array[i]:.{SIGNIFICANT}g}")
        for i in np.flatnonzero(np.isnan(array)).tolist():
            out[i] = None
        return out
    if pd.api.types.is_integer_dtype(series.dtype):
        return list(series.to_numpy().tolist())
    values = series.to_numpy(dtype=object, copy=True)
    values[pd.isna(series).to_numpy()] = None
    return [v if v is None or v.__class__ is str else plain(v) for v in values.tolist()]


def _records(frame: pd.DataFrame) -> Iterator[Record]:
    columns = list(frame.columns)
    values = [_column(frame[c]) for c in columns]
    for row in zip(*values, strict=True):
        yield dict(zip(columns, row, strict=True))


def last_day(tahun: int | None, tw: int) -> date | None:
    """The last day of quarter `tw` of `tahun`: 31 March, 30 June, 30 September, 31 Dec."""
    if tahun is None or not 1 <= tw <= 4:
        return None
    month = 3 * tw
    return date(tahun, month, calendar.monthrange(tahun, month)[1])


def tables(
    sumber: EksporSumber,
    names: Iterable[str] | None = None,
    master: MasterForm | None = None,
) -> dict[str, Sequence[Row]]:
    """The tables named (every one when None), by name (see FIELDS); the Renstra import's
    need the master (its Renstra targets, programs and identity)."""
    makers: dict[str, Callable[[EksporSumber], Sequence[Row]]] = {
        "hierarki": hierarki,
        "pk": pk,
        "realisasi": realisasi,
        "skp": skp,
    }
    wanted = list(makers) if names is None else list(dict.fromkeys(names))
    out = {name: makers[name](sumber) for name in wanted if name in makers}
    if {"renstra", "renstra_tidak"} & set(wanted):
        from xlkinerja.kompilasi.ekspor_renstra_sumber import renstra_tables

        made = renstra_tables(sumber, master)
        out |= {"renstra": made.rows, "renstra_tidak": [{"uraian": t} for t in made.tidak]}
    return out


def _by_ikk(sumber: EksporSumber) -> dict[tuple[Any, Any], list[Record]]:
    found: dict[tuple[Any, Any], list[Record]] = {}
    for row in _records(sumber.capaian):
        found.setdefault((row["kode_ikk"], row["nama_unit"]), []).append(row)
    return found


def _notes(rows: list[Record]) -> str | None:
    notes = list(dict.fromkeys(r["alasan"] for r in rows if r["alasan"]))
    return "; ".join(notes) or None


def hierarki(sumber: EksporSumber) -> list[HierarkiRow]:
    tahun = sumber.tahun
    capaian = _by_ikk(sumber)
    period = sumber.period()
    iku_capaian: dict[Any, Any] = {}
    iku_cara: dict[Any, str] = {}
    for row in _records(sumber.capaian_iku):
        if row["tw"] == period:  # the period's figure, as the rekap and the LKj show it
            iku_capaian[row["kode_iku"]] = row["capaian"]
            iku_cara[row["kode_iku"]] = "; ".join(
                str(n) for n in (row.get("cara_agregasi"), row.get("keterangan")) if n
            )
    children: dict[Any, list[Record]] = {}
    for row in _records(sumber.ikk):
        children.setdefault(row["kode_iku"], []).append(row)
    out: list[HierarkiRow] = []
    known: set[Any] = set()
    sasaran_done: set[Any] = set()
    for iku in _records(sumber.iku):
        known.add(iku["kode_iku"])
        if iku["kode_ss"] not in sasaran_done:
            sasaran_done.add(iku["kode_ss"])
            out.append(
                _node("sasaran", iku["kode_ss"], None, iku["sasaran"], tahun, unit=sumber.instansi)
            )
        out.append(
            _node(
                "iku",
                iku["kode_iku"],
                iku["kode_ss"],
                iku["indikator"],
                tahun,
                satuan=iku["satuan"],
                target=iku["target"],
                tipe=iku["arah"],
                targets=(iku["tw1"], iku["tw2"], iku["tw3"], iku["tw4"]),
                capaian=iku_capaian.get(iku["kode_iku"]),
                unit=sumber.instansi,
                catatan="; ".join(
                    n for n in ("realisasi dilaporkan per IKK", iku_cara.get(iku["kode_iku"])) if n
                ),
            )
        )
        out.extend(
            _ikk_node(ikk, capaian, tahun, period) for ikk in children.get(iku["kode_iku"], [])
        )
    for code, rows in children.items():
        if code not in known:
            out.extend(_ikk_node(ikk, capaian, tahun, period, orphan=True) for ikk in rows)
    label = f"s.d. {LABEL_TW[period - 1]}" if period else None
    for node in out:
        node["periode"] = label
    return out


def _node(
    level: str,
    kode: Any,
    induk: Any,
    uraian: Any,
    tahun: int | None,
    *,
    satuan: Any = None,
    target: Any = None,
    targets: Quarters = NONE4,
    tipe: Any = None,
    realisasi: Quarters = NONE4,
    capaian: Any = None,
    kode_unit: Any = None,
    unit: Any = None,
    catatan: str | None = None,
) -> HierarkiRow:
    return HierarkiRow(
        level=level,
        kode=kode,
        kode_induk=induk,
        uraian=uraian,
        satuan=satuan,
        tahun=tahun,
        target=target,
        target_tw1=targets[0],
        target_tw2=targets[1],
        target_tw3=targets[2],
        target_tw4=targets[3],
        tipe=tipe,
        realisasi_tw1=realisasi[0],
        realisasi_tw2=realisasi[1],
        realisasi_tw3=realisasi[2],
        realisasi_tw4=realisasi[3],
        capaian=capaian,
        periode=None,  # the file's period, set once it is known (`hierarki`)
        kode_unit=kode_unit,
        unit=unit,
        catatan=catatan,
    )


def _ikk_node(
    ikk: Record,
    capaian: dict[tuple[Any, Any], list[Record]],
    tahun: int | None,
    period: int | None,
    orphan: bool = False,
) -> HierarkiRow:
    """An IKK's row: its realisasi per quarter, its capaian of the period (none when it did
    not report it: never an earlier quarter's)."""
    rows = capaian.get((ikk["kode_ikk"], ikk["nama_unit"]), [])
    per_tw = {r["tw"]: r for r in rows}
    notes = [f"IKU induk {ikk['kode_iku']} tidak ada di master"] if orphan else []
    notes += [n for n in [_notes(rows)] if n]
    if period is not None and per_tw and period not in per_tw:
        notes.append(f"belum melapor {LABEL_TW[period - 1]}")
    realisasi = tuple(per_tw[n]["realisasi"] if n in per_tw else None for n in range(1, 5))
    return _node(
        "ikk",
        ikk["kode_ikk"],
        ikk["kode_iku"],
        ikk["indikator"],
        tahun,
        satuan=ikk["satuan"],
        target=ikk["target"],
        targets=(ikk["tw1"], ikk["tw2"], ikk["tw3"], ikk["tw4"]),
        tipe=ikk["arah"],
        realisasi=(realisasi[0], realisasi[1], realisasi[2], realisasi[3]),
        capaian=per_tw[period]["capaian"] if period in per_tw else None,
        kode_unit=ikk["kode_unit"],
        unit=ikk["nama_unit"],
        catatan="; ".join(notes) or None,
    )


TIPE_INDIKATOR = {"naik": "positif", "turun": "negatif"}  # e-SAKIP's words for arah


def pk(sumber: EksporSumber) -> list[PkRow]:
    """The institution's IKU (its sasaran strategis), then every unit's IKK under the
    sasaran kegiatan the unit signed; an IKK's kode_sasaran is its IKU's SS."""
    tahun = sumber.tahun
    out: list[PkRow] = []
    sasaran: dict[Any, Any] = {}
    for iku in _records(sumber.iku):
        sasaran[iku["kode_iku"]] = iku["kode_ss"]
        out.append(
            PkRow(
                tahun=tahun,
                level="iku",
                kode_unit=None,
                unit=sumber.instansi,
                kode_sasaran=iku["kode_ss"],
                sasaran=iku["sasaran"],
                kode_iku=iku["kode_iku"],
                kode_indikator=iku["kode_iku"],
                indikator=iku["indikator"],
                satuan=iku["satuan"],
                arah=iku["arah"],
                tipe_indikator=TIPE_INDIKATOR.get(iku["arah"]),
                target=iku["target"],
            )
        )
    for ikk in _records(sumber.ikk):
        out.append(
            PkRow(
                tahun=tahun,
                level="ikk",
                kode_unit=ikk["kode_unit"],
                unit=ikk["nama_unit"],
                kode_sasaran=sasaran.get(ikk["kode_iku"]),
                sasaran=ikk["sasaran_unit"],
                kode_iku=ikk["kode_iku"],
                kode_indikator=ikk["kode_ikk"],
                indikator=ikk["indikator"],
                satuan=ikk["satuan"],
                arah=ikk["arah"],
                tipe_indikator=TIPE_INDIKATOR.get(ikk["arah"]),
                target=ikk["target"],
            )
        )
    return out


def realisasi(sumber: EksporSumber) -> list[RealisasiRow]:
    """In the order of the Perjanjian Kinerja's IKK, then by quarter."""
    tahun = sumber.tahun
    order = {
        key: i
        for i, key in enumerate(zip(sumber.ikk["kode_ikk"], sumber.ikk["nama_unit"], strict=True))
    }
    rows = sorted(
        _records(sumber.capaian),
        key=lambda r: (order.get((r["kode_ikk"], r["nama_unit"]), len(order)), r["tw"]),
    )
    out: list[RealisasiRow] = []
    for row in rows:
        tw = int(row["tw"])
        periode = last_day(tahun, tw)
        catatan = row["alasan"] or (None if periode else "tahun tidak diketahui")
        out.append(
            RealisasiRow(
                kode_indikator=row["kode_ikk"],
                indikator=row["indikator"],
                kode_iku=row["kode_iku"],
                kode_unit=row["kode_unit"],
                unit=row["nama_unit"],
                tahun=tahun,
                tw=tw,
                triwulan=LABEL_TW[tw - 1] if 1 <= tw <= 4 else None,
                periode=periode,
                target=row["target"],
                realisasi=row["realisasi"],
                capaian=row["capaian"],
                catatan=catatan,
            )
        )
    return out


def skp(sumber: EksporSumber) -> list[SkpRow]:
    out: list[SkpRow] = []
    for row in _records(sumber.skp):
        notes = []
        if row["target"] is None and row["target_bawah"] is None:
            notes.append("target belum diisi")
        if row["kode_rhk"] is not None and row["rhk_pimpinan"] is None and row["jenis"] == "Utama":
            notes.append("RHK pimpinan yang diintervensi belum diisi")
        out.append(
            SkpRow(
                kode_unit=row["kode_unit"],
                unit=row["nama_unit"],
                nip=row["nip"],
                nama=row["nama"],
                jabatan=row["jabatan"],
                jenis_jabatan=row["jenis_jabatan"],
                jenis=row["jenis"],
                perspektif=row["perspektif"],
                rhk_pimpinan=row["rhk_pimpinan"],
                kode_rhk=row["kode_rhk"],
                rhk=row["rhk"],
                aspek=row["aspek"],
                kode_iki=row["kode_iki"],
                iki=row["iki"],
                target=row["target"],
                target_bawah=row["target_bawah"],
                target_atas=row["target_atas"],
                satuan=row["satuan"],
                realisasi_tw1=row["realisasi_tw1"],
                realisasi_tw2=row["realisasi_tw2"],
                realisasi_tw3=row["realisasi_tw3"],
                realisasi_tw4=row["realisasi_tw4"],
                realisasi_tahunan=row["realisasi_tahunan"],
                catatan="; ".join(notes) or None,
            )
        )
    return out
