"""The daily report (值班日报) as both ends describe it: one record per watch
room and day (its id made from them, so sending it again replaces it), the
figures as a JSON object of bounded size, the leader's notes as text."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

TITLE_MAX, NOTES_MAX, BY_MAX, SITE_MAX = 200, 4000, 100, 32
FIGURES_MAX_CHARS = 200_000
DATE = re.compile(r"^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
FIELDS = ("site_code", "report_date", "title", "figures", "notes", "sent_by", "sent_at")
_NAMESPACE = uuid.UUID("5a1f7c3e-9d24-4b86-8e0f-2c6b9a4d7e31")


def report_id(site_code: str, report_date: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{site_code}|{report_date}"))


def figures_problem(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "figures must be a JSON object"
    if len(json.dumps(value, ensure_ascii=False)) > FIGURES_MAX_CHARS:
        return f"figures are larger than {FIGURES_MAX_CHARS} characters"
    return None
