"""complaint timestamps and the channel's own topic (real complaint exports)

Revision ID: 0003_ingest_sources
Revises: 0001
Create Date: 2026-11-30

Complaint-channel exports carry the time of day and their own topic. The date
columns stay dates (every query and the working-day analysis read them); the
time, when the source gives one, goes into ``received_at``/``resolved_at`` so
that response times under a day can be reported in hours.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003_ingest_sources"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.add_column(sa.Column("received_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("resolved_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("source_category", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_column("source_category")
        batch_op.drop_column("resolved_at")
        batch_op.drop_column("received_at")
