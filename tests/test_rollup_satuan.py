"""No averages across unlike units (issue 10, point 3).

IKK roll up to their IKU in the compiled report. Raw targets of IKK with different satuan
(a % and a count) are never summed or averaged — only capaian, which has no unit, rolls up
across them; raw values are summed only when the satuan agree and every IKK was derived by
beban target, averaged when the satuan agree otherwise; the sheet says which it did.
"""

from __future__ import annotations

import math
import shutil
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from xlkinerja.domain.rollup import rollup, rollup_nilai, satuan_sama
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.kompilasi.aggregate import capaian_rollup, ra_per_iku
from xlkinerja.sample.build import MASTER_FILE

UNREADABLE = object()  # a target that could not be read
SATUAN = st.sampled_from(["%", "orang", " Orang ", "dokumen", "", None])
VALUE = st.one_of(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.none(),
    st.just(UNREADABLE),
)
CHILD = st.tuples(SATUAN, VALUE)


def _key(satuan: object) -> str | None:
    return " ".join(satuan.split()).casefold() or None if isinstance(satuan, str) else None


@settings(max_examples=300, deadline=None)
@given(st.lists(CHILD, min_size=0, max_size=6), st.sampled_from(["jumlah", "rata-rata"]))
def test_raw_values_roll_up_only_as_the_method_allows(children, cara):  # type: ignore[no-untyped-def]
    satuan = [s for s, _ in children]
    nilai = [v for _, v in children]
    result = rollup_nilai(satuan, nilai, cara)
    keys = {_key(s) for s in satuan}
    same = len(keys) == 1 and None not in keys
    assert (satuan_sama(satuan) is not None) == same
    if not same:
        assert result.nilai is None  # never across unlike (or unknown) units
        assert "jumlah" not in result.cara and "rata-rata" not in result.cara
        return
    assert result.cara.startswith("jumlah" if cara == "jumlah" else "rata-rata")
    if result.nilai is None:
        return
    assert UNREADABLE not in nilai  # an unreadable value is never left out silently
    known = [v for v in nilai if isinstance(v, float)]
    if cara == "jumlah":
        assert len(known) == len(nilai)  # a sum of the known part would be too low
        assert result.nilai == pytest.approx(math.fsum(known))
    else:
        assert min(known) <= result.nilai <= max(known)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.floats(0, 1e4, allow_nan=False), st.none()), min_size=1, max_size=8))
def test_a_capaian_rollup_stays_within_the_childrens_capaian(children):  # type: ignore[no-untyped-def]
    result = rollup(children)
    known = [c for c in children if c is not None]
    if not known:
        assert result.nilai is None
    else:
        assert result.nilai is not None and min(known) <= result.nilai <= max(known)


def _ra(unit: str, ikk: str, iku: str, satuan: str | None, tws: list[object]) -> dict[str, object]:
    return {
        "berkas": f"{unit}.xlsx",
        "kode_iku": iku,
        "kode_ikk": ikk,
        "satuan": satuan,
        **{f"tw{i}": v for i, v in enumerate(tws, start=1)},
        "tak_terbaca": [f"tw{i}" for i, v in enumerate(tws, start=1) if v is UNREADABLE],
    }


TWS = st.lists(st.one_of(st.floats(0, 1e4, allow_nan=False), st.none()), min_size=4, max_size=4)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["%", "orang", "dokumen"]), st.booleans(), TWS),
        min_size=1,
        max_size=5,
    )
)
def test_the_rekap_ra_never_combines_unlike_satuan(ikks):  # type: ignore[no-untyped-def]
    ra = [_ra(f"U{i}", f"IKK-U{i}-1", "IKU-1", s, tws) for i, (s, _, tws) in enumerate(ikks)]
    pk = [
        {"berkas": f"U{i}.xlsx", "kode_ikk": f"IKK-U{i}-1", "metode_kaskade": "beban target"}
        for i, (_, beban, _) in enumerate(ikks)
        if beban
    ]
    row = ra_per_iku(ra, pk).iloc[0]
    same = len({s for s, _, _ in ikks}) == 1
    every_beban = all(b for _, b, _ in ikks)
    for t in range(4):
        value = row[f"tw{t + 1}"]
        known = [tws[t] for _, _, tws in ikks if tws[t] is not None]
        if not same:
            assert pd.isna(value)
        elif not pd.isna(value):
            if every_beban:
                assert len(known) == len(ikks) and value == pytest.approx(math.fsum(known))
            else:
                assert min(known) <= value <= max(known)
    if same:
        word = "jumlah" if every_beban else "rata-rata"
        assert row["cara_agregasi"].startswith(f"{word} target IKK (satuan sama: {ikks[0][0]})")
    else:
        assert row["cara_agregasi"].startswith("target tidak digabung: satuan IKK berbeda")


