"""Finding codes are typed: every domain code has one rule of the catalogue."""

from __future__ import annotations

import pytest

from xlkinerja.core.codes import Code, ColumnRule
from xlkinerja.core.finding import Severity
from xlkinerja.core.rule import Rule
from xlkinerja.validation import catalogue
from xlkinerja.validation.catalogue import COLUMN_RULES, DOMAIN_RULES, rule_for


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
