"""Published fact-checks (ClaimReview) and "checked before" matches: three new tables, nothing else
changes. Older stores get them empty; `claims import-checks` and `claims match` fill them.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_checks",
        sa.Column("check_id", sa.String(16), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("claim_reviewed", sa.Text, nullable=False),
        sa.Column("rating", sa.Text, nullable=False),
        sa.Column("rating_value", sa.Float), sa.Column("best_rating", sa.Float), sa.Column("worst_rating", sa.Float),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("date", sa.String(40), nullable=False),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("claim_author", sa.Text, nullable=False),
        sa.Column("appearance_url", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "match_items",
        sa.Column("item_id", sa.String(40), primary_key=True),
        sa.Column("terms", sa.Text, nullable=False),
        sa.Column("features", sa.Text, nullable=False),
    )
    op.create_table(
        "check_matches",
        sa.Column("claim_id", sa.String(32), primary_key=True),
        sa.Column("ref_kind", sa.String(8), primary_key=True),
        sa.Column("ref_id", sa.String(32), primary_key=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("matched_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_check_matches_ref", "check_matches", ["ref_id"])
