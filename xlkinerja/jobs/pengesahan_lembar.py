"""The "Pengesahan" sheet the planning unit fills in the unit workbook it has open, for the
ribbon's Bahas, Periksa, Setujui and Kembalikan buttons (excel/actions_pengesahan.py): what
each step needs (who, the date, the rumusan or the reason), read from its values. No I/O.

The sheet is one small grid, a column per button, so the whole review of the submission
is on one page and every button reads its own column:

    Isian          | Bahas | Periksa | Setujui | Kembalikan
    Nama           |       |         |         |
    NIP            |       |         |         |
    Tanggal        |       |         |         |        (kosong: hari ini)
    Rekomendasi    |       |    -    |    -    |    -
    Kendala        |       |    -    |    -    |    -
    Tindak lanjut  |       |    -    |    -    |    -
    Alasan         |   -   |    -    |    -    |

Rows and columns are found by their labels (case, spaces and a trailing ':' ignored), so a
user who moves the grid or adds rows of their own does not break it. A button whose
sheet is missing makes it (`LEMBAR`) and asks for it to be filled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from xlkinerja.core.address import column_letters
from xlkinerja.domain.parse_date import parse_date
from xlkinerja.domain.pengesahan import Stage
from xlkinerja.errors import ErrorCode, XlkinerjaError

SHEET = "Pengesahan"
BUTTONS: dict[Stage, str] = {
    Stage.DIBAHAS: "Bahas",
    Stage.DIPERIKSA: "Periksa",
    Stage.DISETUJUI: "Setujui",
    Stage.DIKEMBALIKAN: "Kembalikan",
}
NAMA, NIP, TANGGAL = "Nama", "NIP", "Tanggal"
REKOMENDASI, KENDALA, TINDAK_LANJUT, ALASAN = "Rekomendasi", "Kendala", "Tindak lanjut", "Alasan"
NEEDS: dict[Stage, tuple[str, ...]] = {
    Stage.DIBAHAS: (REKOMENDASI, KENDALA, TINDAK_LANJUT),
    Stage.DIPERIKSA: (),
    Stage.DISETUJUI: (),
    Stage.DIKEMBALIKAN: (ALASAN,),
}
ROWS = (NAMA, NIP, TANGGAL, REKOMENDASI, KENDALA, TINDAK_LANJUT, ALASAN)
HEADER_ROW = 3  # where a new sheet puts the grid's header (1-based)
NOT_HERE = "-"


def _blank_sheet() -> list[list[str]]:
    """The values of a new Pengesahan sheet, from A1."""
    title = (
        "Pengesahan kiriman unit (SOP-SPMI-601): isi kolom langkah yang akan dicatat, lalu "
        "tekan tombolnya (Bahas, Periksa, Setujui, Kembalikan) di pita Kinerja. Tanggal "
        "kosong: hari ini. NIP 18 angka, ditulis sebagai teks."
    )
    stages = list(BUTTONS)
    header = ["Isian", *BUTTONS.values()]
    grid = [header]
    for label in ROWS:
        row = [label]
        for stage in stages:
            needed = label in (NAMA, NIP, TANGGAL) or label in NEEDS[stage]
            row.append("" if needed else NOT_HERE)
        grid.append(row)
    width = len(header)
    return [[title, *[""] * (width - 1)], [""] * width, *grid]


LEMBAR: list[list[str]] = _blank_sheet()


@dataclass(frozen=True)
class IsianLangkah:
    """What one button found in its column."""

    stage: Stage
    nama: str
    nip: str
    tanggal: str | None  # as the CLI takes it (ISO); None: today
    rekomendasi: str | None = None
    kendala: str | None = None
    tindak_lanjut: str | None = None
    alasan: str | None = None


def _label(value: object) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().rstrip(":").strip().lower()


def _cell(row: int, col: int) -> str:
    return f"{SHEET}!{column_letters(col)}{row + 1}"


class IsianTidakSah(XlkinerjaError):
    """A cell of the Pengesahan sheet that a step needs is empty or not valid."""


def _refuse(message: str, hint: str) -> IsianTidakSah:
    return IsianTidakSah(message, code=ErrorCode.ADDIN_ISIAN_PENGESAHAN, hint=hint)


def _find(values: Sequence[Sequence[object]], stage: Stage) -> tuple[int, dict[str, int]]:
    """The column of `stage`'s button and the row of each label (0-based)."""
    wanted = _label(BUTTONS[stage])
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if _label(value) == wanted:
                heads = [_label(x) for x in row]
                at = heads.index("isian") if "isian" in heads else 0
                rows: dict[str, int] = {}
                for n in range(len(values) - 1, r, -1):  # the first row of a label wins
                    line = values[n]
                    label = _label(line[at]) if at < len(line) else ""
                    rows |= {key: n for key in ROWS if _label(key) == label}
                return c, rows
    raise _refuse(
        f"lembar {SHEET} tidak punya kolom '{BUTTONS[stage]}'.",
        f"Tulis judul kolom '{BUTTONS[stage]}' di samping kolom Isian (atau hapus lembar "
        f"{SHEET} dan tekan {BUTTONS[stage]} lagi: lembarnya dibuat baru).",
    )


