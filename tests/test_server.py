"""The server mode (issue 12): the add-in's calls through the real HTTP server on loopback.

Requests are the bodies xlwings' VBA client sends (tests/vba_payload.py); the server runs in
a thread of this process (`serving`), or as the `xlkinerja server` command in its own
process. A 200 answer must be what `run_action` gives on the same payload directly; every
refusal is Indonesian text (the VBA shows it in a message box) and one log line.
"""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine (pro)

import json
import logging
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import xlwings as xw
from typer.testing import CliRunner

from tests.coded import error_code, raises, refused
from tests.conftest import SAMPLE
from tests.pg_server import PostgresCluster
from tests.server_harness import (
    body_of,
    call_concurrently,
    command_log,
    command_server,
    comparable,
    headers,
    post,
    unit_keys,
)
from tests.test_excel_actions import vba_client_actions
from tests.vba_payload import payload, set_cell
from xlkinerja.cli import app as cli_app
from xlkinerja.errors import ErrorCode
from xlkinerja.excel import ACTIONS, ActionContext, Mode, run_action
from xlkinerja.excel.registry import action as register
from xlkinerja.jobs.kunci import make_keys
from xlkinerja.jobs.summary import Summary
from xlkinerja.server import ServerConfig, create_app, serving
from xlkinerja.server.remote import request_book
from xlkinerja.server.unduhan import Downloads

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
UNIT_BOOKS = {
    "TI": SAMPLE / "TI-jurusan-teknik-informatika.xlsx",
    "TM": SAMPLE / "TM-jurusan-teknik-mesin.xlsx",
    "AK": SAMPLE / "AK-jurusan-akuntansi.xlsx",
    "P3M": SAMPLE / "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx",
}
WORKBOOKS = sorted(p for p in SAMPLE.glob("*.xlsx") if p != MASTER)
TI = UNIT_BOOKS["TI"]
P3M = UNIT_BOOKS["P3M"]  # no finding with the master: kirim records it
KIRIM = "kirim"
FOR_A_UNIT = {KIRIM}  # actions that write for the key's unit: a second run differs


def clean_ti() -> dict[str, Any]:
    """TI's request with its planted galat fixed (IKK-TI-6 names IKU-9, which the master does
    not have), as tests/test_kirim.py does: kirim records it."""
    return set_cell(payload(TI), "PK", "H28", "IKU-6")


