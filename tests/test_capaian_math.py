"""Achievement math: konsolidasi per TW, roll-up IKK → IKU, asesmen, predikat scale, SKP
matrix and distribution caps, Permen 8/2021 score conversion. Blank (None) and 0 differ."""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xlkinerja.domain.capaian import Capaian
from xlkinerja.domain.konsolidasi import capaian_triwulan, konsolidasi, nomor_tw
from xlkinerja.domain.predikat import (
    BATAS_DISTRIBUSI,
    DEFAULT_SCALE,
    PREDIKAT_PEGAWAI,
    Pelanggaran,
    Pita,
    PredikatScale,
    SkalaPredikatError,
    cek_distribusi,
    nilai_capaian_iki,
    predikat_kinerja,
    predikat_pegawai,
    rating,
)
from xlkinerja.domain.rollup import Asesmen, asesmen, rollup
from xlkinerja.domain.status import status_of, status_values
from xlkinerja.sample.institution import PREDIKAT as MASTER_PREDIKAT

ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.tuples(st.integers()),
    st.tuples(st.integers(), st.integers(), st.integers()),
)

# --- konsolidasi -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "cara", "sampai", "nilai", "diketahui", "kosong"),
    [
        ([10, 20, 30, 40], "kumulatif", 4, 100.0, 4, ()),
        ([10, 20, 30, 40], "terakhir", 4, 40.0, 4, ()),
        ([10, 20, 30, 40], "rata-rata", 4, 25.0, 4, ()),
        ([10, 20, 30, 40], "kumulatif", 2, 30.0, 2, ()),
        ([10, 20, 30, 40], "terakhir", "TW III", 30.0, 3, ()),
        # blank is skipped, 0 is a value
        ([10, None, 0, None], "kumulatif", 4, 10.0, 2, ("TW II", "TW IV")),
        ([10, None, 0, None], "terakhir", 4, 0.0, 2, ("TW II", "TW IV")),
        ([10, None, 0, None], "rata-rata", 4, 5.0, 2, ("TW II", "TW IV")),
        ([10, None, 20], "rata-rata", 4, 15.0, 2, ("TW II", "TW IV")),  # not (10+0+20)/3
        ([10, 20, None, None], "terakhir", 4, 20.0, 2, ("TW III", "TW IV")),
        ([0, 0, 0, 0], "kumulatif", 4, 0.0, 4, ()),
        ([0], "terakhir", 1, 0.0, 1, ()),
        ((5.5, 4.5), "kumulatif", 2, 10.0, 2, ()),
        ({"TW I": 5, "tw2": 5, 3: 5, "IV": 5}, "kumulatif", 4, 20.0, 4, ()),
        ({"TW IV": 7}, "terakhir", 4, 7.0, 1, ("TW I", "TW II", "TW III")),
        ([1, 2, 3, "x"], "kumulatif", 3, 6.0, 3, ()),  # TW IV is beyond sampai_tw
    ],
)
def test_konsolidasi(values, cara, sampai, nilai, diketahui, kosong):
    result = konsolidasi(values, cara, sampai_tw=sampai)
    assert result.nilai == pytest.approx(nilai)
    assert result.alasan is None and result.dihitung
    assert result.diketahui == diketahui
    assert result.tw_kosong == kosong


@pytest.mark.parametrize(
    ("values", "cara", "sampai", "reason"),
    [
        ([None, None, None, None], "kumulatif", 4, "realisasi TW I..TW IV belum diisi"),
        ([], "rata-rata", 4, "belum diisi"),
        ([None], "terakhir", 1, "realisasi TW I belum diisi"),
        ([10, "banyak"], "kumulatif", 4, "realisasi TW II bukan angka"),
        ([10, float("nan")], "kumulatif", 4, "TW II bukan angka"),
        ([10, float("inf")], "kumulatif", 4, "TW II bukan angka"),
        ([True, 1], "kumulatif", 4, "TW I bukan angka"),
        ([1, 2], "jumlah", 4, "konsolidasi 'jumlah' tidak dikenal"),
        ([1, 2], "kumulatif", 5, "triwulan '5' tidak dikenal"),
        ([1, 2], "kumulatif", "TW V", "tidak dikenal"),
        ({"Q1": 3}, "kumulatif", 4, "triwulan 'Q1' tidak dikenal"),
        ({"TW I": 3, 1: 4}, "kumulatif", 4, "TW I disebut lebih dari sekali"),
        ([1, 2, 3, 4, 5], "kumulatif", 4, "paling banyak 4"),
        ("1234", "kumulatif", 4, "harus berupa daftar"),
        (12, "kumulatif", 4, "harus berupa daftar"),
    ],
)
def test_konsolidasi_not_computable_says_why(values, cara, sampai, reason):
    result = konsolidasi(values, cara, sampai_tw=sampai)
    assert result.nilai is None and not result.dihitung
    assert reason in result.alasan


