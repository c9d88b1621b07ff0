"""The client's admin API calls and log-out against a live platform (issue 18
item 2), on a SQLite file and on PostgreSQL: an admin lists, creates and
changes accounts; the policy's refusal arrives as its codes; another role is
forbidden; log out ends the session's token on the platform, log out
everywhere every token of the account."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from argon2 import PasswordHasher

from server import auth
from server.app import add_user
from server.notifications import LogGateway
from services.accounts.admin_client import AccountAdmin, AdminRefused
from services.sync.endpoint import Endpoint
from services.sync.platform_session import PlatformSession
from services.sync.wire import API_PREFIX
from tests.server.live_server import start_live_server

PASSWORD = "correct horse battery"


@pytest.fixture(params=["sqlite", "postgresql"])
def live(request, tmp_path):
    auth.use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'platform.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database("t_" + uuid.uuid4().hex[:12])
    server = start_live_server(url, key_file=tmp_path / "token.key", gateway=LogGateway(tmp_path / "n.log"))
    for name, role in (("root", "admin"), ("duty", "duty_officer")):
        add_user(server.app.state.db, name, PASSWORD, role)
    yield server
    server.stop()
    auth.use_hasher(PasswordHasher())


def _admin(server, name: str, workstation: str = "ws-1") -> tuple[AccountAdmin, PlatformSession, Endpoint]:
    session = PlatformSession(workstation, timeout_s=10, transport=None, on_login=lambda *_: None)
    endpoint = Endpoint(server.url, name, PASSWORD)
    return AccountAdmin(lambda: lambda m, p, **kw: session.authed(endpoint, m, p, **kw)), session, endpoint


def test_an_admin_manages_accounts_through_the_client(live):
    async def go():
        admin, session, _ = _admin(live, "root")
        directory = await admin.directory()
        assert {a.username for a in directory.accounts} == {"root", "duty"}
        assert [w.name for w in directory.workstations] == ["ws-1"] and directory.policy.min_length == 12
        with pytest.raises(AdminRefused) as refused:
            await admin.create_user("li", "li-li", "viewer", 1)
        assert refused.value.code == "password"
        assert set(refused.value.password_codes) == {"too_short", "few_classes", "contains_username"}
        await admin.create_user("li", "Sturdy-Pass-2026", "viewer", 2)
        with pytest.raises(AdminRefused) as taken:
            await admin.create_user("li", "Sturdy-Pass-2026", "viewer", 2)
        assert taken.value.code == "conflict"
        await admin.set_clearance("li", 4)
        await admin.set_role("li", "commander")
        with pytest.raises(AdminRefused) as missing:
            await admin.set_clearance("nobody", 1)
        assert missing.value.code == "not_found"
        with pytest.raises(AdminRefused) as invalid:
            await admin.set_clearance("li", 12)  # checked before sending
        assert invalid.value.code == "invalid"
        await admin.set_workstation_clearance("ws-1", 0)
        li = [a for a in (await admin.directory()).accounts if a.username == "li"][0]
        assert (li.role, li.clearance) == ("commander", 4)
        await session.aclose()

        duty, duty_session, _ = _admin(live, "duty", "ws-2")
        with pytest.raises(AdminRefused) as forbidden:
            await duty.directory()
        assert forbidden.value.code == "forbidden"
        await duty_session.aclose()
        offline = AccountAdmin(lambda: None)
        with pytest.raises(AdminRefused) as none:
            await offline.directory()
        assert none.value.code == "not_logged_in"

    asyncio.run(go())


def test_log_out_and_log_out_everywhere_end_tokens_on_the_platform(live):
    async def go():
        admin_a, session_a, endpoint = _admin(live, "duty", "ws-a")
        _admin_b, session_b, _ = _admin(live, "duty", "ws-b")
        token_a, token_b = await session_a.login(endpoint), await session_b.login(endpoint)
        async with httpx.AsyncClient(base_url=live.url + API_PREFIX) as raw:
            async def status(token: str) -> int:
                return (await raw.get("/changes", headers={"Authorization": "Bearer " + token})).status_code

            assert await status(token_a) == 200 and await status(token_b) == 200
            await admin_a.log_out()
            assert await status(token_a) == 401 and await status(token_b) == 200
            await admin_a.log_out(everywhere=True)  # logs in again first: the password is still held
            assert await status(token_b) == 401
        await session_a.aclose()
        await session_b.aclose()

    asyncio.run(go())
