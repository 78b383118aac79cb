"""The server's API keys: made per unit of the master (jobs/kunci.py), only their hashes kept
for the server, checked by the server's KeyRing (server/keys.py)."""

from __future__ import annotations

import csv
import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from tests.coded import raises
from tests.conftest import SAMPLE
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.kunci import FORMAT, KEYS_FILE, hash_key, make_keys, read_keys
from xlkinerja.server.keys import KeyRing, presented_key

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
UNITS = ["TI", "TM", "AK", "P3M", "BAAK"]  # the sample master's unit list, in its order
NOW = datetime(2025, 3, 3, 9, 30)


def unit_keys(handout: Path) -> dict[str, str]:
    with handout.open(encoding="utf-8-sig", newline="") as rows:
        return {row["kode_unit"]: row["kunci"] for row in csv.DictReader(rows)}


def test_one_key_per_unit_of_the_master_and_only_hashes_for_the_server(tmp_path: Path):
    result = make_keys(MASTER, tmp_path, now=NOW)
    plain = unit_keys(result.handout)
    assert list(plain) == UNITS
    assert len(set(plain.values())) == len(UNITS)
    assert all(k.startswith("xlk_") and len(k) >= 40 for k in plain.values())
    stored = json.loads((tmp_path / KEYS_FILE).read_text(encoding="utf-8"))
    assert stored["format"] == FORMAT and stored["versi"] == 1 and stored["hash"] == "sha256"
    assert [u["kode"] for u in stored["unit"]] == UNITS
    assert stored["unit"][0]["nama"] == "Jurusan Teknik Informatika"
    assert stored["unit"][0]["dibuat"] == "2025-03-03T09:30:00"
    assert {u["kode"]: u["sha256"] for u in stored["unit"]} == {
        unit: hash_key(key) for unit, key in plain.items()
    }
    text = (tmp_path / KEYS_FILE).read_text(encoding="utf-8")
    assert not any(key in text for key in plain.values())
    assert result.handout.name == "kunci-unit-20250303-093000.csv"


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_the_handout_is_readable_by_its_owner_only(tmp_path: Path):
    result = make_keys(MASTER, tmp_path, now=NOW)
    assert stat.S_IMODE(result.handout.stat().st_mode) == 0o600


def test_a_lost_key_is_replaced_and_the_others_keep_theirs(tmp_path: Path):
    first = unit_keys(make_keys(MASTER, tmp_path, now=NOW).handout)
    again = make_keys(MASTER, tmp_path, units=["ti"], now=datetime(2025, 4, 1, 8, 0))
    assert [u for u, _ in again.made] == ["TI"] and again.kept == ["TM", "AK", "P3M", "BAAK"]
    new = unit_keys(again.handout)
    assert list(new) == ["TI"] and new["TI"] != first["TI"]
    ring = KeyRing.load(tmp_path / KEYS_FILE)
    assert ring.unit_for(new["TI"]) == "TI"
    assert ring.unit_for(first["TI"]) is None  # the lost one no longer opens
    assert ring.unit_for(first["AK"]) == "AK"
    assert (tmp_path / "kunci-unit-20250303-093000.csv").exists()  # the first handout kept


def test_a_unit_not_in_the_master_is_refused(tmp_path: Path):
    with raises(ErrorCode.KUNCI_UNIT_TIDAK_DIKENAL) as caught:
        make_keys(MASTER, tmp_path, units=["XX"])
    assert "XX" in caught.value.message
    assert not (tmp_path / KEYS_FILE).exists()


def test_the_keyring_finds_the_unit_of_a_key(tmp_path: Path):
    plain = unit_keys(make_keys(MASTER, tmp_path).handout)
    ring = KeyRing.load(tmp_path / KEYS_FILE)
    assert ring.units == UNITS
    for unit, key in plain.items():
        assert ring.unit_for(key) == unit
        assert ring.unit_for(f"Bearer {key}") == unit
        assert ring.unit_for(f"  bearer   {key} ") == unit
        assert ring.unit_for(key[:-1]) is None
    assert ring.unit_for(None) is None and ring.unit_for("") is None
    assert ring.unit_for(hash_key(plain["TI"])) is None  # the hash is no key


def test_presented_key():
    assert presented_key("Bearer abc") == "abc"
    assert presented_key("abc") == "abc"
    assert presented_key(None) == ""
    assert presented_key("Bearerabc") == "Bearerabc"


@pytest.mark.parametrize(
    "text",
    [
        "bukan json",
        "[]",
        '{"format": "lain"}',
        '{"format": "xlkinerja-kunci-server", "versi": 2, "hash": "sha256", "unit": []}',
        '{"format": "xlkinerja-kunci-server", "versi": 1, "hash": "sha256",'
        ' "unit": [{"kode": "TI", "sha256": "abc"}]}',
        '{"format": "xlkinerja-kunci-server", "versi": 1, "hash": "sha256",'
        f' "unit": [{{"kode": "TI", "sha256": "{"a" * 64}"}},'
        f' {{"kode": "TI", "sha256": "{"b" * 64}"}}]}}',
    ],
    ids=["text", "list", "format", "version", "short-hash", "twice"],
)
def test_a_file_that_is_not_a_keys_file_is_refused(tmp_path: Path, text: str):
    path = tmp_path / KEYS_FILE
    path.write_text(text, encoding="utf-8")
    with raises(ErrorCode.KUNCI_TIDAK_SAH):
        read_keys(path)


def test_a_missing_keys_file_says_how_to_make_one(tmp_path: Path):
    with raises(ErrorCode.KUNCI_TIDAK_ADA) as caught:
        KeyRing.load(tmp_path / "tidak-ada.json")
    assert "xlkinerja server kunci" in caught.value.hint  # how to make one
