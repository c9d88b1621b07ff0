"""Baseline: the platform's schema as it stood at the last pre-Alembic step
(server_meta schema_version 4, commit 78b5ee6 on main), written out so that it
never depends on the live models. Generated once by server/schema/draft.py, then
reviewed by hand.

On a new database it creates every table. On a database made before Alembic
(server/schema upgrade(): config attribute pre_alembic) it creates only the tables
that database lacks; server/migrate.py's steps then bring the old tables to the
same schema, and the revisions after this one carry on from there.

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import context, op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pre_alembic = context.config.attributes.get("pre_alembic", False)
    existing = set(sa.inspect(op.get_bind()).get_table_names()) if pre_alembic else set()
    if "alarms" not in existing:
        op.create_table('alarms',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('station_id', sa.String(length=36), nullable=False),
        sa.Column('station_name', sa.String(length=100), nullable=False),
        sa.Column('rule', sa.String(length=16), nullable=False),
        sa.Column('level', sa.String(length=16), nullable=False),
        sa.Column('first_level', sa.String(length=16), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('value', sa.Float(), nullable=False),
        sa.Column('peak_value', sa.Float(), nullable=False),
        sa.Column('threshold', sa.Float(), nullable=False),
        sa.Column('reading_at', sa.String(length=40), nullable=False),
        sa.Column('raised_at', sa.String(length=40), nullable=False),
        sa.Column('escalated_at', sa.String(length=40), nullable=False),
        sa.Column('cleared_at', sa.String(length=40), nullable=False),
        sa.Column('repeats', sa.Integer(), nullable=False),
        sa.Column('acknowledged_at', sa.String(length=40), nullable=False),
        sa.Column('acknowledged_by', sa.String(length=100), nullable=False),
        sa.Column('acknowledged_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('acknowledged_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('closed_at', sa.String(length=40), nullable=False),
        sa.Column('closed_by', sa.String(length=100), nullable=False),
        sa.Column('closed_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('closed_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('incident_id', sa.String(length=36), nullable=False),
        sa.Column('note', sa.String(length=500), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('alarms', schema=None) as batch_op:
            batch_op.create_index('ix_alarms_station_state', ['station_id', 'rule', 'state'], unique=False)

    if "applied_ops" not in existing:
        op.create_table('applied_ops',
        sa.Column('op_id', sa.String(length=36), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=True),
        sa.Column('at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('op_id')
        )
    if "cameras" not in existing:
        op.create_table('cameras',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('group_path', sa.String(length=500), nullable=False),
        sa.Column('lat', sa.Float(), nullable=True),
        sa.Column('lon', sa.Float(), nullable=True),
        sa.Column('main_url', sa.String(length=1000), nullable=False),
        sa.Column('sub_url', sa.String(length=1000), nullable=False),
        sa.Column('ptz', sa.Boolean(), nullable=False),
        sa.Column('platform', sa.String(length=100), nullable=False),
        sa.Column('online', sa.Boolean(), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "changes" not in existing:
        op.create_table('changes',
        sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('entity', sa.String(length=16), nullable=False),
        sa.Column('entity_id', sa.String(length=64), nullable=False),
        sa.Column('at', sa.String(length=40), nullable=False),
        sa.Column('account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('workstation', sa.String(length=64), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('seq'),
        sqlite_autoincrement=True
        )
        with op.batch_alter_table('changes', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_changes_entity_id'), ['entity_id'], unique=False)

    if "checklist_steps" not in existing:
        op.create_table('checklist_steps',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('incident_id', sa.String(length=36), nullable=False),
        sa.Column('plan_id', sa.String(length=36), nullable=False),
        sa.Column('plan_version', sa.String(length=32), nullable=False),
        sa.Column('step_key', sa.String(length=36), nullable=False),
        sa.Column('parent_key', sa.String(length=36), nullable=False),
        sa.Column('phase', sa.String(length=16), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=500), nullable=False),
        sa.Column('responsible', sa.String(length=100), nullable=False),
        sa.Column('due_at', sa.String(length=40), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.String(length=300), nullable=False),
        sa.Column('remark', sa.String(length=1000), nullable=False),
        sa.Column('action', sa.Text(), nullable=False),
        sa.Column('action_done', sa.String(length=200), nullable=False),
        sa.Column('changed_by', sa.String(length=100), nullable=False),
        sa.Column('changed_at', sa.String(length=40), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('checklist_steps', schema=None) as batch_op:
            batch_op.create_index('ix_checklist_steps_incident', ['incident_id', 'step_key'], unique=True)

    if "conferences" not in existing:
        op.create_table('conferences',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('incident_id', sa.String(length=36), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('state', sa.String(length=8), nullable=False),
        sa.Column('opened_by', sa.String(length=100), nullable=False),
        sa.Column('opened_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('opened_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('opened_site', sa.String(length=32), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('opened_at', sa.String(length=40), nullable=False),
        sa.Column('closed_at', sa.String(length=40), nullable=False),
        sa.Column('participants', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "contacts" not in existing:
        op.create_table('contacts',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('parent_id', sa.String(length=36), nullable=False),
        sa.Column('role', sa.String(length=100), nullable=False),
        sa.Column('duty_phone', sa.String(length=40), nullable=False),
        sa.Column('mobile', sa.String(length=40), nullable=False),
        sa.Column('members', sa.Text(), nullable=False),
        sa.Column('notes', sa.String(length=500), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "daily_reports" not in existing:
        op.create_table('daily_reports',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('site_code', sa.String(length=32), nullable=False),
        sa.Column('report_date', sa.String(length=10), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('figures', sa.Text(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('sent_by', sa.String(length=100), nullable=False),
        sa.Column('sent_at', sa.String(length=40), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('daily_reports', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_daily_reports_site_code'), ['site_code'], unique=False)

    if "duty_signins" not in existing:
        op.create_table('duty_signins',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('room', sa.String(length=32), nullable=False),
        sa.Column('day', sa.String(length=10), nullable=False),
        sa.Column('pattern_id', sa.String(length=36), nullable=False),
        sa.Column('post', sa.String(length=16), nullable=False),
        sa.Column('person_name', sa.String(length=100), nullable=False),
        sa.Column('contact_id', sa.String(length=36), nullable=False),
        sa.Column('account', sa.String(length=100), nullable=False),
        sa.Column('workstation', sa.String(length=64), nullable=False),
        sa.Column('signed_at', sa.String(length=40), nullable=False),
        sa.Column('override_reason', sa.String(length=500), nullable=False),
        sa.Column('follows_handover', sa.String(length=36), nullable=False),
        sa.Column('confirmed_at', sa.String(length=40), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('duty_signins', schema=None) as batch_op:
            batch_op.create_index('ix_duty_signins_shift', ['room', 'day', 'pattern_id'], unique=False)

    if "duty_swaps" not in existing:
        op.create_table('duty_swaps',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('room', sa.String(length=32), nullable=False),
        sa.Column('entry_id', sa.String(length=36), nullable=False),
        sa.Column('counter_entry_id', sa.String(length=36), nullable=False),
        sa.Column('from_name', sa.String(length=100), nullable=False),
        sa.Column('from_phone', sa.String(length=40), nullable=False),
        sa.Column('from_contact_id', sa.String(length=36), nullable=False),
        sa.Column('to_name', sa.String(length=100), nullable=False),
        sa.Column('to_phone', sa.String(length=40), nullable=False),
        sa.Column('to_contact_id', sa.String(length=36), nullable=False),
        sa.Column('reason', sa.String(length=500), nullable=False),
        sa.Column('reverses', sa.String(length=36), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('steps', sa.Text(), nullable=False),
        sa.Column('offered_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('created_at', sa.String(length=40), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "entries" not in existing:
        op.create_table('entries',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('incident_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('data', sa.Text(), nullable=False),
        sa.Column('author', sa.String(length=100), nullable=False),
        sa.Column('author_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('author_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('created_at', sa.String(length=40), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('entries', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_entries_incident_id'), ['incident_id'], unique=False)

    if "handovers" not in existing:
        op.create_table('handovers',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('room', sa.String(length=32), nullable=False),
        sa.Column('day', sa.String(length=10), nullable=False),
        sa.Column('pattern_id', sa.String(length=36), nullable=False),
        sa.Column('shift_label', sa.String(length=64), nullable=False),
        sa.Column('starts_at', sa.String(length=40), nullable=False),
        sa.Column('ends_at', sa.String(length=40), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('handed_over_by', sa.String(length=100), nullable=False),
        sa.Column('handed_over_at', sa.String(length=40), nullable=False),
        sa.Column('closed_by', sa.String(length=100), nullable=False),
        sa.Column('closed_at', sa.String(length=40), nullable=False),
        sa.Column('items', sa.Text(), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('handovers', schema=None) as batch_op:
            batch_op.create_index('ix_handovers_room_start', ['room', 'starts_at'], unique=False)

    if "incidents" not in existing:
        op.create_table('incidents',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('site_code', sa.String(length=32), nullable=False),
        sa.Column('code', sa.String(length=32), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('category', sa.String(length=32), nullable=False),
        sa.Column('type_code', sa.String(length=64), nullable=False),
        sa.Column('type_name', sa.String(length=64), nullable=False),
        sa.Column('severity', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('occurred_at', sa.String(length=40), nullable=False),
        sa.Column('reported_at', sa.String(length=40), nullable=False),
        sa.Column('place', sa.String(length=500), nullable=False),
        sa.Column('lat', sa.Float(), nullable=True),
        sa.Column('lon', sa.Float(), nullable=True),
        sa.Column('division', sa.String(length=100), nullable=False),
        sa.Column('deaths', sa.Integer(), nullable=False),
        sa.Column('injured', sa.Integer(), nullable=False),
        sa.Column('missing', sa.Integer(), nullable=False),
        sa.Column('trapped', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=32), nullable=False),
        sa.Column('reporter', sa.String(length=100), nullable=False),
        sa.Column('reporter_phone', sa.String(length=40), nullable=False),
        sa.Column('exercise', sa.Boolean(), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('created_by', sa.String(length=100), nullable=False),
        sa.Column('created_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('created_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('last_report_at', sa.String(length=40), nullable=True),
        sa.Column('last_report_kind', sa.String(length=24), nullable=True),
        sa.Column('last_report_seq', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('incidents', schema=None) as batch_op:
            batch_op.create_index('uq_incident_code', ['code'], unique=True)

    if "notifications" not in existing:
        op.create_table('notifications',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('incident_id', sa.String(length=36), nullable=False),
        sa.Column('channel', sa.String(length=8), nullable=False),
        sa.Column('text', sa.String(length=500), nullable=False),
        sa.Column('sender', sa.String(length=100), nullable=False),
        sa.Column('sender_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('sender_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('created_at', sa.String(length=40), nullable=False),
        sa.Column('recipients', sa.Text(), nullable=False),
        sa.Column('gateway', sa.String(length=40), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "orders" not in existing:
        op.create_table('orders',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('incident_id', sa.String(length=36), nullable=False),
        sa.Column('target_kind', sa.String(length=16), nullable=False),
        sa.Column('target_id', sa.String(length=64), nullable=False),
        sa.Column('target_name', sa.String(length=200), nullable=False),
        sa.Column('content', sa.Text(), nullable=False),
        sa.Column('priority', sa.String(length=16), nullable=False),
        sa.Column('required_arrival', sa.String(length=40), nullable=False),
        sa.Column('ack_deadline', sa.String(length=40), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('issued_by', sa.String(length=100), nullable=False),
        sa.Column('issued_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('issued_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('issued_at', sa.String(length=40), nullable=False),
        sa.Column('acknowledged_at', sa.String(length=40), nullable=False),
        sa.Column('departed_at', sa.String(length=40), nullable=False),
        sa.Column('arrived_at', sa.String(length=40), nullable=False),
        sa.Column('completed_at', sa.String(length=40), nullable=False),
        sa.Column('refused_at', sa.String(length=40), nullable=False),
        sa.Column('withdrawn_at', sa.String(length=40), nullable=False),
        sa.Column('reason', sa.String(length=500), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('orders', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_orders_incident_id'), ['incident_id'], unique=False)
            batch_op.create_index(batch_op.f('ix_orders_status'), ['status'], unique=False)

    if "plans" not in existing:
        op.create_table('plans',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('plan_type', sa.String(length=16), nullable=False),
        sa.Column('issuer', sa.String(length=100), nullable=False),
        sa.Column('plan_version', sa.String(length=32), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('categories', sa.Text(), nullable=False),
        sa.Column('types', sa.Text(), nullable=False),
        sa.Column('levels', sa.Text(), nullable=False),
        sa.Column('command', sa.Text(), nullable=False),
        sa.Column('checklist', sa.Text(), nullable=False),
        sa.Column('full_text', sa.Text(), nullable=False),
        sa.Column('example', sa.Boolean(), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "positions" not in existing:
        op.create_table('positions',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('source', sa.String(length=8), nullable=False),
        sa.Column('uid', sa.String(length=120), nullable=False),
        sa.Column('resource_id', sa.String(length=36), nullable=False),
        sa.Column('callsign', sa.String(length=64), nullable=False),
        sa.Column('cot_type', sa.String(length=40), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('speed', sa.Float(), nullable=True),
        sa.Column('course', sa.Float(), nullable=True),
        sa.Column('at', sa.String(length=40), nullable=False),
        sa.Column('stale', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('reported_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('reported_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "readings" not in existing:
        op.create_table('readings',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('station_id', sa.String(length=36), nullable=False),
        sa.Column('time', sa.String(length=40), nullable=False),
        sa.Column('t', sa.Float(), nullable=False),
        sa.Column('value', sa.Float(), nullable=False),
        sa.Column('received_at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('readings', schema=None) as batch_op:
            batch_op.create_index('ix_readings_station_t', ['station_id', 't'], unique=False)

    if "regulations" not in existing:
        op.create_table('regulations',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('issuer', sa.String(length=100), nullable=False),
        sa.Column('doc_number', sa.String(length=64), nullable=False),
        sa.Column('effective_date', sa.String(length=10), nullable=False),
        sa.Column('plan_ids', sa.Text(), nullable=False),
        sa.Column('full_text', sa.Text(), nullable=False),
        sa.Column('example', sa.Boolean(), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "reminder_done" not in existing:
        op.create_table('reminder_done',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('reminder_id', sa.String(length=36), nullable=False),
        sa.Column('site_code', sa.String(length=32), nullable=False),
        sa.Column('due_at', sa.String(length=40), nullable=False),
        sa.Column('done_at', sa.String(length=40), nullable=False),
        sa.Column('done_by', sa.String(length=100), nullable=False),
        sa.Column('note', sa.String(length=200), nullable=False),
        sa.Column('done_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('done_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('reminder_done', schema=None) as batch_op:
            batch_op.create_index('ix_reminder_done_reminder', ['reminder_id', 'due_at'], unique=False)

    if "reminders" not in existing:
        op.create_table('reminders',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('site_code', sa.String(length=32), nullable=False),
        sa.Column('title', sa.String(length=100), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('schedule', sa.String(length=8), nullable=False),
        sa.Column('times', sa.Text(), nullable=False),
        sa.Column('minute', sa.Integer(), nullable=False),
        sa.Column('window_minutes', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('since', sa.String(length=40), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('reminders', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_reminders_site_code'), ['site_code'], unique=False)

    if "resources" not in existing:
        op.create_table('resources',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=24), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('division', sa.String(length=100), nullable=False),
        sa.Column('address', sa.String(length=500), nullable=False),
        sa.Column('contact', sa.String(length=100), nullable=False),
        sa.Column('phone', sa.String(length=40), nullable=False),
        sa.Column('available', sa.Boolean(), nullable=False),
        sa.Column('details', sa.Text(), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "responses" not in existing:
        op.create_table('responses',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('incident_id', sa.String(length=36), nullable=False),
        sa.Column('plan_id', sa.String(length=36), nullable=False),
        sa.Column('plan_version', sa.String(length=32), nullable=False),
        sa.Column('plan_title', sa.String(length=200), nullable=False),
        sa.Column('level', sa.String(length=4), nullable=False),
        sa.Column('state', sa.String(length=8), nullable=False),
        sa.Column('reason', sa.String(length=500), nullable=False),
        sa.Column('started_at', sa.String(length=40), nullable=False),
        sa.Column('changed_at', sa.String(length=40), nullable=False),
        sa.Column('ended_at', sa.String(length=40), nullable=False),
        sa.Column('decided_by', sa.String(length=100), nullable=False),
        sa.Column('decided_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('decided_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('responses', schema=None) as batch_op:
            batch_op.create_index('ix_responses_incident', ['incident_id'], unique=True)

    if "rollcalls" not in existing:
        op.create_table('rollcalls',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('site_code', sa.String(length=32), nullable=False),
        sa.Column('message', sa.String(length=200), nullable=False),
        sa.Column('allowed_s', sa.Integer(), nullable=False),
        sa.Column('posted_at', sa.String(length=40), nullable=False),
        sa.Column('deadline', sa.String(length=40), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('answered_at', sa.String(length=40), nullable=False),
        sa.Column('answered_by', sa.String(length=100), nullable=False),
        sa.Column('answered_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('answered_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('created_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('created_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('rollcalls', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_rollcalls_site_code'), ['site_code'], unique=False)
            batch_op.create_index('ix_rollcalls_state_deadline', ['state', 'deadline'], unique=False)

    if "roster_entries" not in existing:
        op.create_table('roster_entries',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('room', sa.String(length=32), nullable=False),
        sa.Column('day', sa.String(length=10), nullable=False),
        sa.Column('pattern_id', sa.String(length=36), nullable=False),
        sa.Column('post', sa.String(length=16), nullable=False),
        sa.Column('slot', sa.Integer(), nullable=False),
        sa.Column('person_name', sa.String(length=100), nullable=False),
        sa.Column('phone', sa.String(length=40), nullable=False),
        sa.Column('contact_id', sa.String(length=36), nullable=False),
        sa.Column('note', sa.String(length=200), nullable=False),
        sa.Column('starts_at', sa.String(length=40), nullable=False),
        sa.Column('ends_at', sa.String(length=40), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('person_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('roster_entries', schema=None) as batch_op:
            batch_op.create_index('ix_roster_entries_contact', ['contact_id'], unique=False)
            batch_op.create_index('ix_roster_entries_person', ['person_name'], unique=False)
            batch_op.create_index('ix_roster_entries_room_day', ['room', 'day'], unique=False)

    if "roster_publications" not in existing:
        op.create_table('roster_publications',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('room', sa.String(length=32), nullable=False),
        sa.Column('first_day', sa.String(length=10), nullable=False),
        sa.Column('last_day', sa.String(length=10), nullable=False),
        sa.Column('published_by', sa.String(length=100), nullable=False),
        sa.Column('published_at', sa.String(length=40), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
    if "server_meta" not in existing:
        op.create_table('server_meta',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('key')
        )
    if "shift_patterns" not in existing:
        op.create_table('shift_patterns',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('room', sa.String(length=32), nullable=False),
        sa.Column('name', sa.String(length=32), nullable=False),
        sa.Column('start_time', sa.String(length=5), nullable=False),
        sa.Column('end_time', sa.String(length=5), nullable=False),
        sa.Column('zone', sa.String(length=64), nullable=False),
        sa.Column('posts', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('shift_patterns', schema=None) as batch_op:
            batch_op.create_index('ix_shift_patterns_room', ['room'], unique=False)

    if "station_states" not in existing:
        op.create_table('station_states',
        sa.Column('station_id', sa.String(length=36), nullable=False),
        sa.Column('level', sa.String(length=16), nullable=False),
        sa.Column('pending_level', sa.String(length=16), nullable=False),
        sa.Column('pending_since', sa.Float(), nullable=False),
        sa.Column('last_t', sa.Float(), nullable=True),
        sa.Column('last_value', sa.Float(), nullable=True),
        sa.Column('rate_on', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('station_id')
        )
    if "stations" not in existing:
        op.create_table('stations',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('org', sa.String(length=100), nullable=False),
        sa.Column('place', sa.String(length=200), nullable=False),
        sa.Column('lat', sa.Float(), nullable=False),
        sa.Column('lon', sa.Float(), nullable=False),
        sa.Column('unit', sa.String(length=16), nullable=False),
        sa.Column('thresholds', sa.Text(), nullable=False),
        sa.Column('rules', sa.Text(), nullable=False),
        sa.Column('level', sa.String(length=16), nullable=False),
        sa.Column('field_clock', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('stations', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_stations_code'), ['code'], unique=False)

    if "users" not in existing:
        op.create_table('users',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('username', sa.String(length=100), nullable=False),
        sa.Column('password_hash', sa.String(length=255), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('token_version', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.String(length=64), nullable=False),
        sa.Column('site_code', sa.String(length=32), nullable=False),
        sa.Column('clearance', sa.Integer(), server_default='1', nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('username')
        )
    if "wall_commands" not in existing:
        op.create_table('wall_commands',
        sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('wall', sa.String(length=40), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('seq'),
        sqlite_autoincrement=True
        )
        with op.batch_alter_table('wall_commands', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_wall_commands_wall'), ['wall'], unique=False)

    if "wall_reports" not in existing:
        op.create_table('wall_reports',
        sa.Column('wall', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('wall')
        )
    if "warnings" not in existing:
        op.create_table('warnings',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('identifier', sa.String(length=200), nullable=False),
        sa.Column('sender', sa.String(length=200), nullable=False),
        sa.Column('sender_name', sa.String(length=200), server_default='', nullable=False),
        sa.Column('sent', sa.String(length=40), nullable=False),
        sa.Column('cap_status', sa.String(length=16), nullable=False),
        sa.Column('msg_type', sa.String(length=16), nullable=False),
        sa.Column('scope', sa.String(length=16), nullable=False),
        sa.Column('references', sa.Text(), nullable=False),
        sa.Column('reference_ids', sa.Text(), nullable=False),
        sa.Column('origin', sa.String(length=16), nullable=False),
        sa.Column('event', sa.String(length=200), server_default='', nullable=False),
        sa.Column('event_code', sa.String(length=16), server_default='', nullable=False),
        sa.Column('cap_category', sa.String(length=16), nullable=False),
        sa.Column('colour', sa.String(length=8), server_default='', nullable=False),
        sa.Column('urgency', sa.String(length=16), nullable=False),
        sa.Column('severity', sa.String(length=16), nullable=False),
        sa.Column('certainty', sa.String(length=16), nullable=False),
        sa.Column('headline', sa.String(length=300), server_default='', nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('instruction', sa.Text(), nullable=False),
        sa.Column('language', sa.String(length=16), server_default='', nullable=False),
        sa.Column('english', sa.Text(), nullable=False),
        sa.Column('areas', sa.Text(), nullable=False),
        sa.Column('min_lat', sa.Float(), nullable=True),
        sa.Column('max_lat', sa.Float(), nullable=True),
        sa.Column('min_lon', sa.Float(), nullable=True),
        sa.Column('max_lon', sa.Float(), nullable=True),
        sa.Column('effective', sa.String(length=40), server_default='', nullable=False),
        sa.Column('onset', sa.String(length=40), server_default='', nullable=False),
        sa.Column('expires', sa.String(length=40), server_default='', nullable=False),
        sa.Column('issue_state', sa.String(length=16), nullable=False),
        sa.Column('standing', sa.String(length=16), nullable=False),
        sa.Column('replaced_by', sa.String(length=36), server_default='', nullable=False),
        sa.Column('incident_id', sa.String(length=36), server_default='', nullable=False),
        sa.Column('signed_by', sa.String(length=400), server_default='', nullable=False),
        sa.Column('signature', sa.String(length=8), server_default='', nullable=False),
        sa.Column('source_name', sa.String(length=200), server_default='', nullable=False),
        sa.Column('checks', sa.Text(), nullable=False),
        sa.Column('return_reason', sa.String(length=500), server_default='', nullable=False),
        sa.Column('created_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('created_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('approved_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_by_account', sa.String(length=100), server_default='', nullable=False),
        sa.Column('updated_workstation', sa.String(length=64), server_default='', nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id')
        )
        with op.batch_alter_table('warnings', schema=None) as batch_op:
            batch_op.create_index('ix_warnings_refs', ['reference_ids'], unique=False, sqlite_where=sa.text("reference_ids != ''"), postgresql_where=sa.text("reference_ids != ''"))
            batch_op.create_index('ix_warnings_triplet', ['sender', 'identifier'], unique=False)

    if "workstations" not in existing:
        op.create_table('workstations',
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('clearance', sa.Integer(), server_default='1', nullable=False),
        sa.Column('cert_subject', sa.String(length=500), server_default='', nullable=False),
        sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
        sa.Column('token_version', sa.Integer(), server_default='1', nullable=False),
        sa.Column('created_at', sa.String(length=40), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('name')
        )


def downgrade() -> None:
    op.drop_table('workstations')
    with op.batch_alter_table('warnings', schema=None) as batch_op:
        batch_op.drop_index('ix_warnings_triplet')
        batch_op.drop_index('ix_warnings_refs', sqlite_where=sa.text("reference_ids != ''"), postgresql_where=sa.text("reference_ids != ''"))

    op.drop_table('warnings')
    op.drop_table('wall_reports')
    with op.batch_alter_table('wall_commands', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wall_commands_wall'))

    op.drop_table('wall_commands')
    op.drop_table('users')
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stations_code'))

    op.drop_table('stations')
    op.drop_table('station_states')
    with op.batch_alter_table('shift_patterns', schema=None) as batch_op:
        batch_op.drop_index('ix_shift_patterns_room')

    op.drop_table('shift_patterns')
    op.drop_table('server_meta')
    op.drop_table('roster_publications')
    with op.batch_alter_table('roster_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_roster_entries_room_day')
        batch_op.drop_index('ix_roster_entries_person')
        batch_op.drop_index('ix_roster_entries_contact')

    op.drop_table('roster_entries')
    with op.batch_alter_table('rollcalls', schema=None) as batch_op:
        batch_op.drop_index('ix_rollcalls_state_deadline')
        batch_op.drop_index(batch_op.f('ix_rollcalls_site_code'))

    op.drop_table('rollcalls')
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index('ix_responses_incident')

    op.drop_table('responses')
    op.drop_table('resources')
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminders_site_code'))

    op.drop_table('reminders')
    with op.batch_alter_table('reminder_done', schema=None) as batch_op:
        batch_op.drop_index('ix_reminder_done_reminder')

    op.drop_table('reminder_done')
    op.drop_table('regulations')
    with op.batch_alter_table('readings', schema=None) as batch_op:
        batch_op.drop_index('ix_readings_station_t')

    op.drop_table('readings')
    op.drop_table('positions')
    op.drop_table('plans')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_status'))
        batch_op.drop_index(batch_op.f('ix_orders_incident_id'))

    op.drop_table('orders')
    op.drop_table('notifications')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index('uq_incident_code')

    op.drop_table('incidents')
    with op.batch_alter_table('handovers', schema=None) as batch_op:
        batch_op.drop_index('ix_handovers_room_start')

    op.drop_table('handovers')
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entries_incident_id'))

    op.drop_table('entries')
    op.drop_table('duty_swaps')
    with op.batch_alter_table('duty_signins', schema=None) as batch_op:
        batch_op.drop_index('ix_duty_signins_shift')

    op.drop_table('duty_signins')
    with op.batch_alter_table('daily_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_daily_reports_site_code'))

    op.drop_table('daily_reports')
    op.drop_table('contacts')
    op.drop_table('conferences')
    with op.batch_alter_table('checklist_steps', schema=None) as batch_op:
        batch_op.drop_index('ix_checklist_steps_incident')

    op.drop_table('checklist_steps')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_changes_entity_id'))

    op.drop_table('changes')
    op.drop_table('cameras')
    op.drop_table('applied_ops')
    with op.batch_alter_table('alarms', schema=None) as batch_op:
        batch_op.drop_index('ix_alarms_station_state')

    op.drop_table('alarms')
