"""Labels a person reads in place of codes (claims/data/labels.tsv), in English and French."""
from __future__ import annotations

from functools import cache

from claims.datafiles import read_table

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"


@cache
def _catalogue() -> dict[tuple[str, str], dict[str, str]]:
    return {(row["group"], row["code"]): row for row in read_table("labels.tsv")}


def label(group: str, code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label of `code` in `group` for `lang`; English when that language has none, else the code
    made readable (underscores become spaces) so a new code never shows as a raw identifier."""
    row = _catalogue().get((group, code))
    if row is None:
        return str(code).replace("_", " ")
    return row.get(lang) or row.get(DEFAULT_LANGUAGE) or str(code).replace("_", " ")


def labels(group: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every code of `group` with its label, in the catalogue's order."""
    return {code: label(group, code, lang) for (g, code) in _catalogue() if g == group}
