"""Assemble the compiled institution from the per-file results (no I/O)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from xlkinerja.cascade.build_tree import build_tree
from xlkinerja.cascade.index import CascadeIndex, build_index
from xlkinerja.core.finding import Finding, Severity
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.domain.status import status_of
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
from xlkinerja.specs import FormKind

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
        }
        for code, r in index.iku.items()
    ]
    return _frame(
        rows, ["kode_ss", "sasaran", "kode_iku", "indikator_iku", "satuan_iku", "target_iku"]
    )


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
    master: NormalForm,
    results: Sequence[Received],
    findings: list[Finding],
    *,
    now: datetime,
    index: CascadeIndex | None = None,
) -> Kompilasi:
    """The compiled frames and tree; `index`: the cascade index of `master` and the files'
    forms, if built already."""
    forms = [r.form for r in results if r.form is not None and r.form.form.id != FormKind.MASTER]
    index = index or build_index(master, forms)
    settings = Pengaturan.from_master(master)
    latest: dict[str, dict[str, float | None]] = {}
    for r in results:
        for row in r.rekap.get("capaian", []):  # in TW order per IKK
            ikk, nilai = row["kode_ikk"], row["capaian"]
            if isinstance(ikk, str) and isinstance(nilai, int | float):  # the tree asks by code
                latest.setdefault(r.path, {})[ikk] = nilai
    tree = build_tree(index, latest_capaian=latest)
    kuning, hijau = tree.ambang_kuning, tree.ambang_hijau
    scale = predikat_scale(master)
    iku = _iku_frame(index)
    rekap: dict[str, Rows] = {"pk": [], "anggaran": [], "ra": [], "capaian": []}
    for r in results:
        for key, rows in r.rekap.items():
            rekap[key].extend(rows)
    pk = _frame(
        rekap["pk"], [c for c in list(REKAP_PK_COLUMNS) if c not in iku.columns or c == "kode_iku"]
    )
    # IKU in the master's order; IKK naming an unknown IKU last.
    order = {code: i for i, code in enumerate(index.iku)}
    rekap_pk = iku.merge(pk, on="kode_iku", how="outer")
    rekap_pk["_urut"] = rekap_pk["kode_iku"].map(order).fillna(len(order))
    rekap_pk = rekap_pk.sort_values(
        ["_urut", "kode_iku", "kode_unit", "kode_ikk"], kind="stable", na_position="first"
    )
    rekap_pk = rekap_pk[list(REKAP_PK_COLUMNS)].reset_index(drop=True)
    ra = _frame(rekap["ra"], list(REKAP_RA_COLUMNS))
    beban = set(pk.loc[pk["metode_kaskade"] == "beban target", "kode_iku"].dropna())
    ra_numeric = ra.assign(**{tw: pd.to_numeric(ra[tw], errors="coerce") for tw in TW})
    grouped = ra_numeric.groupby("kode_iku", dropna=True)
    sums, means = grouped[TW].sum(min_count=1), grouped[TW].mean()
    ra_iku = means.copy()
    for code in sums.index.intersection(list(beban)):
        ra_iku.loc[code] = sums.loc[code]
    ra_iku["jumlah_ikk"] = grouped.size()
    rekap_ra_iku = iku[["kode_iku", "indikator_iku", "target_iku"]].merge(
        ra_iku.reset_index(), on="kode_iku", how="left"
    )
    cap = _frame(
        rekap["capaian"], [c for c in list(CAPAIAN_IKK_COLUMNS) if c not in ("status", "predikat")]
    )
    cap["capaian"] = pd.to_numeric(cap["capaian"], errors="coerce")
    cap["status"] = [_colour(v, kuning, hijau) for v in cap["capaian"]]
    cap["predikat"] = [scale.predikat(v) if pd.notna(v) else None for v in cap["capaian"]]
    capaian_ikk = cap[list(CAPAIAN_IKK_COLUMNS)]
    per_iku = (
        cap.groupby(["kode_iku", "tw"], dropna=True)
        .agg(capaian=("capaian", "mean"), jumlah_ikk=("kode_ikk", "count"))
        .reset_index()
    )
    per_iku = iku[["kode_iku", "indikator_iku"]].merge(per_iku, on="kode_iku", how="inner")
    per_iku["status"] = [_colour(v, kuning, hijau) for v in per_iku["capaian"]]
    per_iku["predikat"] = [scale.predikat(v) if pd.notna(v) else None for v in per_iku["capaian"]]
    per_unit = (
        cap.groupby(["kode_unit", "nama_unit", "tw"], dropna=True)
        .agg(capaian=("capaian", "mean"))
        .reset_index()
    )
    per_unit["status"] = [_colour(v, kuning, hijau) for v in per_unit["capaian"]]
    read = Counter[str]()
    for r in results:
        read.update(r.rows_read)
    return Kompilasi(
        instansi=master.text("nama_instansi") or "",
        tahun=index.tahun,
        batas_pk=settings.batas_pk_for(index.tahun),
        dibuat=now,
        ambang_kuning=kuning,
        ambang_hijau=hijau,
        status=_status(index, results, findings, settings),
        # Each frame through its model once: one dtype per column, whatever the data.
        rekap_pk=RekapPk.validate(rekap_pk),
        anggaran=Anggaran.validate(_frame(rekap["anggaran"], _columns(Anggaran))),
        rekap_ra=RekapRa.validate(ra),
        rekap_ra_iku=RekapRaIku.validate(rekap_ra_iku),
        capaian_ikk=CapaianIkk.validate(capaian_ikk),
        capaian_iku=CapaianIku.validate(per_iku[_columns(CapaianIku)]),
        capaian_unit=CapaianUnit.validate(per_unit),
        temuan=findings,
        pohon=tree,
        tidak_terbaca=[Unreadable(r.path, r.error) for r in results if r.error],
        baris_dibaca=dict(read),
        rekap_skp=RekapSkp.validate(_frame(skp_rows(index), list(REKAP_SKP_COLUMNS))),
    )


def _colour(value: float, kuning: float, hijau: float) -> str | None:
    status = status_of(None if pd.isna(value) else float(value), kuning=kuning, hijau=hijau)
    return status.value if status else None
