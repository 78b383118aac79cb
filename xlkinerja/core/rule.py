"""A rule of the findings catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from xlkinerja.core.codes import Code, ColumnRule, ErrorKind
from xlkinerja.core.finding import Severity
from xlkinerja.errors import ErrorCode


@dataclass(frozen=True)
class Rule:
    name: Code | ColumnRule | ErrorCode  # a column rule: the last part of its codes
    severity: Severity
    title: str
    template: str  # the rule, formatted with the finding's details
    hint: str  # how to fix
    kind: ErrorKind | None = None  # an error code's: what it is about


def error_rule(code: ErrorCode, kind: ErrorKind, title: str, hint: str) -> Rule:
    """An error code's entry: a galat whose message is the error's own (`{nilai}`)."""
    return Rule(code, Severity.GALAT, title, "{nilai}", hint, kind)
