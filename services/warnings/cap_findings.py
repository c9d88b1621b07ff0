"""What a CAP check found and what it accepted: the values every stage of the
check (intake, schema, rules, parse, signature) hands back, kept in a module
that imports nothing of the project so each stage can use them without a cycle.

`valid` says the document was accepted; alerts in a feed that were refused are
still listed in `errors` (by path, `entry[3]/alert/...`) beside the warnings
the rest of the feed gave, and counted in `refused`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from services.warnings.model import EarlyWarning


@dataclass(frozen=True)
class Finding:
    """One problem or recommendation: a stable code for scripts, a sentence in
    Chinese for the officer, and where in the document (`alert/info[1]/area[2]/polygon[1]`)."""

    code: str
    message: str
    path: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "path": self.path}

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass
class CapResult:
    valid: bool
    errors: list[Finding] = field(default_factory=list)
    recommendations: list[Finding] = field(default_factory=list)
    warnings: list[EarlyWarning] = field(default_factory=list)  # none when not valid
    source_name: str = ""
    alerts: int = 0  # alerts the document held (1 for a single alert)
    refused: int = 0  # of them refused (a feed imports the rest)

    @property
    def clean(self) -> bool:
        """Accepted with nothing refused: what `watchroom cap check` calls valid."""
        return self.valid and not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source_name, "valid": self.clean, "alerts": self.alerts, "refused": self.refused,
            "accepted": len(self.warnings), "errors": [f.as_dict() for f in self.errors],
            "recommendations": [f.as_dict() for f in self.recommendations],
        }  # fmt: skip


class Refused(Exception):
    """The document (or one alert of a feed) cannot be read at all: a finding that ends the check."""

    def __init__(self, code: str, message: str, path: str = ""):
        super().__init__(message)
        self.finding = Finding(code, message, path)
