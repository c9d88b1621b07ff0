"""Who an applied change is by, as the platform knows it: the account the token
names (with its role, and the unit or site the account is bound to) and the
workstation it logged in from. The client's own names (author, created_by,
issued_by, by, opened_by, sender) are display text kept beside it, never
trusted (DESIGN.md, "Trust"). Handlers find it in the session's info, where
the request put it; imports nothing of the project."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ACCOUNT_MAX = 100  # users.username
WORKSTATION_MAX = 64  # a mirror id, as OpBatch.client_id


@dataclass(frozen=True)
class Actor:
    account: str = ""  # "" for the platform itself (seeding, migrations)
    role: str = ""
    workstation: str = ""
    unit_id: str = ""  # a field unit's resource or team id
    site_code: str = ""  # the site an account is bound to ("" for none)
    # The highest level (services/clearance.py) its writes may carry and the records
    # it may touch: the lower of the account's and the workstation's; the platform's own: all.
    clearance: int = 9

    def stamp(self, what: str) -> dict[str, str]:
        """Column values of the account and workstation behind `what` ("created",
        "updated", "issued", "opened", "author", "sender"): `created_by_account` and
        `created_workstation`; `author_account` and `author_workstation`."""
        by = f"{what}_by" if what in _BY else what
        return {f"{by}_account": self.account, f"{what}_workstation": self.workstation}


_BY = frozenset({"created", "updated", "issued", "opened"})
PLATFORM = Actor()


def actor_of(s: Any) -> Actor:
    """The actor of the session's changes (a Session; PLATFORM when none was set)."""
    return s.info.get("actor", PLATFORM)
