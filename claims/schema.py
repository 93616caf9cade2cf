"""The claims DataFrame: its columns, their meaning, and the value scales.

Every other module builds, stores, filters or exports frames with exactly these columns.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # loaded by the functions that build frames: the command line's parser reads the constants
    import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # "str", "int", "float", "bool", "list", "markers"
    doc: str


COLUMNS: tuple[Column, ...] = (
    Column("claim_id", "str", "Stable id: the same article text gives the same id on every run "
           "(hash of article id, normalised claim text and its occurrence number)."),
    Column("article_id", "str", "Article id: for a file, its name without the extension; for a web article, "
                                "its site and a hash of its normalised canonical URL."),
    Column("article_title", "str", "Title: the article's first line when it has no final punctuation."),
    Column("published", "str", "Publication date (ISO 8601) when known, else empty."),
    Column("paragraph", "int", "Paragraph number in the article (0 = first, usually the title)."),
    Column("sentence", "int", "Sentence number within the article (0-based)."),
    Column("start", "int", "Character offset where the claim text starts in the original article text."),
    Column("end", "int", "Character offset just after the claim text in the original article text."),
    Column("text", "str", "The claim content: what is claimed (the quote, the reported clause, the sentence)."),
    Column("sentence_text", "str", "The evidence: the whole sentence that holds the claim."),
    Column("kind", "str", "direct, indirect, mixed, according_to or assertion (see KINDS)."),
    Column("speaker", "str", "Resolved canonical actor (Mike Pompeo, Russie, anonymous source, the article)."),
    Column("speaker_mention", "str", "The speaker as written (celui-ci, Moscou, certaines sources américaines)."),
    Column("speaker_type", "str", "person, organization, government, anonymous, article or unknown."),
    Column("speaker_resolution", "str", "How the speaker was found: named, alias, apposition, short form, anonymous, "
           "same source, pronoun, role, people, as written, unresolved, none, article "
           "(claims/data/resolutions.tsv)."),
    Column("speaker_confidence", "float", "How far the speaker can be trusted, 0–1, from how it was found "
           "(claims/data/resolutions.tsv): reviewers check the lowest first."),
    Column("cue", "str", "Lemma of the reporting verb (lancer, estimer, mettre en garde), or selon / d'après."),
    Column("certainty", "str", "Certainty level, one of CERTAINTY_LEVELS (asserted … unsourced)."),
    Column("certainty_markers", "markers", "Markers found: list of {text, type, start, end}; "
           "type is conditional, vague_source, hedge or evidential."),
    Column("about", "list", "Canonical actors the claim is about (named in its text)."),
    Column("status", "str", "Verification status (see claims/data/statuses.tsv); unverified at extraction."),
    Column("speaker_start", "int", "Offset of the speaker mention in the article (-1 when none)."),
    Column("speaker_end", "int", "Offset just after the speaker mention (-1 when none)."),
    Column("cue_start", "int", "Offset of the cue in the article (-1 when none)."),
    Column("cue_end", "int", "Offset just after the cue (-1 when none)."),
    Column("claim", "str", "The claim as a sentence a person reads alone: the speaker (as written, or resolved "
           "when written as a pronoun), the reporting verb as written and the content, or the whole sentence "
           "when that reads better (claims/readable.py). Shown and exported; `text` keeps the exact span."),
)

COLUMN_NAMES: list[str] = [c.name for c in COLUMNS]

# Columns the store adds to every frame it returns for a reviewer's corrections and sources (after the
# extraction columns and note, reviewer…): `speaker`, `speaker_type` and `kind` above then hold the
# corrected values (claims/store/corrections.py), what filters, charts and exports use.
CORRECTION_COLUMNS: tuple[Column, ...] = (
    Column("speaker_extracted", "str", "The speaker the extractor found; `speaker` differs when a reviewer "
           "corrected it."),
    Column("speaker_type_extracted", "str", "The extractor's speaker type (see speaker_type)."),
    Column("kind_extracted", "str", "The kind the extractor found; `kind` differs when a reviewer corrected it."),
    Column("not_claim", "bool", "True when a reviewer marked the row « not a claim »: hidden from the desk "
           "by default."),
    Column("evidence_urls", "list", "Source links (http/https) given with the current verdict."),
)

KINDS: dict[str, str] = {
    "direct": "a quotation with its speaker: « … » a lancé X; X a déclaré : « … »",
    "indirect": "reported speech: X a estimé que …, X a assuré + infinitive, X a fustigé …",
    "mixed": "reported speech holding a partial quote: X a confirmé que … « … »",
    "according_to": "an attribution: selon X, d'après X, pour X, de source X",
    "assertion": "a check-worthy statement the article makes itself (names, numbers, dates, events)",
}
ATTRIBUTED_KINDS = ("direct", "indirect", "mixed", "according_to")

# Ordered from the most to the least sure; a claim takes the lowest level any of its signs gives.
CERTAINTY_LEVELS: dict[str, str] = {
    "asserted": "stated as fact by the article itself, with no hedge",
    "reported": "attributed to an identified speaker, with no hedge",
    "hedged": "carries a hedge (censé, semble, relativement, environ …)",
    "alleged": "in the journalistic conditional (aurait tenté, serait): the text does not vouch for it",
    "unsourced": "attributed to an anonymous or vague source (selon certaines sources)",
}
MARKER_TYPES = ("conditional", "vague_source", "hedge", "evidential")
SPEAKER_TYPES = ("person", "organization", "government", "anonymous", "article", "unknown")
ANONYMOUS = "anonymous source"  # the `speaker` of every anonymous or vague source (speaker_type anonymous)

_INT_COLUMNS = [c.name for c in COLUMNS if c.dtype == "int"]
_LIST_COLUMNS = [c.name for c in COLUMNS if c.dtype in ("list", "markers")]


def certainty_rank(level: str) -> int:
    """0 for the surest level; larger is less sure."""
    return list(CERTAINTY_LEVELS).index(level)


def empty_frame() -> pd.DataFrame:
    return frame_from_rows([])


def frame_from_rows(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Build a claims frame with the schema's columns, in order, with their dtypes."""
    import pandas as pd

    return conform(pd.DataFrame(rows, columns=COLUMN_NAMES))


