"""The compiled frames' columns and dtypes, as pandera models (see `kompilasi.model`).

`aggregate` builds each frame from the units' rows with pandas, whose dtypes follow the
data: a column nobody filled, or a frame without rows, comes out as `object` holding None
or nothing. Each frame goes through its model once, where it is built: the model coerces
to one dtype per column (text `str` with NaN for blank, numbers float64, counts and row
numbers int64), then checks the columns, their order, and the values that may not be
blank. Every frame a `Kompilasi` holds has the same shape whatever the data; the writer
and the tests read them by these names.

Only the main process imports this module (pandas and pandera stay out of the workers).
"""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class _Frame(pa.DataFrameModel):
    class Config:
        strict = True  # exactly these columns,
        ordered = True  # in this order;
        coerce = True  # each of one dtype, whatever the data


class RekapPk(_Frame):
    """One row per IKK of every unit; an IKU nobody derived has one row with the unit
    columns blank; an IKK naming an unknown IKU has `indikator_iku` blank."""

    kode_ss: Series[str] = pa.Field(nullable=True)
    sasaran: Series[str] = pa.Field(nullable=True)
    kode_iku: Series[str] = pa.Field(nullable=True)
    indikator_iku: Series[str] = pa.Field(nullable=True)
    satuan_iku: Series[str] = pa.Field(nullable=True)
    target_iku: Series[float] = pa.Field(nullable=True)
    arah_iku: Series[str] = pa.Field(nullable=True)
    kode_unit: Series[str] = pa.Field(nullable=True)
    nama_unit: Series[str] = pa.Field(nullable=True)
    sasaran_unit: Series[str] = pa.Field(nullable=True)  # the unit's sasaran kegiatan
    kode_ikk: Series[str] = pa.Field(nullable=True)
    indikator: Series[str] = pa.Field(nullable=True)
    satuan: Series[str] = pa.Field(nullable=True)
    arah: Series[str] = pa.Field(nullable=True)
    target: Series[float] = pa.Field(nullable=True)
    metode_kaskade: Series[str] = pa.Field(nullable=True)
    keterangan: Series[str] = pa.Field(nullable=True)
    berkas: Series[str] = pa.Field(nullable=True)
    baris: Series[float] = pa.Field(nullable=True)  # float: blank on the rows of IKU nobody derived


class Anggaran(_Frame):
    kode_unit: Series[str] = pa.Field(nullable=True)
    nama_unit: Series[str] = pa.Field(nullable=True)
    program: Series[str] = pa.Field(nullable=True)
    anggaran: Series[float] = pa.Field(nullable=True)
    kode_ikk: Series[str] = pa.Field(nullable=True)  # the IKK the program/kegiatan supports
    realisasi_tw1: Series[float] = pa.Field(nullable=True)  # s.d. TW I, cumulative rupiah
    realisasi_tw2: Series[float] = pa.Field(nullable=True)
    realisasi_tw3: Series[float] = pa.Field(nullable=True)
    realisasi_tw4: Series[float] = pa.Field(nullable=True)
    keterangan: Series[str] = pa.Field(nullable=True)  # an amount could not be read: its cell
    berkas: Series[str]
    baris: Series[int]


class RekapRa(_Frame):
    kode_iku: Series[str] = pa.Field(nullable=True)
    kode_unit: Series[str] = pa.Field(nullable=True)
    nama_unit: Series[str] = pa.Field(nullable=True)
    kode_ikk: Series[str] = pa.Field(nullable=True)
    indikator: Series[str] = pa.Field(nullable=True)
    satuan: Series[str] = pa.Field(nullable=True)
    target_pk: Series[float] = pa.Field(nullable=True)
    tw1: Series[float] = pa.Field(nullable=True)
    tw2: Series[float] = pa.Field(nullable=True)
    tw3: Series[float] = pa.Field(nullable=True)
    tw4: Series[float] = pa.Field(nullable=True)
    keterangan: Series[str] = pa.Field(nullable=True)
    berkas: Series[str]
    baris: Series[int]


class RekapRaIku(_Frame):
    """Per IKU of the master: the sum of the units' TW targets (beban target) or their
    mean, only when the IKK share one satuan (`cara_agregasi` says which, or why not);
    `jumlah_ikk` blank when no unit wrote a Rencana Aksi for it."""

    kode_iku: Series[str]
    indikator_iku: Series[str] = pa.Field(nullable=True)
    target_iku: Series[float] = pa.Field(nullable=True)
    tw1: Series[float] = pa.Field(nullable=True)
    tw2: Series[float] = pa.Field(nullable=True)
    tw3: Series[float] = pa.Field(nullable=True)
    tw4: Series[float] = pa.Field(nullable=True)
    jumlah_ikk: Series[float] = pa.Field(nullable=True)
    cara_agregasi: Series[str] = pa.Field(nullable=True)


