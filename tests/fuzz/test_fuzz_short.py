"""The short fuzz CI runs (`make fuzz` is the long one): schemathesis against
the platform's OpenAPI with a duty officer's token for half a minute, on a
platform on loopback; no 5xx, no answer outside the document."""

from __future__ import annotations

from tests.fuzz.run import main


def test_a_short_fuzz_finds_no_server_error_or_schema_violation(capsys):
    code = main(["--seconds", "30", "--roles", "duty_officer"])
    out = capsys.readouterr().out
    assert code == 0, out[-6000:]
    assert "no failures" in out
