"""Finding codes are typed: every domain code has one rule of the catalogue."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from xlkinerja.core.codes import Code, ColumnRule, column_code
from xlkinerja.core.finding import Severity
from xlkinerja.core.rule import Rule
from xlkinerja.validation import catalogue
from xlkinerja.validation.catalogue import COLUMN_RULES, DOMAIN_RULES, rule_for
from xlkinerja.validation.messages import finding

PACKAGE = Path(catalogue.__file__).resolve().parent.parent


def test_every_code_has_exactly_one_rule_and_every_rule_a_code():
    assert list(DOMAIN_RULES) == [r.name for r in DOMAIN_RULES.values()]
    assert set(DOMAIN_RULES) == set(Code)
    assert len(DOMAIN_RULES) == len(Code)
    assert set(COLUMN_RULES) == set(ColumnRule)
    assert all(rule_for(code) is DOMAIN_RULES[code] for code in Code)


def test_a_rule_named_twice_or_of_the_wrong_kind_is_refused():
    rule = DOMAIN_RULES[Code.RA_TW_MENURUN]
    with pytest.raises(ValueError, match="twice"):
        catalogue._keyed(Code, [rule, rule])
    column = Rule(ColumnRule.KOSONG, Severity.GALAT, "t", "t", "h")
    with pytest.raises(ValueError, match="not a Code"):
        catalogue._keyed(Code, [column])


def test_a_finding_holds_its_code_as_plain_text():
    domain = finding(Code.PK_ARAH_BEDA_IKU, file="x.xlsx", iku="IKU-1", arah_iku="naik")
    column = finding(column_code("pk", "target", ColumnRule.KOSONG), file="x.xlsx")
    assert type(domain.code) is str and domain.code == "pk.arah.beda_iku"
    assert type(column.code) is str and column.code == "pk.target.kosong"


def test_no_code_is_typed_out_as_text_in_the_package():
    """Codes are written as `Code.X` (a typo is then a type error), never as literals."""
    known = {code.value for code in Code}
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "codes.py" and path.parent.name == "core":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in known:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value}")
    assert not found
