"""A claim a person can read alone: the speaker, the reporting verb as written and the content, or the
sentence when that reads better (schema column `claim`).

`text` keeps the exact span the extractor found (« l'implication iranienne et cubaine dans le conflit »);
`claim` is what a table, a CSV or ClaimReview's `claimReviewed` shows (« Mike Pompeo a fustigé
l'implication iranienne et cubaine dans le conflit. »). Built from a row's offsets and texts only: no
model, no store.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from claims.lexicon import fold
from claims.words import AUX_FORMS, CLITIC_SUBJECTS, IMPERSONAL, RELATIVES

# A speaker found this way is written as a word that names no one (il, celui-ci, qui): the resolved
# name replaces it. A role (la ministre) keeps its words, the resolved name follows in brackets.
_REPLACED = ("pronoun",)
_BRACKETED = ("role", "apposition", "same source")
_QUOTE_OPEN, _QUOTE_CLOSE = "«“\"", "»”\""
_MAX_GAP_WORDS = 4  # words allowed between the speaker and the verb before the claim is composed instead
_WHOLE_SENTENCE = 0.85  # an attribution covering this share of its sentence: the sentence reads better
_END = ".!?…"
_LINK = re.compile(r"^[^\W\d_]+(?:['’ ]+[^\W\d_]+)*['’]?$")  # words only: que, qu', au passage que
_INVERTED = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on)$", re.IGNORECASE)  # a-t-il, dit-elle


def readable_claim(row: Mapping[str, Any], sentence_start: int) -> str:
    """The claim of an extracted row as a sentence. `row` holds the schema's columns (offsets in the
    article); `sentence_start` is where `row["sentence_text"]` starts in the article."""
    sentence = row.get("sentence_text") or ""
    content = (row.get("text") or "").strip()
    if row.get("kind") == "assertion" or not sentence:
        return _finish(sentence or content)
    name = _name(row)
    cue_words = (row.get("cue") or "").split()
    if row.get("kind") == "according_to" and cue_words and cue_words[-1] in RELATIVES:
        # « Mike Pompeo, pour qui le départ … »: read as « Selon Mike Pompeo, le départ … »
        return _composed(row, name, content, "")
    s0 = sentence_start

    def rel(key: str) -> int:
        value = row.get(key, -1)
        return value - s0 if value is not None and value >= 0 else -1

    start, end = rel("start"), rel("end")
    sp_start, sp_end, cue_start, cue_end = rel("speaker_start"), rel("speaker_end"), rel("cue_start"), rel("cue_end")
    inside = 0 <= start <= end <= len(sentence)
    speaker_inside = 0 <= sp_start < sp_end <= len(sentence)
    if not inside or not speaker_inside:  # the speaker is in another sentence (a quote standing alone)
        return _composed(row, name, content, "")
    pieces = [(start, end), (sp_start, sp_end)] + ([(cue_start, cue_end)] if 0 <= cue_start < cue_end else [])
    lo, hi = min(p[0] for p in pieces), max(p[1] for p in pieces)
    lo, hi = _with_quote_marks(sentence, lo, hi)
    attribution = sorted(pieces[1:])
    between = sentence[attribution[0][1]: attribution[-1][0]] if len(attribution) == 2 else ""
    if len(between.split()) > _MAX_GAP_WORDS or _gap(sentence, pieces) > 60:
        verb = _verb_phrase(sentence, row, sp_end, cue_start, cue_end) if cue_start >= 0 else ""
        link = sentence[cue_end:start].strip(" ,") if verb and 0 <= cue_end <= start else ""
        if len(link.split()) > 3 or not _LINK.match(link) or row.get("kind") == "direct":
            link = ""  # que, qu', à, contre, au passage que: kept; a clause or a quote in between is not
        return _composed(row, name, f"{link} {content}".replace("' ", "'") if link else content, verb)
    if row.get("kind") == "direct" and max(sp_end, cue_end) <= start and sentence[:lo].strip(" ,«“\"\n"):
        verb = _verb_phrase(sentence, row, sp_end, cue_start, cue_end) if cue_start >= 0 else ""
        return _composed(row, name, content, verb)  # « A, nous expliquait-elle. B »: B with its speaker
    impersonal = sentence[sp_start:sp_end].strip().lower() == "on"  # Du côté russe, on …: the side is before
    if hi - lo >= _WHOLE_SENTENCE * len(sentence.strip()) or impersonal:
        lo, hi = 0, len(sentence)
    named = _name_speaker(sentence, lo, hi, sp_start, sp_end, cue_end, row, name)
    return _finish(named) if named else _composed(row, name, content, "")


def _name(row: Mapping[str, Any]) -> str:
    """The resolved speaker when it names someone, else ""."""
    if row.get("speaker_type") in ("anonymous", "article", "unknown") and row.get("speaker_resolution") != "role":
        return ""
    return (row.get("speaker") or "").strip()


def _with_quote_marks(sentence: str, lo: int, hi: int) -> tuple[int, int]:
    """Widen [lo, hi) to the quotation marks around its ends (« Les Russes doivent partir » …)."""
    before = sentence[:lo].rstrip()
    if before and before[-1] in _QUOTE_OPEN:
        lo = len(before) - 1
    after = sentence[hi:]
    stripped = after.lstrip()
    if stripped and stripped[0] in _QUOTE_CLOSE and sentence[lo: hi].count("«") > sentence[lo: hi].count("»"):
        hi += len(after) - len(stripped) + 1
    return lo, hi


def _gap(sentence: str, pieces: list[tuple[int, int]]) -> int:
    """Characters of the span that belong to none of the pieces (asides, other clauses)."""
    covered = 0
    last = -1
    for a, b in sorted(pieces):
        a = max(a, last)
        if b > a:
            covered += b - a
            last = b
    lo, hi = min(p[0] for p in pieces), max(p[1] for p in pieces)
    return (hi - lo) - covered


def _name_speaker(sentence: str, lo: int, hi: int, sp_start: int, sp_end: int, cue_end: int,
                  row: Mapping[str, Any], name: str) -> str:
    """sentence[lo:hi] with the speaker as written replaced by, or completed with, the resolved name."""
    resolution = row.get("speaker_resolution") or ""
    mention = sentence[sp_start:sp_end]
    if not name or name == mention.strip() or resolution not in _REPLACED + _BRACKETED:
        return sentence[lo:hi]
    if resolution in _BRACKETED:
        return sentence[lo:sp_end] + f" ({name})" + sentence[sp_end:hi]
    head = sentence[lo:sp_start]
    inverted = _INVERTED.search(head + mention)
    if inverted and 0 <= cue_end <= hi and cue_end > sp_end:  # « … », a-t-il ajouté → a ajouté Trump
        cut = len(head + mention) - len(inverted.group(0))
        return (head + mention)[:cut] + sentence[sp_end:cue_end] + f" {name}" + sentence[cue_end:hi]
    if inverted:  # « … », ajoute-t-il → ajoute Trump
        cut = len(head + mention) - len(inverted.group(0))
        return (head + mention)[:cut] + f" {name}" + sentence[sp_end:hi]
    if mention.lower() in ("qui", "que", "qu'", "lequel", "laquelle"):  # pour qui … → selon Trump, …
        return ""
    return head + name + sentence[sp_end:hi]


def _verb_phrase(sentence: str, row: Mapping[str, Any], sp_end: int, cue_start: int, cue_end: int) -> str:
    """The reporting verb with its auxiliary as written (a déclaré, avait simplement reconnu); a present
    participle of an -er verb as a past tense (ajoutant → a ajouté)."""
    cue = sentence[cue_start:cue_end]
    words = sentence[max(sp_end, 0) if sp_end <= cue_start else 0: cue_start].split()[-3:]
    aux = next((i for i, w in enumerate(words) if w.lower() in AUX_FORMS), None)
    verb = " ".join([*words[aux:], cue]) if aux is not None and all(w.isalpha() for w in words[aux:]) else cue
    if verb == cue and words and words[-1].lower().replace("’", "'") in ("se", "s'"):
        verb = f"{words[-1]} {cue}" if words[-1] == "se" else words[-1] + cue  # se dit, s'indigne
    lemma = row.get("cue") or ""
    if " " not in verb and lemma.endswith("er") and " " not in lemma:
        if verb.endswith("ant") or verb.lower() == lemma:  # ajoutant, avant de préciser
            return "a " + lemma[:-2] + "é"
        if verb.lower() == lemma[:-2] + "é":  # « … », a ajouté Sy: the auxiliary was before the speaker
            return "a " + verb
    return verb


def _speaker_phrase(row: Mapping[str, Any], name: str) -> str:
    """The speaker for a composed claim: as written (le ministère de l'Intérieur), the resolved name for a
    pronoun, a role completed with its name (le procureur (Eric Masson))."""
    mention = " ".join((row.get("speaker_mention") or "").split()).strip(" ,-")
    resolution = row.get("speaker_resolution") or ""
    if not mention or resolution in _REPLACED or mention.lower() in RELATIVES | CLITIC_SUBJECTS | IMPERSONAL:
        return name
    if resolution in _BRACKETED and name and fold(name) not in fold(mention):
        return f"{mention} ({name})"
    return mention


def _composed(row: Mapping[str, Any], name: str, content: str, verb: str) -> str:
    """Speaker + verb + content when the sentence does not read well cut down; without a speaker, the
    sentence."""
    sentence = row.get("sentence_text") or content
    speaker = _speaker_phrase(row, name)
    if not speaker:
        return _finish(sentence)
    if row.get("kind") == "direct":
        body = content if content[:1] in _QUOTE_OPEN else f"« {content} »"
        return _finish(f"{speaker} {verb} : {body}" if verb and not verb.endswith("ant") else f"{speaker} : {body}")
    if verb and not verb.endswith("ant") and row.get("kind") != "according_to":
        return _finish(f"{speaker} {verb} {content}")
    return _finish(f"Selon {speaker}, {content}")


def _finish(text: str) -> str:
    """One line, a capital first, a final stop."""
    text = " ".join(text.split()).strip(" ,;:")
    if not text:
        return ""
    first = next((i for i, ch in enumerate(text) if ch.isalpha()), None)
    if first is not None and all(not ch.isalnum() for ch in text[:first]):
        text = text[:first] + text[first].upper() + text[first + 1:]
    last = text.rstrip(_QUOTE_CLOSE + " ")
    if text[-1] not in _END and not (last and last[-1] in _END):
        text += "."
    return text


def claim_or_sentence(claim: str | None, sentence_text: str | None) -> str:
    """The stored claim, or (a claim stored before the column existed, until its article is ingested
    again) its sentence."""
    return claim if claim else _finish(sentence_text or "")
