"""Numbers, money and dates written the Indonesian way, as a signed document shows them."""

from __future__ import annotations

import math
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from xlkinerja.core.formats import PERSEN_POLA

TITIK_TITIK = "...................................."  # a blank to fill in by hand


def angka(value: float | None, *, digits: int = 2) -> str:
    """1.234,5 (thousands with '.', decimals with ',', no trailing zeros); blank: '-'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale="id")


def persen(value: float | None) -> str:
    """87,50 % (two decimals: core/formats.py); blank: '-'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return format_decimal(value, format=PERSEN_POLA, locale="id") + " %"


def tanggal(value: date | None) -> str:
    """20 Februari 2025; blank: a dotted line to fill in by hand."""
    if value is None:
        return TITIK_TITIK
    return format_date(value, format="d MMMM y", locale="id")
