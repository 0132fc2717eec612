"""Signatures captured on screen and frozen revisions of signed records

Revision ID: 0004_signatures
Revises: 0003_revision
Create Date: 2026-11-26 21:28:12.708190
"""

from alembic import op
import sqlalchemy as sa


revision = '0004_signatures'
down_revision = '0003_revision'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('complaint_revision',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('superseded_at', sa.DateTime(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['complaint.id'], name=op.f('fk_complaint_revision_record_id_complaint'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_revision')),
    sa.UniqueConstraint('record_id', 'revision', name=op.f('uq_complaint_revision_record_id'))
    )
    with op.batch_alter_table('complaint_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_revision_record_id'), ['record_id'], unique=False)

    op.create_table('complaint_signature',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('block', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('strokes', sa.Text(), nullable=False),
    sa.Column('image_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['complaint.id'], name=op.f('fk_complaint_signature_record_id_complaint'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_signature')),
    sa.UniqueConstraint('record_id', 'revision', 'block', name=op.f('uq_complaint_signature_record_id'))
    )
    with op.batch_alter_table('complaint_signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_signature_record_id'), ['record_id'], unique=False)

    op.create_table('return_request_revision',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('superseded_at', sa.DateTime(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['return_request.id'], name=op.f('fk_return_request_revision_record_id_return_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_request_revision')),
    sa.UniqueConstraint('record_id', 'revision', name=op.f('uq_return_request_revision_record_id'))
    )
    with op.batch_alter_table('return_request_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_request_revision_record_id'), ['record_id'], unique=False)

    op.create_table('return_request_signature',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('block', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('strokes', sa.Text(), nullable=False),
    sa.Column('image_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['return_request.id'], name=op.f('fk_return_request_signature_record_id_return_request'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_request_signature')),
    sa.UniqueConstraint('record_id', 'revision', 'block', name=op.f('uq_return_request_signature_record_id'))
    )
    with op.batch_alter_table('return_request_signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_request_signature_record_id'), ['record_id'], unique=False)

    op.create_table('service_report_revision',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('superseded_at', sa.DateTime(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['service_report.id'], name=op.f('fk_service_report_revision_record_id_service_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_report_revision')),
    sa.UniqueConstraint('record_id', 'revision', name=op.f('uq_service_report_revision_record_id'))
    )
    with op.batch_alter_table('service_report_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_report_revision_record_id'), ['record_id'], unique=False)

    op.create_table('service_report_signature',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('block', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('strokes', sa.Text(), nullable=False),
    sa.Column('image_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['service_report.id'], name=op.f('fk_service_report_signature_record_id_service_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_report_signature')),
    sa.UniqueConstraint('record_id', 'revision', 'block', name=op.f('uq_service_report_signature_record_id'))
    )
    with op.batch_alter_table('service_report_signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_report_signature_record_id'), ['record_id'], unique=False)

    op.create_table('survey_revision',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('superseded_at', sa.DateTime(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['survey.id'], name=op.f('fk_survey_revision_record_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_revision')),
    sa.UniqueConstraint('record_id', 'revision', name=op.f('uq_survey_revision_record_id'))
    )
    with op.batch_alter_table('survey_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_revision_record_id'), ['record_id'], unique=False)

    op.create_table('survey_signature',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('block', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('strokes', sa.Text(), nullable=False),
    sa.Column('image_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['survey.id'], name=op.f('fk_survey_signature_record_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_signature')),
    sa.UniqueConstraint('record_id', 'revision', 'block', name=op.f('uq_survey_signature_record_id'))
    )
    with op.batch_alter_table('survey_signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_signature_record_id'), ['record_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('survey_signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_signature_record_id'))

    op.drop_table('survey_signature')
    with op.batch_alter_table('survey_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_revision_record_id'))

    op.drop_table('survey_revision')
    with op.batch_alter_table('service_report_signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_report_signature_record_id'))

    op.drop_table('service_report_signature')
    with op.batch_alter_table('service_report_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_report_revision_record_id'))

    op.drop_table('service_report_revision')
    with op.batch_alter_table('return_request_signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_request_signature_record_id'))

    op.drop_table('return_request_signature')
    with op.batch_alter_table('return_request_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_request_revision_record_id'))

    op.drop_table('return_request_revision')
    with op.batch_alter_table('complaint_signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_signature_record_id'))

    op.drop_table('complaint_signature')
    with op.batch_alter_table('complaint_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_revision_record_id'))

    op.drop_table('complaint_revision')

