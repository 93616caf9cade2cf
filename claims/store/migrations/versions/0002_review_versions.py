"""Each review records the version it gave the claim, so a claim that leaves its article and comes
back returns at its last version, never an older one (a stale save then conflicts).

Existing reviews get the version they gave: 1 + their rank in the claim's history. A claim whose
version had gone back (0.2 restored returning claims at version 1) is brought up to its history's.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("version", sa.Integer, nullable=True))
    op.execute("UPDATE reviews SET version = 1 + (SELECT count(*) FROM reviews AS r2 "
               "WHERE r2.claim_id = reviews.claim_id AND r2.review_id <= reviews.review_id)")
    op.execute("UPDATE claims SET version = (SELECT max(r.version) FROM reviews AS r "
               "WHERE r.claim_id = claims.claim_id) "
               "WHERE version < (SELECT max(r.version) FROM reviews AS r WHERE r.claim_id = claims.claim_id)")
