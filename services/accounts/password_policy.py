"""The password policy, one for the platform's API, its CLI and the client's
messages: a minimum length, a number of character classes (lower case, upper
case, digits, others: a Chinese character counts as "other"), never the user
name (either way round, any case). The platform refuses by `problems()`; the
client puts each code into Chinese (views/accounts/messages.py), so the
refusal is a code and its numbers, never an English sentence."""

from __future__ import annotations

from dataclasses import dataclass

MAX_LENGTH = 200  # services/sync/wire.py LoginRequest.password


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 12
    min_classes: int = 3  # of 4
    forbid_username: bool = True

    def __post_init__(self):
        if not 8 <= self.min_length <= 128:
            raise ValueError("password min_length must be from 8 to 128")
        if not 1 <= self.min_classes <= 4:
            raise ValueError("password min_classes must be from 1 to 4")

    def problems(self, password: str, username: str = "") -> list[str]:
        """Codes of what is wrong ([] when the password will do): too_short,
        too_long, few_classes, contains_username, control_chars."""
        out = []
        if len(password) < self.min_length:
            out.append("too_short")
        if len(password) > MAX_LENGTH:
            out.append("too_long")
        if any(ord(c) < 32 or ord(c) == 127 for c in password):
            out.append("control_chars")
        if classes(password) < self.min_classes:
            out.append("few_classes")
        name = username.strip().casefold()
        if self.forbid_username and name and (name in password.casefold() or name[::-1] in password.casefold()):
            out.append("contains_username")
        return out

    def describe(self) -> dict[str, int | bool]:
        return {"min_length": self.min_length, "min_classes": self.min_classes,
                "forbid_username": self.forbid_username}


def classes(password: str) -> int:
    kinds = set()
    for c in password:
        if c.isascii() and c.islower():
            kinds.add("lower")
        elif c.isascii() and c.isupper():
            kinds.add("upper")
        elif c.isascii() and c.isdigit():
            kinds.add("digit")
        else:
            kinds.add("other")
    return len(kinds)


class PasswordRejected(ValueError):
    """A password the policy refuses; `codes` are PasswordPolicy.problems()."""

    def __init__(self, codes: list[str], policy: PasswordPolicy):
        super().__init__("password refused by the policy: " + ", ".join(codes)
                         + f" (at least {policy.min_length} characters of {policy.min_classes} kinds"
                         + (", not the user name)" if policy.forbid_username else ")"))
        self.codes, self.policy = codes, policy


def check(policy: PasswordPolicy, password: str, username: str) -> None:
    codes = policy.problems(password, username)
    if codes:
        raise PasswordRejected(codes, policy)
