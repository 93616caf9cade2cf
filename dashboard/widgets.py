"""Keeping a reviewer's choices when the words of a widget's options change."""
from __future__ import annotations

import streamlit as st


def keep_choice(key: str) -> None:
    """Send a select widget's value again with this run's option labels.

    Streamlit (≥ 1.50) sends back the *label* of a selectbox's or multiselect's choice, not the option. When
    the labels change under a choice that stays (a filter's count « Trump (5) » → « Trump (1) » once another
    filter is picked, a status « False » → « Faux » when the page switches to French), the browser still
    holds the old label and, at the next click anywhere, the choice is lost: filters dropped one by one.
    Setting the value through the session state before the widget is drawn makes Streamlit send the
    browser the current labels. Call it just before drawing a widget
    that takes no default (index, default): Streamlit warns when a widget has both."""
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]
