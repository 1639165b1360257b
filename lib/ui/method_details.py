"""Two depths of language on a page: the conclusion in plain words, the statistics behind "Rincian metode".

A leader reads what happened, how sure we are and what to do; an evaluator opens the
expander for the method, the interval and the test. Every analysis draws both through
:func:`conclusion_with_details`, so the expander is named and placed the same way everywhere.
"""

from __future__ import annotations

import streamlit as st

from lib.ui.format import MethodDetails, method_details
from lib.ui.state import get_lang

#: The "Rincian metode" mark.
DETAILS_ICON = ":material/functions:"


def conclusion_with_details(
    conclusion: str, lines: list[str], *, expanded: bool = False, key: str | None = None
) -> MethodDetails:
    """Draw ``conclusion`` (Markdown the caller made safe) and, when there are any, ``lines`` in the expander.

    With ``key`` the expander is a :func:`lazy_expander`: its lines are built and sent only
    while it is open (opening it reruns the page, or the enclosing fragment).
    Returns what was drawn, for tests and for exports that print the same two depths.
    """
    details = method_details(conclusion, lines, get_lang())
    st.markdown(details.conclusion)
    if details.lines:
        if key is None:
            with st.expander(details.title, expanded=expanded, icon=DETAILS_ICON):
                st.markdown(details.markdown)
        else:
            with details_expander(key=key) as box:
                if box.open:
                    st.markdown(details.markdown)
    return details


def lazy_expander(label: str, key: str, *, icon: str | None = None):  # type: ignore[no-untyped-def]
    """A collapsed expander that tells whether it is open (``.open``), so its content is drawn only then.

    Streamlit sends and the browser draws a collapsed expander's content on every run; behind
    this one, nothing is built until the reader opens it (which reruns the enclosing
    fragment). The open state is kept under ``key`` for the session.
    """
    return st.expander(label, icon=icon, key=key, on_change="rerun")


def details_expander(*, expanded: bool = False, key: str | None = None):  # type: ignore[no-untyped-def]
    """The "Rincian metode" expander itself, for statistics that are tables or charts, not lines.

    ``with details_expander(): st.dataframe(...)``; named and marked as in :func:`conclusion_with_details`.
    With ``key`` it is a :func:`lazy_expander`: draw its content only ``if box.open``.
    """
    title = method_details("", [], get_lang()).title
    if key is not None:
        return lazy_expander(title, key, icon=DETAILS_ICON)
    return st.expander(title, expanded=expanded, icon=DETAILS_ICON)
