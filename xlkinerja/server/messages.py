"""What the server answers when it refuses a call, in Indonesian.

The add-in's VBA (xlwings' Remote.bas) shows the body of any answer other than 200 as it is
in a message box titled "Error": so every refusal is one plain-text paragraph that says
what is wrong and what the user (or the admin) does about it, never JSON or a traceback.
The server puts its code first ("Galat [server.kunci_kosong]: ...", server/calls.py
`refusal`, and in the X-Xlkinerja-Kode header).
"""

from __future__ import annotations

MB = 1024 * 1024


def missing_key() -> str:
    return (
        "Kunci API unit belum diisi. Isi AUTH di pengaturan xlkinerja.conf dengan kunci unit "
        "Anda dari Unit Perencanaan, lalu ulangi."
    )


def unknown_key() -> str:
    return (
        "Kunci API tidak dikenal oleh server xlkinerja. Periksa AUTH di pengaturan "
        "xlkinerja.conf (kunci unit Anda dari Unit Perencanaan); kunci lama tidak berlaku lagi "
        "setelah Unit Perencanaan membuat kunci baru."
    )


def unknown_action(action: str) -> str:
    return (
        f"Tombol '{action}' tidak dikenal oleh server xlkinerja ini. Perbarui add-in xlkinerja "
        "agar sama dengan versi server (minta ke Unit Perencanaan)."
    )


def bad_period(given: str) -> str:
    return (
        f"Periode '{given}' tidak dikenal oleh server xlkinerja: pilih Periode di pita Kinerja "
        "(Triwulan terakhir atau s.d. TW I–IV), lalu tekan tombolnya lagi."
    )


def size_text(size: int) -> str:
    """A size as people read it, with the Indonesian decimal comma: 47 KB, 4,5 MB."""
    if size < MB:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / MB:.1f} MB".replace(".", ",")


def too_large(limit: int, size: int | None = None) -> str:
    told = f" ({size_text(size)})" if size is not None else ""
    return (
        f"Buku kerja terlalu besar untuk dikirim ke server xlkinerja{told}; batasnya "
        f"{size_text(limit)}. Hapus lembar atau baris kosong yang tidak dipakai, atau minta "
        "admin server menaikkan batasnya (--batas-ukuran)."
    )


def not_json() -> str:
    return (
        "Permintaan tidak dapat dibaca: isinya bukan data buku kerja dari add-in xlkinerja. "
        "Gunakan tombol di tab Kinerja pada Excel."
    )


def other_version(client: str, server: str) -> str:
    return (
        f"Versi add-in xlkinerja di Excel ini (xlwings {client}) tidak sama dengan versi "
        f"server (xlwings {server}). Pasang add-in xlkinerja yang baru dari Unit Perencanaan, "
        "tutup dan buka lagi Excel, lalu ulangi."
    )


def internal() -> str:
    return (
        "Kesalahan internal server xlkinerja. Laporkan ke admin server beserta waktu kejadiannya."
    )


def not_found() -> str:
    return "Alamat ini tidak ada di server xlkinerja. Periksa SERVER_URL di xlkinerja.conf."


def method_not_allowed() -> str:
    return "Alamat ini hanya menerima permintaan dari tombol add-in xlkinerja (POST)."


def link_expired(minutes: int) -> str:
    return (
        "Tautan rekap ini tidak berlaku lagi (berlaku "
        f"{minutes} menit setelah Kompilasi) atau salah. Tekan Kompilasi lagi di tab Kinerja."
    )
