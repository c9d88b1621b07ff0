"""The clearance contract both ends share (services/clearance.py)."""

from __future__ import annotations

import pytest

from services import clearance as c


def test_what_a_request_may_see_is_the_lower_of_account_and_workstation():
    assert c.effective(3, 2) == 2 and c.effective(1, 3) == 1
    assert c.effective(3, None) == c.DEFAULT_CLEARANCE  # an unregistered workstation counts at 内部
    assert c.effective(-4, 9) == c.PUBLIC and c.effective(99, 99) == c.TOP


@pytest.mark.parametrize("value", [True, "2", 2.0, None, -1, c.TOP + 1, 2**70])
def test_a_level_is_a_small_whole_number(value):
    assert c.level_problem(value)


def test_levels_and_writes():
    assert c.level_problem(0) == "" and c.level_problem(c.TOP) == ""
    assert c.write_problem(2, 1) and c.write_problem(1, 1) == ""


def test_the_centre_names_its_levels():
    assert c.parse_names("") == {0: "公开", 1: "内部", 2: "秘密", 3: "机密"}
    assert c.parse_names("2=敏感, 4=绝密") == {0: "公开", 1: "内部", 2: "敏感", 4: "绝密"}
    for bad in ("2", "x=秘密", "10=太高", "2=", "2=" + "长" * 40, "2=a\x01b"):
        with pytest.raises(ValueError):
            c.parse_names(bad)


def test_names_from_the_feed_are_checked_before_use():
    assert c.names_from_meta('{"2": "敏感"}')[2] == "敏感"
    assert c.names_from_meta("not json") == c.DEFAULT_NAMES
    assert c.names_from_meta('{"2": "' + "长" * 40 + '"}') == c.DEFAULT_NAMES  # unusable: defaults
    assert c.name_of(5) == "5级" and c.name_of(2, {2: "敏感"}) == "敏感"
    assert c.mirror_clearance(None) == 1 and c.mirror_clearance("2") == 2 and c.mirror_clearance("99") == 1


def test_every_leveled_kind_has_a_table_and_a_default():
    assert set(c.DEFAULT_LEVEL) == set(c.TABLES)
    assert c.DEFAULT_LEVEL["warning"] == c.PUBLIC and c.DEFAULT_LEVEL["incident"] == c.INTERNAL
