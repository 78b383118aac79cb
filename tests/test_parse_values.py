"""Numbers and dates typed the Indonesian way are read right; ambiguous ones are reported."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from xlkinerja.domain.parse_date import parse_date
from xlkinerja.domain.parse_number import parse_money, parse_number, parse_percent
from xlkinerja.domain.parsed import Parsed

AMBIGUOUS_RULE = re.compile(r"^-?[1-9]\d{0,2}[.,]\d{3}$")


def flat(result: Parsed[object]) -> tuple[object, str | None]:
    return result.value, result.problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.234,5", 1234.5),
        ("0,9", 0.9),
        ("1.234.567", 1234567),
        ("1.234.567,89", 1234567.89),
        ("12.345.678,9", 12345678.9),
        ("-1.234,5", -1234.5),
        ("\u22125", -5),  # unicode minus
        ("\u2212 1.234,5", -1234.5),
        ("+7", 7),
        ("  42  ", 42),
        ("\u00a042\u00a0", 42),
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1\u202f234,5", 1234.5),
        ("1 234 567", 1234567),
        ("1 234", 1234),  # space grouping is never a decimal mark
        ("1234", 1234),
        ("1234,5", 1234.5),
        (",5", 0.5),
        ("0,000001", 0.000001),
        ("75.5", 75.5),  # English decimal: the only reading
        ("0.123", 0.123),  # "0" is no thousands group: decimal
        ("1234.567", 1234.567),  # "1234" is no thousands group: decimal
        ("1,234,567.89", 1234567.89),  # English grouping: the only reading
        ("\uff11\uff12", 12),  # full-width digits
        (0, 0),
        (0.0, 0),
        (5, 5),
        (-2.5, -2.5),
        (10**30, 1e30),
    ],
)
def test_number_readings(value: object, expected: float):
    result = parse_number(value)
    assert result.problem is None, result.detail
    assert result.value == pytest.approx(expected)
    assert isinstance(result.value, float)


@pytest.mark.parametrize(
    ("value", "readings"),
    [
        ("1.234", ("1234", "1,234")),
        ("1.050", ("1050", "1,05")),
        ("12.345", ("12345", "12,345")),
        ("-123.456", ("-123456", "-123,456")),
        ("1,234", ("1234", "1,234")),
        ("999,000", ("999000", "999")),
        ("1\u00a0.234", None),  # a space inside: not a number at all
    ],
)
def test_ambiguous_numbers_are_reported_with_both_readings(
    value: str, readings: tuple[str, str] | None
):
    result = parse_number(value)
    assert result.value is None
    if readings is None:
        assert result.problem == "bukan_angka"
        return
    assert result.problem == "angka_ambigu"
    for reading in readings:
        assert f" {reading} " in f" {result.detail} ".replace(":", " ")


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ("abc", "bukan angka"),
        ("12/03/2025", "bukan angka"),
        ("1.234,", "bukan angka"),
        ("1.23.456", "bukan angka"),
        ("1,234,5", "bukan angka"),
        ("5e3", "bukan angka"),
        ("1_000", "bukan angka"),
        ("NaN", "bukan angka"),
        ("Infinity", "bukan angka"),
        ("\u0661\u0662", "bukan angka"),  # Arabic-Indic digits
        ("1" * 400, "terlalu besar"),
        ("90%", "tanda %"),
        ("Rp 1.500.000", "bukan angka"),
        (True, "TRUE/FALSE"),
        (False, "TRUE/FALSE"),
        (date(2025, 3, 12), "tanggal"),
        (datetime(2025, 3, 12, 8), "tanggal"),
        (time(8, 30), "waktu"),
        (float("nan"), "bukan angka"),
        (float("inf"), "bukan angka"),
        (10**400, "terlalu besar"),
        (b"12", "bytes"),
    ],
)
def test_not_numbers(value: object, phrase: str):
    result = parse_number(value)
    assert flat(result) == (None, "bukan_angka")
    assert phrase in result.detail


@pytest.mark.parametrize("value", [None, "", "   ", "\u00a0", "\u202f\t"])
def test_blank_is_blank_and_zero_is_not(value: object):
    for parse in (parse_number, parse_percent, parse_money, parse_date):
        result = parse(value)
        assert result.is_blank and result.ok
    for zero in (0, 0.0, "0", "0,0", "0%", "Rp 0"):
        parsed = parse_percent(zero) if "%" in str(zero) else parse_money(zero)
        assert parsed.value == 0
        assert not parsed.is_blank


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("90%", 90),
        ("90 %", 90),
        ("90\u00a0%", 90),
        ("90,5%", 90.5),
        ("90 persen", 90),
        ("0,9", 0.9),  # plain numbers stay as typed
        ("90", 90),
        (0.9, 0.9),
        (90, 90),
        ("−2,5 %", -2.5),
    ],
)
def test_percent_readings(value: object, expected: float):
    result = parse_percent(value)
    assert result.problem is None, result.detail
    assert result.value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "problem"),
    [("1.234%", "angka_ambigu"), ("%", "bukan_angka"), ("sembilan puluh %", "bukan_angka")],
)
def test_percent_problems(value: str, problem: str):
    assert flat(parse_percent(value)) == (None, problem)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Rp 1.500.000", 1500000),
        ("Rp1.500.000,00", 1500000),
        ("Rp. 1.500.000", 1500000),
        ("rp 1.500.000", 1500000),
        ("IDR 2.000.000", 2000000),
        ("1.500.000", 1500000),
        ("Rp 1.500.000,-", 1500000),
        ("Rp 1.500", 1500),  # rupiah has no three decimals: "." is thousands
        ("750.000", 750000),
        ("Rp\u00a01.500.000", 1500000),
        ("-Rp 5.000", -5000),
        ("Rp 2.500,50", 2500.5),
        ("Rp 1 500 000", 1500000),
        (1500000, 1500000),
    ],
)
def test_money_readings(value: object, expected: float):
    result = parse_money(value)
    assert result.problem is None, result.detail
    assert result.value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Rp 1,500", "angka_ambigu"),  # English thousands or an Indonesian decimal
        ("Rp", "bukan_angka"),
        ("Rp 1,5 M", "bukan_angka"),
        ("satu juta", "bukan_angka"),
    ],
)
def test_money_problems(value: str, problem: str):
    assert flat(parse_money(value)) == (None, problem)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12 Maret 2025", date(2025, 3, 12)),
        ("12 maret 2025", date(2025, 3, 12)),
        ("12 MARET 2025", date(2025, 3, 12)),
        ("12 Mar 2025", date(2025, 3, 12)),
        ("12 Mar. 2025", date(2025, 3, 12)),
        ("12-Mar-2025", date(2025, 3, 12)),
        ("1 Agu 2025", date(2025, 8, 1)),
        ("17 Agustus 2025", date(2025, 8, 17)),
        ("5 Mei 2025", date(2025, 5, 5)),
        ("3 Okt 2025", date(2025, 10, 3)),
        ("24 Des 2025", date(2025, 12, 24)),
        ("28 Pebruari 2025", date(2025, 2, 28)),  # old spelling
        ("10 Nopember 2025", date(2025, 11, 10)),
        ("12 March 2025", date(2025, 3, 12)),  # English names, pasted
        ("12 Oct 2025", date(2025, 10, 12)),
        ("March 12, 2025", date(2025, 3, 12)),
        ("12 Maret, 2025", date(2025, 3, 12)),
        ("12-03-2025", date(2025, 3, 12)),
        ("12/03/2025", date(2025, 3, 12)),
        ("12.03.2025", date(2025, 3, 12)),
        ("3/4/2025", date(2025, 4, 3)),
        ("03/04/2025", date(2025, 4, 3)),  # day first: 3 April, not ambiguous
        ("25/03/2025", date(2025, 3, 25)),
        ("2025-03-12", date(2025, 3, 12)),
        ("2025/03/12", date(2025, 3, 12)),
        ("2025-03-12 00:00:00", date(2025, 3, 12)),
        ("2025-03-12T08:30:00", date(2025, 3, 12)),
        ("12/03/2025 08:30", date(2025, 3, 12)),
        ("Rabu, 12 Maret 2025", date(2025, 3, 12)),
        ("Selasa, 12 Maret 2025", date(2025, 3, 12)),  # weekday not checked
        ("Wednesday, 12 March 2025", date(2025, 3, 12)),
        ("\u00a012 Maret 2025 ", date(2025, 3, 12)),
        (45716, date(2025, 2, 28)),  # an unformatted Excel serial
        (45716.75, date(2025, 2, 28)),
        (32874, date(1990, 1, 1)),
        (73415, date(2100, 12, 31)),
        (date(2025, 3, 12), date(2025, 3, 12)),
        (datetime(2025, 3, 12, 23, 59), date(2025, 3, 12)),
    ],
)
def test_date_readings(value: object, expected: date):
    result = parse_date(value)
    assert result.problem is None, result.detail
    assert result.value == expected
    assert type(result.value) is date


@pytest.mark.parametrize(
    ("value", "problem", "phrase"),
    [
        ("03/25/2025", "bukan_tanggal", "dd/mm/yyyy"),  # US order is not dd/mm
        ("31/02/2025", "bukan_tanggal", "tidak ada"),
        ("31 Februari 2025", "bukan_tanggal", "tidak ada"),
        ("12 Maretan 2025", "bukan_tanggal", "tidak dikenal"),
        ("12/03/25", "tanggal_ambigu", "tahun empat angka"),
        ("12 Mar 25", "tanggal_ambigu", "tahun empat angka"),
        ("12/03/1850", "bukan_tanggal", "1900"),
        ("2025-13-01", "bukan_tanggal", "bulan 13"),
        ("12 Maret", "bukan_tanggal", "dd/mm/yyyy"),
        ("kemarin", "bukan_tanggal", "dd/mm/yyyy"),
        ("12/03-2025", "bukan_tanggal", "dd/mm/yyyy"),
        (2025, "bukan_tanggal", "tahun"),
        (12, "bukan_tanggal", "bukan tanggal"),
        (-1, "bukan_tanggal", "bukan tanggal"),
        (80000, "bukan_tanggal", "bukan tanggal"),
        (float("nan"), "bukan_tanggal", "bukan tanggal"),
        (10**400, "bukan_tanggal", "..."),
        (True, "bukan_tanggal", "TRUE/FALSE"),
        (time(8, 0), "bukan_tanggal", "jam"),
    ],
)
def test_date_problems(value: object, problem: str, phrase: str):
    result = parse_date(value)
    assert flat(result) == (None, problem)
    assert phrase in result.detail


@given(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)
    | st.integers(min_value=-(10**15), max_value=10**15)
)
def test_indonesian_formatting_reads_back(number: float):
    text = format_decimal(number, locale="id", decimal_quantization=False)
    result = parse_number(text)
    if AMBIGUOUS_RULE.match(text):
        assert result.problem == "angka_ambigu"
        return
    assert result.problem is None, (text, result.detail)
    assert result.value is not None
    assert math.isclose(result.value, number, rel_tol=1e-12, abs_tol=1e-300)


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_rounded_indonesian_formatting_reads_back(number: float):
    """The default format (three decimals, e.g. what Excel shows) reads back rounded."""
    text = format_decimal(number, locale="id")
    result = parse_number(text)
    if AMBIGUOUS_RULE.match(text):
        assert result.problem == "angka_ambigu"
    else:
        assert result.value == pytest.approx(round(number, 3), rel=1e-12, abs=1e-3)


SCALARS = (
    st.none()
    | st.text()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates()
    | st.datetimes()
    | st.times()
    | st.binary()
    | st.text(alphabet="0123456789.,-+ %Rp\u00a0\u202f\u2212/:")
)


@given(SCALARS)
def test_never_raises(value: object):
    for parse in (parse_number, parse_percent, parse_money, parse_date):
        result = parse(value)
        assert (result.value is None) or (result.problem is None)
        if result.problem is not None:
            assert result.detail
