"""Articles in, claims DataFrame out: the pipeline, per article and in parallel."""
from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from claims.articles import Article
from claims.certainty import level
from claims.ids import claim_id_of_key, claim_key
from claims.nlp import load_model, normalize
from claims.pipeline import NO_SPAN_GROUPS, statements_by_sentence
from claims.readable import readable_claim
from claims.schema import frame_from_rows
from claims.speakers import Actor
from claims.statement import Statement
from claims.tokens import keep_text

log = logging.getLogger(__name__)


def _row(article: Article, st: Statement, offset: int, para: int, sent_no: int, speaker: Actor) -> dict:
    sent_start, sent_end = st.sentence.start_char + offset, st.sentence.end_char + offset
    sp = st.speaker
    markers = [{**m, "start": m["start"] + offset, "end": m["end"] + offset} for m in st.markers]
    row = {
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
        "speaker_confidence": 1.0 if st.kind == "assertion" else st.confidence,
        "cue": st.cue,
        "certainty": level(st.kind, markers, speaker.type),
        "certainty_markers": markers,
        "about": [a.name for a in st.about if a.name != speaker.name or st.kind == "assertion"],
        "status": "unverified",
        "speaker_start": sp.start_char + offset if sp is not None else -1,
        "speaker_end": sp.end_char + offset if sp is not None else -1,
        "cue_start": st.cue_start + offset if st.cue_start >= 0 else -1,
        "cue_end": st.cue_end + offset if st.cue_end >= 0 else -1,
    }
    row["claim"] = readable_claim(row, sent_start)
    return row


def analyse(article: Article, docs: list[Doc], nlp: Language) -> list[dict]:
    """Rows for one article from its parsed pieces (`parse_units`, in order): the components found the
    statements of each piece; speakers are resolved here across the whole article."""
    units = parse_units(article)
    nlp.get_pipe("claims_speakers").resolve(docs, [start for start, _, _ in units], span_groups=False)
    article_actor = Actor(article.outlet or "article", "article", "article")
    rows: list[dict] = []
    sent_no = 0
    for (offset, _, para), doc in zip(units, docs):
        by_sentence = statements_by_sentence(doc)
        for sent in doc.sents:
            for st in by_sentence.get(sent.start, ()):
                speaker = article_actor if st.kind == "assertion" else st.actor
                rows.append(_row(article, st, offset, para, sent_no, speaker))
            sent_no += 1
    seen: dict[str, int] = {}
    for row in rows:
        key = claim_key(row["text"])
        row["claim_id"] = claim_id_of_key(article.article_id, key, seen.get(key, 0))
        seen[key] = seen.get(key, 0) + 1
    return rows


MAX_PIECE = 20_000  # characters parsed at once: a huge one-line "paragraph" is cut at sentence ends


