"""What an export and chapter III of the Laporan Kinerja (kompilasi/lkj.py) are made from:
the part of the compiled institution the export profiles and the LKj read, in one shape
whether it comes from the compiled model in memory (`from_kompilasi`) or from a compiled
workbook read back by its spec (`from_rekap`, of what sources/rekap.py read). No I/O.

Frames (pandas; text NaN = blank, numbers float NaN = blank or not computable):

iku       kode_ss, sasaran, kode_iku, indikator, satuan, arah (the master's), target, tw1,
          tw2, tw3, tw4 (the Rencana Aksi targets of the units combined), in the master's
          order
ikk       kode_iku, kode_unit, nama_unit, kode_ikk, indikator, satuan, arah, target, tw1,
          tw2, tw3, tw4 (Rencana Aksi targets), metode_kaskade, sasaran_unit (the unit's
          sasaran kegiatan as signed), as the Rekap PK lists them
capaian   kode_iku, kode_unit, nama_unit, kode_ikk, indikator, tw, target, realisasi
          (combined per konsolidasi up to that quarter), capaian, alasan (why blank)
capaian_iku  kode_iku, tw, capaian, predikat, target, realisasi, cara_agregasi,
          keterangan (kompilasi/kinerja.py `iku_figures`; read back from a rekap: predikat
          and the rest at the latest quarter only, the one the Rekap Capaian shows them for,
          also where it shows no capaian but says why)
faktor    kode_iku, kode_unit, nama_unit, kode_ikk, tw, kendala, tindak_lanjut,
          faktor_pendukung: the capaian rows whose unit wrote one of them
anggaran  kode_unit, nama_unit, program, anggaran (the units' PK budgets), kode_ikk,
          realisasi_tw1..tw4 (s.d. each TW, cumulative)
skp       the Rekap SKP's columns without berkas and baris (kompilasi/skp_rows.py)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.kompilasi.kinerja import latest_period
from xlkinerja.kompilasi.model import CAPAIAN_IKK_COLUMNS
from xlkinerja.kompilasi.skp_rows import REKAP_SKP_COLUMNS
from xlkinerja.specs.rekap import CAPAIAN_IKK as CAPAIAN_IKK_TABLE
from xlkinerja.specs.rekap import SHEET_CAPAIAN

if TYPE_CHECKING:
    from xlkinerja.kompilasi.model import Kompilasi
    from xlkinerja.sources.rekap import CapaianIkk, CapaianIku, Rekap

TW = ("tw1", "tw2", "tw3", "tw4")
IKU = ("kode_ss", "sasaran", "kode_iku", "indikator", "satuan", "arah", "target", *TW)
IKK = (
    "kode_iku",
    "kode_unit",
    "nama_unit",
    "kode_ikk",
    "indikator",
    "satuan",
    "arah",
    "target",
    *TW,
    "metode_kaskade",
    "sasaran_unit",
)
FAKTOR_TEXT = ("kendala", "tindak_lanjut", "faktor_pendukung")
CAPAIAN = tuple(  # the Rekap Capaian's IKK rows without what is derived or provenance
    c
    for c in CAPAIAN_IKK_COLUMNS
    if c not in ("status", "predikat", "berkas", "baris", *FAKTOR_TEXT)
)
LATEST_FIGURE = ("target", "realisasi", "cara_agregasi", "keterangan")
CAPAIAN_IKU = ("kode_iku", "tw", "capaian", "predikat", *LATEST_FIGURE)
FAKTOR = ("kode_iku", "kode_unit", "nama_unit", "kode_ikk", "tw", *FAKTOR_TEXT)
ANGGARAN = (
    "kode_unit",
    "nama_unit",
    "program",
    "anggaran",
    "kode_ikk",
    "realisasi_tw1",
    "realisasi_tw2",
    "realisasi_tw3",
    "realisasi_tw4",
)
SKP = tuple(c for c in REKAP_SKP_COLUMNS if c not in ("berkas", "baris"))


@dataclass(frozen=True)
class EksporSumber:
    instansi: str
    tahun: int | None
    iku: pd.DataFrame
    ikk: pd.DataFrame
    capaian: pd.DataFrame
    capaian_iku: pd.DataFrame
    skp: pd.DataFrame
    faktor: pd.DataFrame
    anggaran: pd.DataFrame
    periode: int | None = None  # the TW its figures are for (None: the latest reported)

    def period(self) -> int | None:
        """The TW every capaian of an export or the LKj is for (one period, one number):
        `periode`, else the latest any IKK reported (kompilasi/kinerja.py)."""
        return self.periode if self.periode is not None else latest_period(self.capaian)


def from_kompilasi(k: Kompilasi) -> EksporSumber:
    """The export's source from the compiled model (kompilasi, --dari-arsip)."""
    pk = k.rekap_pk
    iku = pk[pk["indikator_iku"].notna()].drop_duplicates("kode_iku")
    iku = iku[
        ["kode_ss", "sasaran", "kode_iku", "indikator_iku", "satuan_iku", "arah_iku", "target_iku"]
    ]
    iku = iku.rename(
        columns={
            "indikator_iku": "indikator",
            "satuan_iku": "satuan",
            "arah_iku": "arah",
            "target_iku": "target",
        }
    )
    iku = iku.merge(k.rekap_ra_iku[["kode_iku", *TW]], on="kode_iku", how="left")
    ikk = pk[pk["kode_ikk"].notna()][[*IKK[:8], "metode_kaskade", "sasaran_unit"]]
    ra = k.rekap_ra[["kode_ikk", "nama_unit", *TW]].drop_duplicates(["kode_ikk", "nama_unit"])
    ikk = ikk.merge(ra, on=["kode_ikk", "nama_unit"], how="left")[list(IKK)]
    cap = k.capaian_ikk
    written = cap[list(FAKTOR_TEXT)].notna().any(axis=1)
    return EksporSumber(
        instansi=k.instansi,
        tahun=k.tahun,
        iku=iku.reset_index(drop=True),
        ikk=ikk.reset_index(drop=True),
        capaian=k.capaian_ikk[list(CAPAIAN)].reset_index(drop=True),
        capaian_iku=k.capaian_iku[list(CAPAIAN_IKU)].reset_index(drop=True),
        skp=k.rekap_skp[list(SKP)].reset_index(drop=True),
        faktor=cap.loc[written, list(FAKTOR)].reset_index(drop=True),
        anggaran=k.anggaran[list(ANGGARAN)].reset_index(drop=True),
        periode=k.periode,
    )


