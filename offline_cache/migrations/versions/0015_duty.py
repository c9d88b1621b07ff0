"""值班值守: shift patterns, roster cells and publications, swaps (调班), sign-ins
(接班签到) and handovers (交接班记录), as offline_cache/duty_schema.py models them.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-10
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE shift_patterns (
        pk INTEGER NOT NULL,
        id VARCHAR(36) NOT NULL,
        room VARCHAR(32) NOT NULL,
        name VARCHAR(32) NOT NULL,
        start_time VARCHAR(5) NOT NULL,
        end_time VARCHAR(5) NOT NULL,
        zone VARCHAR(64) NOT NULL,
        posts TEXT NOT NULL,
        position INTEGER NOT NULL,
        active BOOLEAN NOT NULL,
        updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL,
        updated_by_account VARCHAR(100) DEFAULT '' NOT NULL,
        updated_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_shift_patterns PRIMARY KEY (pk),
        CONSTRAINT uq_shift_patterns_id UNIQUE (id)
)""",
    """CREATE INDEX ix_shift_patterns_room ON shift_patterns (room)""",
    """CREATE TABLE roster_entries (
        pk INTEGER NOT NULL,
        id VARCHAR(36) NOT NULL,
        room VARCHAR(32) NOT NULL,
        day VARCHAR(10) NOT NULL,
        pattern_id VARCHAR(36) NOT NULL,
        post VARCHAR(16) NOT NULL,
        slot INTEGER NOT NULL,
        person_name VARCHAR(100) NOT NULL,
        phone VARCHAR(40) NOT NULL,
        contact_id VARCHAR(36) NOT NULL,
        note VARCHAR(200) NOT NULL,
        starts_at VARCHAR(40) NOT NULL,
        ends_at VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL,
        updated_by_account VARCHAR(100) DEFAULT '' NOT NULL,
        updated_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_roster_entries PRIMARY KEY (pk),
        CONSTRAINT uq_roster_entries_id UNIQUE (id)
)""",
    """CREATE INDEX ix_roster_entries_person ON roster_entries (person_name)""",
    """CREATE INDEX ix_roster_entries_room_day ON roster_entries (room, day)""",
    """CREATE INDEX ix_roster_entries_starts ON roster_entries (starts_at)""",
    """CREATE TABLE roster_publications (
        pk INTEGER NOT NULL,
        id VARCHAR(36) NOT NULL,
        room VARCHAR(32) NOT NULL,
        first_day VARCHAR(10) NOT NULL,
        last_day VARCHAR(10) NOT NULL,
        published_by VARCHAR(100) NOT NULL,
        published_at VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL,
        updated_by_account VARCHAR(100) DEFAULT '' NOT NULL,
        updated_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_roster_publications PRIMARY KEY (pk),
        CONSTRAINT uq_roster_publications_id UNIQUE (id)
)""",
    """CREATE TABLE duty_swaps (
        pk INTEGER NOT NULL,
        id VARCHAR(36) NOT NULL,
        room VARCHAR(32) NOT NULL,
        entry_id VARCHAR(36) NOT NULL,
        counter_entry_id VARCHAR(36) NOT NULL,
        from_name VARCHAR(100) NOT NULL,
        from_phone VARCHAR(40) NOT NULL,
        from_contact_id VARCHAR(36) NOT NULL,
        to_name VARCHAR(100) NOT NULL,
        to_phone VARCHAR(40) NOT NULL,
        to_contact_id VARCHAR(36) NOT NULL,
        reason VARCHAR(500) NOT NULL,
        reverses VARCHAR(36) NOT NULL,
        status VARCHAR(16) NOT NULL,
        steps TEXT NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL,
        updated_by_account VARCHAR(100) DEFAULT '' NOT NULL,
        updated_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_duty_swaps PRIMARY KEY (pk),
        CONSTRAINT uq_duty_swaps_id UNIQUE (id)
)""",
    """CREATE INDEX ix_duty_swaps_entry ON duty_swaps (entry_id)""",
    """CREATE TABLE duty_signins (
        pk INTEGER NOT NULL,
        id VARCHAR(36) NOT NULL,
        room VARCHAR(32) NOT NULL,
        day VARCHAR(10) NOT NULL,
        pattern_id VARCHAR(36) NOT NULL,
        post VARCHAR(16) NOT NULL,
        person_name VARCHAR(100) NOT NULL,
        contact_id VARCHAR(36) NOT NULL,
        account VARCHAR(100) NOT NULL,
        workstation VARCHAR(64) NOT NULL,
        signed_at VARCHAR(40) NOT NULL,
        override_reason VARCHAR(500) NOT NULL,
        follows_handover VARCHAR(36) NOT NULL,
        confirmed_at VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL,
        updated_by_account VARCHAR(100) DEFAULT '' NOT NULL,
        updated_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_duty_signins PRIMARY KEY (pk),
        CONSTRAINT uq_duty_signins_id UNIQUE (id)
)""",
    """CREATE INDEX ix_duty_signins_shift ON duty_signins (room, day, pattern_id)""",
    """CREATE TABLE handovers (
        pk INTEGER NOT NULL,
        id VARCHAR(36) NOT NULL,
        room VARCHAR(32) NOT NULL,
        day VARCHAR(10) NOT NULL,
        pattern_id VARCHAR(36) NOT NULL,
        shift_label VARCHAR(64) NOT NULL,
        starts_at VARCHAR(40) NOT NULL,
        ends_at VARCHAR(40) NOT NULL,
        state VARCHAR(16) NOT NULL,
        handed_over_by VARCHAR(100) NOT NULL,
        handed_over_at VARCHAR(40) NOT NULL,
        closed_by VARCHAR(100) NOT NULL,
        closed_at VARCHAR(40) NOT NULL,
        items TEXT NOT NULL,
        search_text TEXT NOT NULL,
        updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL,
        updated_by_account VARCHAR(100) DEFAULT '' NOT NULL,
        updated_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_handovers PRIMARY KEY (pk),
        CONSTRAINT uq_handovers_id UNIQUE (id)
)""",
    """CREATE INDEX ix_handovers_room_start ON handovers (room, starts_at)""",
]
TABLES = ("shift_patterns", "roster_entries", "roster_publications", "duty_swaps", "duty_signins", "handovers")


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.execute(f"DROP TABLE IF EXISTS {table}")
