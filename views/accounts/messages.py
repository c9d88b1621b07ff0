"""The Chinese of account things: roles, clearance levels, and every refusal of
the admin API (services/accounts/admin_client.py codes, the password policy's
codes with the platform's numbers)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.accounts.admin_client import AdminRefused
from services.accounts.wire import PolicyInfo


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accounts", text)


def role_name(role: str) -> str:
    return {
        "duty_officer": _tr("Duty officer"), "duty_chief": _tr("Duty chief"), "commander": _tr("Commander"),
        "viewer": _tr("Viewer"), "field_unit": _tr("Field unit"), "admin": _tr("Administrator"),
        "sensor_gateway": _tr("Sensor gateway"),
    }.get(role, role)


def clearance_name(level: int) -> str:
    """0 公开, 1 内部; higher levels by number (the clearance slice names a centre's own)."""
    if level == 0:
        return _tr("Public (0)")
    if level == 1:
        return _tr("Internal (1)")
    return _tr("Level %1").replace("%1", str(level))


def password_problem(code: str, policy: PolicyInfo | None) -> str:
    length = str(policy.min_length) if policy else "?"
    kinds = str(policy.min_classes) if policy else "?"
    return {
        "too_short": _tr("The password needs at least %1 characters.").replace("%1", length),
        "too_long": _tr("The password is longer than 200 characters."),
        "few_classes": _tr("The password needs characters of at least %1 kinds (lower case, upper case, digits, "
                           "others).").replace("%1", kinds),
        "contains_username": _tr("The password must not contain the user name."),
        "control_chars": _tr("The password holds control characters."),
    }.get(code, _tr("The password does not meet the platform's rules."))


def refusal(exc: AdminRefused, policy: PolicyInfo | None = None) -> str:
    if exc.code == "password":
        return "\n".join(password_problem(code, policy) for code in exc.password_codes)
    return {
        "not_logged_in": _tr("Not logged in to the platform: log in first."),
        "offline": _tr("The platform cannot be reached; nothing was changed."),
        "forbidden": _tr("Only an administrator may manage accounts."),
        "not_found": _tr("No such account or workstation on the platform (refresh the list)."),
        "conflict": _tr("Refused: the name is taken, or an administrator may not deactivate or demote "
                        "their own account."),
        "invalid": _tr("The platform refused the values entered."),
    }.get(exc.code, _tr("The platform could not carry this out."))
