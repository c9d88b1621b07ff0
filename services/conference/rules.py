"""会商 as both ends describe it: participants (sites and people) with the
flags the platform keeps for them, and the timeline entries it writes when a
conference opens and closes (ids derived from the conference, so the local
copy and the platform's are one entry)."""

from __future__ import annotations

import uuid

OPEN, CLOSED = "open", "closed"
PARTICIPANT_KINDS = ("site", "contact")
FLAGS = ("joined", "muted", "speaking")
MAX_PARTICIPANTS = 64
_NAMESPACE = uuid.UUID("3c8e0f4a-1d2b-4f6e-a7c9-5b0d2e8f1a64")


def entry_id(conference_id: str, what: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{conference_id}:{what}"))


def opened_body(title: str, names: list[str]) -> str:
    return f"会商开始：{title}。邀请：{'、'.join(names) or '（无）'}"


def closed_body(title: str) -> str:
    return f"会商结束：{title}"


def participant(pid: str, kind: str, name: str, video_url: str = "") -> dict:
    return {"id": pid, "kind": kind, "name": name, "video_url": video_url, "joined": False, "muted": False,
            "speaking": False}
