"""The password policy (issue 18 item 2) as the platform's options and account
commands apply it: length, character classes, never the user name, all
configurable; and the account commands for clearance and workstations."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db import UserRow, WorkstationRow, open_database
from server.main import main, parse_args
from services.accounts.password_policy import PasswordPolicy, classes


def test_the_policy_names_each_problem():
    policy = PasswordPolicy()
    assert policy.problems("Good-Enough-2026", "wang") == []
    assert policy.problems("short", "wang") == ["too_short", "few_classes"]
    assert policy.problems("WANG-and-123-x", "wang") == ["contains_username"]
    assert policy.problems("gnaw-AND-1234-x", "wang") == ["contains_username"]
    assert "control_chars" in policy.problems("Tab\there-2026-x", "")
    assert policy.problems("x" * 201 + "A1", "") == ["too_long"]
    assert classes("值班员密码abcDEF") == 3  # a Chinese character counts as "other"
    loose = PasswordPolicy(min_length=8, min_classes=1, forbid_username=False)
    assert loose.problems("wangwang1", "wang") == []
    with pytest.raises(ValueError):
        PasswordPolicy(min_length=4)
    with pytest.raises(ValueError):
        PasswordPolicy(min_classes=5)


def test_the_account_commands_apply_the_policy(tmp_path, monkeypatch, capsys):
    db = str(tmp_path / "p.db")
    monkeypatch.setattr("sys.stdin", io.StringIO("alllowercase-long\n"))
    with pytest.raises(SystemExit, match="few_classes"):
        main(["--db", db, "--create-user", "li", "--role", "viewer"])
    monkeypatch.setattr("sys.stdin", io.StringIO("alllowercase-long\n"))
    assert main(["--db", db, "--create-user", "li", "--role", "viewer", "--password-min-classes", "2",
                 "--clearance", "3"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("li-Li-li-2026-x\n"))
    with pytest.raises(SystemExit, match="contains_username"):
        main(["--db", db, "--set-password", "li"])
    with pytest.raises(SystemExit):
        parse_args(["--password-min-length", "3"])
    with pytest.raises(SystemExit):
        parse_args(["--idle-minutes", "-1"])
    with pytest.raises(SystemExit):
        parse_args(["--set-clearance", "li"])  # needs --clearance
    assert main(["--db", db, "--set-clearance", "li", "--clearance", "5"]) == 0
    with pytest.raises(SystemExit, match="from 0 to 9"):
        main(["--db", db, "--set-clearance", "li", "--clearance", "10"])
    capsys.readouterr()
    assert main(["--db", db, "--list-accounts"]) == 0
    assert "li\tviewer\tclearance 5\tactive" in capsys.readouterr().out
    database = open_database(f"sqlite:///{db}")
    with Session(database.write) as s, s.begin():
        s.add(WorkstationRow(name="ws-1", clearance=1, cert_subject="", active=True, token_version=1, created_at=""))
    database.dispose()
    assert main(["--db", db, "--revoke-workstation", "ws-1"]) == 0
    assert main(["--db", db, "--deactivate-workstation", "ws-1"]) == 0
    assert main(["--db", db, "--set-workstation-clearance", "ws-1", "--clearance", "0"]) == 0
    with pytest.raises(SystemExit, match="no workstation"):
        main(["--db", db, "--revoke-workstation", "ws-2"])
    database = open_database(f"sqlite:///{db}")
    with Session(database.engine) as s:
        station = s.get(WorkstationRow, "ws-1")
        assert (station.token_version, station.active, station.clearance) == (3, False, 0)
        assert s.scalar(select(UserRow.clearance).where(UserRow.username == "li")) == 5
    database.dispose()


def test_the_serving_options_reach_the_app():
    from server.account_options import app_options

    options = app_options(parse_args(["--token-hours", "2", "--idle-minutes", "0", "--unknown-workstations",
                                      "refuse", "--new-workstation-clearance", "0", "--password-min-length", "16"]))
    assert options["token_ttl"].total_seconds() == 7200 and options["idle_timeout"] is None
    assert options["unknown_workstations"] == "refuse" and options["workstation_clearance"] == 0
    assert options["password_policy"].min_length == 16
    assert app_options(parse_args([]))["idle_timeout"].total_seconds() == 30 * 60


def test_the_clients_roles_are_the_platforms():
    from server.auth import ROLES
    from services.accounts import wire

    assert set(wire.ROLES) == set(ROLES)
