"""Sidebar: the reviewer's name and the filters, each option with its count, kept in the URL."""
from __future__ import annotations

import streamlit as st

from claims.labels import LANGUAGES, label, readable_time
from claims.safe import escape_markdown
from claims.schema import ANONYMOUS
from claims.views import FACETS, ClaimSet, Filters
from dashboard.i18n import browser_language, lang, name, t
from dashboard.widgets import keep_choice

# facet → its group of labels in the catalogue
_NAMES = {"speaker": "speaker", "found": "resolution", "kind": "kind", "certainty": "certainty",
          "marker": "marker_filter", "status": "status", "checked": "checked"}


def option_label(facet: str, value: str, article_titles: dict[str, str] | None = None,
                 language: str | None = None) -> str:
    """What a person reads for a facet's value: a label from the catalogue, an article's title, a name."""
    language = language or lang()
    if facet == "article":
        return (article_titles or {}).get(value, value)
    if facet == "speaker":
        return label("speaker", value or "none", language) if value in ("article", "", ANONYMOUS) else value
    group = _NAMES.get(facet)
    return label(group, value, language) if group else value


_HELPED = ("speaker", "found", "about", "kind", "certainty", "marker", "checked")


def _key(facet: str) -> str:
    return f"f_{facet}"


def init_from_url(claims: ClaimSet) -> None:
    """On a session's first run, set the filter widgets from the link's query parameters."""
    if st.session_state.get("_filters_from_url"):
        return
    st.session_state["_filters_from_url"] = True
    f = Filters.from_params(st.query_params.get_all)
    for facet in FACETS:
        known = set(claims.options(facet))
        st.session_state[_key(facet)] = [v for v in getattr(f, facet) if v in known]
    if f.date_from or f.date_to:
        bounds = claims.date_bounds()
        if bounds:
            st.session_state[_key("dates")] = (f.date_from or bounds[0], f.date_to or bounds[1])
    st.session_state[_key("text")] = f.text
    st.session_state[_key("not_claims")] = f.not_claims


def current_filters() -> Filters:
    """The filters as the widgets hold them (read before the widgets are drawn, for the counts)."""
    get = st.session_state.get
    dates = get(_key("dates")) or ()
    return Filters(**{facet: list(get(_key(facet)) or []) for facet in FACETS},
                   date_from=dates[0] if len(dates) > 0 else None,
                   date_to=dates[1] if len(dates) > 1 else None,
                   text=get(_key("text")) or "", not_claims=bool(get(_key("not_claims"))))


def pick_speaker(speaker: str) -> None:
    """A click on a chart's bar: show only that speaker."""
    st.session_state[_key("speaker")] = [speaker]


def clear_filters() -> None:
    for facet in FACETS:
        st.session_state[_key(facet)] = []
    st.session_state.pop(_key("dates"), None)
    st.session_state[_key("text")] = ""
    st.session_state[_key("not_claims")] = False


def draw(claims: ClaimSet, statuses: list[str], article_titles: dict[str, str]) -> Filters:
    """Draw the filters; returns what they select."""
    counts = claims.facet_counts(current_filters())
    sb = st.sidebar
    sb.text_input(name("filter", "text"), key=_key("text"), placeholder=t("search_placeholder"),
                  help=name("filter_help", "text"))
    language = lang()
    for facet in FACETS:
        c = counts[facet]
        options = claims.options(facet)
        if facet == "status":
            options = statuses + [s for s in options if s not in statuses]

        def shown(v: str, c=c, facet=facet, language=language) -> str:
            return f"{option_label(facet, v, article_titles, language)} ({int(c.get(v, 0))})"

        keep_choice(_key(facet))  # its labels carry counts, which change with the other filters
        sb.multiselect(name("filter", facet), options, key=_key(facet), format_func=shown,
                       help=label("filter_help", facet, lang()) if facet in _HELPED else None, placeholder=t("all"))
    bounds = claims.date_bounds()
    if bounds and bounds[0] < bounds[1]:
        st.session_state.setdefault(_key("dates"), bounds)
        sb.date_input(name("filter", "dates"), min_value=bounds[0], max_value=bounds[1], key=_key("dates"),
                      format="DD/MM/YYYY" if lang() == "fr" else "YYYY/MM/DD")
    elif bounds:
        sb.caption(t("all_dated", date=readable_time(bounds[0].isoformat(), lang=lang())))
    hidden = int(claims.not_claim.sum())
    if hidden:
        sb.checkbox(t("show_not_claims", n=f"{hidden:,}"), key=_key("not_claims"))
    sb.button(t("clear_filters"), on_click=clear_filters, width="stretch")
    f = current_filters()
    if bounds and (f.date_from, f.date_to) == bounds:
        f.date_from = f.date_to = None  # the full range is no filter: keep it out of the link
    return f


def sync_url(f: Filters, open_claim: str | None, reviewer: str = "") -> None:
    """Keep the view in the URL (filters, the open claim, the reviewer's name and a language other than
    the browser's), so a reload or a link reproduces it."""
    params = f.to_params()
    if open_claim:
        params["claim"] = open_claim
    if reviewer:
        params["reviewer"] = reviewer
    if lang() != browser_language():
        params["lang"] = lang()
    want = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    if want != have:
        st.query_params.from_dict(params)


def database(db_name: str, upgraded: str | None = None) -> None:
    """Which database this page shows (in a code span: a path is never read as Markdown), and what
    opening it did to an older schema."""
    fence = "``" if "`" in db_name else "`"
    st.sidebar.caption(f"{t('database')}: {fence}{db_name}{fence}")
    if upgraded:
        what = upgraded.split(": ", 1)[-1]
        st.sidebar.info(escape_markdown(what[:1].upper() + what[1:]), icon="ℹ️")


def language() -> str:
    """The switch between the catalogue's languages (first set from ?lang= or the browser)."""
    st.sidebar.radio(t("language"), LANGUAGES, key="lang", format_func=lambda c: label("lang", c), horizontal=True)
    return lang()


def ask_reviewer() -> str:
    """The reviewer's name: every verdict is signed with it. Kept in the page's address (?reviewer=), so
    a reload, a bookmark or a link of one's own keeps it."""
    if "reviewer" not in st.session_state:
        st.session_state["reviewer"] = (st.query_params.get("reviewer") or "").strip()
    return st.sidebar.text_input(t("reviewer"), key="reviewer", placeholder=t("reviewer_placeholder"),
                                 help=t("reviewer_help")).strip()
