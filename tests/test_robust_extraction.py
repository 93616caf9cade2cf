"""No text stops a run: a paragraph that once crashed the extractor, an article whose analysis fails,
huge one-line paragraphs, and a few thousand random and truncated real paragraphs."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from conftest import fail_analysis_of

from claims.articles import Article
from claims.extract import MAX_PIECE, ExtractionError, extract, extract_batch, extract_rows, parse_units

GOLD = Path(__file__).parent / "data" / "gold"


def _gold_texts() -> list[str]:
    texts = []
    for name in ("dev.jsonl", "dev_paragraphs.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["text"])
    return texts


def test_the_paragraph_that_crashed_incise_gives_its_statements():
    text = next(t for t in _gold_texts() if t.startswith("Le principal suspect dans l'affaire du policier"))
    df = extract(articles=[Article("q08", text)], processes=1, progress=False)
    said = df[df["cue"] == "faire savoir"]
    assert len(said) == 1 and said.iloc[0]["speaker_mention"] == "son avocat"


def test_an_article_whose_analysis_fails_is_named_and_the_others_are_kept(monkeypatch):
    fail_analysis_of(monkeypatch, "bad")
    good = Article("good", "« Nous partirons », a déclaré le maire, Jean Dupont.", source="good.txt")
    bad = Article("bad", "« Nous resterons », a déclaré le préfet.", source="articles/bad.txt")
    batch = extract_batch([bad, good])
    assert [a.article_id for a in batch.articles] == ["good"]
    assert {r["article_id"] for r in batch.rows} == {"good"}
    assert batch.failures == ["articles/bad.txt: could not be analysed (IndexError: boom); skipped, "
                              "nothing of it stored"]
    problems: list[str] = []
    df = extract(articles=[bad, good], processes=1, progress=False, problems=problems)
    assert set(df["article_id"]) == {"good"} and problems == batch.failures
    with pytest.raises(ExtractionError, match="articles/bad.txt"):
        extract_rows([bad])


def test_a_text_the_parser_fails_on_ends_the_stream_and_loses_nothing_else(monkeypatch):
    """One process parses every article through one nlp.pipe; a text that makes it raise stops that stream. Its
    chunk and the later ones are then parsed chunk by chunk, the failing one article by article: the other
    articles give the same rows as without it, and the failure names the article."""
    import importlib

    ex = importlib.import_module("claims.extract")  # the package exports a function of the same name
    texts = _gold_texts()[:30]
    articles = [Article(f"a{i:02d}", text, source=f"a{i:02d}.txt") for i, text in enumerate(texts)]
    expected = extract(articles=[a for a in articles if a.article_id != "a11"], processes=1, progress=False)
    real = ex._parsed

    def parsed(nlp, batch, batch_size=64):
        for article, docs in real(nlp, batch, batch_size):
            if article.article_id == "a11":
                raise ValueError("parser broke")
            yield article, docs

    monkeypatch.setattr(ex, "_parsed", parsed)
    problems: list[str] = []
    got = extract(articles=articles, processes=1, progress=False, problems=problems)
    assert problems == ["a11.txt: could not be parsed (ValueError: parser broke); skipped, nothing of it stored"]
    assert "a11" not in set(got["article_id"]) and len(set(got["article_id"])) >= 20
    assert got.drop(columns="extracted_at", errors="ignore").equals(
        expected.drop(columns="extracted_at", errors="ignore"))


def test_a_huge_one_line_paragraph_is_cut_at_sentence_ends():
    sentence = "Le maire a déclaré que la piscine rouvrirait en juin. "
    text = "Titre\n\n" + sentence * 40_000  # 2.2 MB on one line, far over spaCy's 1,000,000 characters
    units = parse_units(Article("big", text))
    assert all(end - start <= MAX_PIECE for start, end, _ in units)
    assert {para for _, _, para in units} == {0, 1}
    body = "".join(text[s:e] for s, e, _ in units[1:])
    assert body.replace(" ", "") == text[7:].replace(" ", "")  # nothing lost but the spaces between pieces
    assert all(text[e - 1] == "." for _, e, _ in units[1:-1])  # cut after a sentence, not inside one


def test_a_long_paragraph_is_extracted_in_pieces():
    sentence = "Le maire, Jean Dupont, a déclaré que la piscine rouvrirait en juin. "
    text = "Titre\n\n" + sentence * 800  # 55,000 characters in one paragraph
    df = extract(articles=[Article("long", text)], processes=1, progress=False)
    said = df[df["kind"] == "indirect"]
    assert len(said) == 800 and set(said["paragraph"]) == {1}
    assert (said["speaker"] == "Jean Dupont").all()
    assert said["start"].is_monotonic_increasing and said["claim_id"].is_unique


def _mangled(texts: list[str], n: int, rng: random.Random) -> list[str]:
    """Real paragraphs cut at random places, shuffled, with stray marks and symbols."""
    junk = ["«", "»", "\"", "“", "(", ")", "—", "-t-il", ", a-t-il dit,", "selon", "qu'", "\u00a0", "\n", "...", "<b>",
            "&nbsp;", "\x0b", "🙂", "é", ",", ".", "M.", "-", "'"]
    out = []
    for _ in range(n):
        text = rng.choice(texts)
        a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        piece = text[a:b] if rng.random() < 0.6 else text[a:]
        words = piece.split(" ")
        for _ in range(rng.randrange(4)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(junk))
        if rng.random() < 0.3:
            rng.shuffle(words)
        out.append(" ".join(words))
    return out


def test_random_and_truncated_real_paragraphs_never_raise():
    rng = random.Random(20261125)
    pieces = _mangled(_gold_texts(), 2000, rng)
    articles = [Article(f"fuzz-{i:04d}", text) for i, text in enumerate(pieces)]
    batch = extract_batch(articles)
    analysed = {a.article_id for a in batch.articles}
    # every input is either analysed or named in a failure: nothing vanishes and nothing raises
    named = {a.article_id for a in articles if any(f.startswith(a.article_id + ":") for f in batch.failures)}
    assert analysed | named == {a.article_id for a in articles}
    # and the rules cope with every text: the only skips are pieces with nothing in them
    assert all(f.endswith("no text to analyse; skipped") for f in batch.failures), batch.failures[:5]
    for row in batch.rows:
        article = articles[int(row["article_id"].split("-")[1])]
        assert article.text[row["start"]:row["end"]] == row["text"]
        assert 0 <= row["start"] <= row["end"] <= len(article.text)
