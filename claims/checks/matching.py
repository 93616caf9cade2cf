"""The "checked before?" run: analyse what is new (claims, checks), add it to the index and store its
matches. Ties the parts together: features (spaCy), index (numpy), the store's tables.

Matching features are stored (table match_items), so the index is rebuilt from the store without
parsing anything again; only new items go through spaCy. A new claim is compared with every check and
every other claim; a new check with every claim. Matches with other claims are stored whether or not
that claim has a verdict yet: the desk shows those that have one, so a verdict given later shows at once.
"""
from __future__ import annotations

from dataclasses import dataclass

from claims.checks.features import analyse, vector_lookup
from claims.checks.index import THRESHOLD, Features, MatchIndex
from claims.store.checks import CHECK, CLAIM, pending_items, save_items, save_matches, split_key, stored_items

MATCHES_PER_ITEM = 20


@dataclass
class MatchReport:
    analysed: int = 0
    indexed: int = 0
    new_matches: int = 0

    def __str__(self) -> str:
        return (f"{self.analysed:,} new claims and checks analysed, {self.indexed:,} in the index, "
                f"{self.new_matches:,} new matches")


def build_index(store, nlp) -> MatchIndex:
    """Every analysed item of the store in an index (no parsing: the stored features)."""
    index = MatchIndex(vector_lookup(nlp), dim=nlp.vocab.vectors_length or 300)
    index.add_many((key, Features.from_stored(terms, info)) for key, terms, info in stored_items(store.engine))
    return index


def pairs_for(key: str, features: Features, index: MatchIndex, threshold: float = THRESHOLD):
    """(claim_id, ref_kind, ref_id, score) for what the item `key` matches in the index."""
    kind, ref = split_key(key)
    if kind == CLAIM:
        for m in index.query(features, exclude=key, threshold=threshold, limit=MATCHES_PER_ITEM):
            other_kind, other = split_key(m.key)
            yield ref, other_kind, other, m.score
            if other_kind == CLAIM:  # the other claim matches this one as well
                yield other, CLAIM, ref, m.score
    else:
        for m in index.query(features, exclude=key, threshold=threshold, limit=MATCHES_PER_ITEM,
                             allow=lambda k: k.startswith("c:")):
            yield split_key(m.key)[1], CHECK, ref, m.score


def refresh(store, nlp, index: MatchIndex | None = None, progress=None, batch: int = 2_000) -> MatchReport:
    """Analyse the claims and checks not analysed yet, index them, store their matches. `index`, when
    given, is an index of the store kept in memory (it is updated in place); `progress(done, total)`."""
    report = MatchReport()
    pending = pending_items(store.engine)
    if index is None:
        index = build_index(store, nlp)
    total = len(pending)
    for start in range(0, total, batch):
        part = pending.iloc[start:start + batch]
        features = list(analyse(part["text"], nlp, part["about"]))
        save_items(store.engine, [(k, " ".join(f.terms), f.to_json()) for k, f in zip(part["key"], features)])
        for key, f in zip(part["key"], features):  # added first: new items also match one another
            index.add(key, f)
        pairs = [p for key, f in zip(part["key"], features) for p in pairs_for(key, f, index)]
        report.new_matches += save_matches(store.engine, pairs)
        report.analysed += len(part)
        if progress:
            progress(report.analysed, total)
    report.indexed = len(index)
    return report