def encoded(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode("utf-8")


def unit_of(path: Path) -> str:
    """The unit a sample workbook belongs to: TI-....xlsx, skp-TI-....xlsx."""
    name = path.name.removeprefix("skp-")
    return name.split("-", 1)[0]


@dataclass(frozen=True)
class Keys:
    file: Path
    of: dict[str, str]  # unit → plain key


@dataclass(frozen=True)
class Served:
    url: str
    config: ServerConfig


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    made = make_keys(MASTER, tmp_path_factory.mktemp("kunci"))
    return Keys(made.keys_file, unit_keys(made.handout))


def server_config(keys: Keys, folder: Path, db: str | None = None, **options: Any) -> ServerConfig:
    return ServerConfig(
        master=MASTER,
        keys=keys.file,
        db=db or str(folder / "arsip.sqlite"),
        rekap=folder / "rekap",
        **options,
    )


@pytest.fixture(scope="module")
def served(keys: Keys, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    config = server_config(keys, tmp_path_factory.mktemp("server"))
    with serving(create_app(config)) as url:
        yield Served(url, config)


@pytest.fixture(scope="module")
def small(keys: Keys, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A server whose size limit (20 KB) is below a unit workbook's request (~47 KB)."""
    config = server_config(keys, tmp_path_factory.mktemp("small"), max_body_bytes=20_000)
    with serving(create_app(config)) as url:
        yield Served(url, config)


@pytest.fixture
def client(served: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.url, timeout=120) as opened:
        yield opened


def direct(action: str, path: Path, unit: str, config: ServerConfig) -> dict[str, Any]:
    """What `run_action` answers for the workbook at `path` without HTTP, in the context the
    server gives an action called with `unit`'s key."""
    context = ActionContext(
        mode=Mode.SERVER,
        master=config.master,
        db=config.db,
        unit=unit,
        reports=config.rekap,
        publish=Downloads().publisher(unit),
        settings={"MODE": "server", "UNIT": unit},
    )
    with request_book(payload(path)) as book:
        run_action(action, book, context)
        return dict(book.json())


def alert_of(response: httpx.Response) -> list[Any]:
    last = response.json()["actions"][-1]
    assert last["func"] == "alert"
    return list(last["args"])


def server_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, str]]:
    """The server's log lines as key=value fields."""
    return [
        dict(part.split("=", 1) for part in r.getMessage().split())
        for r in caplog.records
        if r.name == "xlkinerja.server"
    ]


# -- answers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_validasi_over_http_answers_what_run_action_gives(
    client: httpx.Client, served: Served, keys: Keys, path: Path
):
    unit = unit_of(path)
    response = post(client, "validasi", body_of(path), keys.of[unit])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert comparable(response.json()) == comparable(direct("validasi", path, unit, served.config))


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_every_action_runs_over_http(client: httpx.Client, served: Served, keys: Keys, name: str):
    response = post(client, name, body_of(TI), keys.of["TI"])
    assert response.status_code == 200, response.text
    actions = response.json()["actions"]
    assert {a["func"] for a in actions} <= vba_client_actions() | {"alert"}
    alert_of(response)  # every action ends by telling the user
    if name not in FOR_A_UNIT:  # a second run of those would find its first one's record
        assert comparable(response.json()) == comparable(direct(name, TI, "TI", served.config))


def test_kesehatan_names_the_versions(client: httpx.Client):
    response = client.get("/kesehatan")
    assert response.status_code == 200
    assert response.json()["xlwings"] == xw.__version__
    assert response.json()["status"] == "ok"


# -- refusals -----------------------------------------------------------------------------------


def test_a_call_without_a_key_is_refused(client: httpx.Client):
    for key in (None, ""):
        response = post(client, "validasi", body_of(TI), key)
        refused(response, 401, ErrorCode.SERVER_KUNCI_KOSONG)
        assert response.headers["www-authenticate"].startswith("Bearer")
    # The wording users act on: where the key goes.
    assert "AUTH" in response.text and "belum diisi" in response.text


def test_an_unknown_key_is_refused(client: httpx.Client, keys: Keys):
    ti = keys.of["TI"]
    for key in (ti[:-1] + ("A" if ti[-1] != "A" else "B"), ti + "x", "rahasia", ti.upper()):
        response = post(client, "validasi", body_of(TI), key)
        refused(response, 401, ErrorCode.SERVER_KUNCI_TIDAK_DIKENAL)


def test_the_key_may_come_with_the_bearer_scheme(client: httpx.Client, keys: Keys):
    response = post(client, "tentang", body_of(TI), f"Bearer {keys.of['TI']}")
    assert response.status_code == 200


def test_a_body_over_the_limit_is_refused_by_its_declared_length(small: Served, keys: Keys):
    with httpx.Client(base_url=small.url, timeout=60) as client:
        response = post(client, "validasi", body_of(TI), keys.of["TI"])
    refused(response, 413, ErrorCode.SERVER_TERLALU_BESAR)
    assert f"({round(len(body_of(TI)) / 1024)} KB); batasnya 20 KB" in response.text  # sizes


def test_a_body_over_the_limit_is_refused_before_it_is_read(small: Served, keys: Keys):
    """A declared length over the limit is answered at once: the server does not wait for
    (or read) the body, here 1 GB never sent."""
    host, port = small.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=20) as sock:
        sock.sendall(
            b"POST /xlwings/validasi HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Authorization: " + keys.of["TI"].encode() + b"\r\n"
            b"Content-Length: 1000000000\r\n\r\n{"
        )
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer


