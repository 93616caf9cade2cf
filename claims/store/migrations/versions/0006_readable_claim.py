"""Claims carry a readable form (`claim`: the speaker, the reporting verb and the content as one
sentence, claims/readable.py), shown and exported instead of the bare span `text`.

Claims stored before have none (NULL): readers show their sentence until their article is ingested
again, which fills it in (an unchanged article included) and keeps every verdict.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("claim", sa.Text, nullable=True))
