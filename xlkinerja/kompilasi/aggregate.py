"""Assemble the compiled institution from the per-file results (no I/O)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import cast

import pandas as pd
import pandera.pandas as pa

from xlkinerja.cascade.build_tree import build_tree
from xlkinerja.cascade.index import CascadeIndex, build_index
from xlkinerja.core.finding import Finding, Severity
from xlkinerja.core.normal import MasterForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.domain.predikat import PredikatScale
from xlkinerja.domain.rollup import CaraNilai, rollup_nilai
from xlkinerja.domain.status import status_values, thresholds
from xlkinerja.kompilasi.kinerja import (
    ikk_totals,
    iku_cara,
    iku_figures,
    latest_period,
    reported_text,
    tree_period,
)
from xlkinerja.kompilasi.model import (
    CAPAIAN_IKK_COLUMNS,
    REKAP_PK_COLUMNS,
    REKAP_RA_COLUMNS,
    Kompilasi,
    StatusUnit,
    Unreadable,
)
from xlkinerja.kompilasi.rows import Received, Rows
from xlkinerja.kompilasi.schemas import (
    Anggaran,
    CapaianIkk,
    CapaianIku,
    CapaianUnit,
    RekapPk,
    RekapRa,
    RekapRaIku,
    RekapSkp,
)
from xlkinerja.kompilasi.skala import predikat_scale
from xlkinerja.kompilasi.skp_rows import REKAP_SKP_COLUMNS, skp_rows

TW = ["tw1", "tw2", "tw3", "tw4"]


def _frame(rows: Sequence[Mapping[str, object]], columns: list[str]) -> pd.DataFrame:
    return (
        pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
    )


def _columns(model: type[pa.DataFrameModel]) -> list[str]:
    return list(model.to_schema().columns)


def _iku_frame(index: CascadeIndex) -> pd.DataFrame:
    rows = [
        {
            "kode_ss": r.value("kode_ss"),
            "sasaran": r.value("sasaran"),
            "kode_iku": code,
            "indikator_iku": r.value("indikator"),
            "satuan_iku": r.value("satuan"),
            "target_iku": index.iku_target(code),
            "arah_iku": r.value("arah"),
            "agregasi_iku": r.value("agregasi"),
        }
        for code, r in index.iku.items()
    ]
    return _frame(
        rows,
        [
            *("kode_ss", "sasaran", "kode_iku", "indikator_iku", "satuan_iku", "target_iku"),
            *("arah_iku", "agregasi_iku"),
        ],
    )


def iku_agregasi(iku: pd.DataFrame) -> dict[str, str]:
    """IKU code → how its Manual IKU combines its IKK's realisasi, where the master says."""
    return {
        str(code): str(cara)
        for code, cara in zip(iku["kode_iku"], iku["agregasi_iku"], strict=True)
        if isinstance(cara, str) and cara
    }


def iku_arah(iku: pd.DataFrame) -> dict[str, str]:
    """IKU code → its arah (naik/turun), as the master says."""
    return {
        str(code): str(arah)
        for code, arah in zip(iku["kode_iku"], iku["arah_iku"], strict=True)
        if isinstance(arah, str)
    }


def _status(
    index: CascadeIndex,
    results: Sequence[Received],
    findings: list[Finding],
    settings: Pengaturan,
) -> list[StatusUnit]:
    counts = Counter((f.file, f.severity) for f in findings)
    # An unreadable file named the way xlkinerja names unit workbooks (TI-....xlsx) is shown
    # against that unit; every unreadable file is also listed in tidak_terbaca.
    unreadable_units: dict[str, str] = {}
    for r in results:
        if r.error:
            stem = Path(r.path).name.split("-")[0].upper()
            unreadable_units.setdefault(stem, f"{Path(r.path).name}: {r.error}")
    status = []
    for kode, nama in index.unit_names.items():
        forms = index.unit_forms.get(kode, [])
        if not forms:
            reason = unreadable_units.get(kode)
            status.append(
                StatusUnit(
                    kode,
                    nama,
                    None if reason is None else reason.split(":")[0],
                    None,
                    None,
                    None,
                    settings.batas_pk_for(index.tahun),
                    False,
                    0,
                    0,
                    reason is None,
                    reason,
                )
            )
            continue
        form = forms[0]
        tanggal = form.day("tanggal")
        batas = settings.batas_pk_for(index.tahun)
        status.append(
            StatusUnit(
                kode,
                nama,
                form.file,
                form.text("status"),
                tanggal,
                form.day("tanggal_disahkan"),
                batas,
                bool(tanggal and batas and tanggal > batas),
                counts[form.file, Severity.GALAT],
                counts[form.file, Severity.PERINGATAN],
                True,
            )
        )
    return status


