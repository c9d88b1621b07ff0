"""What a platform role may do with warnings, as the platform says (a duty
officer drafts and submits, a commander approves or returns); the client hides
what a role cannot do and the platform refuses it anyway. No role yet (never
signed in, a standalone demo) shows everything: the platform decides at sync."""

from __future__ import annotations

DRAFTERS = ("duty_officer", "duty_chief", "admin")
APPROVERS = ("commander", "admin")


def may_draft(role: str | None) -> bool:
    return role is None or role in DRAFTERS


def may_approve(role: str | None) -> bool:
    return role is None or role in APPROVERS
