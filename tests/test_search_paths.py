"""However a search's page is found (the newest-first walk for common terms, the
index for rare ones, the character index checked row by row for 1-2 character
terms), it is the page a plain scan gives: every incident whose fields or entries
hold each term, newest first, page after page. Checked on a generated mirror where
some late-loaded incidents (high pks) are old, as after a catch-up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from offline_cache.database import open_mirror
from services.clock import ManualClock
from services.demo_data import DemoGenerator
from services.incidents.bulk import load_batch
from services.incidents.deadlines import load_rules
from services.incidents.repository import IncidentQuery
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from tests.benchmarks.mirror_build import build_mirror

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
QUERIES = ["火", "水", "被困", "渝中", "泄漏", "张伟", "侧翻", "滑坡", "万州", "秀", "解放碑", "交通管制",
           "燃气管道", "槽罐车泄漏", "三峡广场", "2025-00", "火 渝中", "交通管制 侧翻", "秀 被困", "无此词语"]


@pytest.fixture(scope="module")
def searched(tmp_path_factory):
    path = tmp_path_factory.mktemp("paths") / "mirror.db"
    build_mirror(path, 2500, 6, NOW, batch=1000)
    mirror = open_mirror(path)
    late = DemoGenerator(load_taxonomy(), site_code="WZ", seed=11).generate(300, NOW - timedelta(days=400), span=timedelta(days=30),
                                                            entries_per_incident=6)
    load_batch(mirror, late.incidents, late.entries)  # old incidents with the highest pks
    svc = IncidentService(mirror, load_taxonomy(), load_rules(), site_code="CQ", clock=ManualClock(NOW))
    yield svc
    mirror.close()


def _scanned(svc: IncidentService, text: str) -> list[str]:
    """The truth, by a scan in Python: each term in a field or in an entry."""
    con = svc.mirror.raw_connection()
    try:
        bodies: dict[int, list[str]] = {}
        for pk, body in con.execute("SELECT incident_pk, body FROM entries"):
            bodies.setdefault(pk, []).append(body)
        found = []
        for pk, code, reported, *fields in con.execute(
                "SELECT pk, code, reported_at, title, place, code, type_name, division, reporter, summary "
                "FROM incidents"):
            texts = [*fields, *bodies.get(pk, [])]
            if all(any(term in t for t in texts) for term in text.split()):
                found.append((reported, pk, code))
    finally:
        con.close()
    return [code for _r, _pk, code in sorted(found, reverse=True)]


@pytest.mark.parametrize("text", QUERIES)
def test_every_path_gives_the_scanned_pages(searched, text):
    expected = _scanned(searched, text)
    pages = []
    for offset in (0, 200, 400):
        pages += [i.code for i in searched.list_page(IncidentQuery(text=text), offset, 200)]
    assert pages == expected[:600]
    assert searched.count(IncidentQuery(text=text)) == len(expected)


def test_windows_hold_the_first_pages(searched):
    """The newest-first windows are what answered (not the whole-mirror fallback)."""
    from services.incidents.search_page import _window_pks, density

    with searched.mirror.read() as s:
        answered = [text for text in ("秀", "渝中", "泄漏", "万州")
                    if _window_pks(s, IncidentQuery(text=text), 0, 100, density(s, text)) is not None]
    assert answered  # (a window too small for its page is let go: the whole mirror answers)


def test_entries_appended_after_a_window_search_are_found(searched):
    """The window's entry bound is kept between searches: new entries (higher pks)
    must still be found, on the newest incidents and on old ones."""
    from services.incidents.model import EntryKind

    first = [i.code for i in searched.list_page(IncidentQuery(text="渝中"), 0, 200)]
    assert first == _scanned(searched, "渝中")[:200]
    newest = searched.list_page(IncidentQuery(), 0, 400)
    for incident in (newest[3], newest[150], newest[399]):
        searched.append_entry(incident.id, EntryKind.NOTE, "渝中区转来的补充情况", "test")
    expected = _scanned(searched, "渝中")
    assert [i.code for i in searched.list_page(IncidentQuery(text="渝中"), 0, 200)] == expected[:200]
    assert [i.code for i in searched.list_page(IncidentQuery(text="渝中"), 200, 200)] == expected[200:400]
