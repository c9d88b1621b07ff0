"""`watchroom --panel NAME` opens on any panel the window has (the demo's and an
officer's shortcut to a panel), and refuses a name that is none."""

from __future__ import annotations

import pytest

from app.main import parse_args
from views.panels import PANELS


@pytest.mark.parametrize("name", [spec.name for spec in PANELS])
def test_every_panel_can_be_the_first_shown(name):
    assert parse_args(["--panel", name]).panel == name


def test_an_unknown_panel_is_refused():
    with pytest.raises(SystemExit):
        parse_args(["--panel", "no_such_panel"])
