"""The encrypted mirror's cost (`make bench ONLY=security`): the 100,000-incident bench
mirror converted to SQLCipher, opened with its passphrase (Argon2id included), and
the incident log's search and append on it against the plain one, in one run."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from offline_cache.database import open_mirror
from offline_cache.mirror_convert import convert
from offline_cache.mirror_key import Encryption, mirror_key, record_path
from tests.benchmarks.bench_incident_log import (
    ENTRIES_PER_INCIDENT,
    FTS_QUERIES,
    INCIDENTS,
    SHORT_QUERIES,
    bench_append,
    bench_search,
)
from tests.benchmarks.fixtures import CACHE, bench_mirror_path, emit, require

PASSPHRASE = "bench mirror passphrase"
ENC = Encryption("passphrase", ask_passphrase=lambda new: PASSPHRASE)  # the real Argon2id cost


def service(path: Path, enc: Encryption | None):
    from services.clock import ManualClock
    from services.incidents.deadlines import load_rules
    from services.incidents.service import IncidentService
    from services.incidents.taxonomy import load_taxonomy
    from tests.benchmarks.fixtures import NOW

    return IncidentService(open_mirror(path, encryption=enc), load_taxonomy(), load_rules(), site_code="CQ",
                           clock=ManualClock(NOW))


def encrypted_copy(plain: Path) -> tuple[Path, float]:
    """The bench mirror encrypted (cached beside it), and how long the conversion took."""
    target = CACHE / (plain.stem + ".sqlcipher.db")
    if target.exists() and record_path(target).exists():
        return target, float("nan")
    building = CACHE / (plain.stem + ".sqlcipher-building.db")
    for leftover in CACHE.glob(building.name + "*"):
        leftover.unlink()
    shutil.copyfile(plain, building)
    started = time.perf_counter()
    convert(building, mirror_key(building, ENC))
    took = time.perf_counter() - started
    os.replace(record_path(building), record_path(target))
    os.replace(building, target)
    open_mirror(target, encryption=ENC).close()  # closed cleanly, as a workstation leaves it
    return target, took


def timed_open(path: Path, enc: Encryption | None) -> float:
    started = time.perf_counter()
    mirror = open_mirror(path, encryption=enc)
    with mirror.read() as s:
        s.connection().exec_driver_sql("SELECT count(*) FROM incidents").scalar()
    took = time.perf_counter() - started
    mirror.close()
    return took


def ratio(name: str, encrypted: float, plain: float, budget: str | None) -> float:
    require(plain > 0, f"{name}: the plain figure is zero")
    emit(name, encrypted / plain, "ratio", budget)
    return encrypted / plain


def run() -> None:
    plain = bench_mirror_path(INCIDENTS, ENTRIES_PER_INCIDENT)
    enc_path, converted_s = encrypted_copy(plain)
    if converted_s == converted_s:  # not NaN: converted in this run
        emit("security.mirror_convert_s", converted_s, "s", "report")
    require(not enc_path.read_bytes()[:16].startswith(b"SQLite format"), "the copy is not encrypted")
    timed_open(plain, None)  # both files' pages in the OS cache alike
    timed_open(enc_path, ENC)
    emit("security.plain_open_s", min(timed_open(plain, None) for _ in range(3)), "s", "report")
    emit("security.encrypted_open_s", min(timed_open(enc_path, ENC) for _ in range(3)), "s", "< 1.5")
    # After a crash (no clean close) the whole integrity check decrypts every page first.
    for path in (plain, enc_path):
        Path(str(path) + ".clean").unlink(missing_ok=True)
    emit("security.plain_open_after_crash_s", timed_open(plain, None), "s", "report")
    emit("security.encrypted_open_after_crash_s", timed_open(enc_path, ENC), "s", "report")
    searches = {}
    for label, path, enc in (("plain", plain, None), ("encrypted", enc_path, ENC)):
        svc = service(path, enc)
        searches[label] = (bench_search(svc, FTS_QUERIES)[0], bench_search(svc, SHORT_QUERIES)[0])
        svc.mirror.close()
    emit("security.encrypted_search_fts_p95_ms", searches["encrypted"][0], "ms", "report")
    emit("security.encrypted_search_short_p95_ms", searches["encrypted"][1], "ms", "report")
    fts = ratio("security.encrypted_vs_plain_search_fts", searches["encrypted"][0], searches["plain"][0], "report")
    short = ratio("security.encrypted_vs_plain_search_short", searches["encrypted"][1], searches["plain"][1],
                  "report")
    emit("security.encrypted_vs_plain_search", max(fts, short), "ratio", "< 1.3")
    appends = {}
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        for label, path, enc in (("plain", plain, None), ("encrypted", enc_path, ENC)):
            copy = Path(tmp) / f"{label}.db"
            shutil.copyfile(path, copy)
            if enc is not None:
                shutil.copyfile(record_path(path), record_path(copy))
            os.sync()  # the copy's writeback must not land inside the measured fsyncs
            svc = service(copy, enc)
            appends[label] = bench_append(svc)
            svc.mirror.close()
            copy.unlink()
    emit("security.encrypted_append_p95_ms", appends["encrypted"], "ms", "report")
    ratio("security.encrypted_vs_plain_append", appends["encrypted"], appends["plain"], "< 1.3")