def test_a_body_without_length_is_refused_once_read_past_the_limit(small: Served, keys: Keys):
    body = body_of(TI)
    chunks = (body[i : i + 4096] for i in range(0, len(body), 4096))  # sent chunked
    with httpx.Client(base_url=small.url, timeout=60) as client:
        response = client.post("/xlwings/validasi", content=chunks, headers=headers(keys.of["TI"]))
    refused(response, 413, ErrorCode.SERVER_TERLALU_BESAR)


def test_a_client_of_another_xlwings_version_is_told_to_update_the_add_in(
    client: httpx.Client, keys: Keys
):
    old = payload(TI)
    old["version"] = "0.30.0"
    response = post(client, "validasi", json.dumps(old).encode(), keys.of["TI"])
    refused(response, 400, ErrorCode.SERVER_VERSI_ADDIN_BEDA)
    assert "0.30.0" in response.text and xw.__version__ in response.text


def test_an_unknown_action_is_404(client: httpx.Client, keys: Keys):
    response = post(client, "tidak_ada", body_of(TI), keys.of["TI"])
    refused(response, 404, ErrorCode.SERVER_TOMBOL_TIDAK_DIKENAL)
    assert "'tidak_ada'" in response.text
    assert post(client, "tidak_ada", body_of(TI), None).status_code == 401  # the key first


@pytest.mark.parametrize(
    "body",
    [b"{", b"", b"[1, 2]", b'"teks"', b'{"client": "VBA"}', b"\xff\xfe"],
    ids=["cut", "empty", "list", "string", "no-version", "not-utf8"],
)
def test_what_is_not_the_add_ins_json_is_400(client: httpx.Client, keys: Keys, body: bytes):
    response = post(client, "validasi", body, keys.of["TI"])
    refused(response, 400, ErrorCode.SERVER_BUKAN_BUKU_KERJA)


@pytest.mark.parametrize(
    "change",
    [
        lambda body: body.update(book={}),
        lambda body: body.update(sheets=[]),
        lambda body: body.pop("names"),
        lambda body: body["sheets"][0].pop("values"),
        lambda body: body["sheets"][1].update(tables=None),
        lambda body: body.pop("client"),
    ],
    ids=["book", "no-sheets", "names", "values", "tables", "client"],
)
def test_json_shaped_otherwise_than_the_add_ins_is_400(
    client: httpx.Client, keys: Keys, change: Any, caplog: pytest.LogCaptureFixture
):
    body = payload(TI)
    change(body)
    response = post(client, "validasi", json.dumps(body).encode(), keys.of["TI"])
    refused(response, 400, ErrorCode.SERVER_BUKAN_BUKU_KERJA)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_other_addresses_and_methods_answer_in_indonesian(client: httpx.Client):
    refused(client.get("/xlwings/validasi"), 405, ErrorCode.SERVER_HANYA_POST)
    refused(client.get("/tidak-ada"), 404, ErrorCode.SERVER_ALAMAT_TIDAK_ADA)


# -- log ----------------------------------------------------------------------------------------