@pytest.mark.parametrize(
    ("tw", "expected"),
    [
        (1, 1),
        (4, 4),
        ("TW II", 2),
        ("tw 3", 3),
        ("tw4", 4),
        ("iii", 3),
        (0, None),
        (5, None),
        (True, None),
        (2.0, None),
        ("TW", None),
        (None, None),
    ],
)
def test_nomor_tw(tw, expected):
    assert nomor_tw(tw) == expected


TARGET_RA = [25, 50, 75, 100]  # cumulative targets


@pytest.mark.parametrize(
    ("realisasi", "target", "tw", "cara", "arah", "cap", "nilai", "gabungan"),
    [
        ([20, 30, None, None], TARGET_RA, 2, "kumulatif", "naik", None, 100.0, 50.0),
        ([20, 30, 10, None], TARGET_RA, "TW III", "kumulatif", "naik", None, 80.0, 60.0),
        ([None, 45], TARGET_RA, 2, "kumulatif", "naik", None, 90.0, 45.0),  # TW I blank: skipped
        ([0, 25], TARGET_RA, 2, "kumulatif", "naik", None, 50.0, 25.0),
        ([0], TARGET_RA, 1, "kumulatif", "naik", None, 0.0, 0.0),  # 0 is a value
        ([20, 45, 70, 95], TARGET_RA, 3, "terakhir", "naik", None, 70 / 75 * 100, 70.0),
        ([20, 40, 60], [30, 30, 30], 3, "rata-rata", "naik", None, 400 / 3, 40.0),
        ([20, 40, 60], [30, 30, 30], 3, "rata-rata", "naik", 120, 120.0, 40.0),
        ([3, 4], [5, 5], 2, "terakhir", "turun", None, 120.0, 4.0),  # (2 - 4/5) * 100
        ([6, 9], [(7, 8), (7, 8)], 2, "terakhir", "turun", None, 87.5, 9.0),  # range target
        (
            {"TW I": 10, "TW II": 15},
            {"tw1": 10, "tw2": 30},
            "TW II",
            "kumulatif",
            "naik",
            None,
            83.33,
            25.0,
        ),
    ],
)
def test_capaian_triwulan(realisasi, target, tw, cara, arah, cap, nilai, gabungan):
    result = capaian_triwulan(realisasi, target, tw, cara, arah, batas_atas=cap)
    assert result.nilai == pytest.approx(nilai, abs=0.01)
    assert result.realisasi == pytest.approx(gabungan)
    assert result.alasan is None and result.dihitung


def test_capaian_triwulan_reports_known_and_blank_quarters():
    result = capaian_triwulan([None, 45, None, 80], TARGET_RA, 4)
    assert result.diketahui == 2
    assert result.tw_kosong == ("TW I", "TW III")
    assert result.target == 100
    assert result.nilai == pytest.approx(125.0)


