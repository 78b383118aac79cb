"""Catalogue entries of the error codes (`errors.ErrorCode`): what each reason means and
what the user does about it, grouped by kind.

An error's message is written where it is raised (it names the file, the sheet, the cell
and the value); the rule's template is that message (`{nilai}`). A workbook that cannot be
read is a finding of its error's code, a galat.
"""

from __future__ import annotations

from xlkinerja.core.codes import ErrorKind
from xlkinerja.core.finding import Severity
from xlkinerja.core.rule import Rule
from xlkinerja.errors import ErrorCode as E

K = ErrorKind


def _galat(code: E, kind: ErrorKind, title: str, hint: str) -> Rule:
    return Rule(code, Severity.GALAT, title, "{nilai}", hint, kind)


SIMPAN_ULANG = "Buka di Excel lalu simpan ulang sebagai Buku Kerja Excel (.xlsx)."
TEMPLAT_BARU = "Buat workbook dari templat terbaru (xlkinerja templat) dan salin isiannya."
REKAP_BARU = "Buat ulang rekap dengan 'xlkinerja kompilasi'."

ERROR_RULES: tuple[Rule, ...] = (
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
    # The command's options and inputs
    _galat(
        E.OPSI_BELUM_DIBERIKAN,
        K.PENGGUNAAN,
        "Masukan atau opsi wajib belum diberikan",
        "Lihat contoh pada bantuan perintah (--help).",
    ),
    _galat(
        E.OPSI_BERTENTANGAN,
        K.PENGGUNAAN,
        "Opsi atau masukan bertentangan",
        "Pakai salah satu saja; lihat bantuan perintah (--help).",
    ),
    _galat(
        E.OPSI_TIDAK_SAH,
        K.PENGGUNAAN,
        "Nilai opsi tidak sah",
        "Lihat nilai yang boleh pada bantuan perintah (--help).",
    ),
    _galat(
        E.OPSI_TANPA_JAWABAN,
        K.PENGGUNAAN,
        "Pertanyaan tanpa jawaban",
        "Dalam skrip, berikan jawabannya sebagai opsi (mis. --ya).",
    ),
    _galat(
        E.MASUKAN_MASTER_TIDAK_ADA,
        K.PENGGUNAAN,
        "Workbook master belum diberikan",
        "Berikan workbook master dengan --master (atau di antara berkasnya).",
    ),
    _galat(
        E.MASUKAN_TRIWULAN_TIDAK_ADA,
        K.PENGGUNAAN,
        "Triwulan tidak ada di rekap",
        "Kompilasi ulang dengan --triwulan, atau buat dari workbook unit.",
    ),
    _galat(
        E.MASUKAN_BERKAS_TIDAK_ADA,
        K.PENGGUNAAN,
        "Berkas atau folder tidak ada",
        "Periksa ejaan dan foldernya (nama berkas dengan spasi ditulis dalam tanda kutip).",
    ),
    _galat(
        E.MASUKAN_TAHUN_BEDA,
        K.PENGGUNAAN,
        "Tahun master dan rekap berbeda",
        "Berikan master yang dipakai saat kompilasi rekap itu.",
    ),
    _galat(
        E.ADDIN_TOMBOL_TIDAK_DIKENAL,
        K.PENGGUNAAN,
        "Tombol add-in tidak dikenal",
        "Perbarui add-in xlkinerja agar sama dengan versi xlkinerja.",
    ),
    _galat(
        E.MODE_HANYA_LOKAL,
        K.PENGGUNAAN,
        "Tombol hanya untuk mode lokal",
        "Minta admin memasang Python dan xlkinerja di komputer ini (MODE=local).",
    ),
    _galat(
        E.MODE_HANYA_SERVER,
        K.PENGGUNAAN,
        "Tombol hanya untuk mode server",
        "Minta admin mengatur add-in ke mode server (MODE=server di xlkinerja.conf).",
    ),
    _galat(
        E.ADDIN_BUKU_BELUM_DISIMPAN,
        K.PENGGUNAAN,
        "Buku kerja belum disimpan",
        "Simpan dulu (Ctrl+S), lalu tekan tombol ini lagi.",
    ),
    _galat(
        E.KOMPILASI_DIBATALKAN,
        K.PENGGUNAAN,
        "Kompilasi dibatalkan",
        "Tekan Kompilasi lagi dan pilih folder berisi workbook unit.",
    ),
    _galat(
        E.KIRIM_MASTER,
        K.PENGGUNAAN,
        "Workbook master tidak dikirim",
        "Kirim dipakai untuk workbook unit dan SKP.",
    ),
    # What xlkinerja writes
    _galat(
        E.KELUARAN_BUKAN_BERKAS,
        K.KELUARAN,
        "Keluaran adalah folder, bukan berkas",
        "Berikan nama berkas di dalam folder itu.",
    ),
    _galat(
        E.KELUARAN_BUKAN_FOLDER,
        K.KELUARAN,
        "Keluaran adalah berkas, bukan folder",
        "Berikan nama folder untuk --output.",
    ),
    _galat(
        E.KELUARAN_TIDAK_DAPAT_DITULIS,
        K.KELUARAN,
        "Keluaran tidak dapat ditulis",
        "Pilih folder lain yang dapat ditulisi.",
    ),
    _galat(
        E.KELUARAN_TIDAK_DAPAT_DIGANTI,
        K.KELUARAN,
        "Berkas keluaran tidak dapat diganti",
        "Tutup berkas itu di Excel, lalu ulangi.",
    ),
    _galat(
        E.KELUARAN_BUKAN_XLSX,
        K.KELUARAN,
        "Nama rekap tidak berakhiran .xlsx",
        "Beri nama berakhiran .xlsx, mis. rekap-kinerja.xlsx.",
    ),
    _galat(
        E.KELUARAN_MENIMPA_ISIAN,
        K.KELUARAN,
        "Keluaran akan menimpa workbook isian",
        "Pilih nama berkas lain untuk keluaran.",
    ),
    _galat(
        E.KELUARAN_MENIMPA_ARSIP,
        K.KELUARAN,
        "Keluaran akan menimpa arsip",
        "Pilih nama lain untuk rekap.",
    ),
    _galat(
        E.KELUARAN_MENIMPA_ASLI,
        K.KELUARAN,
        "Keluaran akan menimpa berkas asli",
        "Pilih folder lain untuk --output.",
    ),
    _galat(
        E.KELUARAN_FOLDER_BUKAN_MILIK,
        K.KELUARAN,
        "Folder keluaran bukan buatan xlkinerja",
        "Pilih folder keluaran lain (--output).",
    ),
    _galat(
        E.KELUARAN_CADANGAN_GAGAL,
        K.KELUARAN,
        "Cadangan tidak dapat dibuat",
        "Periksa hak tulis dan ruang kosong di folder berkas.",
    ),
    _galat(
        E.KELUARAN_CADANGAN_PENUH,
        K.KELUARAN,
        "Terlalu banyak cadangan",
        "Hapus cadangan lama di folder cadangan-xlkinerja.",
    ),
    _galat(
        E.PENANDAAN_TAUTAN_SIMBOLIK,
        K.KELUARAN,
        "Temuan tidak ditulis melalui tautan simbolik",
        "Jalankan validasi pada berkas aslinya.",
    ),
    _galat(
        E.PENANDAAN_HANYA_BACA,
        K.KELUARAN,
        "Berkas hanya-baca tidak ditandai",
        "Hapus atribut hanya-baca (read-only) jika berkas ini boleh ditandai.",
    ),
    _galat(
        E.PENANDAAN_BERKAS_BERUBAH,
        K.KELUARAN,
        "Berkas berubah sejak divalidasi",
        "Simpan dan tutup berkas di Excel, lalu jalankan validasi lagi.",
    ),
    _galat(
        E.PENANDAAN_LEMBAR_BUKAN_MILIK,
        K.KELUARAN,
        "Lembar hasil validasi bukan buatan xlkinerja",
        "Ganti nama lembar itu, lalu jalankan validasi lagi.",
    ),
    _galat(
        E.PENANDAAN_FOLDER_SIBUK,
        K.KELUARAN,
        "Folder sedang ditandai proses lain",
        "Jalankan validasi lagi setelah proses itu selesai.",
    ),
    _galat(
        E.PENANDAAN_TIDAK_DAPAT_DITULIS,
        K.KELUARAN,
        "Temuan tidak dapat ditulis ke berkas",
        "Tutup berkas di Excel lalu coba lagi.",
    ),
    # The archive database
    _galat(
        E.ARSIP_ALAMAT_TIDAK_SAH,
        K.ARSIP,
        "Alamat database arsip tidak sah",
        "Periksa penulisan --db: path berkas SQLite atau URL postgresql://.",
    ),
    _galat(
        E.ARSIP_JENIS_TIDAK_DIDUKUNG,
        K.ARSIP,
        "Jenis database tidak didukung",
        "Gunakan path berkas SQLite atau URL postgresql://.",
    ),
    _galat(
        E.ARSIP_DI_MEMORI,
        K.ARSIP,
        "Arsip di memori tidak tersimpan",
        "Berikan berkas, mis. --db arsip.sqlite.",
    ),
    _galat(
        E.ARSIP_FOLDER_TIDAK_DAPAT_DIBUAT,
        K.ARSIP,
        "Folder arsip tidak dapat dibuat",
        "Periksa hak tulis folder itu, atau pilih tempat lain dengan --db.",
    ),
    _galat(
        E.ARSIP_BUKAN_ARSIP,
        K.ARSIP,
        "Bukan database arsip xlkinerja",
        "Opsi --db menunjuk berkas arsip .sqlite atau URL postgresql://.",
    ),
    _galat(
        E.ARSIP_TIDAK_DAPAT_DIPAKAI,
        K.ARSIP,
        "Database arsip tidak dapat dipakai",
        "Periksa alamat/berkas database dan hak aksesnya, lalu ulangi.",
    ),
    _galat(
        E.ARSIP_TIDAK_MENJAWAB,
        K.ARSIP,
        "Server database arsip tidak menjawab",
        "Periksa server PostgreSQL dan jaringan ke sana, lalu ulangi.",
    ),
    _galat(
        E.ARSIP_BATAS_WAKTU_TIDAK_SAH,
        K.ARSIP,
        "Batas waktu database tidak sah",
        "Tulis jumlah detik 1–86400, atau 0 untuk menunggu tanpa batas.",
    ),
    _galat(
        E.ARSIP_RUSAK,
        K.ARSIP,
        "Database arsip rusak",
        "Pulihkan arsip dari cadangan, atau gunakan berkas arsip lain (--db).",
    ),
    _galat(
        E.ARSIP_SKEMA_LEBIH_BARU,
        K.ARSIP,
        "Arsip dari xlkinerja yang lebih baru",
        "Perbarui xlkinerja sebelum membuka arsip ini.",
    ),
    _galat(
        E.ARSIP_UNIT_TIDAK_ADA,
        K.ARSIP,
        "Unit belum ada di arsip",
        "Periksa kode unit (xlkinerja arsip daftar).",
    ),
    _galat(
        E.ARSIP_VERSI_TIDAK_ADA,
        K.ARSIP,
        "Versi tidak ada di arsip",
        "Pilih salah satu versi yang tersimpan (xlkinerja arsip daftar).",
    ),
    _galat(
        E.ARSIP_UNIT_JENIS_BEDA,
        K.ARSIP,
        "Unit tercatat dengan jenis lain",
        "Periksa kode unit atau NIP di workbook.",
    ),
    _galat(
        E.ARSIP_MASTER_TIDAK_ADA,
        K.ARSIP,
        "Master tidak ada di arsip",
        "Berikan workbook master dengan --master.",
    ),
    _galat(
        E.ARSIP_MASTER_TIDAK_TERBACA,
        K.ARSIP,
        "Master di arsip tidak dapat dibaca",
        "Berikan workbook master dengan --master.",
    ),
    _galat(
        E.ARSIP_VERSI_TEMPLAT_BEDA,
        K.ARSIP,
        "Versi arsip dari templat lain",
        "Minta unit mengirim ulang dengan templat terbaru.",
    ),
    _galat(
        E.ARSIP_ISI_TIDAK_DIKENAL,
        K.ARSIP,
        "Isi versi arsip tidak dikenal",
        "Buka arsip dengan xlkinerja versi yang mencatatnya, atau minta unit mengirim ulang.",
    ),
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