def conform(df: pd.DataFrame) -> pd.DataFrame:
    """Give the schema's columns of `df` their dtypes in place (missing ints → -1, strings → "")."""
    import pandas as pd

    for name in _INT_COLUMNS:
        df[name] = pd.to_numeric(df[name]).fillna(-1).astype("int64")
    for c in COLUMNS:
        if c.dtype == "str":
            df[c.name] = df[c.name].fillna("").astype(str)
        elif c.dtype == "float":
            df[c.name] = pd.to_numeric(df[c.name]).fillna(0.0).astype("float64")
    return df


def markers_to_text(markers: list[dict[str, Any]]) -> str:
    """'aurait (conditional); selon certaines sources (vague_source)' for CSV and tables."""
    return "; ".join(f"{m['text']} ({m['type']})" for m in markers)


def list_to_text(values: list[str]) -> str:
    return "; ".join(values)


def for_csv(df: pd.DataFrame) -> pd.DataFrame:
    """A copy where list columns are readable text and no cell can start a formula, for CSV and
    spreadsheets."""
    from claims.safe import neutralise_frame

    out = df.copy()
    for c in (*COLUMNS, *CORRECTION_COLUMNS):
        if c.name not in out:
            continue
        if c.dtype == "markers":
            out[c.name] = out[c.name].map(lambda v: markers_to_text(v) if isinstance(v, list) else (v or ""))
        elif c.dtype == "list":
            out[c.name] = out[c.name].map(lambda v: list_to_text(v) if isinstance(v, list) else (v or ""))
    return neutralise_frame(out, copy=False)


def write_frame(df: pd.DataFrame, path: str, *, bom: bool = False) -> None:
    """Write a claims frame as .csv (lists as readable text) or .jsonl (lists as JSON arrays)."""
    write_frames([df], path, bom=bom)


def write_frames(frames: Iterable[pd.DataFrame], path: str, *, bom: bool = False) -> int:
    """Write frames one after the other to one .csv or .jsonl file (bounded memory); returns the rows."""
    if not path.endswith((".csv", ".jsonl")):
        raise ValueError(f"{path}: output must end in .csv or .jsonl")
    fmt = "csv" if path.endswith(".csv") else "jsonl"
    with open(path, "w", encoding="utf-8-sig" if bom and fmt == "csv" else "utf-8", newline="") as fh:
        return write_stream(frames, fh, fmt)


def write_stream(frames: Iterable[pd.DataFrame], fh: TextIO, fmt: str) -> int:
    """Write frames to an open text stream as "csv" (lists as readable text) or "jsonl"; returns the rows."""
    n = 0
    for i, df in enumerate(frames):
        if fmt == "csv":
            # %g writes 1.0 as 1, as the Arrow CSV export does: one file whichever path wrote it
            for_csv(df).to_csv(fh, index=False, header=i == 0, lineterminator="\n", float_format="%g")
        else:
            for rec in df.to_dict(orient="records"):
                fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        n += len(df)
    return n


def describe_columns() -> str:
    """The columns as a Markdown table (used for the README)."""
    lines = ["| column | meaning |", "| --- | --- |"]
    lines += [f"| `{c.name}` | {c.doc} |" for c in (*COLUMNS, *CORRECTION_COLUMNS)]
    return "\n".join(lines)