@pytest.mark.parametrize(
    ("realisasi", "target", "tw", "cara", "reason"),
    [
        ([20, None], TARGET_RA, 2, "kumulatif", "realisasi TW II belum diisi"),
        ([None, None], TARGET_RA, 2, "kumulatif", "belum diisi"),
        ([20, 30], [25, None], 2, "kumulatif", "target TW II belum diisi"),
        ([20, 30], [25], 2, "kumulatif", "target TW II belum diisi"),
        ([20, 30], [0, 0], 2, "kumulatif", "target 0"),
        ([20, 30], [25, "lima puluh"], 2, "kumulatif", "target bukan angka"),
        ([20, "x"], TARGET_RA, 2, "kumulatif", "realisasi TW II bukan angka"),
        ([20, 30], TARGET_RA, 7, "kumulatif", "triwulan '7' tidak dikenal"),
        ([20, 30], TARGET_RA, 2, "median", "konsolidasi 'median' tidak dikenal"),
        ([20, 30], "25;50", 2, "kumulatif", "target triwulan harus berupa daftar"),
        ([20, 30], [25, (1, 2, 3)], 2, "kumulatif", "rentang target TW II harus"),
    ],
)
def test_capaian_triwulan_not_computable_says_why(realisasi, target, tw, cara, reason):
    result = capaian_triwulan(realisasi, target, tw, cara)
    assert result.nilai is None
    assert reason in result.alasan


def test_capaian_triwulan_unknown_arah_comes_from_capaian():
    result = capaian_triwulan([1, 2], TARGET_RA, 2, "kumulatif", "datar")
    assert result.nilai is None
    assert "arah 'datar' tidak dikenal" in result.alasan


@given(realisasi=st.lists(ANYTHING, max_size=5), target=st.lists(ANYTHING, max_size=5), tw=ANYTHING)
def test_konsolidasi_and_capaian_triwulan_never_raise(realisasi, target, tw):
    for cara in ("kumulatif", "terakhir", "rata-rata"):
        gabungan = konsolidasi(realisasi, cara, sampai_tw=tw)
        assert (gabungan.nilai is None) == (gabungan.alasan is not None)
        result = capaian_triwulan(realisasi, target, tw, cara)
        assert (result.nilai is None) == (result.alasan is not None)


quarter = st.one_of(st.none(), st.floats(min_value=0, max_value=1e9, allow_nan=False))


@given(values=st.lists(quarter, min_size=4, max_size=4))
def test_kumulatif_of_non_negative_values_never_decreases_as_quarters_are_added(values):
    totals = [konsolidasi(values, "kumulatif", sampai_tw=k).nilai for k in range(1, 5)]
    known = [t for t in totals if t is not None]
    assert known == sorted(known)
    # once a value is known, every later TW has a total
    first = next((i for i, t in enumerate(totals) if t is not None), 4)
    assert all(t is not None for t in totals[first:])


# --- roll-up IKK → IKU and asesmen ------------------------------------------------------------


@pytest.mark.parametrize(
    ("children", "bobot", "nilai", "dipakai", "tanpa"),
    [
        ([80, 100], None, 90.0, 2, ()),
        ([80, None, 100], None, 90.0, 2, (2,)),
        ([0, 100], None, 50.0, 2, ()),  # 0 is a capaian, not a blank
        ([80, 100], [1, 3], 95.0, 2, ()),
        ([80, 100], [0.25, 0.75], 95.0, 2, ()),
        ([80, None, 100], [1, 5, 3], 95.0, 2, (2,)),
        ([Capaian(70.0), Capaian(None, "target 0"), 90], None, 80.0, 2, (2,)),
        ([Asesmen(60.0, "Bu Ani"), Asesmen("Baik", "Bu Ani"), 100], None, 80.0, 2, (2,)),
        (["banyak", 75, float("nan"), True], None, 75.0, 1, (1, 3, 4)),
        ([rollup([60, 80]), 100], None, 85.0, 2, ()),
        ([120.5], None, 120.5, 1, ()),
    ],
)
def test_rollup(children, bobot, nilai, dipakai, tanpa):
    result = rollup(children, bobot)
    assert result.nilai == pytest.approx(nilai)
    assert result.alasan is None and result.dihitung
    assert (result.dipakai, result.tanpa_capaian) == (dipakai, tanpa)


