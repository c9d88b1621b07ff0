"""Incident numbers people read over the phone and print: `CQ-2026-0042`.

The site code makes a number unique across the platform while each site still
assigns its numbers offline (DESIGN.md, "Identifiers people read"). Numbers
from before the site code was part of them (`2026-0042`) are migrated by
prefixing their site code, on the platform and in every mirror alike."""

from __future__ import annotations

import re

SITE_CODE = re.compile(r"^[A-Z0-9]{1,16}$")
_LEGACY = re.compile(r"^\d{4}-\d{4,}$")


def format_number(site_code: str, year: int, n: int) -> str:
    return f"{site_code}-{year}-{n:04d}"


def is_legacy(code: str) -> bool:
    """A number from before the site code was part of it (`2026-0042`)."""
    return bool(_LEGACY.match(code))


def with_site(code: str, site_code: str) -> str:
    """The platform-wide form of a number: legacy numbers get their site code."""
    return f"{site_code}-{code}" if is_legacy(code) and site_code else code


def number_prefix(site_code: str, year: int) -> str:
    return f"{site_code}-{year}-"
