"""Job `tentang`: which xlkinerja this is — versions of the program, of xlwings (the add-in's
VBA must be the same), of every form template and of the archive's schema — and the
settings in use (secrets masked)."""

from __future__ import annotations

import platform
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from xlkinerja.core.version import VERSION
from xlkinerja.jobs.summary import Summary
from xlkinerja.specs import FORMS

SECRET_KEYS = ("AUTH", "API_KEY", "PASSWORD", "KUNCI")


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "tidak terpasang"


def _masked(key: str, value: str) -> str:
    return "••••" if any(word in key.upper() for word in SECRET_KEYS) and value else value


@dataclass(frozen=True)
class Tentang:
    xlkinerja: str
    xlwings: str
    python: str
    templates: dict[str, str]  # form id → "version (schema hash)"
    archive_schema: int
    mode: str
    settings: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "xlkinerja": self.xlkinerja,
            "xlwings": self.xlwings,
            "python": self.python,
            "templat": self.templates,
            "skema_arsip": self.archive_schema,
            "mode": self.mode,
            "pengaturan": self.settings,
        }

    def summary(self) -> Summary:
        out = Summary()
        out.line(f"xlkinerja {self.xlkinerja} (xlwings {self.xlwings}, Python {self.python})")
        out.line(f"Mode: {self.mode}")
        for form, version in self.templates.items():
            out.line(f"Templat {form}: versi {version}")
        out.line(f"Skema arsip: {self.archive_schema}")
        for key, value in self.settings.items():
            out.line(f"{key} = {value}")
        return out

    def notes(self) -> Summary:
        return Summary()


def about(*, mode: str, settings: Mapping[str, str] | None = None) -> Tentang:
    from xlkinerja.store.migrations import LATEST  # SQLAlchemy: only when asked

    return Tentang(
        xlkinerja=VERSION,
        xlwings=_package_version("xlwings"),
        python=platform.python_version(),
        templates={f.id.value: f"{f.version} (skema {f.schema_hash})" for f in FORMS.values()},
        archive_schema=LATEST,
        mode=mode,
        settings={k: _masked(k, v) for k, v in (settings or {}).items()},
    )