@pytest.mark.parametrize(
    ("children", "bobot", "reason"),
    [
        ([], None, "tidak ada indikator anak"),
        ([None, None], None, "tidak ada anak yang capaiannya dapat dihitung (0 dari 2)"),
        ([Capaian(None, "x")], None, "0 dari 1"),
        ([80, 100], [1, 0], "bobot anak ke-2 harus lebih dari 0"),
        ([80, 100], [-1, 2], "bobot anak ke-1 harus lebih dari 0"),
        ([80, 100], [1, None], "bobot anak ke-2 belum diisi"),
        ([80, 100], [1, "dua"], "bobot anak ke-2 bukan angka"),
        ([80, 100], [True, 1], "bobot anak ke-1 bukan angka"),
        ([80, None], [1, 0], "bobot anak ke-2 harus lebih dari 0"),  # checked even if unused
        ([80, 100], [1], "jumlah bobot (1) tidak sama dengan jumlah anak (2)"),
        ([80, 100], "12", "bobot harus berupa daftar angka"),
        ([80, 100], 12, "bobot harus berupa daftar angka"),
        ("80", None, "harus berupa daftar"),
        (80, None, "harus berupa daftar"),
    ],
)
def test_rollup_not_computable_says_why(children, bobot, reason):
    result = rollup(children, bobot)
    assert result.nilai is None
    assert reason in result.alasan


capaian_values = st.floats(min_value=0, max_value=500, allow_nan=False)


@given(value=capaian_values, n=st.integers(min_value=1, max_value=10))
def test_rollup_of_equal_children_is_that_value(value, n):
    assert rollup([value] * n).nilai == value
    assert rollup([value] * n, list(range(1, n + 1))).nilai == value


@given(
    pairs=st.lists(
        st.tuples(st.one_of(st.none(), capaian_values), st.floats(min_value=1e-3, max_value=1e3)),
        min_size=1,
        max_size=10,
    )
)
def test_weighted_rollup_lies_between_min_and_max(pairs):
    children, weights = zip(*pairs, strict=True)
    result = rollup(list(children), list(weights))
    known = [c for c in children if c is not None]
    if not known:
        assert result.nilai is None
        return
    assert min(known) <= result.nilai <= max(known)
    assert result.dipakai == len(known)


@pytest.mark.parametrize(
    ("nilai", "penilai", "expected"),
    [
        (85, "Dr. Ani", 85.0),
        (0, "Dr. Ani", 0.0),  # 0 is a value
        (100, "Dr. Ani", 100.0),
        (72.5, "  Dr.   Ani ", 72.5),
        ("baik", "Dr. Ani", "Baik"),
        ("  SANGAT  baik ", "Dr. Ani", "Sangat Baik"),
    ],
)
def test_asesmen_valid(nilai, penilai, expected):
    result = asesmen(nilai, penilai)
    assert result.nilai == expected
    assert result.alasan is None
    assert result.penilai == " ".join(penilai.split())


@pytest.mark.parametrize(
    ("nilai", "penilai", "reason"),
    [
        (85, None, "penilai belum disebut"),
        (85, "   ", "penilai belum disebut"),
        (85, 12345, "penilai belum disebut"),
        (None, "Dr. Ani", "nilai asesmen belum diisi"),
        ("", "Dr. Ani", "nilai asesmen belum diisi"),
        (100.5, "Dr. Ani", "di luar rentang 0–100"),
        (-1, "Dr. Ani", "di luar rentang 0–100"),
        ("luar biasa", "Dr. Ani", "kategori 'luar biasa' tidak dikenal"),
        ("85", "Dr. Ani", "kategori '85' tidak dikenal"),  # text is never read as a number
        (True, "Dr. Ani", "bukan angka atau kategori"),
        (float("nan"), "Dr. Ani", "bukan angka atau kategori"),
    ],
)
def test_asesmen_invalid_says_why(nilai, penilai, reason):
    result = asesmen(nilai, penilai)
    assert result.nilai is None
    assert reason in result.alasan


def test_asesmen_with_own_categories():
    assert asesmen("memadai", "Pak Budi", kategori=("Memadai", "Belum memadai")).nilai == "Memadai"
    assert asesmen("Baik", "Pak Budi", kategori=("Memadai",)).nilai is None