def test_an_unreadable_target_leaves_that_quarter_uncombined():
    ra = [
        _ra("A", "IKK-A-1", "IKU-1", "orang", [10, UNREADABLE, 30, 40]),
        _ra("B", "IKK-B-1", "IKU-1", "orang", [5, 10, 15, 20]),
    ]
    pk = [
        {"berkas": f"{u}.xlsx", "kode_ikk": f"IKK-{u}-1", "metode_kaskade": "beban target"}
        for u in "AB"
    ]
    row = ra_per_iku(ra, pk).iloc[0]
    assert [row["tw1"], row["tw3"], row["tw4"]] == [15, 45, 60] and pd.isna(row["tw2"])
    assert row["cara_agregasi"] == (
        "jumlah target IKK (satuan sama: orang); tidak dihitung "
        "TW II: target IKK ada yang tidak dapat dibaca"
    )


def test_the_sample_iku_of_two_satuan_is_not_averaged_and_the_sheet_says_so(tmp_path: Path):
    """IKU-5 of the sample: P3M's IKK count 'judul' and 'proposal'."""
    rekap = tmp_path / "rekap.xlsx"
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "master-*", "skp-*"))
    result = compile_workbooks(workbook_files([folder], master=SAMPLE / MASTER_FILE), output=rekap, record=False, workers=1, now=datetime(2025, 10, 10))  # fmt: skip
    iku = result.kompilasi.rekap_ra_iku.set_index("kode_iku")
    assert iku.loc["IKU-5", ["tw1", "tw2", "tw3", "tw4"]].isna().all()
    assert iku.loc["IKU-5", "cara_agregasi"] == (
        "target tidak digabung: satuan IKK berbeda (judul, proposal)"
    )
    assert iku.loc["IKU-3", "cara_agregasi"] == "jumlah target IKK (satuan sama: orang)"
    assert iku.loc["IKU-1", "cara_agregasi"] == "rata-rata target IKK (satuan sama: %)"
    ws = openpyxl.load_workbook(rekap)["Rekap Rencana Aksi"]
    header = [c.value for c in ws[4]]
    assert header[-2:] == ["Satuan", "Cara agregasi / keterangan"]
    line = next([c.value for c in r] for r in ws.iter_rows(min_row=5) if r[0].value == "IKU-5")
    assert line[4:8] == [None] * 4
    assert line[-1] == "target tidak digabung: satuan IKK berbeda (judul, proposal)"
    child = next([c.value for c in r] for r in ws.iter_rows(min_row=5) if r[0].value == "IKK-P3M-2")
    assert child[-2] == "proposal"
    # Capaian, which has no unit, is what rolls up: IKU-5 has one in the Rekap Capaian.
    cap = result.kompilasi.capaian_iku
    assert cap.loc[cap["kode_iku"] == "IKU-5", "capaian"].notna().all()
    title = next(
        c.value
        for r in openpyxl.load_workbook(rekap)["Rekap Capaian"].iter_rows()
        for c in r[:1]
        if isinstance(c.value, str) and c.value.startswith("A. Capaian IKU")
    )
    assert "rata-rata capaian IKK" in title


CAPAIAN_ROW = st.tuples(
    st.sampled_from(["IKU-1", "IKU-2"]),
    st.sampled_from([1, 2]),
    st.one_of(st.floats(0, 500, allow_nan=False), st.none()),
    st.booleans(),  # unknown because a value could not be read
)


@pytest.mark.lambat  # 200 property examples, a frame each
@settings(max_examples=200, deadline=None)
@given(st.lists(CAPAIAN_ROW, min_size=1, max_size=12))
def test_the_compiled_capaian_rollup_stays_within_its_ikk_or_is_unknown(rows):  # type: ignore[no-untyped-def]
    cap = pd.DataFrame(
        [
            {
                "kode_iku": iku,
                "tw": tw,
                "kode_ikk": f"IKK-{i}",
                "capaian": None if tak or value is None else value,
                "_tak_terbaca": tak,
            }
            for i, (iku, tw, value, tak) in enumerate(rows)
        ]
    )
    cap["capaian"] = pd.to_numeric(cap["capaian"], errors="coerce")
    out = capaian_rollup(cap, ["kode_iku", "tw"])
    for rec in out.to_dict("records"):
        group = [r for r in rows if (r[0], r[1]) == (rec["kode_iku"], rec["tw"])]
        assert rec["jumlah_ikk"] == len(group)
        known = [v for _, _, v, tak in group if v is not None and not tak]
        if any(tak for *_, tak in group):
            assert pd.isna(rec["capaian"]) and "tidak dapat dibaca" in rec["keterangan"]
        elif known:
            assert min(known) - 1e-9 <= rec["capaian"] <= max(known) + 1e-9
            assert pd.isna(rec["keterangan"])
        else:
            assert pd.isna(rec["capaian"])
