"""The ribbon tab "Kinerja": one table of buttons, and the customUI14.xml made from it.

Every button calls the same VBA sub (ON_ACTION, in macros/Kinerja.bas) and says which
Python action to run through its `tag`, the name of an action in the registry of
`xlkinerja.excel` (ACTIONS lists them, for a test against that registry). Icons are
Office's built-in ones (imageMso), so the add-in carries no image parts.

The XML follows the Office 2010 schema (namespace CUSTOMUI_NAMESPACE, part
customUI/customUI14.xml, relationship type UI_RELATIONSHIP — the 2007 type is the one
Office 2010 and later use for customUI14 too). The copy in macros/customUI14.xml is written
from this table (`python3 -m xlkinerja.addin.ribbon macros/customUI14.xml`); a test checks
that it is current.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

CUSTOMUI_NAMESPACE = "http://schemas.microsoft.com/office/2009/07/customui"
UI_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
CUSTOMUI_PART = "customUI/customUI14.xml"
ON_ACTION = "KinerjaTombol"
TAB_LABEL = "Kinerja"


@dataclass(frozen=True)
class Button:
    action: str  # the registry action the button runs; also its tag
    group: str  # the group's label on the tab
    label: str
    screentip: str  # the tooltip's title
    supertip: str  # the tooltip's text
    icon: str  # an Office built-in image (imageMso)


BUTTONS: tuple[Button, ...] = (
    Button(
        "validasi",
        "Unit",
        "Validasi",
        "Validasi buku kerja",
        "Memeriksa isian buku kerja yang aktif dan menandai setiap temuan di selnya "
        "(warna dan catatan), dengan daftarnya di lembar Hasil Validasi.",
        "AcceptInvitation",
    ),
    Button(
        "bersihkan_tanda",
        "Unit",
        "Bersihkan tanda",
        "Bersihkan tanda validasi",
        "Menghapus warna, catatan, dan lembar Hasil Validasi dari validasi sebelumnya; "
        "isian tidak diubah.",
        "ClearFormats",
    ),
    Button(
        "hitung_capaian",
        "Unit",
        "Hitung capaian",
        "Hitung capaian kinerja",
        "Menghitung capaian setiap triwulan dari realisasi dan target Rencana Aksi (sesuai "
        "konsolidasi IKK) beserta predikatnya, dan menuliskannya di samping tabel Capaian.",
        "CalculateNow",
    ),
    Button(
        "kirim",
        "Unit",
        "Kirim",
        "Kirim ke unit perencanaan",
        "Mengirim buku kerja ini ke unit perencanaan setelah diperiksa.",
        "FileSendAsAttachment",
    ),
    Button(
        "kaskade",
        "Perencanaan",
        "Kaskade",
        "Kaskade ke SKP",
        "Membuat atau memperbarui buku kerja SKP setiap pegawai dari Matriks Peran-Hasil "
        "unit, dan memeriksa kaskade IKU, IKK, dan RHK.",
        "FileSaveAsExcelXlsx",
    ),
    Button(
        "kompilasi",
        "Perencanaan",
        "Kompilasi",
        "Kompilasi seluruh unit",
        "Menghimpun buku kerja semua unit menjadi rekap kinerja institusi dan menyimpannya "
        "di arsip.",
        "AutoSum",
    ),
    Button(
        "ekspor",
        "Perencanaan",
        "Ekspor",
        "Ekspor berkas unggahan",
        "Menulis berkas setiap profil ekspor (hierarki kinerja, PK dan realisasi berkunci, "
        "SKP) dari rekap hasil Kompilasi, untuk aplikasi daerah atau olah data; aplikasi "
        "nasional menerima dokumen (PK, Rencana Aksi, LKj) dan isian formulir.",
        "FileSaveAsOtherFormats",
    ),
    Button(
        "bahas",
        "Pengesahan",
        "Bahas",
        "Catat rumusan hasil pembahasan",
        "Unit Perencanaan: mencatat rapat pembahasan Tim SAKIP atas kiriman terakhir unit "
        "buku kerja ini, dengan rumusannya (rekomendasi, kendala, tindak lanjut) dari kolom "
        "Bahas di lembar Pengesahan.",
        "ReviewNewComment",
    ),
    Button(
        "periksa",
        "Pengesahan",
        "Periksa",
        "Catat pemeriksaan",
        "Unit Perencanaan: mencatat bahwa hasil pembahasan kiriman terakhir unit buku kerja "
        "ini telah diperiksa Kabag/Kasubag (nama dan NIP dari kolom Periksa di lembar "
        "Pengesahan).",
        "ReviewTrackChanges",
    ),
    Button(
        "setujui",
        "Pengesahan",
        "Setujui",
        "Catat persetujuan",
        "Unit Perencanaan: mencatat persetujuan Direktur atas kiriman terakhir unit buku "
        "kerja ini yang telah diperiksa (kolom Setujui di lembar Pengesahan).",
        "ReviewAcceptChange",
    ),
    Button(
        "kembalikan",
        "Pengesahan",
        "Kembalikan",
        "Kembalikan untuk dibahas ulang",
        "Unit Perencanaan: mengembalikan kiriman yang sudah dibahas atau diperiksa, dengan "
        "alasannya (kolom Kembalikan di lembar Pengesahan).",
        "ReviewRejectChange",
    ),
    Button(
        "tentang",
        "Bantuan",
        "Tentang",
        "Tentang xlkinerja",
        "Versi xlkinerja dan xlwings, serta cara add-in ini menjalankan Python "
        "(lokal atau server).",
        "Info",
    ),
)


@dataclass(frozen=True)
class Pilihan:
    """A drop-down list on the tab: its choice kept by the VBA (SaveSetting) and sent with
    the buttons' calls; `before`: the button it stands before."""

    id: str
    group: str
    before: str
    label: str
    screentip: str
    supertip: str
    items: tuple[str, ...]  # index 0 is the default
    on_action: str  # VBA: (control, id, index), stores the choice
    get_selected: str  # VBA: (control, ByRef index), the stored choice


