"""The master's Pengaturan sheet: the institution, its head and the head's superior (the
PK institusi's parties, single- or two-party), the kop and number its documents carry, the
year, the deadlines and the rules of assessment."""

from xlkinerja.specs import choices as ch
from xlkinerja.specs.model import Column, Field, Sheet, Table, ValueType

T = ValueType

PENGATURAN = Sheet(
    name="Pengaturan",
    title="Pengaturan Instansi",
    intro="Data instansi, tahun kinerja, batas waktu dan aturan penilaian.",
    landscape=False,
    fields=(
        Field("nama_instansi", "mst_nama_instansi", "Nama instansi", required=True),
        Field("tempat", "mst_tempat", "Kota (tempat penandatanganan)", required=True),
        Field(
            "tahun",
            "mst_tahun",
            "Tahun kinerja",
            T.INTEGER,
            required=True,
            help="Tahun Perjanjian Kinerja, mis. 2025.",
        ),
        Field(
            "tahun_awal_renstra",
            "mst_tahun_awal_renstra",
            "Tahun awal Renstra",
            T.INTEGER,
            required=True,
            help="Tahun pertama periode Renstra (5 tahun).",
        ),
        Field("nama_pimpinan", "mst_nama_pimpinan", "Nama pimpinan instansi", required=True),
        Field("nip_pimpinan", "mst_nip_pimpinan", "NIP pimpinan instansi", T.CODE, required=True),
        Field(
            "jabatan_pimpinan", "mst_jabatan_pimpinan", "Jabatan pimpinan instansi", required=True
        ),
        Field(
            "atasan_pimpinan_nama",
            "mst_atasan_pimpinan_nama",
            "Atasan pimpinan instansi: nama",
            help="PIHAK KEDUA Perjanjian Kinerja institusi (mis. Direktur Jenderal); kosong: "
            "dicetak garis titik-titik. Tidak dipakai untuk PK satu pihak.",
        ),
        Field("atasan_pimpinan_nip", "mst_atasan_pimpinan_nip", "Atasan pimpinan: NIP", T.CODE),
        Field("atasan_pimpinan_jabatan", "mst_atasan_pimpinan_jabatan", "Atasan pimpinan: jabatan"),
        Field(
            "jenis_pk",
            "mst_jenis_pk",
            "Jenis PK institusi",
            T.CHOICE,
            choices=ch.JENIS_PK,
            help="satu pihak: pimpinan kementerian/lembaga atau kepala daerah menandatangani "
            "sendiri (PermenPAN-RB 53/2014); kosong: dua pihak.",
        ),
        Field("nomor_pk", "mst_nomor_pk", "Nomor PK institusi", help="Kosong: tanpa nomor."),
        Field(
            "kop_logo",
            "mst_kop_logo",
            "Kop: berkas logo",
            help="Berkas gambar (PNG/JPG), relatif terhadap folder master; dicetak di kop PK "
            "dan Rencana Aksi. Kosong: kop tanpa logo.",
        ),
        Field(
            "kop_alamat",
            "mst_kop_alamat",
            "Kop: alamat",
            help="Baris alamat di kop di bawah nama instansi (Alt+Enter untuk baris baru). "
            "Kop dicetak bila logo atau alamat diisi.",
        ),
        Field(
            "kode_opd",
            "mst_kode_opd",
            "e-SAKIP daerah: kode OPD",
            T.CODE,
            help="Kode instansi ini di master OPD aplikasi e-SAKIP daerah (mis. 1.01), persis "
            "sama; untuk ekspor Renstra OPD. Kosong: profil itu tidak dibuat.",
        ),
        Field(
            "judul_rpjmd",
            "mst_judul_rpjmd",
            "e-SAKIP daerah: judul RPJMD",
            help="Judul RPJMD (atau rencana induk) yang diacu Renstra, persis seperti di aplikasi "
            "e-SAKIP daerah.",
        ),
        Field(
            "tujuan_renstra",
            "mst_tujuan_renstra",
            "Tujuan Renstra",
            help="Tujuan Renstra instansi (satu kalimat); sasaran strategis berada di bawahnya.",
        ),
        Field(
            "nomor_renstra",
            "mst_nomor_renstra",
            "Nomor dokumen Renstra",
            help="Nomor dokumen Renstra. Kosong: tanpa nomor.",
        ),
        Field(
            "batas_pk",
            "mst_batas_pk",
            "Batas pengesahan PK unit",
            T.DATE,
            required=True,
            help="Default: akhir Februari tahun kinerja.",
        ),
        Field(
            "batas_ra",
            "mst_batas_ra",
            "Batas pengesahan Rencana Aksi",
            T.DATE,
            help="Rencana Aksi unit yang disahkan sesudah tanggal ini menjadi temuan.",
        ),
        Field("skp_mulai", "mst_skp_mulai", "Jendela SKP: mulai", T.DATE),
        Field("skp_selesai", "mst_skp_selesai", "Jendela SKP: selesai", T.DATE),
        Field(
            "batas_atas_capaian",
            "mst_batas_atas_capaian",
            "Batas atas capaian (%)",
            T.NUMBER,
            help="Kosongkan jika tanpa batas; lazim 100, 120 atau 150.",
        ),
        Field(
            "ambang_kuning",
            "mst_ambang_kuning",
            "Ambang status kuning (%)",
            T.NUMBER,
            help="Capaian di bawah angka ini berstatus merah (default 70).",
        ),
        Field(
            "ambang_hijau",
            "mst_ambang_hijau",
            "Ambang status hijau (%)",
            T.NUMBER,
            help="Capaian di atas angka ini berstatus hijau (default 90).",
        ),
        Field(
            "predikat_organisasi",
            "mst_predikat_organisasi",
            "Predikat kinerja organisasi",
            T.CHOICE,
            choices=ch.PREDIKAT_ORGANISASI,
            help="Membatasi sebaran predikat kinerja pegawai (Permen PAN-RB 6/2022).",
        ),
    ),
    tables=(
        Table(
            key="predikat",
            name="tblPredikat",
            title="Skala predikat capaian",
            rows=8,
            help="Rentang capaian (%) dan predikatnya. Default LKjIP.",
            columns=(
                Column("batas_bawah", "Batas bawah", T.NUMBER, required=True, width=12),
                Column(
                    "batas_atas",
                    "Batas atas",
                    T.NUMBER,
                    width=12,
                    help="Kosongkan untuk baris teratas (tanpa batas atas).",
                ),
                Column("predikat", "Predikat", required=True, width=20),
            ),
        ),
    ),
)
