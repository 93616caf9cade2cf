"""Text from articles and users made harmless where it leaves the tool: spreadsheet cells and links.

Every CSV writer (extract, export, the dashboard's download) goes through neutralise_frame or
neutralise_arrow, so one rule covers them all.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import pandas as pd

# OWASP "CSV injection": a cell starting with one of these is run as a formula by Excel and LibreOffice
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_REGEX = "^[=+\\-@\t\r]"


def neutralise(value: str) -> str:
    """A cell a spreadsheet shows as text: a leading ' before anything that would start a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def neutralise_frame(df: pd.DataFrame, copy: bool = True) -> pd.DataFrame:
    """`df` (a copy unless copy=False) with its text cells neutralised; numbers stay numbers."""
    out = df.copy() if copy else df
    for name in out.columns:
        col = out[name]
        if pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col):
            risky = col.str.match(_FORMULA_REGEX, na=False).astype(bool)  # non-text cells: False
            if risky.any():
                out[name] = col.mask(risky, "'" + col[risky].astype(str))
    return out


def neutralise_arrow(table, skip: Iterable[str] = ()):
    """The same for an Arrow table (the fast CSV export): string columns only, in Arrow's compute;
    `skip` names columns whose values the tool itself generates (ids, fixed vocabularies, timestamps)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    skip = set(skip)
    for i, field in enumerate(table.schema):
        if field.name not in skip and (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)):
            col = table.column(i).combine_chunks()
            risky = pc.fill_null(pc.match_substring_regex(col, _FORMULA_REGEX), False)
            if not pc.any(risky).as_py():  # the usual case: nothing to rebuild
                continue
            prefixed = pc.binary_join_element_wise(pa.scalar("'"), pc.filter(col, risky), "")
            table = table.set_column(i, field.name, pc.replace_with_mask(col, risky, prefixed))
    return table


_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """`text` as literal text in a Markdown message (Streamlit's st.info, st.warning…): every ASCII
    punctuation mark backslash-escaped, so a file name or path never becomes an image, a link, a
    :red[colour] or $math$."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def http_url(url: str | None) -> str:
    """`url` when it is an http(s) URL with a host, else "": only such links are shown or published
    (no javascript:, data:, file: or relative links from an article's front matter)."""
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""
