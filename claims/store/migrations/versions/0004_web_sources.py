"""Articles read from the web: when each was downloaded (`articles.fetched_at`), which URLs were
fetched and what became of them (`fetched_urls`: `watch` fetches only new feed items, and resumes after a
crash where it stopped), and each feed's HTTP validators (`feed_states`: ETag / Last-Modified).

Articles stored before were read from files: their fetched_at is empty.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("fetched_at", sa.String(40), nullable=False, server_default=""))
    op.create_table(
        "fetched_urls",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("article_id", sa.String(255), nullable=False, server_default=""),
        sa.Column("problem", sa.Text, nullable=False, server_default=""),
        sa.Column("fetched_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "feed_states",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text, nullable=False, server_default=""),
        sa.Column("last_modified", sa.Text, nullable=False, server_default=""),
        sa.Column("checked_at", sa.String(40), nullable=False),
    )