# --- predikat scale -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capaian", "expected"),
    [
        (None, None),
        ("90", None),
        (float("nan"), None),
        (True, None),
        (-5, "Sangat Kurang"),  # the bottom band is open below
        (0, "Sangat Kurang"),
        (50, "Sangat Kurang"),
        (50.5, "Sangat Kurang"),  # between bands: the band whose lower bound it reaches
        (51, "Kurang"),
        (65, "Kurang"),
        (65.9, "Kurang"),
        (66, "Cukup"),
        (70, "Cukup"),
        (75, "Cukup"),
        (75.99, "Cukup"),
        (76, "Baik"),
        (90, "Baik"),
        (90.5, "Baik"),
        (90.999, "Baik"),
        (91, "Sangat Baik"),
        (100, "Sangat Baik"),
        (110, "Sangat Baik"),  # the top band is open above
        (1000, "Sangat Baik"),
    ],
)
def test_default_scale(capaian, expected):
    assert DEFAULT_SCALE.predikat(capaian) == expected


def test_default_scale_equals_the_master_sample_and_ascending_rows():
    assert PredikatScale.from_rows(MASTER_PREDIKAT) == DEFAULT_SCALE
    ascending = [
        (0, 50, "Sangat Kurang"),
        (51, 65, "Kurang"),
        (66, 75, "Cukup"),
        (76, 90, "Baik"),
        (91, None, "Sangat Baik"),
    ]
    assert PredikatScale.from_rows(ascending) == DEFAULT_SCALE
    assert DEFAULT_SCALE.pita[0] == Pita(0, 50, "Sangat Kurang")


def test_scale_with_shared_boundaries_and_a_written_top_bound():
    scale = PredikatScale.from_rows([(90, 100, "A"), (70, 90, "B"), (0, 70, "C")])
    assert [scale.predikat(v) for v in (69.9, 70, 89.9, 90, 100, 130)] == [
        "C",
        "B",
        "B",
        "A",
        "A",
        "A",
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "skala kosong"),
        (
            [(91, None, "Sangat Baik"), (76, 85, "Baik")],
            "celah antara 'Baik' (sampai 85) dan 'Sangat Baik' (mulai 91)",
        ),
        (
            [(91, None, "Sangat Baik"), (76, 95, "Baik")],
            "'Baik' (sampai 95) tumpang tindih dengan 'Sangat Baik' (mulai 91)",
        ),
        ([(76, 90, "Baik"), (91, None, "Sangat Baik"), (0, 75, "Kurang")], "baris tidak urut"),
        ([(91, None, "A"), (91, None, "B")], "baris tidak urut"),
        (
            [(91, None, "Sangat Baik"), (76, None, "Baik")],
            "'Baik' tanpa batas atas padahal bukan baris teratas",
        ),
        ([(91, None, "Sangat Baik"), (76, 70, "Baik")], "batas atas 70 < batas bawah 76"),
        ([(None, 50, "Kurang")], "baris 1: batas bawah kosong"),
        ([(91, None, "A"), ("x", 90, "B")], "baris 2: batas bawah bukan angka ('x')"),
        ([(91, "seratus", "A")], "baris 1: batas atas bukan angka"),
        ([(91, None, "  ")], "baris 1: predikat kosong"),
        ([{"batas_bawah": 0, "batas_atas": 50}], "baris 1: predikat kosong"),
        ([(0,)], "baris 1: predikat kosong"),
    ],
)
def test_invalid_scale_is_a_value_error_with_an_indonesian_message(rows, message):
    with pytest.raises(SkalaPredikatError) as info:
        PredikatScale.from_rows(rows)
    assert isinstance(info.value, ValueError)
    assert message in str(info.value)
    assert any(message in m for m in info.value.masalah)


def test_invalid_scale_lists_every_problem():
    with pytest.raises(SkalaPredikatError) as info:
        PredikatScale.from_rows([(None, 1, ""), ("x", "y", "z")])
    assert len(info.value.masalah) == 4


def test_scale_built_directly_is_validated_too():
    with pytest.raises(SkalaPredikatError, match="tumpang tindih"):
        PredikatScale((Pita(0, 80, "B"), Pita(70, None, "A")))


