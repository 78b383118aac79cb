"""Catalogue entries of the error codes of how a job is run — the command's options, what
it writes, the archive (see validation/catalogue_galat.py for the workbooks' own and how
an entry reads, validation/catalogue_galat_pasang.py for settings, installation, server)."""

from __future__ import annotations

from xlkinerja.core.codes import ErrorKind
from xlkinerja.core.rule import Rule
from xlkinerja.core.rule import error_rule as _galat
from xlkinerja.errors import ErrorCode as E

K = ErrorKind

RUN_RULES: tuple[Rule, ...] = (
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
        E.ADDIN_LEMBAR_PENGESAHAN_DIBUAT,
        K.PENGGUNAAN,
        "Lembar Pengesahan baru dibuat",
        "Isi kolom langkah itu di lembar Pengesahan (nama, NIP, rumusan atau alasan), lalu "
        "tekan tombolnya lagi.",
    ),
    _galat(
        E.ADDIN_ISIAN_PENGESAHAN,
        K.PENGGUNAAN,
        "Isian lembar Pengesahan kosong atau tidak sah",
        "Perbaiki sel yang disebut di lembar Pengesahan, lalu tekan tombolnya lagi.",
    ),
    _galat(
        E.ADDIN_BUKAN_WORKBOOK_UNIT,
        K.PENGGUNAAN,
        "Buku kerja yang terbuka bukan workbook unit",
        "Buka workbook unit yang dibahas (yang dikirim unit itu), lalu tekan tombolnya lagi.",
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
    _galat(
        E.ARSIP_TAHUN_TIDAK_ADA,
        K.ARSIP,
        "Unit tidak punya kiriman tahun itu",
        "Periksa --tahun (xlkinerja arsip daftar --unit KODE).",
    ),
    _galat(
        E.ARSIP_LANGKAH_TIDAK_SAH,
        K.ARSIP,
        "Langkah pengesahan tidak sah",
        "Ikuti urutan diajukan → dibahas → diperiksa → disetujui (xlkinerja arsip status).",
    ),
)
