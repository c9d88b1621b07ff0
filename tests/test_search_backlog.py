"""Deferred search indexing (offline_cache/search_index.py): rows written during a
catch-up are found by search before and after the background indexer reaches them,
and the FTS indexes stay consistent through updates of not-yet-indexed rows."""

from __future__ import annotations

from sqlalchemy import text

from offline_cache import search_index
from services.incidents.model import EntryKind, IncidentChanges
from tests.helpers import draft


def integrity_ok(mirror) -> None:
    with mirror.write() as s:  # raises if an index disagrees with its content table
        s.execute(text("INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')"))
        s.execute(text("INSERT INTO entry_fts(entry_fts) VALUES ('integrity-check')"))


def fts_hits(mirror, table: str, phrase: str) -> int:
    with mirror.read() as s:
        return s.scalar(text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :q"), {"q": phrase})


def test_rows_waiting_for_the_indexer_are_found_and_then_indexed(mirror, incident_service, clock):
    indexed = incident_service.create_incident(draft(clock, title="江北区观音桥餐馆火灾"), "a")
    with mirror.write() as s:
        search_index.defer(s)
    waiting = incident_service.create_incident(draft(clock, title="南岸区边坡垮塌"), "a")
    incident_service.append_entry(waiting.id, EntryKind.NOTE, "现场发现燃气管道泄漏，有人被困", "a")
    assert fts_hits(mirror, "incident_fts", '"边坡垮塌"') == 0  # really not indexed yet
    assert [i.id for i in incident_service.search("边坡垮塌")] == [waiting.id]
    assert [i.id for i in incident_service.search("燃气管道")] == [waiting.id]
    assert [i.id for i in incident_service.search("被困")] == [waiting.id]
    assert [i.id for i in incident_service.search("观音桥")] == [indexed.id]
    with mirror.read() as s:
        assert search_index.pending_rows(s) == 1 + len(incident_service.timeline(waiting.id))

    while search_index.index_some(mirror, rows=1):
        pass
    with mirror.read() as s:
        assert search_index.backlog(s) == {}
    assert fts_hits(mirror, "incident_fts", '"边坡垮塌"') == 1
    assert fts_hits(mirror, "entry_chars", '"被 困"') == 1
    assert [i.id for i in incident_service.search("燃气管道")] == [waiting.id]
    integrity_ok(mirror)


def test_updating_a_waiting_row_leaves_the_indexes_consistent(mirror, incident_service, clock):
    with mirror.write() as s:
        search_index.defer(s)
    inc = incident_service.create_incident(draft(clock, title="巴南区货车侧翻"), "a")
    incident_service.update_incident(inc.id, IncidentChanges(title="巴南区槽罐车侧翻"), "a")
    assert [i.id for i in incident_service.search("槽罐车")] == [inc.id]
    while search_index.index_some(mirror):
        pass
    integrity_ok(mirror)
    assert fts_hits(mirror, "incident_fts", '"货车侧翻"') == 0
    incident_service.update_incident(inc.id, IncidentChanges(title="巴南区客车侧翻"), "a")
    assert fts_hits(mirror, "incident_fts", '"槽罐车"') == 0
    assert [i.id for i in incident_service.search("客车侧翻")] == [inc.id]
    integrity_ok(mirror)
