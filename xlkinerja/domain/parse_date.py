"""Dates from cell values, read the Indonesian way (day first).

A cell arrives as python-calamine gives it. The rules:

- `None` and empty text are blank. `date` passes through; `datetime` becomes its date;
  either only with a year in 1900-2100, as for text (9999-12-31 in a date cell is as
  wrong as typed).
- A number is an Excel serial date left unformatted (1900 date system: 45716 is
  2025-02-28). It is read only between 1990-01-01 (32874) and 2100-12-31 (73415), the
  range the templates' date validation allows; other numbers (2025, a year; 12) are
  `bukan_tanggal`. `bool` and `time` are not dates.
- Text, after the same normalisation as numbers (odd spaces, trimmed, case ignored):
  - a month name: "12 Maret 2025", "12 Mar 2025", "12-Mar-2025", "12 Maret, 2025", and
    the English order "March 12, 2025". Month names come from Babel's locale data:
    Indonesian and English, wide and abbreviated (with or without a dot), plus the old
    Indonesian spellings still seen in letters (Pebruari, Nopember, Agt, Sept);
  - numbers, day first: "12-03-2025", "12/03/2025", "12.03.2025" are 12 March 2025.
    dd/mm/yyyy is the Indonesian convention, so "03/04/2025" is 3 April, not ambiguous.
    "03/25/2025" (US month-first order) is not a valid dd/mm date → `bukan_tanggal` with a
    hint to write dd/mm/yyyy;
  - ISO order: "2025-03-12", "2025/03/12";
  - an optional weekday before it ("Selasa, 12 Maret 2025"; not checked against the
    date: the numbers decide) and an optional time after it ("12/03/2025 08:00").
- A two-digit year ("12/03/25") is `tanggal_ambigu` (2025 or 1925?): write four digits.
- Text years must lie in 1900-2100; anything else → `bukan_tanggal`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import cache

from babel import Locale

from xlkinerja.domain.parse_number import normalise_text
from xlkinerja.domain.parsed import BUKAN_TANGGAL, TANGGAL_AMBIGU, Parsed

EXCEL_EPOCH = date(1899, 12, 30)  # serial 0 of the 1900 date system (after its 1900 bug)
FIRST_SERIAL, LAST_SERIAL = 32874, 73415  # 1990-01-01 .. 2100-12-31
FIRST_YEAR, LAST_YEAR = 1900, 2100
HINT = "tulis tanggal sebagai dd/mm/yyyy (hari dulu), mis. 28/02/2025, atau 28 Februari 2025"

# Old Indonesian spellings and short forms Babel does not carry.
_EXTRA_MONTHS = {
    "pebruari": 2,
    "peb": 2,
    "agt": 8,
    "agust": 8,
    "sept": 9,
    "nopember": 11,
    "nop": 11,
}

_TIME = r"(?:[ t]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?"
_NUMERIC_DMY = re.compile(rf"^(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{2}}|\d{{4}}){_TIME}$", re.ASCII)
_NUMERIC_YMD = re.compile(rf"^(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}$", re.ASCII)
_NAMED_DMY = re.compile(
    rf"^(\d{{1,2}})[ ./-]?([^\W\d_]+)\.?,?[ ./-]?(\d{{2}}|\d{{4}}){_TIME}$", re.ASCII
)
_NAMED_MDY = re.compile(rf"^([^\W\d_]+)\.? (\d{{1,2}}),? (\d{{4}}){_TIME}$", re.ASCII)


@cache
def month_names() -> dict[str, int]:
    """Lower-case month names (wide and abbreviated, Indonesian and English) → 1..12."""
    names: dict[str, int] = dict(_EXTRA_MONTHS)
    for code in ("id", "en"):
        locale = Locale(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    names[str(name).lower().rstrip(".")] = int(number)
    return names


@cache
def _weekday_prefix() -> re.Pattern[str]:
    days: set[str] = set()
    for code in ("id", "en"):
        for width in ("wide", "abbreviated"):
            days.update(
                str(d).lower().rstrip(".") for d in Locale(code).days["format"][width].values()
            )
    alternatives = "|".join(sorted(map(re.escape, days), key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})\.?,? ")


def from_serial(serial: float) -> Parsed[date]:
    """An Excel serial date (1900 system) in the plausible range, else `bukan_tanggal`."""
    if not FIRST_SERIAL <= serial < LAST_SERIAL + 1:
        what = "tampaknya tahun, bukan tanggal" if 1900 <= serial <= 2100 else "bukan tanggal"
        number = int(serial) if isinstance(serial, float) and serial.is_integer() else serial
        shown = str(number) if len(str(number)) <= 20 else f"{str(number)[:17]}..."
        return Parsed.failed(BUKAN_TANGGAL, f"angka {shown} {what}; {HINT}")
    return Parsed(EXCEL_EPOCH + timedelta(days=int(serial)))


def _build(text: str, day: int, month: int, year_text: str) -> Parsed[date]:
    if len(year_text) == 2:
        return Parsed.failed(
            TANGGAL_AMBIGU,
            f"'{text}' memakai tahun dua angka ({year_text}: 20{year_text} atau "
            f"19{year_text}?); tulis tahun empat angka",
        )
    year = int(year_text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return Parsed.failed(
            BUKAN_TANGGAL, f"'{text}': tahun {year} di luar {FIRST_YEAR}-{LAST_YEAR}"
        )
    if not 1 <= month <= 12:
        return Parsed.failed(BUKAN_TANGGAL, f"'{text}': bulan {month} tidak ada; {HINT}")
    try:
        return Parsed(date(year, month, day))
    except ValueError:
        return Parsed.failed(BUKAN_TANGGAL, f"'{text}': tanggal {day} bulan {month} tidak ada")


def _read_text(text: str) -> Parsed[date]:
    lowered = _weekday_prefix().sub("", text.lower(), count=1)
    names = month_names()
    if match := _NUMERIC_YMD.match(lowered):
        year, _, month, day = match.groups()
        return _build(text, int(day), int(month), year)
    if match := _NUMERIC_DMY.match(lowered):
        day, _, month, year = match.groups()
        return _build(text, int(day), int(month), year)
    if match := _NAMED_DMY.match(lowered):
        day, name, year = match.groups()
        if name in names:
            return _build(text, int(day), names[name], year)
        return Parsed.failed(BUKAN_TANGGAL, f"'{text}': nama bulan '{name}' tidak dikenal")
    if (match := _NAMED_MDY.match(lowered)) and match[1] in names:
        name, day, year = match.groups()
        return _build(text, int(day), names[name], year)
    return Parsed.failed(BUKAN_TANGGAL, f"'{text}' bukan tanggal; {HINT}")


def parse_date(value: object) -> Parsed[date]:
    """A date from a cell: "12 Maret 2025", "12/03/2025", 45716 and date(...) all work."""
    if value is None:
        return Parsed.blank()
    if isinstance(value, date):  # a date cell: the same years as a date typed as text
        day = value.date() if isinstance(value, datetime) else value
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            return Parsed.failed(
                BUKAN_TANGGAL,
                f"tanggal {day.day:02}/{day.month:02}/{day.year}: tahun {day.year} di luar "
                f"{FIRST_YEAR}-{LAST_YEAR}",
            )
        return Parsed(day)
    if isinstance(value, bool):
        return Parsed.failed(BUKAN_TANGGAL, "berisi nilai logika (TRUE/FALSE), bukan tanggal")
    if isinstance(value, int | float):
        return from_serial(value)
    if isinstance(value, time):
        return Parsed.failed(BUKAN_TANGGAL, f"berisi jam ({value.isoformat()}), bukan tanggal")
    if not isinstance(value, str):
        return Parsed.failed(BUKAN_TANGGAL, f"nilai jenis {type(value).__name__}, bukan tanggal")
    text = normalise_text(value)
    return _read_text(text) if text else Parsed.blank()
