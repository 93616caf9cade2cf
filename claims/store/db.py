"""The Store facade: one object for the dashboard, the command line and scripts.

The work is done by one module per job: connect (opening, checks, migrations), ingest, reviews,
queries. Each write is one transaction, so a crash or a kill leaves the database as it was before it
or after it, never half-way; reviews are only ever appended.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pandas as pd
from sqlalchemy import Select

from claims.articles import Article
from claims.store import checks as _checks
from claims.store import corrections, fetches, queries, reviews
from claims.store import ingest as _ingest
from claims.store.connect import open_engine
from claims.store.errors import StoreError
from claims.store.location import default_db_url
from claims.store.statuses import status_names


def open_store(db: str | None = None, *, init: bool = False, checked: Callable[[], None] | None = None,
               defer: bool = False) -> Store:
    """The store at `db` (a file path or a SQLAlchemy URL; default: default_db_url()). `init` lets a
    non-empty database that is not a claims store get the store's tables. `checked`: the file's opening
    check, already started (claims.store.filecheck.start_check); with `defer`, waited for only before the
    first write or by Store.confirm_sound (reads run meanwhile)."""
    return Store(db or default_db_url(), init=init, checked=checked, defer=defer)


class Store:
    def __init__(self, db: str, *, init: bool = False, checked: Callable[[], None] | None = None,
                 defer: bool = False):
        self.db = db
        opened = open_engine(db, init=init, checked=checked, defer=defer)
        self.engine, self.name, self.is_sqlite = opened.engine, opened.name, opened.is_sqlite
        # waits for a deferred opening check and raises StoreError for a damaged file (at once when not deferred)
        self.confirm_sound = opened.confirm
        self.upgraded = opened.upgraded  # what opening did to an older schema, in words (None: nothing)
        self.statuses = status_names()

    # -- ingest ---------------------------------------------------------------------
    def ingest(self, articles: list[Article], rows: list[dict]) -> dict[str, int]:
        """Store articles and their claims in one transaction (see claims.store.ingest)."""
        return _ingest.ingest(self.engine, articles, rows)

    def ingest_batches(self, batches: Iterable[tuple[list[Article], list[dict]]],
                       problems: list[str] | None = None) -> dict[str, int]:
        """One transaction a batch; an article the database refuses is named in `problems`."""
        return _ingest.ingest_batches(self.engine, batches, problems)

    # -- what was read from the web (claims.store.fetches) -----------------------------
    def fetched_urls(self, urls: list[str]) -> set[str]:
        """Those of these normalised URLs fetched before (watch skips them)."""
        return fetches.fetched_urls(self.engine, urls)

    def record_fetches(self, records: Iterable[tuple[str, str, str]]) -> int:
        """Remember fetched URLs: (url, article id or "", lasting problem or "")."""
        return fetches.record_fetches(self.engine, records)

    def feed_states(self, urls: list[str]) -> dict[str, tuple[str, str]]:
        return fetches.feed_states(self.engine, urls)

    def save_feed_state(self, url: str, etag: str, last_modified: str) -> None:
        fetches.save_feed_state(self.engine, url, etag, last_modified)

    # -- reviews --------------------------------------------------------------------
    def find_claim(self, claim_id: str) -> dict | None:
        return reviews.find_claim(self.engine, claim_id)

    def claim(self, claim_id: str) -> dict:
        found = self.find_claim(claim_id)
        if found is None:
            raise StoreError(f"{self.name}: no claim with id {claim_id!r}")
        return found

    def set_status(self, claim_id: str, status: str, *, version: int, note: str | None = None,
                   reviewer: str = "", via_cluster: str | None = None, evidence_urls: list[str] | None = None) -> int:
        """Change a claim's status if it is still at `version`; returns the new version.
        Raises ConflictError when someone saved in between (nothing is written then)."""
        with self.engine.begin() as conn:
            return reviews.set_status(conn, self.name, claim_id, status, version=version, note=note,
                                      reviewer=reviewer, via_cluster=via_cluster, evidence_urls=evidence_urls)

    def set_cluster_status(self, cluster_id: str, status: str, *, note: str | None = None,
                           reviewer: str = "", evidence_urls: list[str] | None = None) -> int:
        return reviews.set_cluster_status(self.engine, self.name, cluster_id, status, note=note, reviewer=reviewer,
                                          evidence_urls=evidence_urls)

    def correct(self, claim_id: str, *, reviewer: str, speaker: str | None = None, speaker_type: str | None = None,
                kind: str | None = None, not_claim: bool | None = None, reset: bool = False, note: str = "") -> dict:
        """A reviewer's signed correction of a claim's speaker, kind or « not a claim » (None keeps,
        `reset` goes back to the extractor's); returns the claim's corrected values."""
        with self.engine.begin() as conn:
            return corrections.correct(conn, self.name, claim_id, reviewer=reviewer, speaker=speaker,
                                       speaker_type=speaker_type, kind=kind, not_claim=not_claim, reset=reset,
                                       note=note)

    def corrections(self, claim_id: str) -> pd.DataFrame:
        return corrections.history(self.engine, claim_id)

    def history(self, claim_id: str) -> pd.DataFrame:
        return reviews.history(self.engine, claim_id)

    # -- reading --------------------------------------------------------------------
    def claims_query(self, status: Iterable[str] | None, speaker: Iterable[str] | None,
                     article: Iterable[str] | None) -> Select:
        return queries.claims_query(status, speaker, article)

    def iter_claims_frames(self, *, status: Iterable[str] | None = None, speaker: Iterable[str] | None = None,
                           article: Iterable[str] | None = None, chunk_rows: int = 100_000) -> Iterator[pd.DataFrame]:
        """Claims in frames of at most `chunk_rows` rows (exports of any size in bounded memory)."""
        return queries.iter_claims_frames(self.engine, queries.claims_query(status, speaker, article), chunk_rows)

    def claims_frame(self, *, status: Iterable[str] | None = None, speaker: Iterable[str] | None = None,
                     article: Iterable[str] | None = None) -> pd.DataFrame:
        """Claims as the schema's DataFrame, plus the review columns (note, reviewer, version…)."""
        return queries.claims_frame(self.engine, queries.claims_query(status, speaker, article))

    @property
    def sqlite_path(self) -> str:
        return self.engine.url.database or ""

    def revision(self) -> tuple[int, tuple]:
        return queries.revision(self.engine)

    def reviews_since(self, review_id: int) -> pd.DataFrame:
        return queries.reviews_since(self.engine, review_id)

    def article_count(self) -> int:
        return queries.article_count(self.engine)

    def article_text(self, article_id: str) -> str:
        return queries.article_text(self.engine, article_id)

    def clusters(self, min_articles: int = 1) -> pd.DataFrame:
        return queries.clusters(self.engine, min_articles)

    # -- published fact-checks and "checked before" (claims.store.checks) ----------------------------
    def import_checks(self, rows: Iterable[dict]) -> dict[str, int]:
        """Store fact-checks (claims.checks.claimreview.Check.as_row()), each once by URL."""
        return _checks.import_checks(self.engine, rows)

    def checks_frame(self, check_ids: Iterable[str] | None = None) -> pd.DataFrame:
        return _checks.checks_frame(self.engine, check_ids)

    def earlier_verdicts(self, claim_id: str) -> pd.DataFrame:
        """Published checks and the desk's verdicts that a claim matches, best first."""
        return _checks.earlier_verdicts(self.engine, claim_id)

    def checked_claim_ids(self) -> set[str]:
        return _checks.checked_claim_ids(self.engine)

    def match_mark(self) -> tuple:
        return _checks.match_mark(self.engine)

    def pending_matches(self) -> int:
        """Claims and checks not compared yet (`claims match` compares them)."""
        return _checks.pending_count(self.engine)
