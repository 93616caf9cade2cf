"""Database tables (SQLAlchemy Core): one definition for SQLite and PostgreSQL.

This is the newest schema; every change to it comes with a migration in migrations/versions/
(tests/test_migrations.py checks that a migrated database and these tables agree)."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("article_id", String(255), primary_key=True),
    Column("title", Text, nullable=False, default=""),
    Column("outlet", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("published", String(40), nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("text", Text, nullable=False),
    Column("text_hash", String(64), nullable=False),
    Column("ingested_at", String(40), nullable=False),
)

# Extraction columns (claims.schema) plus the reviewer's state: status, note, reviewer, version.
claims = Table(
    "claims", metadata,
    Column("claim_id", String(32), primary_key=True),
    Column("article_id", String(255), ForeignKey("articles.article_id"), nullable=False),
    Column("article_title", Text), Column("published", String(40)),
    Column("paragraph", Integer), Column("sentence", Integer),
    Column("start", Integer), Column("end", Integer),
    Column("text", Text), Column("sentence_text", Text), Column("kind", String(20)),
    Column("speaker", Text), Column("speaker_mention", Text), Column("speaker_type", String(20)),
    Column("speaker_resolution", Text), Column("speaker_confidence", Float),
    Column("cue", Text), Column("certainty", String(20)),
    Column("certainty_markers", Text),  # JSON
    Column("about", Text),  # JSON
    Column("speaker_start", Integer), Column("speaker_end", Integer),
    Column("cue_start", Integer), Column("cue_end", Integer),
    Column("status", String(40), nullable=False, default="unverified"),
    Column("note", Text, nullable=False, default=""),
    Column("reviewer", Text, nullable=False, default=""),
    Column("reviewed_at", String(40), nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
    Column("cluster_id", String(32), index=True),
    Column("cluster_key", Text),
    Column("claim", Text),  # the readable claim (claims/readable.py; migration 0006); NULL: stored before it
)
Index("ix_claims_article_start", claims.c.article_id, claims.c.start)  # reads and exports in article order
Index("ix_claims_speaker", claims.c.speaker)
Index("ix_claims_status", claims.c.status)

reviews = Table(
    "reviews", metadata,
    Column("review_id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), nullable=False, index=True),
    Column("claim_text", Text, nullable=False, default=""),
    Column("old_status", String(40)), Column("new_status", String(40), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("reviewer", Text, nullable=False, default=""),
    Column("at", String(40), nullable=False),
    Column("orphaned", Boolean, nullable=False, default=False),
    Column("via_cluster", String(32)),
    Column("version", Integer),  # the claim's version this review made (migration 0002)
)
