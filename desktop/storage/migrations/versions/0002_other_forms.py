"""The service report, satisfaction survey and return request; links between records.

Revision ID: 0002_other_forms
Revises: 0001_complaint
Create Date: 2026-11-26 20:59:45.732419
"""

from alembic import op
import sqlalchemy as sa


revision = '0002_other_forms'
down_revision = '0001_complaint'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('return_request',
    sa.Column('request_date', sa.Date(), nullable=True),
    sa.Column('staff', sa.String(length=40), nullable=True),
    sa.Column('customer_unit', sa.String(length=100), nullable=True),
    sa.Column('contact_name', sa.String(length=40), nullable=True),
    sa.Column('contact_phone', sa.String(length=40), nullable=True),
    sa.Column('customer_address', sa.String(length=200), nullable=True),
    sa.Column('reason_type', sa.String(length=40), nullable=True),
    sa.Column('reason_details', sa.Text(), nullable=True),
    sa.Column('quality_determination', sa.String(length=40), nullable=True),
    sa.Column('determined_by', sa.String(length=40), nullable=True),
    sa.Column('determined_role', sa.String(length=40), nullable=True),
    sa.Column('determined_date', sa.Date(), nullable=True),
    sa.Column('determination_basis', sa.Text(), nullable=True),
    sa.Column('handling', sa.String(length=40), nullable=True),
    sa.Column('cost_bearer', sa.String(length=40), nullable=True),
    sa.Column('cost_amount', sa.String(length=40), nullable=True),
    sa.Column('shipping_way', sa.String(length=40), nullable=True),
    sa.Column('shipping_by_company', sa.Boolean(), nullable=True),
    sa.Column('waybill_no', sa.String(length=40), nullable=True),
    sa.Column('approver_name', sa.String(length=40), nullable=True),
    sa.Column('approver_role', sa.String(length=40), nullable=True),
    sa.Column('approval_decision', sa.String(length=40), nullable=True),
    sa.Column('approval_date', sa.Date(), nullable=True),
    sa.Column('approval_comment', sa.Text(), nullable=True),
    sa.Column('completed_date', sa.Date(), nullable=True),
    sa.Column('completion_note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('register_product', sa.Text(), nullable=False),
    sa.Column('register_batch', sa.Text(), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=True),
    sa.Column('source_id', sa.String(length=36), nullable=True),
    sa.Column('source_number', sa.String(length=30), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_request')),
    sa.UniqueConstraint('number', name=op.f('uq_return_request_number'))
    )
    with op.batch_alter_table('return_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_request_request_date'), ['request_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_return_request_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_return_request_status'), ['status'], unique=False)

    op.create_table('service_report',
    sa.Column('service_type', sa.String(length=40), nullable=True),
    sa.Column('contact_way', sa.String(length=40), nullable=True),
    sa.Column('service_date', sa.Date(), nullable=True),
    sa.Column('staff', sa.String(length=60), nullable=True),
    sa.Column('arrival_time', sa.Time(), nullable=True),
    sa.Column('departure_time', sa.Time(), nullable=True),
    sa.Column('customer_unit', sa.String(length=100), nullable=True),
    sa.Column('contact_name', sa.String(length=40), nullable=True),
    sa.Column('contact_phone', sa.String(length=40), nullable=True),
    sa.Column('customer_address', sa.String(length=200), nullable=True),
    sa.Column('usage_overview', sa.Text(), nullable=True),
    sa.Column('problems_found', sa.Text(), nullable=True),
    sa.Column('actions_taken', sa.Text(), nullable=True),
    sa.Column('new_needs', sa.Text(), nullable=True),
    sa.Column('customer_comment', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('register_product', sa.Text(), nullable=False),
    sa.Column('register_batch', sa.Text(), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=True),
    sa.Column('source_id', sa.String(length=36), nullable=True),
    sa.Column('source_number', sa.String(length=30), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_report')),
    sa.UniqueConstraint('number', name=op.f('uq_service_report_number'))
    )
    with op.batch_alter_table('service_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_report_service_date'), ['service_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_report_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_report_status'), ['status'], unique=False)

    op.create_table('survey',
    sa.Column('survey_type', sa.String(length=40), nullable=True),
    sa.Column('survey_way', sa.String(length=40), nullable=True),
    sa.Column('survey_date', sa.Date(), nullable=True),
    sa.Column('surveyor', sa.String(length=40), nullable=True),
    sa.Column('customer_unit', sa.String(length=100), nullable=True),
    sa.Column('respondent', sa.String(length=40), nullable=True),
    sa.Column('respondent_position', sa.String(length=60), nullable=True),
    sa.Column('respondent_phone', sa.String(length=40), nullable=True),
    sa.Column('returned_date', sa.Date(), nullable=True),
    sa.Column('score_quality', sa.Integer(), nullable=True),
    sa.Column('score_delivery', sa.Integer(), nullable=True),
    sa.Column('score_response', sa.Integer(), nullable=True),
    sa.Column('score_attitude', sa.Integer(), nullable=True),
    sa.Column('score_skill', sa.Integer(), nullable=True),
    sa.Column('score_resolution', sa.Integer(), nullable=True),
    sa.Column('score_training', sa.Integer(), nullable=True),
    sa.Column('score_overall', sa.Integer(), nullable=True),
    sa.Column('suggestions', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('register_product', sa.Text(), nullable=False),
    sa.Column('register_batch', sa.Text(), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=True),
    sa.Column('source_id', sa.String(length=36), nullable=True),
    sa.Column('source_number', sa.String(length=30), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey')),
    sa.UniqueConstraint('number', name=op.f('uq_survey_number'))
    )
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_survey_date'), ['survey_date'], unique=False)

    op.create_table('return_request_event',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('by', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['return_request.id'], name=op.f('fk_return_request_event_record_id_return_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_request_event'))
    )
    with op.batch_alter_table('return_request_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_request_event_record_id'), ['record_id'], unique=False)

    op.create_table('return_request_items',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('product_name', sa.String(length=100), nullable=True),
    sa.Column('packaging', sa.String(length=40), nullable=True),
    sa.Column('batch_no', sa.String(length=40), nullable=True),
    sa.Column('quantity', sa.String(length=40), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=True),
    sa.Column('note', sa.String(length=100), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['return_request.id'], name=op.f('fk_return_request_items_record_id_return_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_request_items'))
    )
    with op.batch_alter_table('return_request_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_request_items_record_id'), ['record_id'], unique=False)

    op.create_table('return_request_photo',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('list_key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['return_request.id'], name=op.f('fk_return_request_photo_record_id_return_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_request_photo'))
    )
    with op.batch_alter_table('return_request_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_request_photo_record_id'), ['record_id'], unique=False)

    op.create_table('service_report_event',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('by', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['service_report.id'], name=op.f('fk_service_report_event_record_id_service_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_report_event'))
    )
    with op.batch_alter_table('service_report_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_report_event_record_id'), ['record_id'], unique=False)

    op.create_table('service_report_materials',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('product_name', sa.String(length=100), nullable=True),
    sa.Column('registration_no', sa.String(length=40), nullable=True),
    sa.Column('dilution', sa.String(length=40), nullable=True),
    sa.Column('amount', sa.String(length=40), nullable=True),
    sa.Column('amount_unit', sa.String(length=40), nullable=True),
    sa.Column('target', sa.String(length=40), nullable=True),
    sa.Column('method', sa.String(length=40), nullable=True),
    sa.Column('area', sa.String(length=100), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['service_report.id'], name=op.f('fk_service_report_materials_record_id_service_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_report_materials'))
    )
    with op.batch_alter_table('service_report_materials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_report_materials_record_id'), ['record_id'], unique=False)

    op.create_table('service_report_photo',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('list_key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['service_report.id'], name=op.f('fk_service_report_photo_record_id_service_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_report_photo'))
    )
    with op.batch_alter_table('service_report_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_report_photo_record_id'), ['record_id'], unique=False)

    op.create_table('service_report_products',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('product_name', sa.String(length=100), nullable=True),
    sa.Column('batch_no', sa.String(length=40), nullable=True),
    sa.Column('storage_state', sa.String(length=40), nullable=True),
    sa.Column('usage_note', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['service_report.id'], name=op.f('fk_service_report_products_record_id_service_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_report_products'))
    )
    with op.batch_alter_table('service_report_products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_report_products_record_id'), ['record_id'], unique=False)

    op.create_table('survey_event',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('by', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['survey.id'], name=op.f('fk_survey_event_record_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_event'))
    )
    with op.batch_alter_table('survey_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_event_record_id'), ['record_id'], unique=False)

    op.create_table('survey_photo',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('list_key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['survey.id'], name=op.f('fk_survey_photo_record_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_photo'))
    )
    with op.batch_alter_table('survey_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_photo_record_id'), ['record_id'], unique=False)

    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_kind', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('source_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('source_number', sa.String(length=30), nullable=True))
        batch_op.create_index(batch_op.f('ix_complaint_source_id'), ['source_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_source_id'))
        batch_op.drop_column('source_number')
        batch_op.drop_column('source_id')
        batch_op.drop_column('source_kind')

    with op.batch_alter_table('survey_photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_photo_record_id'))

    op.drop_table('survey_photo')
    with op.batch_alter_table('survey_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_event_record_id'))

    op.drop_table('survey_event')
    with op.batch_alter_table('service_report_products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_report_products_record_id'))

    op.drop_table('service_report_products')
    with op.batch_alter_table('service_report_photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_report_photo_record_id'))

    op.drop_table('service_report_photo')
    with op.batch_alter_table('service_report_materials', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_report_materials_record_id'))

    op.drop_table('service_report_materials')
    with op.batch_alter_table('service_report_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_report_event_record_id'))

    op.drop_table('service_report_event')
    with op.batch_alter_table('return_request_photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_request_photo_record_id'))

    op.drop_table('return_request_photo')
    with op.batch_alter_table('return_request_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_request_items_record_id'))

    op.drop_table('return_request_items')
    with op.batch_alter_table('return_request_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_request_event_record_id'))

    op.drop_table('return_request_event')
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_survey_date'))
        batch_op.drop_index(batch_op.f('ix_survey_status'))
        batch_op.drop_index(batch_op.f('ix_survey_source_id'))

    op.drop_table('survey')
    with op.batch_alter_table('service_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_report_status'))
        batch_op.drop_index(batch_op.f('ix_service_report_source_id'))
        batch_op.drop_index(batch_op.f('ix_service_report_service_date'))

    op.drop_table('service_report')
    with op.batch_alter_table('return_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_request_status'))
        batch_op.drop_index(batch_op.f('ix_return_request_source_id'))
        batch_op.drop_index(batch_op.f('ix_return_request_request_date'))

    op.drop_table('return_request')