def test_one_log_line_per_call_without_keys_or_contents(
    client: httpx.Client, small: Served, keys: Keys, caplog: pytest.LogCaptureFixture, tmp_path
):
    import openpyxl

    foreign = tmp_path / "Buku1.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "anggaran rahasia"  # type: ignore[index]
    workbook.save(foreign)
    old = payload(TI)
    old["version"] = "0.30.0"
    caplog.set_level(logging.INFO, logger="xlkinerja.server")
    post(client, "validasi", body_of(TI), keys.of["TI"])
    post(client, "validasi", body_of(foreign), keys.of["AK"])
    post(client, "validasi", body_of(TI), None)
    post(client, "validasi", body_of(TI), "Bearer salah")
    post(client, "tidak_ada", body_of(TI), keys.of["TM"])
    post(client, "validasi", json.dumps(old).encode(), keys.of["TI"])
    with httpx.Client(base_url=small.url, timeout=60) as other:
        post(other, "validasi", body_of(TI), keys.of["TI"])
    lines = server_lines(caplog)
    assert [(x["unit"], x["action"], x["outcome"], x["status"]) for x in lines] == [
        ("TI", "validasi", "ok", "200"),
        ("AK", "validasi", "galat", "200"),
        ("-", "validasi", "401", "401"),
        ("-", "validasi", "401", "401"),
        ("TM", "tidak_ada", "404", "404"),
        ("TI", "validasi", "400", "400"),
        ("-", "validasi", "413", "413"),
    ]
    assert all(float(x["ms"]) >= 0 and x["client"] == "127.0.0.1" for x in lines)
    text = caplog.text
    assert not any(key in text for key in keys.of.values())
    assert "salah" not in text and "anggaran" not in text and "Teknik Informatika" not in text


def test_a_forged_action_name_cannot_forge_a_log_line(
    client: httpx.Client, keys: Keys, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.INFO, logger="xlkinerja.server")
    post(client, "x%0Aunit=AK%20outcome=ok", body_of(TI), keys.of["TI"])
    (line,) = [r.getMessage() for r in caplog.records if r.name == "xlkinerja.server"]
    assert "\n" not in line and line.count("unit=") == 1 and "outcome=404" in line


# -- the unit of a call -------------------------------------------------------------------------


@dataclass(frozen=True)
class Said:
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"teks": self.text}

    def summary(self) -> Summary:
        out = Summary()
        out.line(self.text)
        return out

    def notes(self) -> Summary:
        return Summary()


@pytest.fixture
def unit_probe() -> Iterator[str]:
    """A stand-in action, registered for one test, that says which unit it runs as."""
    name = "uji_unit"

    @register(name)
    def probe(book: Any, context: ActionContext) -> Said:
        return Said(f"unit={context.unit}; buku={book.name}")

    yield name
    ACTIONS.pop(name)


def test_an_action_runs_as_the_unit_of_the_key_not_of_the_workbook(
    client: httpx.Client, keys: Keys, unit_probe: str
):
    """A unit's key sent with another unit's workbook: the action is told the key's unit —
    an action that writes for a unit (kirim) compares it with the workbook's."""
    response = post(client, unit_probe, body_of(UNIT_BOOKS["AK"]), keys.of["TI"])
    assert alert_of(response)[0] == f"unit=TI; buku={UNIT_BOOKS['AK'].name}"
    response = post(client, unit_probe, body_of(UNIT_BOOKS["AK"]), keys.of["AK"])
    assert alert_of(response)[0] == f"unit=AK; buku={UNIT_BOOKS['AK'].name}"


def test_kirim_of_another_units_workbook_is_refused_and_of_its_own_recorded(
    client: httpx.Client, served: Served, keys: Keys, caplog: pytest.LogCaptureFixture
):
    """TI's key with AK's workbook: refused in a message box, nothing archived; P3M's key
    with P3M's workbook: recorded as P3M's version 1."""
    from xlkinerja.store import Archive

    caplog.set_level(logging.INFO, logger="xlkinerja.server")
    refused = post(client, KIRIM, body_of(UNIT_BOOKS["AK"]), keys.of["TI"])
    assert refused.status_code == 200
    text, _title, _buttons, mode, *_ = alert_of(refused)
    assert mode == "critical" and error_code(text) == ErrorCode.KIRIM_UNIT_LAIN
    assert "unit AK" in text and "unit TI" in text
    assert server_lines(caplog)[-1]["outcome"] == "galat"
    with Archive.open(served.config.db) as archive:
        assert archive.versions("AK") == []
    accepted = post(client, KIRIM, body_of(P3M), keys.of["P3M"])
    assert accepted.status_code == 200
    text, _title, _buttons, mode, *_ = alert_of(accepted)
    assert mode != "critical" and "versi 1 unit P3M" in text
    assert server_lines(caplog)[-1]["outcome"] == "ok"
    with Archive.open(served.config.db) as archive:
        (version,) = archive.versions("P3M")
        assert version.compiled_by == "kirim:P3M"


