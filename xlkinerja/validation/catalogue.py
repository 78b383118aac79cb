"""The catalogue of findings: stable codes, severities and Indonesian message templates.

Column rules apply to every column of the specs that has the property (required, choices,
pattern, unique, a type) and get codes `<scope>.<column>.<rule>`, e.g. `pk.target.kosong`;
the scope is the table key (or, for single fields, the sheet). Domain rules have fixed codes.
Every message reads: where → rule → value → how to fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from xlkinerja.validation.finding import Severity

G, P = Severity.GALAT, Severity.PERINGATAN


@dataclass(frozen=True)
class Rule:
    name: str  # column rules: the last part of the code; domain rules: the whole code
    severity: Severity
    title: str
    template: str  # the rule, formatted with the finding's details
    hint: str  # how to fix


COLUMN_RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule("kosong", G, "Isian wajib kosong", "wajib diisi, tetapi kosong", "Isi sel ini."),
        Rule(
            "pilihan",
            G,
            "Nilai di luar daftar pilihan",
            "harus salah satu dari: {pilihan}",
            "Pilih nilai dari daftar pada sel.",
        ),
        Rule(
            "pola",
            G,
            "Kode tidak sesuai format",
            "harus berformat {pola}",
            "Perbaiki kode sesuai contoh di lembar Petunjuk.",
        ),
        Rule(
            "duplikat",
            G,
            "Kode ganda",
            "tidak boleh sama dengan baris {baris_lain}",
            "Setiap baris harus memiliki kode sendiri.",
        ),
        Rule(
            "bukan_angka",
            G,
            "Bukan angka",
            "harus berisi angka ({rincian})",
            "Tulis angka saja, mis. 85 atau 1.234,5.",
        ),
        Rule(
            "angka_ambigu",
            G,
            "Angka ambigu",
            "tidak jelas maksudnya: {rincian}",
            "Tulis tanpa pemisah ribuan (mis. 1050) atau dengan koma desimal (1,05).",
        ),
        Rule(
            "bukan_tanggal",
            G,
            "Bukan tanggal",
            "harus berisi tanggal ({rincian})",
            "Tulis tanggal dd/mm/yyyy, mis. 28/02/2025.",
        ),
        Rule(
            "tanggal_ambigu",
            G,
            "Tanggal ambigu",
            "tidak jelas maksudnya: {rincian}",
            "Tulis tanggal dd/mm/yyyy, mis. 28/02/2025.",
        ),
        Rule(
            "galat_rumus",
            G,
            "Galat rumus",
            "berisi galat rumus {nilai}",
            "Perbaiki rumusnya atau ganti dengan nilai.",
        ),
        Rule(
            "rumus_tanpa_nilai",
            G,
            "Rumus tanpa nilai tersimpan",
            "berisi rumus yang belum pernah dihitung",
            "Buka dan simpan berkas di Excel/LibreOffice agar nilainya tersimpan, atau "
            "ganti rumus dengan nilai.",
        ),
    )
}

DOMAIN_RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        # Perjanjian Kinerja
        Rule(
            "pk.kode_iku.tidak_dikenal",
            G,
            "IKU induk tidak dikenal",
            "IKU induk {nilai} tidak ada di lembar Referensi IKU",
            "Pilih IKU induk dari daftar IKU yang diturunkan ke unit ini.",
        ),
        Rule(
            "pk.kode_ikk.unit_lain",
            P,
            "Kode IKK bukan milik unit",
            "kode IKK tidak memuat kode unit {kode_unit}",
            "Gunakan format IKK-{kode_unit}-<nomor>.",
        ),
        Rule(
            "pk.arah.beda_iku",
            P,
            "Arah berbeda dengan IKU induk",
            "arah '{nilai}' berbeda dengan arah IKU induk {iku} ('{arah_iku}')",
            "Samakan arah dengan IKU induk atau jelaskan kepada Unit Perencanaan.",
        ),
        Rule(
            "pk.ikk.tanpa_rencana_aksi",
            P,
            "IKK tanpa Rencana Aksi",
            "IKK {nilai} belum memiliki baris di lembar Rencana Aksi",
            "Tambahkan target triwulan untuk IKK ini.",
        ),
        Rule(
            "pk.tanggal.terlambat",
            P,
            "PK melewati batas waktu",
            "PK ditandatangani {nilai}, melewati batas {batas}",
            "Tanda tangani PK sebelum batas waktu atau catat alasannya.",
        ),
        Rule(
            "pk.status.tanggal_kosong",
            G,
            "Tanggal status kosong",
            "status '{status}' tetapi {kolom_tanggal} kosong",
            "Isi {kolom_tanggal} atau sesuaikan status.",
        ),
        Rule(
            "pk.status.urutan_tanggal",
            G,
            "Urutan tanggal status salah",
            "tanggal disahkan ({nilai}) lebih awal dari tanggal diajukan ({diajukan})",
            "Periksa kedua tanggal.",
        ),
        # Rencana Aksi
        Rule(
            "ra.kode_ikk.tidak_di_pk",
            G,
            "IKK tidak ada di PK",
            "IKK {nilai} tidak ada di lampiran PK",
            "Pilih IKK dari daftar PK.",
        ),
        Rule(
            "ra.tw.menurun",
            P,
            "Target kumulatif menurun",
            "target {tw} ({nilai}) lebih kecil dari {tw_sebelum} ({sebelum}); target "
            "triwulan bersifat kumulatif",
            "Tulis target kumulatif s.d. triwulan (TW II = Januari–Juni).",
        ),
        Rule(
            "ra.tw4.beda_target_pk",
            P,
            "TW IV berbeda dengan target PK",
            "target TW IV ({nilai}) berbeda dengan target PK ({target_pk}) tanpa alasan",
            "Samakan dengan target PK atau isi kolom alasan.",
        ),
        # Capaian
        Rule(
            "capaian.kode_ikk.tidak_di_pk",
            G,
            "IKK tidak ada di PK",
            "IKK {nilai} tidak ada di lampiran PK",
            "Pilih IKK dari daftar PK.",
        ),
        Rule(
            "capaian.baris.duplikat",
            G,
            "Capaian ganda",
            "IKK {nilai} {tw} sudah diisi di baris {baris_lain}",
            "Hapus salah satu baris.",
        ),
        Rule(
            "capaian.kendala.wajib",
            G,
            "Kendala wajib diisi",
            "capaian {capaian}, di bawah 100%, tetapi kendala kosong",
            "Tulis kendala dan tindak lanjutnya.",
        ),
        Rule(
            "capaian.kendala.menurun",
            P,
            "Capaian menurun tanpa catatan",
            "capaian turun dari {sebelum} menjadi {capaian} tetapi kendala kosong",
            "Tulis penyebab penurunan di kolom kendala.",
        ),
        # SKP
        Rule(
            "skp.aspek.kuantitas_wajib",
            G,
            "RHK utama tanpa IKI kuantitas",
            "RHK utama {nilai} tidak memiliki IKI beraspek kuantitas",
            "Tambahkan IKI kuantitas untuk RHK ini (Permen PAN-RB 6/2022).",
        ),
        Rule(
            "skp.rhk_pimpinan.kosong",
            G,
            "RHK pimpinan kosong",
            "RHK utama {nilai} tidak menyebut RHK pimpinan yang diintervensi",
            "Isi kode IKK/RHK atasan dari Matriks Peran-Hasil.",
        ),
        Rule(
            "skp.target.kosong",
            G,
            "Target IKI kosong",
            "IKI {nilai} tidak memiliki target maupun rentang target",
            "Isi target, atau batas bawah dan batas atas.",
        ),
        Rule(
            "skp.target.rentang_terbalik",
            G,
            "Rentang target terbalik",
            "batas bawah ({nilai}) lebih besar dari batas atas ({atas})",
            "Tukar kedua batas.",
        ),
        Rule(
            "skp.tanggal.di_luar_jendela",
            P,
            "SKP di luar jendela waktu",
            "SKP ditetapkan {nilai}, di luar jendela {mulai} s.d. {selesai}",
            "Tetapkan SKP dalam jendela waktu institusi.",
        ),
        Rule(
            "realisasi.kode_iki.tidak_dikenal",
            G,
            "IKI tidak dikenal",
            "IKI {nilai} tidak ada di lembar SKP",
            "Pilih IKI dari daftar.",
        ),
        Rule(
            "manual.kode_iki.tidak_dikenal",
            G,
            "IKI tidak dikenal",
            "IKI {nilai} tidak ada di lembar SKP",
            "Pilih IKI dari daftar.",
        ),
        # Master
        Rule(
            "pegawai.nip_atasan.tidak_dikenal",
            G,
            "Atasan tidak dikenal",
            "NIP atasan {nilai} tidak ada di daftar pegawai",
            "Periksa NIP atasan.",
        ),
        Rule(
            "pegawai.kode_unit.tidak_dikenal",
            G,
            "Unit tidak dikenal",
            "unit {nilai} tidak ada di lembar Unit",
            "Pilih unit dari daftar.",
        ),
        Rule(
            "unit.nip_kepala.tidak_dikenal",
            G,
            "Kepala unit tidak dikenal",
            "NIP kepala {nilai} tidak ada di daftar pegawai",
            "Periksa NIP kepala unit.",
        ),
        Rule(
            "penugasan.kode_iku.tidak_dikenal",
            G,
            "IKU tidak dikenal",
            "IKU {nilai} tidak ada di lembar IKU",
            "Pilih IKU dari daftar.",
        ),
        Rule(
            "penugasan.kode_unit.tidak_dikenal",
            G,
            "Unit tidak dikenal",
            "unit {nilai} tidak ada di lembar Unit",
            "Pilih unit dari daftar.",
        ),
        Rule(
            "iku.target.tahun_kosong",
            G,
            "Target tahun kinerja kosong",
            "IKU {nilai} tidak memiliki target untuk tahun {tahun}",
            "Isi target Renstra untuk tahun kinerja.",
        ),
        # Cascade across workbooks (master + units + SKP)
        Rule(
            "kaskade.ikk.iku_tidak_dikenal",
            G,
            "IKU induk tidak ada di master",
            "IKU induk {nilai} tidak ada di daftar IKU institusi ({induk})",
            "Pilih IKU yang ada di master; minta Unit Perencanaan memperbarui workbook.",
        ),
        Rule(
            "kaskade.ikk.iku_tidak_ditugaskan",
            P,
            "IKU tidak ditugaskan ke unit",
            "IKU {nilai} tidak ditugaskan ke unit {kode_unit} di master ({induk})",
            "Periksa penugasan IKU dengan Unit Perencanaan.",
        ),
        Rule(
            "kaskade.ikk.satuan_beda",
            P,
            "Satuan berbeda dengan IKU induk",
            "satuan '{nilai}' berbeda dengan satuan IKU {iku} '{satuan_iku}' ({induk})",
            "Turunan langsung memakai satuan IKU induk.",
        ),
        Rule(
            "kaskade.ikk.arah_beda",
            P,
            "Arah berbeda dengan IKU induk",
            "arah '{nilai}' berbeda dengan arah IKU {iku} '{arah_iku}' ({induk})",
            "Samakan arah dengan IKU induk.",
        ),
        Rule(
            "kaskade.ikk.duplikat_antar_unit",
            G,
            "Kode IKK dipakai unit lain",
            "kode IKK {nilai} juga dipakai di {induk}",
            "Gunakan kode IKK unit sendiri.",
        ),
        Rule(
            "kaskade.beban.jumlah_tidak_sama",
            G,
            "Pembagian beban target tidak sama",
            "jumlah target beban IKU {iku} di semua unit {jumlah} tidak sama dengan target "
            "IKU {target_iku} ({induk})",
            "Sesuaikan target unit-unit agar jumlahnya sama dengan target IKU.",
        ),
        Rule(
            "kaskade.iku.tidak_diturunkan",
            G,
            "IKU belum diturunkan",
            "IKU {nilai} tidak diturunkan menjadi IKK di unit mana pun{rincian}",
            "Tugaskan IKU ke unit dan pastikan unit menurunkannya di PK.",
        ),
        Rule(
            "kaskade.iku.unit_belum_mengirim",
            P,
            "Unit penurun IKU belum mengirim",
            "IKU {nilai} ditugaskan ke {units}, yang belum mengirim workbook",
            "Tagih workbook unit tersebut.",
        ),
        Rule(
            "kaskade.penugasan.belum_diturunkan",
            P,
            "Penugasan IKU belum diturunkan",
            "unit {kode_unit} ditugaskan IKU {nilai} tetapi PK-nya tidak memiliki IKK "
            "turunannya ({induk})",
            "Tambahkan IKK turunan IKU ini di PK unit.",
        ),
        Rule(
            "kaskade.unit.tidak_dikenal",
            G,
            "Unit tidak ada di master",
            "kode unit {nilai} tidak ada di lembar Unit master",
            "Periksa kode unit.",
        ),
        Rule(
            "kaskade.unit.ganda",
            G,
            "Workbook unit ganda",
            "unit {nilai} juga dikirim dalam {induk}",
            "Kirim satu workbook per unit.",
        ),
        Rule(
            "kaskade.skp.ganda",
            G,
            "SKP ganda",
            "pegawai {nilai} juga memiliki SKP {induk}",
            "Kirim satu SKP per pegawai.",
        ),
        Rule(
            "kaskade.skp.pegawai_tidak_dikenal",
            G,
            "Pegawai tidak ada di master",
            "NIP {nilai} tidak ada di lembar Pegawai master",
            "Periksa NIP.",
        ),
        Rule(
            "kaskade.skp.penilai_bukan_atasan",
            P,
            "Pejabat penilai bukan atasan",
            "pejabat penilai {nilai} bukan atasan langsung menurut master ({atasan})",
            "Periksa pejabat penilai atau data atasan di master.",
        ),
        Rule(
            "kaskade.rhk_pimpinan.tidak_dikenal",
            G,
            "RHK pimpinan tidak dikenal",
            "RHK pimpinan {nilai} tidak ada di antara RHK/IKK atasan ({induk})",
            "Pilih kode IKK/RHK atasan dari Matriks Peran-Hasil.",
        ),
        Rule(
            "kaskade.skp.matriks_belum_ada",
            P,
            "Peran dari matriks belum ada di SKP",
            "Matriks Peran-Hasil memberi peran untuk {nilai} ({induk}) tetapi SKP tidak "
            "memiliki RHK yang mengintervensinya",
            "Tambahkan RHK untuk peran ini (jalankan xlkinerja kaskade untuk memperbarui).",
        ),
        Rule(
            "kaskade.distribusi.melebihi_batas",
            G,
            "Sebaran predikat pegawai melanggar batas",
            "{rincian}",
            "Tinjau kembali penilaian pegawai sesuai predikat organisasi.",
        ),
        Rule(
            "kaskade.atasan.siklus",
            G,
            "Rantai atasan berputar",
            "rantai atasan kembali ke pegawai ini: {rantai}",
            "Perbaiki NIP atasan.",
        ),
        Rule(
            "matriks.beban.jumlah_tidak_sama",
            G,
            "Pembagian beban IKK tidak sama",
            "jumlah target beban anggota tim untuk {nilai} ({jumlah}) tidak sama dengan "
            "target IKK {target_ikk} ({induk})",
            "Sesuaikan target anggota agar jumlahnya sama dengan target IKK.",
        ),
        # Files
        Rule(
            "berkas.tidak_terbaca",
            G,
            "Berkas tidak dapat dibaca",
            "{nilai}",
            "Perbaiki berkas sesuai pesan, lalu ulangi.",
        ),
    )
}


def rule_for(code: str) -> Rule:
    """The rule behind a finding code (domain codes exactly, column codes by last part)."""
    if code in DOMAIN_RULES:
        return DOMAIN_RULES[code]
    return COLUMN_RULES[code.rsplit(".", 1)[-1]]
