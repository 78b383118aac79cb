"""Catalogue entries of the error codes of where xlkinerja is set up — settings files, the
installation and its environment, the server's refusals (see validation/catalogue_galat.py
for how an entry reads)."""

from __future__ import annotations

from xlkinerja.core.codes import ErrorKind
from xlkinerja.core.rule import Rule
from xlkinerja.core.rule import error_rule as _galat
from xlkinerja.errors import ErrorCode as E

K = ErrorKind

SETUP_RULES: tuple[Rule, ...] = (
    # Settings files: export profiles, the server's keys
    _galat(
        E.PROFIL_FOLDER_TIDAK_ADA,
        K.KONFIGURASI,
        "Folder profil ekspor tidak ada",
        "Berikan folder profil dengan --profil-dir.",
    ),
    _galat(
        E.PROFIL_TIDAK_ADA,
        K.KONFIGURASI,
        "Profil ekspor tidak ada",
        "Lihat profil yang ada: xlkinerja ekspor --list.",
    ),
    _galat(
        E.PROFIL_TIDAK_TERBACA,
        K.KONFIGURASI,
        "Profil ekspor tidak dapat dibaca",
        "Periksa hak akses berkas profil.toml.",
    ),
    _galat(
        E.PROFIL_TIDAK_SAH,
        K.KONFIGURASI,
        "Profil ekspor tidak sah",
        "Perbaiki profil.toml sesuai templates/ekspor/README.md.",
    ),
    _galat(
        E.PROFIL_TEMPLAT_GAGAL,
        K.KONFIGURASI,
        "Templat profil ekspor gagal",
        "Periksa nama nilai yang dipakai templat (templates/ekspor/README.md).",
    ),
    _galat(
        E.EKSPOR_TIDAK_DAPAT_DIIMPOR,
        K.KONFIGURASI,
        "Berkas ekspor akan ditolak importirnya",
        "Lengkapi data yang disebut (mis. identitas e-SAKIP di lembar Pengaturan master, arah "
        "IKU); tidak ada berkas yang ditulis.",
    ),
    _galat(
        E.ADDIN_PENGATURAN_TIDAK_SAH,
        K.KONFIGURASI,
        "Pengaturan add-in tidak dapat bekerja",
        "Mode server memerlukan --server https://... dan --kunci; http:// hanya untuk server "
        "di komputer ini.",
    ),
    _galat(
        E.KUNCI_TIDAK_ADA,
        K.KONFIGURASI,
        "Berkas kunci server tidak ada",
        "Buat dengan: xlkinerja server kunci --master MASTER.xlsx --output FOLDER",
    ),
    _galat(
        E.KUNCI_TIDAK_SAH,
        K.KONFIGURASI,
        "Bukan berkas kunci server",
        "Buat dengan: xlkinerja server kunci --master MASTER.xlsx --output FOLDER",
    ),
    _galat(
        E.KUNCI_UNIT_KOSONG,
        K.KONFIGURASI,
        "Daftar unit master kosong",
        "Isi tabel Unit di master.",
    ),
    _galat(
        E.KUNCI_UNIT_TIDAK_DIKENAL,
        K.KONFIGURASI,
        "Unit tidak ada di master",
        "Pakai kode unit dari tabel Unit di master.",
    ),
    _galat(
        E.KUNCI_PERENCANAAN_TANPA_KUNCI,
        K.KONFIGURASI,
        "Unit perencanaan tanpa kunci API",
        "Isi --perencanaan dengan kode unit dari master yang punya kunci API.",
    ),
    # The installation and the system
    _galat(
        E.LINGKUNGAN_FOLDER_PAKET_HILANG,
        K.LINGKUNGAN,
        "Folder paket xlkinerja hilang",
        "Pasang ulang xlkinerja (pip install .).",
    ),
    _galat(
        E.LINGKUNGAN_TEMPLAT_HILANG,
        K.LINGKUNGAN,
        "Templat dokumen tidak ada",
        "Pasang ulang xlkinerja (pip install .).",
    ),
    _galat(
        E.LINGKUNGAN_XLWINGS_TIDAK_ADA,
        K.LINGKUNGAN,
        "Paket xlwings tidak terpasang",
        "Pasang xlwings (pip install xlwings).",
    ),
    _galat(
        E.LINGKUNGAN_XLWINGS_VBA_HILANG,
        K.LINGKUNGAN,
        "Berkas VBA xlwings hilang",
        "Pasang ulang xlwings.",
    ),
    _galat(
        E.LINGKUNGAN_XLWINGS_VERSI_BEDA,
        K.LINGKUNGAN,
        "Versi VBA dan paket xlwings berbeda",
        "Pasang ulang xlwings agar VBA dan Python-nya sama versinya.",
    ),
    _galat(
        E.LINGKUNGAN_EXCEL_TIDAK_ADA,
        K.LINGKUNGAN,
        "Excel tidak tersedia",
        "Pakai --tujuan FOLDER untuk hanya menyalin add-in ke sebuah folder.",
    ),
    _galat(
        E.LINGKUNGAN_APPDATA_TIDAK_ADA,
        K.LINGKUNGAN,
        "Folder XLSTART tidak diketahui",
        "Pakai --tujuan FOLDER untuk hanya menyalin add-in ke sebuah folder.",
    ),
    _galat(
        E.LINGKUNGAN_PDF_TIDAK_TERSEDIA,
        K.LINGKUNGAN,
        "PDF tidak dapat dibuat",
        "Pasang pustaka sistem WeasyPrint (pango).",
    ),
    _galat(
        E.LINGKUNGAN_MESIN_REMOTE_TIDAK_ADA,
        K.LINGKUNGAN,
        "Mesin remote xlwings tidak tersedia",
        "Jalankan server dengan XLWINGS_LICENSE_KEY=noncommercial.",
    ),
    _galat(
        E.LINGKUNGAN_PEMBACA_BERHENTI,
        K.LINGKUNGAN,
        "Proses pembaca berhenti tiba-tiba",
        "Jalankan ulang dengan --proses 1 untuk mengetahui berkasnya.",
    ),
    # The server's refusals of a call
    _galat(
        E.SERVER_KUNCI_KOSONG,
        K.SERVER,
        "Kunci API belum diisi",
        "Isi AUTH di xlkinerja.conf dengan kunci unit dari Unit Perencanaan.",
    ),
    _galat(
        E.SERVER_KUNCI_TIDAK_DIKENAL,
        K.SERVER,
        "Kunci API tidak dikenal",
        "Periksa AUTH di xlkinerja.conf; minta kunci baru ke Unit Perencanaan.",
    ),
    _galat(
        E.SERVER_TOMBOL_TIDAK_DIKENAL,
        K.SERVER,
        "Tombol tidak dikenal oleh server",
        "Perbarui add-in xlkinerja agar sama dengan versi server.",
    ),
    _galat(
        E.SERVER_PERIODE_TIDAK_SAH,
        K.SERVER,
        "Periode yang diminta bukan triwulan 1–4",
        "Pilih Periode di pita Kinerja; perbarui add-in bila pesan ini tetap muncul.",
    ),
    _galat(
        E.SERVER_TERLALU_BESAR,
        K.SERVER,
        "Buku kerja terlalu besar untuk server",
        "Hapus lembar atau baris kosong, atau minta admin menaikkan --batas-ukuran.",
    ),
    _galat(
        E.SERVER_BUKAN_BUKU_KERJA,
        K.SERVER,
        "Permintaan bukan buku kerja dari add-in",
        "Gunakan tombol di tab Kinerja pada Excel.",
    ),
    _galat(
        E.SERVER_VERSI_ADDIN_BEDA,
        K.SERVER,
        "Versi add-in dan server berbeda",
        "Pasang add-in xlkinerja yang baru dari Unit Perencanaan.",
    ),
    _galat(
        E.SERVER_ALAMAT_TIDAK_ADA,
        K.SERVER,
        "Alamat tidak ada di server",
        "Periksa SERVER_URL di xlkinerja.conf.",
    ),
    _galat(
        E.SERVER_HANYA_POST,
        K.SERVER,
        "Alamat hanya untuk tombol add-in",
        "Gunakan tombol di tab Kinerja pada Excel.",
    ),
    _galat(
        E.SERVER_TAUTAN_KEDALUWARSA,
        K.SERVER,
        "Tautan unduhan tidak berlaku lagi",
        "Tekan Kompilasi lagi di tab Kinerja.",
    ),
    _galat(
        E.SERVER_GALAT_INTERNAL,
        K.SERVER,
        "Kesalahan internal server",
        "Laporkan ke admin server beserta waktu kejadiannya.",
    ),
    _galat(
        E.SERVER_BUKAN_PERENCANAAN,
        K.SERVER,
        "Tombol ini hanya untuk Unit Perencanaan",
        "Minta admin menjalankan server dengan --perencanaan KODE_UNIT bila tugas ini "
        "milik unit Anda.",
    ),
    _galat(
        E.SERVER_TANPA_FOLDER_REKAP,
        K.SERVER,
        "Server tidak diatur untuk Kompilasi atau Ekspor",
        "Laporkan ke admin server.",
    ),
    _galat(
        E.KIRIM_UNIT_TIDAK_DIKETAHUI,
        K.SERVER,
        "Unit workbook yang dikirim tidak dapat ditentukan",
        "Lengkapi kode unit (atau minta Unit Perencanaan melengkapi master), lalu kirim lagi.",
    ),
    _galat(
        E.KIRIM_UNIT_LAIN,
        K.SERVER,
        "Workbook milik unit lain",
        "Workbook dikirim oleh unitnya sendiri dengan kunci unit itu.",
    ),
)
