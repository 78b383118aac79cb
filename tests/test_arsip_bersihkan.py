"""`arsip bersihkan`: retention never deletes by surprise. What would go is listed first
(`--coba` lists only), deleting needs a 'y' or `--ya`, and out-of-range years are refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_store import unit_submission
from xlkinerja.cli import app
from xlkinerja.store.archive import Archive

runner = CliRunner()
OLD = datetime(2015, 3, 1, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "arsip.sqlite")
    with Archive.open(path) as archive:
        archive.record(unit_submission("TI", {"a": 1}), compiled_at=OLD)
        archive.record(unit_submission("AK", {"a": 1}), compiled_at=OLD)
        archive.record(unit_submission("TI", {"a": 2}))  # now: kept
    return path


def _kept(db: str) -> dict[str, list[int]]:
    with Archive.open(db) as archive:
        return {u: [v.version for v in archive.versions(u)] for u in ("TI", "AK")}


ALL = {"TI": [1, 2], "AK": [1]}


def _bersihkan(db: str, *args: str, answer: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["arsip", "bersihkan", "--db", db, *args], input=answer)
    assert "Traceback" not in result.output
    assert "Kesalahan internal" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("years", ["0", "-1", "101", "999999999"])
def test_years_out_of_range_are_refused_and_nothing_is_deleted(db: str, years: str):
    code, _, err = _bersihkan(db, "--tahun-simpan", years, "--ya")
    assert code == 2
    assert "di luar 1–100" in err
    assert _kept(db) == ALL


def test_coba_lists_what_would_go_and_deletes_nothing(db: str):
    code, out, _ = _bersihkan(db, "--coba", "-f", "json")
    assert code == 0
    listed = json.loads(out)
    assert listed["dihapus"] == 0 and listed["uji_coba"] is True
    assert [(r["unit"], r["versi"]) for r in listed["akan_dihapus"]] == [("AK", 1), ("TI", 1)]
    assert _kept(db) == ALL
    code, _, err = _bersihkan(db, "--coba")
    assert "Uji coba: 2 versi" in err
    assert _kept(db) == ALL


def test_answering_t_deletes_nothing(db: str):
    code, _, err = _bersihkan(db, answer="t\n")
    assert code == 0
    assert "Hapus 2 versi ini dari arsip? [y/t]" in err
    assert "Dibatalkan" in err
    assert _kept(db) == ALL


def test_no_answer_in_a_script_is_a_usage_error(db: str):
    code, _, err = _bersihkan(db, answer="")
    assert code == 2
    assert "--ya" in err
    assert _kept(db) == ALL


def test_answering_y_deletes_the_listed_versions(db: str):
    code, _, err = _bersihkan(db, answer="y\n")
    assert code == 0
    assert "2 versi yang lebih tua dari 5 tahun dihapus." in err
    assert _kept(db) == {"TI": [2], "AK": []}


def test_ya_deletes_without_asking(db: str):
    code, out, _ = _bersihkan(db, "--ya", "-f", "json")
    assert code == 0
    assert json.loads(out) == {"dihapus": 2, "tahun_simpan": 5}
    assert _kept(db) == {"TI": [2], "AK": []}


def test_nothing_old_enough_asks_nothing(db: str):
    code, _, err = _bersihkan(db, "--tahun-simpan", "20")
    assert code == 0
    assert "Tidak ada versi yang lebih tua dari 20 tahun." in err
    assert _kept(db) == ALL


def test_only_the_versions_listed_are_deleted(db: str):
    with Archive.open(db) as archive:
        listed = archive.purgeable(5)
        assert archive.purge(5, only=[listed[0].submission_id]) == 1
        assert len(archive.purgeable(5)) == 1