def aggregate(
    master: MasterForm,
    results: Sequence[Received],
    findings: list[Finding] | Callable[[], list[Finding]],
    *,
    now: datetime,
    index: CascadeIndex | None = None,
    triwulan: int | None = None,
) -> Kompilasi:
    """The compiled frames and tree; `index`: the cascade index of `master` and the files'
    forms, if built already; `findings` may be a function that gives them (asked for last:
    kompilasi's are completed by a child process meanwhile); `triwulan`: the period shown
    (1..4), else the latest any IKK reported."""
    forms = [r.form for r in results if r.form is not None and not r.form.is_master]
    index = index or build_index(master, forms)
    settings = Pengaturan.from_master(master)
    kuning, hijau = thresholds(master.number("ambang_kuning"), master.number("ambang_hijau"))
    scale = predikat_scale(master)
    iku = _iku_frame(index)
    rekap = _rekap_rows(results)
    rekap_pk = _rekap_pk(index, iku, rekap["pk"])
    ra = _frame(rekap["ra"], list(REKAP_RA_COLUMNS))
    rekap_ra_iku = iku[["kode_iku", "indikator_iku", "target_iku"]].merge(
        ra_per_iku(rekap["ra"], rekap["pk"]), on="kode_iku", how="left"
    )
    cap = _capaian(rekap["capaian"], kuning, hijau, scale)
    capaian_ikk = cap[list(CAPAIAN_IKK_COLUMNS)]
    totals = ikk_totals(rekap_pk)
    per_iku = _capaian_iku(cap, iku, rekap_pk, settings, (kuning, hijau, scale), totals)
    per_unit = _capaian_unit(cap, kuning, hijau)
    periode = triwulan if triwulan is not None else latest_period(cap)
    tree = build_tree(index, periode=tree_period(cap, per_iku, totals, periode))
    read = Counter[str]()
    for r in results:
        read.update(r.rows_read)
    # Each frame through its model once: one dtype per column, whatever the data.
    pk_valid = RekapPk.validate(rekap_pk)
    anggaran = Anggaran.validate(_frame(rekap["anggaran"], _columns(Anggaran)))
    ra_valid = RekapRa.validate(ra)
    ra_iku_valid = RekapRaIku.validate(rekap_ra_iku)
    ikk_valid = CapaianIkk.validate(capaian_ikk)
    iku_valid = CapaianIku.validate(per_iku[_columns(CapaianIku)])
    unit_valid = CapaianUnit.validate(per_unit)
    skp = RekapSkp.validate(_frame(skp_rows(index), list(REKAP_SKP_COLUMNS)))
    temuan = findings() if callable(findings) else findings  # last: it may still be coming
    return Kompilasi(
        instansi=master.text("nama_instansi") or "",
        tahun=index.tahun,
        batas_pk=settings.batas_pk_for(index.tahun),
        dibuat=now,
        ambang_kuning=kuning,
        ambang_hijau=hijau,
        status=_status(index, results, temuan, settings),
        rekap_pk=pk_valid,
        anggaran=anggaran,
        rekap_ra=ra_valid,
        rekap_ra_iku=ra_iku_valid,
        capaian_ikk=ikk_valid,
        capaian_iku=iku_valid,
        capaian_unit=unit_valid,
        temuan=temuan,
        pohon=tree,
        tidak_terbaca=[Unreadable.of(r.path, r.failure) for r in results if r.failure],
        baris_dibaca=dict(read),
        rekap_skp=skp,
        periode=periode,
    )


