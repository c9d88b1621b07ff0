"""The client's [warnings] table (预警信息):

    [warnings]
    region_codes = ["500000"]      # GB/T 2260 prefixes of "inside the watch room's region" (with [region])
    agency_code = "416"            # the centre's agency code in identifiers (3, 6 or 8 digits)
    region_code = "500000"         # the region code identifiers start with (default: the first region code)
    sender = "cq-yjj@gov.cn"       # <sender> of warnings issued here
    folder = "/srv/cap-inbox"      # a watched folder: CAP files dropped here are checked and imported
    signing_key = "centre.key"     # optional: sign exported warnings (PEM key and certificate)
    signing_cert = "centre.pem"
    trust = "ca.pem"               # optional: CA certificates signed imports must chain to

Relative paths are relative to the config file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CODE = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class WarningsConfig:
    region_codes: tuple[str, ...] = ()
    region_code: str = ""
    agency_code: str = ""
    sender: str = ""
    folder: Path | None = None
    signing_key: Path | None = None
    signing_cert: Path | None = None
    trust: Path | None = None


def load_warnings(table: dict[str, Any], base: Path, error: type[Exception]) -> WarningsConfig:
    """The [warnings] table checked; `error` (ConfigError) names the key at fault."""
    codes = table.get("region_codes", [])
    if not isinstance(codes, list) or not all(isinstance(c, str) and CODE.match(c) for c in codes):
        raise error("[warnings] region_codes must be a list of 6-digit GB/T 2260 codes")
    region = table.get("region_code", codes[0] if codes else "")
    if not isinstance(region, str) or (region and not CODE.match(region)):
        raise error("[warnings] region_code must be a 6-digit GB/T 2260 code")
    agency = table.get("agency_code", "")
    if not isinstance(agency, str) or (agency and not re.fullmatch(r"\d{3}|\d{6}|\d{8}", agency)):
        raise error("[warnings] agency_code must be 3, 6 or 8 digits")
    sender = table.get("sender", "")
    if not isinstance(sender, str) or len(sender) > 200 or re.search(r"[\s,<&]", sender):
        raise error("[warnings] sender is text without spaces, commas, < or &")

    def path(name: str) -> Path | None:
        value = table.get(name, "")
        if not isinstance(value, str):
            raise error(f"[warnings] {name} must be a path")
        return (base / Path(value).expanduser()).resolve() if value else None

    return WarningsConfig(tuple(codes), region, agency, sender, path("folder"), path("signing_key"),
                          path("signing_cert"), path("trust"))
