"""The catalogue of findings: stable codes, severities and Indonesian message templates.

Column rules apply to every column of the specs that has the property (required, choices,
pattern, unique, a type) and get codes `<scope>.<column>.<rule>`, e.g. `pk.target.kosong`;
the scope is the table key (or, for single fields, the sheet). Domain rules have fixed codes
(`core.codes.Code`), one rule each; so do errors (`errors.ErrorCode`, validation/
catalogue_galat.py), whose message is the error's own. Every message reads: where → rule →
value → how to fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from xlkinerja.core.codes import Code, ColumnRule
from xlkinerja.core.finding import Severity
from xlkinerja.core.normal import field_scope
from xlkinerja.core.rule import Rule
from xlkinerja.errors import ErrorCode
from xlkinerja.specs import FORMS, Column, Field
from xlkinerja.validation.catalogue_galat import ERROR_RULES as _ERROR_RULES
from xlkinerja.validation.catalogue_kaskade import KASKADE_RULES
from xlkinerja.validation.catalogue_pk_ra import PK_RA_RULES

G, P = Severity.GALAT, Severity.PERINGATAN

K = TypeVar("K", Code, ColumnRule, ErrorCode)


def _keyed(kind: type[K], rules: Iterable[Rule]) -> dict[K, Rule]:
    """Rules by name, in the order given; a name of another kind, or twice, is a bug."""
    table: dict[K, Rule] = {}
    for rule in rules:
        name = rule.name
        if not isinstance(name, kind) or name in table:
            raise ValueError(f"catalogue: {name!r} is not a {kind.__name__}, or comes twice")
        table[name] = rule
    return table


COLUMN_RULES: dict[ColumnRule, Rule] = _keyed(
    ColumnRule,
    (
        Rule(
            ColumnRule.KOSONG, G, "Isian wajib kosong", "wajib diisi, tetapi kosong", "Isi sel ini."
        ),
        Rule(
            ColumnRule.PILIHAN,
            G,
            "Nilai di luar daftar pilihan",
            "harus salah satu dari: {pilihan}",
            "Pilih nilai dari daftar pada sel.",
        ),
        Rule(
            ColumnRule.POLA,
            G,
            "Kode tidak sesuai format",
            "harus berformat {pola}",
            "Perbaiki kode sesuai contoh di lembar Petunjuk.",
        ),
        Rule(
            ColumnRule.DUPLIKAT,
            G,
            "Kode ganda",
            "tidak boleh sama dengan baris {baris_lain}",
            "Setiap baris harus memiliki kode sendiri.",
        ),
        Rule(
            ColumnRule.BUKAN_ANGKA,
            G,
            "Bukan angka",
            "harus berisi angka ({rincian})",
            "Tulis angka saja, mis. 85 atau 1.234,5.",
        ),
        Rule(
            ColumnRule.ANGKA_AMBIGU,
            G,
            "Angka ambigu",
            "tidak jelas maksudnya: {rincian}",
            "Tulis tanpa pemisah ribuan (mis. 1050) atau dengan koma desimal (1,05).",
        ),
        Rule(
            ColumnRule.BUKAN_TANGGAL,
            G,
            "Bukan tanggal",
            "harus berisi tanggal ({rincian})",
            "Tulis tanggal dd/mm/yyyy, mis. 28/02/2025.",
        ),
        Rule(
            ColumnRule.TANGGAL_AMBIGU,
            G,
            "Tanggal ambigu",
            "tidak jelas maksudnya: {rincian}",
            "Tulis tanggal dd/mm/yyyy, mis. 28/02/2025.",
        ),
        Rule(
            ColumnRule.GALAT_RUMUS,
            G,
            "Galat rumus",
            "berisi galat rumus {nilai}",
            "Perbaiki rumusnya atau ganti dengan nilai.",
        ),
        Rule(
            ColumnRule.RUMUS_TANPA_NILAI,
            G,
            "Rumus tanpa nilai tersimpan",
            "berisi rumus yang belum pernah dihitung",
            "Buka dan simpan berkas di Excel/LibreOffice agar nilainya tersimpan, atau "
            "ganti rumus dengan nilai.",
        ),
        Rule(
            ColumnRule.SKALA_PERSEN,
            G,
            "Skala persen tidak jelas",
            "angka persen tidak dapat dibaca dengan pasti: {rincian}",
            "Untuk satuan % tulis angka persennya (85 untuk 85%); untuk satuan lain tulis "
            "angkanya saja, tanpa format persen (Format Sel > Umum).",
        ),
    ),
)

DOMAIN_RULES: dict[Code, Rule] = _keyed(
    Code,
    (
        *PK_RA_RULES,
        # Capaian
        Rule(
            Code.CAPAIAN_KODE_IKK_TIDAK_DI_PK,
            G,
            "IKK tidak ada di PK",
            "IKK {nilai} tidak ada di lampiran PK",
            "Pilih IKK dari daftar PK.",
        ),
        Rule(
            Code.CAPAIAN_BARIS_DUPLIKAT,
            G,
            "Capaian ganda",
            "IKK {nilai} {tw} sudah diisi di baris {baris_lain}",
            "Hapus salah satu baris.",
        ),
        Rule(
            Code.CAPAIAN_KENDALA_WAJIB,
            G,
            "Kendala wajib diisi",
            "capaian {capaian}, di bawah 100%, tetapi kendala kosong",
            "Tulis kendala dan tindak lanjutnya.",
        ),
        Rule(
            Code.CAPAIAN_KENDALA_MENURUN,
            P,
            "Capaian menurun tanpa catatan",
            "capaian turun dari {sebelum} menjadi {capaian} tetapi kendala kosong",
            "Tulis penyebab penurunan di kolom kendala.",
        ),
        Rule(
            Code.CAPAIAN_RASIO_TANPA_PEMBILANG,
            P,
            "Rasio tanpa pembilang dan penyebut",
            "IKK {ikk} menurunkan {iku}, yang realisasinya digabung sebagai rasio (Σ pembilang / "
            "Σ penyebut), tetapi Pembilang dan Penyebut {tw} tidak diisi; {iku} {tw} tidak "
            "dapat digabung sebagai rasio",
            "Isi Pembilang dan Penyebut (mis. lulusan yang bekerja dan jumlah lulusan). Bila "
            "kolomnya tidak ada, workbook dibuat dengan templat lama: xlkinerja pindahkan.",
        ),
        # Realisasi anggaran
        Rule(
            Code.ANGGARAN_REALISASI_NEGATIF,
            G,
            "Realisasi anggaran negatif",
            "realisasi anggaran {nilai} bernilai negatif",
            "Tulis realisasi kumulatif dalam rupiah, 0 atau lebih.",
        ),
        Rule(
            Code.ANGGARAN_REALISASI_MENURUN,
            P,
            "Realisasi anggaran kumulatif menurun",
            "realisasi s.d. {tw} ({nilai}) lebih kecil dari s.d. {tw_sebelum} ({sebelum}); "
            "realisasi anggaran ditulis kumulatif sejak Januari",
            "Tulis realisasi kumulatif; bila ada pengembalian dana, jelaskan di Laporan Kinerja.",
        ),
        Rule(
            Code.ANGGARAN_REALISASI_MELEBIHI_PAGU,
            P,
            "Realisasi melebihi pagu",
            "realisasi anggaran ({nilai}) melebihi pagu ({pagu})",
            "Periksa angka realisasi, atau perbarui pagu bila DIPA sudah direvisi.",
        ),
        Rule(
            Code.CAPAIAN_RASIO_TIDAK_SESUAI,
            P,
            "Realisasi tidak sama dengan rasio",
            "realisasi {nilai} tidak sama dengan pembilang / penyebut × 100 = {rasio}",
            "Perbaiki realisasi, pembilang atau penyebut.",
        ),
        Rule(
            Code.TEMPLAT_VERSI_LAMA,
            P,
            "Templat versi lama",
            "workbook dibuat dengan templat versi {versi} (xlkinerja kini {versi_kini}): tidak "
            "memuat {kurang}; isian lainnya tetap dibaca",
            "Pindahkan isiannya ke templat baru: xlkinerja pindahkan BERKAS --output FOLDER.",
        ),
        # SKP
        Rule(
            Code.SKP_ASPEK_KUANTITAS_WAJIB,
            G,
            "RHK utama tanpa IKI kuantitas",
            "RHK utama {nilai} tidak memiliki IKI beraspek kuantitas",
            "Tambahkan IKI kuantitas untuk RHK ini (Permen PAN-RB 6/2022).",
        ),
        Rule(
            Code.SKP_RHK_PIMPINAN_KOSONG,
            G,
            "RHK pimpinan kosong",
            "RHK utama {nilai} tidak menyebut RHK pimpinan yang diintervensi",
            "Isi kode IKK/RHK atasan dari Matriks Peran-Hasil.",
        ),
        Rule(
            Code.SKP_TARGET_KOSONG,
            G,
            "Target IKI kosong",
            "IKI {nilai} tidak memiliki target maupun rentang target",
            "Isi target, atau batas bawah dan batas atas.",
        ),
        Rule(
            Code.SKP_TARGET_RENTANG_TERBALIK,
            G,
            "Rentang target terbalik",
            "batas bawah ({nilai}) lebih besar dari batas atas ({atas})",
            "Tukar kedua batas.",
        ),
        Rule(
            Code.SKP_TANGGAL_DI_LUAR_JENDELA,
            P,
            "SKP di luar jendela waktu",
            "SKP ditetapkan {nilai}, di luar jendela {mulai} s.d. {selesai}",
            "Tetapkan SKP dalam jendela waktu institusi.",
        ),
        Rule(
            Code.REALISASI_KODE_IKI_TIDAK_DIKENAL,
            G,
            "IKI tidak dikenal",
            "IKI {nilai} tidak ada di lembar SKP",
            "Pilih IKI dari daftar.",
        ),
        Rule(
            Code.MANUAL_KODE_IKI_TIDAK_DIKENAL,
            G,
            "IKI tidak dikenal",
            "IKI {nilai} tidak ada di lembar SKP",
            "Pilih IKI dari daftar.",
        ),
        # Master
        Rule(
            Code.PEGAWAI_NIP_ATASAN_TIDAK_DIKENAL,
            G,
            "Atasan tidak dikenal",
            "NIP atasan {nilai} tidak ada di daftar pegawai",
            "Periksa NIP atasan.",
        ),
        Rule(
            Code.PEGAWAI_KODE_UNIT_TIDAK_DIKENAL,
            G,
            "Unit tidak dikenal",
            "unit {nilai} tidak ada di lembar Unit",
            "Pilih unit dari daftar.",
        ),
        Rule(
            Code.UNIT_NIP_KEPALA_TIDAK_DIKENAL,
            G,
            "Kepala unit tidak dikenal",
            "NIP kepala {nilai} tidak ada di daftar pegawai",
            "Periksa NIP kepala unit.",
        ),
        Rule(
            Code.PENUGASAN_KODE_IKU_TIDAK_DIKENAL,
            G,
            "IKU tidak dikenal",
            "IKU {nilai} tidak ada di lembar IKU",
            "Pilih IKU dari daftar.",
        ),
        Rule(
            Code.PENUGASAN_KODE_UNIT_TIDAK_DIKENAL,
            G,
            "Unit tidak dikenal",
            "unit {nilai} tidak ada di lembar Unit",
            "Pilih unit dari daftar.",
        ),
        Rule(
            Code.IKU_TARGET_TAHUN_KOSONG,
            G,
            "Target tahun kinerja kosong",
            "IKU {nilai} tidak memiliki target untuk tahun {tahun}",
            "Isi target Renstra untuk tahun kinerja.",
        ),
        *KASKADE_RULES,
    ),
)


ERROR_RULES: dict[ErrorCode, Rule] = _keyed(ErrorCode, _ERROR_RULES)


class UnknownCodeError(KeyError):
    """A finding code the catalogue does not know: a bug where the code was made."""


def column_items() -> Iterator[tuple[str, Column | Field]]:
    """(scope, item) of every single field and input column the specs define: the
    `<scope>.<key>` a column code may start with (formula columns are never read)."""
    for form in FORMS.values():
        for fld in form.fields:
            yield field_scope(form, fld.key), fld
        for table in form.tables:
            for col in table.input_columns:
                yield table.key, col


_FIXED_BY_TEXT: dict[str, Rule] = {
    code.value: rule for code, rule in (*DOMAIN_RULES.items(), *ERROR_RULES.items())
}
_COLUMN_BY_TEXT: dict[str, Rule] = {name.value: rule for name, rule in COLUMN_RULES.items()}
_COLUMN_ITEMS = frozenset(f"{scope}.{item.key}" for scope, item in column_items())


def rule_for(code: str) -> Rule:
    """The rule behind a finding code, exactly: a domain or error code, or
    `<scope>.<key>.<rule>` where `<scope>.<key>` is a field or column of the specs and
    `<rule>` a column rule.
    Anything else (a typo such as "pk.targt.kosong") raises `UnknownCodeError`."""
    rule = _FIXED_BY_TEXT.get(code)
    if rule is not None:
        return rule
    item, _, name = code.rpartition(".")
    rule = _COLUMN_BY_TEXT.get(name)
    if rule is None or item not in _COLUMN_ITEMS:
        raise UnknownCodeError(code)
    return rule
