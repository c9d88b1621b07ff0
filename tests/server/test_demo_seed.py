"""Demo incidents on the platform reach a client through the ordinary sync."""

from server.db import open_database
from server.demo import seed_demo_incidents
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client, mirror_state


def test_demo_incidents_sync_to_a_fresh_client(tmp_path, clock):
    url = "sqlite:///" + str(tmp_path / "p.db")
    db = open_database(url)
    assert seed_demo_incidents(db, 25) == 25
    assert seed_demo_incidents(db, 25) == 0  # only into an empty platform
    db.dispose()
    live = start_live_server(url)
    add_users(live)
    client = make_client(tmp_path / "c.db", [live.url], clock)
    try:
        assert client.sync(), client.engine.status.last_error
        incidents, entries = mirror_state(client)
        assert len(incidents) == 25 and len(entries) >= 25
        assert all(code.startswith("CQ-20") for code, *_ in incidents.values())  # the site's numbers
    finally:
        client.close()
        live.stop()


def test_demo_orders_and_contacts_sync_to_a_fresh_client(tmp_path, clock):
    from server.demo import seed_demo_contacts, seed_demo_orders, seed_demo_resources
    from services.contacts.store import ContactStore
    from services.dispatch.lifecycle import OrderStatus

    url = "sqlite:///" + str(tmp_path / "p.db")
    db = open_database(url)
    seed_demo_incidents(db, 30)
    seed_demo_resources(db, 50)
    assert seed_demo_orders(db, 12) == 12 and seed_demo_orders(db, 12) == 0
    assert seed_demo_contacts(db) > 50
    db.dispose()
    live = start_live_server(url)
    add_users(live)
    client = make_client(tmp_path / "c.db", [live.url], clock)
    try:
        assert client.sync(), client.engine.status.last_error
        orders = client.dispatch.active()
        assert len(orders) == 12 and any(o.status != OrderStatus.ISSUED for o in orders)
        assert all(client.incidents.timeline(o.incident_id) for o in orders)
        assert ContactStore(client.mirror).search("指挥中心")
    finally:
        client.close()
        live.stop()