@given(a=st.floats(-100, 300), b=st.floats(-100, 300))
def test_predikat_never_gets_worse_as_capaian_rises(a, b):
    rank = [p.predikat for p in DEFAULT_SCALE.pita]  # lowest first
    lo, hi = sorted((a, b))
    assert rank.index(DEFAULT_SCALE.predikat(lo)) <= rank.index(DEFAULT_SCALE.predikat(hi))


_CAPAIAN = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([50.0, 51.0, 65.0, 66.0, 70.0, 75.0, 76.0, 90.0, 90.5, 91.0, 100.0]),
)


@given(values=st.lists(_CAPAIAN, max_size=40))
def test_predikat_of_an_array_is_each_value_s_predikat(values):
    # kompilasi gives 200,000 capaian their predikat at once; each must be the scalar one
    for scale in (DEFAULT_SCALE, PredikatScale.from_rows(MASTER_PREDIKAT)):
        expected = [scale.predikat(v) for v in values]
        assert scale.predikat_values(np.array(values, dtype=float)).tolist() == expected


@given(
    values=st.lists(_CAPAIAN, max_size=40),
    kuning=st.sampled_from([70.0, 60.0, 75.5]),
    hijau=st.sampled_from([90.0, 85.0, 100.0]),
)
def test_status_of_an_array_is_each_value_s_status(values, kuning, hijau):
    expected = [
        None if math.isnan(v) else status_of(v, kuning=kuning, hijau=hijau).value for v in values
    ]
    found = status_values(np.array(values, dtype=float), kuning=kuning, hijau=hijau)
    assert found.tolist() == expected


# --- SKP: predikat kinerja, distribution caps -------------------------------------------------

MATRIX = [  # hasil kerja, perilaku, predikat (domain.md)
    ("di atas ekspektasi", "di bawah ekspektasi", "Kurang/Misconduct"),
    ("di atas ekspektasi", "sesuai ekspektasi", "Baik"),
    ("di atas ekspektasi", "di atas ekspektasi", "Sangat Baik"),
    ("sesuai ekspektasi", "di bawah ekspektasi", "Kurang/Misconduct"),
    ("sesuai ekspektasi", "sesuai ekspektasi", "Baik"),
    ("sesuai ekspektasi", "di atas ekspektasi", "Baik"),
    ("di bawah ekspektasi", "di bawah ekspektasi", "Sangat Kurang"),
    ("di bawah ekspektasi", "sesuai ekspektasi", "Butuh Perbaikan"),
    ("di bawah ekspektasi", "di atas ekspektasi", "Butuh Perbaikan"),
]


@pytest.mark.parametrize(("hasil", "perilaku", "expected"), MATRIX)
def test_predikat_kinerja_matrix(hasil, perilaku, expected):
    assert predikat_kinerja(hasil, perilaku).nilai == expected
    short = predikat_kinerja(
        hasil.removesuffix(" ekspektasi"), perilaku.removesuffix(" ekspektasi")
    )
    assert short.nilai == expected
    assert predikat_kinerja(hasil.upper(), f"  {perilaku.title()} ").nilai == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Di Bawah", "di bawah ekspektasi"),
        ("dibawah ekspektasi", "di bawah ekspektasi"),
        ("SESUAI", "sesuai ekspektasi"),
        ("di  atas  ekspektasi", "di atas ekspektasi"),
        ("di", None),
        ("", None),
        (None, None),
        (3, None),
        ("baik", None),
    ],
)
def test_rating(text, expected):
    assert rating(text) == expected


@pytest.mark.parametrize(
    ("hasil", "perilaku", "reason"),
    [
        ("luar biasa", "sesuai", "rating hasil kerja 'luar biasa' tidak dikenal"),
        ("sesuai", None, "rating perilaku None tidak dikenal"),
        (None, None, "rating hasil kerja None"),
        (2, "sesuai", "rating hasil kerja 2"),
    ],
)
def test_predikat_kinerja_unknown_rating_says_why(hasil, perilaku, reason):
    result = predikat_kinerja(hasil, perilaku)
    assert result.nilai is None
    assert reason in result.alasan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sangat baik", "Sangat Baik"),
        ("BUTUH PERBAIKAN", "Butuh Perbaikan"),
        ("kurang / misconduct", "Kurang/Misconduct"),
        ("Kurang", "Kurang/Misconduct"),
        ("Misconduct", "Kurang/Misconduct"),
        ("cukup", None),
        (None, None),
    ],
)
def test_predikat_pegawai(text, expected):
    assert predikat_pegawai(text) == expected


