"""The audit panel says where a refusal happened in words, not the platform's
`stage` code (http / tls / cot); an unknown code is shown as it came."""

from __future__ import annotations

import json

from views.audit.panel import detail_text


def test_the_stage_of_a_refusal_is_said_in_words(qapp):
    shown = detail_text(json.dumps({"status": 0, "reason": "TLS handshake refused: revoked", "stage": "cot"}))
    assert "CoT listener (TLS handshake)" in shown and "cot" not in shown.replace("CoT", "")
    assert "platform request" in detail_text(json.dumps({"status": 403, "stage": "http"}))
    assert "TLS handshake" in detail_text(json.dumps({"status": 0, "stage": "tls"}))
    assert detail_text(json.dumps({"stage": "smtp"})).endswith("smtp")
