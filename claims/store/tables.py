"""Database tables (SQLAlchemy Core): one definition for SQLite and PostgreSQL.

This is the newest schema; every change to it comes with a migration in migrations/versions/
(tests/test_migrations.py checks that a migrated database and these tables agree)."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, false

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
    Column("fetched_at", String(40), nullable=False, default="", server_default=""),  # web articles (0004)
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
    # A reviewer's correction (migration 0005): speaker, speaker_type and kind above hold the corrected
    # values, what every read uses; the extractor's own stay here, rewritten by each re-extraction.
    Column("speaker_extracted", Text), Column("speaker_type_extracted", String(20)),
    Column("kind_extracted", String(20)),
    Column("not_claim", Boolean, nullable=False, default=False, server_default=false()),
    Column("evidence_urls", Text),  # JSON list of the http(s) sources of the current verdict
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
    Column("evidence_urls", Text),  # JSON list of http(s) source links given with the verdict (0005)
)

# Corrections by reviewers (migration 0005), only ever appended: each row is the claim's whole corrected
# state (NULL speaker or kind: the extractor's stands), signed; the last one of a claim is applied.
corrections = Table(
    "corrections", metadata,
    Column("correction_id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), nullable=False, index=True),
    Column("claim_text", Text, nullable=False, default=""),
    Column("old_speaker", Text), Column("speaker", Text), Column("speaker_type", String(20)),
    Column("old_kind", String(20)), Column("kind", String(20)),
    Column("old_not_claim", Boolean, nullable=False, default=False),
    Column("not_claim", Boolean, nullable=False, default=False),
    Column("note", Text, nullable=False, default=""),
    Column("reviewer", Text, nullable=False, default=""),
    Column("at", String(40), nullable=False),
    Column("orphaned", Boolean, nullable=False, default=False),
)

# Published fact-checks imported from ClaimReview (migration 0007), each once by its URL.
fact_checks = Table(
    "fact_checks", metadata,
    Column("check_id", String(16), primary_key=True),  # Check.check_id: the hash of its URL
    Column("url", Text, nullable=False, default=""),  # "" for a check published without one
    Column("claim_reviewed", Text, nullable=False),
    Column("rating", Text, nullable=False, default=""),  # reviewRating.alternateName, as published
    Column("rating_value", Float), Column("best_rating", Float), Column("worst_rating", Float),
    Column("author", Text, nullable=False, default=""),
    Column("date", String(40), nullable=False, default=""),
    Column("language", String(20), nullable=False, default=""),
    Column("claim_author", Text, nullable=False, default=""),
    Column("appearance_url", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Column("imported_at", String(40), nullable=False),
)

# What matching compares, per claim ("c:" + claim_id) or check ("k:" + check_id): the content lemmas and
# the blocking features, computed once with spaCy so the index is rebuilt without the model (0007).
match_items = Table(
    "match_items", metadata,
    Column("item_id", String(40), primary_key=True),
    Column("terms", Text, nullable=False, default=""),  # content lemmas, space-separated
    Column("features", Text, nullable=False, default="{}"),  # JSON: negated, actors, numbers
)

# Claims that match an earlier check: an imported one (ref_kind "check") or another claim of the desk
# (ref_kind "claim": shown when that claim has a verdict). Scores from claims.checks.index (0007).
check_matches = Table(
    "check_matches", metadata,
    Column("claim_id", String(32), primary_key=True),
    Column("ref_kind", String(8), primary_key=True),
    Column("ref_id", String(32), primary_key=True),
    Column("score", Float, nullable=False),
    Column("matched_at", String(40), nullable=False),
)
Index("ix_check_matches_ref", check_matches.c.ref_id)
# What was read from the web (migration 0004): each URL fetched, normalised, and what became of it (the
# article it gave, or the lasting problem), so `watch` fetches only new items and resumes after a crash;
# each feed's HTTP validators, so an unchanged feed costs a 304.
fetched_urls = Table(
    "fetched_urls", metadata,
    Column("url", Text, primary_key=True),
    Column("article_id", String(255), nullable=False, default="", server_default=""),
    Column("problem", Text, nullable=False, default="", server_default=""),
    Column("fetched_at", String(40), nullable=False),
)

feed_states = Table(
    "feed_states", metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text, nullable=False, default="", server_default=""),
    Column("last_modified", Text, nullable=False, default="", server_default=""),
    Column("checked_at", String(40), nullable=False),
)
