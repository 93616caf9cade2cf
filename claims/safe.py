"""Text from articles and users made harmless where it leaves the tool: spreadsheet cells and links.

Every CSV writer (extract, export, the dashboard's download) goes through neutralise_frame or
neutralise_arrow, so one rule covers them all.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import numpy as np
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
            risky = _formula_cells(col)
            if not risky.any():  # the usual case: nothing to rebuild
                continue
            risky = pa.array(risky)
            prefixed = pc.binary_join_element_wise(pa.scalar("'"), pc.filter(col, risky), "")
            table = table.set_column(i, field.name, pc.replace_with_mask(col, risky, prefixed))
    return table


# the first bytes of FORMULA_START (each one ASCII byte, so a UTF-8 text starting with one starts with it)
_FORMULA_BYTE = np.zeros(256, dtype=bool)
_FORMULA_BYTE[[ord(c) for c in FORMULA_START]] = True


def _formula_cells(col) -> np.ndarray:
    """Which cells of an Arrow string column start with FORMULA_START: each cell's first byte looked up,
    read from the column's buffers (a regex over every cell took ten times as long)."""
    import pyarrow as pa

    n = len(col)
    data = col.buffers()[2]
    if n == 0 or data is None:
        return np.zeros(n, dtype=bool)
    width = np.int64 if pa.types.is_large_string(col.type) else np.int32
    offsets = np.frombuffer(col.buffers()[1], dtype=width)[col.offset: col.offset + n + 1]
    starts, nonempty = offsets[:-1], offsets[1:] > offsets[:-1]
    first = np.zeros(n, dtype=np.uint8)
    first[nonempty] = np.frombuffer(data, dtype=np.uint8)[starts[nonempty]]
    risky = _FORMULA_BYTE[first] & nonempty
    if col.null_count:
        risky &= col.is_valid().to_numpy(zero_copy_only=False)
    return risky


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
