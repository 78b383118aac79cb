"""Catalogue entries of the error codes (`errors.ErrorCode`): what each reason means and
what the user does about it, grouped by kind — here those of the workbooks (a file given,
its template, what a job needs of it); those of how a job is run (options, outputs,
archive) in catalogue_galat_jalan.py, of where xlkinerja is set up (settings,
installation, server) in catalogue_galat_pasang.py.

An error's message is written where it is raised (it names the file, the sheet, the cell
and the value); the rule's template is that message (`{nilai}`). A workbook that cannot be
read is a finding of its error's code, a galat.
"""

from __future__ import annotations

from xlkinerja.core.codes import ErrorKind
from xlkinerja.core.rule import Rule
from xlkinerja.core.rule import error_rule as _galat
from xlkinerja.errors import ErrorCode as E
from xlkinerja.validation.catalogue_galat_jalan import RUN_RULES
from xlkinerja.validation.catalogue_galat_pasang import SETUP_RULES

K = ErrorKind


SIMPAN_ULANG = "Buka di Excel lalu simpan ulang sebagai Buku Kerja Excel (.xlsx)."
TEMPLAT_BARU = "Buat workbook dari templat terbaru (xlkinerja templat) dan salin isiannya."
REKAP_BARU = "Buat ulang rekap dengan 'xlkinerja kompilasi'."

