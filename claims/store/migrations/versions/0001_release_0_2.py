"""The schema of release 0.2 (commit 93d73e3), the last one without migrations.

Frozen here, not imported from tables.py (which follows the newest schema). Tables and indexes are
created where absent, so a store made by 0.2 or earlier (some lack indexes added later) and an
empty database both end up at this revision.

Revision ID: 0001
"""
from alembic import op
from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

metadata = MetaData()
Table(
    "articles", metadata,
    Column("article_id", String(255), primary_key=True),
    Column("title", Text, nullable=False), Column("outlet", Text, nullable=False),
    Column("url", Text, nullable=False), Column("published", String(40), nullable=False),
    Column("source", Text, nullable=False), Column("text", Text, nullable=False),
    Column("text_hash", String(64), nullable=False), Column("ingested_at", String(40), nullable=False),
)
claims = Table(
    "claims", metadata,
    Column("claim_id", String(32), primary_key=True),
    Column("article_id", String(255), ForeignKey("articles.article_id"), nullable=False),
    Column("article_title", Text), Column("published", String(40)),
    Column("paragraph", Integer), Column("sentence", Integer),
    Column("start", Integer), Column("end", Integer),
    Column("text", Text), Column("sentence_text", Text), Column("kind", String(20)),
    Column("speaker", Text), Column("speaker_mention", Text), Column("speaker_type", String(20)),
    Column("speaker_resolution", Text), Column("cue", Text), Column("certainty", String(20)),
    Column("certainty_markers", Text), Column("about", Text),
    Column("speaker_start", Integer), Column("speaker_end", Integer),
    Column("cue_start", Integer), Column("cue_end", Integer),
    Column("status", String(40), nullable=False), Column("note", Text, nullable=False),
    Column("reviewer", Text, nullable=False), Column("reviewed_at", String(40), nullable=False),
    Column("version", Integer, nullable=False),
    Column("cluster_id", String(32), index=True), Column("cluster_key", Text),
)
Index("ix_claims_article_start", claims.c.article_id, claims.c.start)
Index("ix_claims_speaker", claims.c.speaker)
Index("ix_claims_status", claims.c.status)
Table(
    "reviews", metadata,
    Column("review_id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), nullable=False, index=True),
    Column("claim_text", Text, nullable=False),
    Column("old_status", String(40)), Column("new_status", String(40), nullable=False),
    Column("note", Text, nullable=False), Column("reviewer", Text, nullable=False),
    Column("at", String(40), nullable=False), Column("orphaned", Boolean, nullable=False),
    Column("via_cluster", String(32)),
)


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind, checkfirst=True)
    for table in metadata.tables.values():  # indexes added in 0.2 to stores made before them
        for index in table.indexes:
            index.create(bind, checkfirst=True)
