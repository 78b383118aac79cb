"""What an export and chapter III of the Laporan Kinerja (kompilasi/lkj.py) are made from:
the part of the compiled institution the export profiles and the LKj read, in one shape
whether it comes from the compiled model in memory (`from_kompilasi`) or read back from a
compiled workbook (render/ekspor/rekap_read.py). No I/O.

Frames (pandas; text NaN = blank, numbers float NaN = blank or not computable):

iku       kode_ss, sasaran, kode_iku, indikator, satuan, target, tw1, tw2, tw3, tw4
          (the Rencana Aksi targets of the units combined), in the master's order
ikk       kode_iku, kode_unit, nama_unit, kode_ikk, indikator, satuan, arah, target, tw1,
          tw2, tw3, tw4 (Rencana Aksi targets), metode_kaskade, as the Rekap PK lists them
capaian   kode_iku, kode_unit, nama_unit, kode_ikk, indikator, tw, target, realisasi
          (combined per konsolidasi up to that quarter), capaian, alasan (why blank)
capaian_iku  kode_iku, tw, capaian (the roll-up of its IKK), predikat (read back from a
          rekap: at the latest quarter only, the one the Rekap Capaian shows it for)
faktor    kode_iku, kode_unit, nama_unit, kode_ikk, tw, kendala, tindak_lanjut: the
          capaian rows whose unit wrote a kendala or a tindak lanjut
anggaran  kode_unit, nama_unit, program, anggaran (the units' PK budgets)
skp       the Rekap SKP's columns without berkas and baris (kompilasi/skp_rows.py)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from xlkinerja.kompilasi.model import CAPAIAN_IKK_COLUMNS
from xlkinerja.kompilasi.skp_rows import REKAP_SKP_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

    from xlkinerja.kompilasi.model import Kompilasi

TW = ("tw1", "tw2", "tw3", "tw4")
IKU = ("kode_ss", "sasaran", "kode_iku", "indikator", "satuan", "target", *TW)
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
)
FAKTOR_TEXT = ("kendala", "tindak_lanjut")
CAPAIAN = tuple(  # the Rekap Capaian's IKK rows without what is derived or provenance
    c
    for c in CAPAIAN_IKK_COLUMNS
    if c not in ("status", "predikat", "berkas", "baris", *FAKTOR_TEXT)
)
CAPAIAN_IKU = ("kode_iku", "tw", "capaian", "predikat")
FAKTOR = ("kode_iku", "kode_unit", "nama_unit", "kode_ikk", "tw", *FAKTOR_TEXT)
ANGGARAN = ("kode_unit", "nama_unit", "program", "anggaran")
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


def from_kompilasi(k: Kompilasi) -> EksporSumber:
    """The export's source from the compiled model (kompilasi, --dari-arsip)."""
    pk = k.rekap_pk
    iku = pk[pk["indikator_iku"].notna()].drop_duplicates("kode_iku")
    iku = iku[["kode_ss", "sasaran", "kode_iku", "indikator_iku", "satuan_iku", "target_iku"]]
    iku = iku.rename(
        columns={"indikator_iku": "indikator", "satuan_iku": "satuan", "target_iku": "target"}
    )
    iku = iku.merge(k.rekap_ra_iku[["kode_iku", *TW]], on="kode_iku", how="left")
    ikk = pk[pk["kode_ikk"].notna()][[*IKK[:8], "metode_kaskade"]]
    ra = k.rekap_ra[["kode_ikk", "nama_unit", *TW]].drop_duplicates(["kode_ikk", "nama_unit"])
    ikk = ikk.merge(ra, on=["kode_ikk", "nama_unit"], how="left")[list(IKK)]
    cap = k.capaian_ikk
    written = cap["kendala"].notna() | cap["tindak_lanjut"].notna()
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
    )