def _text(values: Sequence[Sequence[object]], row: int, col: int) -> str | None:
    line = values[row] if row < len(values) else []
    value = line[col] if col < len(line) else None
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text if text and text != NOT_HERE else None


def _nip(values: Sequence[Sequence[object]], row: int, col: int) -> str:
    where = _cell(row, col)
    line = values[row] if row < len(values) else []
    value = line[col] if col < len(line) else None
    if isinstance(value, float):  # typed as a number: Excel keeps 15 digits of 18
        raise _refuse(
            f"NIP di sel {where} diketik sebagai angka ({value:.0f}); Excel hanya menyimpan 15 "
            "angka pertama, jadi NIP 18 angka berubah.",
            "Format sel itu sebagai Teks lalu ketik ulang NIP-nya, atau awali dengan tanda '.",
        )
    text = re.sub(r"\s+", "", str(value)) if value is not None else ""
    if not re.fullmatch(r"\d{18}", text):
        shown = f"'{value}'" if value not in (None, "") else "kosong"
        raise _refuse(
            f"NIP di sel {where} {shown}: NIP terdiri atas 18 angka.",
            "Contoh: 198001012005011001 (spasi boleh).",
        )
    return text


def _tanggal(values: Sequence[Sequence[object]], row: int | None, col: int) -> str | None:
    if row is None:
        return None
    line = values[row] if row < len(values) else []
    value = line[col] if col < len(line) else None
    if value is None or (isinstance(value, str) and value.strip() in ("", NOT_HERE)):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    parsed = parse_date(str(value).strip())
    if parsed.value is None:
        raise _refuse(
            f"tanggal di sel {_cell(row, col)} tidak terbaca ('{value}').",
            "Tulis mis. 20/04/2026 atau 20 April 2026, atau kosongkan: hari ini.",
        )
    return parsed.value.isoformat()


def isian_langkah(values: Sequence[Sequence[object]], stage: Stage) -> IsianLangkah:
    """What `stage`'s button needs, from the Pengesahan sheet's values (from A1); an empty
    or invalid cell is refused naming it."""
    col, rows = _find(values, stage)
    button = BUTTONS[stage]
    missing = [key for key in (NAMA, NIP, *NEEDS[stage]) if key not in rows]
    if missing:
        raise _refuse(
            f"lembar {SHEET} tidak punya baris {', '.join(missing)} di bawah kolom {button}.",
            f"Tulis labelnya di kolom pertama (atau hapus lembar {SHEET} dan tekan {button} "
            "lagi: lembarnya dibuat baru).",
        )
    texts: dict[str, str] = {}
    for key in (NAMA, *NEEDS[stage]):
        text = _text(values, rows[key], col)
        if text is None:
            raise _refuse(
                f"{key} untuk {button} di sel {_cell(rows[key], col)} kosong.",
                "Tulis 'tidak ada' bila memang tidak ada."
                if key in (KENDALA, TINDAK_LANJUT)
                else f"Isi sel itu, lalu tekan {button} lagi.",
            )
        texts[key] = text
    return IsianLangkah(
        stage,
        texts[NAMA],
        _nip(values, rows[NIP], col),
        _tanggal(values, rows.get(TANGGAL), col),
        rekomendasi=texts.get(REKOMENDASI),
        kendala=texts.get(KENDALA),
        tindak_lanjut=texts.get(TINDAK_LANJUT),
        alasan=texts.get(ALASAN),
    )