WORKBOOK_RULES: tuple[Rule, ...] = (
    # A file given as input
    _galat(
        E.BERKAS_TIDAK_DITEMUKAN,
        K.BERKAS,
        "Berkas tidak ditemukan",
        "Periksa nama dan folder berkas.",
    ),
    _galat(
        E.BERKAS_TIDAK_DAPAT_DIBUKA,
        K.BERKAS,
        "Berkas tidak dapat dibuka",
        "Periksa hak akses berkas, atau tutup program lain yang memakainya.",
    ),
    _galat(
        E.BERKAS_TIDAK_TERBACA,
        K.BERKAS,
        "Berkas tidak dapat dibaca",
        "Perbaiki berkas sesuai pesan, lalu ulangi.",
    ),
    _galat(
        E.BERKAS_JENIS_TIDAK_DIDUKUNG,
        K.BERKAS,
        "Jenis berkas tidak didukung",
        "Berikan workbook Excel .xlsx (atau .xlsm).",
    ),
    _galat(
        E.BERKAS_BUKAN_WORKBOOK,
        K.BERKAS,
        "Isi berkas bukan workbook Excel",
        SIMPAN_ULANG,
    ),
    _galat(
        E.BERKAS_FORMAT_XLS,
        K.BERKAS,
        "Format .xls (Excel 97-2003)",
        "Pindahkan isiannya ke templat baru dengan 'xlkinerja pindahkan'.",
    ),
    _galat(
        E.BERKAS_FORMAT_ODS,
        K.BERKAS,
        "Format .ods (OpenDocument)",
        "Buka di LibreOffice lalu Simpan Sebagai .xlsx (Excel 2007-365).",
    ),
    _galat(
        E.BERKAS_FORMAT_XLSB,
        K.BERKAS,
        "Format .xlsb (Excel Binary Workbook)",
        SIMPAN_ULANG,
    ),
    _galat(
        E.BERKAS_ISI_TIDAK_DIDUKUNG,
        K.BERKAS,
        "Isi workbook tidak didukung",
        SIMPAN_ULANG,
    ),
    _galat(
        E.BERKAS_TERENKRIPSI,
        K.BERKAS,
        "Berkas dilindungi kata sandi",
        "Simpan tanpa kata sandi pembuka.",
    ),
    _galat(
        E.BERKAS_RUSAK,
        K.BERKAS,
        "Berkas rusak",
        "Minta salinan yang utuh, atau buka di Excel lalu simpan ulang.",
    ),
    _galat(
        E.BERKAS_BAGIAN_HILANG,
        K.BERKAS,
        "Bagian workbook hilang",
        SIMPAN_ULANG,
    ),
    _galat(
        E.BERKAS_BAGIAN_RUSAK,
        K.BERKAS,
        "Bagian workbook rusak",
        SIMPAN_ULANG,
    ),
    _galat(
        E.BERKAS_TERLALU_BESAR,
        K.BERKAS,
        "Berkas terlalu besar",
        "Hapus baris, kolom dan gaya sel yang tidak dipakai, lalu simpan.",
    ),
    _galat(
        E.BERKAS_TIDAK_AMAN,
        K.BERKAS,
        "Berkas tidak wajar (tidak dibuka demi keamanan)",
        "Simpan ulang workbook dari Excel; jangan menyunting isinya di luar Excel.",
    ),
    _galat(
        E.BERKAS_TAUTAN_BERPUTAR,
        K.BERKAS,
        "Tautan simbolik berputar",
        "Hapus tautan itu atau arahkan ke workbook yang sebenarnya.",
    ),
    # The workbook is not the template it should be
    _galat(
        E.TEMPLAT_METADATA_HILANG,
        K.TEMPLAT,
        "Bukan workbook templat xlkinerja",
        TEMPLAT_BARU,
    ),
    _galat(
        E.TEMPLAT_METADATA_TIDAK_LENGKAP,
        K.TEMPLAT,
        "Metadata templat tidak lengkap",
        TEMPLAT_BARU,
    ),
    _galat(
        E.TEMPLAT_JENIS_TIDAK_DIKENAL,
        K.TEMPLAT,
        "Jenis templat tidak dikenal",
        TEMPLAT_BARU,
    ),
    _galat(
        E.TEMPLAT_JENIS_SALAH,
        K.TEMPLAT,
        "Workbook jenis lain",
        "Berikan workbook jenis yang diminta (master, unit atau SKP).",
    ),
    _galat(
        E.TEMPLAT_VERSI_BEDA,
        K.TEMPLAT,
        "Versi templat berbeda",
        TEMPLAT_BARU,
    ),
    _galat(
        E.TEMPLAT_LEMBAR_HILANG,
        K.TEMPLAT,
        "Lembar templat hilang",
        "Kembalikan nama lembar seperti di templat, atau buat workbook dari templat terbaru.",
    ),
    _galat(
        E.TEMPLAT_TABEL_HILANG,
        K.TEMPLAT,
        "Tabel templat hilang",
        TEMPLAT_BARU,
    ),
    _galat(
        E.TEMPLAT_TABEL_SALAH_LEMBAR,
        K.TEMPLAT,
        "Tabel di lembar lain",
        TEMPLAT_BARU,
    ),
    _galat(
        E.TEMPLAT_KOLOM_HILANG,
        K.TEMPLAT,
        "Kolom tabel hilang",
        "Kembalikan judul kolom seperti di templat.",
    ),
    _galat(
        E.TEMPLAT_NAMA_SEL_HILANG,
        K.TEMPLAT,
        "Nama sel isian hilang",
        TEMPLAT_BARU,
    ),
    _galat(
        E.TEMPLAT_SEL_DIGABUNG,
        K.TEMPLAT,
        "Sel digabung di dalam tabel",
        "Pisahkan sel itu (Beranda > Gabung & Pusatkan > Pisahkan Sel), lalu isi setiap sel.",
    ),
    _galat(
        E.TEMPLAT_TIDAK_DIKENALI,
        K.TEMPLAT,
        "Bentuk workbook tidak dikenali",
        "Pastikan nama lembar dan judul kolom tabel masih seperti di templat.",
    ),
    _galat(
        E.REKAP_LEMBAR_HILANG,
        K.TEMPLAT,
        "Lembar rekap hilang",
        REKAP_BARU,
    ),
    _galat(
        E.REKAP_JUDUL_TABEL_HILANG,
        K.TEMPLAT,
        "Judul tabel rekap tidak ditemukan",
        REKAP_BARU,
    ),
    _galat(
        E.REKAP_KOLOM_BERUBAH,
        K.TEMPLAT,
        "Kolom rekap berubah",
        REKAP_BARU,
    ),
    _galat(
        E.REKAP_KOLOM_HILANG,
        K.TEMPLAT,
        "Kolom rekap hilang (rekap versi lama)",
        REKAP_BARU,
    ),
    # What a job needs from a workbook's entries
    _galat(
        E.ISIAN_TAHUN_TIDAK_SAH,
        K.ISIAN,
        "Tahun kinerja tidak sah",
        "Isi tahun kinerja dengan tahun, mis. 2025.",
    ),
    _galat(
        E.ISIAN_KODE_UNIT_KOSONG,
        K.ISIAN,
        "Kode unit kosong",
        "Isi kode unit di lembar PK.",
    ),
)

# in the catalogue's order
ERROR_RULES: tuple[Rule, ...] = WORKBOOK_RULES + RUN_RULES + SETUP_RULES
