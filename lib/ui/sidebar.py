"""The sidebar every page shares: language, period, wilayah and unit drill-down.

Widgets keep their own keys (prefixed ``telaah_``) so their values survive page
switches; the resulting :class:`~lib.ui.state.Filters` is stored once per run
for pages to read with ``get_filters()``.
"""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd
import streamlit as st

from lib.i18n import LANGUAGES
from lib.queries.units import CITY, Scope, list_regions, list_units
from lib.ui.data import db_url, engine
from lib.ui.i18n import t
from lib.ui.state import LANG_KEY, Filters, get_lang, set_filters

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
PRESETS = ("last12", "this_year", "last_year", "all", "custom")


@st.cache_data(ttl=600, show_spinner=False)
def _units(url: str) -> pd.DataFrame:
    from lib.db import get_engine

    return list_units(get_engine(url), Scope())


@st.cache_data(ttl=600, show_spinner=False)
def _regions(url: str) -> list[str]:
    from lib.db import get_engine

    return list_regions(get_engine(url))


def preset_range(preset: str, anchor: date) -> tuple[date, date]:
    """Date range of a period preset, in whole months ending with the month of ``anchor``.

    ``anchor`` is the last day with data (see :func:`data_anchor`), so "the last
    12 months" are 12 months that have data and compare cleanly with the 12
    before them, even when the latest import lags behind today.
    """
    month_end = date(anchor.year, anchor.month, calendar.monthrange(anchor.year, anchor.month)[1])
    if preset == "this_year":
        return date(anchor.year, 1, 1), month_end
    if preset == "last_year":
        return date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31)
    if preset == "all":
        return date(2000, 1, 1), month_end
    start_month = anchor.month + 1 if anchor.month < 12 else 1
    start_year = anchor.year - 1 if anchor.month < 12 else anchor.year
    return date(start_year, start_month, 1), month_end


@st.cache_data(ttl=600, show_spinner=False)
def data_anchor(url: str, today: date) -> date:
    """The latest day with survey, complaint or service data, but never after ``today``."""
    from lib.db import get_engine
    from lib.queries.inventory import data_inventory

    inventory = data_inventory(get_engine(url)).set_index("kind")
    dates = [inventory.loc[k, "last_date"] for k in ("survei", "pengaduan", "layanan")]
    dates = [d for d in dates if d is not None and d == d]
    if not dates:
        return today
    latest = max(dates)
    if latest.day == 1:  # monthly aggregates are keyed by the month's first day
        latest = date(latest.year, latest.month, calendar.monthrange(latest.year, latest.month)[1])
    return min(latest, today)


def language_switch() -> str:
    current = get_lang()
    choice = st.sidebar.selectbox(
        t("sidebar.language"),
        LANGUAGES,
        index=LANGUAGES.index(current),
        format_func=LANGUAGE_NAMES.get,
        key="telaah_lang_select",
    )
    if choice != current:
        st.session_state[LANG_KEY] = choice
        st.rerun()
    return choice


def _choose(label: str, options: list[str], format_func, name: str) -> str:  # type: ignore[no-untyped-def]
    """A sidebar selectbox whose choice survives page switches *and* language switches.

    The chosen value is kept under ``name``; the widget's own key carries the
    language, because Streamlit keeps showing a keyed selectbox's old option
    label after the labels change.
    """
    value = st.session_state.get(name, options[0] if options else "")
    index = options.index(value) if value in options else 0
    choice = st.sidebar.selectbox(
        label, options, index=index, format_func=format_func, key=f"{name}__{get_lang()}"
    )
    st.session_state[name] = choice
    return choice


def _unit_drilldown(units: pd.DataFrame, allowed: Scope) -> pd.Series | None:
    """Cascading selectboxes from top-level units down the hierarchy; returns the deepest chosen unit."""
    if units.empty:
        return None
    by_parent = units.groupby(units["parent_id"].fillna(0).astype(int))
    ids = set(units["id"])
    roots = units[units["parent_id"].isna() | ~units["parent_id"].isin(ids)]
    chosen: pd.Series | None = None
    level, options = 0, roots
    while not options.empty:
        parent_name = None if chosen is None else chosen["name"]
        label = t("sidebar.unit") if chosen is None else t("sidebar.subunit", parent=parent_name)
        none_label = (
            t("sidebar.all_units") if chosen is None else t("sidebar.all_subunits", parent=parent_name)
        )
        codes = [""] + options.sort_values("name")["code"].tolist()
        names = dict(zip(options["code"], options["name"], strict=True))
        code = _choose(
            label,
            codes,
            lambda c, n=names, none=none_label: none if c == "" else n[c],
            f"telaah_unit_{level}",
        )
        if not code:
            break
        chosen = options[options["code"] == code].iloc[0]
        children_key = int(chosen["id"])
        options = by_parent.get_group(children_key) if children_key in by_parent.groups else options.iloc[0:0]
        level += 1
    # Forget deeper choices left over from an earlier drill-down.
    for stale in range(level + 1, 8):
        st.session_state.pop(f"telaah_unit_{stale}", None)
        for lang in LANGUAGES:
            st.session_state.pop(f"telaah_unit_{stale}__{lang}", None)
    return chosen


def render_sidebar(allowed: Scope = CITY) -> Filters:
    """Draw the shared filters and store the result for the pages of this run.

    ``allowed`` is the scope the signed-in user may see; the drill-down starts
    inside it, and the data layer enforces it again whatever the widgets say.
    """
    st.sidebar.subheader(t("sidebar.filters"))
    url = db_url()
    engine()  # migrate before the first query
    today = date.today()
    anchor = data_anchor(url, today)
    preset = _choose(
        t("sidebar.period"), list(PRESETS), lambda p: t(f"sidebar.period.{p}"), "telaah_period_preset"
    )
    date_from, date_to = preset_range(preset, anchor)
    if preset == "custom":
        picked = st.sidebar.date_input(
            t("sidebar.dates"),
            value=(date_from, date_to),
            max_value=today,
            key="telaah_dates",
            format="DD/MM/YYYY",
        )
        if isinstance(picked, tuple) and len(picked) == 2:
            date_from, date_to = picked

    regions = _regions(url)
    region = _choose(
        t("sidebar.region"),
        ["", *regions],
        lambda r: t("sidebar.all_regions") if r == "" else r,
        "telaah_region",
    )
    units = _units(url)
    if allowed.path_prefix:
        units = units[units["path"].str.startswith(allowed.path_prefix)]
    if region:
        units = units[units["region"] == region]
    chosen = _unit_drilldown(units, allowed)
    filters = Filters(
        date_from=date_from,
        date_to=date_to,
        region=region or None,
        unit_id=None if chosen is None else int(chosen["id"]),
        unit_code=None if chosen is None else str(chosen["code"]),
        unit_path=(str(chosen["path"]) if chosen is not None else allowed.path_prefix),
    )
    set_filters(filters)
    scope_name = chosen["name"] if chosen is not None else (region or t("sidebar.city"))
    st.sidebar.caption(t("sidebar.scope", scope=scope_name))
    return filters
