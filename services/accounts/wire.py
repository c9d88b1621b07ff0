"""The platform's account API (admin only, server/admin_routes.py) and the
log-out routes, as both ends speak them. Clearance levels are small integers
(0 公开, 1 内部, higher as a centre configures); here only their range."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from services.sync.wire import API_PREFIX

CLEARANCE_MIN, CLEARANCE_MAX = 0, 9
ROLES = ("duty_officer", "duty_chief", "commander", "viewer", "field_unit", "sensor_gateway", "admin")  # server/auth.py ROLES
ADMIN_PREFIX = API_PREFIX + "/admin"
LOGOUT_PATH = API_PREFIX + "/auth/logout"  # this session
LOGOUT_ALL_PATH = API_PREFIX + "/auth/logout-all"  # every session of the account
PASSWORD_PATH = API_PREFIX + "/auth/password"  # change one's own


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


Name = Field(min_length=1, max_length=100)
Clearance = Field(ge=CLEARANCE_MIN, le=CLEARANCE_MAX)


class AccountInfo(_Strict):
    username: str
    role: str
    active: bool
    clearance: int
    unit_id: str = ""
    site_code: str = ""


class WorkstationInfo(_Strict):
    name: str
    clearance: int
    active: bool
    cert_subject: str = ""
    created_at: str = ""


class PolicyInfo(_Strict):
    """The platform's password policy (services/accounts/password_policy.py), for the client's words."""

    min_length: int
    min_classes: int
    forbid_username: bool


class Directory(_Strict):
    """Everything the admin panel lists."""

    accounts: list[AccountInfo]
    workstations: list[WorkstationInfo]
    policy: PolicyInfo


class NewAccount(_Strict):
    username: str = Name
    password: str = Field(min_length=1, max_length=200)
    role: str = Field(min_length=1, max_length=16)
    clearance: int = Clearance
    unit_id: str = Field(default="", max_length=64)
    site_code: str = Field(default="", max_length=32)


class RoleChange(_Strict):
    role: str = Field(min_length=1, max_length=16)
    unit_id: str | None = Field(default=None, max_length=64)


class ClearanceChange(_Strict):
    clearance: int = Clearance


class PasswordReset(_Strict):
    password: str = Field(min_length=1, max_length=200)


class OwnPassword(_Strict):
    old_password: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=1, max_length=200)


class ActiveChange(_Strict):
    active: bool