class CapaianIkk(_Frame):
    """Per IKK and reported triwulan (1..4): realisasi combined per konsolidasi, capaian,
    its status colour and predikat (blank when not computable, with the reason)."""

    kode_iku: Series[str] = pa.Field(nullable=True)
    kode_unit: Series[str] = pa.Field(nullable=True)
    nama_unit: Series[str] = pa.Field(nullable=True)
    kode_ikk: Series[str] = pa.Field(nullable=True)
    indikator: Series[str] = pa.Field(nullable=True)
    tw: Series[int]
    target: Series[float] = pa.Field(nullable=True)
    realisasi: Series[float] = pa.Field(nullable=True)
    capaian: Series[float] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(nullable=True)
    predikat: Series[str] = pa.Field(nullable=True)
    alasan: Series[str] = pa.Field(nullable=True)
    kendala: Series[str] = pa.Field(nullable=True)
    tindak_lanjut: Series[str] = pa.Field(nullable=True)
    faktor_pendukung: Series[str] = pa.Field(nullable=True)
    berkas: Series[str]
    baris: Series[int]


class CapaianIku(_Frame):
    """Per IKU and triwulan, over its IKK that reported it: target and realisasi combined
    and the capaian that follows (or the mean of the IKK's capaian where they do not
    combine: `cara_agregasi` says which); `keterangan` says what was left out and why."""

    kode_iku: Series[str]
    indikator_iku: Series[str] = pa.Field(nullable=True)
    tw: Series[int]
    target: Series[float] = pa.Field(nullable=True)
    realisasi: Series[float] = pa.Field(nullable=True)
    capaian: Series[float] = pa.Field(nullable=True)
    capaian_mentah: Series[float] = pa.Field(nullable=True)  # before the cap, when capped
    cara_agregasi: Series[str]
    status: Series[str] = pa.Field(nullable=True)
    predikat: Series[str] = pa.Field(nullable=True)
    jumlah_ikk: Series[int]  # its IKK that reported the TW
    ikk_melapor: Series[str]  # the same of all its IKK: "2 dari 3"
    keterangan: Series[str] = pa.Field(nullable=True)


class CapaianUnit(_Frame):
    """Per unit and triwulan: the mean of the unit's IKK capaian."""

    kode_unit: Series[str]
    nama_unit: Series[str]
    tw: Series[int]
    capaian: Series[float] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(nullable=True)


class RekapSkp(_Frame):
    """One row per IKI of every SKP, with its realisasi per period (kompilasi/skp_rows.py)."""

    kode_unit: Series[str] = pa.Field(nullable=True)
    nama_unit: Series[str] = pa.Field(nullable=True)
    nip: Series[str] = pa.Field(nullable=True)
    nama: Series[str] = pa.Field(nullable=True)
    jabatan: Series[str] = pa.Field(nullable=True)
    jenis_jabatan: Series[str] = pa.Field(nullable=True)
    jenis: Series[str] = pa.Field(nullable=True)
    perspektif: Series[str] = pa.Field(nullable=True)
    rhk_pimpinan: Series[str] = pa.Field(nullable=True)
    kode_rhk: Series[str] = pa.Field(nullable=True)
    rhk: Series[str] = pa.Field(nullable=True)
    aspek: Series[str] = pa.Field(nullable=True)
    kode_iki: Series[str] = pa.Field(nullable=True)
    iki: Series[str] = pa.Field(nullable=True)
    target: Series[float] = pa.Field(nullable=True)
    target_bawah: Series[float] = pa.Field(nullable=True)
    target_atas: Series[float] = pa.Field(nullable=True)
    satuan: Series[str] = pa.Field(nullable=True)
    realisasi_tw1: Series[float] = pa.Field(nullable=True)
    realisasi_tw2: Series[float] = pa.Field(nullable=True)
    realisasi_tw3: Series[float] = pa.Field(nullable=True)
    realisasi_tw4: Series[float] = pa.Field(nullable=True)
    realisasi_tahunan: Series[float] = pa.Field(nullable=True)
    berkas: Series[str]
    baris: Series[int]