# -- many calls at once, archive on PostgreSQL --------------------------------------------------


@pytest.fixture(scope="module")
def on_postgres(
    keys: Keys,
    postgres: PostgresCluster,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Served]:
    config = server_config(keys, tmp_path_factory.mktemp("pg"), db=postgres.new_database())
    with serving(create_app(config)) as url:
        yield Served(url, config)


def twenty_calls(keys: Keys) -> tuple[list[str], list[tuple[str | None, bytes]]]:
    """20 calls: each sample unit's own workbook with its own key, five times over."""
    units = list(UNIT_BOOKS) * 5
    bodies = {unit: body_of(path) for unit, path in UNIT_BOOKS.items()}
    return units, [(keys.of[unit], bodies[unit]) for unit in units]


def test_20_concurrent_validasi_calls_all_answered_each_with_its_own_workbook(
    on_postgres: Served, keys: Keys, caplog: pytest.LogCaptureFixture
):
    """Each answer is its own workbook's, not another call's: the remote engine's marks and
    message go to the App's active book, so every call has an App of its own."""
    caplog.set_level(logging.INFO, logger="xlkinerja.server")
    units, calls = twenty_calls(keys)
    responses = call_concurrently(on_postgres.url, "validasi", calls)
    assert [r.status_code for r in responses] == [200] * 20
    expected = {
        u: comparable(direct("validasi", p, u, on_postgres.config)) for u, p in UNIT_BOOKS.items()
    }
    for unit, response in zip(units, responses, strict=True):
        assert comparable(response.json()) == expected[unit], unit
    lines = server_lines(caplog)
    assert sorted(x["unit"] for x in lines) == sorted(units)
    assert {x["outcome"] for x in lines} == {"ok"}
    assert len(xw.engines["remote"].apps) == 1  # every call's App is gone


def test_20_concurrent_kirim_calls_all_recorded_on_postgresql(
    on_postgres: Served, keys: Keys, caplog: pytest.LogCaptureFixture
):
    """20 workbooks of different content sent at once over HTTP (10 of P3M, 10 of TI, each
    with its unit's key): every one answered and recorded, none lost, each unit's versions
    1..10 without a gap or a repeat, each holding the content of one workbook sent."""
    from xlkinerja.store import Archive

    caplog.set_level(logging.INFO, logger="xlkinerja.server")
    sent = []  # (unit, tempat, body)
    for n in range(20):
        unit, body = ("P3M", payload(P3M)) if n % 2 else ("TI", clean_ti())
        sent.append((unit, f"Kota {n}", encoded(set_cell(body, "PK", "B15", f"Kota {n}"))))
    responses = call_concurrently(on_postgres.url, KIRIM, [(keys.of[u], b) for u, _, b in sent])
    assert [r.status_code for r in responses] == [200] * 20
    texts = [alert_of(r) for r in responses]
    assert all(args[3] != "critical" for args in texts), [a[0] for a in texts]
    for (unit, _, _), args in zip(sent, texts, strict=True):
        assert f"unit {unit}" in args[0]  # each answer is its own workbook's receipt
    assert {x["outcome"] for x in server_lines(caplog)} == {"ok"}
    with Archive.open(on_postgres.config.db) as archive:
        for unit in ("P3M", "TI"):
            kept = archive.versions(unit)
            assert [v.version for v in kept] == list(range(1, 11)), unit
            assert len({v.sha256 for v in kept}) == 10
            places = {archive.get(unit, v.version).cells["PK!B15"]["value"] for v in kept}
            assert places == {tempat for owner, tempat, _ in sent if owner == unit}
        assert {v.unit: v.version for v in archive.submissions()} == {"P3M": 10, "TI": 10}