# The rekap's tables (keys of specs/rekap.py) each export table, and the LKj, is made from;
# the cover and Status Pengumpulan are always read.
REKAP_TABLES: dict[str, tuple[str, ...]] = {
    "hierarki": ("rekap_pk", "rekap_ra", "capaian_iku", "capaian_ikk"),
    "pk": ("rekap_pk",),
    "realisasi": ("rekap_pk", "capaian_iku", "capaian_ikk"),
    "skp": ("rekap_skp",),
    "lkj": ("rekap_pk", "anggaran", "capaian_iku", "capaian_ikk", "temuan"),
    "renstra": ("rekap_pk", "anggaran"),
    "renstra_tidak": ("rekap_pk", "anggaran"),
}


def rekap_tables(tables: Iterable[str] | None = None) -> tuple[str, ...]:
    """The rekap's tables to read for the export tables named (every one when None), or
    "lkj": sources/rekap.py reads only those (Rekap Capaian is ~200,000 rows for 1,000
    units)."""
    names = REKAP_TABLES if tables is None else tables
    return tuple(dict.fromkeys(t for name in names for t in REKAP_TABLES[name]))


def from_rekap(rekap: Rekap, tables: Iterable[str] | None = None) -> EksporSumber:
    """The export's source from a compiled workbook read back (sources/rekap.py): the
    frames of the tables not read are empty; `faktor` and `anggaran` are made for the LKj
    only (`tables` None or naming "lkj")."""
    lkj = tables is None or "lkj" in tables
    units = rekap.units
    iku = pd.DataFrame([vars(r) for r in rekap.iku])
    ikk = pd.DataFrame(
        [
            {
                "kode_iku": r.kode_iku,
                "kode_unit": units.get(r.unit, r.unit) if r.unit is not None else None,
                "nama_unit": r.unit if r.unit in units else None,
                "kode_ikk": r.kode_ikk,
                "indikator": r.indikator,
                "satuan": r.satuan,
                "arah": r.arah,
                "target": r.target,
                "metode_kaskade": r.metode_kaskade,
                "sasaran_unit": r.sasaran_unit,
            }
            for r in rekap.ikk
        ]
    )
    iku_tw, ikk_tw = _targets_tw(rekap)
    iku = iku.merge(iku_tw, on="kode_iku", how="left") if len(iku) else _empty(IKU)
    ikk = ikk.merge(ikk_tw, on=["kode_ikk", "nama_unit"], how="left") if len(ikk) else _empty(IKK)
    capaian_iku, capaian, faktor = _capaian(rekap, lkj)
    skp = rekap.skp
    return EksporSumber(
        instansi=rekap.instansi,
        tahun=rekap.tahun,
        iku=iku[list(IKU)],
        ikk=ikk[list(IKK)],
        capaian=capaian,
        capaian_iku=capaian_iku,
        skp=pd.DataFrame(
            [dict(zip(skp, row, strict=True)) for row in zip(*skp.values(), strict=True)],
            columns=list(SKP),
        )
        if "rekap_skp" in rekap.read
        else _empty(SKP),
        faktor=faktor,
        anggaran=pd.DataFrame([vars(p) for p in rekap.anggaran], columns=list(ANGGARAN))
        if "anggaran" in rekap.read
        else _empty(ANGGARAN),
        periode=rekap.latest,
    )


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns))


