"""Typed access to normalised values: the kind the column promises, None for blank."""

from __future__ import annotations

import math
from datetime import date

import pytest

from tests.conftest import SAMPLE
from xlkinerja.core.table_access import day, number, positions, text, val
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import UNIT
from xlkinerja.validation.normalise import normalise_form


@pytest.fixture(scope="module")
def unit():
    form, _ = normalise_form(read_form(SAMPLE / "TI-jurusan-teknik-informatika.xlsx", UNIT))
    return form


def test_each_kind_comes_typed(unit):
    pk = unit.tables["pk"]
    assert all(isinstance(text(pk, p, "kode_ikk"), str) for p in positions(pk))
    assert all(isinstance(number(pk, p, "target"), float) for p in positions(pk))
    assert isinstance(unit.day("tanggal"), date)
    assert isinstance(unit.number("tahun"), float)
    assert unit.text("kode_unit") == "TI"


def test_blank_is_none_never_nan(unit):
    ra = unit.tables["ra"]
    kept = ra.columns["tw1"][0]
    ra.columns["tw1"][0] = math.nan  # a blank number cell, as normalising stores it
    try:
        assert val(ra, 0, "tw1") is None
        assert number(ra, 0, "tw1") is None
    finally:
        ra.columns["tw1"][0] = kept
    pk = unit.tables["pk"]
    kept = pk.columns["satuan"][0]
    pk.columns["satuan"][0] = None
    try:
        assert text(pk, 0, "satuan") is None
    finally:
        pk.columns["satuan"][0] = kept


def test_asking_for_the_wrong_kind_is_a_bug(unit):
    pk = unit.tables["pk"]
    with pytest.raises(TypeError, match="target"):
        text(pk, 0, "target")
    with pytest.raises(TypeError, match="kode_ikk"):
        number(pk, 0, "kode_ikk")
    with pytest.raises(TypeError, match="kode_ikk"):
        day(pk, 0, "kode_ikk")
    with pytest.raises(TypeError, match="tanggal"):
        unit.number("tanggal")
