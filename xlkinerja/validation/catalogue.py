"""The catalogue of findings: stable codes, severities and Indonesian message templates.

Column rules apply to every column of the specs that has the property (required, choices,
pattern, unique, a type) and get codes `<scope>.<column>.<rule>`, e.g. `pk.target.kosong`;
the scope is the table key (or, for single fields, the sheet). Domain rules have fixed codes.
Every message reads: where → rule → value → how to fix.
"""

from __future__ import annotations

from xlkinerja.core.finding import Severity
from xlkinerja.core.rule import Rule
from xlkinerja.validation.catalogue_kaskade import KASKADE_RULES

G, P = Severity.GALAT, Severity.PERINGATAN


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


DOMAIN_RULES |= {r.name: r for r in KASKADE_RULES}


def rule_for(code: str) -> Rule:
    """The rule behind a finding code (domain codes exactly, column codes by last part)."""
    if code in DOMAIN_RULES:
        return DOMAIN_RULES[code]
    return COLUMN_RULES[code.rsplit(".", 1)[-1]]
