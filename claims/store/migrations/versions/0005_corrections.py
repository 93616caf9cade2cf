"""Reviewers correct a claim's speaker and kind, or mark it "not a claim"; verdicts carry source links.

claims gets the extractor's own speaker, speaker type and kind (`*_extracted`: speaker, speaker_type
and kind then hold the corrected values every read uses), `not_claim` and `evidence_urls`; reviews get
`evidence_urls`; a new table `corrections` holds every signed correction. Claims stored before keep
their speaker and kind, copied as the extractor's.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

metadata = sa.MetaData()
corrections = sa.Table(
    "corrections", metadata,
    sa.Column("correction_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("claim_id", sa.String(32), nullable=False, index=True),
    sa.Column("claim_text", sa.Text, nullable=False),
    sa.Column("old_speaker", sa.Text), sa.Column("speaker", sa.Text), sa.Column("speaker_type", sa.String(20)),
    sa.Column("old_kind", sa.String(20)), sa.Column("kind", sa.String(20)),
    sa.Column("old_not_claim", sa.Boolean, nullable=False),
    sa.Column("not_claim", sa.Boolean, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("orphaned", sa.Boolean, nullable=False),
)


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("speaker_extracted", sa.Text, nullable=True))
        batch.add_column(sa.Column("speaker_type_extracted", sa.String(20), nullable=True))
        batch.add_column(sa.Column("kind_extracted", sa.String(20), nullable=True))
        batch.add_column(sa.Column("not_claim", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("evidence_urls", sa.Text, nullable=True))
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("evidence_urls", sa.Text, nullable=True))
    op.execute("UPDATE claims SET speaker_extracted = speaker, speaker_type_extracted = speaker_type, "
               "kind_extracted = kind")
    metadata.create_all(op.get_bind(), checkfirst=True)
