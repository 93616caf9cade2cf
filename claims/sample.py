"""A deterministic corpus for benchmarks and scale tests: the seed articles' paragraphs recombined."""
from __future__ import annotations

import random
from pathlib import Path

from claims.articles import Article, read_article

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"  # installed with the package


def sample_corpus(n: int, seed: int = 7, seeds_dir: Path = SEEDS, paragraphs: int = 6) -> list[Article]:
    """n articles, each a title and `paragraphs` paragraphs drawn from the seed articles."""
    pool: list[str] = []
    for f in sorted(seeds_dir.glob("*.txt")):
        art = read_article(f)
        pool += [art.text[s:e] for s, e in art.paragraphs[1:]]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = "\n\n".join(rng.choice(pool) for _ in range(paragraphs))
        out.append(Article(article_id=f"sample-{i:05d}", text=f"Article d'exemple numéro {i}\n\n{body}\n"))
    return out


def write_corpus(articles: list[Article], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in articles:
        p = folder / f"{a.article_id}.txt"
        p.write_text(a.text, encoding="utf-8")
        paths.append(p)
    return paths
