"""JSON text for the rows and cells columns (JSON on SQLite, JSONB on PostgreSQL).

The fast path is one `json.dumps`. Values JSON cannot hold exactly are made plain first:
dates and times become ISO strings, NaN and infinities (pandas' "missing") become null, and
NUL characters are dropped from strings (PostgreSQL's JSONB refuses them).
"""

from __future__ import annotations

import json
import math
from datetime import date, time
from decimal import Decimal
from typing import Any


class JsonText(str):
    """JSON already serialised: `dumps` passes it through unchanged."""

    __slots__ = ()


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
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bool | int) or value is None:
        return value
    if hasattr(value, "items"):  # any other Mapping
        return {str(k): plain(v) for k, v in value.items()}
    return plain(_default(value))


def dumps(value: Any) -> str:
    if isinstance(value, JsonText):
        return str(value)  # serialised already (store/encoded.py)
    try:
        text = json.dumps(
            value, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=_default
        )
    except ValueError:  # NaN or infinity
        return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))
    if "\\u0000" in text:
        return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))
    return text


def loads(text: str | bytes) -> Any:
    return json.loads(text)
