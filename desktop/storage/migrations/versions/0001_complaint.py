"""The complaint sheet (客户投诉登记反馈表) and the tables every record needs.

Revision ID: 0001_complaint
Revises: 
Create Date: 2026-11-26 20:42:57.821183
"""

from alembic import op
import sqlalchemy as sa


revision = '0001_complaint'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('complaint',
    sa.Column('received_date', sa.Date(), nullable=True),
    sa.Column('channel', sa.String(length=40), nullable=True),
    sa.Column('receiver', sa.String(length=40), nullable=True),
    sa.Column('severity', sa.String(length=40), nullable=True),
    sa.Column('category', sa.String(length=40), nullable=True),
    sa.Column('complainant_unit', sa.String(length=100), nullable=True),
    sa.Column('complainant_name', sa.String(length=40), nullable=True),
    sa.Column('complainant_phone', sa.String(length=40), nullable=True),
    sa.Column('complainant_address', sa.String(length=200), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('investigator', sa.String(length=40), nullable=True),
    sa.Column('investigation_date', sa.Date(), nullable=True),
    sa.Column('findings', sa.Text(), nullable=True),
    sa.Column('investigation_opinion', sa.Text(), nullable=True),
    sa.Column('quality_determination', sa.String(length=40), nullable=True),
    sa.Column('determined_by', sa.String(length=40), nullable=True),
    sa.Column('determined_role', sa.String(length=40), nullable=True),
    sa.Column('determined_date', sa.Date(), nullable=True),
    sa.Column('resolution', sa.String(length=40), nullable=True),
    sa.Column('cost_bearer', sa.String(length=40), nullable=True),
    sa.Column('cost_amount', sa.String(length=40), nullable=True),
    sa.Column('company_pays_shipping', sa.Boolean(), nullable=True),
    sa.Column('improvement_measures', sa.Text(), nullable=True),
    sa.Column('mgmt_rep_name', sa.String(length=40), nullable=True),
    sa.Column('mgmt_rep_decision', sa.String(length=40), nullable=True),
    sa.Column('mgmt_rep_date', sa.Date(), nullable=True),
    sa.Column('gm_name', sa.String(length=40), nullable=True),
    sa.Column('gm_decision', sa.String(length=40), nullable=True),
    sa.Column('gm_date', sa.Date(), nullable=True),
    sa.Column('approval_comment', sa.Text(), nullable=True),
    sa.Column('feedback_date', sa.Date(), nullable=True),
    sa.Column('appeal_notice_given', sa.Boolean(), nullable=True),
    sa.Column('feedback_content', sa.Text(), nullable=True),
    sa.Column('complainant_opinion', sa.Text(), nullable=True),
    sa.Column('revisit_date', sa.Date(), nullable=True),
    sa.Column('closed_date', sa.Date(), nullable=True),
    sa.Column('revisit_result', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('register_product', sa.Text(), nullable=False),
    sa.Column('register_batch', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint')),
    sa.UniqueConstraint('number', name=op.f('uq_complaint_number'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_received_date'), ['received_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_status'), ['status'], unique=False)

    op.create_table('number_counter',
    sa.Column('prefix', sa.String(length=4), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('laptop', sa.String(length=4), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('prefix', 'year', 'laptop', name=op.f('pk_number_counter'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('complaint_event',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('by', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['complaint.id'], name=op.f('fk_complaint_event_record_id_complaint'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_event'))
    )
    with op.batch_alter_table('complaint_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_event_record_id'), ['record_id'], unique=False)

    op.create_table('complaint_items',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('product_name', sa.String(length=100), nullable=True),
    sa.Column('packaging', sa.String(length=40), nullable=True),
    sa.Column('quantity', sa.String(length=40), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=True),
    sa.Column('batch_no', sa.String(length=40), nullable=True),
    sa.Column('purchase_place', sa.String(length=100), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['complaint.id'], name=op.f('fk_complaint_items_record_id_complaint'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_items'))
    )
    with op.batch_alter_table('complaint_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_items_record_id'), ['record_id'], unique=False)

    op.create_table('complaint_photo',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('list_key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['complaint.id'], name=op.f('fk_complaint_photo_record_id_complaint'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_photo'))
    )
    with op.batch_alter_table('complaint_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_photo_record_id'), ['record_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('complaint_photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_photo_record_id'))

    op.drop_table('complaint_photo')
    with op.batch_alter_table('complaint_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_items_record_id'))

    op.drop_table('complaint_items')
    with op.batch_alter_table('complaint_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_event_record_id'))

    op.drop_table('complaint_event')
    op.drop_table('setting')
    op.drop_table('number_counter')
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_status'))
        batch_op.drop_index(batch_op.f('ix_complaint_received_date'))

    op.drop_table('complaint')

