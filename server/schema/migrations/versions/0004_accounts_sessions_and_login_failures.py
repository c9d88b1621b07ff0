"""Accounts: sessions (log out, idle timeout) and failed log-ins shared by every replica.

`sessions` holds one row per log-in (server/sessions.py: the token names it; its
last use is written at most once a minute); `login_failures` counts failed
log-ins per hashed name-and-address and per hashed address (server/throttle.py),
so all replicas throttle as one. Both are new tables: no data to migrate.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 18:04:46.591772
"""
import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A database whose alembic_version was lost (or a test that drops it to pose as
    # pre-Alembic) may have them already: make only what is missing.
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "login_failures" not in existing:
        _login_failures()
    if "sessions" not in existing:
        _sessions()


def _login_failures() -> None:
    op.create_table('login_failures',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('first_at', sa.Integer(), nullable=False),
    sa.Column('last_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_failures_last_at'), ['last_at'], unique=False)


def _sessions() -> None:
    op.create_table('sessions',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('workstation', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.Integer(), nullable=False),
    sa.Column('last_used', sa.Integer(), nullable=False),
    sa.Column('ended', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sessions_last_used'), ['last_used'], unique=False)
        batch_op.create_index(batch_op.f('ix_sessions_username'), ['username'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sessions_username'))
        batch_op.drop_index(batch_op.f('ix_sessions_last_used'))

    op.drop_table('sessions')
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_last_at'))

    op.drop_table('login_failures')
