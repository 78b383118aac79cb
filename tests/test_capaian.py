"""Capaian formulas: the worked examples of Permen PAN-RB 8/2021 and their properties."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlkinerja.domain.capaian import capaian


@pytest.mark.parametrize(
    ("realisasi", "target", "arah", "expected"),
    [
        (6.5, (7, 8), "turun", 107.1),  # months: faster than the range
        (9, (7, 8), "turun", 87.5),  # slower than the range
        (7.5, (7, 8), "turun", 100.0),  # inside the range
        (70, (80, 90), "naik", 87.5),
        (92, (80, 90), "naik", 102.2),  # the Permen prints "113 %": an arithmetic slip
        (85, 100, "naik", 85.0),
        (3, 3, "turun", 100.0),
        (4, 2, "turun", 0.0),  # (2 - 2) * 100
        (10, 2, "turun", 0.0),  # floor at 0, never negative
    ],
)
def test_worked_examples(realisasi, target, arah, expected):
    assert round(capaian(realisasi, target, arah).nilai, 1) == expected


def test_target_zero_is_not_computable_and_says_why():
    result = capaian(5, 0)
    assert result.nilai is None
    assert "target 0" in result.alasan


@pytest.mark.parametrize(
    ("realisasi", "target", "reason"),
    [
        (None, 10, "realisasi belum diisi"),
        ("banyak", 10, "realisasi bukan angka"),
        (5, None, "target belum diisi"),
        (5, "x", "target bukan angka"),
        (5, (9, 8), "batas bawah"),
        (float("nan"), 10, "realisasi bukan angka"),
        (True, 10, "realisasi bukan angka"),
    ],
)
def test_blank_and_non_numeric_never_crash(realisasi, target, reason):
    result = capaian(realisasi, target)
    assert result.nilai is None
    assert reason in result.alasan


def test_zero_realisasi_is_a_value_not_blank():
    assert capaian(0, 10).nilai == 0.0
    assert capaian(0, 10, "turun").nilai == 200.0


def test_cap_applies_to_high_capaian():
    assert capaian(150, 100, batas_atas=120).nilai == 120
    assert capaian(90, 100, batas_atas=120).nilai == 90


positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)


@given(t=positive, r1=positive, r2=positive)
def test_naik_is_monotone_increasing_and_turun_decreasing(t, r1, r2):
    lo, hi = sorted((r1, r2))
    assert capaian(lo, t, "naik").nilai <= capaian(hi, t, "naik").nilai
    assert capaian(lo, t, "turun").nilai >= capaian(hi, t, "turun").nilai


@given(t=positive, d=st.floats(min_value=0, max_value=0.99))
def test_symmetry_around_the_target(t, d):
    # Missing the target by d·T costs the same in both directions.
    up = capaian(t * (1 - d), t, "naik").nilai
    down = capaian(t * (1 + d), t, "turun").nilai
    assert math.isclose(up, down, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(capaian(t, t, "naik").nilai, 100.0)