def _rekap_rows(results: Sequence[Received]) -> dict[str, Rows]:
    """The files' rekap rows, per rekap, in the files' order."""
    rekap: dict[str, Rows] = {"pk": [], "anggaran": [], "ra": [], "capaian": []}
    for r in results:
        for key, rows in r.rekap.items():
            rekap[key].extend(rows)
    return rekap


def _rekap_pk(index: CascadeIndex, iku: pd.DataFrame, pk_rows: Rows) -> pd.DataFrame:
    """The units' PK rows beside the master's IKU they derive (every IKU, derived or not)."""
    pk = _frame(
        pk_rows, [c for c in list(REKAP_PK_COLUMNS) if c not in iku.columns or c == "kode_iku"]
    )
    # IKU in the master's order; IKK naming an unknown IKU last.
    order = {code: i for i, code in enumerate(index.iku)}
    rekap_pk = iku.merge(pk, on="kode_iku", how="outer")
    rekap_pk["_urut"] = rekap_pk["kode_iku"].map(order).fillna(len(order))
    rekap_pk = rekap_pk.sort_values(
        ["_urut", "kode_iku", "kode_unit", "kode_ikk"], kind="stable", na_position="first"
    )
    return rekap_pk[list(REKAP_PK_COLUMNS)].reset_index(drop=True)


def _capaian(rows: Rows, kuning: float, hijau: float, scale: PredikatScale) -> pd.DataFrame:
    """The IKK's capaian rows with their status and predikat, and `_tak_terbaca` for the
    rollups."""
    cap = _frame(rows, [c for c in list(CAPAIAN_IKK_COLUMNS) if c not in ("status", "predikat")])
    cap["capaian"] = pd.to_numeric(cap["capaian"], errors="coerce")
    cap["status"] = status_values(cap["capaian"].to_numpy(), kuning=kuning, hijau=hijau)
    cap["predikat"] = scale.predikat_values(cap["capaian"].to_numpy())
    cap["_tak_terbaca"] = [bool(row.get("tak_terbaca")) for row in rows]
    for part in ("pembilang", "penyebut"):  # for the IKU combined as a ratio only
        cap[f"_{part}"] = pd.to_numeric(
            pd.Series([row.get(part) for row in rows], dtype=object), errors="coerce"
        ).to_numpy(dtype=float)
    return cap


def _capaian_iku(
    cap: pd.DataFrame,
    iku: pd.DataFrame,
    rekap_pk: pd.DataFrame,
    settings: Pengaturan,
    status: tuple[float, float, PredikatScale],
    totals: Mapping[str, int],
) -> pd.DataFrame:
    """Per IKU of the master and TW: its figure (kompilasi/kinerja.py `iku_figures`),
    status and predikat, and how many of its IKK reported that TW ("2 dari 3")."""
    kuning, hijau, scale = status
    cara = iku_cara(rekap_pk, iku_agregasi(iku))
    figures = iku_figures(cap, cara, iku_arah(iku), settings.batas_atas_capaian)
    per_iku = iku[["kode_iku", "indikator_iku"]].merge(figures, on="kode_iku", how="inner")
    per_iku["status"] = status_values(per_iku["capaian"].to_numpy(), kuning=kuning, hijau=hijau)
    per_iku["predikat"] = scale.predikat_values(per_iku["capaian"].to_numpy())
    per_iku["ikk_melapor"] = [
        reported_text(int(n), totals.get(code, 0))
        for code, n in zip(per_iku["kode_iku"], per_iku["jumlah_ikk"], strict=True)
    ]
    return per_iku


def _capaian_unit(cap: pd.DataFrame, kuning: float, hijau: float) -> pd.DataFrame:
    """Per unit and TW: its IKK's capaian rolled up, and status."""
    per_unit = capaian_rollup(cap, ["kode_unit", "nama_unit", "tw"])
    per_unit = per_unit.drop(columns=["jumlah_ikk", "keterangan"])
    per_unit["status"] = status_values(per_unit["capaian"].to_numpy(), kuning=kuning, hijau=hijau)
    return per_unit


