"""Identifiers of warnings issued here, in the GB/T 35965.1 form
`ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N`: the GB/T 2260 region code (6 digits), the
issuing agency's code (DDD, 3 digits) followed by its unit and sub-unit codes
(UUU and XX, "000" and "00" when the centre has none), the time in Beijing
time, and a 0-9 sequence for messages issued within the same second.

The agency code may be given as 3 digits (DDD), 6 (DDDUUU) or all 8 (DDDUUUXX);
what is missing takes the defaults."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "Beijing")
PATTERN = re.compile(r"^(\d{6})(\d{3})(\d{3})(\d{2})_(\d{14})_(\d)$")


def new_identifier(region_code: str, agency_code: str, when: datetime, sequence: int) -> str:
    """The CAP identifier of a warning issued here; ValueError on a malformed part."""
    if not re.fullmatch(r"\d{6}", region_code or ""):
        raise ValueError(f"region code must be 6 digits (GB/T 2260): {region_code!r}")
    if not re.fullmatch(r"\d{3}|\d{6}|\d{8}", agency_code or ""):
        raise ValueError(f"agency code must be 3, 6 or 8 digits: {agency_code!r}")
    if when.tzinfo is None:
        raise ValueError("the time must be aware (UTC or with its zone)")
    if not 0 <= sequence <= 9:
        raise ValueError(f"sequence must be 0-9: {sequence}")
    agency = (agency_code + "00000")[:8]  # DDD + UUU + XX, the missing parts as the defaults
    return f"{region_code}{agency}_{when.astimezone(BEIJING):%Y%m%d%H%M%S}_{sequence}"


def is_gb_identifier(value: str) -> bool:
    """Whether an identifier has the GB/T 35965.1 form (feeds from other profiles need not)."""
    return PATTERN.fullmatch(value) is not None
