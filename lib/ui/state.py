"""Session state under Telaah's own keys, set up in one place.

The sidebar filters (period, wilayah, unit) and the language live here so they
survive page switches; pages read them with :func:`get_filters` / :func:`get_lang`
and never touch ``st.session_state`` keys of their own for these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
