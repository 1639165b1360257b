"""Session state under Telaah's own keys, set up in one place.

The sidebar filters (period, wilayah, unit) and the language live here so they
survive page switches; pages read them with :func:`get_filters` / :func:`get_lang`
and never touch ``st.session_state`` keys of their own for these.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from lib.i18n import DEFAULT_LANGUAGE
from lib.queries.units import Scope

LANG_KEY = "telaah_lang"
FILTERS_KEY = "telaah_filters"


@dataclass(frozen=True)
class Filters:
    """What every page is filtered by. ``unit_id``/``unit_code`` is the unit drilled into (None: all)."""

    date_from: date
    date_to: date
    region: str | None = None
    unit_id: int | None = None
    unit_code: str | None = None
    unit_path: str | None = None
    #: whose figures these are, for titles, labels and PDFs: the unit's name, the
    #: wilayah, or the city ("Kota Medan"); set by the sidebar
    scope_label: str | None = None

    @property
    def scope(self) -> Scope:
        return Scope(path_prefix=self.unit_path, region=self.region)


def default_filters() -> Filters:
    today = date.today()
    return Filters(date_from=date(today.year - 1, 1, 1), date_to=today)


def get_filters() -> Filters:
    return st.session_state.get(FILTERS_KEY) or default_filters()


def set_filters(filters: Filters) -> None:
    st.session_state[FILTERS_KEY] = filters


def get_lang() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def set_lang(lang: str) -> None:
    st.session_state[LANG_KEY] = lang


def show_current_label(key: str, label_of: Callable[[Any], str | None], default: Any) -> None:
    """Before a keyed selectbox is built: make the browser show its choice under today's label.

    A keyed selectbox keeps its identity when its options' labels change (the language, a count
    inside a label), and the browser goes on showing the label it last chose: Dampak's picker
    read "Semua program" after a switch to English. The choice itself is kept (it is the option,
    not its label); when its label differs from the last run's, the value is set again through
    the session, which makes Streamlit send the current label with the widget. ``default`` is
    the widget's choice before the reader makes one.
    """
    value = st.session_state.get(key, default)
    shown_key = f"{key}__shown"
    shown = label_of(value)
    if key in st.session_state and st.session_state.get(shown_key, shown) != shown:
        st.session_state[key] = value
    st.session_state[shown_key] = shown
