"""The complaint search box and its results, for the Pengaduan page (one call draws both).

Searches the complaint texts the reader may see (their scope, the sidebar's period and
unit) in the database, shows the texts masked, newest first, with dates and status in the
reader's language. The search words are kept in the address (``?cari=…``) with the other
filters, so a search can be shared as a link.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from lib.i18n import translate
from lib.queries.complaint_search import DEFAULT_LIMIT, MAX_NEEDLE, clean_needle, search_complaints
from lib.queries.units import Scope
from lib.ui.data import cached, engine
from lib.ui.format import EMPTY, Column, display_frame, integer, is_missing

#: The address parameter that carries the search words.
SEARCH_PARAM = "cari"
SEARCH_KEY = "telaah_complaint_search"
#: How each result column is shown (labels are the Pengaduan page's own).
RESULT_COLUMNS = {
    "complaint_date": Column("complaints.col.date", "date"),
    "unit_name": Column("complaints.col.unit"),
    "status": Column("complaints.col.status"),
    "text": Column("complaints.col.text"),
    "channel": Column("complaints.col.channel"),
    "number": Column("complaints.col.number"),
}
TTL = 300


@cached(ttl=TTL)
def _search(eng: Engine, needle: str, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    """Masked results only: nothing unmasked enters the cache."""
    return search_complaints(eng, needle, scope, date_from, date_to)


def results_table(found: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The results as the reader sees them: labelled columns, dates in words, status translated."""
    shown = found.copy()
    shown["status"] = [_status(value, lang) for value in shown["status"]]
    return display_frame(shown, RESULT_COLUMNS, lang)


def _status(value: object, lang: str) -> str:
    if is_missing(value):
        return EMPTY
    key = f"complaints.status.{value}"
    text = translate(key, lang)
    return str(value) if text == key else text


def complaint_search_section(scope: Scope, date_from: date, date_to: date, lang: str) -> None:
    """Draw the search box and, once words are typed, the matching complaints (masked)."""
    if SEARCH_KEY not in st.session_state:
        st.session_state[SEARCH_KEY] = clean_needle(st.query_params.get(SEARCH_PARAM, ""))
    typed = st.text_input(
        translate("search.label", lang),
        key=SEARCH_KEY,
        max_chars=MAX_NEEDLE,
        placeholder=translate("search.placeholder", lang),
        help=translate("search.help", lang),
    )
    needle = clean_needle(typed)
    if needle:
        st.query_params[SEARCH_PARAM] = needle
    elif SEARCH_PARAM in st.query_params:
        del st.query_params[SEARCH_PARAM]
    if not needle:
        return
    found = _search(engine(), needle, scope, date_from, date_to)
    if found.empty:
        st.info(translate("search.none", lang, words=needle))
        return
    key = "search.found_limit" if len(found) >= DEFAULT_LIMIT else "search.found"
    st.caption(translate(key, lang, n=integer(len(found), lang), limit=integer(DEFAULT_LIMIT, lang)))
    text_label = translate("complaints.col.text", lang)
    st.dataframe(
        results_table(found, lang),
        hide_index=True,
        width="stretch",
        column_config={text_label: st.column_config.TextColumn(width="large")},
    )
