"""Sheet "Ringkasan": the cover a head of planning signs. Institution and year, submission
counts, capaian per IKU in the latest quarter, rows read vs written, the sheets, signatures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from xlkinerja.core.finding import Severity
from xlkinerja.core.formats import PERSEN_EXCEL
from xlkinerja.domain.konsolidasi import LABEL_TW
from xlkinerja.render.pohon.sheet import IKU_FILL
from xlkinerja.render.rekap.context import Buku, tanggal, teks
from xlkinerja.render.rekap.frames import frame
from xlkinerja.render.rekap.sheet_capaian import PIVOT_COLUMNS_IKU, iku_pivot, period_of
from xlkinerja.render.rekap.styles import TOTAL_FILL, Styles, status_key
from xlkinerja.render.rekap.table import print_setup
from xlkinerja.render.template.writer import LINE_HEIGHT
from xlkinerja.specs.rekap import (
    KELENGKAPAN,
    REKAP,
    RINGKASAN_CAPAIAN,
    SHEET_CAPAIAN,
    SHEET_POHON,
    SHEET_RINGKASAN,
    TAHUN,
)

NAME = SHEET_RINGKASAN
POHON = SHEET_POHON
WIDTHS = tuple(c.width for c in RINGKASAN_CAPAIAN.columns)
LAST_COL = len(WIDTHS) - 1
SHEETS = tuple((s.name, s.isi) for s in REKAP.sheets if s.name != NAME)  # section D
# (label, key of baris_dibaca, key of baris_ditulis)
ACCOUNTS = (
    ("Perjanjian Kinerja (IKK unit)", "pk", "rekap_pk"),
    ("Anggaran", "anggaran", "anggaran"),
    ("Rencana Aksi", "ra", "rekap_ra"),
    ("Capaian", "capaian", "capaian_ikk"),
    ("SKP (IKI pegawai)", "rhk", "rekap_skp"),
)


class _Cover:
    """Writes the cover top to bottom, one block after another."""

    def __init__(self, buku: Buku, ws: Any) -> None:
        self.buku, self.ws, self.styles = buku, ws, buku.styles
        self.row = 0
        s: Styles = self.styles
        self.label = s.get(bold=True, bg_color=IKU_FILL, valign="vcenter")
        self.value = s.get(align="center", valign="vcenter")
        self.alarm = s.get(align="center", valign="vcenter", bold=True, font_color="#C00000")
        self.text = s.get(text_wrap=True, valign="vcenter")

    def section(self, title: str) -> None:
        self.row += 1
        self.ws.write_string(self.row, 0, title, self.styles.bagian)
        for col in range(1, LAST_COL + 1):
            self.ws.write_blank(self.row, col, None, self.styles.bagian)
        self.row += 1

    def pair(self, label: str, value: object, note: str = "", alarm: bool = False) -> None:
        ws, r = self.ws, self.row
        ws.merge_range(r, 0, r, 1, label, self.label)
        fmt = self.alarm if alarm else self.value
        if isinstance(value, int | float):
            ws.write_number(r, 2, value, fmt)
        else:
            ws.write_string(r, 2, str(value), fmt)
        ws.merge_range(r, 3, r, LAST_COL, note, self.text)
        self.row += 1

    def header(self, *texts: str, merge_first: bool = False) -> None:
        ws, r = self.ws, self.row
        col = 0
        for i, text in enumerate(texts):
            if i == 0 and merge_first:
                ws.merge_range(r, 0, r, 1, text, self.styles.header)
                col = 2
                continue
            if col == LAST_COL - 1 and i == len(texts) - 1:
                ws.merge_range(r, col, r, LAST_COL, text, self.styles.header)
            else:
                ws.write_string(r, col, text, self.styles.header)
            col += 1
        ws.set_row(r, 28)
        self.row += 1


def _counts(cover: _Cover) -> None:
    k = cover.buku.k
    units = k.status
    diterima = sum(u.berkas is not None for u in units)
    tepat = sum(u.berkas is not None and u.terbaca and not u.terlambat for u in units)
    terlambat = sum(u.terlambat for u in units)
    belum = len(units) - diterima
    galat_units = sum(u.galat > 0 for u in units)
    severities = [f.severity for f in k.temuan]
    galat = severities.count(Severity.GALAT) + len(k.tidak_terbaca)
    batas = tanggal(k.batas_pk) if k.batas_pk else "belum ditetapkan"
    cover.section("A. Pengumpulan berkas unit")
    cover.pair("Unit dalam master", len(units))
    cover.pair("Berkas diterima", diterima, f"batas pengumpulan PK: {batas}")
    cover.pair("Tepat waktu", tepat)
    cover.pair(
        "Terlambat", terlambat, _names(u.kode_unit for u in units if u.terlambat), terlambat > 0
    )
    cover.pair(
        "Belum mengirim", belum, _names(u.kode_unit for u in units if u.berkas is None), belum > 0
    )
    cover.pair(
        "Unit dengan galat",
        galat_units,
        _names(u.kode_unit for u in units if u.galat > 0),
        galat_units > 0,
    )
    unreadable = len(k.tidak_terbaca)
    cover.pair(
        "Berkas tidak terbaca",
        unreadable,
        _names(_file(u.berkas) for u in k.tidak_terbaca),
        unreadable > 0,
    )
    peringatan = severities.count(Severity.PERINGATAN)
    cover.pair("Temuan", len(k.temuan) + unreadable, f"{galat} galat, {peringatan} peringatan")


def _names(items: Any, limit: int = 12) -> str:
    names = [str(i) for i in items if i]
    if len(names) > limit:
        return ", ".join(names[:limit]) + f", dan {len(names) - limit} lainnya"
    return ", ".join(names)


def _file(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _capaian(cover: _Cover) -> None:
    k, ws, styles = cover.buku.k, cover.ws, cover.styles
    latest = period_of(
        k, frame(k.capaian_iku, PIVOT_COLUMNS_IKU), frame(k.capaian_ikk, ("tw", "capaian"))
    )
    if latest is None:
        cover.section(RINGKASAN_CAPAIAN.title)
        ws.write_string(cover.row, 0, "Belum ada capaian yang dilaporkan.", styles.catatan)
        cover.row += 1
        return
    label = LABEL_TW[latest - 1]
    cover.section(f"{RINGKASAN_CAPAIAN.title} — {label} (triwulan terakhir yang terisi)")
    cover.header(*RINGKASAN_CAPAIAN.labels)
    p = iku_pivot(k, latest)
    code, wrap, centre = styles.get(), styles.get(text_wrap=True), styles.get(align="center")
    values: list[float] = []
    missing: list[str] = []
    iku = frame(k.capaian_iku, ("kode_iku", "tw", "keterangan"))
    unread = set(iku.loc[(iku["tw"] == latest) & iku["keterangan"].notna(), "kode_iku"])
    unknown: list[str] = []
    for i, kode in enumerate(p.keys):
        r = cover.row
        status = status_key(p.status[i, latest - 1])
        value = float(p.capaian[i, latest - 1])
        name = teks(p.names[i])
        ws.write_string(r, 0, teks(kode), code)
        ws.write_string(r, 1, name, wrap)
        fill = styles.status_fill(status, num_format=PERSEN_EXCEL)
        if np.isnan(value):
            ws.write_blank(r, 2, None, fill)
            (unknown if kode in unread else missing).append(teks(kode))
        else:
            ws.write_number(r, 2, value, fill)
            values.append(value)
        ws.write_string(r, 3, status.value if status else "", styles.status_fill(status))
        ws.write_string(r, 4, teks(p.extra["predikat"][i]), code)
        melapor = p.extra["ikk_melapor"][i]
        if isinstance(melapor, str):
            ws.write_string(r, 5, melapor, centre)
        else:
            ws.write_blank(r, 5, None, centre)
        if len(name) > 55:
            ws.set_row(r, LINE_HEIGHT * 2 + 2)
        cover.row += 1
    if values:
        total = styles.get(bold=True, bg_color=TOTAL_FILL)
        ws.merge_range(cover.row, 0, cover.row, 1, f"Rata-rata capaian IKU {label}", total)
        number = styles.get(bold=True, bg_color=TOTAL_FILL, num_format=PERSEN_EXCEL, align="center")
        if unknown:  # a mean without them would be a guess
            ws.write_blank(cover.row, 2, None, number)
            ws.merge_range(
                cover.row,
                3,
                cover.row,
                LAST_COL,
                "tidak dihitung: capaian sebagian IKU tidak diketahui",
                total,
            )
        else:
            ws.write_number(cover.row, 2, float(np.mean(values)), number)
            for col in range(3, LAST_COL + 1):
                ws.write_blank(cover.row, col, None, total)
        cover.row += 1
    if unknown:
        note = (
            f"Capaian {label} tidak diketahui karena ada isian IKK yang tidak dapat dibaca: "
            f"{', '.join(unknown)} (lihat Keterangan di lembar {SHEET_CAPAIAN}, bagian C)."
        )
        ws.write_string(cover.row, 0, note, styles.catatan)
        cover.row += 1
    if missing:
        note = f"Abu-abu: belum ada capaian {label} ({', '.join(missing)})."
        ws.write_string(cover.row, 0, note, styles.catatan)
        cover.row += 1


def _accounts(cover: _Cover, ditulis: Mapping[str, int]) -> None:
    k, ws, styles = cover.buku.k, cover.ws, cover.styles
    ws.set_h_pagebreaks([cover.row + 1])  # accounts, contents and signatures on page 2
    cover.section(KELENGKAPAN.title)
    cover.header(*KELENGKAPAN.labels, merge_first=True)
    pk = frame(k.rekap_pk, ("kode_ikk",))
    uncovered = int(pk["kode_ikk"].isna().sum())
    for label, read_key, written_key in ACCOUNTS:
        read = k.baris_dibaca.get(read_key)
        written = ditulis.get(written_key, 0) - (uncovered if written_key == "rekap_pk" else 0)
        note, alarm = "", False
        if read is not None:
            diff = read - written
            note = "sesuai" if diff == 0 else f"selisih {diff:+d}"
            alarm = diff != 0
        r = cover.row
        ws.merge_range(r, 0, r, 1, label, cover.label)
        if read is None:
            ws.write_string(r, 2, "—", cover.value)
        else:
            ws.write_number(r, 2, read, cover.value)
        ws.write_number(r, 3, written, cover.value)
        ws.merge_range(r, 4, r, LAST_COL, note, cover.alarm if alarm else cover.value)
        cover.row += 1
    others = sorted(set(k.baris_dibaca) - {a[1] for a in ACCOUNTS})
    lines = [
        "Baris dibaca: baris tabel di berkas unit dan SKP; baris ditulis: baris "
        "IKK/program/triwulan/IKI di lembar rekap. Selisih berarti ada baris yang tidak "
        "masuk rekap (periksa Temuan).",
    ]
    if others:
        lines.append(
            "Tabel lain yang dibaca: " + ", ".join(f"{o} {k.baris_dibaca[o]}" for o in others) + "."
        )
    for line in lines:
        ws.write_string(cover.row, 0, line, styles.catatan)
        cover.row += 1


def _contents(cover: _Cover) -> None:
    ws, styles = cover.ws, cover.styles
    cover.section("D. Isi buku kerja")
    link = styles.get(font_color="#0563C1", underline=True, bold=True)
    for name, text in SHEETS:
        r = cover.row
        ws.merge_range(r, 0, r, 1, "", link)
        ws.write_url(r, 0, f"internal:'{name}'!A1", link, string=name)
        ws.merge_range(r, 2, r, LAST_COL, text, cover.text)
        cover.row += 1


def _signatures(cover: _Cover) -> None:
    ws, styles = cover.ws, cover.styles
    cover.row += 2
    r = cover.row
    left: Sequence[tuple[str, Any]] = (
        ("Disusun oleh,", styles.teks),
        ("Tim SAKIP / Unit Perencanaan", styles.teks),
        ("", styles.teks),
        ("", styles.teks),
        ("", styles.teks),
        ("(....................................)", styles.tebal),
    )
    right: Sequence[tuple[str, Any]] = (
        (tanggal(cover.buku.k.dibuat.date()), styles.teks),
        ("Mengetahui,", styles.teks),
        ("Kepala Unit Perencanaan", styles.teks),
        ("", styles.teks),
        ("", styles.teks),
        ("(....................................)", styles.tebal),
        ("NIP. ...............................", styles.teks),
    )
    for i, (text, fmt) in enumerate(left):
        if text:
            ws.write_string(r + i, 1, text, fmt)
    for i, (text, fmt) in enumerate(right):
        if text:
            ws.merge_range(r + i, 3, r + i, LAST_COL, text, fmt)
    cover.row = r + len(right)


def _title(cover: _Cover) -> None:
    k, ws, styles = cover.buku.k, cover.ws, cover.styles
    ws.write_string(0, 0, "KOMPILASI KINERJA", styles.sampul)
    ws.set_row(0, 28)
    ws.write_string(1, 0, k.instansi or "(nama instansi belum diisi di master)", styles.subjudul)
    ws.set_row(1, 20)
    tahun = TAHUN.format(tahun=k.tahun) if k.tahun is not None else "Tahun belum diisi"
    ws.write_string(2, 0, f"{tahun} · Perjanjian Kinerja, Rencana Aksi dan Capaian", styles.tebal)
    ws.write_string(3, 0, f"Disusun {cover.buku.disusun} dengan xlkinerja", styles.catatan)
    cover.row = 4


def write_ringkasan(buku: Buku, ws: Any, ditulis: Mapping[str, int]) -> None:
    """Fill the cover (the sheet was added first; it is written last, when the counts of
    rows written are known)."""
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    cover = _Cover(buku, ws)
    _title(cover)
    _counts(cover)
    _capaian(cover)
    _accounts(cover, ditulis)
    _contents(cover)
    _signatures(cover)
    print_setup(
        ws,
        title=NAME,
        instansi=buku.k.instansi,
        disusun=buku.disusun,
        header_row=None,
        last_col=LAST_COL,
    )
