"""A client that drops its connection mid-upload is a normal event on a bad link:
the platform, run as deployed, logs one line for it and no traceback (issue
13, defect 8), applies nothing of the cut batch, and goes on serving."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

from tests.server.conftest import create_op, incident_payload
from tests.server.process_server import create_user, start_server_process


def log_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def wait_for(predicate, timeout: float = 20.0) -> bool:
    """Polls observable state until it holds (the outcome decides, not the wait)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_an_upload_cut_halfway_is_one_log_line_and_no_traceback(tmp_path):
    db = "sqlite:///" + str(tmp_path / "platform.db")
    create_user(db, "duty", "duty-password", "duty_officer")
    log = tmp_path / "server.log"
    server = start_server_process(db, log=log)
    try:
        token = httpx.post(server.url + "/api/v1/auth/login",
                           json={"username": "duty", "password": "duty-password"}).json()["access_token"]
        started = len(log_lines(log))  # uvicorn's start-up lines
        body = json.dumps({"client_id": "cut", "ops": [create_op(incident_payload()) for _ in range(20)]}).encode()
        address = urlparse(server.url)
        with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
            sock.sendall(
                b"POST /api/v1/ops HTTP/1.1\r\nHost: " + address.netloc.encode() + b"\r\n"
                b"Authorization: Bearer " + token.encode() + b"\r\nContent-Type: application/json\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[: len(body) // 2])
        assert wait_for(lambda: len(log_lines(log)) > started), "the server logged nothing of the cut upload"
        # Still serving, and nothing of the cut batch went in.
        health = httpx.get(server.url + "/api/v1/health", timeout=10).json()
        assert health["latest_seq"] == 0
    finally:
        server.stop()
    lines = log_lines(log)
    text = "\n".join(lines)
    assert "Traceback" not in text and "Exception in ASGI application" not in text, text
    during = lines[started:]
    # Everything logged between the cut and the shutdown is one line about it.
    cut = [line for line in during if "Shutting down" not in line and "shutdown" not in line
           and "Finished server process" not in line]  # fmt: skip
    assert len(cut) == 1, during
    assert "disconnected" in cut[0] and "nothing applied" in cut[0], cut
