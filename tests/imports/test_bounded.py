"""The bounded runner: a child process that cannot outlive its time, outgrow
its memory or write past its file budget, and whose answer is plain data."""

from __future__ import annotations

import time

import pytest

from services.imports.bounded import Budget, OverBudget, run_bounded


def test_an_answer_comes_back_as_plain_data():
    assert run_bounded("json:loads", '{"a": [1, 2.5, "三"]}') == {"a": [1, 2.5, "三"]}


def test_a_child_that_never_ends_is_killed_at_its_time_budget():
    started = time.monotonic()
    with pytest.raises(OverBudget) as over:
        run_bounded("time:sleep", 3600, budget=Budget(seconds=1))
    assert over.value.code == "timeout" and time.monotonic() - started < 10


def test_a_child_that_swallows_memory_is_stopped():
    with pytest.raises(OverBudget) as over:
        run_bounded("builtins:bytearray", 8 * 1024**3, budget=Budget(memory_bytes=512 * 1024**2))
    assert over.value.code == "too_large"


def test_a_child_that_writes_past_its_file_budget_is_stopped(tmp_path):
    with pytest.raises(OverBudget) as over:
        run_bounded("json:dumps", "x" * 2_000_000, budget=Budget(file_bytes=1_000_000))
    assert over.value.code == "too_large"


def test_an_unforeseen_failure_is_a_code_not_a_traceback():
    with pytest.raises(OverBudget) as over:
        run_bounded("builtins:int", "not a number")
    assert over.value.code == "unreadable" and "ValueError" in over.value.detail
