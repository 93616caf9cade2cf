"""The retrieval index of "checked before?": BM25 over content lemmas for candidates, re-ranked with
word vectors, with rules that block false matches. numpy only: no spaCy, no store.

Items (claims and fact-checks) are added one by one; nothing is rebuilt. BM25's document frequencies
and average length are read at query time, so an item added now counts for the next query.

    score = BM25_WEIGHT · bm25(q, d) / bm25(q, q)  +  (1 − BM25_WEIGHT) · cosine(mean vector q, mean vector d)

bm25(q, q), the query scored against itself, bounds what any item can reach, so the first part is in
[0, 1] whatever the corpus. A candidate is blocked (never a match) when:
- one side is negated and the other is not (ne … pas, jamais, aucun: claims/data/matching.tsv);
- each side names an actor the other does not (les Russes … Venezuela vs … Syrie); one side naming
  fewer actors (« Les Russes doivent partir », said about Venezuela) is no conflict;
- each side has a number the other has not (19 000 vs 25 000).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

K1, B = 1.2, 0.75  # Okapi BM25's usual constants
BM25_WEIGHT = 0.5  # chosen on tests/data/checks/pairs.jsonl with THRESHOLD (README: Checked before)
THRESHOLD = 0.55  # a pair scoring this or more is a match
CANDIDATES = 50  # BM25's best items re-ranked with vectors


@dataclass(frozen=True)
class Features:
    """What matching compares of a text (claims.checks.features makes it from spaCy's analysis)."""

    terms: tuple[str, ...]  # content lemmas, actors as "@actor", numbers as "#n", negation words kept
    negated: bool = False
    actors: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()

    def to_json(self) -> dict:
        return {"negated": self.negated, "actors": sorted(self.actors), "numbers": sorted(self.numbers)}

    @classmethod
    def from_stored(cls, terms: str, info: dict) -> Features:
        return cls(tuple(terms.split()), bool(info.get("negated")), frozenset(info.get("actors", ())),
                   frozenset(info.get("numbers", ())))


def conflict(a: Features, b: Features) -> str:
    """Why a and b cannot say the same thing ("" when nothing blocks them)."""
    if a.negated != b.negated:
        return "negation"
    if (a.actors - b.actors) and (b.actors - a.actors):
        return "different actors"
    if (a.numbers - b.numbers) and (b.numbers - a.numbers):
        return "different numbers"
    return ""


@dataclass
class Match:
    key: str
    score: float
    bm25: float
    cosine: float


class _Postings:
    """One term's items and counts, in growable arrays (append is amortised O(1))."""

    __slots__ = ("ids", "tfs", "n")

    def __init__(self):
        self.ids = np.empty(4, dtype=np.int32)
        self.tfs = np.empty(4, dtype=np.float32)
        self.n = 0

    def add(self, item: int, tf: int) -> None:
        if self.n == len(self.ids):
            self.ids = np.resize(self.ids, 2 * self.n)
            self.tfs = np.resize(self.tfs, 2 * self.n)
        self.ids[self.n], self.tfs[self.n] = item, tf
        self.n += 1


@dataclass
class MatchIndex:
    """Claims and checks, added as they arrive, queried for the items a text matches.

    `vector_of(term)` gives a term's word vector (or None); it is asked once per distinct term."""

    vector_of: Callable[[str], np.ndarray | None]
    dim: int = 300
    keys: list[str] = field(default_factory=list)
    _features: list[Features] = field(default_factory=list)
    _term_ids: dict[str, int] = field(default_factory=dict)
    _postings: list[_Postings] = field(default_factory=list)
    _doc_terms: list[np.ndarray] = field(default_factory=list)
    _lengths: np.ndarray = field(default_factory=lambda: np.zeros(1024, dtype=np.float32))
    _total_length: float = 0.0
    _vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 300), dtype=np.float32))
    _position: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        self._vectors = np.zeros((1024, self.dim), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key: str) -> bool:
        return key in self._position

    def _term(self, term: str) -> int:
        tid = self._term_ids.get(term)
        if tid is None:
            tid = self._term_ids[term] = len(self._postings)
            self._postings.append(_Postings())
            if tid == len(self._vectors):
                self._vectors = np.resize(self._vectors, (2 * tid, self.dim))
            v = self.vector_of(term)
            if v is None or not np.any(v):
                self._vectors[tid] = 0
            else:
                v = np.asarray(v, dtype=np.float32)
                self._vectors[tid] = v / np.linalg.norm(v)
        return tid

    def add(self, key: str, features: Features) -> None:
        """Index one item (a key already there is left as it is: items do not change)."""
        if key in self._position:
            return
        item = len(self.keys)
        self._position[key] = item
        self.keys.append(key)
        self._features.append(features)
        counts: dict[int, int] = {}
        for term in features.terms:
            tid = self._term(term)
            counts[tid] = counts.get(tid, 0) + 1
        for tid, tf in counts.items():
            self._postings[tid].add(item, tf)
        self._doc_terms.append(np.fromiter(counts, dtype=np.int32, count=len(counts)))
        if item == len(self._lengths):
            self._lengths = np.resize(self._lengths, 2 * item)
        self._lengths[item] = len(features.terms)
        self._total_length += len(features.terms)

    def add_many(self, items: Iterable[tuple[str, Features]]) -> None:
        for key, features in items:
            self.add(key, features)

    def _vector(self, term_ids: np.ndarray) -> np.ndarray:
        if not len(term_ids):
            return np.zeros(self.dim, dtype=np.float32)
        v = self._vectors[term_ids].sum(axis=0)
        norm = np.linalg.norm(v)
        return v / norm if norm else v

    def _self_score(self, terms: tuple[str, ...]) -> float:
        """BM25 of a text against itself: the most any item can score for it (terms no item has count:
        an item lacks them)."""
        n = max(len(self.keys), 1)
        avgdl = self._total_length / n if self.keys else max(len(terms), 1)
        q: dict[str, int] = {}
        for term in terms:
            q[term] = q.get(term, 0) + 1
        total = 0.0
        for term, qtf in q.items():
            tid = self._term_ids.get(term)
            df = self._postings[tid].n if tid is not None else 0
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            total += idf * qtf * (K1 + 1) / (qtf + K1 * (1 - B + B * len(terms) / avgdl))
        return total

    def _bm25(self, query_terms: dict[int, int], n: int) -> tuple[np.ndarray, np.ndarray]:
        """(items, their BM25 scores)."""
        avgdl = self._total_length / n if n else 1.0
        parts_ids, parts_scores = [], []
        for tid in query_terms:  # BM25 counts each query term once per item (its tf is the item's)
            p = self._postings[tid]
            df = p.n
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            if df:
                ids, tfs = p.ids[:p.n], p.tfs[:p.n]
                dl = self._lengths[ids]
                parts_ids.append(ids)
                parts_scores.append(idf * tfs * (K1 + 1) / (tfs + K1 * (1 - B + B * dl / avgdl)))
        if not parts_ids:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        ids = np.concatenate(parts_ids)
        scores = np.concatenate(parts_scores)
        items, inverse = np.unique(ids, return_inverse=True)
        return items, np.bincount(inverse, weights=scores).astype(np.float32)

    def query(self, features: Features, *, allow: Callable[[str], bool] | None = None, exclude: str = "",
              threshold: float = THRESHOLD, limit: int = 10, candidates: int = CANDIDATES) -> list[Match]:
        """The items that match `features` (score ≥ threshold, nothing blocking), best first.
        `allow(key)` keeps only some items (say, checks only); `exclude` is the query's own key."""
        n = len(self.keys)
        query_terms: dict[int, int] = {}
        for term in features.terms:
            tid = self._term_ids.get(term)
            if tid is not None:  # a term no item has adds nothing to any score
                query_terms[tid] = query_terms.get(tid, 0) + 1
        if not query_terms or not n:
            return []
        items, scores = self._bm25(query_terms, n)
        self_score = self._self_score(features.terms)
        # the query's own vector holds its unknown terms too: one with no vector in common still counts
        qv = self._query_vector(features)
        order = np.argsort(-scores, kind="stable")
        out: list[Match] = []
        seen = 0
        for pos in order:
            if seen >= candidates:
                break
            item = int(items[pos])
            key = self.keys[item]
            if key == exclude or (allow is not None and not allow(key)):
                continue
            seen += 1
            if conflict(features, self._features[item]):
                continue
            bm = min(1.0, float(scores[pos]) / self_score) if self_score else 0.0
            cos = float(self._vector(self._doc_terms[item]) @ qv)
            score = BM25_WEIGHT * bm + (1 - BM25_WEIGHT) * cos
            if score >= threshold:
                out.append(Match(key, round(score, 4), round(bm, 4), round(cos, 4)))
        out.sort(key=lambda m: -m.score)
        return out[:limit]

    def _query_vector(self, features: Features) -> np.ndarray:
        vs = []
        for term in dict.fromkeys(features.terms):
            tid = self._term_ids.get(term)
            if tid is not None:
                vs.append(self._vectors[tid])
            else:
                v = self.vector_of(term)
                if v is not None and np.any(v):
                    vs.append(np.asarray(v, dtype=np.float32) / np.linalg.norm(v))
        if not vs:
            return np.zeros(self.dim, dtype=np.float32)
        v = np.sum(vs, axis=0)
        norm = np.linalg.norm(v)
        return v / norm if norm else v

    def score(self, a: Features, b: Features) -> Match | None:
        """The score `b` gets as a match for the query `a`, with this index's corpus statistics (b need
        not be in it), or None when a rule blocks the pair: what the evaluation on labelled pairs uses."""
        if conflict(a, b):
            return None
        n = max(len(self.keys), 1)
        avgdl = self._total_length / n if self.keys else max(len(b.terms), 1)
        q: dict[str, int] = {}
        for term in a.terms:
            q[term] = q.get(term, 0) + 1
        tf_b: dict[str, int] = {}
        for term in b.terms:
            tf_b[term] = tf_b.get(term, 0) + 1
        bm = 0.0
        for term in q:
            tid = self._term_ids.get(term)
            df = self._postings[tid].n if tid is not None else 0
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            tf = tf_b.get(term, 0)
            bm += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len(b.terms) / avgdl))
        self_score = self._self_score(a.terms)
        bm = min(1.0, bm / self_score) if self_score else 0.0
        cos = float(self._query_vector(a) @ self._query_vector(b))
        return Match("", round(BM25_WEIGHT * bm + (1 - BM25_WEIGHT) * cos, 4), round(bm, 4), round(cos, 4))
