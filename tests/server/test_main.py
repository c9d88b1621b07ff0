"""The `watchroom-server` command, short of running uvicorn."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.main import db_url, main, parse_args, seed_demo
from services.sync.wire import API_PREFIX


def test_db_argument_is_a_url_or_a_path(tmp_path):
    assert db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert db_url(str(tmp_path / "x" / "p.db")) == f"sqlite:///{tmp_path / 'x' / 'p.db'}"
    assert (tmp_path / "x").is_dir()


def test_defaults():
    args = parse_args([])
    assert (args.host, args.port, args.seed_demo, args.create_user) == ("127.0.0.1", 8765, False, None)


def test_create_user_needs_a_role():
    with pytest.raises(SystemExit):
        parse_args(["--create-user", "li"])


def test_create_user_reads_the_password_from_stdin(tmp_path, monkeypatch, capsys):
    path = tmp_path / "p.db"
    monkeypatch.setattr("sys.stdin", io.StringIO("A long password 1\n"))
    assert main(["--db", str(path), "--create-user", "li", "--role", "commander"]) == 0
    assert "user li (commander) created" in capsys.readouterr().out
    with TestClient(create_app(f"sqlite:///{path}")) as client:
        response = client.post(API_PREFIX + "/auth/login",
                               json={"username": "li", "password": "A long password 1"})  # fmt: skip
        assert response.status_code == 200 and response.json()["role"] == "commander"


def test_create_user_refuses_a_short_password(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    with pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "p.db"), "--create-user", "li", "--role", "viewer"])


def test_seed_demo_prints_passwords_once(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    created = seed_demo(url)
    out = capsys.readouterr().out
    assert set(created) == {"duty", "chief", "commander", "viewer", "admin"}
    for name, password in created.items():
        assert f"demo user {name}: {password}" in out
    assert seed_demo(url) == {}
    assert "not shown again" in capsys.readouterr().out
    with TestClient(create_app(url)) as client:
        response = client.post(API_PREFIX + "/auth/login",
                               json={"username": "admin", "password": created["admin"]})  # fmt: skip
        assert response.json()["role"] == "admin"
        changes = client.get(API_PREFIX + "/changes",
                             headers={"Authorization": "Bearer " + response.json()["access_token"]})  # fmt: skip
        assert changes.json()["changes"] == []  # demo users only, no demo data


def test_account_commands_refuse_what_cannot_work(tmp_path, monkeypatch):
    with pytest.raises(SystemExit):  # a field unit reports for one unit
        parse_args(["--create-user", "t7", "--role", "field_unit"])
    with pytest.raises(SystemExit):
        parse_args(["--set-role", "t7"])
    path = str(tmp_path / "p.db")
    for _ in range(2):
        monkeypatch.setattr("sys.stdin", io.StringIO("A long password 1\n"))
        if _ == 0:
            assert main(["--db", path, "--create-user", "t7", "--role", "field_unit", "--unit", "team-7"]) == 0
        else:
            with pytest.raises(SystemExit, match="exists already"):
                main(["--db", path, "--create-user", "t7", "--role", "field_unit", "--unit", "team-7"])
    with pytest.raises(SystemExit, match="a field unit speaks for one unit"):
        main(["--db", path, "--set-role", "t7", "--role", "field_unit", "--unit", ""])
