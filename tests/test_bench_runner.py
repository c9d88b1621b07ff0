"""`make bench ONLY=<family>` starts each member in a child process of its own,
named exactly: a child given the family name again would start the family again
(a fork bomb, seen once with ONLY=monitoring)."""

from __future__ import annotations

import subprocess

from tests.benchmarks import run


def test_a_family_starts_each_member_once_by_its_exact_name(monkeypatch):
    started: list[list[str]] = []

    def fake_run(args, *_a, **_kw):
        started.append(args[3:])
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(run.subprocess, "run", fake_run)
    assert run.main(["monitoring"]) == 0
    assert started == [["=monitoring"], ["=monitoring_positions"]]


def test_an_unknown_name_is_refused_without_starting_anything(monkeypatch, capsys):
    monkeypatch.setattr(run.subprocess, "run", lambda *a, **k: (_ for _ in ()).throw(AssertionError("started")))
    assert run.main(["no_such_bench"]) == 2
    assert "unknown benchmark" in capsys.readouterr().err