PERIODE = Pilihan(
    "periode",
    "Perencanaan",
    "kompilasi",
    "Periode",
    "Periode capaian",
    "Capaian yang ditampilkan Kompilasi dan Ekspor: s.d. triwulan terakhir yang dilaporkan "
    "unit mana pun, atau s.d. triwulan yang dipilih. Unit yang belum melapor triwulan itu "
    "ditulis 'belum melapor'.",
    ("Triwulan terakhir", "s.d. TW I", "s.d. TW II", "s.d. TW III", "s.d. TW IV"),
    "KinerjaPeriode",
    "KinerjaPeriodeTerpilih",
)
CHOICES: tuple[Pilihan, ...] = (PERIODE,)
CALLBACKS: tuple[str, ...] = (
    ON_ACTION,
    *(c.on_action for c in CHOICES),
    *(c.get_selected for c in CHOICES),
)

ACTIONS: tuple[str, ...] = tuple(b.action for b in BUTTONS)
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(b.group for b in BUTTONS))


def _id(text: str) -> str:
    """An XML id (xsd:ID) from a label or action name."""
    return "kinerja_" + "".join(c if c.isalnum() else "_" for c in text.lower())


def customui_xml() -> bytes:
    """The ribbon as customUI14.xml."""
    ET.register_namespace("", CUSTOMUI_NAMESPACE)
    ns = f"{{{CUSTOMUI_NAMESPACE}}}"
    root = ET.Element(f"{ns}customUI")
    tabs = ET.SubElement(ET.SubElement(root, f"{ns}ribbon"), f"{ns}tabs")
    tab = ET.SubElement(tabs, f"{ns}tab", id=_id("tab"), label=TAB_LABEL)
    for group_label in GROUPS:
        group = ET.SubElement(tab, f"{ns}group", id=_id(f"grup_{group_label}"), label=group_label)
        for button in (b for b in BUTTONS if b.group == group_label):
            for choice in (c for c in CHOICES if c.before == button.action):
                _drop_down(group, choice, ns)
            attributes = {
                "id": _id(button.action),
                "label": button.label,
                "size": "large",
                "imageMso": button.icon,
                "screentip": button.screentip,
                "supertip": button.supertip,
                "tag": button.action,
                "onAction": ON_ACTION,
            }
            ET.SubElement(group, f"{ns}button", attributes)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body + "\n").encode()


def _drop_down(group: ET.Element, choice: Pilihan, ns: str) -> None:
    attributes = {
        "id": _id(choice.id),
        "label": choice.label,
        "screentip": choice.screentip,
        "supertip": choice.supertip,
        "sizeString": max(choice.items, key=len),
        "onAction": choice.on_action,
        "getSelectedItemIndex": choice.get_selected,
    }
    element = ET.SubElement(group, f"{ns}dropDown", attributes)
    for index, label in enumerate(choice.items):
        ET.SubElement(element, f"{ns}item", id=_id(f"{choice.id}_{index}"), label=label)


if __name__ == "__main__":
    Path(sys.argv[1]).write_bytes(customui_xml())
