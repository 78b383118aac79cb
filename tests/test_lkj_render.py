"""How the Laporan Kinerja's chapter III is rendered, read back from the written files: the
.docx passes the OOXML checker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLE
from xlkinerja.cli.app import app

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
STEM = "lkj-bab-iii-2025"
runner = CliRunner()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's chapter, with an empty archive."""
    tmp = tmp_path_factory.mktemp("lkj-render")
    result = runner.invoke(
        app,
        [
            "dokumen", "lkj", str(SAMPLE), "--master", str(MASTER),
            "-o", str(tmp / "out"), "--db", str(tmp / "arsip.sqlite"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return tmp / "out"


def audit(path: Path, *options: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", "-m", "0", *options, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    (result,) = json.loads(done.stdout)
    return dict(result)


@pytest.mark.parametrize("options", [(), ("--policy", "strict", "-f", "microsoft365")])
def test_every_docx_written_passes_the_ooxml_checker(out: Path, options: tuple[str, ...]):
    written = sorted(out.glob("*.docx"))
    assert [p.name for p in written] == [f"{STEM}.docx"]
    for path in written:
        result = audit(path, *options)
        assert (result["error_count"], result["warning_count"]) == (0, 0), result["errors"]
        verdict = result["verdict"]
        assert isinstance(verdict, dict)
        assert verdict["prediction"] == "opens-clean", verdict
