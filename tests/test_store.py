"""The archive (issue 5): the same tests on SQLite and on a real PostgreSQL server.

The PostgreSQL server is the session's throwaway cluster (tests/pg_server.py, fixtures
`postgres` and `db` from conftest.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import inspect, select, text

from tests.coded import raises
from tests.pg_server import free_port
from xlkinerja.errors import ErrorCode
from xlkinerja.store import Archive, ArchiveError, Submission, encode_submission, jsonvalue
from xlkinerja.store.cellcodec import GroupedCells
from xlkinerja.store.format import diff_rows, target_line, target_rows, version_rows
from xlkinerja.store.location import create_archive_engine, database_url, default_path
from xlkinerja.store.migrations import LATEST, _v1_tables, migrate
from xlkinerja.store.rowcodec import ColumnRows
from xlkinerja.store.tables import metadata


@pytest.fixture
def archive(db: str) -> Iterator[Archive]:
    with Archive.open(db) as opened:
        yield opened


# -- submissions to record ---------------------------------------------------------------------

T0 = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


def sha(text_: str) -> str:
    return hashlib.sha256(text_.encode()).hexdigest()


def unit_submission(
    unit: str = "TI",
    targets: dict[str, float] | None = None,
    *,
    status: str = "draft",
    tahun: int = 2026,
    content: str | None = None,
) -> Submission:
    """A unit workbook: its PK rows (code, target) and the cells they were read from."""
    targets = {"IKK-TI-1": 78, "IKK-TI-2": 5} if targets is None else targets
    rows = [
        {"kode_ikk": code, "indikator": f"Indikator {code}", "target": target}
        for code, target in targets.items()
    ]
    cells: dict[str, dict[str, object]] = {
        "PK!C4": {"value": unit, "field": "kode_unit", "label": "Kode unit"},
        "PK!C8": {"value": status, "field": "status", "label": "Status"},
    }
    for n, row in enumerate(rows):
        cells[f"PK!B{12 + n}"] = {
            "value": row["kode_ikk"],
            "field": "pk.kode_ikk",
            "label": "Kode IKK",
        }
        cells[f"PK!G{12 + n}"] = {"value": row["target"], "field": "pk.target", "label": "Target"}
    return Submission(
        unit=unit,
        kind="unit",
        file_name=f"{unit}-unit.xlsx",
        sha256=sha(content or f"{unit}{targets}{status}{tahun}"),
        status=status,
        tahun=tahun,
        rows={"pk": rows},
        cells=cells,
    )


# -- schema and migrations ---------------------------------------------------------------------


def test_fresh_database_is_at_latest_schema(archive: Archive) -> None:
    assert archive.schema_version() == LATEST
    with archive.engine.connect() as conn:
        applied = conn.execute(text("SELECT version FROM archive_schema ORDER BY version"))
        assert [v for (v,) in applied] == list(range(1, LATEST + 1))


def test_migrated_schema_matches_tables(archive: Archive) -> None:
    with archive.engine.connect() as conn:
        found = inspect(conn)
        for table in metadata.sorted_tables:
            assert {c["name"] for c in found.get_columns(table.name)} == set(table.c.keys())
            assert {i["name"] for i in found.get_indexes(table.name)} >= {
                i.name for i in table.indexes
            }


def test_open_twice_changes_nothing(db: str) -> None:
    Archive.open(db).close()
    with Archive.open(db) as archive:
        assert archive.schema_version() == LATEST


def test_older_schema_is_migrated_on_open(db: str) -> None:
    engine = create_archive_engine(db)
    assert migrate(engine, target=1) == 1
    md, data = _v1_tables()
    units, subs = md.tables["archive_units"], md.tables["archive_submissions"]
    with engine.begin() as conn:
        unit_id = conn.execute(
            units.insert().values(unit="TI", kind="unit", last_version=1).returning(units.c.id)
        ).scalar_one()
        sub_id = conn.execute(
            subs.insert().values(
                unit_id=unit_id, version=1, file_name="TI.xlsx", sha256=sha("v1"),
                status="draft", tahun=2025, compiled_at=T0, compiled_by="lama",
            ).returning(subs.c.id)
        ).scalar_one()  # fmt: skip
        conn.execute(
            data.insert().values(
                submission_id=sub_id, rows={"pk": [{"kode_ikk": "IKK-TI-1"}] * 3}, cells={}
            )
        )
    engine.dispose()

    with Archive.open(db) as archive:
        assert archive.schema_version() == LATEST
        [old] = archive.versions("TI")
        assert (old.version, old.rows_count, old.compiled_by) == (1, 3, "lama")
        assert archive.record(unit_submission(tahun=2025)).version == 2


def test_newer_schema_is_refused(db: str) -> None:
    Archive.open(db).close()
    engine = create_archive_engine(db)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO archive_schema VALUES (99, 'dari masa depan', :t)"),
            {"t": T0.replace(tzinfo=None)},
        )
    engine.dispose()
    with raises(ErrorCode.ARSIP_SKEMA_LEBIH_BARU, ArchiveError) as caught:
        Archive.open(db)
    assert "versi 99" in caught.value.message  # the version found


# -- recording and versions --------------------------------------------------------------------


def test_record_gives_version_1(archive: Archive) -> None:
    result = archive.record(unit_submission(), compiled_at=T0, compiled_by="perencanaan")
    assert (result.version, result.new) == (1, True)
    [info] = archive.versions("TI")
    assert (info.unit, info.kind, info.version, info.status, info.tahun) == (
        "TI", "unit", 1, "draft", 2026,
    )  # fmt: skip
    assert (info.compiled_at, info.compiled_by, info.rows_count) == (T0, "perencanaan", 2)
    assert info.submission_id == result.submission_id


def test_same_bytes_are_recorded_once(archive: Archive) -> None:
    first = archive.record(unit_submission(), compiled_at=T0)
    again = archive.record(unit_submission(), compiled_at=T0 + timedelta(days=1))
    assert again == type(first)(version=1, new=False, submission_id=first.submission_id)
    assert len(archive.versions("TI")) == 1


def test_changed_file_becomes_version_2_and_both_are_kept(archive: Archive) -> None:
    v1 = unit_submission()
    v2 = unit_submission(targets={"IKK-TI-1": 80, "IKK-TI-2": 5}, status="diajukan")
    archive.record(v1, compiled_at=T0)
    result = archive.record(v2, compiled_at=T0 + timedelta(days=3))
    assert (result.version, result.new) == (2, True)
    assert [v.version for v in archive.versions("TI")] == [1, 2]
    assert archive.get("TI", 1) == v1
    assert archive.get("TI", 2) == v2
    assert archive.get("TI") == v2  # latest
    # Going back to the first file's bytes is a change too: version 3.
    assert archive.record(v1).version == 3


def test_record_many_in_one_batch(archive: Archive) -> None:
    batch = [unit_submission(f"U{n:03}") for n in range(120)]
    batch.append(unit_submission("U000"))  # the same bytes twice in one batch
    batch.append(unit_submission("U001", targets={"IKK-U001-1": 1}))  # changed in the batch
    results = archive.record_many(batch, compiled_at=T0, compiled_by="batch")
    assert [r.version for r in results[:120]] == [1] * 120
    assert all(r.new for r in results[:120])
    assert (results[120].version, results[120].new) == (1, False)
    assert results[120].submission_id == results[0].submission_id
    assert (results[121].version, results[121].new) == (2, True)
    assert len(archive.submissions()) == 120
    again = archive.record_many(batch[:120])
    # Only U001 changed since (its latest is the batch's second file).
    assert [r.new for r in again] == [n == 1 for n in range(120)]
    assert archive.record_many([]) == []


def test_concurrent_recorders_never_share_a_version(db: str) -> None:
    Archive.open(db).close()

    def work(worker: int) -> list[int]:
        with Archive.open(db) as archive:
            return [
                archive.record(unit_submission("TI", {f"w{worker}": n})).version for n in range(8)
            ]

    with ThreadPoolExecutor(max_workers=4) as pool:
        given = [v for versions in pool.map(work, range(4)) for v in versions]
    assert sorted(given) == list(range(1, 33))
    with Archive.open(db) as archive:
        assert [v.version for v in archive.versions("TI")] == list(range(1, 33))


def test_unit_keeps_its_kind(archive: Archive) -> None:
    archive.record(unit_submission())
    skp = Submission("TI", "skp", "skp.xlsx", sha("skp"), None, 2026, {}, {})
    with raises(ErrorCode.ARSIP_UNIT_JENIS_BEDA, ArchiveError):
        archive.record(skp)


def test_programming_errors_are_refused(archive: Archive) -> None:
    bad_sha = Submission("TI", "unit", "TI.xlsx", "abc", None, None, {}, {})
    with pytest.raises(ValueError, match="sha256"):
        archive.record(bad_sha)
    with pytest.raises(ValueError, match="kind"):
        archive.record(Submission("TI", "pk", "TI.xlsx", sha("x"), None, None, {}, {}))
    assert archive.versions("TI") == []  # nothing half-recorded


# -- diff --------------------------------------------------------------------------------------


def test_diff_lists_exactly_the_changed_cells(archive: Archive) -> None:
    archive.record(unit_submission(targets={"IKK-TI-1": 78, "IKK-TI-2": 5, "IKK-TI-3": 1}))
    archive.record(
        unit_submission(targets={"IKK-TI-1": 80, "IKK-TI-2": 5.0, "IKK-TI-4": 2}, status="diajukan")
    )
    changes = archive.diff("TI", 1, 2)
    assert [(c.cell, c.field, c.old, c.new) for c in changes] == [
        ("PK!C8", "status", "draft", "diajukan"),
        ("PK!G12", "pk.target", 78, 80),  # 5 → 5.0 is no change
        ("PK!B14", "pk.kode_ikk", "IKK-TI-3", "IKK-TI-4"),
        ("PK!G14", "pk.target", 1, 2),
    ]
    assert diff_rows(changes)[1] == {"sel": "PK!G12", "kolom": "Target", "lama": 78, "baru": 80}
    assert archive.diff("TI", 2, 2) == []


def test_target_changes_per_indicator(archive: Archive) -> None:
    archive.record(unit_submission(targets={"IKK-TI-1": 78, "IKK-TI-2": 5, "IKK-TI-3": 1}))
    archive.record(unit_submission(targets={"IKK-TI-1": 80, "IKK-TI-2": 5, "IKK-TI-4": 2}))
    changes = archive.target_changes("TI", 1, 2)
    assert [target_line(c) for c in changes] == [
        "IKK-TI-1 target 78 → 80",
        "IKK-TI-4 target (kosong) → 2",
        "IKK-TI-3 target 1 → (kosong)",
    ]
    assert target_rows(changes)[0] == {
        "tabel": "pk", "kode": "IKK-TI-1", "kolom": "target", "lama": 78, "baru": 80,
    }  # fmt: skip


def _column_wise(targets: dict[str, float | None]) -> Submission:
    """The TI workbook as kompilasi hands it over: rows and cells column-wise."""
    codes = list(targets)
    rows = ColumnRows({"pk": (["kode_ikk", "target"], [codes, list(targets.values())])})
    filled = [(12 + n, t) for n, t in enumerate(targets.values()) if t is not None]
    cells = GroupedCells(
        [
            {"field": "kode_unit", "label": "Kode unit", "values": {"PK!C4": "TI"}},
            {"field": "pk.target", "label": "Target", "sheet": "PK", "column": "G",
             "rows": [r for r, _ in filled], "values": [t for _, t in filled]},
        ]
    )  # fmt: skip
    return Submission("TI", "unit", "TI.xlsx", sha(str(targets)), "draft", 2026, rows, cells)


def test_rows_and_cells_given_column_wise(archive: Archive) -> None:
    given = _column_wise({"IKK-TI-1": 78, "IKK-TI-2": None})
    archive.record(given, compiled_at=T0)
    got = archive.get("TI")
    assert got.rows == {
        "pk": [{"kode_ikk": "IKK-TI-1", "target": 78}, {"kode_ikk": "IKK-TI-2", "target": None}]
    }
    assert got.cells == {
        "PK!C4": {"value": "TI", "field": "kode_unit", "label": "Kode unit"},
        "PK!G12": {"value": 78, "field": "pk.target", "label": "Target"},
    }
    assert got == given  # the column-wise mappings read like the plain ones
    assert archive.versions("TI")[0].rows_count == 2
    # Versions stored in either form compare with each other.
    plain = Submission(
        "TI", "unit", "TI.xlsx", sha("plain"), "draft", 2026,
        {"pk": [{"kode_ikk": "IKK-TI-1", "target": 80}, {"kode_ikk": "IKK-TI-2", "target": 4}]},
        {"PK!C4": {"value": "TI", "field": "kode_unit", "label": "Kode unit"},
         "PK!G12": {"value": 80, "field": "pk.target", "label": "Target"},
         "PK!G13": {"value": 4, "field": "pk.target", "label": "Target"}},
    )  # fmt: skip
    archive.record(plain)
    assert [target_line(c) for c in archive.target_changes("TI", 1, 2)] == [
        "IKK-TI-1 target 78 → 80",
        "IKK-TI-2 target (kosong) → 4",
    ]
    assert [(c.cell, c.old, c.new) for c in archive.diff("TI", 1, 2)] == [
        ("PK!G12", 78, 80),
        ("PK!G13", None, 4),
    ]


def test_column_wise_mappings_refuse_ragged_columns() -> None:
    with pytest.raises(ValueError, match="one column per key"):
        ColumnRows({"pk": (["a", "b"], [[1, 2], [3]])})
    with pytest.raises(ValueError, match="one value per row"):
        GroupedCells([{"sheet": "PK", "column": "G", "rows": [1, 2], "values": [1]}])


def test_diff_of_a_missing_version_says_what_is_kept(archive: Archive) -> None:
    archive.record(unit_submission())
    with raises(ErrorCode.ARSIP_VERSI_TIDAK_ADA, ArchiveError) as caught:
        archive.diff("TI", 1, 7)
    assert caught.value.hint.endswith(": 1.")  # the versions kept
    with raises(ErrorCode.ARSIP_UNIT_TIDAK_ADA, ArchiveError):
        archive.diff("XX", 1, 2)


# -- listing -----------------------------------------------------------------------------------


def test_submissions_filtering(archive: Archive) -> None:
    archive.record(unit_submission("AK", tahun=2025))
    archive.record(unit_submission("TI", tahun=2025))
    archive.record(unit_submission("TI", {"IKK-TI-1": 1}, tahun=2026))
    archive.record(unit_submission("TI", {"IKK-TI-1": 2}, tahun=2026))
    master = Submission("master", "master", "master.xlsx", sha("m"), None, 2026, {}, {})
    archive.record(master)

    def listed(unit: str | None = None, tahun: int | None = None) -> list[tuple[str, int]]:
        return [(v.unit, v.version) for v in archive.submissions(unit, tahun)]

    assert listed() == [("AK", 1), ("TI", 3), ("master", 1)]
    assert listed(tahun=2025) == [("AK", 1), ("TI", 1)]
    assert listed(tahun=2026) == [("TI", 3), ("master", 1)]
    assert listed("TI") == [("TI", 3)]
    assert listed("TI", 2025) == [("TI", 1)]
    assert listed("P3M") == []
    rows = version_rows(archive.submissions("AK"), tz=UTC)
    assert list(rows[0]) == [
        "unit", "versi", "berkas", "sha256", "status", "tahun", "dikompilasi", "oleh", "baris",
    ]  # fmt: skip
    assert rows[0]["versi"] == 1 and rows[0]["baris"] == 2


# -- retention ---------------------------------------------------------------------------------


def test_purge_by_age(archive: Archive) -> None:
    now = datetime(2031, 6, 1, tzinfo=UTC)
    archive.record(unit_submission("TI", {"a": 1}), compiled_at=datetime(2025, 5, 31, tzinfo=UTC))
    archive.record(unit_submission("TI", {"a": 2}), compiled_at=datetime(2026, 5, 31, tzinfo=UTC))
    archive.record(unit_submission("TI", {"a": 3}), compiled_at=datetime(2026, 6, 2, tzinfo=UTC))
    archive.record(unit_submission("AK"), compiled_at=datetime(2024, 1, 1, tzinfo=UTC))

    assert archive.purge(now=now) == 3  # default: 5 years
    assert [v.version for v in archive.versions("TI")] == [3]
    assert archive.versions("AK") == []
    assert archive.purge(now=now) == 0
    # Version numbers are never given twice, even after a purge.
    assert archive.record(unit_submission("AK")).version == 2
    assert archive.purge(10, now=now) == 0


# -- values ------------------------------------------------------------------------------------


def test_unicode_and_dates_round_trip(archive: Archive) -> None:
    rows: dict[str, list[dict[str, object]]] = {
        "tim": [
            {"nip": "198703152010122001", "nama": "Ni Luh Putu Ayu Kusumawardhani, S.Kom., M.T."},
            {"nip": "197912012005011002", "nama": "Muh. Ma'ruf Siregar", "aktif": True},
            {"nip": "199001012015041003", "nama": "Dr. Ir. Ḥasan Nasution — “Ketua Jurusan” 🎓"},
        ],
        "jadwal": [{"tanggal": "2026-01-02", "waktu": "2026-03-31T16:30:00", "nilai": 0.1}],
    }
    cells: dict[str, dict[str, object]] = {
        "Tim!C5": {"value": "Ni Luh Putu Ayu Kusumawardhani, S.Kom., M.T."},
        "'Rencana Aksi'!D12": {"value": "2026-01-02", "label": "Tanggal diajukan"},
        "PK!H12": {"value": 0},
    }
    submission = Submission(
        "P3M", "unit", "P3M-pusat-penelitian.xlsx", sha("p3m"), "disahkan", 2026, rows, cells
    )
    archive.record(submission, compiled_by="Dra. Sri Wahyuningsih")
    assert archive.get("P3M") == submission
    assert archive.versions("P3M")[0].compiled_by == "Dra. Sri Wahyuningsih"


def test_cells_of_any_shape_round_trip(archive: Archive) -> None:
    cells = {
        "PK!A1": {"value": 1, "field": "pk.target", "label": "Target"},
        "PK!A2": {"value": None},
        "PK!A3": {"value": 2, "label": "Target"},
        "PK!A4": {"value": 3, "field": 4},  # not text: kept as it is
        "PK!A5": {"value": 5, "catatan": "lain"},
        "PK!A6": {"field": "pk.target"},
        "PK!A7": 7,  # a bare value
    }
    archive.record(Submission("TI", "unit", "TI.xlsx", sha("c"), None, None, {}, cells))  # type: ignore[arg-type]
    assert archive.get("TI").cells == cells


def test_values_json_cannot_hold_are_made_plain(archive: Archive) -> None:
    rows = {"pk": [{"tanggal": date(2026, 1, 2), "target": float("nan"), "teks": "a\x00b"}]}
    archive.record(Submission("TI", "unit", "TI.xlsx", sha("x"), None, None, rows, {}))
    assert archive.get("TI").rows == {
        "pk": [{"tanggal": "2026-01-02", "target": None, "teks": "ab"}]
    }


def test_a_submission_serialised_ahead_is_recorded_the_same(archive: Archive) -> None:
    """kompilasi serialises in the worker process; what is stored must not differ."""
    plain = unit_submission("TI")
    ahead = encode_submission(unit_submission("TM"))
    mixed = archive.record_many([plain, ahead, encode_submission(plain)], compiled_at=T0)
    assert [(r.version, r.new) for r in mixed] == [(1, True), (1, True), (1, False)]
    tm = archive.get("TM")
    assert (tm.rows, tm.cells) == (unit_submission("TM").rows, unit_submission("TM").cells)
    assert archive.versions("TM")[0].rows_count == unit_submission("TM").rows_count
    odd = Submission(
        "AK", "unit", "AK.xlsx", sha("ak"), None, None,
        {"pk": [{"tanggal": date(2026, 1, 2), "target": float("nan"), "teks": "a\x00b"}]},
        {"PK!A1": {"value": 1, "field": "pk.target"}, "PK!A7": 7},
    )  # fmt: skip
    archive.record(encode_submission(odd))
    assert archive.get("AK").rows == {
        "pk": [{"tanggal": "2026-01-02", "target": None, "teks": "ab"}]
    }
    assert archive.get("AK").cells == odd.cells


# -- where the archive lives -------------------------------------------------------------------


def test_database_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    url = database_url("postgresql://kinerja:rahasia@db.kampus.ac.id/arsip")
    assert url.drivername == "postgresql+psycopg" and url.database == "arsip"
    assert database_url("postgres://h/a").drivername == "postgresql+psycopg"
    assert database_url(tmp_path / "a.sqlite").database == str(tmp_path / "a.sqlite")
    monkeypatch.setenv("XLKINERJA_DB", str(tmp_path / "env.sqlite"))
    assert database_url().database == str(tmp_path / "env.sqlite")
    monkeypatch.delenv("XLKINERJA_DB")
    assert database_url().database == str(default_path())
    assert default_path().name == "arsip.sqlite" and "xlkinerja" in str(default_path())
    with raises(ErrorCode.ARSIP_JENIS_TIDAK_DIDUKUNG, ArchiveError):
        database_url("mysql://h/a")


def test_default_location_is_created(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XLKINERJA_DB", str(tmp_path / "baru" / "folder" / "arsip.sqlite"))
    with Archive.open() as archive:
        assert archive.schema_version() == LATEST
    assert (tmp_path / "baru" / "folder" / "arsip.sqlite").is_file()


def test_unreachable_server_is_a_user_error() -> None:
    port = free_port()  # nothing listens there
    with raises(ErrorCode.ARSIP_TIDAK_DAPAT_DIPAKAI, ArchiveError) as caught:
        Archive.open(f"postgresql://kinerja:rahasia@127.0.0.1:{port}/arsip")
    assert "rahasia" not in str(caught.value)


def test_naive_times_are_local_time(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a.sqlite") as archive:
        naive = datetime(2026, 1, 15, 9, 0)
        archive.record(unit_submission(), compiled_at=naive)
        assert archive.versions("TI")[0].compiled_at == naive.astimezone(UTC)
        with archive.engine.connect() as conn:
            assert conn.execute(select(text("count(*) FROM archive_data"))).scalar_one() == 1


def test_grouped_cells_read_and_encode_like_plain_cells():
    from xlkinerja.store.cellcodec import GroupedCells, decode, encode

    plain = {
        "PK!G22": {"value": 78, "field": "pk.target", "label": "Target"},
        "PK!G23": {"value": 80, "field": "pk.target", "label": "Target"},
        "PK!B5": {"value": "TI", "field": "_isian.kode_unit", "label": "Kode unit"},
    }
    grouped = GroupedCells(
        [
            {"field": "pk.target", "label": "Target", "values": {"PK!G22": 78, "PK!G23": 80}},
            {"field": "_isian.kode_unit", "label": "Kode unit", "values": {"PK!B5": "TI"}},
        ]
    )
    assert dict(grouped) == plain
    assert decode(encode(grouped)) == plain == decode(encode(plain))


_JSONISH = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(),
        st.text(alphabet=st.characters(codec="utf-8")),
        st.dates(),
        st.datetimes(),
        st.times(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(_JSONISH)
def test_fast_json_text_means_what_the_plain_path_means(value: object) -> None:
    """orjson's text (the fast path) reads back as the plain path's text: NaN/infinity null,
    dates ISO, NUL dropped, big integers kept."""
    assert json.loads(jsonvalue.dumps(value)) == json.loads(jsonvalue.slow_dumps(value))
    assert "\\u0000" not in jsonvalue.dumps(value)
