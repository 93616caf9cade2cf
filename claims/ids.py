"""Claim ids and claim keys: what makes two claims 'the same', with no NLP import.

The store's clusters and the extraction's ids both use these, so the store never needs spaCy.
"""
from __future__ import annotations

import hashlib
import re

from claims.lexicon import strip_accents

_WORD = re.compile(r"\w+")


def claim_key(text: str) -> str:
    """Normalised claim text: what makes two claims 'the same' for ids and clusters."""
    # only the words count: lower-casing is all of fold that can change them (its apostrophes and spaces
    # are no word characters); a whole claim is seldom met twice, so strip_accents' cache is left alone
    return " ".join(_WORD.findall(strip_accents.__wrapped__(text.lower())))


def claim_id(article_id: str, text: str, occurrence: int) -> str:
    """Stable id: article id, normalised text and its occurrence number in the article."""
    return claim_id_of_key(article_id, claim_key(text), occurrence)


def claim_id_of_key(article_id: str, key: str, occurrence: int) -> str:
    """claim_id from the claim's key already computed (`claim_key`)."""
    raw = f"{article_id}\x1f{key}\x1f{occurrence}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
