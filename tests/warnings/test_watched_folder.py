"""The watched folder: CAP files dropped there are checked in the bounded child
process and imported (chains applied, repeats adding nothing), refused files
moved aside with a .txt of the reasons, files still being written left for
the next poll."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from services.warnings.folder import WatchedFolder
from services.warnings.service import WarningService
from services.warnings.store import WarningStore

DATA = Path(__file__).with_name("data")


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "cap-inbox"
    folder.mkdir()
    return folder


def drop(inbox: Path, name: str, as_name: str | None = None, *, age_s: float = 10.0) -> Path:
    target = inbox / (as_name or name)
    shutil.copyfile(DATA / name, target)
    then = time.time() - age_s
    os.utime(target, (then, then))
    return target


def test_files_are_checked_imported_or_moved_aside_with_reasons(inbox, mirror, clock, events):
    watched = WatchedFolder(inbox, WarningService(mirror, events, clock))
    drop(inbox, "valid_alert.xml")
    drop(inbox, "update.xml")
    drop(inbox, "billion_laughs.xml")
    (inbox / "notes.xml").write_bytes(b"\x00\x01 not xml")
    os.utime(inbox / "notes.xml", (time.time() - 10, time.time() - 10))
    results = {r.name: r for r in watched.poll()}
    assert results["valid_alert.xml"].outcome.added == 1
    assert results["update.xml"].outcome.replaced == 1
    assert results["billion_laughs.xml"].outcome is None and results["notes.xml"].outcome is None
    store = WarningStore(mirror)
    standings = {w.identifier: w.standing for w in store.all(include_expired=True)}
    assert standings == {"50000041600000_20240601100000_1": "superseded", "50000041600000_20240601130000_1": "standing"}
    assert sorted(p.name for p in (inbox / "imported").iterdir()) == ["update.xml", "valid_alert.xml"]
    refused = inbox / "refused"
    assert sorted(p.name for p in refused.iterdir()) == ["billion_laughs.xml", "billion_laughs.xml.txt", "notes.xml",
                                                        "notes.xml.txt"]
    reasons = (refused / "billion_laughs.xml.txt").read_text(encoding="utf-8")
    assert "未导入" in reasons and len(reasons.splitlines()) >= 2
    assert stat.S_IMODE((refused / "notes.xml.txt").stat().st_mode) == 0o600
    assert [p.name for p in inbox.iterdir() if p.is_file()] == []


def test_a_repeated_file_adds_nothing_and_keeps_both_copies(inbox, mirror, clock, events):
    watched = WatchedFolder(inbox, WarningService(mirror, events, clock))
    drop(inbox, "valid_alert.xml")
    assert watched.poll()[0].outcome.added == 1
    drop(inbox, "valid_alert.xml")
    [again] = watched.poll()
    assert (again.outcome.added, again.outcome.repeated) == (0, 1)
    assert sorted(p.name for p in (inbox / "imported").iterdir()) == ["valid_alert-1.xml", "valid_alert.xml"]
    assert len(WarningStore(mirror).all(include_expired=True)) == 1


def test_a_file_still_being_written_waits(inbox, mirror, clock, events):
    watched = WatchedFolder(inbox, WarningService(mirror, events, clock), settle_s=30.0)
    drop(inbox, "valid_alert.xml", age_s=0)
    assert watched.poll() == []
    assert (inbox / "valid_alert.xml").exists()


def test_a_feed_file_imports_the_good_alerts_and_lists_the_refused(inbox, mirror, clock, events):
    watched = WatchedFolder(inbox, WarningService(mirror, events, clock))
    drop(inbox, "feed_atom.xml")
    [result] = watched.poll()
    assert result.outcome.added == 2 and result.reasons
    note = (inbox / "imported" / "feed_atom.xml.txt").read_text(encoding="utf-8")
    assert "已导入" in note and "polygon" in note


def test_the_gui_timer_checks_on_a_reader_and_imports_on_the_writer(qtbot, inbox, mirror, clock, events):
    from types import SimpleNamespace

    from PySide6.QtCore import QObject

    from app.warning_folder import start_watched_folder
    from app.warnings_config import WarningsConfig
    from tests.helpers import wait_until
    from views.common.task_runner import TaskRunner

    runner, owner = TaskRunner(), QObject()
    ctx = SimpleNamespace(config=SimpleNamespace(warnings=WarningsConfig(folder=inbox)), mirror=mirror, events=events,
                          incidents=SimpleNamespace(clock=clock), runner=runner)
    try:
        timer = start_watched_folder(ctx, owner, interval_ms=50)
        assert timer is not None
        drop(inbox, "valid_alert.xml")
        wait_until(lambda: len(WarningStore(mirror).all(include_expired=True)) == 1, what="the dropped file imported")
        wait_until(lambda: (inbox / "imported" / "valid_alert.xml").exists(), what="the file moved aside")
        timer.stop()
        assert start_watched_folder(SimpleNamespace(config=SimpleNamespace(warnings=WarningsConfig())), owner) is None
    finally:
        runner.shutdown()


def test_signed_files_are_checked_against_the_configured_trust(inbox, mirror, clock, events, centre, stranger):
    """[warnings] trust reaches the check in the child: a file signed under a CA
    the centre does not trust is refused, one signed by the centre's is imported
    with its signer named."""
    from datetime import UTC, datetime, timedelta

    from services.warnings.cap_export import export_cap
    from services.warnings.cap_sign import Signer
    from services.warnings.identifiers import new_identifier
    from services.warnings.model import Area, Circle, EarlyWarning

    sent = datetime.now(UTC).replace(microsecond=0)

    def signed(seq: int, who) -> bytes:
        warning = EarlyWarning(
            id=f"w-{seq}", identifier=new_identifier("500000", "416", sent, seq), sender="cq-yjj@example.cn",
            sent=sent, origin="local", issue_state="issued", event="山洪", colour="red", urgency="Immediate",
            severity="Extreme", certainty="Likely", headline="山洪红色预警",
            areas=(Area("綦江区", circles=(Circle(29.0, 106.65, 8.5),)),), expires=sent + timedelta(hours=6))
        return export_cap(warning, signer=Signer.from_files(who.key, who.cert))

    for name, data in (("ours.xml", signed(1, centre)), ("theirs.xml", signed(2, stranger))):
        (inbox / name).write_bytes(data)
        os.utime(inbox / name, (time.time() - 10, time.time() - 10))
    watched = WatchedFolder(inbox, WarningService(mirror, events, clock), trust=centre.ca)
    results = {r.name: r for r in watched.poll()}
    assert results["ours.xml"].outcome.added == 1
    assert results["theirs.xml"].outcome is None and "不受信任" in " ".join(results["theirs.xml"].reasons)
    [ours] = WarningStore(mirror).all(include_expired=True)
    assert ours.signature == "valid" and "重庆市应急指挥中心" in ours.signed_by
