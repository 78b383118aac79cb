"""What an action knows besides the workbook it runs on: where it runs and its settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path


class Mode(StrEnum):
    LOKAL = "local"  # RunPython: Python on the user's PC, the workbook live through COM
    SERVER = "server"  # RunRemotePython: the institution's server, the workbook as a payload


@dataclass(frozen=True)
class ActionContext:
    mode: Mode
    master: Path | None = None  # the master workbook (config MASTER, or the server's)
    db: str | None = None  # the archive (server mode: the server's; local: config DB)
    unit: str | None = None  # server mode: the unit the API key belongs to
    perencanaan: bool = False  # server mode: the key's unit may compile (server --perencanaan)
    reports: Path | None = None  # server mode: where the server keeps the reports it compiles
    publish: Callable[[Path], str] | None = None  # server mode: a report → its download path
    output: Path | None = None  # local mode: folder for results (default: next to the book)
    settings: dict[str, str] = field(default_factory=dict)  # every config key read
    triwulan: int | None = None  # the period chosen on the ribbon (None: the latest reported)
    now: datetime | None = None  # fixed in tests
