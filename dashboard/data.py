"""The dashboard's link to the store: which database, cached resources, and every write.

Reads are cached by the store's revision, which changes on any write from any process (another
reviewer, an ingest from the command line), so every session sees fresh data without reloading
100,000 claims on each click.
"""
from __future__ import annotations

import argparse
import os
import sys

import pandas as pd
import streamlit as st

from claims import views
from claims.articles import Article
from claims.sample import SEEDS
from claims.store import Store, StoreError, default_db_url, open_store
from claims.store.filecheck import start_check
from claims.store.location import sqlite_file
from claims.views import ClaimSet


def db_from_args(argv: list[str] | None = None) -> tuple[str, bool]:
    """The database: `streamlit run dashboard/app.py -- --db FILE_OR_URL`, else $CLAIMS_DB, else the
    default file. The flag says whether it is the default (only that one gets the sample articles)."""
    parser = argparse.ArgumentParser(prog="dashboard/app.py", add_help=False)
    parser.add_argument("--db", default=None)
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.db:
        return args.db, False
    return default_db_url(), not os.environ.get("CLAIMS_DB")


@st.cache_resource(show_spinner=False)
def store(db: str) -> Store:
    # the file's check of every page runs while the first page reads the claims (claim_set confirms it)
    return open_store(db, checked=start_check(sqlite_file(db)), defer=True)


@st.cache_resource(show_spinner="Loading the French language model…")
def model():
    # spaCy is imported here, when an article is added or new claims are compared, not with the page (~1.3 s)
    from claims.nlp import load_model

    return load_model()


@st.cache_resource(show_spinner="Loading claims…", max_entries=1)
def _claim_set(db: str, content: tuple) -> ClaimSet:
    return ClaimSet.from_store(store(db))


def claim_set(db: str) -> ClaimSet:
    """All stored claims: reloaded when articles change, brought up to date in place when verdicts change
    (a save on a million-claim desk rewrites one column of codes, not a reload)."""
    opened = store(db)
    try:
        mark, content = opened.revision()
        claims = _claim_set(db, content)
    except Exception:
        opened.confirm_sound()  # a damaged file is said as such, not as what reading it raised
        raise
    opened.confirm_sound()
    claims.catch_up(mark, opened.reviews_since)
    return claims


def rows(db: str, ids: list[str]) -> pd.DataFrame:
    """The claims with these ids, in this order, read from the store with their evidence and notes."""
    return views.table_rows(store(db), ids)


@st.cache_data(show_spinner=False, max_entries=2)
def _repeated(db: str, content: tuple) -> pd.DataFrame:
    return store(db).clusters(min_articles=2)


def repeated_claims(db: str) -> pd.DataFrame:
    """Claims seen in more than one article, re-read only when articles change (the grouping query
    takes a quarter of a second on 100,000 claims, too much for every click)."""
    _, content = store(db).revision()
    return _repeated(db, content)


def add_articles(db: str, articles: list[Article], progress=None, problems: list[str] | None = None) -> dict[str, int]:
    """Extract and store articles one by one; `progress(done, total, name)` is called after each is stored;
    an article the analysis fails on or the database refuses is named in `problems`, the others go in."""
    from claims.extract import extract_batch

    nlp = model()

    def one_by_one():
        for i, article in enumerate(articles):
            batch = extract_batch([article], nlp)
            if problems is not None:
                problems.extend(batch.failures)
            yield batch.articles, batch.rows
            if progress:  # resumed once the store has written the article
                progress(i + 1, len(articles), article.source or article.article_id)

    return store(db).ingest_batches(one_by_one(), problems)  # the revision has changed: claim_set() reloads


def ensure_sample(db: str, is_default: bool) -> None:
    """First start on the default database: ingest the sample articles so the desk opens on something."""
    if not is_default or store(db).article_count() > 0:
        return
    from claims.articles import iter_articles

    with st.spinner("First start: extracting the sample articles into the database…"):
        add_articles(db, list(iter_articles([SEEDS])))