def _targets_tw(rekap: Rekap) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Rencana Aksi's quarterly targets per IKU, and per IKK and unit (its first row)."""
    iku_columns, ikk_columns = ["kode_iku", *TW], ["kode_ikk", "nama_unit", *TW]
    if "rekap_ra" not in rekap.read:
        return _empty(iku_columns), _empty(ikk_columns)
    iku = [{"kode_iku": r.kode, **dict(zip(TW, r.tw, strict=True))} for r in rekap.ra_iku]
    ikk = [
        {"kode_ikk": r.kode, "nama_unit": r.unit, **dict(zip(TW, r.tw, strict=True))}
        for r in rekap.ra_ikk
    ]
    return (
        pd.DataFrame(iku, columns=iku_columns),
        pd.DataFrame(ikk, columns=ikk_columns).drop_duplicates(["kode_ikk", "nama_unit"]),
    )


def _capaian(rekap: Rekap, lkj: bool) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """capaian_iku (a row per IKU and quarter with a capaian; the predikat of the latest
    quarter, the only one the rekap shows), capaian and faktor."""
    cap = rekap.capaian_ikk
    if cap is None:
        return _empty(CAPAIAN_IKU), _empty(CAPAIAN), _empty(FAKTOR)
    iku: list[dict[str, Any]] = [
        {
            "kode_iku": r.kode_iku,
            "tw": i,
            "capaian": value,
            "predikat": r.predikat if i == rekap.latest else None,
            **_latest_figure(r, i == rekap.latest),
        }
        for r in rekap.capaian_iku
        for i, value in enumerate(r.capaian, start=1)
        if value is not None or (i == rekap.latest and _has_figure(r))
    ]
    units = rekap.units
    frame = pd.DataFrame(
        {
            "kode_iku": cap.kode_iku,
            "kode_unit": [units.get(u, u) if u is not None else None for u in cap.unit],
            "nama_unit": [u if u in units else None for u in cap.unit],
            "kode_ikk": cap.kode_ikk,
            "indikator": cap.indikator,
            "tw": cap.tw,
            "target": cap.target,
            "realisasi": cap.realisasi,
            "capaian": cap.capaian,
            "alasan": cap.keterangan,
        },
        columns=list(CAPAIAN),
    )
    faktor = _faktor(rekap, frame, cap) if lkj else _empty(FAKTOR)
    return pd.DataFrame(iku, columns=list(CAPAIAN_IKU)), frame, faktor


def _has_figure(row: CapaianIku) -> bool:
    """Whether section A says something of the latest quarter although it shows no capaian
    (e.g. why it was not computed), as the model in memory has a row for it."""
    return any(getattr(row, key) is not None for key in LATEST_FIGURE)


def _latest_figure(row: CapaianIku, latest: bool) -> dict[str, Any]:
    """The figure section A shows for the latest quarter only (blank for the others)."""
    if not latest:
        return dict.fromkeys(LATEST_FIGURE)
    return {key: getattr(row, key) for key in LATEST_FIGURE}


def _faktor(rekap: Rekap, frame: pd.DataFrame, cap: CapaianIkk) -> pd.DataFrame:
    """The IKK rows with a kendala or a tindak lanjut (asked for by the LKj only; a rekap
    made before the Rekap Capaian showed them cannot give them: said, not left out)."""
    if cap.kendala is None or cap.tindak_lanjut is None:
        labels = " dan ".join(CAPAIAN_IKK_TABLE.column(k).label for k in FAKTOR_TEXT[:2])
        raise WorkbookError(
            f"bagian C tidak memuat kolom {labels} (rekap dibuat oleh xlkinerja versi lama), "
            "padahal analisis faktor Laporan Kinerja memerlukannya.",
            code=ErrorCode.REKAP_KOLOM_HILANG,
            path=rekap.path,
            sheet=SHEET_CAPAIAN,
            hint="Buat ulang rekap dengan 'xlkinerja kompilasi'.",
        )
    texts = {
        "kendala": pd.Series(cap.kendala, dtype=object),
        "tindak_lanjut": pd.Series(cap.tindak_lanjut, dtype=object),
        # a rekap made before the column: none written (the LKj says it has none)
        "faktor_pendukung": pd.Series(
            cap.faktor_pendukung or [None] * len(cap.kendala), dtype=object
        ),
    }
    out = frame[list(FAKTOR[: -len(FAKTOR_TEXT)])].assign(**texts)
    written = out[list(FAKTOR_TEXT)].notna().any(axis=1)
    return out[written].reset_index(drop=True)
