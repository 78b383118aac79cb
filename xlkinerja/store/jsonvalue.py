"""JSON text for the rows and cells columns (JSON on SQLite, JSONB on PostgreSQL).

Values JSON cannot hold exactly are made plain: dates and times become ISO strings, NaN and
infinities (pandas' "missing") become null, and NUL characters are dropped from strings
(PostgreSQL's JSONB refuses them). The fast path is one `orjson.dumps`, which does the
first two itself; anything it refuses (a NUL, a key that is not text, an integer beyond 64
bits, an unknown type) takes the slow path: `plain` over the whole value, then `json.dumps`.
Both paths give the same text for what both accept (a test checks it).
"""

from __future__ import annotations

import json
import math
from datetime import date, time
from decimal import Decimal
from typing import Any

import orjson


class JsonText(str):
    """JSON already serialised: `dumps` passes it through unchanged."""

    __slots__ = ()


# Dates and times through `_default` (isoformat): orjson 3.13 writes time(0, 0, 0, 10000) as
# "00:00:00.10000" (found by the test against the plain path).
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME


def _default(value: object) -> object:
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"not JSON-able in the archive: {type(value).__name__} {value!r}")


def plain(value: object) -> object:
    """`value` with every nested value JSON can hold exactly (see the module docstring)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k).replace("\x00", ""): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bool | int) or value is None:
        return value
    if hasattr(value, "items"):  # any other Mapping
        return {str(k).replace("\x00", ""): plain(v) for k, v in value.items()}
    return plain(_default(value))


def dumps(value: Any) -> str:
    if isinstance(value, JsonText):
        return str(value)  # serialised already (store/encoded.py)
    try:
        text = orjson.dumps(value, default=_default, option=_OPTIONS).decode()
    except TypeError:  # orjson.JSONEncodeError is one
        return slow_dumps(value)
    if "\\u0000" in text:
        return slow_dumps(value)
    return text


def slow_dumps(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    return json.loads(text)
