"""A revision number on every record (a signed record changed makes a new revision).

Revision ID: 0003_revision
Revises: 0002_other_forms
Create Date: 2026-11-26 21:14:51.094117
"""

from alembic import op
import sqlalchemy as sa


revision = '0003_revision'
down_revision = '0002_other_forms'
branch_labels = None
depends_on = None


def upgrade() -> None:

    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('return_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('service_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='1', nullable=False))




def downgrade() -> None:

    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_column('revision')

    with op.batch_alter_table('service_report', schema=None) as batch_op:
        batch_op.drop_column('revision')

    with op.batch_alter_table('return_request', schema=None) as batch_op:
        batch_op.drop_column('revision')

    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_column('revision')


