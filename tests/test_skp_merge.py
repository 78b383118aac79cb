"""Kaskade that agrees with itself (issue 10, point 6): a fresh run and a merge run group the
same rows into the same RHK; a merge pairs what the employee typed with what the source
(matriks, or the PK for the head) derives, and never silently doubles the RHK list."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE
from xlkinerja.cascade.skp_merge import merge_skp
from xlkinerja.cascade.skp_plan import number_rows
from xlkinerja.core.codes import Code
from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.jobs.kaskade import generate_skp
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import SKP_FORM

TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
Row = dict[str, CellScalar]


def row(pimpinan: str, rhk: str, aspek: str, iki: str, target: float) -> Row:
    return {
        "jenis": "Utama",
        "rhk_pimpinan": pimpinan,
        "rhk": rhk,
        "aspek": aspek,
        "iki": iki,
        "target": target,
        "satuan": "orang",
    }


def planned(*rows: Row) -> FormValues:
    numbered = [dict(r) for r in rows]
    number_rows(numbered)
    return FormValues(fields={"nip": "1"}, tables={"rhk": numbered})


def typed(*rows: Row) -> FormValues:
    return FormValues(fields={"nip": "1"}, tables={"rhk": [dict(r) for r in rows]})


def codes(values: FormValues) -> list[tuple[object, ...]]:
    return [
        (r.get("rhk_pimpinan"), r.get("kode_rhk"), r.get("kode_iki"), r.get("iki"))
        for r in values.tables["rhk"]
    ]


# -- fresh and merge agree ----------------------------------------------------------------------


def test_the_heads_iki_of_one_sasaran_and_iku_share_one_rhk():
    plan = planned(
        row("IKU-1", "Meningkatnya kualitas lulusan", "kuantitas", "Lulusan bekerja", 70),
        row("IKU-1", "Meningkatnya kualitas lulusan", "kuantitas", "Lulusan studi lanjut", 5),
        row("IKU-2", "Meningkatnya kualitas lulusan", "kuantitas", "Magang", 30),
    )
    assert [(r["kode_rhk"], r["kode_iki"]) for r in plan.tables["rhk"]] == [
        ("RHK-1", "IKI-1.1"),
        ("RHK-1", "IKI-1.2"),
        ("RHK-2", "IKI-2.1"),
    ]
    onto_empty = merge_skp(plan, typed())
    assert codes(onto_empty.values) == codes(plan) and not onto_empty.conflicts


ROWS = st.builds(
    row,
    st.sampled_from(["IKK-1", "IKK-2", "IKU-3"]),
    st.sampled_from(["Terlaksananya A", "terlaksananya  a", "Tersusunnya B"]),
    st.sampled_from(["kuantitas", "kualitas", "waktu"]),
    st.sampled_from(["Jumlah X", "Persentase Y", "Dokumen Z"]),
    st.integers(1, 500),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ROWS, max_size=12), st.randoms(use_true_random=False))
def test_a_merge_onto_a_fresh_run_changes_nothing_whatever_the_rows(rows, rnd: random.Random):
    """Any matriks: the fresh SKP merged with the same plan adds nothing and reports
    nothing, in whatever order the SKP holds its rows; merged onto an empty SKP it numbers
    every row as the fresh run does."""
    plan = planned(*rows)
    fresh_rows = [dict(r) for r in plan.tables["rhk"]]
    rnd.shuffle(fresh_rows)
    again = merge_skp(plan, typed(*fresh_rows))
    assert again.added == 0
    assert sorted(map(repr, codes(again.values))) == sorted(map(repr, codes(plan)))
    # Two rows of the same IKI (code, RHK, aspek, text) differ only in their target, and
    # which typed row is which planned one is then a guess: only then may a target differ.
    idents = {
        (r["rhk_pimpinan"], " ".join(str(r["rhk"]).split()).casefold(), r["aspek"], r["iki"])
        for r in rows
    }
    if len(idents) == len(rows):
        assert again.conflicts == []
    assert codes(merge_skp(plan, typed()).values) == codes(plan)


# -- pairing typed rows -------------------------------------------------------------------------


def test_a_reworded_iki_is_paired_not_doubled_and_the_wording_said():
    plan = planned(row("IKK-1", "Terlaksananya uji", "kuantitas", "Jumlah lulus uji", 120))
    mine = typed(
        row("IKK-1", "Uji kompetensi", "kuantitas", "Mahasiswa kompeten", 110)
        | {"kode_rhk": "RHK-1", "kode_iki": "IKI-1.1"}
    )
    merged = merge_skp(plan, mine)
    assert merged.added == 0 and len(merged.values.tables["rhk"]) == 1
    assert [(c.code, c.row, c.key, c.value) for c in merged.conflicts] == [
        (Code.KASKADE_KONFLIK_RUMUSAN_BEDA, 0, "iki", "Mahasiswa kompeten"),
        (Code.KASKADE_KONFLIK_TARGET_BEDA, 0, "target", 110),
    ]
    assert merged.values.tables["rhk"][0]["iki"] == "Mahasiswa kompeten"  # theirs is kept


def test_two_typed_and_two_derived_for_one_code_are_reported_not_guessed():
    plan = planned(
        row("IKK-1", "R", "kuantitas", "Jumlah A", 1),
        row("IKK-1", "R", "kuantitas", "Jumlah B", 2),
    )
    mine = typed(
        row("IKK-1", "S", "kuantitas", "Banyaknya P", 1) | {"kode_rhk": "RHK-1"},
        row("IKK-1", "S", "kuantitas", "Banyaknya Q", 2) | {"kode_rhk": "RHK-1"},
    )
    merged = merge_skp(plan, mine)
    assert merged.added == 0 and len(merged.values.tables["rhk"]) == 2
    unpaired = [
        c for c in merged.conflicts if c.code == Code.KASKADE_KONFLIK_BARIS_TIDAK_DITAMBAHKAN
    ]
    assert [(c.row, c.key, c.details["rencana"]) for c in unpaired] == [
        (0, "iki", "IKK-1"),  # at the first of the typed rows left
        (0, "iki", "IKK-1"),
    ]


def test_another_aspek_of_the_same_rhk_is_added_into_that_rhk():
    plan = planned(row("IKK-4", "Kegiatan di industri", "kuantitas", "Jumlah kegiatan", 2))
    mine = typed(
        row("IKK-4", "Kegiatan di industri", "kualitas", "Laporan diterima", 100)
        | {"kode_rhk": "RHK-1", "kode_iki": "IKI-1.1"}
    )
    merged = merge_skp(plan, mine)
    assert merged.added == 1 and not merged.conflicts
    assert [(r["kode_rhk"], r["kode_iki"]) for r in merged.values.tables["rhk"]] == [
        ("RHK-1", "IKI-1.1"),
        ("RHK-1", "IKI-1.2"),
    ]


def test_a_mistyped_intervened_code_is_paired_and_said():
    plan = planned(row("IKK-3", "Uji", "kuantitas", "Jumlah lulus", 80))
    mine = typed(row("IKK-9", "Uji", "kuantitas", "Jumlah lulus", 80) | {"kode_rhk": "RHK-2"})
    merged = merge_skp(plan, mine)
    assert merged.added == 0
    assert [(c.code, c.row, c.key, c.value) for c in merged.conflicts] == [
        (Code.KASKADE_KONFLIK_INTERVENSI_BEDA, 0, "rhk_pimpinan", "IKK-9")
    ]
    # The wording of a conflict, as the summary and `konflik` of the JSON give it.
    assert [c.text for c in merged.conflicts] == [
        "RHK-2 mengintervensi IKK-9 di SKP, IKK-3 di matriks (isian SKP dipertahankan)"
    ]


def test_a_typed_row_whose_code_left_the_source_is_kept_and_named_by_its_source():
    plan = planned(row("IKU-1", "S", "kuantitas", "A", 1))
    mine = typed(row("IKU-7", "T", "kuantitas", "B", 2) | {"kode_iki": "IKI-1.1"})
    merged = merge_skp(plan, mine, source="PK unit")
    assert merged.added == 1 and len(merged.values.tables["rhk"]) == 2
    assert [(c.code, c.row, c.key, c.details["sumber"]) for c in merged.conflicts] == [
        (Code.KASKADE_KONFLIK_INTERVENSI_HILANG, 0, "rhk_pimpinan", "PK unit")
    ]


# -- the sample's hand-typed SKP ----------------------------------------------------------------


def test_the_heads_typed_skp_is_not_doubled_and_not_told_its_iku_left(tmp_path: Path):
    """The TI head typed his SKP with his own wording for IKU-1, -3 and -6 (the PK has six
    IKK); kaskade pairs those three, adds the three IKU he left out, and says nothing is
    "no longer in the matriks" — his RHK come from the PK, where every IKU still is."""
    head = "skp-TI-andi-pratama.xlsx"
    (tmp_path / head).write_bytes((SAMPLE / head).read_bytes())
    typed_rows = read_form(tmp_path / head, SKP_FORM).table("rhk").records()
    result = generate_skp(TI, tmp_path, master=SAMPLE / MASTER_FILE)
    outcome = next(o for o in result.outcomes if o.path.name == head)
    assert Code.KASKADE_KONFLIK_INTERVENSI_HILANG not in {f.code for f in outcome.findings}
    rows = read_form(tmp_path / head, SKP_FORM).table("rhk").records()
    assert rows[: len(typed_rows)] == typed_rows  # what he typed, unchanged and first
    added = rows[len(typed_rows) :]
    assert outcome.added_rows == len(added) == 3
    assert sorted(str(r["rhk_pimpinan"]) for r in added) == ["IKU-2", "IKU-4", "IKU-9"]
    kuantitas = [(r["rhk_pimpinan"]) for r in rows if r["aspek"] == "kuantitas"]
    assert len(kuantitas) == len(set(kuantitas)), "one kuantitas IKI per IKU, not two"
    again = generate_skp(TI, tmp_path, master=SAMPLE / MASTER_FILE)
    assert next(o for o in again.outcomes if o.path.name == head).added_rows == 0
