"""The platform server as its own process (`python -m server.main`), as it is
deployed: benchmarks measure it without sharing the client's interpreter."""

from __future__ import annotations

import ssl
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.pg import free_port

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class ServerProcess:
    url: str
    proc: subprocess.Popen

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def create_user(db: str, name: str, password: str, role: str, *extra: str) -> None:
    """`extra`: more options of --create-user (--unit RESOURCE_ID, --site CODE)."""
    subprocess.run([sys.executable, "-m", "server.main", "--db", db, "--create-user", name,
                    "--role", role, *extra], input=password + "\n", text=True, check=True, cwd=ROOT,
                   capture_output=True, timeout=60)


def start_server_process(db: str, log: Path | None = None, key_file: Path | None = None,
                         extra: tuple[str, ...] = (), tls: ssl.SSLContext | None = None) -> ServerProcess:
    """`log`: a file that receives the server's log (its stderr), as an operator reads it;
    `key_file`: the token key (replicas share one; PostgreSQL's default is the user's data folder);
    `tls`: the client context to reach a server started with --tls-cert (the URL is then https)."""
    port = free_port()
    if key_file is not None:
        extra = ("--key-file", str(key_file), *extra)
    stderr = log.open("wb") if log is not None else subprocess.DEVNULL
    try:
        proc = subprocess.Popen([sys.executable, "-m", "server.main", "--db", db, "--port", str(port), *extra],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
    finally:
        if log is not None:
            stderr.close()
    url = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/v1/health", timeout=1, verify=tls or True).status_code == 200:
                return ServerProcess(url, proc)
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server process did not start")
