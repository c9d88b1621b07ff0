"""Plan files (TOML or JSON, one schema: a list `plan` of plans, see the README)
read all or nothing: every problem of every plan by its number and path (plan 2, `levels[0].op`),
nothing to import unless there are none. `import_plans` parses in a bounded
child process (services/imports/bounded.py), like every import of a file an
officer picks; `read_plans` is the parser itself (the demo's own example files)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from services.imports.bounded import Budget, bounded_import, plain_result
from services.imports.formats import load_json, read_limited
from services.incidents.taxonomy import load_taxonomy
from services.paths import RESOURCES_DIR
from services.plans.contract import Codes, check_plan, taxonomy_path, with_defaults

MAX_BYTES = 5 * 1024 * 1024
MAX_PLANS = 500
BUDGET = Budget(seconds=60.0, memory_bytes=1536 * 1024 * 1024)
EXAMPLES_DIR = RESOURCES_DIR / "plans"


@dataclass(frozen=True)
class PlanError:
    row: int  # the plan's place in the file, from 1
    field: str  # the path inside the plan: levels[1].conditions.op
    code: str
    value: str = ""


@dataclass
class PlanImport:
    records: list[dict] = field(default_factory=list)
    errors: list[PlanError] = field(default_factory=list)
    # not_found, too_large, encoding, bad_syntax, not_plans, empty, too_many, too_deep, timeout, unreadable
    file_error: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


def import_plans(path: Path, *, budget: Budget = BUDGET) -> PlanImport:
    """Checked against the workstation's taxonomy (contract.use_taxonomy), which the child loads again."""
    configured = taxonomy_path()
    return bounded_import("services.plans.files:read_plain", [str(path), str(configured or "")], PlanImport,
                          PlanError, budget)


def read_plain(path: str, taxonomy: str = "") -> dict:
    """In the child: the result as plain data."""
    return plain_result(read_plans(Path(path), Codes.of(load_taxonomy(Path(taxonomy) if taxonomy else None))))


def read_plans(path: Path, codes: Codes | None = None) -> PlanImport:
    raw = read_limited(path, MAX_BYTES)
    if isinstance(raw, str):
        return PlanImport(file_error=raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return PlanImport(file_error="encoding")
    return parse_plans(text, json_format=path.suffix.lower() == ".json" or text.lstrip().startswith("{"), codes=codes)


def parse_plans(text: str, *, json_format: bool, codes: Codes | None = None) -> PlanImport:
    if json_format:
        doc, problem = load_json(text)
        if problem:
            return PlanImport(file_error="too_deep" if problem == "too_deep" else "bad_syntax", detail=problem)
    else:
        try:
            doc = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError) as exc:
            return PlanImport(file_error="bad_syntax", detail=str(exc)[:200])
    if not isinstance(doc, dict) or not isinstance(doc.get("plan"), list):
        return PlanImport(file_error="not_plans")
    plans = doc["plan"]
    if not plans:
        return PlanImport(file_error="empty")
    if len(plans) > MAX_PLANS:
        return PlanImport(file_error="too_many", detail=str(MAX_PLANS))
    errors: list[PlanError] = []
    seen: dict[str, int] = {}
    for i, plan in enumerate(plans):
        errors += [PlanError(i + 1, p.path, p.code, p.detail) for p in check_plan(plan, codes)]
        pid = plan.get("id") if isinstance(plan, dict) else None
        if isinstance(pid, str) and pid in seen:
            errors.append(PlanError(i + 1, "id", "duplicate", str(seen[pid] + 1)))
        elif isinstance(pid, str):
            seen[pid] = i
    if errors:
        return PlanImport(errors=errors)
    return PlanImport(records=[with_defaults(p) for p in plans])


def example_plans() -> list[dict]:
    """The example plans shipped in resources/plans/ (示例), checked like any file."""
    plans: list[dict] = []
    for path in sorted(EXAMPLES_DIR.glob("*.toml")):
        result = read_plans(path, Codes.of(load_taxonomy()))  # written for the built-in taxonomy
        if not result.ok:
            raise ValueError(f"{path.name}: {result.file_error or result.errors[:3]}")
        plans += result.records
    return plans
