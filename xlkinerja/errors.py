"""Errors users see: always in Indonesian, always naming the file (and sheet/cell), and
always with a stable code (`ErrorCode`).

The codes are dotted and lowercase like the finding codes (`core.codes.Code`), and the one
catalogue of codes (validation/catalogue.py, docs/temuan.md) holds both: a workbook that
cannot be read is a finding with its error's own code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any


class ErrorCode(StrEnum):
    """Every reason an error can have; the catalogue holds exactly one rule per member."""

    # A file given as input (kind: berkas)
    BERKAS_TIDAK_DITEMUKAN = "berkas.tidak_ditemukan"
    BERKAS_TIDAK_DAPAT_DIBUKA = "berkas.tidak_dapat_dibuka"
    BERKAS_TIDAK_TERBACA = "berkas.tidak_terbaca"  # the reason is not known
    BERKAS_JENIS_TIDAK_DIDUKUNG = "berkas.jenis_tidak_didukung"
    BERKAS_BUKAN_WORKBOOK = "berkas.bukan_workbook"
    BERKAS_FORMAT_XLS = "berkas.format_xls"
    BERKAS_FORMAT_ODS = "berkas.format_ods"
    BERKAS_FORMAT_XLSB = "berkas.format_xlsb"
    BERKAS_ISI_TIDAK_DIDUKUNG = "berkas.isi_tidak_didukung"
    BERKAS_TERENKRIPSI = "berkas.terenkripsi"
    BERKAS_RUSAK = "berkas.rusak"
    BERKAS_BAGIAN_HILANG = "berkas.bagian_hilang"
    BERKAS_BAGIAN_RUSAK = "berkas.bagian_rusak"
    BERKAS_TERLALU_BESAR = "berkas.terlalu_besar"
    BERKAS_TIDAK_AMAN = "berkas.tidak_aman"
    BERKAS_TAUTAN_BERPUTAR = "berkas.tautan_berputar"
    # The workbook is not the template it should be (kind: templat)
    TEMPLAT_METADATA_HILANG = "templat.metadata_hilang"
    TEMPLAT_METADATA_TIDAK_LENGKAP = "templat.metadata_tidak_lengkap"
    TEMPLAT_JENIS_TIDAK_DIKENAL = "templat.jenis_tidak_dikenal"
    TEMPLAT_JENIS_SALAH = "templat.jenis_salah"
    TEMPLAT_VERSI_BEDA = "templat.versi_beda"
    TEMPLAT_LEMBAR_HILANG = "templat.lembar_hilang"
    TEMPLAT_TABEL_HILANG = "templat.tabel_hilang"
    TEMPLAT_TABEL_SALAH_LEMBAR = "templat.tabel_salah_lembar"
    TEMPLAT_KOLOM_HILANG = "templat.kolom_hilang"
    TEMPLAT_NAMA_SEL_HILANG = "templat.nama_sel_hilang"
    TEMPLAT_SEL_DIGABUNG = "templat.sel_digabung"
    TEMPLAT_TIDAK_DIKENALI = "templat.tidak_dikenali"
    REKAP_LEMBAR_HILANG = "rekap.lembar_hilang"
    REKAP_JUDUL_TABEL_HILANG = "rekap.judul_tabel_hilang"
    REKAP_KOLOM_BERUBAH = "rekap.kolom_berubah"
    REKAP_KOLOM_HILANG = "rekap.kolom_hilang"
    # What a job needs from a workbook's entries (kind: isian)
    ISIAN_TAHUN_TIDAK_SAH = "isian.tahun_tidak_sah"
    ISIAN_KODE_UNIT_KOSONG = "isian.kode_unit_kosong"
    # The command's options and inputs (kind: penggunaan)
    OPSI_BELUM_DIBERIKAN = "opsi.belum_diberikan"
    OPSI_BERTENTANGAN = "opsi.bertentangan"
    OPSI_TIDAK_SAH = "opsi.tidak_sah"
    OPSI_TANPA_JAWABAN = "opsi.tanpa_jawaban"
    MASUKAN_MASTER_TIDAK_ADA = "masukan.master_tidak_ada"
    MASUKAN_BERKAS_TIDAK_ADA = "masukan.berkas_tidak_ada"
    MASUKAN_TAHUN_BEDA = "masukan.tahun_beda"
    MASUKAN_TRIWULAN_TIDAK_ADA = "masukan.triwulan_tidak_ada"
    ADDIN_TOMBOL_TIDAK_DIKENAL = "addin.tombol_tidak_dikenal"
    MODE_HANYA_LOKAL = "mode.hanya_lokal"
    MODE_HANYA_SERVER = "mode.hanya_server"
    ADDIN_BUKU_BELUM_DISIMPAN = "addin.buku_belum_disimpan"
    ADDIN_LEMBAR_PENGESAHAN_DIBUAT = "addin.lembar_pengesahan_dibuat"
    ADDIN_ISIAN_PENGESAHAN = "addin.isian_pengesahan"
    ADDIN_BUKAN_WORKBOOK_UNIT = "addin.bukan_workbook_unit"
    ADDIN_PENGATURAN_TIDAK_SAH = "addin.pengaturan_tidak_sah"
    KOMPILASI_DIBATALKAN = "kompilasi.dibatalkan"
    KIRIM_MASTER = "kirim.master"
    # What xlkinerja writes (kind: keluaran)
    KELUARAN_BUKAN_BERKAS = "keluaran.bukan_berkas"
    KELUARAN_BUKAN_FOLDER = "keluaran.bukan_folder"
    KELUARAN_TIDAK_DAPAT_DITULIS = "keluaran.tidak_dapat_ditulis"
    KELUARAN_TIDAK_DAPAT_DIGANTI = "keluaran.tidak_dapat_diganti"
    KELUARAN_MENIMPA_ISIAN = "keluaran.menimpa_isian"
    KELUARAN_BUKAN_XLSX = "keluaran.bukan_xlsx"
    KELUARAN_MENIMPA_ARSIP = "keluaran.menimpa_arsip"
    KELUARAN_MENIMPA_ASLI = "keluaran.menimpa_asli"
    KELUARAN_FOLDER_BUKAN_MILIK = "keluaran.folder_bukan_milik"
    KELUARAN_CADANGAN_GAGAL = "keluaran.cadangan_gagal"
    KELUARAN_CADANGAN_PENUH = "keluaran.cadangan_penuh"
    PENANDAAN_TAUTAN_SIMBOLIK = "penandaan.tautan_simbolik"
    PENANDAAN_HANYA_BACA = "penandaan.hanya_baca"
    PENANDAAN_BERKAS_BERUBAH = "penandaan.berkas_berubah"
    PENANDAAN_LEMBAR_BUKAN_MILIK = "penandaan.lembar_bukan_milik"
    PENANDAAN_FOLDER_SIBUK = "penandaan.folder_sibuk"
    PENANDAAN_TIDAK_DAPAT_DITULIS = "penandaan.tidak_dapat_ditulis"
    # The archive database (kind: arsip)
    ARSIP_ALAMAT_TIDAK_SAH = "arsip.alamat_tidak_sah"
    ARSIP_JENIS_TIDAK_DIDUKUNG = "arsip.jenis_tidak_didukung"
    ARSIP_DI_MEMORI = "arsip.di_memori"
    ARSIP_FOLDER_TIDAK_DAPAT_DIBUAT = "arsip.folder_tidak_dapat_dibuat"
    ARSIP_BUKAN_ARSIP = "arsip.bukan_arsip"
    ARSIP_TIDAK_DAPAT_DIPAKAI = "arsip.tidak_dapat_dipakai"
    ARSIP_TIDAK_MENJAWAB = "arsip.tidak_menjawab"
    ARSIP_BATAS_WAKTU_TIDAK_SAH = "arsip.batas_waktu_tidak_sah"
    ARSIP_RUSAK = "arsip.rusak"
    ARSIP_SKEMA_LEBIH_BARU = "arsip.skema_lebih_baru"
    ARSIP_UNIT_TIDAK_ADA = "arsip.unit_tidak_ada"
    ARSIP_VERSI_TIDAK_ADA = "arsip.versi_tidak_ada"
    ARSIP_UNIT_JENIS_BEDA = "arsip.unit_jenis_beda"
    ARSIP_MASTER_TIDAK_ADA = "arsip.master_tidak_ada"
    ARSIP_MASTER_TIDAK_TERBACA = "arsip.master_tidak_terbaca"
    ARSIP_VERSI_TEMPLAT_BEDA = "arsip.versi_templat_beda"
    ARSIP_ISI_TIDAK_DIKENAL = "arsip.isi_tidak_dikenal"
    ARSIP_TAHUN_TIDAK_ADA = "arsip.tahun_tidak_ada"
    ARSIP_LANGKAH_TIDAK_SAH = "arsip.langkah_tidak_sah"
    # Settings files: export profiles, the server's keys (kind: konfigurasi)
    PROFIL_FOLDER_TIDAK_ADA = "profil.folder_tidak_ada"
    PROFIL_TIDAK_ADA = "profil.tidak_ada"
    PROFIL_TIDAK_TERBACA = "profil.tidak_terbaca"
    PROFIL_TIDAK_SAH = "profil.tidak_sah"
    PROFIL_TEMPLAT_GAGAL = "profil.templat_gagal"
    EKSPOR_TIDAK_DAPAT_DIIMPOR = "ekspor.tidak_dapat_diimpor"
    KUNCI_TIDAK_ADA = "kunci.tidak_ada"
    KUNCI_TIDAK_SAH = "kunci.tidak_sah"
    KUNCI_UNIT_KOSONG = "kunci.unit_kosong"
    KUNCI_UNIT_TIDAK_DIKENAL = "kunci.unit_tidak_dikenal"
    KUNCI_PERENCANAAN_TANPA_KUNCI = "kunci.perencanaan_tanpa_kunci"
    # The installation and the system (kind: lingkungan)
    LINGKUNGAN_FOLDER_PAKET_HILANG = "lingkungan.folder_paket_hilang"
    LINGKUNGAN_TEMPLAT_HILANG = "lingkungan.templat_hilang"
    LINGKUNGAN_XLWINGS_TIDAK_ADA = "lingkungan.xlwings_tidak_ada"
    LINGKUNGAN_XLWINGS_VBA_HILANG = "lingkungan.xlwings_vba_hilang"
    LINGKUNGAN_XLWINGS_VERSI_BEDA = "lingkungan.xlwings_versi_beda"
    LINGKUNGAN_EXCEL_TIDAK_ADA = "lingkungan.excel_tidak_ada"
    LINGKUNGAN_APPDATA_TIDAK_ADA = "lingkungan.appdata_tidak_ada"
    LINGKUNGAN_PDF_TIDAK_TERSEDIA = "lingkungan.pdf_tidak_tersedia"
    LINGKUNGAN_MESIN_REMOTE_TIDAK_ADA = "lingkungan.mesin_remote_tidak_ada"
    LINGKUNGAN_PEMBACA_BERHENTI = "lingkungan.pembaca_berhenti"
    # The server's refusals of a call (kind: server)
    SERVER_KUNCI_KOSONG = "server.kunci_kosong"
    SERVER_KUNCI_TIDAK_DIKENAL = "server.kunci_tidak_dikenal"
    SERVER_TOMBOL_TIDAK_DIKENAL = "server.tombol_tidak_dikenal"
    SERVER_PERIODE_TIDAK_SAH = "server.periode_tidak_sah"
    SERVER_TERLALU_BESAR = "server.terlalu_besar"
    SERVER_BUKAN_BUKU_KERJA = "server.bukan_buku_kerja"
    SERVER_VERSI_ADDIN_BEDA = "server.versi_addin_beda"
    SERVER_ALAMAT_TIDAK_ADA = "server.alamat_tidak_ada"
    SERVER_HANYA_POST = "server.hanya_post"
    SERVER_TAUTAN_KEDALUWARSA = "server.tautan_kedaluwarsa"
    SERVER_GALAT_INTERNAL = "server.galat_internal"
    SERVER_BUKAN_PERENCANAAN = "server.bukan_perencanaan"
    SERVER_TANPA_FOLDER_REKAP = "server.tanpa_folder_rekap"
    KIRIM_UNIT_TIDAK_DIKETAHUI = "kirim.unit_tidak_diketahui"
    KIRIM_UNIT_LAIN = "kirim.unit_lain"


class XlkinerjaError(Exception):
    """An error about the user's input or configuration, with a message for the user and
    the code of its reason (required: a raise without one is a type error)."""

    if TYPE_CHECKING:

        def __init__(
            self,
            message: str,
            *,
            code: ErrorCode,
            path: Path | str | None = None,
            sheet: str | None = None,
            cell: str | None = None,
            hint: str = "",
        ) -> None: ...

    else:

        def __init__(self, message, *, code, path=None, sheet=None, cell=None, hint=""):
            self._set(message, code, path, sheet, cell, hint)

    def _set(
        self,
        message: str,
        code: ErrorCode,
        path: Path | str | None,
        sheet: str | None,
        cell: str | None,
        hint: str,
    ) -> None:
        self.message = message
        self.code = code
        self.path = Path(path) if path is not None else None
        self.sheet = sheet
        self.cell = cell
        self.hint = hint
        super().__init__(self.user_message())

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its code and place (a worker process's error reaches the parent
        whole), not as its text alone."""
        return _rebuilt, (type(self), dict(self.__dict__))

    def heading(self) -> str:
        """What the message is shown after, the code in it: "Galat [berkas.rusak]:"."""
        return heading(self.code)

    def reason(self) -> str:
        """The message without the file (for a finding, which names its file itself)."""
        return _capitalised(self._text(with_file=False))

    def user_message(self) -> str:
        return self._text(with_file=True)

    def detail(self) -> str:
        """The message alone: neither the place nor the hint (a finding has both)."""
        return _capitalised(self.message)

    def record(self) -> ErrorRecord:
        """The error as plain data, for a result that carries it on (picklable)."""
        return ErrorRecord(
            code=self.code,
            message=self.user_message(),
            detail=self.detail(),
            hint=self.hint,
            sheet=self.sheet,
            cell=self.cell,
        )

    def _text(self, *, with_file: bool) -> str:
        where = []
        if self.path is not None and with_file:
            where.append(f"Berkas '{self.path.name}'")
        if self.sheet:
            where.append(f"lembar '{self.sheet}'")
        if self.cell:
            where.append(f"sel {self.cell}")
        text = (", ".join(where) + ": " if where else "") + self.message
        if self.hint:
            text += f" {self.hint}"
        return text


def heading(code: ErrorCode, label: str = "Galat") -> str:
    """The head of an error's line wherever it is shown (the CLI, the add-in's message
    box, the server's refusal): the label and the code, "Galat [templat.kolom_hilang]:"."""
    return f"{label} [{code}]:"


def _rebuilt(cls: type[XlkinerjaError], state: dict[str, Any]) -> XlkinerjaError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.user_message())
    return error


@dataclass(frozen=True)
class ErrorRecord:
    """What an error said, kept by a result that goes on without the file (a workbook
    that could not be read): its code, its message naming the file, and the parts a
    finding is made of."""

    code: ErrorCode
    message: str  # as the user reads it, naming the file (and sheet/cell)
    detail: str = ""  # the message alone (see XlkinerjaError.detail)
    hint: str = ""
    sheet: str | None = None
    cell: str | None = None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class WorkbookError(XlkinerjaError):
    """A workbook cannot be read as the form it claims to be."""


class OutputError(XlkinerjaError):
    """A file xlkinerja was asked to write cannot be written (folder, permission, lock)."""
