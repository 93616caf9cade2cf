"""Claims say how far their speaker can be trusted (`speaker_confidence`, 0–1, from how the speaker
was found: claims/data/resolutions.tsv), so a reviewer can list the weakest speakers first.

Claims stored before have no confidence (NULL) until their article is ingested again.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("speaker_confidence", sa.Float, nullable=True))