def staff(**counts: int) -> list[str]:
    names = {
        "sb": "Sangat Baik",
        "b": "Baik",
        "bp": "Butuh Perbaikan",
        "k": "Kurang/Misconduct",
        "sk": "Sangat Kurang",
    }
    return [names[key] for key, n in counts.items() for _ in range(n)]


@pytest.mark.parametrize(
    ("org", "pegawai", "expected"),
    [
        ("Baik", staff(b=7, sb=3), []),  # exactly 70 % is allowed
        ("Baik", staff(b=8, sb=2), [("distribusi.maks", "Baik", 8, 10, 0.8, 0.7)]),
        ("baik", staff(b=71, bp=29), [("distribusi.maks", "Baik", 71, 100, 0.71, 0.7)]),
        ("Butuh Perbaikan", staff(bp=6, sb=1, b=3), []),  # 60 % and 10 % exactly
        (
            "Butuh Perbaikan",
            staff(bp=5, b=5),
            [("distribusi.min", "Butuh Perbaikan", 5, 10, 0.5, 0.6)],
        ),
        (
            "BUTUH PERBAIKAN",
            staff(bp=5, sb=2, b=3),
            [
                ("distribusi.min", "Butuh Perbaikan", 5, 10, 0.5, 0.6),
                ("distribusi.maks", "Sangat Baik", 2, 10, 0.2, 0.1),
            ],
        ),
        ("Istimewa", staff(sb=10), []),  # no cap given in domain.md
        ("Kurang", staff(b=10), []),
        ("Sangat Kurang", staff(sb=10), []),
        ("Baik", [], []),
        ("Butuh Perbaikan", [], []),
        (None, staff(b=10), []),
    ],
)
def test_cek_distribusi(org, pegawai, expected):
    found = [
        (p.kode, p.predikat, p.jumlah, p.total, p.fraksi, p.batas)
        for p in cek_distribusi(org, pegawai)
    ]
    assert found == [(k, n, j, t, pytest.approx(f), b) for k, n, j, t, f, b in expected]


def test_cek_distribusi_message_gives_share_and_limit():
    (found,) = cek_distribusi("Baik", staff(b=8, sb=3))
    assert "70 %" in found.pesan and "8 dari 11" in found.pesan and "72,7 %" in found.pesan


def test_cek_distribusi_reports_blank_and_unknown_predikat_and_leaves_them_out():
    found = cek_distribusi("Baik", [*staff(b=7, sb=3), None, "", "luar biasa", "luar biasa", 5])
    unknown = [
        (p.predikat, p.jumlah, p.total) for p in found if p.kode == Pelanggaran.TIDAK_DIKENAL
    ]
    assert unknown == [("(kosong)", 2, 10), ("'luar biasa'", 2, 10), ("5", 1, 10)]
    assert [p.kode for p in found if p.kode != Pelanggaran.TIDAK_DIKENAL] == []


def test_cek_distribusi_takes_caps_as_data():
    caps = {"Istimewa": [("Sangat Baik", "max", 0.2)]}
    assert [p.kode for p in cek_distribusi("Istimewa", staff(sb=3, b=7), caps)] == [
        "distribusi.maks"
    ]
    assert set(BATAS_DISTRIBUSI) == {"Baik", "Butuh Perbaikan"}


# --- Permen PAN-RB 8/2021 score conversion ----------------------------------------------------


