"""Numbers, percentages and rupiah amounts from cell values, read the Indonesian way.

A cell arrives as python-calamine gives it (`str | float | int | bool | date | datetime |
time | None`). The rules:

- `None` is blank (`Parsed(None)`); `0` is a value (`Parsed(0.0)`): never the same. Text
  that is empty or only spaces is blank too.
- Python numbers pass through as float. `bool`, dates and times are not numbers
  (`bukan_angka`); so are NaN and infinities.
- Text is normalised first: Unicode NFKC (non-breaking U+00A0, narrow no-break U+202F and
  other spaces become plain spaces, full-width digits become ASCII), the minus sign U+2212
  becomes "-", spaces are trimmed.
- Indonesian convention (Babel's `id` locale, strict): "." groups thousands, "," is the
  decimal mark: "1.234,5" → 1234.5, "0,9" → 0.9, "1.234.567" → 1234567.
- Grouping with spaces ("1 234,5", "1 234 567") is read as thousands groups; the single
  "," or "." after them is then the decimal mark.
- Text that is only valid in the English convention ("75.5", "1,234,567.89") has one
  reading and is read so: users paste from English sources.
- Ambiguous, never guessed: exactly one separator, followed by exactly three digits, after
  a valid first thousands group (1-3 digits, not starting with 0) and nothing else, e.g.
  "1.234", "1.050", "12,345": thousands (Indonesian ".", English ",") or a decimal
  (English ".", Indonesian ",")? → `angka_ambigu` naming both readings. "0.123" and
  "1234.567" have only the decimal reading; "1.234.567" and "1.234,5" only one reading.
- Anything else (letters, "1.234,", "1.23.456", exponents, "12/03/2025") → `bukan_angka`.

`parse_percent` also takes a trailing "%" (or "persen"): a text "90%" or "90 %" is 90,
because satuan "%" in this project means percentage points. A plain number stays as it is
("0,9" → 0.9, the float 0.9 → 0.9). Note: Excel itself stores a typed 90% as 0.9 with a
percent number format, which a values-only reader cannot see.

`parse_money` also takes "Rp", "Rp." or "IDR" before the amount and ",-" after it
("Rp 1.500.000,-"). Rupiah amounts never have three decimals, so for money a single "."
followed by three digits is thousands ("Rp 1.500" → 1500); a single "," followed by three
digits is still ambiguous (English thousands or an Indonesian decimal).
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, time
from decimal import Decimal

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from xlkinerja.domain.parsed import ANGKA_AMBIGU, BUKAN_ANGKA, Parsed

HINT = "tulis angka seperti 1.234,5 (titik pemisah ribuan, koma desimal)"

_SIGN = re.compile(r"^([+-])\s+")
_SPACE_GROUPED = re.compile(r"^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$", re.ASCII)
_SHAPE = re.compile(r"^[+-]?[\d.,]*\d$", re.ASCII)
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}([.,])\d{3}$", re.ASCII)
_PERCENT = re.compile(r"^(?P<num>.*?)\s*(?:%|persen)$", re.IGNORECASE)
_MONEY = re.compile(
    r"^(?P<sign>[+-]?)\s*(?:rp\.?|idr)?\s*(?P<num>.*?)(?:\s*[.,]-)?$", re.IGNORECASE
)


def normalise_text(text: str) -> str:
    """NFKC (odd spaces to plain ones), U+2212 to "-", runs of spaces to one, trimmed."""
    text = unicodedata.normalize("NFKC", text).replace("\u2212", "-")
    return " ".join(text.split())


def shown(number: Decimal | float) -> str:
    """A number written the Indonesian way without thousands groups: 1050, 1,05."""
    return format_decimal(number, format="0.##########", locale="id")


def _from_cell(value: object) -> Parsed[float] | str:
    """A finished result for blanks and non-text cells, or the normalised text to read."""
    if value is None:
        return Parsed.blank()
    if isinstance(value, bool):
        return Parsed.failed(BUKAN_ANGKA, "berisi nilai logika (TRUE/FALSE), bukan angka")
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            return Parsed.failed(BUKAN_ANGKA, "angka terlalu besar")
        if not math.isfinite(number):
            return Parsed.failed(BUKAN_ANGKA, "bukan angka yang sah")
        return Parsed(number)
    if isinstance(value, date):
        return Parsed.failed(
            BUKAN_ANGKA,
            f"berisi tanggal {value:%d/%m/%Y}, bukan angka; Excel mengubah ketikan seperti "
            "1/2 atau 3-4 menjadi tanggal: ubah format sel menjadi Umum lalu tulis angkanya",
        )
    if isinstance(value, time):
        return Parsed.failed(BUKAN_ANGKA, "berisi waktu, bukan angka")
    if not isinstance(value, str):
        return Parsed.failed(BUKAN_ANGKA, f"nilai jenis {type(value).__name__}, bukan angka")
    text = normalise_text(value)
    return text if text else Parsed.blank()


def _ambiguous(text: str, separator: str) -> Parsed[float]:
    thousands = Decimal(text.replace(separator, ""))
    decimal = Decimal(text.replace(separator, "."))
    return Parsed.failed(
        ANGKA_AMBIGU,
        f"'{text}' dapat dibaca {shown(thousands)} atau {shown(decimal)}: tulis "
        f"{shown(thousands)} (tanpa pemisah ribuan) atau {shown(decimal)} "
        "(koma sebagai tanda desimal)",
    )


def _read_text(text: str, *, money: bool = False) -> Parsed[float]:
    """Read a normalised, non-empty text (without % or Rp) as a number."""
    original = text
    text = _SIGN.sub(r"\1", text)
    if _SPACE_GROUPED.match(text):
        text = text.replace(" ", "")
    if not _SHAPE.match(text):
        return Parsed.failed(BUKAN_ANGKA, f"'{original}' bukan angka; {HINT}")
    ambiguous = _AMBIGUOUS.match(text)
    dot_thousands = money and ambiguous is not None and ambiguous[1] == "."
    if ambiguous and not dot_thousands:
        return _ambiguous(text, ambiguous[1])
    readings: set[Decimal] = set()
    for locale in ("id",) if dot_thousands else ("id", "en"):
        try:
            readings.add(parse_decimal(text, locale=locale, strict=True))
        except (NumberFormatError, ArithmeticError, ValueError):
            continue
    if not readings:
        return Parsed.failed(BUKAN_ANGKA, f"'{original}' bukan angka; {HINT}")
    if len(readings) > 1:
        low, high = sorted(readings)
        return Parsed.failed(
            ANGKA_AMBIGU, f"'{original}' dapat dibaca {shown(low)} atau {shown(high)}"
        )
    number = float(readings.pop())
    if not math.isfinite(number):
        return Parsed.failed(BUKAN_ANGKA, f"'{original}' terlalu besar")
    return Parsed(number)


def parse_number(value: object) -> Parsed[float]:
    """A number from a cell: "1.234,5" → 1234.5, "−5" → -5.0, "1.234" → angka_ambigu."""
    cell = _from_cell(value)
    if isinstance(cell, Parsed):
        return cell
    if cell.endswith("%"):
        return Parsed.failed(
            BUKAN_ANGKA, f"'{cell}' memakai tanda %, padahal satuannya bukan persen"
        )
    return _read_text(cell)


def parse_percent(value: object) -> Parsed[float]:
    """Percentage points: "90%", "90 %" and "90" → 90.0; "0,9" → 0.9 (kept as typed)."""
    cell = _from_cell(value)
    if isinstance(cell, Parsed):
        return cell
    match = _PERCENT.match(cell)
    text = match["num"] if match else cell
    if not text:
        return Parsed.failed(BUKAN_ANGKA, f"'{cell}' tidak berisi angka")
    return _read_text(text)


def parse_money(value: object) -> Parsed[float]:
    """Rupiah: "Rp 1.500.000", "Rp1.500.000,00", "1.500.000" and "Rp 1.500" → 1500000.0..."""
    cell = _from_cell(value)
    if isinstance(cell, Parsed):
        return cell
    match = _MONEY.match(cell)
    text = f"{match['sign']}{match['num']}" if match else cell
    if not text.strip("+-"):
        return Parsed.failed(BUKAN_ANGKA, f"'{cell}' tidak berisi angka")
    result = _read_text(text, money=True)
    if result.problem == BUKAN_ANGKA:
        return Parsed.failed(
            BUKAN_ANGKA,
            f"'{cell}' bukan jumlah rupiah; tulis angka lengkap seperti Rp 1.500.000",
        )
    return result
