"""complaint themes as data, topic mappings, evaluator labels and stored theme models

The theme table starts empty: the code's default set applies until an evaluator saves an edit.

Revision ID: 0004_complaint_themes
Revises: 0002 (results_jobs)
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "0004_complaint_themes"
down_revision: str | None = "0003_ingest_sources"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "complaint_theme",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("name_id", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("name_en", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("training_theme", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "theme_label_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("model_id", sa.Integer(), nullable=True),
        sa.Column("strata", sa.Text(), nullable=False),
        sa.Column("sample_size", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "theme_model",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("data_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("n_train", sa.Integer(), nullable=False),
        sa.Column("n_evaluator", sa.Integer(), nullable=False),
        sa.Column("n_source", sa.Integer(), nullable=False),
        sa.Column("classes", sa.Text(), nullable=False),
        sa.Column("cpu_seconds", sa.Float(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("theme_model", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_model_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_theme_model_data_hash"), ["data_hash"], unique=False)

    op.create_table(
        "topic_theme_map",
        sa.Column("source_topic", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("theme_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.PrimaryKeyConstraint("source_topic"),
    )
    op.create_table(
        "theme_label",
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stratum", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("predicted_theme", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("predicted_confidence", sa.Float(), nullable=True),
        sa.Column("theme_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("labelled_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("labelled_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaint.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["theme_label_round.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("complaint_id"),
    )
    with op.batch_alter_table("theme_label", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_label_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("theme_label", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_label_round_id"))

    op.drop_table("theme_label")
    op.drop_table("topic_theme_map")
    with op.batch_alter_table("theme_model", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_model_data_hash"))
        batch_op.drop_index(batch_op.f("ix_theme_model_created_at"))

    op.drop_table("theme_model")
    op.drop_table("theme_label_round")
    op.drop_table("complaint_theme")
