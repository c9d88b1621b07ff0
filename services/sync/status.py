"""What the sync engine reports: the state the status bar shows, and how much
of the feed it applied (benchmarks, logs)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class SyncStatus:
    state: str = "offline"  # online / weak / offline / unconfigured
    endpoint: str = ""
    cluster_id: str = ""
    last_success: datetime | None = None
    pending: int = 0
    rejected: int = 0
    last_error: str = ""
    problem: str = ""  # one of PROBLEMS, or "" (also "not_logged_in" / "logged_out" from the app)
    account: str = ""  # the platform account of the last log-in, and its role ("" until one succeeded)
    role: str = ""
    contacts: dict[str, datetime] = field(default_factory=dict)  # endpoint url -> last contact
    # The last clearance purge (services/sync/clearance_purge.py): records removed, when, and
    # the clearance the platform now grants this workstation (None until a page said).
    purged: int = 0
    purged_at: datetime | None = None
    clearance: int | None = None


@dataclass
class FeedStats:
    """Changes applied from the feed and the time spent applying them (benchmarks, logs)."""

    applied: int = 0
    apply_s: float = 0.0