def parse_units(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of the pieces of an article given to spaCy: its paragraphs, the
    longer ones cut after a sentence end (else a space) so that no piece is over MAX_PIECE characters."""
    units = []
    for para, (start, end) in enumerate(article.paragraphs):
        while end - start > MAX_PIECE:
            window = article.text[start: start + MAX_PIECE]
            cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"))
            if cut < MAX_PIECE // 2:
                cut = window.rfind(" ")
            cut = cut + 1 if cut > 0 else MAX_PIECE
            units.append((start, start + cut, para))
            start += cut
            while start < end and article.text[start].isspace():
                start += 1
        if end > start:
            units.append((start, end, para))
    return units


def _parsed(nlp: Language, articles: list[Article], batch_size: int = 64) -> Iterator[tuple[Article, list[Doc]]]:
    """Each article with its parsed pieces, streaming all pieces through one nlp.pipe."""
    units = [parse_units(a) for a in articles]
    docs: list[Doc] = []
    # speakers are resolved per article (analyse), not per piece; the rows need no span groups
    for doc, (n, p) in nlp.pipe(_tokenized(nlp, articles, units), as_tuples=True, batch_size=batch_size,
                                disable=["claims_speakers"], component_cfg=NO_SPAN_GROUPS):
        docs.append(doc)
        if p == len(units[n]) - 1:
            yield articles[n], docs
            docs = []


def _tokenized(nlp: Language, articles: list[Article], units: list[list[tuple[int, int, int]]]) \
        -> Iterator[tuple[Doc, tuple[int, int]]]:
    """The Doc of each piece, tokenized here to keep its text with it (keep_text: the rules read it, and it need not
    be rebuilt from the tokens), with (article number, piece number)."""
    for n, article in enumerate(articles):
        for p, (start, end, _) in enumerate(units[n]):
            text = normalize(article.text[start:end])
            yield keep_text(nlp.make_doc(text), text), (n, p)


class ExtractionError(Exception):
    """An article the extractor could not analyse; the message names it and says why."""


@dataclass
class ExtractedBatch:
    """What one unit of work gives: the articles analysed, their rows, and the articles skipped."""
    articles: list[Article] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # "<file or id>: could not be analysed (…)"

    def report(self, problems: list[str] | None) -> tuple[list[Article], list[dict]]:
        """Log the failures (and add them to `problems`); the (articles, rows) to store."""
        for msg in self.failures:
            log.warning(msg)
            if problems is not None:
                problems.append(msg)
        return self.articles, self.rows


def extract_batch(articles: list[Article], nlp: Language | None = None) -> ExtractedBatch:
    """Rows for a batch of articles in this process (the unit of work for pools and Dask).

    An article that makes the analysis fail is reported in `failures` and left out; the others are kept."""
    nlp = nlp or load_model()
    texts = [a for a in articles if a.paragraphs]
    skipped = _without_text(articles)
    try:
        # each article is analysed as soon as its pieces are parsed, so that its Token objects and the rules'
        # caches go before the next article's are made (held for the whole batch, they made the collector
        # walk every object of the process once more per run)
        return _analysed(nlp, _parsed(nlp, texts), skipped)
    except Exception:  # noqa: BLE001 - one bad text must not lose the batch: parse them one by one
        parsed = []
        for article in texts:
            try:
                parsed.extend(_parsed(nlp, [article]))
            except Exception as err:  # noqa: BLE001
                skipped.append(_failure(article, err, "parsed"))
        return _analysed(nlp, parsed, skipped)


def _without_text(articles: list[Article]) -> list[str]:
    return [f"{_name(article)}: no text to analyse; skipped" for article in articles if not article.paragraphs]


def _in_one_stream(nlp: Language, chunks: list[list[Article]]) -> Iterator[tuple[list[Article], ExtractedBatch]]:
    """Each chunk with its batch, every article parsed through one nlp.pipe: its batches stay full, where a pipe
    per chunk ends each chunk on a part-filled one (~2 % of the extraction in one process). A text that makes the
    parser fail ends the stream; that chunk and the ones after it are then done one by one (extract_batch, which
    parses a failing chunk article by article)."""
    parsed = _parsed(nlp, [a for chunk in chunks for a in chunk if a.paragraphs])
    for n, chunk in enumerate(chunks):
        try:
            batch = _analysed(nlp, islice(parsed, sum(1 for a in chunk if a.paragraphs)), _without_text(chunk))
        except Exception:  # noqa: BLE001 - the parse of some text failed: nothing of this chunk was given yet
            for rest in chunks[n:]:
                yield rest, extract_batch(rest, nlp)
            return
        yield chunk, batch


def _analysed(nlp: Language, parsed: Iterable[tuple[Article, list[Doc]]], failures: list[str]) -> ExtractedBatch:
    """The rows of each parsed article, after `failures`; an error while parsing is raised."""
    out = ExtractedBatch(failures=list(failures))
    for article, docs in parsed:
        try:
            rows = analyse(article, docs, nlp)
        except Exception as err:  # noqa: BLE001 - reported with the article, the run goes on
            out.failures.append(_failure(article, err, "analysed"))
            continue
        out.articles.append(article)
        out.rows.extend(rows)
    return out


def _name(article: Article) -> str:
    return article.source or article.url or article.article_id


def _failure(article: Article, err: Exception, step: str) -> str:
    log.debug("analysis of %s failed", article.article_id, exc_info=err)
    return f"{_name(article)}: could not be {step} ({type(err).__name__}: {err}); skipped, nothing of it stored"


def extract_rows(articles: list[Article], nlp: Language | None = None) -> list[dict]:
    """Rows for a batch of articles; raises ExtractionError naming the articles that could not be analysed."""
    batch = extract_batch(articles, nlp)
    if batch.failures:
        raise ExtractionError("; ".join(batch.failures))
    return batch.rows


def batches(items: list[Article], size: int) -> list[list[Article]]:
    return [items[i: i + size] for i in range(0, len(items), size)]


def default_processes() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


Batches = Iterator[tuple[list[Article], list[dict]]]
_CHUNK = 8  # articles per batch given back (and per progress step) in one process


def iter_extracted(articles: list[Article], processes: int | None = None, progress: bool | None = None,
                   chunk_size: int | None = None, problems: list[str] | None = None) -> Batches:
    """(articles, rows) batches as they are done, on `processes` processes (default: all cores), `chunk_size`
    articles at a time (default: 8 in one process; with several, about eight chunks per process, of 8 to 64 articles:
    each chunk is parsed through a pipe of its own, whose last batch is part-filled).

    Articles that could not be analysed are left out of the batches, logged and added to `problems`."""
    processes = max(1, processes or default_processes())
    show = progress if progress is not None else (len(articles) > 1 and sys.stderr.isatty())
    bar = tqdm(total=len(articles), unit="article", desc="extracting", disable=not show, file=sys.stderr)

    def done(chunk: list[Article], batch: ExtractedBatch) -> tuple[list[Article], list[dict]]:
        bar.update(len(chunk))
        return batch.report(problems)

    try:
        if processes == 1 or len(articles) <= (chunk_size or _CHUNK):
            for chunk, batch in _in_one_stream(load_model(), batches(articles, chunk_size or _CHUNK)):
                yield done(chunk, batch)
            return
        chunk_size = chunk_size or max(_CHUNK, min(64, len(articles) // (processes * 8)))
        load_model()  # forked workers inherit the loaded model instead of each loading it
        ctx = get_context("fork") if sys.platform.startswith("linux") else get_context("spawn")
        with ProcessPoolExecutor(max_workers=processes, mp_context=ctx) as pool:
            chunks = batches(articles, chunk_size)
            for chunk, batch in zip(chunks, pool.map(extract_batch, chunks)):
                yield done(chunk, batch)
    finally:
        bar.close()


def extract(paths: Iterable[str | Path] | None = None, *, articles: Iterable[Article] | None = None,
            processes: int | None = None, progress: bool | None = None,
            problems: list[str] | None = None) -> pd.DataFrame:
    """Claims of the articles in `paths` (files, folders, tables, feeds and URLs: see
    claims.sources.inputs) or of `articles`.

    Unreadable inputs and articles the analysis fails on are skipped with a warning naming them
    (and listed in `problems`).
    """
    items = list(articles or [])
    if paths is not None:
        from claims.sources.inputs import read_inputs

        inputs = read_inputs([paths] if isinstance(paths, (str, Path)) else paths, progress=progress)
        items += inputs.articles
        if problems is not None:
            problems.extend(inputs.problems)
    rows: list[dict] = []
    for _, batch in iter_extracted(items, processes=processes, progress=progress, problems=problems):
        rows.extend(batch)
    return frame_from_rows(rows)


def extract_text(text: str, article_id: str = "text", **meta: str) -> pd.DataFrame:
    """Claims of one article given as a string (for notebooks and tests)."""
    return extract(articles=[Article(article_id=article_id, text=text, **meta)], processes=1, progress=False)
