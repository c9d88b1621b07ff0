"""The warning (预警信息) contract both ends keep: the fields a warning record
has, the values they take and their limits, and the issue lifecycle of the
warnings drafted here. CAP import (services/warnings/cap_*), the client's feed
checks and the platform's apply all read it, so they cannot drift apart.

CAP 1.2 names are kept where CAP has the concept (status, msg_type, scope,
urgency, severity, certainty); the level colour is a field of its own because
feeds carry it beside the CAP severity and one is not derivable from the other.
Pure Python: no database, no Qt."""

from __future__ import annotations

# ---- values -----------------------------------------------------------------

COLOURS = ("red", "orange", "yellow", "blue")  # 红 / 橙 / 黄 / 蓝, the gravest first
CAP_STATUSES = ("Actual", "Exercise", "System", "Test", "Draft")
MSG_TYPES = ("Alert", "Update", "Cancel", "Ack", "Error")
SCOPES = ("Public", "Restricted", "Private")
URGENCIES = ("Immediate", "Expected", "Future", "Past", "Unknown")
SEVERITIES = ("Extreme", "Severe", "Moderate", "Minor", "Unknown")
CERTAINTIES = ("Observed", "Likely", "Possible", "Unlikely", "Unknown")
CAP_CATEGORIES = ("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport",
                  "Infra", "CBRNE", "Other")  # fmt: skip
ORIGINS = ("external", "local")  # imported from outside / drafted and issued here

# The issue lifecycle of a warning drafted here: 草稿 → 待审核 → 已签发, forward
# only; a pending one may go back to draft only by a commander's return with a
# reason (退回). External warnings are `received` from the start and never move.
ISSUE_STATES = ("draft", "pending", "issued", "received")
ISSUE_MOVES = {"draft": ("pending",), "pending": ("issued", "draft"), "issued": (), "received": ()}

# What became of a warning after later messages: an Update replaces it on the
# map (`superseded`, with `replaced_by`), a Cancel ends it (`cancelled`).
STANDINGS = ("standing", "superseded", "cancelled")

# ---- fields -----------------------------------------------------------------

WARNING_FIELDS = (
    "id", "identifier", "sender", "sender_name", "sent", "cap_status", "msg_type", "scope", "references",
    "origin", "event", "event_code", "cap_category", "colour", "urgency", "severity", "certainty",
    "headline", "description", "instruction", "language", "english", "areas", "effective", "onset",
    "expires", "issue_state", "standing", "replaced_by", "incident_id", "signed_by", "signature",
    "source_name", "checks",
)  # fmt: skip
TIME_FIELDS = ("sent", "effective", "onset", "expires")  # UTC, ISO 8601 in payloads
TEXT_LIMITS = {
    "identifier": 200, "sender": 200, "sender_name": 200, "event": 200, "event_code": 16, "headline": 300,
    "description": 8_000, "instruction": 4_000, "language": 16, "source_name": 200, "signed_by": 400,
}  # fmt: skip
MAX_AREAS = 50
MAX_POLYGON_POINTS = 5_000  # per polygon
MAX_POLYGONS = 50  # per area
MAX_CIRCLES = 50  # per area
MAX_GEOCODES = 500  # per area
MAX_REFERENCES = 100
GEOCODE_DIGITS = 6  # GB/T 2260 administrative division codes
