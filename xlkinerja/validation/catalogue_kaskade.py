"""Catalogue entries of the cascade checks across workbooks (master + units + SKP)."""

from __future__ import annotations

from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Severity
from xlkinerja.core.rule import Rule

G, P = Severity.GALAT, Severity.PERINGATAN

KASKADE_RULES: tuple[Rule, ...] = (
    Rule(
        Code.KASKADE_IKK_IKU_TIDAK_DIKENAL,
        G,
        "IKU induk tidak ada di master",
        "IKU induk {nilai} tidak ada di daftar IKU institusi ({induk})",
        "Pilih IKU yang ada di master; minta Unit Perencanaan memperbarui workbook.",
    ),
    Rule(
        Code.KASKADE_IKK_IKU_TIDAK_DITUGASKAN,
        P,
        "IKU tidak ditugaskan ke unit",
        "IKU {nilai} tidak ditugaskan ke unit {kode_unit} di master ({induk})",
        "Periksa penugasan IKU dengan Unit Perencanaan.",
    ),
    Rule(
        Code.KASKADE_IKK_SATUAN_BEDA,
        P,
        "Satuan berbeda dengan IKU induk",
        "satuan '{nilai}' berbeda dengan satuan IKU {iku} '{satuan_iku}' ({induk})",
        "Turunan langsung memakai satuan IKU induk.",
    ),
    Rule(
        Code.KASKADE_IKK_ARAH_BEDA,
        P,
        "Arah berbeda dengan IKU induk",
        "arah '{nilai}' berbeda dengan arah IKU {iku} '{arah_iku}' ({induk})",
        "Samakan arah dengan IKU induk.",
    ),
    Rule(
        Code.KASKADE_IKK_DUPLIKAT_ANTAR_UNIT,
        G,
        "Kode IKK dipakai unit lain",
        "kode IKK {nilai} juga dipakai di {induk}",
        "Gunakan kode IKK unit sendiri.",
    ),
    Rule(
        Code.KASKADE_BEBAN_JUMLAH_TIDAK_SAMA,
        G,
        "Pembagian beban target tidak sama",
        "jumlah target beban IKU {iku} di semua unit {jumlah} tidak sama dengan target "
        "IKU {target_iku} ({induk})",
        "Sesuaikan target unit-unit agar jumlahnya sama dengan target IKU.",
    ),
    Rule(
        Code.KASKADE_IKU_TIDAK_DITURUNKAN,
        G,
        "IKU belum diturunkan",
        "IKU {nilai} tidak diturunkan menjadi IKK di unit mana pun{rincian}",
        "Tugaskan IKU ke unit dan pastikan unit menurunkannya di PK.",
    ),
    Rule(
        Code.KASKADE_IKU_UNIT_BELUM_MENGIRIM,
        P,
        "Unit penurun IKU belum mengirim",
        "IKU {nilai} ditugaskan ke {units}, yang belum mengirim workbook",
        "Tagih workbook unit tersebut.",
    ),
    Rule(
        Code.KASKADE_PENUGASAN_BELUM_DITURUNKAN,
        P,
        "Penugasan IKU belum diturunkan",
        "unit {kode_unit} ditugaskan IKU {nilai} tetapi PK-nya tidak memiliki IKK "
        "turunannya ({induk})",
        "Tambahkan IKK turunan IKU ini di PK unit.",
    ),
    Rule(
        Code.KASKADE_UNIT_TIDAK_DIKENAL,
        G,
        "Unit tidak ada di master",
        "kode unit {nilai} tidak ada di lembar Unit master",
        "Periksa kode unit.",
    ),
    Rule(
        Code.KASKADE_UNIT_GANDA,
        G,
        "Workbook unit ganda",
        "unit {nilai} juga dikirim dalam {induk}",
        "Kirim satu workbook per unit.",
    ),
    Rule(
        Code.KASKADE_SKP_GANDA,
        G,
        "SKP ganda",
        "pegawai {nilai} juga memiliki SKP {induk}",
        "Kirim satu SKP per pegawai.",
    ),
    Rule(
        Code.KASKADE_SKP_PEGAWAI_TIDAK_DIKENAL,
        G,
        "Pegawai tidak ada di master",
        "NIP {nilai} tidak ada di lembar Pegawai master",
        "Periksa NIP.",
    ),
    Rule(
        Code.KASKADE_SKP_PENILAI_BUKAN_ATASAN,
        P,
        "Pejabat penilai bukan atasan",
        "pejabat penilai {nilai} bukan atasan langsung menurut master ({atasan})",
        "Periksa pejabat penilai atau data atasan di master.",
    ),
    Rule(
        Code.KASKADE_RHK_PIMPINAN_TIDAK_DIKENAL,
        G,
        "RHK pimpinan tidak dikenal",
        "RHK pimpinan {nilai} tidak ada di antara RHK/IKK atasan ({induk})",
        "Pilih kode IKK/RHK atasan dari Matriks Peran-Hasil.",
    ),
    Rule(
        Code.KASKADE_SKP_MATRIKS_BELUM_ADA,
        P,
        "Peran dari matriks belum ada di SKP",
        "Matriks Peran-Hasil memberi peran untuk {nilai} ({induk}) tetapi SKP tidak "
        "memiliki RHK yang mengintervensinya",
        "Tambahkan RHK untuk peran ini (jalankan xlkinerja kaskade untuk memperbarui).",
    ),
    Rule(
        Code.KASKADE_DISTRIBUSI_MELEBIHI_BATAS,
        G,
        "Sebaran predikat pegawai melanggar batas",
        "{rincian}",
        "Tinjau kembali penilaian pegawai sesuai predikat organisasi.",
    ),
    Rule(
        Code.KASKADE_ATASAN_SIKLUS,
        G,
        "Rantai atasan berputar",
        "rantai atasan kembali ke pegawai ini: {rantai}",
        "Perbaiki NIP atasan.",
    ),
    # An SKP merged again by kaskade: where it and its source (the matriks, or the PK for the
    # head) disagree. The employee's entries are kept; the dialog kinerja aligns them.
    Rule(
        Code.KASKADE_KONFLIK_ISIAN_DIGANTI,
        Severity.INFO,
        "Isian SKP diperbarui dari sumbernya",
        "isian {isian}: '{nilai}' diganti '{baru}'",
        "Periksa isian yang diperbarui dari master atau workbook unit.",
    ),
    Rule(
        Code.KASKADE_KONFLIK_INTERVENSI_BEDA,
        P,
        "RHK pimpinan berbeda dengan sumber",
        "{label} mengintervensi {nilai} di SKP, {rencana} di {sumber} (isian SKP dipertahankan)",
        "Samakan RHK pimpinan yang diintervensi di dialog kinerja.",
    ),
    Rule(
        Code.KASKADE_KONFLIK_RUMUSAN_BEDA,
        P,
        "Rumusan IKI berbeda dengan sumber",
        "{label} dipasangkan dengan '{iki_sumber}' dari {sumber} ({rencana}, {aspek}): "
        "rumusannya berbeda (isian SKP dipertahankan)",
        "Samakan rumusan IKI di dialog kinerja.",
    ),
    Rule(
        Code.KASKADE_KONFLIK_TARGET_BEDA,
        P,
        "Target IKI berbeda dengan sumber",
        "{label}: target di SKP {target_skp}, di {sumber} {target_sumber} (nilai SKP "
        "dipertahankan)",
        "Samakan target di dialog kinerja.",
    ),
    Rule(
        Code.KASKADE_KONFLIK_BARIS_TIDAK_DITAMBAHKAN,
        P,
        "IKI dari sumber tidak ditambahkan",
        "'{iki_sumber}' (target {target_sumber}) dari {sumber} untuk {rencana} belum ada di "
        "SKP, dan baris SKP {baris_skp} untuk {rencana} tidak cocok dengannya: samakan di "
        "dialog kinerja (tidak ditambahkan)",
        "Tentukan di dialog kinerja baris SKP mana yang sesuai dengan IKI ini.",
    ),
    Rule(
        Code.KASKADE_KONFLIK_INTERVENSI_HILANG,
        P,
        "RHK pimpinan tidak ada lagi di sumber",
        "{label}: RHK utama yang mengintervensi {pimpinan} tidak ada lagi di {sumber} "
        "(dipertahankan)",
        "Hapus atau perbarui RHK ini di dialog kinerja.",
    ),
    Rule(
        Code.MATRIKS_BEBAN_JUMLAH_TIDAK_SAMA,
        G,
        "Pembagian beban IKK tidak sama",
        "jumlah target beban anggota tim untuk {nilai} ({jumlah}) tidak sama dengan "
        "target IKK {target_ikk} ({induk})",
        "Sesuaikan target anggota agar jumlahnya sama dengan target IKK.",
    ),
)