def save_status(db: str, claim_id: str, status: str, version: int, note: str, reviewer: str,
                evidence_urls: list[str] | None = None) -> str | None:
    """Save a verdict through the store's conflict check; returns an error message or None."""
    try:
        store(db).set_status(claim_id, status, version=version, note=note, reviewer=reviewer,
                             evidence_urls=evidence_urls)
    except StoreError as err:  # ConflictError included: someone saved in between
        return str(err)
    return None


def save_cluster_status(db: str, cluster_id: str, status: str, note: str, reviewer: str,
                        evidence_urls: list[str] | None = None) -> int:
    return store(db).set_cluster_status(cluster_id, status, note=note, reviewer=reviewer, evidence_urls=evidence_urls)


def save_correction(db: str, claim_id: str, reviewer: str, **change) -> str | None:
    """Save a reviewer's correction (speaker, kind, not_claim, reset, note); returns an error message or None."""
    try:
        store(db).correct(claim_id, reviewer=reviewer, **change)
    except StoreError as err:
        return str(err)
    return None


def undo_status(db: str, claim_id: str, status: str, version: int, note: str, urls: list[str],
                reviewer: str) -> str | None:
    """Put back the status a claim had before a table edit: a signed entry of its own in the history."""
    try:
        store(db).set_status(claim_id, status, version=version, note=note, reviewer=reviewer, evidence_urls=urls)
    except StoreError as err:
        return str(err)
    return None


MATCH_AT_LOAD = 5_000  # more claims than this not compared yet: the page says to run `claims match`


@st.cache_data(show_spinner=False, max_entries=2)
def _pending(db: str, content: tuple, mark: tuple) -> int:
    return store(db).pending_matches()


@st.cache_data(show_spinner=False, max_entries=2)
def _checked_ids(db: str, mark: tuple, reviews: int) -> set[str]:
    return store(db).checked_claim_ids()


def sync_checked(db: str, claims: ClaimSet) -> int:
    """Compare what is new (a few thousand claims at most; else `claims match` does it) and tell the claim
    set which claims were checked before. Returns how many are still to compare."""
    from claims.checks.matching import refresh

    s = store(db)
    reviews, content = s.revision()
    mark = s.match_mark()
    pending = _pending(db, content, mark)
    if 0 < pending <= MATCH_AT_LOAD:
        with st.spinner(f"Comparing {pending:,} new claims and checks with earlier verdicts…"):
            refresh(s, model())
        mark, pending = s.match_mark(), 0
    claims.mark_checked(_checked_ids(db, mark, reviews), (mark, reviews))
    return pending


def earlier_verdicts(db: str, claim_id: str) -> pd.DataFrame:
    return store(db).earlier_verdicts(claim_id)


def apply_earlier_verdict(db: str, claim_id: str, match: dict, status: str, version: int, note: str,
                          reviewer: str) -> str | None:
    """Give the claim an earlier verdict (signed, its source in the note); an error message or None."""
    from claims.checks.apply import apply_earlier_verdict as apply

    try:
        apply(store(db), claim_id, match, status=status, reviewer=reviewer, version=version, note=note)
    except StoreError as err:
        return f"Not saved: {err}"
    return None


def import_checks(db: str, files: list[tuple[str, bytes]]) -> list[tuple[str, str]]:
    """Store the fact-checks of uploaded ClaimReview files and compare them with the claims; returns the
    report: ("ok" | "error", message), each skipped item named."""
    from claims.checks.claimreview import decode, parse_text
    from claims.checks.matching import refresh

    report: list[tuple[str, str]] = []
    rows = []
    for name, content in files:
        parsed = parse_text(decode(content, name), name)
        rows += [c.as_row() for c in parsed.checks]
        report += [("error", p) for p in parsed.problems[:20]]
        if len(parsed.problems) > 20:
            report.append(("error", f"{name}: … and {len(parsed.problems) - 20} more items skipped"))
    if rows:
        counts = store(db).import_checks(rows)
        with st.spinner("Comparing the checks with the claims…"):
            matched = refresh(store(db), model())
        report.insert(0, ("ok", f"{counts['new']} new checks, {counts['updated']} updated, {counts['unchanged']} "
                                f"already stored; {matched.new_matches} new matches"))
    return report
