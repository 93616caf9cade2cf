"""Articles in, claims DataFrame out: the pipeline, per article and in parallel."""
from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from claims.articles import Article, iter_articles
from claims.assertions import is_check_worthy
from claims.certainty import conditional_markers, hedge_markers, is_conditional, is_past_report, level
from claims.detect import find_statements
from claims.lexicon import Lexicon, fold, load_lexicon, strip_accents
from claims.nlp import load_model, normalize
from claims.schema import frame_from_rows
from claims.speakers import Actor, Resolver
from claims.statement import Statement
from claims.tokens import quotes_of, text_of

log = logging.getLogger(__name__)
NO_SPEAKER = Actor("", "unknown", "no speaker found")


def claim_key(text: str) -> str:
    """Normalised claim text: what makes two claims 'the same' for ids and clusters."""
    return " ".join(re.findall(r"\w+", strip_accents(fold(text))))


def claim_id(article_id: str, text: str, occurrence: int) -> str:
    raw = f"{article_id}\x1f{claim_key(text)}\x1f{occurrence}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _row(article: Article, st: Statement, offset: int, para: int, sent_no: int,
         speaker: Actor, markers: list[dict], about: list[Actor]) -> dict:
    sent_start, sent_end = st.sentence.start_char + offset, st.sentence.end_char + offset
    sp = st.speaker
    return {
        "article_id": article.article_id,
        "article_title": article.title,
        "published": article.published,
        "paragraph": para,
        "sentence": sent_no,
        "start": st.start + offset,
        "end": st.end + offset,
        "text": article.text[st.start + offset: st.end + offset],
        "sentence_text": article.text[sent_start:sent_end],
        "kind": st.kind,
        "speaker": speaker.name,
        "speaker_mention": article.text[sp.start_char + offset: sp.end_char + offset] if sp is not None else "",
        "speaker_type": speaker.type,
        "speaker_resolution": speaker.resolution,
        "cue": st.cue,
        "certainty": level(st.kind, markers, speaker.type),
        "certainty_markers": markers,
        "about": [a.name for a in about if a.name != speaker.name or st.kind == "assertion"],
        "status": "unverified",
        "speaker_start": sp.start_char + offset if sp is not None else -1,
        "speaker_end": sp.end_char + offset if sp is not None else -1,
        "cue_start": st.cue_start + offset if st.cue_start >= 0 else -1,
        "cue_end": st.cue_end + offset if st.cue_end >= 0 else -1,
    }


def _markers(doc: Doc, st: Statement, speaker: Actor, lex: Lexicon, offset: int) -> list[dict]:
    content = doc.char_span(st.start, st.end, alignment_mode="expand")
    cue_tok = doc.char_span(st.cue_start, st.cue_end, alignment_mode="expand") if st.cue_start >= 0 else None
    past = st.kind in ("indirect", "mixed") and cue_tok is not None and is_past_report(cue_tok.root)
    found = conditional_markers(content, offset, after_past_report=past) + hedge_markers(content, lex, offset)
    if cue_tok is not None and st.kind != "according_to":
        aux = [c for c in cue_tok.root.children if c.dep_.startswith("aux")]
        for a in aux:  # il aurait déclaré: the attribution itself is in the conditional
            if is_conditional(a):
                found += conditional_markers(doc[a.i: cue_tok.root.i + 1], offset)
    if st.kind == "according_to":
        found.append({"text": text_of(doc)[st.cue_start: st.cue_end], "type": "evidential",
                      "start": st.cue_start + offset, "end": st.cue_end + offset})
    if speaker.type == "anonymous" and st.speaker is not None:
        start = min(st.speaker.start_char, st.cue_start) if st.kind == "according_to" else st.speaker.start_char
        end = max(st.speaker.end_char, st.cue_end if st.kind == "according_to" else 0)
        found.append({"text": text_of(doc)[start:end], "type": "vague_source", "start": start + offset,
                      "end": end + offset})
    return sorted(found, key=lambda m: m["start"])