def capaian_rollup(cap: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per group of `keys` (an IKU or a unit, and a TW): the mean of its IKK's capaian —
    capaian has no satuan, so IKK of any satuan roll up — and how many IKK it has. Unknown
    (NaN, `keterangan` naming the IKK) when an IKK's capaian is unknown because a value
    could not be read (`cap["_tak_terbaca"]`): a mean without it would be a guess."""
    work = cap.assign(_ikk_tak_terbaca=cap["kode_ikk"].where(cap["_tak_terbaca"].astype(bool)))
    out = (
        work.groupby(keys, dropna=True)
        .agg(
            capaian=("capaian", "mean"),
            jumlah_ikk=("kode_ikk", "count"),
            _tak_terbaca=("_ikk_tak_terbaca", "count"),
        )
        .reset_index()
    )
    unknown = out["_tak_terbaca"] > 0
    out.loc[unknown, "capaian"] = float("nan")
    out["keterangan"] = None
    if unknown.any():  # the IKK are named only where there are some (rare, and slow to do)
        named = (
            work[work["_ikk_tak_terbaca"].notna()]
            .groupby(keys, dropna=True)["_ikk_tak_terbaca"]
            .agg(_codes)
            .rename("_kode")
            .reset_index()
        )
        codes = out[keys].merge(named, on=keys, how="left")["_kode"]
        out["keterangan"] = [
            f"tidak dihitung: capaian {code} tidak diketahui (isian tidak dapat dibaca)"
            if flag
            else None
            for flag, code in zip(unknown, codes, strict=True)
        ]
    return out.drop(columns="_tak_terbaca")


def ra_per_iku(ra_rows: Rows, pk_rows: Rows) -> pd.DataFrame:
    """Per IKU its units' TW targets rolled up (`domain.rollup.rollup_nilai`): only IKK of
    one satuan are combined, summed when every one was derived by beban target, else
    averaged; `cara_agregasi` says which (or why not) and which TW are not computed."""
    beban = {
        (row["berkas"], row["kode_ikk"])
        for row in pk_rows
        if row.get("metode_kaskade") == "beban target"
    }
    groups: dict[str, list[Mapping[str, object]]] = {}
    for row in ra_rows:
        code = row.get("kode_iku")
        if isinstance(code, str):
            groups.setdefault(code, []).append(row)
    out = []
    for code, rows in groups.items():
        satuan = [row.get("satuan") for row in rows]
        cara: CaraNilai = (
            "jumlah" if all((r["berkas"], r["kode_ikk"]) in beban for r in rows) else "rata-rata"
        )
        record: dict[str, object] = {"kode_iku": code, "jumlah_ikk": len(rows)}
        notes = []
        for tw, label in zip(TW, LABEL_TW, strict=True):
            values = [_ra_value(row, tw) for row in rows]
            result = rollup_nilai(satuan, values, cara)
            record[tw] = result.nilai
            if result.nilai is None and result.satuan is not None:
                notes.append(f"{label}: {result.alasan}")
            record["cara_agregasi"] = result.cara
        if notes:
            record["cara_agregasi"] = (
                f"{record['cara_agregasi']}; tidak dihitung {'; '.join(notes)}"
            )
        out.append(record)
    return _frame(out, ["kode_iku", *TW, "jumlah_ikk", "cara_agregasi"])


def _codes(codes: pd.Series) -> str:
    """The codes of a group, each once, in their order: "IKK-AK-3, IKK-TI-3"."""
    return ", ".join(dict.fromkeys(c for c in codes if isinstance(c, str)))


_TAK_TERBACA = object()  # a target that could not be read: neither a number nor blank


def _ra_value(row: Mapping[str, object], tw: str) -> object:
    if tw in cast("list[str]", row.get("tak_terbaca") or []):
        return _TAK_TERBACA
    value = row.get(tw)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
