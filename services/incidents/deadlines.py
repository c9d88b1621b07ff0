"""Reporting deadlines (首报 / 续报 时限) from a per-severity rule table."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from services.incidents.model import EntryKind, Incident, Severity
from services.paths import RESOURCES_DIR

DEFAULT_RULES = RESOURCES_DIR / "reporting_rules.toml"


@dataclass(frozen=True)
class ReportingRule:
    initial_minutes: int
    follow_up_minutes: int
    warn_minutes: int


class DeadlineKind(StrEnum):
    INITIAL = "initial"
    FOLLOW_UP = "follow_up"


class DeadlineState(StrEnum):
    OK = "ok"
    NEAR = "near"  # amber
    OVERDUE = "overdue"  # red


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    due_at: datetime
    state: DeadlineState
    remaining: timedelta  # negative when overdue


class RulesError(ValueError):
    pass


class ReportingRules:
    def __init__(self, rules: dict[Severity, ReportingRule]):
        self._rules = rules

    def rule(self, severity: Severity) -> ReportingRule:
        return self._rules[severity]

    def with_overrides(self, overrides: dict[str, Any]) -> ReportingRules:
        """Applies a centre's own values (from the config file) over these."""
        rules = dict(self._rules)
        for key, values in overrides.items():
            try:
                sev = Severity(key)
            except ValueError as exc:
                raise RulesError(f"unknown severity {key!r} in reporting rules") from exc
            rules[sev] = replace(rules[sev], **_checked(values, key))
        return ReportingRules(rules)

    def deadline(self, incident: Incident, now: datetime) -> Deadline | None:
        """The next report due for an open incident, or None."""
        if not incident.status.is_open:
            return None
        return self.next_due(incident.severity, incident.occurred_at, incident.last_report_at,
                             incident.last_report_kind, now)

    def next_due(self, severity: Severity, occurred_at: datetime, last_report_at: datetime | None,
                 last_report_kind: EntryKind | None, now: datetime) -> Deadline | None:
        """The same from bare fields, for summaries over thousands of open incidents."""
        if last_report_kind == EntryKind.FINAL_REPORT:
            return None
        rule = self._rules[severity]
        if last_report_at is None:
            kind = DeadlineKind.INITIAL
            due = occurred_at + timedelta(minutes=rule.initial_minutes)
        elif rule.follow_up_minutes > 0:
            kind = DeadlineKind.FOLLOW_UP
            due = last_report_at + timedelta(minutes=rule.follow_up_minutes)
        else:
            return None
        remaining = due - now
        if remaining < timedelta(0):
            state = DeadlineState.OVERDUE
        elif remaining <= timedelta(minutes=rule.warn_minutes):
            state = DeadlineState.NEAR
        else:
            state = DeadlineState.OK
        return Deadline(kind, due, state, remaining)


FIELDS = ("initial_minutes", "follow_up_minutes", "warn_minutes")


def _checked(values: Any, where: str) -> dict[str, int]:
    if not isinstance(values, dict):
        raise RulesError(f"reporting rule {where!r} must be a table")
    out: dict[str, int] = {}
    for name, value in values.items():
        if name not in FIELDS:
            raise RulesError(f"unknown field {name!r} in reporting rule {where!r}")
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10080:
            raise RulesError(f"{where}.{name} must be a whole number of minutes (0–10080)")
        out[name] = value
    return out


def load_rules(path: Path | None = None) -> ReportingRules:
    path = Path(path or DEFAULT_RULES)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RulesError(f"{path}: {exc}") from exc
    rules: dict[Severity, ReportingRule] = {}
    for sev in Severity:
        values = _checked(doc.get(sev.value, {}), sev.value)
        if set(values) != set(FIELDS):
            raise RulesError(f"{path}: rule {sev.value!r} needs {', '.join(FIELDS)}")
        rules[sev] = ReportingRule(**values)
    return ReportingRules(rules)