def analyse(article: Article, docs: list[Doc], lex: Lexicon) -> list[dict]:
    """Rows for one article, from its parsed paragraphs (in order)."""
    resolver = Resolver(lex)
    article_actor = Actor(article.outlet or "article", "article", "the article itself")
    rows: list[dict] = []
    sent_no = 0
    for para, ((offset, _), doc) in enumerate(zip(article.paragraphs, docs)):
        quotes = quotes_of(doc)
        statements = find_statements(doc, lex)
        for sent in doc.sents:
            here = [s for s in statements if s.sentence.start == sent.start]
            resolver.read_sentence(sent, offset, sent_no, quotes, [s.speaker for s in here if s.speaker is not None])
            for st in here:
                sp = st.speaker
                speaker = (resolver.actor_at(sp.start_char + offset, sp.end_char + offset) if sp is not None
                           else None) or NO_SPEAKER
                markers = _markers(doc, st, speaker, lex, offset)
                about = resolver.actors_within(st.start + offset, st.end + offset)
                rows.append(_row(article, st, offset, para, sent_no, speaker, markers, about))
            if not here and is_check_worthy(sent, quotes):
                st = Statement("assertion", sent.start_char, sent.end_char, sent)
                markers = _markers(doc, st, article_actor, lex, offset)
                about = resolver.actors_within(st.start + offset, st.end + offset)
                rows.append(_row(article, st, offset, para, sent_no, article_actor, markers, about))
            sent_no += 1
    seen: dict[str, int] = {}
    for row in rows:
        key = claim_key(row["text"])
        row["claim_id"] = claim_id(article.article_id, row["text"], seen.get(key, 0))
        seen[key] = seen.get(key, 0) + 1
    return rows


def _parsed(nlp: Language, articles: list[Article], batch_size: int = 64) -> Iterator[tuple[Article, list[Doc]]]:
    """Each article with its parsed paragraphs, streaming all paragraphs through one nlp.pipe."""
    texts = ((normalize(a.text[s:e]), (n, p)) for n, a in enumerate(articles) for p, (s, e) in enumerate(a.paragraphs))
    docs: list[Doc] = []
    for doc, (n, p) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        docs.append(doc)
        if p == len(articles[n].paragraphs) - 1:
            yield articles[n], docs
            docs = []


def extract_rows(articles: list[Article], nlp: Language | None = None) -> list[dict]:
    """Rows for a batch of articles in this process (the unit of work for pools and Dask)."""
    nlp = nlp or load_model()
    lex = load_lexicon()
    rows: list[dict] = []
    for article, docs in _parsed(nlp, articles):
        rows.extend(analyse(article, docs, lex))
    return rows


def batches(items: list[Article], size: int) -> list[list[Article]]:
    return [items[i: i + size] for i in range(0, len(items), size)]


def default_processes() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def iter_extracted(articles: list[Article], processes: int | None = None, progress: bool | None = None,
                   chunk_size: int = 8) -> Iterator[tuple[list[Article], list[dict]]]:
    """(articles, rows) batches as they are done, on `processes` processes (default: all cores)."""
    processes = max(1, processes or default_processes())
    show = progress if progress is not None else (len(articles) > 1 and sys.stderr.isatty())
    bar = tqdm(total=len(articles), unit="article", desc="extracting", disable=not show, file=sys.stderr)
    try:
        if processes == 1 or len(articles) <= chunk_size:
            nlp = load_model()
            for chunk in batches(articles, chunk_size):
                rows = extract_rows(chunk, nlp)
                bar.update(len(chunk))
                yield chunk, rows
            return
        load_model()  # forked workers inherit the loaded model instead of each loading it
        ctx = get_context("fork") if sys.platform.startswith("linux") else get_context("spawn")
        with ProcessPoolExecutor(max_workers=processes, mp_context=ctx) as pool:
            chunks = batches(articles, chunk_size)
            for chunk, rows in zip(chunks, pool.map(extract_rows, chunks)):
                bar.update(len(chunk))
                yield chunk, rows
    finally:
        bar.close()


def extract(paths: Iterable[str | Path] | None = None, *, articles: Iterable[Article] | None = None,
            processes: int | None = None, progress: bool | None = None,
            problems: list[str] | None = None) -> pd.DataFrame:
    """Claims of the articles in `paths` (files or folders of .txt/.md) or of `articles`.

    Unreadable files are skipped with a warning naming them (and listed in `problems`).
    """
    items = list(articles or []) + (list(iter_articles(paths, problems)) if paths is not None else [])
    rows: list[dict] = []
    for _, batch in iter_extracted(items, processes=processes, progress=progress):
        rows.extend(batch)
    return frame_from_rows(rows)


def extract_text(text: str, article_id: str = "text", **meta: str) -> pd.DataFrame:
    """Claims of one article given as a string (for notebooks and tests)."""
    return extract(articles=[Article(article_id=article_id, text=text, **meta)], processes=1, progress=False)
