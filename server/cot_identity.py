"""Who a CoT sender's verified client certificate is (server/cot_listener.py
over TLS): the active workstation registered to its subject (the binding
`--register-workstation` makes, as HTTPS uses it: a TAK server or a room's
relay), or else the active field_unit account named by its common name (a
unit's own device, with a certificate the centre's client CA issued for that
account: the CA vouches for the name). Anything else is no one: the
connection is cut. The answer is the actor of the fixes, as POST /positions
records the token's account."""

from __future__ import annotations

from collections.abc import Callable

from cryptography import x509
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.actor import Actor
from server.db import Database, UserRow, WorkstationRow

COT_WORKSTATION = "cot-listener"  # the workstation column of a field unit's fixes over CoT


def common_name(subject: str) -> str:
    """The CN of an RFC 4514 subject, "" without one (or for a name that does not parse)."""
    try:
        names = x509.Name.from_rfc4514_string(subject).get_attributes_for_oid(NameOID.COMMON_NAME)
    except ValueError:
        return ""
    value = names[0].value if names else ""
    return value if isinstance(value, str) else ""


def cot_identity(db: Database) -> Callable[[str], Actor | None]:
    """`identify(subject)` for the listener (blocking: run it off the event loop)."""

    def identify(subject: str) -> Actor | None:
        with Session(db.engine) as s:
            station = s.scalar(select(WorkstationRow).where(WorkstationRow.cert_subject == subject,
                                                            WorkstationRow.active.is_(True)))
            if station is not None:
                return Actor(account="", role="cot", workstation=station.name, clearance=station.clearance)
            name = common_name(subject)
            user = s.scalar(select(UserRow).where(UserRow.username == name)) if name else None
            if user is not None and user.active and user.role == "field_unit" and user.unit_id:
                return Actor(account=user.username, role="field_unit", workstation=COT_WORKSTATION,
                             unit_id=user.unit_id, site_code=user.site_code, clearance=user.clearance)
        return None

    return identify
