"""A satellite-grade link (64 kbit/s, 600 ms round trip), and a server restart
in the middle of an exchange."""

from __future__ import annotations

import time

from services.incidents.model import EntryKind
from tests.faultproxy import FaultProxy
from tests.helpers import KINDS, draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client, mirror_state


def test_new_entry_crosses_a_thin_link_within_five_seconds(tmp_path, clock):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    client = make_client(tmp_path / "a.db", [proxy.url()], clock)
    try:
        inc = client.incidents.create_incident(draft(clock), "a")
        assert client.sync()  # logged in and caught up before the link degrades
        proxy.bandwidth(64_000)
        proxy.latency(300)
        entry = client.incidents.append_entry(inc.id, EntryKind.NOTE, "卫星链路上的续报", "a")
        started = time.monotonic()
        assert client.sync()
        elapsed = time.monotonic() - started
        check = make_client(tmp_path / "b.db", [live.url], clock, site="B")
        try:
            assert check.sync()
            assert entry.id in mirror_state(check)[1]
        finally:
            check.close()
        assert elapsed < 5, elapsed
    finally:
        client.close()
        proxy.stop()
        live.stop()


def test_server_restarted_between_exchanges_keeps_cursor_and_data(tmp_path, clock):
    db = "sqlite:///" + str(tmp_path / "platform.db")
    live = start_live_server(db)
    add_users(live)
    client = make_client(tmp_path / "a.db", [live.url], clock)
    try:
        inc = client.incidents.create_incident(draft(clock), "a")
        assert client.sync()
        live.stop()
        client.incidents.append_entry(inc.id, EntryKind.NOTE, "重启期间写入", "a")
        client.engine.endpoints = [client.engine.endpoints[0]]
        assert client.sync() is False  # the server is down: queued, not lost
        live = start_live_server(db)
        client.engine.endpoints = [client.engine.endpoints[0].__class__(live.url, "duty", "duty-pw")]
        assert client.sync(), client.engine.status.last_error
        assert client.engine.status.cluster_id  # same database, same cluster: cursor kept
        check = make_client(tmp_path / "b.db", [live.url], clock, site="B")
        try:
            assert check.sync()
            assert mirror_state(check) == mirror_state(client)
        finally:
            check.close()
    finally:
        client.close()
        live.stop()


def test_interrupted_bootstrap_resumes_where_it_stopped(tmp_path, clock):
    from server.db import open_database
    from server.demo import seed_demo_incidents
    from services.sync import bootstrap
    from services.sync.apply import cursor

    url = "sqlite:///" + str(tmp_path / "platform.db")
    db = open_database(url)
    seed_demo_incidents(db, 300)
    db.dispose()
    live = start_live_server(url)
    add_users(live)
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    client = make_client(tmp_path / "a.db", [proxy.url()], clock)
    client.engine.page_size = 300
    try:
        proxy.bandwidth(2_000_000)
        proxy.drop_after(150_000)  # the link dies part-way through the catch-up
        assert client.sync() is False
        cluster = live.app.state.cluster_id
        stopped_at = bootstrap.pending(client.mirror, KINDS, cluster)
        assert stopped_at is not None and stopped_at.after_id  # whole pages that arrived were kept
        asked = []
        fetch = client.engine._fetch_snapshot
        client.engine._fetch_snapshot = lambda e, c, progress: asked.append(progress) or fetch(e, c, progress)
        proxy.restore()
        assert client.sync(), client.engine.status.last_error
        assert asked[0] == stopped_at  # resumed there, not from the start
        assert bootstrap.pending(client.mirror, KINDS, cluster) is None
        assert cursor(client.mirror, cluster) >= stopped_at.as_of
        check = make_client(tmp_path / "b.db", [live.url], clock, site="B")
        try:
            assert check.sync()
            assert mirror_state(check) == mirror_state(client)
        finally:
            check.close()
    finally:
        client.close()
        proxy.stop()
        live.stop()
