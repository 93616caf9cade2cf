"""Sidebar: the reviewer's name and the filters, each option with its count, kept in the URL."""
from __future__ import annotations

import streamlit as st

from claims.safe import escape_markdown
from claims.views import FACETS, MARKER_LABELS, ClaimSet, Filters

_TITLES = {"speaker": "Speaker", "found": "Attribution found by", "about": "About (actors named in the claim)",
           "kind": "Kind",
           "certainty": "Certainty", "marker": "Certainty markers", "status": "Status", "article": "Article"}
_HELP = {
    "speaker": "Who made the claim, resolved (celui-ci, Moscou… → the actor). Type to search.",
    "found": "How the extractor found the speaker, the least sure first: as written, role (le ministre → the "
             "latest named person), pronoun (il, celui-ci), same source, alias, named. Pick the weak ones to "
             "check them; the table can also sort by « weakest speaker first ».",
    "about": "Actors the claim talks about.",
    "kind": "direct quote, indirect speech, mixed (partial quote), according_to (selon X), "
            "assertion (the article's own statement).",
    "certainty": "asserted > reported > hedged > alleged (conditional) > unsourced (vague source). A claim is "
                 "listed under each sign it carries: a conditional from a vague source is alleged and unsourced.",
    "marker": "Only claims carrying one of these signs of uncertainty.",
}


_SPEAKER_NAMES = {"article": "the article itself", "": "(no speaker found)"}


def _key(name: str) -> str:
    return f"f_{name}"


def init_from_url(claims: ClaimSet) -> None:
    """On a session's first run, set the filter widgets from the link's query parameters."""
    if st.session_state.get("_filters_from_url"):
        return
    st.session_state["_filters_from_url"] = True
    f = Filters.from_params(st.query_params.get_all)
    for name in FACETS:
        known = set(claims.options(name))
        st.session_state[_key(name)] = [v for v in getattr(f, name) if v in known]
    if f.date_from or f.date_to:
        bounds = claims.date_bounds()
        if bounds:
            st.session_state[_key("dates")] = (f.date_from or bounds[0], f.date_to or bounds[1])
    st.session_state[_key("text")] = f.text


def current_filters() -> Filters:
    """The filters as the widgets hold them (read before the widgets are drawn, for the counts)."""
    get = st.session_state.get
    dates = get(_key("dates")) or ()
    return Filters(**{name: list(get(_key(name)) or []) for name in FACETS},
                   date_from=dates[0] if len(dates) > 0 else None,
                   date_to=dates[1] if len(dates) > 1 else None,
                   text=get(_key("text")) or "")


def pick_speaker(speaker: str) -> None:
    """A click on a chart's bar: show only that speaker."""
    st.session_state[_key("speaker")] = [speaker]


def clear_filters() -> None:
    for name in FACETS:
        st.session_state[_key(name)] = []
    st.session_state.pop(_key("dates"), None)
    st.session_state[_key("text")] = ""


def draw(claims: ClaimSet, statuses: list[str], article_titles: dict[str, str]) -> Filters:
    """Draw the filters; returns what they select."""
    counts = claims.facet_counts(current_filters())
    sb = st.sidebar
    sb.text_input("Search the claims' text", key=_key("text"), placeholder="e.g. Caracas, sanctions, troupes",
                  help="Words in the claim or its sentence; case and accents do not matter.")
    for name in FACETS:
        c = counts[name]
        options = claims.options(name)
        if name == "status":
            options = statuses + [s for s in options if s not in statuses]

        names = {"marker": MARKER_LABELS, "article": article_titles, "speaker": _SPEAKER_NAMES}.get(name, {})

        def label(v: str, c=c, names=names) -> str:
            return f"{names.get(v, v)} ({int(c.get(v, 0))})"

        sb.multiselect(_TITLES[name], options, key=_key(name), format_func=label, help=_HELP.get(name),
                       placeholder="all")
    bounds = claims.date_bounds()
    if bounds and bounds[0] < bounds[1]:
        st.session_state.setdefault(_key("dates"), bounds)
        sb.date_input("Date (published, else ingested)", min_value=bounds[0], max_value=bounds[1], key=_key("dates"))
    elif bounds:
        sb.caption(f"All claims are dated {bounds[0]:%d %B %Y}.")
    sb.button("Clear all filters", on_click=clear_filters, width="stretch")
    f = current_filters()
    if bounds and (f.date_from, f.date_to) == bounds:
        f.date_from = f.date_to = None  # the full range is no filter: keep it out of the link
    return f


def sync_url(f: Filters, open_claim: str | None) -> None:
    """Keep the view in the URL (filters and the open claim), so a link reproduces it."""
    params = f.to_params()
    if open_claim:
        params["claim"] = open_claim
    want = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    if want != have:
        st.query_params.from_dict(params)


def database(name: str, upgraded: str | None = None) -> None:
    """Which database this page shows (in a code span: a path is never read as Markdown), and what
    opening it did to an older schema."""
    fence = "``" if "`" in name else "`"
    st.sidebar.caption(f"Database: {fence}{name}{fence}")
    if upgraded:
        what = upgraded.split(": ", 1)[-1]
        st.sidebar.info(escape_markdown(what[:1].upper() + what[1:]), icon="ℹ️")


def ask_reviewer() -> str:
    """The reviewer's name, asked once a session: every verdict is signed with it."""
    return st.sidebar.text_input("Your name (signs your verdicts)", key="reviewer",
                                 placeholder="e.g. Ana Martin").strip()

