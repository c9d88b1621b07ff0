"""The encrypted mirror's cost (`make bench ONLY=security`): the 100,000-incident bench
mirror converted to SQLCipher, opened with its passphrase (Argon2id included), and
the incident log's search and append on it against the plain one, in one run. The
appends alternate between the two mirrors, open side by side with the same settings,
and the budget figure is the median of the rounds' p95 ratios."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from offline_cache.database import open_mirror
from offline_cache.mirror_convert import convert
from offline_cache.mirror_key import Encryption, mirror_key, record_path
from services.incidents.model import EntryKind
from services.incidents.repository import IncidentQuery
from tests.benchmarks.bench_incident_log import (
    ENTRIES_PER_INCIDENT,
    FTS_QUERIES,
    INCIDENTS,
    SHORT_QUERIES,
    bench_search,
)
from tests.benchmarks.fixtures import CACHE, bench_mirror_path, emit, p95, require

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
    samples, ratios = interleaved_appends(plain, enc_path)
    emit("security.plain_append_p95_ms", p95(samples["plain"]), "ms", "report")
    emit("security.encrypted_append_p95_ms", p95(samples["encrypted"]), "ms", "report")
    ratio("security.encrypted_vs_plain_append_p95_pooled", p95(samples["encrypted"]), p95(samples["plain"]),
          "report")
    ratio("security.encrypted_vs_plain_append_median", statistics.median(samples["encrypted"]),
          statistics.median(samples["plain"]), "report")
    emit("security.encrypted_vs_plain_append", statistics.median(ratios), "ratio", "< 1.3")


# Like with like: the settings an append's cost depends on must be the same on both
# mirrors (cache_size differs on purpose: see offline_cache.database._set_cipher_pragmas;
# an append touches a few dozen pages, far below either ceiling).
PARITY = ("journal_mode", "synchronous", "page_size", "wal_autocheckpoint", "foreign_keys", "temp_store",
          "locking_mode", "secure_delete")
APPEND_ROUNDS = 5  # alternating which mirror goes first, so a load that comes and goes hits both
APPENDS_PER_ROUND = 120
WARM_UP = 20


def settings(svc) -> dict:
    with svc.mirror.engine.connect() as con:
        return {name: str(con.exec_driver_sql(f"PRAGMA {name}").scalar()) for name in PARITY}  # SQLCipher answers text


def appended(svc, ids: list[str], start: int, n: int) -> list[float]:
    """Milliseconds per append (the incident log's own append, as bench_incident_log times it)."""
    times = []
    for k in range(start, start + n):
        t = time.perf_counter()
        svc.append_entry(ids[k % len(ids)], EntryKind.NOTE, f"基准测试备注 {k}：现场情况平稳。", "bench")
        times.append((time.perf_counter() - t) * 1000)
    return times


def interleaved_appends(plain: Path, enc_path: Path) -> tuple[dict[str, list[float]], list[float]]:
    """Both mirrors copied, synced and open together, warmed alike, then appended to in
    alternating rounds: every sample of each, and each round's p95 ratio."""
    samples: dict[str, list[float]] = {"plain": [], "encrypted": []}
    ratios: list[float] = []
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        copies = {}
        for label, path, enc in (("plain", plain, None), ("encrypted", enc_path, ENC)):
            copy = Path(tmp) / f"{label}.db"
            shutil.copyfile(path, copy)
            if enc is not None:
                shutil.copyfile(record_path(path), record_path(copy))
            copies[label] = (copy, enc)
        os.sync()  # the copies' writeback must not land inside the measured fsyncs
        svcs = {label: service(copy, enc) for label, (copy, enc) in copies.items()}
        try:
            require(settings(svcs["plain"]) == settings(svcs["encrypted"]),
                    f"the mirrors differ: {settings(svcs['plain'])} / {settings(svcs['encrypted'])}")
            ids = {label: [i.id for i in svc.list_page(IncidentQuery(), 0, 50)] for label, svc in svcs.items()}
            require(all(ids.values()), "no incident to append to")
            for label, svc in svcs.items():  # the caches the first commits would otherwise pay for
                appended(svc, ids[label], -WARM_UP, WARM_UP)
            for r in range(APPEND_ROUNDS):
                this_round = {}
                for label in (("plain", "encrypted") if r % 2 == 0 else ("encrypted", "plain")):
                    this_round[label] = appended(svcs[label], ids[label], r * APPENDS_PER_ROUND, APPENDS_PER_ROUND)
                    samples[label] += this_round[label]
                ratios.append(p95(this_round["encrypted"]) / p95(this_round["plain"]))
        finally:
            for svc in svcs.values():
                svc.mirror.close()
    return samples, ratios