def test_a_calls_marks_and_message_stay_with_its_own_workbook():
    """Two requests' books open at once: what the first one's action writes (marks through
    runMacro, the message box) is the first one's answer, none of it the second's."""
    with request_book(payload(UNIT_BOOKS["AK"])) as first, request_book(payload(TI)) as second:
        run_action("validasi", first, ActionContext(mode=Mode.SERVER, master=MASTER))
        funcs = [a["func"] for a in first.json()["actions"]]
        assert "runMacro" in funcs and funcs[-1] == "alert"
        assert second.json()["actions"] == []


# -- the command --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["server", "server kunci"])
def test_the_server_commands_have_indonesian_help_with_an_example(command: str):
    result = CliRunner().invoke(cli_app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Contoh:" in result.output and "Penggunaan:" in result.output
    assert "Show this message" not in result.output and "[OPTIONS]" not in result.output


def test_the_command_needs_a_master_and_a_keys_file(tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(cli_app, ["server", "--master", str(MASTER)])
    assert result.exit_code == 2
    assert (
        error_code(result.output) == ErrorCode.OPSI_BELUM_DIBERIKAN and "--kunci" in result.output
    )
    result = runner.invoke(
        cli_app, ["server", "--master", str(MASTER), "--kunci", str(tmp_path / "tidak.json")]
    )
    assert result.exit_code == 2 and error_code(result.output) == ErrorCode.KUNCI_TIDAK_ADA
    assert "Traceback" not in result.output


@pytest.mark.lambat  # the server command in a subprocess
def test_the_command_serves_and_sets_the_license_key_itself(keys: Keys, tmp_path: Path):
    """As an admin starts it, without XLWINGS_LICENSE_KEY in the environment."""
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    args = ["--master", str(MASTER), "--kunci", str(keys.file), "--db", str(tmp_path / "a.db")]
    with command_server(args, env=env) as url:
        response = httpx.post(
            f"{url}/xlwings/validasi", content=body_of(TI), headers=headers(keys.of["TI"])
        )
        assert response.status_code == 200, response.text
        assert "unit=TI action=validasi outcome=ok status=200" in command_log(url)


def test_a_server_without_an_archive_it_can_open_does_not_start(keys: Keys, tmp_path: Path):
    from tests.pg_server import free_port

    nowhere = f"postgresql://kinerja@127.0.0.1:{free_port()}/arsip"  # nobody listens there
    with raises(ErrorCode.ARSIP_TIDAK_DAPAT_DIPAKAI):
        create_app(server_config(keys, tmp_path, db=nowhere))


def test_the_archive_is_ready_when_the_server_starts(keys: Keys, tmp_path: Path):
    """Created and migrated once at the start: the first calls that record at once never
    create the schema together."""
    from xlkinerja.store import Archive

    config = server_config(keys, tmp_path)
    assert not Path(str(config.db)).exists()
    create_app(config)
    assert Path(str(config.db)).exists()
    with Archive.open(config.db) as archive:
        assert archive.submissions() == []


@pytest.mark.lambat  # Python in subprocesses
def test_xlkinerja_imports_and_its_cli_runs_without_the_license_key():
    """Only the server turns the remote engine on: the package, the CLI (its help too) and
    the local add-in's actions never need XLWINGS_LICENSE_KEY, and importing them sets none."""
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    code = (
        "import os, xlkinerja, xlkinerja.cli, xlkinerja.excel, xlkinerja.server; "
        "assert 'XLWINGS_LICENSE_KEY' not in os.environ"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    helped = subprocess.run(
        [sys.executable, "-m", "xlkinerja", "server", "--help"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert helped.returncode == 0 and "Contoh:" in helped.stdout
