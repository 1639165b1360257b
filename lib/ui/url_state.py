"""The shared filters in the page's address, so a view can be bookmarked or sent to a colleague.

``/pengaduan?periode=custom&dari=2026-01-01&sampai=2026-06-30&wilayah=Medan+Utara&unit=KEC-MBLW``
opens Pengaduan with exactly those filters. The address is read once, when a session's
first page with filters is drawn, and validated before anything is applied:

- values that mean nothing (an unknown period, a malformed date, a unit code that does not
  exist) are ignored quietly: a mistyped link still opens, with the usual filters;
- a real wilayah or unit outside the viewer's scope (a camat opening a colleague's link for
  another kecamatan) is refused with a message, and the viewer sees their own scope. The data
  layer enforces the scope again whatever the address says.

After every run the address is rewritten from the filters in force, so it always says what
the page shows. The parsing and checking are plain functions (tested without Streamlit);
only :func:`read_request`, :func:`apply_request` and :func:`write_filters` touch Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from lib.coverage import PRESETS
from lib.i18n import LANGUAGES
from lib.ui.state import Filters

#: The address's parameter names: Indonesian, as the reader sees them in a shared link.
PERIOD, DATE_FROM, DATE_TO, REGION, UNIT = "periode", "dari", "sampai", "wilayah", "unit"
FILTER_PARAMS = (PERIOD, DATE_FROM, DATE_TO, REGION, UNIT)
#: Set once a session has read its address; later runs only write it.
READ_KEY = "telaah_url_read"
PERIOD_KEY, DATES_KEY, REGION_KEY = "telaah_period_preset", "telaah_dates", "telaah_region"
UNIT_KEY = "telaah_unit_{level}"
MAX_UNIT_DEPTH = 8


@dataclass(frozen=True)
class FilterRequest:
    """What an address asks for, each part already checked for form (None: not asked, or garbage)."""

    preset: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    region: str | None = None
    unit_code: str | None = None


def _iso_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _first(params: Mapping[str, object], name: str) -> str | None:
    value = params.get(name)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value[:200] or None


def parse_request(params: Mapping[str, object], today: date) -> FilterRequest | None:
    """The filters an address asks for; None when it names none. Malformed parts are dropped.

    A custom period needs both dates, in order and not after ``today``; otherwise the
    period is left as it was.
    """
    if not any(_first(params, name) for name in FILTER_PARAMS):
        return None
    preset = _first(params, PERIOD)
    if preset not in PRESETS:
        preset = None
    start, end = _iso_date(_first(params, DATE_FROM)), _iso_date(_first(params, DATE_TO))
    if preset == "custom" and not (start and end and start <= end <= today):
        preset = None
    if preset != "custom":
        start = end = None
    return FilterRequest(
        preset=preset,
        date_from=start,
        date_to=end,
        region=_first(params, REGION),
        unit_code=_first(params, UNIT),
    )


def unit_chain(units: pd.DataFrame, code: str) -> list[str] | None:
    """The drill-down choices, top first, that end at ``code`` among ``units``; None if it is not there.

    A unit's ``path`` lists its ancestors' codes (``/DINKES/PKM-BLW/``); the chain keeps those
    the viewer's drill-down offers, which start at the top of their scope.
    """
    match = units[units["code"] == code]
    if match.empty:
        return None
    present = set(units["code"])
    return [c for c in str(match.iloc[0]["path"]).strip("/").split("/") if c in present]


@dataclass(frozen=True)
class Resolution:
    """What to apply (session values for the sidebar's widgets) and what to refuse (names to report)."""

    values: dict[str, object]
    refused: list[str]


def resolve_request(
    request: FilterRequest, *, units: pd.DataFrame, all_units: pd.DataFrame, regions: list[str]
) -> Resolution:
    """Check a request against the viewer's scope: ``units``/``regions`` are what they may pick.

    Returns the sidebar state to set and, for a real wilayah or unit outside the scope, its
    name to tell the viewer. A unit inside the scope wins over a wilayah it does not lie in.
    """
    values: dict[str, object] = {}
    refused: list[str] = []
    if request.preset:
        values[PERIOD_KEY] = request.preset
        if request.preset == "custom":
            values[DATES_KEY] = (request.date_from, request.date_to)
    region = request.region
    if region and region not in regions:
        if region in set(all_units["region"].dropna()):
            refused.append(region)
        region = None
    chain = None
    if request.unit_code:
        chosen = units if not region else units[units["region"] == region]
        chain = unit_chain(chosen, request.unit_code)
        if chain is None and region:
            region, chain = None, unit_chain(units, request.unit_code)
        if chain is None:
            other = all_units[all_units["code"] == request.unit_code]
            if not other.empty and unit_chain(units, request.unit_code) is None:
                refused.append(str(other.iloc[0]["name"]))
    if region is not None or request.region is not None or chain is not None:
        values[REGION_KEY] = region or ""
    if chain is not None:
        for level in range(MAX_UNIT_DEPTH):
            values[UNIT_KEY.format(level=level)] = chain[level] if level < len(chain) else ""
    return Resolution(values, refused)


def read_request(today: date) -> FilterRequest | None:
    """The address's request, the first time a session draws the filters (None afterwards)."""
    if st.session_state.get(READ_KEY):
        return None
    st.session_state[READ_KEY] = True
    return parse_request(st.query_params.to_dict(), today)


def apply_request(
    request: FilterRequest, *, units: pd.DataFrame, all_units: pd.DataFrame, regions: list[str]
) -> list[str]:
    """Put a checked request into the sidebar's state; returns the refused names for a message.

    Each filter's widget keys (one per language) are dropped too, so the widgets are created
    afresh with the requested value instead of keeping their own.
    """
    resolution = resolve_request(request, units=units, all_units=all_units, regions=regions)
    for key, value in resolution.values.items():
        st.session_state[key] = value
        if key != DATES_KEY:
            for lang in LANGUAGES:
                st.session_state.pop(f"{key}__{lang}", None)
    return resolution.refused


def filter_params(preset: str, filters: Filters) -> dict[str, str]:
    """The address parameters that reproduce ``filters`` (empty filters are left out)."""
    params = {PERIOD: preset}
    if preset == "custom":
        params[DATE_FROM] = filters.date_from.isoformat()
        params[DATE_TO] = filters.date_to.isoformat()
    if filters.region:
        params[REGION] = filters.region
    if filters.unit_code:
        params[UNIT] = filters.unit_code
    return params


def write_filters(preset: str, filters: Filters) -> None:
    """Make the address say what the page shows; other parameters of the address are kept."""
    wanted = filter_params(preset, filters)
    current = st.query_params
    for name in FILTER_PARAMS:
        if name in wanted:
            if current.get(name) != wanted[name]:
                current[name] = wanted[name]
        elif name in current:
            del current[name]


def keep_in_url(param: str, key: str, options: Sequence[str]) -> None:
    """Keep a page option (the widget under ``key``) in the address as ``param``; call it before the widget.

    In a fresh session a valid ``?param=value`` seeds the widget's state (anything not in
    ``options`` is ignored); on every run the widget's current value is written back, so a
    changed option changes the address. ``options`` are the widget's option values (strings).
    The widget must not be given ``index``/``value`` as well (Streamlit warns when a keyed
    widget gets both a default and a value set through the session state).
    """
    if key not in st.session_state:
        asked = _first(st.query_params.to_dict(), param)
        if asked in options:
            st.session_state[key] = asked
        return
    value = st.session_state[key]
    if value in options:
        if st.query_params.get(param) != value:
            st.query_params[param] = value
    elif param in st.query_params:
        del st.query_params[param]
