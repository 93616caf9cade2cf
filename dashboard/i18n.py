"""The page's language and time zone, and its words from the catalogue (claims/data/labels.tsv)."""
from __future__ import annotations

import streamlit as st

from claims.labels import LANGUAGES, label, pick_language


def browser_language() -> str:
    """The language the browser asks for (Accept-Language, st.context.locale), if the catalogue has it."""
    locale = getattr(st.context, "locale", None)
    if not locale:
        locale = (st.context.headers.get("Accept-Language") or "").split(",")[0] if st.context.headers else ""
    return pick_language(None, locale)


def init_language() -> str:
    """On a session's first run: ?lang= from the link, else the browser's language."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = pick_language(st.query_params.get("lang"), browser_language())
    return lang()


def lang() -> str:
    value = st.session_state.get("lang")
    return value if value in LANGUAGES else pick_language(value)


def timezone() -> str | None:
    """The reviewer's time zone (IANA name) as the browser gives it."""
    return getattr(st.context, "timezone", None)


def t(code: str, **values) -> str:
    """A UI string in the page's language, with its {placeholders} filled."""
    text = label("ui", code, lang())
    return text.format(**values) if values else text


def name(group: str, code: str) -> str:
    """The label of a code (status, kind, certainty…) in the page's language."""
    return label(group, str(code), lang())


def namer(group: str):
    """name() for one group with the page's language fixed now: a widget's format_func must give the same
    words whenever it is called (Streamlit may call it outside the run that drew the widget)."""
    language = lang()
    return lambda code: label(group, str(code), language)


def message(code: str, **values) -> str:
    return label("message", code, lang()).format(**values)
