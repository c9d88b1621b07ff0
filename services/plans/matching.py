"""Proposing plans for an incident: the published plans that apply to its type
(or, for plans naming only categories, its category), each with the gravest
response level whose conditions hold and the facts that made it hold, so the
officer reads why ("死亡 3 人，达到 III 级响应条件"). Plans are indexed by type
and category once per change of the library, so a proposal over 500 plans
evaluates only the few that apply."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from services.plans.conditions import Fact, evaluate
from services.plans.contract import level_rank, sorted_levels


@dataclass(frozen=True)
class PlanRules:
    id: str
    title: str
    plan_version: str
    plan_type: str
    categories: frozenset[str]
    types: frozenset[str]
    levels: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class Proposal:
    plan_id: str
    title: str
    plan_version: str
    plan_type: str
    level: str | None  # None: the plan applies, no level's conditions hold yet
    facts: tuple[Fact, ...]  # what made the level's conditions hold
    by_type: bool  # the plan names the incident's type (not only its category)
    note: str = ""  # the level's note in the plan


class Library:
    """The published plans' rules, indexed by type and by category."""

    def __init__(self, plans: Iterable[PlanRules]):
        self.plans = list(plans)
        self._by_type: dict[str, list[PlanRules]] = {}
        self._by_category: dict[str, list[PlanRules]] = {}
        for plan in self.plans:
            for code in plan.types:
                self._by_type.setdefault(code, []).append(plan)
            if not plan.types:
                for code in plan.categories:
                    self._by_category.setdefault(code, []).append(plan)
        self._ordered = {plan.id: sorted_levels(plan.levels) for plan in self.plans}

    def __len__(self) -> int:
        return len(self.plans)

    def propose(self, figures: Mapping[str, Any]) -> list[Proposal]:
        """The plans that apply to an incident of these figures (deaths, injured,
        missing, trapped, severity, type, category), the gravest response first,
        then plans for its type before plans for its whole category."""
        candidates = [(p, True) for p in self._by_type.get(figures.get("type", ""), ())]
        candidates += [(p, False) for p in self._by_category.get(figures.get("category", ""), ())]
        proposals = []
        for plan, by_type in candidates:
            level, facts, note = None, (), ""
            for lv in self._ordered[plan.id]:
                held, found = evaluate(lv["conditions"], figures)
                if held:
                    level, facts, note = lv["level"], found, lv.get("note", "")
                    break
            proposals.append(Proposal(plan.id, plan.title, plan.plan_version, plan.plan_type, level, facts,
                                      by_type, note))
        proposals.sort(key=lambda p: (-level_rank(p.level), not p.by_type, p.title))
        return proposals


def incident_figures(incident: Any) -> dict[str, Any]:
    """What conditions can name, from an incident (services/incidents/model.py)."""
    c = incident.casualties
    return {"deaths": c.deaths, "injured": c.injured, "missing": c.missing, "trapped": c.trapped,
            "severity": str(incident.severity), "type": incident.type_code, "category": str(incident.category)}
