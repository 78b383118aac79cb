"""Choice lists shared by the forms (the words of domain.md)."""

from xlkinerja.specs.model import ChoiceList

ARAH = ChoiceList("daftar_arah", ("naik", "turun"))
KONSOLIDASI = ChoiceList("daftar_konsolidasi", ("kumulatif", "terakhir", "rata-rata"))
# How an IKU's realisasi combines its IKK's (its Manual IKU); blank: the default rule
# (jumlah for an IKU split by beban target, rata-rata otherwise)
AGREGASI = ChoiceList("daftar_agregasi", ("jumlah", "rata-rata", "rasio"))
JENIS_INDIKATOR = ChoiceList("daftar_jenis_indikator", ("kuantitatif", "kualitatif"))
JENIS_JABATAN = ChoiceList("daftar_jenis_jabatan", ("JPT", "JA", "JF"))
ASPEK = ChoiceList("daftar_aspek", ("kuantitas", "kualitas", "waktu", "biaya"))
STATUS_DOKUMEN = ChoiceList("daftar_status", ("draft", "diajukan", "disahkan"))
METODE_KASKADE = ChoiceList(
    "daftar_metode_kaskade", ("beban target", "aspek", "wilayah", "tidak langsung")
)
TRIWULAN = ChoiceList("daftar_triwulan", ("TW I", "TW II", "TW III", "TW IV"))
PERIODE_SKP = ChoiceList("daftar_periode", ("TW I", "TW II", "TW III", "TW IV", "Tahunan"))
JENIS_RHK = ChoiceList("daftar_jenis_rhk", ("Utama", "Tambahan"))
PERSPEKTIF = ChoiceList(
    "daftar_perspektif",
    ("Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran"),
)
# The institution's PK: signed by its head and the head's superior, or by the head alone
# (a minister, a regional head: PermenPAN-RB 53/2014)
JENIS_PK = ChoiceList("daftar_jenis_pk", ("dua pihak", "satu pihak"))
MODEL_SKP = ChoiceList("daftar_model_skp", ("dasar", "pengembangan"))
FREKUENSI = ChoiceList("daftar_frekuensi", ("bulanan", "triwulanan", "semesteran", "tahunan"))

RATING = ChoiceList(
    "daftar_rating", ("di bawah ekspektasi", "sesuai ekspektasi", "di atas ekspektasi")
)
PREDIKAT_ORGANISASI = ChoiceList(
    "daftar_predikat_organisasi", ("Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
)

# Code patterns (validated in Validasi; documented in the Petunjuk sheet).
POLA_IKU = r"^IKU-\d+$"
POLA_SS = r"^SS-\d+$"
POLA_IKK = r"^IKK-[A-Z0-9]+-\d+$"
POLA_UNIT = r"^[A-Z0-9]{2,10}$"
POLA_NIP = r"^\d{18}$"
POLA_RHK = r"^RHK-\d+$"
POLA_IKI = r"^IKI-\d+\.\d+$"