@pytest.mark.parametrize(
    ("capaian", "nilai", "kategori"),
    [
        (100, 109.0, "Baik"),  # the example: 100 % → 109, exactly
        (105, 114.5, "Baik"),
        (110, 120.0, "Baik"),
        (110.01, 120.0, "Sangat Baik"),
        (111, 120.0, "Sangat Baik"),
        (250, 120.0, "Sangat Baik"),
        (99.99, 89.99, "Cukup"),
        (99.5, 89.5, "Cukup"),  # between the written bands 80–99 and 100–110
        (99, 89.0, "Cukup"),
        (90, 80.0, "Cukup"),
        (80, 70.0, "Cukup"),
        (79.5, 69.5, "Kurang"),
        (79, 69.0, "Kurang"),
        (70, 60.0, "Kurang"),
        (60, 50.0, "Kurang"),
        (59.5, 59.5 / 59 * 49, "Sangat Kurang"),
        (59, 49.0, "Sangat Kurang"),
        (30, 30 / 59 * 49, "Sangat Kurang"),
        (0, 0.0, "Sangat Kurang"),
        (-20, 0.0, "Sangat Kurang"),  # never below 0
    ],
)
def test_nilai_capaian_iki(capaian, nilai, kategori):
    result = nilai_capaian_iki(capaian)
    assert result.nilai == pytest.approx(nilai, abs=1e-9)
    assert result.kategori == kategori
    assert result.alasan is None


def test_nilai_capaian_iki_of_100_is_exactly_109():
    assert nilai_capaian_iki(100).nilai == 109.0
    assert nilai_capaian_iki(100.0).nilai == 109.0


@pytest.mark.parametrize(
    ("capaian", "reason"),
    [
        (None, "capaian kosong"),
        ("100", "capaian bukan angka"),
        (float("nan"), "capaian bukan angka"),
        (True, "capaian bukan angka"),
        (Capaian(100.0), "capaian bukan angka"),
    ],
)
def test_nilai_capaian_iki_not_a_number_says_why(capaian, reason):
    result = nilai_capaian_iki(capaian)
    assert (result.nilai, result.kategori, result.alasan) == (None, None, reason)


@given(a=st.floats(-1000, 1000), b=st.floats(-1000, 1000))
def test_score_conversion_is_monotone_and_bounded(a, b):
    lo, hi = sorted((a, b))
    n_lo, n_hi = nilai_capaian_iki(lo).nilai, nilai_capaian_iki(hi).nilai
    assert 0 <= n_lo <= n_hi <= 120


def test_score_conversion_is_continuous_inside_each_band():
    for a, b in ((0, 59.999), (60, 79.999), (80, 99.999), (100, 110)):
        steps = [a + (b - a) * i / 100 for i in range(101)]
        values = [nilai_capaian_iki(c).nilai for c in steps]
        step = (b - a) / 100
        assert all(0 <= y - x <= 1.1 * step + 1e-9 for x, y in pairwise(values))  # slope ≤ 1.1


def test_every_staff_predikat_of_the_matrix_is_known():
    assert {row[2] for row in MATRIX} == set(PREDIKAT_PEGAWAI)
    assert math.isclose(sum(f for _, _, f in BATAS_DISTRIBUSI["Butuh Perbaikan"]), 0.7)


@given(x=ANYTHING, y=ANYTHING)
def test_nothing_raises_on_odd_input_and_every_blank_result_says_why(x, y):
    for result in (
        rollup([x, y], [x, y]),
        rollup(x, y),
        asesmen(x, y),
        nilai_capaian_iki(x),
        predikat_kinerja(x, y),
    ):
        assert (result.nilai is None) == (result.alasan is not None)
    assert DEFAULT_SCALE.predikat(x) in (None, *(p.predikat for p in DEFAULT_SCALE.pita))
    assert all(isinstance(p, Pelanggaran) for p in cek_distribusi("Baik", [x, y]))


def test_huge_values_never_overflow_the_sums():
    # Found by hypothesis in CI: fsum overflowed on values near the float limit.
    assert rollup([9.48e153, 9.48e153], [9.48e153, 9.48e153]).nilai == pytest.approx(9.48e153)
    assert rollup([8.98e307, 8.99e307], [8.98e307, 8.99e307]).nilai is not None
    assert konsolidasi([1.7e308, 1.7e308], "rata-rata").nilai == pytest.approx(1.7e308)
    too_big = konsolidasi([1.7e308, 1.7e308], "kumulatif")
    assert too_big.nilai is None and "terlalu besar" in too_big.alasan
