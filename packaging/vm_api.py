"""The platform's API from inside the test VM (packaging/vm_test.sh copies it in and runs it with
Debian's python3, standard library only): health, incidents posted as admin, incidents counted.
Separate from the test suite on purpose: it runs where only the installed package exists."""

import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

# The installed service's address and postinst's password file; tests/packaging points them elsewhere.
BASE = os.environ.get("WATCHROOM_VM_API", "http://127.0.0.1:8765/api/v1")
PASSWORD_FILE = os.environ.get("WATCHROOM_VM_ADMIN_PASSWORD_FILE", "/etc/watchroom/admin-password")
NOW = "2026-11-22T08:00:00.000+00:00"


def call(path: str, body: dict | None = None, token: str = "") -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(BASE + path, data, headers), timeout=10) as answer:
        return json.load(answer)


def token() -> str:
    password = open(PASSWORD_FILE, encoding="utf-8").read().strip()
    return call("/auth/login", {"username": "admin", "password": password})["access_token"]


def wait_health(timeout: float) -> None:
    """Polls /health: prints the answer and the seconds it took, exits 1 when none came."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        try:
            print(json.dumps({"health": call("/health"), "after_s": round(time.monotonic() - t0, 2)}))
            return
        except (OSError, urllib.error.URLError, ValueError):
            time.sleep(0.2)
    print(f"no /api/v1/health answer in {timeout:.0f} s")
    sys.exit(1)


def seed(count: int, tag: str) -> None:
    ops = []
    for n in range(count):
        incident = str(uuid.uuid4())
        payload = {"id": incident, "site_code": "CQ", "code": f"VM-{tag}-{n:02d}", "title": f"虚拟机测试 {tag} {n}",
                   "category": "natural", "severity": "IV", "status": "received", "occurred_at": NOW,
                   "reported_at": NOW, "source": "phone"}
        ops.append({"op_id": str(uuid.uuid4()), "entity": "incident", "entity_id": incident, "op": "create",
                    "base_version": 0, "payload": payload, "priority": 1, "created_at": NOW, "site_code": "CQ"})
    result = call("/ops", {"client_id": "vm-test", "ops": ops}, token())
    statuses = sorted({r["status"] for r in result["results"]})
    print(json.dumps({"posted": count, "statuses": statuses}))
    if statuses != ["applied"]:
        print(json.dumps(result["results"], ensure_ascii=False))
        sys.exit(1)


def codes() -> None:
    """Every incident's code, sorted, one JSON list: the data compared before and after."""
    found, after, auth = [], "", token()
    while True:
        page = call(f"/snapshot?entity=incident&limit=1000&after_id={after}", token=auth)
        found += [r["code"] for r in page["records"]]
        if not page["next_after_id"]:
            break
        after = page["next_after_id"]
    print(json.dumps(sorted(found)))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "health":
        wait_health(float(sys.argv[2]) if len(sys.argv) > 2 else 60)
    elif command == "seed":
        seed(int(sys.argv[2]), sys.argv[3])
    elif command == "codes":
        codes()
    else:
        sys.exit(f"unknown command {command}")
